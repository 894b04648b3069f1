/* The SCORM 1.2 package only: the volunteer's own progress and quiz scores go to the learning
   platform (LMS) that opened the package. Worksheet answers (<site>:werkblad:*, and
   per client <site>:set:<id>:werkblad:*, see answer-sets.js) are never read
   here: they are about clients and stay in this browser. Without an LMS this file does nothing.
   It runs before progress.js, so the record from the LMS is in place before any page reads it. */
(function () {
  "use strict";
  var route = window.ncScormRoute;
  var root = document.currentScript.src.replace(/assets\/js\/scorm\.js(\?.*)?$/, "");
  var FORMAT = "1";  // first field of suspend_data: how the rest is encoded
  var LAUNCH_PAGE = "index.html";  // the manifest's launch page (generator/export/scorm.py)

  /* The standard's search: up to 7 parent frames, then the window that opened this one. */
  function findIn(win) {
    for (var tries = 0; win && tries <= 7; tries++) {
      try { if (win.API) return win.API; } catch (error) { return null; }  // another origin
      if (win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  function findAPI() { return findIn(window) || (window.opener ? findIn(window.opener) : null); }

  function key() { return route.site + ":voortgang"; }
  function load() {
    try { return JSON.parse(window.localStorage.getItem(key()) || "null") || { format: 1, modules: {} }; }
    catch (error) { return { format: 1, modules: {} }; }
  }

  /* ---------- suspend_data: one short field list per module, no titles ----------
     "1|" then per module "index.flags.read.done.right.total.firstRight.attempts", joined by ",";
     numbers in base 36, days since 1970 for dates; flags r(ead) d(one) p(assed) f(irst passed).
     Only the first and the best attempt are kept, with the number of attempts. */
  function day(iso) { return iso ? Math.floor(Date.parse(iso) / 864e5).toString(36) : ""; }
  function iso(field) { return field ? new Date(parseInt(field, 36) * 864e5).toISOString() : undefined; }
  function n36(value) { return value === undefined || value === null ? "" : Number(value).toString(36); }

  function encode(record) {
    var parts = [];
    route.modules.forEach(function (m, index) {
      var e = record.modules[m.id];
      if (!e) return;
      var best = e.quiz, tries = e.attempts || (best ? [best] : []), first = tries[0];
      var flags = (e.read ? "r" : "") + (e.done ? "d" : "") + (best && best.passed ? "p" : "") + (first && first.passed ? "f" : "");
      var fields = [n36(index), flags, day(e.read), day(e.done)];
      if (best) fields.push(n36(best.right), n36(best.total), n36(first.right), n36(tries.length));
      parts.push(fields.join("."));
    });
    return FORMAT + "|" + parts.join(",");
  }

  function decodeModule(text, record) {
    var f = text.split("."), m = route.modules[parseInt(f[0], 36)];
    if (!m) return;
    var e = { href: root + m.page }, flags = f[1] || "";
    if (flags.indexOf("r") >= 0) e.read = iso(f[2]);
    if (flags.indexOf("d") >= 0) e.done = iso(f[3]);
    if (f.length >= 8 && m.quiz) {
      var total = parseInt(f[5], 36), count = parseInt(f[7], 36);
      var best = { id: m.quiz, right: parseInt(f[4], 36), total: total, passed: flags.indexOf("p") >= 0 };
      var first = { id: m.quiz, right: parseInt(f[6], 36), total: total, passed: flags.indexOf("f") >= 0 };
      e.quiz = best;
      // The attempts between the first and the best are not kept: the first stands in for them.
      e.attempts = count < 2 ? [best] : [first].concat(new Array(count - 2).fill(first), [best]);
    }
    record.modules[m.id] = e;
  }

  function decode(text) {
    if (text.indexOf(FORMAT + "|") !== 0) return null;
    var record = { format: 1, modules: {} }, body = text.slice(FORMAT.length + 1);
    if (body) body.split(",").forEach(function (part) { decodeModule(part, record); });
    return record;
  }

  /* ---------- status and score, by the certificate's rule (progress.js missing()) ---------- */
  function status(record) {
    var quizzes = route.modules.filter(function (m) { return m.quiz; });
    function entry(m) { return record.modules[m.id] || {}; }
    var allDone = route.modules.every(function (m) { return entry(m).done; });
    var allPassed = quizzes.every(function (m) { return entry(m).quiz && entry(m).quiz.passed; });
    var allTried = quizzes.every(function (m) { return entry(m).quiz; });
    if (allDone && allPassed) return quizzes.length ? "passed" : "completed";
    if (quizzes.length && allTried) return "failed";
    return allDone ? "completed" : "incomplete";
  }

  /* The final test's best score in percent; without a final test the share of passed quizzes. */
  function score(record) {
    if (route.scoreModule) {
      var quiz = (record.modules[route.scoreModule] || {}).quiz;
      return quiz ? Math.round(100 * quiz.right / quiz.total) : null;
    }
    var quizzes = route.modules.filter(function (m) { return m.quiz; });
    if (!quizzes.length) return null;
    var passed = quizzes.filter(function (m) { var q = (record.modules[m.id] || {}).quiz; return q && q.passed; });
    return Math.round(100 * passed.length / quizzes.length);
  }

  /* ---------- the bookmark: cmi.core.lesson_location ----------
     This page's path inside the package ("toetsen/stap-01.html"). SCORM 1.2 allows 255 characters:
     a longer path is not written (a cut-off path would lead nowhere). */
  var LOCATION_MAX = 255;
  var PAGE_PATH = /^[A-Za-z0-9_-][A-Za-z0-9._~-]*(\/[A-Za-z0-9_-][A-Za-z0-9._~-]*)*\.html$/;
  function here() {
    var address = location.href.split("#")[0].split("?")[0];
    return address.indexOf(root) === 0 ? address.slice(root.length) : "";
  }

  /* What the LMS gives back is data from outside the package: only a plain relative path (no
     scheme, no "..", no "//", nothing but letters, digits and . _ ~ - between slashes, ending in
     .html) that stays inside the package counts; anything else (javascript:, another site, ../)
     is ignored. */
  function checkedPath(value) {
    if (typeof value !== "string" || value.length > LOCATION_MAX || !PAGE_PATH.test(value)) return null;
    return new URL(value, root).href === root + value ? value : null;
  }

  /* The page's own main heading, read from the package (same origin; nothing of it runs): a page
     that is not there, or not an HTML page of this package, gives no title and so no offer. */
  function titleOf(address) {
    return fetch(address, { credentials: "same-origin" }).then(function (response) {
      var type = response.headers.get("content-type") || "";
      if (!response.ok || response.url.split("#")[0] !== address || type.indexOf("text/html") < 0) return "";
      return response.text().then(function (html) {
        var heading = new DOMParser().parseFromString(html, "text/html").querySelector("h1");
        if (!heading) return "";
        Array.prototype.forEach.call(heading.querySelectorAll(".headerlink"), function (a) { a.remove(); });
        return heading.textContent.replace(/\s+/g, " ").trim();
      });
    });
  }

  /* On relaunch (entry "resume") the launch page's start button leads back to the stored page,
     named: "Verder waar je was: <titel>". It does not jump there by itself: the launch page shows
     the progress and what comes next, which is what a volunteer back after a week needs first, and
     the choice stays theirs. Painted after progress.js painted the button (its timer came first). */
  function offerResume(saved) {
    var path = checkedPath(saved);
    if (!path || path === LAUNCH_PAGE) return;
    var painted = new Promise(function (resolve) {
      function later() { setTimeout(resolve, 0); }
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", later);
      else later();
    });
    Promise.all([titleOf(root + path), painted]).then(function (done) {
      var button = document.querySelector(".nc-start-button"), title = done[0];
      if (!button || !title) return;
      button.href = root + path;
      button.textContent = "Verder waar je was: " + title;
      button.classList.add("nc-resume");
    }).catch(function () { /* no title, no offer: the button stays as progress.js made it */ });
  }

  /* ---------- session time: from this session's first page to now ----------
     The session runs over many pages (each its own document), so its start is kept for the tab in
     sessionStorage; the platform adds the last value sent to the learner's total time. */
  function sessionKey() { return route.site + ":scorm-sessie"; }
  function beginSession() {
    try { window.sessionStorage.setItem(sessionKey(), String(Date.now())); } catch (error) { /* no storage */ }
  }
  function sessionTime() {
    var begun = NaN;
    try { begun = parseInt(window.sessionStorage.getItem(sessionKey()), 10); } catch (error) { /* no storage */ }
    if (isNaN(begun)) return "";
    var seconds = Math.max(0, Math.floor((Date.now() - begun) / 1000));
    function two(n) { return (n < 10 ? "0" : "") + n; }
    var hours = Math.min(9999, Math.floor(seconds / 3600));
    return ("000" + hours).slice(-4) + ":" + two(Math.floor(seconds / 60) % 60) + ":" + two(seconds % 60);  // HHHH:MM:SS
  }

  function report(api) {
    var record = load(), raw = score(record), path = here(), spent = sessionTime();
    if (spent) api.LMSSetValue("cmi.core.session_time", spent);
    if (path && path.length <= LOCATION_MAX) api.LMSSetValue("cmi.core.lesson_location", path);
    if (raw !== null) {
      api.LMSSetValue("cmi.core.score.min", "0");
      api.LMSSetValue("cmi.core.score.max", "100");
      api.LMSSetValue("cmi.core.score.raw", String(raw));
    }
    api.LMSSetValue("cmi.core.lesson_status", status(record));
    api.LMSSetValue("cmi.suspend_data", encode(record));
    // "suspend": the volunteer comes back to this course (also after passing, to look things up),
    // so the LMS keeps suspend_data and the bookmark and says "resume" at the next launch.
    api.LMSSetValue("cmi.core.exit", "suspend");
    api.LMSCommit("");
  }

  /* On the progress page: what goes to the learning platform, and what never does. */
  function privacyNote() {
    var tools = document.querySelector(".nc-progress-tools");
    if (!tools) return;
    var note = document.createElement("p");
    note.className = "nc-scorm-note admonition note";
    note.textContent = "In het leerplatform van je organisatie gaan alleen je eigen voortgang en je toetsscores " +
      "naar het leerplatform. Wat je in de werkbladen invult, gaat nooit naar het leerplatform: dat blijft in deze browser.";
    tools.parentNode.insertBefore(note, tools);
  }

  /* On the start page: in a learning platform, progress does not only stay in this browser. */
  function progressWhere() {
    var where = document.querySelector(".nc-progress-where");
    if (where) where.textContent = "Je voortgang en je toetsscores gaan ook naar het leerplatform van je " +
      "organisatie. Wat je in de werkbladen invult, blijft in deze browser.";
  }

  function connect(api) {
    // "false" with the LMS already initialised: the previous page of this package left it open.
    // Anything else (a session already finished) leaves the page as the public site: nothing read.
    var fresh = String(api.LMSInitialize("")) === "true";
    if (!fresh && String(api.LMSGetLastError()) !== "101") return false;
    if (fresh) beginSession();
    var saved = String(api.LMSGetValue("cmi.suspend_data") || ""), record = decode(saved);
    if (String(api.LMSGetLastError()) !== "0") return false;
    // A new session of an attempt the volunteer left: read the bookmark before this page replaces it.
    if (fresh && String(api.LMSGetValue("cmi.core.entry")) === "resume") {
      offerResume(String(api.LMSGetValue("cmi.core.lesson_location") || ""));
    }
    try { window.localStorage.setItem(key(), JSON.stringify(record || { format: 1, modules: {} })); }
    catch (error) { /* storage blocked: the page starts empty, as it would without the LMS */ }
    return true;
  }

  function start() {
    document.addEventListener("DOMContentLoaded", privacyNote);  // in the package, with or without an LMS
    var api = route ? findAPI() : null;
    if (!api || !connect(api)) return;
    document.addEventListener("DOMContentLoaded", progressWhere);
    var within = false;  // a link to another page of this package: the session goes on there
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href]");
      within = !!link && link.href.indexOf(root) === 0;
    }, true);
    window.addEventListener("nc-progress", function () { report(api); });
    window.addEventListener("pagehide", function () {
      // The time on this last page counts too: the platform adds the session time it holds at
      // LMSFinish to the total (Moodle does), and the last report() was at this page's load.
      var spent = sessionTime();
      if (spent) api.LMSSetValue("cmi.core.session_time", spent);
      if (within) api.LMSCommit(""); else api.LMSFinish("");
    });
    report(api);
  }
  start();
})();
