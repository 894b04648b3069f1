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
   skips the Dutch stemmer for prefix words, so "netwerkkaarten" never finds "netwerkkaart".
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
