/* The one place that wraps XMLHttpRequest, the way Material's bundle asks for its data files.
 *
 * Three features change what the bundle asks for, each with a rule instead of a wrapper of its
 * own (so their <script> order does not matter):
 * - languages.js: a German page searches the German index (de/search/…), not the English one;
 * - lazy-search.js: the search index is asked for only once the reader opens search;
 * - versions-offline.js (versioning/theme/): ../versions.json comes from a script (file://).
 *
 * A rule is an object pushed onto window.helpSiteRequests, before or after this script runs:
 *   { rewrite: function (url) { return otherUrl; },   // optional: ask for another URL
 *     wait: function (url) { return promise; } }      // optional: send once it resolves
 * `url` is absolute (resolved against the page); returning nothing leaves the request alone.
 * Every rewrite applies first, then every wait sees the URL that will be asked for.
 * Rules are read when a request is made, so this script only has to run before Material's
 * bundle. Loaded twice (a release's page inside the versioning layer), it wraps once.
 */
(function () {
  "use strict";
  var rules = window.helpSiteRequests = window.helpSiteRequests || [];
  var prototype = window.XMLHttpRequest && XMLHttpRequest.prototype;
  if (!prototype || prototype.open.helpSiteRules) return;

  var open = prototype.open;
  var send = prototype.send;
  prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    var absolute = new URL(String(url), document.baseURI).href;
    rules.forEach(function (rule) {
      var other = rule.rewrite && rule.rewrite(absolute);
      if (other) absolute = args[1] = other;
    });
    this.helpSiteWaits = rules.map(function (rule) { return rule.wait && rule.wait(absolute); })
      .filter(Boolean);
    return open.apply(this, args);
  };
  prototype.open.helpSiteRules = rules;
  prototype.send = function () {
    var request = this, body = arguments;
    if (!request.helpSiteWaits || !request.helpSiteWaits.length) return send.apply(request, body);
    Promise.all(request.helpSiteWaits).then(function () { send.apply(request, body); });
  };
})();
