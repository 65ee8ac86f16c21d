/* Broadsheet's service worker, served at /sw.js (scope: the whole site). Precaches the app shell and the offline
   page; static files cache-first; pages network-first with the cached copy as fallback, then /offline. Article
   pages opened recently are kept (the newest MAX_PAGES), saved articles in their own cache until unsaved. */
"use strict";
var VERSION = "__VERSION__";
var SHELL = "broadsheet-shell-" + VERSION;
var PAGES = "broadsheet-pages";
var SAVED = "broadsheet-saved";
var PRECACHE = __PRECACHE__;
var MAX_PAGES = 60;
var CACHED_PAGES =
  /^\/(?:|articles\/\d+|saved|for-you|sources\/\d+|stories\/\d+|topics\/[a-z-]+|entities\/\d+|get-the-app)$/;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(PRECACHE); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.indexOf("broadsheet-shell-") === 0 && n !== SHELL; })
      .map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

function pageKey(url) {
  return new URL(url).pathname;  /* /articles/5?unread=1 and /articles/5 are one page */
}

function keep(cacheName, key, response, limit) {
  return caches.open(cacheName).then(function (cache) {
    return cache.delete(key).then(function () { return cache.put(key, response); }).then(function () {
      if (!limit) { return; }
      return cache.keys().then(function (keys) {
        var extra = keys.slice(0, Math.max(0, keys.length - limit));
        return Promise.all(extra.map(function (k) { return cache.delete(k); }));
      });
    });
  });
}

function fetchAndKeep(url, cacheName, limit) {
  return fetch(url, {credentials: "same-origin"}).then(function (response) {
    if (response.ok && !response.redirected) {
      return keep(cacheName, pageKey(response.url), response, limit);
    }
  });
}

function networkFirst(request) {
  var url = new URL(request.url);
  var cacheable = CACHED_PAGES.test(url.pathname);
  return fetch(request).then(function (response) {
    if (cacheable && response.ok && !response.redirected && response.type === "basic") {
      var copy = response.clone();
      keep(PAGES, pageKey(request.url), copy, MAX_PAGES);
    }
    return response;
  }).catch(function () {
    return caches.match(pageKey(request.url)).then(function (cached) {
      return cached || caches.match("/offline");
    });
  });
}

function cacheFirst(request) {
  return caches.match(request).then(function (cached) {
    return cached || fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(SHELL).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (url.pathname.indexOf("/static/") === 0 || url.pathname.indexOf("/icons/") === 0) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === "navigate" || (request.headers.get("accept") || "").indexOf("text/html") >= 0) {
    event.respondWith(networkFirst(request));
  }
});

/* From app.js: {type: "opened", url} keeps a page just read; {type: "saved", url, saved} keeps or drops a saved
   article; {type: "saved-list", urls} keeps every article listed on /saved; {type: "forget"} drops every kept page
   (after signing out). */
self.addEventListener("message", function (event) {
  var data = event.data || {};
  var work;
  if (data.type === "opened" && CACHED_PAGES.test(pageKey(data.url))) {
    work = caches.match(pageKey(data.url)).then(function (hit) {
      return hit || fetchAndKeep(data.url, PAGES, MAX_PAGES);
    });
  } else if (data.type === "saved" && data.saved) {
    work = fetchAndKeep(data.url, SAVED, 0);
  } else if (data.type === "saved") {
    work = caches.open(SAVED).then(function (cache) { return cache.delete(pageKey(data.url)); });
  } else if (data.type === "forget") {  /* the reader signed out: their pages go */
    work = Promise.all([caches.delete(PAGES), caches.delete(SAVED)]);
  } else if (data.type === "saved-list" && Array.isArray(data.urls)) {
    work = caches.open(SAVED).then(function (cache) {
      return Promise.all(data.urls.slice(0, 200).map(function (u) {
        return cache.match(pageKey(u)).then(function (hit) { return hit || fetchAndKeep(u, SAVED, 0); });
      }));
    });
  }
  if (work) {
    event.waitUntil(work.catch(function () {}).then(function () {
      if (event.source) { event.source.postMessage({type: "kept", url: data.url || null}); }
    }));
  }
});
