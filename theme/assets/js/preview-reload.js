/* Only in the live preview (`serve`): reloads the page when the preview has rebuilt
   the site. The engine's own reload script is inline, and the Content Security Policy that the
   preview carries, like every other form of the site, refuses inline scripts it does not know.
   This asks the same endpoint: the first answer gives the current build, a higher one means
   there is a newer build. */
(function () {
  "use strict";
  var id = Date.now(), seen = null;
  function poll() {
    var request = new XMLHttpRequest();
    request.onloadend = function () {
      var now = parseFloat(this.responseText);
      if (this.status !== 200 || isNaN(now)) { setTimeout(poll, 3000); return; }
      if (seen !== null && now > seen) { location.reload(); return; }
      seen = now;
      setTimeout(poll, 0);
    };
    request.open("GET", "/livereload/" + (seen === null ? 0 : seen) + "/" + id);
    request.send();
  }
  if (document.readyState === "complete") poll(); else window.addEventListener("load", poll);
})();
