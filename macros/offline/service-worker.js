/* Reading offline (issue 24): the service worker of one language of one version of the site.
 *
 * Written as sw.js into each language's folder by macros/offline/precache.py, which fills in
 * BUILD and FILES: every file a reader of this language needs, with its SHA-256. Its scope is
 * that folder (the German worker's is de/, inside the English one's), so each version folder of
 * a versioned site (1.0/, latest/) has its own workers and caches.
 *
 * - install: fetches every file, past the HTTP cache and checked against its hash, into a cache
 *   named after the scope and the build. Any failure leaves the previous version in place.
 * - activate: removes the scope's caches of other builds. A first install takes over at once
 *   (there is nothing to mix with); a newer build waits until the reader asks for it
 *   (offline.js shows "A newer version is available" and posts "skip-waiting").
 * - fetch: a listed file comes from the cache (a page with any ?query: the situation). Anything
 *   else goes to the network, as without a worker, and so does every file of a page that came
 *   from the network: such a page is never put together with this build's files.
 */
"use strict";
var BUILD = "__BUILD__";
var FILES = [/* __FILES__ */];
var PREFIX = "work-phone-help " + self.registration.scope + " ";
var CACHE = PREFIX + BUILD;

function address(url) {
  var parsed = new URL(url, self.location.href);
  parsed.search = "";
  parsed.hash = "";
  if (parsed.pathname.slice(-1) === "/") parsed.pathname += "index.html";
  return parsed.href;
}

var listed = {};
FILES.forEach(function (file) { listed[address(file[0])] = true; });
var fromNetwork = {};  /* ids of pages that came from the network */

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(FILES.map(function (file) {
      var options = { cache: "reload" };
      if (file[1]) options.integrity = file[1];
      return fetch(new Request(address(file[0]), options)).then(function (response) {
        if (!response.ok) throw new Error(file[0] + ": HTTP " + response.status);
        return cache.put(address(file[0]), response);
      });
    }));
  }).catch(function (error) {
    return caches.delete(CACHE).then(function () { throw error; });
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var key = address(request.url);
  if (!listed[key]) {
    if (request.mode === "navigate" && event.resultingClientId) {
      fromNetwork[event.resultingClientId] = true;
    }
    return;
  }
  if (request.mode !== "navigate" && fromNetwork[event.clientId]) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(key);
  }).then(function (cached) {
    return cached || fetch(request);
  }));
});
