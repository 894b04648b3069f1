/* The page "Resultaten": reads trajectory CSV files in this browser (FileReader, no upload),
   checks them against the formats the page describes (the columns come from the page, made from
   generator/model/monitoring_csv.py), and shows per moment the number of trajectories and the mean
   of every measure, where the trajectories stand now, how long they took and what changed per
   trajectory, as tables and (with Chart.js) as charts. The moments' stages (start, end, follow-up)
   and the totals come from the method, so nothing here knows the method's words. */
(function () {
  "use strict";
  var MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
  var MAX_BYTES = 2 * 1024 * 1024;  // an export of a thousand trajectories is a few hundred kB
  var COLOURS = ["#1f5f8b", "#c2571a", "#2e7d32", "#6a1b9a", "#8d6e00"];
  var charts = [];

  function config(el) {
    return { format: Number(el.dataset.format), organisation: el.dataset.organisation, logo: el.dataset.logo || "",
             moments: JSON.parse(el.dataset.moments), measures: JSON.parse(el.dataset.measures),
             totals: JSON.parse(el.dataset.totals || "[]"), formats: JSON.parse(el.dataset.formats) };
  }
  function make(tag, text, cls) {
    var el = document.createElement(tag);
    if (text !== undefined) el.textContent = text;
    if (cls) el.className = cls;
    return el;
  }
  function decimal(value) { return value === null ? "–" : value.toFixed(1).replace(".", ","); }
  function signed(value, digits) {
    if (value === null) return "–";
    var text = Math.abs(value).toFixed(digits).replace(".", ",");
    return value > 0 ? "+" + text : value < 0 ? "\u2212" + text : text;
  }
  function monthIndex(month) { return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)); }
  function meanOf(values) { return values.length ? values.reduce(function (a, b) { return a + b; }, 0) / values.length : null; }
  function medianOf(values) {
    if (!values.length) return null;
    var sorted = values.slice().sort(function (a, b) { return a - b; }), half = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
  }
  function ids(list) { return list.map(function (m) { return m.id; }); }
  function stageOf(cfg, moment) { return (cfg.moments.filter(function (m) { return m.id === moment; })[0] || {}).stage; }
  function formatList(cfg) { return Object.keys(cfg.formats).sort().join(" en "); }

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

  /* The header of a file of format `version`: its fixed columns first, then known measures. */
  function checkHeader(header, version, cfg) {
    var fixed = cfg.formats[version];
    for (var i = 0; i < fixed.length; i++) {
      if (header[i] !== fixed[i]) return "de eerste regel past niet bij formaat " + version + ": die moet beginnen met " + fixed.join(",") + ".";
    }
    var known = ids(cfg.measures);
    var unknown = header.slice(fixed.length).filter(function (name) { return known.indexOf(name) < 0; });
    return unknown.length ? "de kolom '" + unknown[0] + "' ken ik niet; verwacht: " + known.join(", ") + "." : "";
  }

  function checkValue(measure, value) {
    if (value === "" || measure.kind === "tekst") return "";
    if (!/^\d+$/.test(value)) return "'" + value + "' bij " + measure.id + " is geen heel getal";
    if (measure.kind === "score" && Number(value) > 10) return "'" + value + "' bij " + measure.id + " is geen cijfer van 0 tot 10";
    return "";
  }

  // The same rule as the form's panel: a code with a space and a capital is a name, not a code.
  function looksLikeName(code) { return /\s/.test(code) && /[A-Z\u00C0-\u00DE]/.test(code); }

  function checkRow(cells, header, version, cfg) {
    var fixed = cfg.formats[version];
    if (cells.length !== header.length) return "deze regel heeft " + cells.length + " vakjes, de eerste regel " + header.length;
    if (cells[0] !== version) return "formaat '" + cells[0] + "' op deze regel, maar formaat " + version + " op de regels ervoor";
    var code = cells[1].trim();
    if (!code) return "de trajectcode ontbreekt";
    if (looksLikeName(code)) return "de trajectcode lijkt op een naam (een spatie en hoofdletters); gebruik een code zoals T-014";
    var moments = ids(cfg.moments);
    if (moments.indexOf(cells[2]) < 0) return "moment '" + cells[2] + "' ken ik niet; verwacht: " + moments.join(", ");
    if (!MONTH.test(cells[3])) return "maand '" + cells[3] + "' is niet jjjj-mm";
    var start = fixed.indexOf("start") >= 0 ? cells[fixed.indexOf("start")] : "";
    if (start && !MONTH.test(start)) return "start '" + start + "' is niet jjjj-mm";
    if (start && start > cells[3]) return "start " + start + " ligt na de maand van het gesprek (" + cells[3] + ")";
    for (var i = fixed.length; i < header.length; i++) {
      var measure = cfg.measures.filter(function (m) { return m.id === header[i]; })[0];
      var problem = checkValue(measure, cells[i]);
      if (problem) return problem;
    }
    return "";
  }

  /* One file: its rows as records, or the first problem in Dutch. */
  function readFile(name, text, cfg) {
    if (text.length > MAX_BYTES) return { error: tooLarge(name, text.length) };
    var rows = parseCsv(text.replace(/^\uFEFF/, ""));
    if (!rows.length) return { error: name + ": het bestand is leeg." };
    var header = rows[0].map(function (h) { return h.trim(); });
    if (header[0] !== "formaat" || header[1] !== "code") {
      return { error: name + ": dit is geen export van de trajecten: de eerste regel moet beginnen met formaat,code,moment,maand." };
    }
    if (rows.length < 2) return { error: name + ": er staan geen trajecten in, alleen de kopregel." };
    var version = rows[1][0];
    if (!cfg.formats.hasOwnProperty(version)) {
      return { error: name + ": formaat '" + version + "' ken ik niet; deze pagina leest formaat " + formatList(cfg) + ". Het bestand is niet gebruikt." };
    }
    var problem = checkHeader(header, version, cfg), fixed = cfg.formats[version];
    if (problem) return { error: name + ": " + problem };
    var records = [];
    for (var r = 1; r < rows.length; r++) {
      problem = checkRow(rows[r], header, version, cfg);
      if (problem) return { error: name + ", regel " + (r + 1) + ": " + problem + ". Het bestand is niet gebruikt." };
      var record = { code: rows[r][1].trim(), moment: rows[r][2], maand: rows[r][3],
                     start: fixed.indexOf("start") >= 0 ? rows[r][fixed.indexOf("start")] : "", values: {} };
      for (var i = fixed.length; i < header.length; i++) if (rows[r][i] !== "") record.values[header[i]] = rows[r][i];
      records.push(record);
    }
    return { records: records };
  }

  function tooLarge(name, size) {
    return name + ": het bestand is te groot (" + (size / 1048576).toFixed(1).replace(".", ",") + " MB). Deze pagina leest " +
      "bestanden tot " + MAX_BYTES / 1048576 + " MB; een export van de trajecten is veel kleiner. Het bestand is niet gebruikt.";
  }

  /* ---------- figures ---------- */
  function figureValue(record, figure) {
    var parts = figure.of || [figure.id], sum = 0;
    for (var i = 0; i < parts.length; i++) {
      var value = record.values[parts[i]];
      if (value === undefined || value === "") return null;
      sum += Number(value);
    }
    return sum;
  }

  // What the change tables compare: the totals, then every score.
  function figures(cfg) { return cfg.totals.concat(cfg.measures.filter(function (m) { return m.kind === "score"; })); }

  function summarise(records, cfg, period) {
    period = period || {};
    var within = function (month) { return (!period.from || month >= period.from) && (!period.to || month <= period.to); };
    var order = ids(cfg.moments);
    var rows = records.filter(function (r) { return within(r.maand); });
    var byMoment = {}, byCode = {}, months = rows.map(function (r) { return r.maand; }).sort();
    rows.forEach(function (r) { (byMoment[r.moment] = byMoment[r.moment] || []).push(r); byCode[r.code] = []; });
    // A trajectory in the period keeps its earlier moments (its start may lie before the period).
    records.forEach(function (r) { if (byCode[r.code] && (!period.to || r.maand <= period.to)) byCode[r.code].push(r); });
    Object.keys(byCode).forEach(function (code) {
      byCode[code].sort(function (a, b) { return a.maand < b.maand ? -1 : a.maand > b.maand ? 1 : order.indexOf(a.moment) - order.indexOf(b.moment); });
    });
    var moments = cfg.moments.filter(function (m) { return byMoment[m.id]; });
    var means = {};
    moments.forEach(function (m) {
      means[m.id] = {};
      cfg.measures.forEach(function (measure) {
        means[m.id][measure.id] = meanOf(byMoment[m.id].map(function (r) { return r.values[measure.id]; })
          .filter(function (v) { return v !== undefined && v !== ""; }).map(Number));
      });
    });
    var shown = period.from || period.to ? (period.from || "begin") + " t/m " + (period.to || "nu")
      : months.length ? months[0] + " t/m " + months[months.length - 1] : "";
    return { moments: moments, byMoment: byMoment, means: means, trajectories: Object.keys(byCode).length,
             period: shown, latest: latest(byCode, cfg), durations: durations(byCode, cfg, within),
             changes: changes(byCode, cfg) };
  }

  function latest(byCode, cfg) {
    var counts = {}, list = Object.keys(byCode).sort().map(function (code) {
      var last = byCode[code][byCode[code].length - 1];
      counts[last.moment] = (counts[last.moment] || 0) + 1;
      return { code: code, moment: last.moment, maand: last.maand };
    });
    return { list: list, counts: cfg.moments.filter(function (m) { return counts[m.id]; })
      .map(function (m) { return { moment: m, count: counts[m.id] }; }) };
  }

  /* From the start month (the row's `start`, else the start moment's row) to the first end moment,
     for trajectories that ended in the period. */
  function durations(byCode, cfg, within) {
    var list = [], unknown = 0;
    Object.keys(byCode).sort().forEach(function (code) {
      var rows = byCode[code];
      var end = rows.filter(function (r) { return stageOf(cfg, r.moment) === "end"; })[0];
      if (!end || !within(end.maand)) return;
      var withStart = rows.filter(function (r) { return r.start; })[0];
      var startRow = rows.filter(function (r) { return stageOf(cfg, r.moment) === "start"; })[0];
      var begin = withStart ? withStart.start : startRow ? startRow.maand : "";
      if (!begin) { unknown++; return; }
      list.push({ code: code, begin: begin, end: end.maand, moment: end.moment, months: monthIndex(end.maand) - monthIndex(begin) });
    });
    var months = list.map(function (d) { return d.months; });
    return { list: list, unknown: unknown, median: medianOf(months), mean: meanOf(months),
             min: months.length ? Math.min.apply(null, months) : null, max: months.length ? Math.max.apply(null, months) : null };
  }

  /* Per trajectory: each figure at the start moment and at the first end (or follow-up) moment. */
  function changes(byCode, cfg) {
    var start = cfg.moments.filter(function (m) { return m.stage === "start"; })[0];
    if (!start) return [];
    return [["end", "einde"], ["follow_up", null]].map(function (pair) {
      var targets = cfg.moments.filter(function (m) { return m.stage === pair[0]; });
      if (!targets.length) return null;
      var label = start.label + " \u2192 " + (pair[1] || targets.map(function (m) { return m.label; }).join(" of "));
      var rows = [];
      Object.keys(byCode).sort().forEach(function (code) {
        var list = byCode[code];
        var from = list.filter(function (r) { return r.moment === start.id; })[0];
        var to = list.filter(function (r) { return stageOf(cfg, r.moment) === pair[0]; })[0];
        if (!from || !to) return;
        rows.push({ code: code, cells: figures(cfg).map(function (f) {
          var a = figureValue(from, f), b = figureValue(to, f);
          return { from: a, to: b, diff: a === null || b === null ? null : b - a };
        }) });
      });
      var means = figures(cfg).map(function (f, i) {
        return meanOf(rows.map(function (r) { return r.cells[i].diff; }).filter(function (d) { return d !== null; }));
      });
      return { label: label, rows: rows, means: means };
    }).filter(function (c) { return c && c.rows.length; });
  }

  /* ---------- drawing ---------- */
  function table(caption, head, rows, key) {
    var el = make("table", undefined, "nc-results-table"), thead = make("thead"), tbody = make("tbody"), tr = make("tr");
    el.appendChild(make("caption", caption));
    if (key) el.dataset.table = key;
    head.forEach(function (h) { var th = make("th", h); th.scope = "col"; tr.appendChild(th); });
    thead.appendChild(tr);
    rows.forEach(function (cells) {
      var row = make("tr");
      cells.forEach(function (cell, i) {
        var td = make(i ? "td" : "th", cell);
        if (!i) td.scope = "row"; else td.dataset.label = head[i];
        if (i && !/^[+\u2212]?[\d,]+$|^–$/.test(cell)) td.className = "nc-results-words";
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

  function chart(title, labels, datasets, options) {
    if (typeof window.Chart !== "function") return null;
    var box = make("div", undefined, "nc-results-chart"), canvas = make("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", "Grafiek: " + title + ". Dezelfde cijfers staan in de tabel bij deze grafiek.");
    box.appendChild(canvas);
    charts.push({ canvas: canvas, options: options || {}, data: { labels: labels, datasets: datasets.map(function (d, i) {
      return { label: d.label, data: d.data, backgroundColor: COLOURS[i % COLOURS.length] };
    }) } });
    return box;
  }

  function drawCharts() {
    charts.forEach(function (c) {
      new window.Chart(c.canvas, { type: "bar", data: c.data,
        options: { animation: false, responsive: true, maintainAspectRatio: false, 
                   plugins: { legend: { position: "bottom", display: c.data.datasets.length > 1 } },
                   scales: { y: { beginAtZero: true, ticks: { precision: 0 } },
                             x: { ticks: { precision: 0 }, title: { display: !!c.options.xTitle, text: c.options.xTitle || "" } } } } });
    });
  }

  function section(title, key) {
    var el = make("section");
    el.dataset.section = key;
    el.appendChild(make("h3", title));
    return el;
  }

  // A table per trajectory: on screen only, so the printed summary stays one A4 page.
  function detail(wrap) { wrap.classList.add("nc-results-detail"); return wrap; }

  function add(parent) { for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]); return parent; }

  function measureSection(summary, cfg, kind, title) {
    var measures = cfg.measures.filter(function (m) { return m.kind === kind; });
    if (!measures.length) return null;
    var head = ["Meting"].concat(summary.moments.map(function (m) { return m.label; }));
    var rows = measures.map(function (measure) {
      return [measure.label].concat(summary.moments.map(function (m) { return decimal(summary.means[m.id][measure.id]); }));
    });
    var datasets = summary.moments.map(function (m) {
      return { label: m.label, data: measures.map(function (measure) { return summary.means[m.id][measure.id]; }) };
    });
    return add(section(title, "gemiddelden-" + kind), table(title + " (gemiddelde per moment)", head, rows, "gemiddelden-" + kind),
               chart(title, measures.map(function (m) { return m.label; }), datasets));
  }

  function phaseSection(summary) {
    var counts = summary.latest.counts, el = section("Waar de trajecten staan", "fase");
    el.appendChild(make("p", "Het laatste moment van elk traject, tot en met het einde van de periode."));
    add(el, table("Trajecten per laatste moment", ["Laatste moment", "Trajecten"],
                  counts.map(function (c) { return [c.moment.label, String(c.count)]; }), "fase"),
        chart("trajecten per laatste moment", counts.map(function (c) { return c.moment.label; }),
              [{ label: "Trajecten", data: counts.map(function (c) { return c.count; }) }]));
    return add(el, detail(table("Laatste moment per traject", ["Trajectcode", "Laatste moment", "Maand"],
      summary.latest.list.map(function (t) { return [t.code, summary.labels[t.moment] || t.moment, t.maand]; }),
      "fase-per-traject")));
  }

  function durationSection(summary) {
    var d = summary.durations, el = section("Duur van de trajecten", "duur");
    if (!d.list.length) {
      el.appendChild(make("p", "Er is nog geen traject afgerond in deze periode, of het begin ervan staat niet in de bestanden."));
      return el;
    }
    el.appendChild(make("p", d.list.length + (d.list.length === 1 ? " traject" : " trajecten") + " afgerond: mediaan " +
      decimal(d.median) + " maanden, gemiddeld " + decimal(d.mean) + " maanden (kortste " + d.min + ", langste " + d.max + ")." +
      (d.unknown ? " Van " + d.unknown + " afgerond traject" + (d.unknown === 1 ? "" : "en") + " staat het begin niet in de bestanden." : ""),
      "nc-results-duration"));
    var spread = {};
    d.list.forEach(function (t) { spread[t.months] = (spread[t.months] || 0) + 1; });
    var lengths = Object.keys(spread).map(Number).sort(function (a, b) { return a - b; });
    add(el, table("Aantal trajecten per duur", ["Duur (maanden)", "Trajecten"],
                  lengths.map(function (n) { return [String(n), String(spread[n])]; }), "duur"),
        chart("aantal afgeronde trajecten per duur in maanden", lengths.map(String),
              [{ label: "Trajecten", data: lengths.map(function (n) { return spread[n]; }) }], { xTitle: "Duur in maanden" }));
    return add(el, detail(table("Duur per traject", ["Trajectcode", "Begin", "Einde", "Einde bij", "Maanden"],
      d.list.map(function (t) { return [t.code, t.begin, t.end, summary.labels[t.moment] || t.moment, String(t.months)]; }),
      "duur-per-traject")));
  }

  function changeSection(summary, cfg) {
    var list = summary.changes, labels = figures(cfg).map(function (f) { return f.label; });
    var el = section("Verandering per traject", "verandering");
    if (!list.length) {
      el.appendChild(make("p", "Er zijn nog geen trajecten met een begin- en een eindmeting."));
      return el;
    }
    el.appendChild(make("p", "Het verschil tussen het begin en later, per traject: eerst het netwerk, dan de cijfers van 0 tot 10. Gemiddeld over de trajecten met beide metingen:"));
    add(el, table("Gemiddelde verandering", ["Meting"].concat(list.map(function (c) { return c.label + " (n = " + c.rows.length + ")"; })),
                  labels.map(function (label, i) { return [label].concat(list.map(function (c) { return signed(c.means[i], 1); })); }),
                  "verandering"),
        chart("gemiddelde verandering per meting", labels, list.map(function (c) { return { label: c.label, data: c.means }; })));
    list.forEach(function (c, index) {
      el.appendChild(detail(table("Per traject: " + c.label, ["Trajectcode"].concat(labels), c.rows.map(function (r) {
        return [r.code].concat(r.cells.map(function (cell) {
          return cell.diff === null ? "–" : cell.from + " \u2192 " + cell.to + " (" + signed(cell.diff, 0) + ")";
        }));
      }), "verandering-" + index)));
    });
    return el;
  }

  function render(target, summary, cfg) {
    charts.forEach(function (c) { var old = window.Chart && window.Chart.getChart(c.canvas); if (old) old.destroy(); });
    charts = [];
    target.textContent = "";
    summary.labels = {};
    cfg.moments.forEach(function (m) { summary.labels[m.id] = m.label; });
    var head = make("header", undefined, "nc-results-head");
    if (cfg.logo) { var logo = make("img", undefined, "nc-results-logo"); logo.src = cfg.logo; logo.alt = "Logo van " + cfg.organisation; head.appendChild(logo); }
    head.appendChild(make("h2", "Samenvatting: " + cfg.organisation));
    head.appendChild(make("p", "Periode: " + summary.period + " · " + summary.trajectories + " trajecten", "nc-results-period"));
    target.appendChild(head);
    var overview = section("Trajecten per moment", "per-moment");
    add(overview, table("Aantal trajecten per moment", ["Moment", "Trajecten"],
      summary.moments.map(function (m) { return [m.label, String(summary.byMoment[m.id].length)]; }), "per-moment"));
    var parts = [overview, phaseSection(summary), durationSection(summary), changeSection(summary, cfg),
                 measureSection(summary, cfg, "aantal", "Aantallen"), measureSection(summary, cfg, "score", "Cijfers van 0 tot 10")];
    parts.forEach(function (p) { if (p) target.appendChild(p); });
    if (typeof window.Chart !== "function") target.appendChild(make("p", "De grafieken konden niet laden; de tabellen tonen alle cijfers."));
    target.appendChild(make("p", "Gemaakt met de pagina Resultaten. Gemiddelden over weinig trajecten zeggen weinig. " +
      "De tabellen per traject staan alleen op het scherm.", "nc-results-note"));
    drawCharts();
  }

  /* ---------- the page ---------- */
  function start(tool) {
    var cfg = config(tool), status = tool.querySelector(".nc-results-status"), target = tool.querySelector(".nc-results-summary");
    var from = tool.querySelector("#nc-results-from"), to = tool.querySelector("#nc-results-to"), loaded = null;
    function period() {
      var p = { from: MONTH.test(from.value) ? from.value : "", to: MONTH.test(to.value) ? to.value : "" };
      return p.from && p.to && p.from > p.to ? null : p;
    }
    function draw() {
      var messages = loaded ? loaded.messages : [];
      status.textContent = "";
      messages.forEach(function (m) { status.appendChild(make("p", m, "nc-error")); });
      if (!loaded || !loaded.list.length) { target.textContent = ""; if (!messages.length) status.appendChild(make("p", "Er zijn geen gegevens gekozen.")); return; }
      var p = period();
      if (!p) { status.appendChild(make("p", "De periode klopt niet: 'van' ligt na 'tot en met'. De samenvatting toont alles.", "nc-error")); p = {}; }
      status.appendChild(make("p", loaded.used + (loaded.used === 1 ? " bestand" : " bestanden") + " gelezen: " + loaded.list.length + " regels."));
      var summary = summarise(loaded.list, cfg, p);
      if (!summary.trajectories) { target.textContent = ""; status.appendChild(make("p", "In deze periode is er geen gesprek met een traject.", "nc-error")); return; }
      render(target, summary, cfg);
    }
    function show(files) {
      var records = {}, messages = [], used = 0;
      files.forEach(function (file) {
        var result = file.error ? file : readFile(file.name, file.text, cfg);
        if (result.error) { messages.push(result.error); return; }
        used++;
        result.records.forEach(function (r) { records[r.code + "\u0000" + r.moment] = r; });  // a later file wins
      });
      loaded = { used: used, messages: messages, list: Object.keys(records).map(function (k) { return records[k]; }) };
      draw();
    }
    var input = tool.querySelector('input[type="file"]'), chosen = tool.querySelector(".nc-results-chosen");
    tool.querySelector('[data-action="choose"]').disabled = false;
    tool.querySelector('[data-action="choose"]').addEventListener("click", function () { input.click(); });
    input.addEventListener("change", function () {
      var files = Array.prototype.slice.call(input.files), done = [];
      chosen.textContent = files.length ? "Gekozen: " + files.map(function (f) { return f.name; }).join(", ") + "." : "Nog geen bestand gekozen.";
      files.forEach(function (file, i) {
        if (file.size > MAX_BYTES) { done[i] = { name: file.name, error: tooLarge(file.name, file.size) }; finish(); return; }
        var reader = new FileReader();
        reader.onload = function () { done[i] = { name: file.name, text: String(reader.result) }; finish(); };
        reader.onerror = function () { done[i] = { name: file.name, error: file.name + ": het bestand kon niet gelezen worden." }; finish(); };
        reader.readAsText(file, "utf-8");
      });
      function finish() { if (done.filter(Boolean).length === files.length) show(done); }
    });
    [from, to].forEach(function (field) { field.addEventListener("change", function () { if (loaded) draw(); }); });
    var sample = document.querySelector(".language-csv code, code.language-csv");
    var sampleButton = tool.querySelector('[data-action="sample"]'), printButton = tool.querySelector('[data-action="print"]');
    sampleButton.disabled = !sample;
    sampleButton.addEventListener("click", function () {
      chosen.textContent = "Gekozen: de voorbeeldgegevens.";
      show([{ name: "voorbeeld", text: sample.textContent }]);
    });
    printButton.disabled = false;
    printButton.addEventListener("click", function () { window.print(); });
  }

  window.ncResults = { parseCsv: parseCsv, readFile: readFile, summarise: summarise };
  document.querySelectorAll(".nc-results").forEach(start);
})();
