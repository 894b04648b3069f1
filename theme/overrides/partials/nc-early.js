/* Old browsers without ResizeObserver: define a small local stand-in before the theme's
   bundle runs, so the theme never loads its polyfill from another host. It reports the
   element's size on load and on window resize, which is all the theme needs. */
(function () {
  if (typeof window.ResizeObserver !== "undefined") return;
  function Fallback(callback) { this.callback = callback; this.targets = []; var self = this;
    this.onResize = function () { self.notify(); }; window.addEventListener("resize", this.onResize); }
  Fallback.prototype.notify = function () {
    var entries = this.targets.map(function (target) {
      return { target: target, contentRect: target.getBoundingClientRect() }; });
    if (entries.length) this.callback(entries, this);
  };
  Fallback.prototype.observe = function (target) {
    if (this.targets.indexOf(target) < 0) this.targets.push(target);
    var self = this; setTimeout(function () { self.notify(); }, 0);
  };
  Fallback.prototype.unobserve = function (target) {
    this.targets = this.targets.filter(function (t) { return t !== target; }); };
  Fallback.prototype.disconnect = function () {
    this.targets = []; window.removeEventListener("resize", this.onResize); };
  window.ResizeObserver = Fallback;
})();

/* Dutch search. The theme turns every word into a prefix search ("gesprekken*"), and lunr
   skips the Dutch stemmer for prefix words, so "werkbladen" never finds "werkblad".
   We add each word once more with a neutral boost ("gesprekken^1"): the theme leaves such
   words alone, lunr stems them, and results of both are merged. Only search queries sent
   to the theme's search worker (message type 2) are touched. */
(function () {
  if (typeof Worker === "undefined") return;
  var SEARCH_QUERY = 2;
  function withStems(query) {
    if (/["*~^:+\-]/.test(query)) return query; // the reader wrote query syntax: leave it
    return query.split(/\s+/).filter(function (word) { return word.length > 1; })
      .map(function (word) { return word + " " + word + "^1"; }).join(" ");
  }
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    var args = Array.prototype.slice.call(arguments);
    if (message && message.type === SEARCH_QUERY && typeof message.data === "string") {
      args[0] = { type: SEARCH_QUERY, data: withStems(message.data) };
    }
    return post.apply(this, args);
  };
})();

/* Search index on demand. The theme downloads the whole search index (the largest file of a
   first visit) and builds it in a worker on every page load, although most visits never search.
   We hold that one request back until the reader starts to search: opens the search, focuses the
   search field (also by keyboard) or arrives with a search in the address (?q=). Until then the
   theme shows its "search is starting" line, as it does while the index loads. */
(function () {
  if (typeof XMLHttpRequest === "undefined") return;
  var INDEX = /\/search\/search_index\.json$/;
  var started = new URLSearchParams(location.search).has("q");
  var held = [];
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.ncSearchIndex = INDEX.test(String(url).split("?")[0]);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.ncSearchIndex && !started) { held.push([this, arguments]); return; }
    return send.apply(this, arguments);
  };
  function start() {
    if (started) return;
    started = true;
    held.forEach(function (request) { send.apply(request[0], request[1]); });
    held = [];
  }
  function isSearch(target) {
    return target && target.matches && target.matches('input[name="query"], #__search, label[for="__search"], label[for="__search"] *');
  }
  ["focusin", "change", "pointerdown"].forEach(function (type) {
    document.addEventListener(type, function (event) { if (isSearch(event.target)) start(); }, true);
  });
})();
