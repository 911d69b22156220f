/*
 * The version selector from a copy on disk (file://) as well as from a web server.
 *
 * A small override of Material for MkDocs 9.8.1's mike integration
 * (src/templates/assets/javascripts/integrations/version/index.ts); Material still renders the
 * selector and decides when to show the outdated banner. Two upstream behaviours are worked around:
 *
 * 1. Material reads the version list from ../versions.json with XMLHttpRequest, which Chromium
 *    blocks from file:// (CORS): the selector stays empty and the banner never shows.
 *    `make deploy` also writes the list as ../versions.js (window.helpSiteVersions, loaded just
 *    before this script), and the request for ../versions.json is answered from it through a
 *    data: URL, which XMLHttpRequest may read from any page (a rule of requests.js).
 * 2. Material's version links point at a version's folder (../2.0/), which file:// shows as a
 *    directory listing, and it finds "the same page" through sitemap.xml, which needs a web
 *    server and site_url. Here each version link, and the banner's link to the latest version,
 *    points at the same page in that version (its home page when the page is not there), with
 *    the current ?query (the reader's situation) and #hash, in the reader's language. Material intercepts clicks only on
 *    its folder addresses, so it lets these links be followed as they are.
 *
 * Must run before Material's bundle, with requests.js: versioning/theme/main.html loads both in
 * the scripts block.
 */
(function () {
  "use strict";

  var published = window.helpSiteVersions;
  if (!published) return; // no ../versions.js next to this version: leave Material as it is

  // This script is assets/versions/versions-offline.js inside the version's folder.
  var versionRoot = new URL("../../", document.currentScript.src);
  var siteRoot = new URL("../", versionRoot);

  answerVersionsJsonFromScript(new URL("versions.json", siteRoot).href, published.versions);

  // A rule of requests.js (overrides/assets/requests/), the one wrapper of XMLHttpRequest.
  function answerVersionsJsonFromScript(versionsJsonUrl, versions) {
    var dataUrl = "data:application/json," + encodeURIComponent(JSON.stringify(versions));
    (window.helpSiteRequests = window.helpSiteRequests || []).push({
      rewrite: function (url) { return url === versionsJsonUrl ? dataUrl : undefined; }
    });
  }

  /* Path of the page being read inside its version's folder, e.g. "migrate-iphone.html". */
  function currentPage() {
    var here = new URL(location.href);
    here.search = "";
    here.hash = "";
    var path = here.href.indexOf(versionRoot.href) === 0 ? here.href.slice(versionRoot.href.length) : "";
    return decodeURI(path) || "index.html";
  }

  /* The language folder of the page being read ("de/"), "" for the source language. */
  function languageFolder(page) {
    var lang = document.documentElement.lang;
    return lang && page.indexOf(lang + "/") === 0 ? lang + "/" : "";
  }

  /* The same page in another version's folder, with the reader's ?query and #hash; else the
     home page of the reader's language in that version (a version from before that language
     existed: the site's home page). */
  function samePageIn(folder) {
    var pages = published.pages[folder] || [];
    var page = currentPage();
    var samePage = pages.indexOf(page) !== -1;
    var home = languageFolder(page) + "index.html";
    if (pages.indexOf(home) === -1) home = "index.html";
    var target = new URL(encodeURI(samePage ? page : home),
                         new URL(encodeURIComponent(folder) + "/", siteRoot));
    target.search = location.search;
    if (samePage) target.hash = location.hash;
    return target.href;
  }

  /* Folder named by one of Material's version links, e.g. ".../2.0/" gives "2.0". */
  function folderOf(href) {
    var parts = new URL(href).pathname.split("/");
    return decodeURIComponent(parts[parts.length - 2]);
  }

  function pointVersionLinksAtThisPage() {
    document.querySelectorAll(".md-version__link").forEach(function (link) {
      if (!link.dataset.versionPage) link.dataset.versionPage = folderOf(link.href);
    });
    document.querySelectorAll("a[data-version-page]").forEach(function (link) {
      link.href = samePageIn(link.dataset.versionPage);
    });
  }

  // Material adds the selector to the header once it has the list; the query and hash can
  // change afterwards (situation picker, anchor links), so links are refreshed before use too.
  new MutationObserver(pointVersionLinksAtThisPage)
    .observe(document.body, { childList: true, subtree: true });
  ["mouseover", "focusin", "click"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (event.target instanceof Element && event.target.closest("a[data-version-page], .md-version"))
        pointVersionLinksAtThisPage();
    }, true);
  });
  pointVersionLinksAtThisPage();
})();
