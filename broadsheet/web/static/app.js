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
