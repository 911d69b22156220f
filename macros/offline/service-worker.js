/* Reading offline (issue 24): the service worker of one version of the site, at its root.
 *
 * Written as sw.js at the site's root by macros/offline/precache.py, which fills in BUILD and
 * FILES: per language, every file its readers need, with its SHA-256. Its scope is the site's
 * folder, so each version folder of a versioned site (1.0/, latest/) has its own worker and
 * caches. One worker for every language, because Material's search runs in a worker whose
 * script (assets/javascripts/workers/) sits at the root: a worker of de/ alone would not see
 * German search's requests.
 *
 * - Languages: a language is kept once a reader has opened one of its pages: at install, the
 *   languages of the pages open in the site (or the ones the build before kept); later, when a
 *   page of another language is opened online. Each language has its own cache, named after the
 *   scope, the build and the language.
 * - install: fetches every file, past the HTTP cache and checked against its hash. Any failure
 *   leaves the previous version in place.
 * - activate: removes the scope's caches of other builds. A first install takes over at once
 *   (there is nothing to mix with); a newer build waits until the reader asks for it
 *   (offline.js shows "A newer version is available" and posts "skip-waiting").
 * - fetch: a kept file comes from the cache (a page with any ?query: the situation). Anything
 *   else goes to the network, as without a worker, and so does every file of a page that came
 *   from the network: such a page is never put together with this build's files.
 */
"use strict";
var BUILD = "__BUILD__";
var FILES = {/* __FILES__ */};
var PREFIX = "work-phone-help " + self.registration.scope + " ";
var OWN = PREFIX + BUILD + " ";

function address(url) {
  var parsed = new URL(url, self.location.href);
  parsed.search = "";
  parsed.hash = "";
  if (parsed.pathname.slice(-1) === "/") parsed.pathname += "index.html";
  return parsed.href;
}

/* Which languages list each file, and the language of each page. */
var listedIn = {}, pageLanguage = {};
Object.keys(FILES).forEach(function (language) {
  FILES[language].forEach(function (file) {
    var key = address(file[0]);
    (listedIn[key] = listedIn[key] || []).push(language);
    if (/\.html$/.test(key)) pageLanguage[key] = language;
  });
});
var fromNetwork = {};  /* ids of pages that came from the network */

function keep(language) {
  var name = OWN + language;
  return caches.has(name).then(function (kept) {
    if (kept) return;
    return caches.open(name + " partial").then(function (cache) {
      return Promise.all(FILES[language].map(function (file) {
        var options = { cache: "reload" };
        if (file[1]) options.integrity = file[1];
        return fetch(new Request(address(file[0]), options)).then(function (response) {
          if (!response.ok) throw new Error(file[0] + ": HTTP " + response.status);
          return cache.put(address(file[0]), response);
        });
      }));
    }).then(function () {
      return copy(name + " partial", name);
    }, function (error) {
      return caches.delete(name + " partial").then(function () { throw error; });
    });
  });
}

/* A language's cache gets its final name only once complete. */
function copy(from, to) {
  return Promise.all([caches.open(from), caches.open(to)]).then(function (both) {
    return both[0].keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        return both[0].match(request).then(function (response) {
          return both[1].put(request, response);
        });
      }));
    });
  }).then(function () { return caches.delete(from); });
}

function languagesToKeep() {
  return Promise.all([
    self.clients.matchAll({ includeUncontrolled: true, type: "window" }),
    caches.keys()
  ]).then(function (found) {
    var wanted = {};
    found[0].forEach(function (client) {
      var language = pageLanguage[address(client.url)];
      if (language) wanted[language] = true;
    });
    found[1].forEach(function (name) {
      var language = name.indexOf(PREFIX) === 0 && name.slice(PREFIX.length).split(" ")[1];
      if (language && FILES[language] && !/ partial$/.test(name)) wanted[language] = true;
    });
    return Object.keys(wanted);
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(languagesToKeep().then(function (languages) {
    return Promise.all(languages.map(keep));
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name.indexOf(OWN) !== 0;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  if (event.data === "skip-waiting") self.skipWaiting();
});

function cached(key) {
  var languages = listedIn[key] || [];
  return languages.reduce(function (found, language) {
    return found.then(function (response) {
      if (response) return response;
      /* Not caches.open(): it would make an empty cache of a language never kept, which
         languagesToKeep() and keep() would then take for a kept one. */
      return caches.match(key, { cacheName: OWN + language });
    });
  }, Promise.resolve(undefined));
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var key = address(request.url);
  if (request.mode === "navigate") {
    var found = cached(key);
    event.respondWith(found.then(function (response) {
      if (response) return response;
      if (event.resultingClientId) fromNetwork[event.resultingClientId] = true;
      return fetch(request);
    }));
    /* A page of a language not kept yet, opened online: keep that language too, from now on. */
    if (pageLanguage[key]) {
      event.waitUntil(found.then(function (response) {
        return response || keep(pageLanguage[key]).catch(function () { /* offline */ });
      }));
    }
    return;
  }
  if (!listedIn[key] || fromNetwork[event.clientId]) return;
  event.respondWith(cached(key).then(function (response) {
    return response || fetch(request);
  }));
});
