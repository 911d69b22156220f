/* Languages (issue 13), on every page, before Material's bundle.
 *
 * 1. The language switcher (Material's, from extra.alternate: each link already leads to the
 *    same page in the other language) also keeps the reader's situation (?mfa=…) and the
 *    heading they are at (#…): both are the same in every language.
 * 2. Material's own contextual switch (sitemap.xml) is kept from running: see below.
 * 3. Search in the page's language: Material loads <site root>/search/search_index.json (or,
 *    from file://, search_index.js), the source language's index. A page of another language
 *    loads its own, de/search/…, whose entries point at de/ pages and whose words are stemmed
 *    in German. (data-search-index: this language's index without its extension.)
 */
(function () {
  "use strict";
  var script = document.currentScript;

  function keepSituationAndHeading(event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link) return;
    var target = new URL(link.getAttribute("href"), location.href);
    target.search = location.search;
    target.hash = location.hash;
    link.href = target.href;
  }
  // Before the browser follows the link: a click, a middle click, Enter on the focused link.
  ["click", "auxclick", "keydown", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, keepSituationAndHeading, true);
  });

  /* Material's bundle reads every <link rel="alternate"> at DOMContentLoaded and fetches a
     sitemap.xml beside each (for a contextual switch meant for alternates that lead to a
     language's home page): here they lead to the page itself, so that finds nothing, and it
     asks for de/sitemap.xml (404 over HTTP) and fails with console errors from file://. The
     hreflang links stay in the HTML; they only step out of Material's way until the page has
     loaded (after DOMContentLoaded), and the switch is done above. */
  var alternates = [].slice.call(document.querySelectorAll('link[rel="alternate"][hreflang]'));
  alternates.forEach(function (link) { link.rel = "x-alternate"; });
  window.addEventListener("load", function () {
    alternates.forEach(function (link) { link.rel = "alternate"; });
  });

  var ownIndex = new URL(script.getAttribute("data-search-index"), location.href).href;
  var sourceIndex = new URL(script.src.replace(/assets\/languages\/[^/]*$/, "search/search_index"), location.href).href;
  if (ownIndex === sourceIndex) return;
  function own(url) {
    var absolute = new URL(url, document.baseURI).href;
    if (absolute === sourceIndex + ".json") return ownIndex + ".json";
    if (absolute === sourceIndex + ".js") return ownIndex + ".js";
    return undefined;
  }
  // Over HTTP Material asks for the index with XMLHttpRequest (a rule of requests.js).
  (window.helpSiteRequests = window.helpSiteRequests || []).push({ rewrite: own });
  // From file:// Material adds <script src=".../search/search_index.js"> and reads __index.
  var append = document.head.appendChild;
  document.head.appendChild = function (node) {
    if (node && node.tagName === "SCRIPT" && node.getAttribute("src")) {
      node.setAttribute("src", own(node.getAttribute("src")) || node.getAttribute("src"));
    }
    return append.call(this, node);
  };
})();
