/* Reading offline after the first visit (issue 24): registers the site's service worker (sw.js
 * at its root, macros/offline/; it keeps each language a reader opens) on pages the readers
 * navigate, and tells the reader when a newer version of the site has arrived.
 *
 * Only on a hosted site: browsers run service workers on https:// and on localhost, never from
 * file://, where this does nothing. A newer version is installed in the background; the page
 * keeps showing the version it opened with (the worker serves only that version's files) until
 * the reader chooses "Reload" in the notice. Then every open page of the site reloads, so none
 * goes on with a mix of old and new files. Its words come from the script element's data-
 * attributes (macros/messages.yml, in the page's language).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !window.isSecureContext ||
      location.protocol === "file:") return;
  var updating = false;
  var hadWorker = Boolean(navigator.serviceWorker.controller);

  function showNotice(waiting) {
    if (document.querySelector(".offline-update")) return;
    var notice = document.createElement("div");
    notice.className = "offline-update";
    notice.setAttribute("role", "status");
    var text = document.createElement("p");
    text.textContent = script.getAttribute("data-newer");
    var reload = document.createElement("button");
    reload.type = "button";
    reload.className = "md-button md-button--primary";
    reload.textContent = script.getAttribute("data-reload");
    reload.addEventListener("click", function () {
      updating = true;
      waiting.postMessage("skip-waiting");
    });
    text.appendChild(document.createTextNode(" "));
    text.appendChild(reload);
    notice.appendChild(text);
    document.body.appendChild(notice);
  }

  /* A newer worker is installed and waits while this page's worker serves the older version. */
  function watch(registration) {
    if (registration.waiting && navigator.serviceWorker.controller) {
      showNotice(registration.waiting);
    }
    function follow(installing) {
      if (!installing) return;
      installing.addEventListener("statechange", function () {
        if (installing.state === "installed" && navigator.serviceWorker.controller) {
          showNotice(installing);
        }
      });
    }
    follow(registration.installing);
    registration.addEventListener("updatefound", function () { follow(registration.installing); });
    /* A reader who keeps the page open hears of a new release when they come back to it. */
    function check() { registration.update().catch(function () { /* offline */ }); }
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") check();
    });
    window.addEventListener("online", check);
  }

  /* The newer version took over (here or in another tab): show it, not a mix. */
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (hadWorker || updating) location.reload();
    hadWorker = true;
  });

  /* Once the page has loaded: what the worker keeps for offline reading (about 450 KB) is
     fetched after the page, never in the way of its first paint. */
  function register() {
    navigator.serviceWorker.register(script.getAttribute("data-worker"))
      .then(watch)
      .catch(function () { /* no worker: the site works as before, online */ });
  }
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
