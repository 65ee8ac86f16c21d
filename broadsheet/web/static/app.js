/* Broadsheet: small enhancements only; every page works without this file. */
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var copied = document.execCommand("copy");
      area.remove();
      if (copied) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  /* "Link to share" fallback links become "Copy link" buttons. */
  document.querySelectorAll("a[data-copy]").forEach(function (link) {
    var button = document.createElement("button");
    var status = document.createElement("span");
    button.type = "button";
    button.className = link.className;
    button.textContent = "Copy link";
    status.className = "copy-status";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      copyText(link.getAttribute("data-copy")).then(function () {
        status.textContent = "Link copied";
      }, function () {
        status.textContent = "Could not copy: select the address bar instead";
      });
      window.setTimeout(function () { status.textContent = ""; }, 4000);
    });
    link.replaceWith(button, status);
  });
})();

/* Reading: the service worker (offline reading), save/read buttons in place, keyboard shortcuts and their help. */
(function () {
  "use strict";

  var ARTICLE_PAGE = /^\/articles\/\d+$/;

  function tellWorker(message) {
    if (!("serviceWorker" in navigator)) { return; }
    navigator.serviceWorker.ready.then(function (reg) {
      if (reg.active) { reg.active.postMessage(message); }
    });
  }

  /* Signed out (online, and signed in before on this browser): forget the pages kept for the reader. */
  function forgetReaderAfterSignOut() {
    var signedIn = !!document.querySelector(".site-nav a[href='/for-you']");
    try {
      if (signedIn) {
        localStorage.setItem("broadsheet-reader", "1");
      } else if (navigator.onLine && localStorage.getItem("broadsheet-reader")) {
        localStorage.removeItem("broadsheet-reader");
        tellWorker({type: "forget"});
      }
    } catch (e) { /* storage refused: nothing to remember */ }
  }

  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register("/sw.js", {scope: "/"}).catch(function () {});
    forgetReaderAfterSignOut();
    if (ARTICLE_PAGE.test(location.pathname)) {
      tellWorker({type: "opened", url: location.pathname});
    }
    if (location.pathname === "/saved") {
      var links = [];
      document.querySelectorAll(".card__title a[href^='/articles/']").forEach(function (a) {
        links.push(a.getAttribute("href"));
      });
      tellWorker({type: "saved-list", urls: links});
    }
  }

  /* Save / read forms: submitted in place, the button flips; without this they post and come back. */
  function updateForm(form, state) {
    var action = form.getAttribute("data-action");
    var on = action === "save" ? state.saved : state.read;
    var field = form.querySelector("input[name='" + (action === "save" ? "saved" : "read") + "']");
    var button = form.querySelector(".state-label") || form.querySelector("button");
    field.value = on ? "0" : "1";
    if (action === "save") {
      button.textContent = on ? "Saved · Unsave" : "Save";
    } else {
      button.textContent = on ? "Mark unread" : "Mark read";
      var card = form.closest(".card");
      if (card) {
        card.classList.toggle("card--unread", !on);
        var badge = card.querySelector(".badge--unread");
        if (badge) { badge.hidden = on; }
      }
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form.state-form")) { return; }
    event.preventDefault();
    var status = document.getElementById("reading-status");
    fetch(form.action, {method: "POST", body: new FormData(form), credentials: "same-origin",
                        headers: {"Accept": "application/json"}})
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (state) {
        updateForm(form, state);
        if (form.getAttribute("data-action") === "save") {
          tellWorker({type: "saved", url: "/articles/" + state.id, saved: state.saved});
        }
        if (status) {
          status.textContent = form.getAttribute("data-action") === "save"
            ? (state.saved ? "Saved" : "Removed from saved") : (state.read ? "Marked read" : "Marked unread");
        }
      })
      .catch(function () { form.submit(); });
  });

  /* Keyboard shortcuts. */
  var SHORTCUTS = [["j", "Next article"], ["k", "Previous article"], ["o", "Open the original article"],
                   ["s", "Save or unsave"], ["m", "Mark read or unread"], ["?", "Show this help"]];
  var dialog = null;

  function items() {
    var cards = document.querySelectorAll(".article-list .card");
    if (cards.length) { return Array.prototype.slice.call(cards); }
    var story = document.querySelector("article.story");
    return story ? [story] : [];
  }

  function current(list) {
    var i = list.indexOf(document.querySelector(".is-current"));
    return i;
  }

  function focusItem(list, i) {
    list.forEach(function (el) { el.classList.remove("is-current"); });
    var el = list[i];
    el.classList.add("is-current");
    el.setAttribute("tabindex", "-1");
    el.focus();
    el.scrollIntoView({block: "nearest"});
  }

  function helpDialog() {
    if (dialog) { return dialog; }
    dialog = document.createElement("dialog");
    dialog.className = "shortcuts";
    dialog.setAttribute("aria-labelledby", "shortcuts-title");
    var title = document.createElement("h2");
    title.id = "shortcuts-title";
    title.textContent = "Keyboard shortcuts";
    var list = document.createElement("dl");
    SHORTCUTS.forEach(function (s) {
      var row = document.createElement("div");
      var dt = document.createElement("dt");
      var key = document.createElement("kbd");
      var dd = document.createElement("dd");
      key.textContent = s[0];
      dt.appendChild(key);
      dd.textContent = s[1];
      row.appendChild(dt);
      row.appendChild(dd);
      list.appendChild(row);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.className = "button";
    close.textContent = "Close";
    close.addEventListener("click", function () { dialog.close(); });
    dialog.appendChild(title);
    dialog.appendChild(list);
    dialog.appendChild(close);
    document.body.appendChild(dialog);
    return dialog;
  }

  function showHelp() {
    var d = helpDialog();
    if (!d.open) { d.showModal(); }
  }

  var helpButton = document.querySelector("[data-shortcuts]");
  if (helpButton) {
    helpButton.hidden = false;
    helpButton.addEventListener("click", showHelp);
  }

  function typing(target) {
    if (!target || !target.tagName) { return false; }
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  function submitIn(item, action) {
    var form = item && item.querySelector("form[data-action='" + action + "']");
    if (form) { form.requestSubmit ? form.requestSubmit() : form.submit(); }
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    if (dialog && dialog.open) { return; }
    var list = items();
    var i = current(list);
    var item = i >= 0 ? list[i] : (list.length === 1 ? list[0] : null);
    switch (event.key) {
      case "j":
        if (list.length) { focusItem(list, Math.min(i + 1, list.length - 1)); }
        break;
      case "k":
        if (list.length) { focusItem(list, Math.max(i - 1, 0)); }
        break;
      case "o":
        if (item && item.getAttribute("data-original")) {
          window.open(item.getAttribute("data-original"), "_blank", "noopener");
        }
        break;
      case "s":
        submitIn(item, "save");
        break;
      case "m":
        submitIn(item, "read");
        break;
      case "?":
        showHelp();
        break;
      default:
        return;
    }
    event.preventDefault();
  });
})();
