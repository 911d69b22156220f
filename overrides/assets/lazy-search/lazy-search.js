/* Search loads when the reader first opens it, not with every page.
 *
 * Material's bundle requests the search index (XMLHttpRequest) and starts its search worker as
 * soon as a page opens: 16 KB gzip of a first view (README "Performance") that most readers never
 * use. Loaded just before the bundle, this holds the index request back until the reader opens
 * search (Material's search toggle turns on) and starts the worker on its
 * first message, which Material sends once the index has arrived. Material's own code is not
 * changed. A search link (?q=) or a highlighted result (?h=) loads search at once.
 * From file:// Material loads the index differently and search works as before.
 */
(function () {
  "use strict";
  if (location.protocol === "file:" || !window.Worker || !window.XMLHttpRequest) return;

  var opened;
  var wanted = new Promise(function (resolve) { opened = resolve; });
  if (/[?&][qh]=/.test(location.search)) opened();
  // Material turns its search toggle on when the reader opens search: by the magnifier, a
  // shortcut, or by focusing the search field (with the mouse or the keyboard).
  document.addEventListener("change", function (event) {
    if (event.target.matches("[data-md-toggle=search]") && event.target.checked) opened();
  });

  // The index request waits (a rule of requests.js, which wraps XMLHttpRequest).
  (window.helpSiteRequests = window.helpSiteRequests || []).push({
    wait: function (url) {
      return /\/search\/search_index\.json$/.test(new URL(url).pathname) ? wanted : undefined;
    }
  });

  // The worker starts on its first message; listeners added before then are passed on.
  var RealWorker = window.Worker;
  function LazyWorker(url, options) {
    this.url = url;
    this.options = options;
    this.listeners = [];
    this.worker = null;
  }
  LazyWorker.prototype.start = function () {
    if (!this.worker) {
      this.worker = new RealWorker(this.url, this.options);
      this.listeners.forEach(function (args) {
        this.worker.addEventListener.apply(this.worker, args);
      }, this);
    }
    return this.worker;
  };
  LazyWorker.prototype.postMessage = function () {
    var worker = this.start();
    return worker.postMessage.apply(worker, arguments);
  };
  LazyWorker.prototype.addEventListener = function () {
    if (this.worker) return this.worker.addEventListener.apply(this.worker, arguments);
    this.listeners.push(arguments);
  };
  LazyWorker.prototype.removeEventListener = function (type, listener) {
    if (this.worker) return this.worker.removeEventListener.apply(this.worker, arguments);
    this.listeners = this.listeners.filter(function (args) {
      return !(args[0] === type && args[1] === listener);
    });
  };
  LazyWorker.prototype.terminate = function () {
    if (this.worker) this.worker.terminate();
  };
  window.Worker = function (url, options) {
    if (/\/workers\/search\.[^/]*\.js$/.test(new URL(url, document.baseURI).pathname)) {
      return new LazyWorker(url, options);
    }
    return new RealWorker(url, options);
  };
})();
