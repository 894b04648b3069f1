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
