/* Repairs to the theme's markup that its templates offer no setting for (WCAG 2.1.1, 4.1.2):
   - wide tables scroll sideways on a phone inside a box the keyboard cannot reach: each box
     becomes a named region with a tab stop, named after its caption or the heading above it;
   - a menu section's open/close toggle is a tab stop without a name: it gets one;
   - the search dialog gets a name. */
(function () {
  "use strict";

  function text(node) { return node ? node.textContent.replace(/\s+/g, " ").replace(/¶$/, "").trim() : ""; }

  function headingBefore(node) {
    for (var el = node.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[1-6]$/.test(el.tagName)) return text(el);
    }
    return "";
  }

  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }

  function nameScrollRegions() {
    each(".md-typeset__scrollwrap:not([tabindex])", function (box) {
      var name = text(box.querySelector("caption")) || headingBefore(box);
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", name ? "Tabel: " + name : "Tabel");
    });
  }

  function nameMenuToggles() {
    each("label.md-nav__link[tabindex]:not([aria-label])", function (toggle) {
      if (text(toggle)) return;
      var link = toggle.parentNode.querySelector("a");
      toggle.setAttribute("aria-label", "Onderdelen van " + (text(link) || "dit deel") + " tonen of verbergen");
    });
  }

  function nameSearchDialog() {
    each('.md-search[role="dialog"]:not([aria-label])', function (dialog) { dialog.setAttribute("aria-label", "Zoeken"); });
  }

  function repair() { nameScrollRegions(); nameMenuToggles(); nameSearchDialog(); }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(repair);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", repair);
  else repair();
})();
