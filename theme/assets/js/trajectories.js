/* Trajectories for coordinators, in this browser only: an evaluation form's answers are kept
   under a trajectory code and moment, exported as an anonymised CSV, and read back on the page
   "Resultaten" (FileReader, no upload). Nothing is sent. The moments and measures come from the
   page (data attributes made from content/method.yml). */
(function () {
  "use strict";
  var MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

  function config(el) {
    return { site: el.dataset.site, format: Number(el.dataset.format), organisation: el.dataset.organisation,
             moments: JSON.parse(el.dataset.moments), measures: JSON.parse(el.dataset.measures),
             columns: JSON.parse(el.dataset.columns || "[]") };
  }
  function recordKey(site, code, moment) { return site + ":traject:" + code + ":" + moment; }
  function lastKey(site, moment) { return site + ":traject-laatst:" + moment; }
  function numeric(cfg) { return cfg.measures.filter(function (m) { return m.kind !== "tekst"; }); }
  function texts(cfg) { return cfg.measures.filter(function (m) { return m.kind === "tekst"; }); }
  function say(box, text, isError) {
    box.textContent = text;
    box.classList.toggle("nc-error", !!isError);
  }
  /* The client's answer set the form is kept in now (answer-sets.js), "" without sets. */
  function currentSet(site) { return window.ncSets ? window.ncSets.currentId(site) : ""; }
  function readJson(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (error) { return null; }
  }

  /* ---------- the panel above an evaluation form ---------- */
  function looksLikeName(code, form) {
    var nameField = form.querySelector('input[name="naam"]');
    var name = nameField ? nameField.value.trim().toLowerCase() : "";
    if (name && code.toLowerCase() === name) return "Deze code is gelijk aan de naam op het formulier.";
    if (/\s/.test(code) && /[A-Z\u00C0-\u00DE]/.test(code)) return "Deze code lijkt op een naam.";
    return "";
  }

  function formMeasures(form, cfg) {
    var values = {};
    cfg.measures.forEach(function (m) {
      var els = form.querySelectorAll('[name="' + m.id + '"]');
      Array.prototype.forEach.call(els, function (el) {
        if (el.type === "radio") { if (el.checked) values[m.id] = el.value; }
        else if (el.value.trim() !== "") values[m.id] = el.value.trim();
      });
    });
    return values;
  }

  function fillMeasures(form, cfg, values) {
    form.reset();
    cfg.measures.forEach(function (m) {
      Array.prototype.forEach.call(form.querySelectorAll('[name="' + m.id + '"]'), function (el) {
        if (el.type === "radio") el.checked = values[m.id] === el.value;
        else el.value = values[m.id] || "";
      });
    });
    form.dispatchEvent(new Event("input", { bubbles: true }));  // worksheets.js saves the form as usual
  }

  function panelProblem(code, month, form) {
    if (!code) return "Vul een trajectcode in, bijvoorbeeld T-014. Dan worden de antwoorden bij dat traject bewaard.";
    var name = looksLikeName(code, form);
    if (name) return "Let op: " + name + " Gebruik nooit een naam, maar een code zoals T-014. Er is niets bewaard.";
    if (!MONTH.test(month)) return "Vul de maand van het gesprek in (jjjj-mm, bijvoorbeeld 2026-03).";
    return "";
  }

  function startPanel(panel) {
    var cfg = config(panel), moment = panel.dataset.moment;
    var form = document.querySelector('form.nc-worksheet[data-worksheet="' + panel.dataset.worksheet + '"]');
    var codeInput = panel.querySelector("#nc-traject-code"), monthInput = panel.querySelector("#nc-traject-maand");
    var box = panel.querySelector(".nc-trajectory-status"), current = "";
    if (!form) return;
    function store() {
      var code = codeInput.value.trim(), month = monthInput.value.trim();
      var problem = panelProblem(code, month, form);
      if (problem) { say(box, problem, !!code); return; }
      var record = { formaat: cfg.format, code: code, moment: moment, maand: month,
                     waarden: formMeasures(form, cfg), bewaard: new Date().toISOString() };
      try {
        window.localStorage.setItem(recordKey(cfg.site, code, moment), JSON.stringify(record));
        window.localStorage.setItem(lastKey(cfg.site, moment), JSON.stringify({ code: code, maand: month, set: currentSet(cfg.site) }));
        say(box, "Bewaard bij traject " + code + " (" + month + ") op dit apparaat.");
      } catch (error) { say(box, "Let op: bewaren lukt niet in deze browser (vol of privévenster).", true); }
    }
    function switchCode() {
      var code = codeInput.value.trim();
      if (code === current || panelProblem(code, "2000-01", form)) { store(); return; }
      var earlier = readJson(recordKey(cfg.site, code, moment));
      if (current || earlier) fillMeasures(form, cfg, earlier ? earlier.waarden : {});
      if (earlier && earlier.maand) monthInput.value = earlier.maand;
      current = code;
      store();
    }
    // The last code is the one used for the client chosen now: with another client the form
    // shows that client's answers, and the code of the one before must not be written with them.
    function restoreLast() {
      var last = readJson(lastKey(cfg.site, moment));
      var fits = last && (!last.set || last.set === currentSet(cfg.site));
      codeInput.value = fits ? last.code : "";
      monthInput.value = fits ? last.maand : "";
      current = fits ? last.code : "";
    }
    restoreLast();
    window.addEventListener("nc-set-change", function (event) {
      if (event.detail.site !== cfg.site) return;
      restoreLast();
      say(box, current ? "Trajectcode " + current + " hoort bij deze antwoorden." : "");
    });
    codeInput.addEventListener("change", switchCode);
    codeInput.addEventListener("input", function () { if (!codeInput.value.trim()) store(); });
    monthInput.addEventListener("input", store);
    monthInput.addEventListener("change", store);
    form.addEventListener("input", function () { if (codeInput.value.trim() === current) store(); });
    // On opening only say where the answers go: worksheets.js fills the form after this runs, and
    // writing now would keep an empty form under the last code (its values lost until typed again).
    var problem = panelProblem(codeInput.value.trim(), monthInput.value.trim(), form);
    if (problem) say(box, problem, !!codeInput.value.trim());
    else say(box, "Je antwoorden worden bewaard bij traject " + current + " (" + monthInput.value.trim() + ").");
  }

  /* ---------- CSV ---------- */
  function csvCell(value) {
    var text = value === undefined || value === null ? "" : String(value);
    if (/^[=+\-@]/.test(text) && !/^-?\d+$/.test(text)) text = "'" + text;  // no formulas in a spreadsheet
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function storedRecords(cfg) {
    var prefix = cfg.site + ":traject:", records = [];
    for (var i = 0; i < window.localStorage.length; i++) {
      var key = window.localStorage.key(i);
      if (key.indexOf(prefix) === 0) { var r = readJson(key); if (r && r.code) records.push(r); }
    }
    var order = cfg.moments.map(function (m) { return m.id; });
    return records.sort(function (a, b) {
      return a.code < b.code ? -1 : a.code > b.code ? 1 : order.indexOf(a.moment) - order.indexOf(b.moment);
    });
  }

  /* The columns come from the page (generator/model/monitoring_csv.py), the same list the page
     "Trajecten volgen" documents. `start` is the month of the trajectory's start moment. */
  function buildCsv(cfg, records, withText) {
    var columns = cfg.columns.filter(function (c) { return withText || c.kind !== "tekst"; });
    var start = cfg.moments.filter(function (m) { return m.stage === "start"; })[0], starts = {};
    records.forEach(function (r) { if (start && r.moment === start.id) starts[r.code] = r.maand; });
    var fixed = { formaat: function () { return cfg.format; }, code: function (r) { return r.code; },
                  moment: function (r) { return r.moment; }, maand: function (r) { return r.maand; },
                  start: function (r) { return starts[r.code] || ""; } };
    var lines = [columns.map(function (c) { return c.id; }).join(",")];
    records.forEach(function (r) {
      var cells = columns.map(function (c) { return c.kind === "vast" ? fixed[c.id](r) : (r.waarden || {})[c.id]; });
      lines.push(cells.map(csvCell).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  function download(name, text) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function startExport(tool) {
    var cfg = config(tool), box = tool.querySelector(".nc-status"), button = tool.querySelector('[data-action="export"]');
    var count = storedRecords(cfg).length;
    say(box, count ? count + " momenten van trajecten staan op dit apparaat." : "Er staan nog geen trajecten op dit apparaat.");
    button.disabled = false;
    button.addEventListener("click", function () {
      var records = storedRecords(cfg);
      if (!records.length) { say(box, "Er is niets om te exporteren: vul eerst een evaluatieformulier in met een trajectcode.", true); return; }
      var withText = tool.querySelector(".nc-export-text").checked;
      download("trajecten-" + new Date().toISOString().slice(0, 10) + ".csv", buildCsv(cfg, records, withText));
      say(box, "Het bestand is gemaakt: " + records.length + " regels" + (withText ? ", met vrije tekst." : ", zonder vrije tekst."));
    });
  }

  window.ncTrajectories = { buildCsv: buildCsv, csvCell: csvCell, startPanel: startPanel, startExport: startExport, config: config };
  // At DOMContentLoaded, after answer-sets.js (later in the page) is there to say which set is chosen.
  function start() {
    document.querySelectorAll(".nc-trajectory-panel").forEach(startPanel);
    document.querySelectorAll(".nc-trajectory-export").forEach(startExport);
  }
  // (A deferred script runs while the page is "interactive", before DOMContentLoaded.)
  if (document.readyState === "complete") start();
  else document.addEventListener("DOMContentLoaded", start);
})();
