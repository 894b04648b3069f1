/* Learning-route progress, kept in this browser only: pages read, modules done, quiz scores,
   marks in the navigation, the 'Mijn voortgang' page and the certificate. Nothing is sent. */
(function () {
  "use strict";
  var FORMAT = 1;

  function siteId() {
    var meta = document.querySelector('meta[name="nc-site"]');
    return meta ? meta.content : "default";
  }
  /* `site` is the page's store namespace "<handbook id>:<organisation>" (meta nc-site); files
     carry the handbook id in their type, so one handbook's file is never read as another's. */
  function key(site) { return site + ":voortgang"; }
  function fileType(site, kind) { return site.split(":")[0] + "-" + kind; }
  function fileName(kind, site) { return kind + "-" + site.replace(/:/g, "-") + ".json"; }
  function earlierStore() {
    var meta = document.querySelector('meta[name="nc-earlier-store"]');
    return meta ? meta.content : "";
  }
  /* A file of this handbook, or one written under the earlier namespace the method names. */
  function isFileOf(site, data, kind) {
    var earlier = earlierStore();
    return !!data && (data.type === fileType(site, kind) || (earlier !== "" && data.type === fileType(earlier, kind)));
  }

  /* Data an earlier generator kept under another namespace moves to this handbook's keys, once,
     without overwriting anything kept here already. */
  function migrateEarlierData(site) {
    var earlier = earlierStore(), moves = [];
    if (!earlier || earlier === site) return;
    try {
      for (var i = 0; i < window.localStorage.length; i++) {
        var old = window.localStorage.key(i);
        if (old.indexOf(earlier + ":") === 0) moves.push(old);
      }
      moves.forEach(function (old) {
        var now = site + old.slice(earlier.length);
        if (window.localStorage.getItem(now) === null) window.localStorage.setItem(now, window.localStorage.getItem(old));
        window.localStorage.removeItem(old);
      });
    } catch (error) { /* storage blocked: nothing to move */ }
  }
  function empty() { return { format: FORMAT, modules: {} }; }

  function load(site) {
    try {
      var record = JSON.parse(window.localStorage.getItem(key(site)) || "null");
      return record && record.modules ? record : empty();
    } catch (error) { return empty(); }
  }

  function store(site, record) {
    try { window.localStorage.setItem(key(site), JSON.stringify(record)); }
    catch (error) { return false; }
    window.dispatchEvent(new CustomEvent("nc-progress"));  // scorm.js reports it to a learning platform
    return true;
  }

  function pageUrl() { return location.href.split("#")[0]; }

  function module(record, id) { return record.modules[id] || (record.modules[id] = {}); }

  /* "beste 4 van 5 (geslaagd); eerste poging 2 van 5; 3 pogingen" */
  function scoreText(entry) {
    var best = entry.quiz, attempts = entry.attempts || [best], first = attempts[0];
    var text = (attempts.length > 1 ? "beste " : "") + best.right + " van " + best.total +
      (best.passed ? " (geslaagd)" : " (nog niet geslaagd)");
    if (attempts.length > 1) text += "; eerste poging " + first.right + " van " + first.total + "; " + attempts.length + " pogingen";
    return text;
  }

  function recordQuiz(site, id, quiz, right, total, passed, href) {
    var record = load(site), entry = module(record, id), now = new Date().toISOString();
    if (href) entry.href = href.split("#")[0];
    var attempt = { id: quiz, right: right, total: total, passed: passed, at: now };
    // Every attempt is kept: the first says what was known, the best what was learnt.
    entry.attempts = (entry.attempts || (entry.quiz ? [entry.quiz] : [])).concat([attempt]);
    var best = entry.quiz && entry.quiz.right / entry.quiz.total > right / total ? entry.quiz : null;
    entry.quiz = best || attempt;
    if (passed && !entry.done) entry.done = now;
    store(site, record);
    markNav(site);
  }

  /* ---------- a route page: read, and a 'klaar' button ---------- */
  function setupModule(box) {
    var site = box.dataset.site, id = box.dataset.module;
    var record = load(site), entry = module(record, id);
    if (!entry.read) entry.read = new Date().toISOString();
    entry.href = pageUrl();
    store(site, record);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button nc-button nc-done-button";
    var note = document.createElement("span");
    note.className = "nc-done-note";
    note.setAttribute("role", "status");
    function paint() {
      var done = !!load(site).modules[id].done;
      button.setAttribute("aria-pressed", done ? "true" : "false");
      button.textContent = done ? "✓ Klaar" : "Markeer als klaar";
      note.textContent = done ? "Dit onderdeel staat als klaar in je voortgang." : "";
    }
    button.addEventListener("click", function () {
      var current = load(site), item = module(current, id);
      if (item.done) delete item.done; else item.done = new Date().toISOString();
      store(site, current);
      paint();
      markNav(site);
    });
    box.appendChild(button);
    box.appendChild(note);
    paint();
  }

  /* ---------- marks in the navigation ---------- */
  /* One mark per menu entry of a finished module or phase; none in the page's table of contents. */
  function markNav(site) {
    var record = load(site), done = {};
    Object.keys(record.modules).forEach(function (id) {
      var entry = record.modules[id];
      if (entry.done && entry.href) done[entry.href] = true;
    });
    Object.keys(record.phases || {}).forEach(function (href) { done[href] = true; });
    Array.prototype.forEach.call(document.querySelectorAll(".md-nav--primary .md-nav__link[href]"), function (link) {
      var old = link.querySelector(".nc-nav-done");
      if (old) old.remove();
      if (link.getAttribute("href").indexOf("#") === -1 && done[link.href]) {
        var mark = document.createElement("span");
        mark.className = "nc-nav-done";
        mark.textContent = " ✓";
        var hidden = document.createElement("span");
        hidden.className = "md-visually-hidden";
        hidden.textContent = " (klaar)";
        mark.appendChild(hidden);
        link.appendChild(mark);
      }
    });
  }

  /* ---------- the 'Mijn voortgang' page ---------- */
  function formatDate(iso) {
    var date = new Date(iso);
    return date.getDate() + "-" + (date.getMonth() + 1) + "-" + date.getFullYear();
  }

  function fillTable(route, record) {
    route.modules.forEach(function (item) {
      var row = document.querySelector('tr[data-module="' + item.id + '"]');
      var entry = record.modules[item.id] || {};
      row.querySelector(".nc-read").textContent = entry.read ? "ja, " + formatDate(entry.read) : "nog niet";
      row.querySelector(".nc-done").textContent = entry.done ? "✓ klaar" : "nog niet";
      if (item.quiz) {
        row.querySelector(".nc-score").textContent = entry.quiz ? scoreText(entry) : "nog niet gemaakt";
      }
      row.classList.toggle("nc-row-done", !!entry.done);
    });
  }

  function summary(route, record) {
    var done = route.modules.filter(function (m) { return (record.modules[m.id] || {}).done; });
    var next = route.modules.filter(function (m) { return !(record.modules[m.id] || {}).done; })[0];
    var box = document.querySelector(".nc-progress-summary");
    box.textContent = "";
    var line = document.createElement("p");
    line.textContent = "Je hebt " + done.length + " van de " + route.modules.length + " onderdelen klaar.";
    box.appendChild(line);
    if (next) {
      var what = document.createElement("p");
      what.appendChild(document.createTextNode("Wat nu? Ga verder met "));
      var link = document.createElement("a");
      link.href = next.href;
      link.textContent = next.title;
      what.appendChild(link);
      what.appendChild(document.createTextNode("."));
      box.appendChild(what);
    }
    return missing(route, record).length === 0;
  }

  /* What still stands between the volunteer and the certificate: every route module done, and
     every quiz of the route (each step's and the final test) passed. */
  function missing(route, record) {
    return route.modules.filter(function (m) {
      var entry = record.modules[m.id] || {};
      return !entry.done || (m.quiz && !(entry.quiz && entry.quiz.passed));
    });
  }

  /* ---------- small helpers, also used by worksheets.js (which loads after this file) ---------- */
  function button(label, onClick) {
    var el = document.createElement("button");
    el.type = "button";
    el.className = "md-button nc-button";
    el.textContent = label;
    el.addEventListener("click", onClick);
    return el;
  }

  function download(name, data) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  function pickFile(onText) {
    var input = document.createElement("input");
    input.type = "file";
    input.accept = ".json,application/json";
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () { onText(String(reader.result)); };
      reader.readAsText(file);
    });
    input.click();
  }

  /* The page holds its tool buttons disabled, at their final size and with their labels (no
     layout shift, one place for the labels): enable each one by its data-action. */
  function activate(row, handlers) {
    Array.prototype.forEach.call(row.querySelectorAll("button[data-action]"), function (el) {
      var onClick = handlers[el.dataset.action];
      if (!onClick) return;
      el.addEventListener("click", onClick);
      el.disabled = false;
    });
  }

  /* A function that shows a message in a status line, as an alert when it is an error. */
  function sayIn(line) {
    return function (text, isError) {
      line.textContent = text;
      line.setAttribute("role", isError ? "alert" : "status");
      line.classList.toggle("nc-status--error", !!isError);
    };
  }

  // The page scripts (worksheets.js, quiz.js) load after this file and use these.
  // Before any page script reads its data: worksheets.js and quiz.js start as soon as ncSite exists.
  migrateEarlierData(siteId());
  window.ncSite = { button: button, activate: activate, sayIn: sayIn, download: download,
                          pickFile: pickFile, recordQuiz: recordQuiz, fileType: fileType, fileName: fileName,
                          isFileOf: isFileOf };

  function setupTools(route, refresh) {
    var site = route.site, tools = document.querySelector(".nc-progress-tools");
    var say = sayIn(tools.querySelector(".nc-status"));
    activate(tools, {
      save: function () {
        download(fileName("voortgang", site), { type: fileType(site, "voortgang"), format: FORMAT, site: site,
          exported: new Date().toISOString(), progress: load(site) });
        say("Het bestand met je voortgang is gemaakt.");
      },
      open: function () {
        pickFile(function (text) {
          var data;
          try { data = JSON.parse(text); } catch (error) { data = null; }
          if (!isFileOf(site, data, "voortgang") || !data.progress || typeof data.progress.modules !== "object") {
            say("Dit bestand is geen voortgangsbestand van deze training. Er is niets veranderd.", true);
            return;
          }
          if (Object.keys(load(site).modules).length &&
              !window.confirm("Je voortgang in deze browser vervangen door die uit het bestand?")) { say("Niets veranderd."); return; }
          if (!store(site, data.progress)) { say("Opslaan lukt niet in deze browser.", true); return; }
          refresh();
          say("Je voortgang uit het bestand staat nu in deze browser.");
        });
      },
      clear: function () {
        if (!window.confirm("Wil je je hele voortgang wissen? Dit kun je niet terugdraaien.")) return;
        try { window.localStorage.removeItem(key(site)); } catch (error) { /* nothing stored */ }
        window.dispatchEvent(new CustomEvent("nc-progress"));
        refresh();
        say("Je voortgang is gewist.");
      }
    });
  }

  function showMissing(area, route, record) {
    var todo = missing(route, record), list = area.querySelector(".nc-cert-missing");
    if (list) list.remove();
    if (!todo.length) return;
    list = document.createElement("p");
    list.className = "nc-cert-missing";
    list.textContent = "Nog te doen voor je certificaat: " + todo.map(function (m) {
      var entry = record.modules[m.id] || {};
      return m.title + (m.quiz && entry.done && !(entry.quiz && entry.quiz.passed) ? " (toets nog niet gehaald)" : "");
    }).join("; ") + ".";
    area.appendChild(list);
  }

  function setupCertificate(route, complete) {
    var area = document.querySelector(".nc-certificate-area");
    area.querySelectorAll(".nc-certificate-form, .nc-certificate").forEach(function (el) { el.remove(); });
    area.querySelector("p").hidden = complete;
    showMissing(area, route, load(route.site));
    if (!complete) return;
    var form = document.createElement("div");
    form.className = "nc-certificate-form";
    var label = document.createElement("label");
    label.htmlFor = "nc-cert-name";
    label.textContent = "Je naam zoals die op het certificaat moet staan";
    var input = document.createElement("input");
    input.type = "text";
    input.id = "nc-cert-name";
    input.autocomplete = "name";
    input.value = load(route.site).name || "";
    var make = button("Maak mijn certificaat", function () {
      var name = input.value.trim();
      if (!name) { input.focus(); return; }
      var record = load(route.site);
      record.name = name;
      store(route.site, record);
      showCertificate(area, route, name);
    });
    form.appendChild(label); form.appendChild(input); form.appendChild(make);
    area.appendChild(form);
  }

  function showCertificate(area, route, name) {
    var old = area.querySelector(".nc-certificate");
    if (old) old.remove();
    var cert = document.createElement("section");
    cert.className = "nc-certificate";
    cert.setAttribute("aria-label", "Certificaat");
    if (route.logo) {
      var logo = document.createElement("img");
      logo.className = "nc-cert-logo";
      logo.src = route.logo;
      logo.alt = route.organisation;
      cert.appendChild(logo);
    }
    var lines = [["nc-cert-kop", "Certificaat"], ["nc-cert-name", name],
      ["", "heeft " + route.certificate + " helemaal afgerond:"],  // the method's words (content/method.yml)
      ["nc-cert-title", route.handbook], ["", route.edition],
      ["", route.organisation], ["", "Datum: " + formatDate(new Date().toISOString())]];
    lines.forEach(function (pair) {
      var p = document.createElement("p");
      if (pair[0]) p.className = pair[0];
      p.textContent = pair[1];
      cert.appendChild(p);
    });
    cert.appendChild(scoreList(route, load(route.site)));
    var sign = document.createElement("div");
    sign.className = "nc-cert-sign";
    ["Naam van de trainer", "Handtekening van de trainer"].forEach(function (text) {
      var line = document.createElement("p");
      line.textContent = text + ": ";
      line.appendChild(document.createElement("span")).className = "nc-cert-line";
      sign.appendChild(line);
    });
    cert.appendChild(sign);
    cert.appendChild(button("Certificaat afdrukken", function () { window.print(); }));
    area.appendChild(cert);
    document.body.classList.add("nc-has-certificate");
  }

  function scoreList(route, record) {
    var list = document.createElement("ul");
    list.className = "nc-cert-scores";
    route.modules.filter(function (m) { return m.quiz; }).forEach(function (m) {
      var quiz = (record.modules[m.id] || {}).quiz;
      var item = document.createElement("li");
      item.textContent = m.title + ": " + (quiz ? quiz.right + " van " + quiz.total + " goed" : "–");
      list.appendChild(item);
    });
    return list;
  }

  /* The phases whose modules are all done, kept by their page address so that every page's
     menu can mark them (the route itself is only in the pages that show it). */
  function notePhases(route, record) {
    var groups = {};
    route.modules.forEach(function (m) {
      var g = groups[m.group] || (groups[m.group] = { all: true, phase: m.phaseHref });
      g.all = g.all && !!(record.modules[m.id] || {}).done;
    });
    var phases = {};
    Object.keys(groups).forEach(function (name) {
      if (groups[name].all && groups[name].phase) phases[new URL(groups[name].phase, location.href).href] = true;
    });
    // Written only when it changes, and never into an empty record (a wiped progress stays wiped).
    if (JSON.stringify(phases) === JSON.stringify(record.phases || {}) || !Object.keys(record.modules).length) return;
    record.phases = phases;
    store(route.site, record);
  }

  /* The route picture: a filled circle for every finished step (any page that shows it). */
  function paintMap(record) {
    Array.prototype.forEach.call(document.querySelectorAll(".nc-route-map a[data-module]"), function (link) {
      var finished = !!(record.modules[link.dataset.module] || {}).done;
      link.classList.toggle("nc-route-done", finished);
      var name = link.querySelector("title").textContent.replace(/ \(klaar\)$/, "");
      link.setAttribute("aria-label", name + (finished ? " (klaar)" : ""));
    });
  }

  function paintProgress(route, record) {
    var done = route.modules.filter(function (m) { return (record.modules[m.id] || {}).done; }).length;
    Array.prototype.forEach.call(document.querySelectorAll(".nc-progressbar"), function (bar) {
      var meter = bar.querySelector("progress");
      meter.value = done;
      meter.textContent = done + " van " + route.modules.length;
      bar.querySelector(".nc-progress-count").textContent = done + " van " + route.modules.length + " klaar";
    });
    paintMap(record);
    var start = document.querySelector(".nc-start-button"), began = Object.keys(record.modules).length > 0;
    var next = route.modules.filter(function (m) { return !(record.modules[m.id] || {}).done; })[0];
    if (start && began && next) {
      start.href = next.href;
      start.textContent = "Verder waar je was: " + next.title;
    } else if (start && began) {
      start.textContent = "Je hebt alles gedaan: bekijk je voortgang en je certificaat";
      start.href = route.progressHref || start.href;
    }
  }

  /* "Volgende bijeenkomst" on the progress page: the first training meeting with something still to
     do before it, and what that is (from the route data; nothing is sent). */
  function paintNextMeeting(route, record) {
    var box = document.querySelector(".nc-next-meeting");
    if (!box || !route.meetings || !route.meetings.length) return;
    var titles = {};
    route.modules.forEach(function (m) { titles[m.id] = m; });
    function open(meeting) {
      var todo = meeting.modules.filter(function (id) { return !(record.modules[id] || {}).done; });
      meeting.quizzes.forEach(function (id) {
        var quiz = (record.modules[id] || {}).quiz;
        if (!(quiz && quiz.passed) && todo.indexOf(id) < 0) todo.push(id);
      });
      return todo;
    }
    var next = route.meetings.filter(function (m) { return open(m).length; })[0];
    box.textContent = "";
    var p = document.createElement("p");
    if (!next) {
      p.textContent = "Je hebt alles gedaan wat vóór de bijeenkomsten van de training moet.";
      box.appendChild(p);
      return;
    }
    p.appendChild(document.createTextNode("Volgende bijeenkomst: "));
    var link = p.appendChild(document.createElement("a"));
    link.href = next.href; link.textContent = next.title;
    p.appendChild(document.createTextNode(". Doe eerst:"));
    var list = document.createElement("ul");
    open(next).forEach(function (id) {
      var item = list.appendChild(document.createElement("li")), a = item.appendChild(document.createElement("a"));
      a.href = titles[id].href; a.textContent = titles[id].title;
    });
    box.appendChild(p); box.appendChild(list);
  }

  function setupRoutePage(script) {
    var route = JSON.parse(script.textContent);
    function refresh() {
      var record = load(route.site);
      notePhases(route, record);
      paintProgress(route, record);
      paintNextMeeting(route, record);
      if (document.querySelector(".nc-progress-tools")) {
        fillTable(route, record);
        setupCertificate(route, summary(route, record));
      }
      markNav(route.site);
    }
    if (document.querySelector(".nc-progress-tools")) setupTools(route, refresh);
    refresh();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".nc-module"), setupModule);
    var route = document.getElementById("nc-route");
    if (route) setupRoutePage(route);
    else paintMap(load(siteId()));
    markNav(siteId());
  }
  // Its own task, after the theme's start-up: one long task at load becomes two shorter ones, so
  // the page answers a tap sooner on a slow phone (Lighthouse: total blocking time 160-190 ms ->
  // 110-140 ms on the worksheet page). The deferred script already runs after parsing, so the DOM
  // is complete here; the tools it exports above are there at once for the other scripts.
  setTimeout(start, 0);
})();
