/* The page "Resultaten": reads trajectory CSV files in this browser (FileReader, no upload),
   checks them against the format the page describes, and shows per moment the number of
   trajectories and the mean of every measure, as tables and (with Chart.js) as charts. */
(function () {
  "use strict";
  var HEAD = ["formaat", "code", "moment", "maand"];
  var MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
  var COLOURS = ["#1f5f8b", "#c2571a", "#2e7d32", "#6a1b9a", "#8d6e00"];
  var charts = [];

  function config(el) {
    return { format: Number(el.dataset.format), organisation: el.dataset.organisation,
             moments: JSON.parse(el.dataset.moments), measures: JSON.parse(el.dataset.measures) };
  }
  function make(tag, text, cls) {
    var el = document.createElement(tag);
    if (text !== undefined) el.textContent = text;
    if (cls) el.className = cls;
    return el;
  }
  function decimal(value) { return value === null ? "–" : value.toFixed(1).replace(".", ","); }

  /* ---------- reading CSV (RFC 4180: quotes, doubled quotes, CRLF) ---------- */
  function parseCsv(text) {
    var rows = [], row = [], cell = "", quoted = false;
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"' && cell === "") quoted = true;
      else if (c === ",") { row.push(cell); cell = ""; }
      else if (c === "\n" || c === "\r") {
        if (c === "\r" && text[i + 1] === "\n") i++;
        row.push(cell); rows.push(row); row = []; cell = "";
      } else cell += c;
    }
    if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
    return rows.filter(function (r) { return r.length > 1 || r[0] !== ""; });
  }

  function checkHeader(header, cfg) {
    for (var i = 0; i < HEAD.length; i++) {
      if (header[i] !== HEAD[i]) return "dit is geen export van de trajecten: de eerste regel moet beginnen met " + HEAD.join(",") + ".";
    }
    var known = cfg.measures.map(function (m) { return m.id; });
    var unknown = header.slice(HEAD.length).filter(function (name) { return known.indexOf(name) < 0; });
    return unknown.length ? "de kolom '" + unknown[0] + "' ken ik niet; verwacht: " + known.join(", ") + "." : "";
  }

  function checkValue(measure, value) {
    if (value === "" || measure.kind === "tekst") return "";
    if (!/^\d+$/.test(value)) return "'" + value + "' bij " + measure.id + " is geen heel getal";
    if (measure.kind === "score" && Number(value) > 10) return "'" + value + "' bij " + measure.id + " is geen cijfer van 0 tot 10";
    return "";
  }

  function checkRow(cells, header, cfg) {
    if (cells.length !== header.length) return "deze regel heeft " + cells.length + " vakjes, de eerste regel " + header.length;
    if (Number(cells[0]) !== cfg.format) return "formaat '" + cells[0] + "' ken ik niet; verwacht: " + cfg.format;
    if (!cells[1].trim()) return "de trajectcode ontbreekt";
    var moments = cfg.moments.map(function (m) { return m.id; });
    if (moments.indexOf(cells[2]) < 0) return "moment '" + cells[2] + "' ken ik niet; verwacht: " + moments.join(", ");
    if (!MONTH.test(cells[3])) return "maand '" + cells[3] + "' is niet jjjj-mm";
    for (var i = HEAD.length; i < header.length; i++) {
      var measure = cfg.measures.filter(function (m) { return m.id === header[i]; })[0];
      var problem = checkValue(measure, cells[i]);
      if (problem) return problem;
    }
    return "";
  }

  /* One file: its rows as records, or the first problem in Dutch. */
  function readFile(name, text, cfg) {
    var rows = parseCsv(text.replace(/^\uFEFF/, ""));
    if (!rows.length) return { error: name + ": het bestand is leeg." };
    var header = rows[0].map(function (h) { return h.trim(); });
    var problem = checkHeader(header, cfg);
    if (problem) return { error: name + ": " + problem };
    if (rows.length < 2) return { error: name + ": er staan geen trajecten in, alleen de kopregel." };
    var records = [];
    for (var r = 1; r < rows.length; r++) {
      problem = checkRow(rows[r], header, cfg);
      if (problem) return { error: name + ", regel " + (r + 1) + ": " + problem + ". Het bestand is niet gebruikt." };
      var record = { code: rows[r][1].trim(), moment: rows[r][2], maand: rows[r][3], values: {} };
      for (var i = HEAD.length; i < header.length; i++) if (rows[r][i] !== "") record.values[header[i]] = rows[r][i];
      records.push(record);
    }
    return { records: records };
  }

  /* ---------- figures ---------- */
  function summarise(records, cfg) {
    var byMoment = {}, codes = {}, months = records.map(function (r) { return r.maand; }).sort();
    records.forEach(function (r) { (byMoment[r.moment] = byMoment[r.moment] || []).push(r); codes[r.code] = true; });
    var moments = cfg.moments.filter(function (m) { return byMoment[m.id]; });
    var means = {};
    moments.forEach(function (m) {
      means[m.id] = {};
      cfg.measures.forEach(function (measure) {
        var values = byMoment[m.id].map(function (r) { return r.values[measure.id]; })
          .filter(function (v) { return v !== undefined && v !== ""; }).map(Number);
        means[m.id][measure.id] = values.length ? values.reduce(function (a, b) { return a + b; }, 0) / values.length : null;
      });
    });
    return { moments: moments, byMoment: byMoment, means: means, trajectories: Object.keys(codes).length,
             period: months.length ? months[0] + " t/m " + months[months.length - 1] : "" };
  }

  function table(caption, head, rows) {
    var el = make("table", undefined, "nc-results-table"), thead = make("thead"), tbody = make("tbody"), tr = make("tr");
    el.appendChild(make("caption", caption));
    head.forEach(function (h) { var th = make("th", h); th.scope = "col"; tr.appendChild(th); });
    thead.appendChild(tr);
    rows.forEach(function (cells) {
      var row = make("tr");
      cells.forEach(function (cell, i) {
        var td = make(i ? "td" : "th", cell);
        if (!i) td.scope = "row"; else td.dataset.label = head[i];
        row.appendChild(td);
      });
      tbody.appendChild(row);
    });
    el.appendChild(thead); el.appendChild(tbody);
    var wrap = make("div", undefined, "nc-results-scroll");
    // On a phone a wide table scrolls: the keyboard must be able to scroll it too.
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", caption);
    wrap.appendChild(el);
    return wrap;
  }

  function chart(summary, measures, title) {
    if (typeof window.Chart !== "function") return null;
    var box = make("div", undefined, "nc-results-chart"), canvas = make("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", "Grafiek: " + title + ". Dezelfde cijfers staan in de tabel hierboven.");
    box.appendChild(canvas);
    var datasets = summary.moments.map(function (m, i) {
      return { label: m.label, backgroundColor: COLOURS[i % COLOURS.length],
               data: measures.map(function (measure) { return summary.means[m.id][measure.id]; }) };
    });
    charts.push({ canvas: canvas, data: { labels: measures.map(function (m) { return m.label; }), datasets: datasets } });
    return box;
  }

  function drawCharts() {
    charts.forEach(function (c) {
      new window.Chart(c.canvas, { type: "bar", data: c.data,
        options: { animation: false, responsive: true, maintainAspectRatio: false,
                   plugins: { legend: { position: "bottom" } }, scales: { y: { beginAtZero: true } } } });
    });
  }

  function measureSection(summary, cfg, kind, title) {
    var measures = cfg.measures.filter(function (m) { return m.kind === kind; });
    var section = make("section");
    if (!measures.length) return section;
    section.appendChild(make("h3", title));
    var head = ["Meting"].concat(summary.moments.map(function (m) { return m.label; }));
    var rows = measures.map(function (measure) {
      return [measure.label].concat(summary.moments.map(function (m) { return decimal(summary.means[m.id][measure.id]); }));
    });
    section.appendChild(table(title + " (gemiddelde per moment)", head, rows));
    var graph = chart(summary, measures, title);
    if (graph) section.appendChild(graph);
    return section;
  }

  function render(target, summary, cfg) {
    charts.forEach(function (c) { var old = window.Chart && window.Chart.getChart(c.canvas); if (old) old.destroy(); });
    charts = [];
    target.textContent = "";
    target.appendChild(make("h2", "Samenvatting: " + cfg.organisation));
    target.appendChild(make("p", "Periode: " + summary.period + " · " + summary.trajectories + " trajecten", "nc-results-period"));
    target.appendChild(make("h3", "Trajecten per moment"));
    target.appendChild(table("Aantal trajecten per moment", ["Moment", "Trajecten"],
      summary.moments.map(function (m) { return [m.label, String(summary.byMoment[m.id].length)]; })));
    target.appendChild(measureSection(summary, cfg, "aantal", "Aantallen"));
    target.appendChild(measureSection(summary, cfg, "score", "Cijfers van 0 tot 10"));
    if (typeof window.Chart !== "function") target.appendChild(make("p", "De grafieken konden niet laden; de tabellen hierboven tonen alle cijfers."));
    target.appendChild(make("p", "Gemaakt met de pagina Resultaten. Gemiddelden over weinig trajecten zeggen weinig.", "nc-results-note"));
    drawCharts();
  }

  /* ---------- the page ---------- */
  function start(tool) {
    var cfg = config(tool), status = tool.querySelector(".nc-results-status"), target = tool.querySelector(".nc-results-summary");
    function show(files) {
      var records = {}, messages = [], used = 0;
      files.forEach(function (file) {
        var result = readFile(file.name, file.text, cfg);
        if (result.error) { messages.push(result.error); return; }
        used++;
        result.records.forEach(function (r) { records[r.code + "\u0000" + r.moment] = r; });  // a later file wins
      });
      status.textContent = "";
      messages.forEach(function (m) { status.appendChild(make("p", m, "nc-error")); });
      var list = Object.keys(records).map(function (k) { return records[k]; });
      if (!list.length) { target.textContent = ""; if (!messages.length) status.appendChild(make("p", "Er zijn geen gegevens gekozen.")); return; }
      status.appendChild(make("p", used + (used === 1 ? " bestand" : " bestanden") + " gelezen: " + list.length + " regels."));
      render(target, summarise(list, cfg), cfg);
    }
    var input = tool.querySelector('input[type="file"]');
    input.addEventListener("change", function () {
      var chosen = Array.prototype.slice.call(input.files), done = [];
      chosen.forEach(function (file, i) {
        var reader = new FileReader();
        reader.onload = function () { done[i] = { name: file.name, text: String(reader.result) }; finish(); };
        reader.onerror = function () { done[i] = { name: file.name, text: "" }; finish(); };
        reader.readAsText(file, "utf-8");
      });
      function finish() { if (done.filter(Boolean).length === chosen.length) show(done); }
    });
    var sample = document.querySelector(".language-csv code, code.language-csv");
    var sampleButton = tool.querySelector('[data-action="sample"]'), printButton = tool.querySelector('[data-action="print"]');
    sampleButton.disabled = !sample;
    sampleButton.addEventListener("click", function () { show([{ name: "voorbeeld", text: sample.textContent }]); });
    printButton.disabled = false;
    printButton.addEventListener("click", function () { window.print(); });
  }

  window.ncResults = { parseCsv: parseCsv, readFile: readFile, summarise: summarise };
  document.querySelectorAll(".nc-results").forEach(start);
})();
