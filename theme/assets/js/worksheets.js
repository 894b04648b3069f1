/* Worksheets on screen: answers are kept in this browser only (localStorage), saved as you
   type, exported and imported as a file, printed through the browser. Nothing is sent. */
(function () {
  "use strict";
  var FORMAT = 1;              // version of the stored record and of export files
  // button, activate, sayIn, download, pickFile: window.ncSite from progress.js, taken in start()
  var button, activate, sayIn, download, pickFile;

  // `site` is the store namespace "<handbook id>:<organisation>" (see progress.js). A sheet's
  // record is kept in the set of the client chosen for it, or, for the learner's own sheets, in
  // one place (answer-sets.js says where).
  function storeKey(site, sheet, setId, own) {
    return own ? window.ncSets.ownKey(site, sheet) : window.ncSets.sheetKey(site, setId, sheet);
  }
  /* A form's key: the set it was opened for (form.dataset.set), so a tab never writes into
     another client's set. */
  function formKey(form) {
    return storeKey(form.dataset.site, form.dataset.worksheet, form.dataset.set, !!form.dataset.own);
  }

  /* ---------- reading and filling a form ---------- */
  function readForm(form) {
    var answers = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      if (el.type === "checkbox") {
        if (!answers[el.name]) answers[el.name] = [];
        if (el.checked) answers[el.name].push(el.value);
      } else if (el.type === "radio") {
        if (el.checked) answers[el.name] = el.value;
      } else if (el.value.trim() !== "") {
        answers[el.name] = el.value;
      }
    });
    Object.keys(answers).forEach(function (name) {
      if (Array.isArray(answers[name]) && answers[name].length === 0) delete answers[name];
    });
    return answers;
  }

  function fieldNames(form) {
    var names = {};
    Array.prototype.forEach.call(form.elements, function (el) { if (el.name) names[el.name] = true; });
    return names;
  }

  function fillForm(form, answers) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      var value = answers[el.name];
      if (el.type === "checkbox") el.checked = Array.isArray(value) && value.indexOf(el.value) >= 0;
      else if (el.type === "radio") el.checked = value === el.value;
      else el.value = typeof value === "string" ? value : "";
    });
    syncPrintCopies(form);
  }

  /* ---------- storage ---------- */
  function loadRecord(key) {
    try {
      var text = window.localStorage.getItem(key);
      return text ? JSON.parse(text) : null;
    } catch (error) { return null; }
  }

  function writeRecord(key, record) {
    window.localStorage.setItem(key, JSON.stringify(record));
  }

  function hasAnswers(record) {
    return !!record && (Object.keys(record.answers || {}).length > 0 ||
                        Object.keys(record.earlier || {}).length > 0);
  }

  /* A newer worksheet definition keeps what fits and shows the rest: never drop answers. */
  function migrate(record, form) {
    var version = Number(form.dataset.version);
    if (!record || record.version === version) return record;
    var names = fieldNames(form), kept = {}, earlier = record.earlier || {};
    Object.keys(record.answers || {}).forEach(function (name) {
      if (names[name] || isKaartName(form, name)) kept[name] = record.answers[name];
      else earlier[name] = record.answers[name];
    });
    return { format: FORMAT, sheet: record.sheet, version: version, saved: record.saved,
             answers: kept, earlier: earlier };
  }

  function isKaartName(form, name) {
    var block = name.split(".")[0];
    return !!form.querySelector('.nc-netwerkkaart[data-block="' + block + '"]');
  }

  /* ---------- messages ---------- */
  function status(form, text, isError) {
    var box = form.parentNode.querySelector('.nc-status[data-for="' + form.dataset.worksheet + '"]');
    if (box) sayIn(box)(text, isError);
  }

  function timeNow() {
    var now = new Date();
    return String(now.getHours()).padStart(2, "0") + ":" + String(now.getMinutes()).padStart(2, "0");
  }

  function save(form) {
    var sheet = form.dataset.worksheet;
    var previous = loadRecord(formKey(form));
    var record = { format: FORMAT, sheet: sheet, version: Number(form.dataset.version),
                   saved: new Date().toISOString(), answers: readForm(form),
                   earlier: (previous && previous.earlier) || {} };
    try {
      writeRecord(formKey(form), record);
      status(form, "Opgeslagen op dit apparaat om " + timeNow() + ".");
    } catch (error) {
      status(form, "Let op: opslaan lukt niet in deze browser (vol of privévenster). " +
             "Kies 'Opslaan als bestand' om je antwoorden te bewaren.", true);
    }
  }

  /* ---------- earlier answers (from an older edition) ---------- */
  function showEarlier(form, record) {
    var old = form.parentNode.querySelector(".nc-earlier");
    if (old) old.remove();
    var names = Object.keys((record && record.earlier) || {});
    if (!names.length) return;
    var box = document.createElement("section");
    box.className = "nc-earlier";
    var title = document.createElement("h2");
    title.textContent = "Antwoorden uit een eerdere versie van dit werkblad";
    var note = document.createElement("p");
    note.textContent = "Dit werkblad is veranderd. Deze antwoorden passen niet meer bij een vraag, " +
      "maar we bewaren ze voor je. Je kunt ze overnemen.";
    var list = document.createElement("dl");
    names.forEach(function (name) {
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = name;
      var value = record.earlier[name];
      dd.textContent = Array.isArray(value) ? value.join(", ") : String(value);
      list.appendChild(dt); list.appendChild(dd);
    });
    box.appendChild(title); box.appendChild(note); box.appendChild(list);
    form.parentNode.insertBefore(box, form);
  }

  /* ---------- files ---------- */
  /* `setName`: whose answers these are (the client's set), so an import can say where they go. */
  function exportFile(site, records, setName) {
    var file = { type: window.ncSite.fileType(site, "werkbladen"), format: FORMAT, site: site,
                 exported: new Date().toISOString(), worksheets: records };
    if (setName) file.set = { name: setName };
    return file;
  }

  /* "werkbladen-<site>-<name>.json": the set's name in plain letters and digits only. */
  function setFileName(site, set) {
    var slug = set.name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
    return window.ncSite.fileName("werkbladen", site).replace(/\.json$/, "-" + (slug || set.id) + ".json");
  }

  /* The name of the set a file was saved from ("" for a file of one person or an older file). */
  function fileSetName(text) {
    try {
      var data = JSON.parse(text);
      return data && data.set && typeof data.set.name === "string" ? data.set.name : "";
    } catch (error) { return ""; }
  }

  /* Before an import: a file saved for one client, opened while another is chosen, is confirmed. */
  function confirmOtherClient(text, site) {
    var from = fileSetName(text), now = window.ncSets.current(site).name;
    return !from || from === now || window.confirm("Dit bestand is van " + from + ". Nu is " + now +
      " gekozen. Wil je de antwoorden bij " + now + " zetten?");
  }

  /* Returns the records in a file, or a Dutch message saying why the file is not usable. */
  function parseFile(text, site) {
    var data;
    try { data = JSON.parse(text); } catch (error) { return "Dit bestand is geen werkbladbestand (geen geldige JSON)."; }
    if (!window.ncSite.isFileOf(site, data, "werkbladen") || !data.worksheets || typeof data.worksheets !== "object") {
      return "Dit bestand is geen werkbladbestand van deze training.";
    }
    if (data.format > FORMAT) return "Dit bestand komt uit een nieuwere versie. Gebruik de nieuwste site.";
    var records = {};
    for (var sheet in data.worksheets) {
      var record = data.worksheets[sheet];
      if (!record || typeof record.answers !== "object" || record.sheet !== sheet) {
        return "Het werkblad '" + sheet + "' in dit bestand is beschadigd. Er is niets veranderd.";
      }
      records[sheet] = record;
    }
    return records;
  }

  /* ---------- one worksheet ---------- */
  function setupSheet(form) {
    var site = form.dataset.site, sheet = form.dataset.worksheet;
    if (!form.dataset.own) form.dataset.set = window.ncSets.current(site).id;
    activate(form.parentNode.querySelector(".nc-tools"), {
      save: function () {
        save(form);
        var records = {};
        records[sheet] = loadRecord(formKey(form)) || { format: FORMAT, sheet: sheet,
          version: Number(form.dataset.version), answers: readForm(form), earlier: {} };
        download("werkblad-" + sheet + ".json", exportFile(site, records,
                 form.dataset.own ? "" : window.ncSets.current(site).name));
      },
      open: function () { pickFile(function (text) { importIntoSheet(form, text); }); },
      print: function () { syncPrintCopies(form); window.print(); },
      clear: function () {
        if (!window.confirm("Wil je alle antwoorden op dit werkblad wissen? Dit kun je niet terugdraaien.")) return;
        try { window.localStorage.removeItem(formKey(form)); } catch (error) { /* nothing stored */ }
        fillForm(form, {});
        resetKaarten(form);
        renderKaarten(form);  // the map empties at once, not only after a reload
        syncPrintCopies(form);
        showEarlier(form, null);
        status(form, "Alle antwoorden op dit werkblad zijn gewist.");
      }
    });

    setupKaarten(form);
    showRecord(form);
    if (!form.dataset.own) {
      window.addEventListener("nc-set-change", function (event) {
        if (event.detail.site !== site) return;
        form.dataset.set = event.detail.set;
        status(form, "");
        showRecord(form);
      });
    }
    form.addEventListener("input", function () { syncPrintCopies(form); renderKaarten(form); save(form); });
    form.addEventListener("change", function () { syncPrintCopies(form); renderKaarten(form); save(form); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  /* Fill the form with what is stored for it (in the set chosen for it), or empty it. */
  function showRecord(form) {
    var record = migrate(loadRecord(formKey(form)), form);
    resetKaarten(form);
    growKaarten(form, (record && record.answers) || {});
    fillForm(form, (record && record.answers) || {});
    showEarlier(form, record);
    if (record && record.version !== (loadRecord(formKey(form)) || {}).version) {
      try { writeRecord(formKey(form), record); } catch (error) { /* shown on next save */ }
    }
    renderKaarten(form);  // the map is there from the start, with its rings and groups
  }

  function importIntoSheet(form, text) {
    var site = form.dataset.site, sheet = form.dataset.worksheet;
    var records = parseFile(text, site);
    if (typeof records === "string") { status(form, records, true); return; }
    var record = records[sheet];
    if (!record) { status(form, "Dit bestand bevat dit werkblad niet. Er is niets veranderd.", true); return; }
    if (!form.dataset.own && !confirmOtherClient(text, site)) { status(form, "Niets veranderd."); return; }
    if (hasAnswers(loadRecord(formKey(form))) &&
        !window.confirm("Er staan al antwoorden op dit werkblad. Wil je ze vervangen door die uit het bestand?")) {
      status(form, "Niets veranderd.");
      return;
    }
    record = migrate(record, form);
    try { writeRecord(formKey(form), record); } catch (error) { status(form, "Opslaan lukt niet in deze browser.", true); return; }
    resetKaarten(form);
    growKaarten(form, record.answers);
    fillForm(form, record.answers);
    renderKaarten(form);
    showEarlier(form, record);
    status(form, "Antwoorden uit het bestand staan nu op dit werkblad" +
           (form.dataset.own ? "." : ", bij " + window.ncSets.current(site).name + "."));
  }

  /* ---------- all worksheets together (overview page) ---------- */
  /* What the overview's tools work on: every sheet of the client chosen now, and the learner's
     own sheets (the other clients' sets are left alone). */
  function allRecords(site) {
    var records = window.ncSets.records(site, window.ncSets.current(site).id);
    window.ncSets.ownSheets(site).forEach(function (sheet) {
      var record = loadRecord(window.ncSets.ownKey(site, sheet));
      if (record) records[sheet] = record;
    });
    return records;
  }

  function overviewKey(site, sheet) {
    return storeKey(site, sheet, window.ncSets.current(site).id, window.ncSets.ownSheets(site).indexOf(sheet) >= 0);
  }

  /* The panel's "save this client in a file" (answer-sets.js): that set only. */
  function exportSet(site, set) {
    download(setFileName(site, set), exportFile(site, window.ncSets.records(site, set.id), set.name));
  }

  function setupAllTools(box) {
    var site = box.dataset.site, say = sayIn(box.querySelector(".nc-status"));
    activate(box, {
      save: function () {
        var set = window.ncSets.current(site);
        download(setFileName(site, set), exportFile(site, allRecords(site), set.name));
        say("Het bestand met alle werkbladen van " + set.name + " is gemaakt.");
      },
      open: function () {
        pickFile(function (text) {
          var records = parseFile(text, site);
          if (typeof records === "string") { say(records, true); return; }
          var count = Object.keys(records).length, name = window.ncSets.current(site).name;
          if (!confirmOtherClient(text, site)) { say("Niets veranderd."); return; }
          if (Object.keys(allRecords(site)).length &&
              !window.confirm("Er staan al antwoorden van " + name + " in deze browser. Die vervangen door de " + count +
                              " werkblad(en) uit het bestand?")) { say("Niets veranderd."); return; }
          try {
            Object.keys(allRecords(site)).forEach(function (sheet) { window.localStorage.removeItem(overviewKey(site, sheet)); });
            Object.keys(records).forEach(function (sheet) { writeRecord(overviewKey(site, sheet), records[sheet]); });
          } catch (error) { say("Opslaan lukt niet in deze browser.", true); return; }
          say(count + " werkblad(en) uit het bestand staan nu in deze browser, bij " + name + ".");
        });
      },
      clear: function () {
        var name = window.ncSets.current(site).name;
        if (!window.confirm("Wil je de antwoorden op alle werkbladen van " + name + " wissen, en op je eigen " +
                            "werkbladen? Dit kun je niet terugdraaien.")) return;
        try {
          Object.keys(allRecords(site)).forEach(function (sheet) { window.localStorage.removeItem(overviewKey(site, sheet)); });
        } catch (error) { /* nothing stored */ }
        say("Alle antwoorden van " + name + " zijn gewist.");
      }
    });
  }

  /* ---------- print: every answer as text, in full ---------- */
  // A printed text box or drop-down shows only what fits in it ("Di", "Fan"): on paper each
  // control is replaced by a copy of its value as plain text (print.css hides the controls).
  function printedValue(el) {
    if (el.tagName === "SELECT") return el.selectedIndex > 0 ? el.options[el.selectedIndex].text : "";
    return el.value;
  }

  function syncPrintCopies(form) {
    Array.prototype.forEach.call(form.querySelectorAll("textarea, input[type=text], select"), function (el) {
      var copy = el.nextElementSibling;
      if (!copy || !copy.classList.contains("nc-print-copy")) {
        copy = document.createElement(el.tagName === "TEXTAREA" ? "div" : "span");
        copy.className = "nc-print-copy" + (el.tagName === "TEXTAREA" ? "" : " nc-print-copy--inline");
        copy.setAttribute("aria-hidden", "true");
        el.parentNode.insertBefore(copy, el.nextSibling);
      }
      copy.textContent = printedValue(el);
    });
  }

  /* ---------- the netwerkkaart ---------- */
  var SVG = "http://www.w3.org/2000/svg";
  var MAP_RADIUS = 150;  // the outer ring; the rings share it evenly, the groups share the circle

  /* The map's rings (inner first) and groups as [[id, label], ...]: the page says which, on the
     map element, so this script keeps no copy of the method's words. */
  function kaartWords(block) {
    return { rings: JSON.parse(block.dataset.rings), groups: JSON.parse(block.dataset.groups) };
  }
  function svgEl(name, attrs) {
    var el = document.createElementNS(SVG, name);
    for (var key in attrs) el.setAttribute(key, attrs[key]);
    return el;
  }

  function kaartRows(block) { return block.querySelectorAll("tbody tr"); }

  function rowField(row, field) { return row.querySelector('[name$=".' + field + '"]'); }

  function addRow(block) {
    var body = block.querySelector("tbody"), rows = kaartRows(block);
    var template = rows[rows.length - 1], next = rows.length + 1;
    var row = template.cloneNode(true);
    Array.prototype.forEach.call(row.querySelectorAll("[name]"), function (el) {
      var parts = el.name.split(".");
      el.name = parts[0] + "." + next + "." + parts[2];
      el.id = el.id.replace(/-\d+-(naam|relatie|cirkel|sector)$/, "-" + next + "-$1");
      el.setAttribute("aria-label", el.getAttribute("aria-label").replace(/\d+$/, String(next)));
      el.value = "";
    });
    var copiedButton = row.querySelector(".nc-remove");
    if (copiedButton) copiedButton.parentNode.remove(); // a clone has no click handler
    body.appendChild(row);
    return row;
  }

  function addPerson(form, block) {
    var row = addRow(block);
    addRemoveCell(form, block, row, kaartRows(block).length);
    return row;
  }

  function setupKaarten(form) {
    Array.prototype.forEach.call(form.querySelectorAll(".nc-netwerkkaart"), function (block) {
      var head = block.querySelector("thead tr");
      var th = document.createElement("th");
      th.scope = "col";
      th.className = "nc-remove-head";
      th.textContent = "Weghalen";
      head.appendChild(th);
      Array.prototype.forEach.call(kaartRows(block), function (row, index) { addRemoveCell(form, block, row, index + 1); });
      var add = button("Persoon toevoegen", function () { rowField(addPerson(form, block), "naam").focus(); });
      block.appendChild(add);
      var help = document.createElement("p");
      help.className = "nc-help nc-kaart-help";
      help.textContent = "Kies per persoon een cirkel en een groep. Op de kaart kun je een naam ook " +
        "slepen, of aanklikken en verplaatsen met de pijltjestoetsen.";
      block.insertBefore(help, block.querySelector(".nc-kaart-svg"));
    });
  }

  function addRemoveCell(form, block, row, number) {
    var cell = document.createElement("td");
    cell.className = "nc-remove-cell";
    var remove = button("Weghalen", function () {
      Array.prototype.forEach.call(row.querySelectorAll("[name]"), function (el) { el.value = ""; });
      if (kaartRows(block).length > 1) row.remove();
      renderKaarten(form);
      save(form);
      status(form, "Persoon weggehaald van de kaart.");
    });
    remove.className = "nc-remove";
    remove.setAttribute("aria-label", "Weghalen: persoon " + number);
    cell.appendChild(remove);
    row.appendChild(cell);
  }

  function growKaarten(form, answers) {
    Array.prototype.forEach.call(form.querySelectorAll(".nc-netwerkkaart"), function (block) {
      var most = 0;
      Object.keys(answers).forEach(function (name) {
        var parts = name.split(".");
        if (parts[0] === block.dataset.block) most = Math.max(most, Number(parts[1]) || 0);
      });
      while (kaartRows(block).length < most) addPerson(form, block);
    });
  }

  function resetKaarten(form) {
    Array.prototype.forEach.call(form.querySelectorAll(".nc-netwerkkaart"), function (block) {
      var rows = kaartRows(block);
      for (var i = rows.length - 1; i >= 8; i--) rows[i].remove();
    });
  }

  function people(block, words) {
    var list = [];
    Array.prototype.forEach.call(kaartRows(block), function (row) {
      var name = rowField(row, "naam").value.trim();
      var circle = rowField(row, "cirkel").value, sector = rowField(row, "sector").value;
      if (name) list.push({ row: row, name: name, relation: rowField(row, "relatie").value.trim(), words: words,
                            circle: indexOf(words.rings, circle), sector: indexOf(words.groups, sector) });
    });
    return list;
  }

  function indexOf(pairs, value) {
    for (var i = 0; i < pairs.length; i++) if (pairs[i][0] === value) return i;
    return -1;
  }

  function place(person, form) {
    rowField(person.row, "cirkel").value = person.words.rings[person.circle][0];
    rowField(person.row, "sector").value = person.words.groups[person.sector][0];
    renderKaarten(form);
    save(form);
  }

  function renderKaarten(form) {
    Array.prototype.forEach.call(form.querySelectorAll(".nc-netwerkkaart"), function (block) {
      renderKaart(form, block);
    });
  }

  function renderKaart(form, block) {
    var holder = block.querySelector(".nc-kaart-svg");
    var focused = document.activeElement && document.activeElement.dataset ?
      document.activeElement.dataset.person : null;
    holder.textContent = "";
    holder.removeAttribute("aria-hidden");
    var words = kaartWords(block), ring = MAP_RADIUS / words.rings.length, slice = 360 / words.groups.length;
    var svg = svgEl("svg", { viewBox: "-285 -215 570 430", role: "group", "aria-label": "Netwerkkaart" });
    // Type at least 14 px high on screen, however narrow: the drawing scales down on a phone, so
    // its letters grow in drawing units, and long group names wrap to fit beside the rings.
    var scale = Math.min(1, (holder.clientWidth || 570) / 570), type = Math.max(18, Math.ceil(15 / scale));
    svg.style.setProperty("--nc-kaart-type", type + "px");
    for (var r = words.rings.length - 1; r >= 0; r--) {  // the outer ring first, the inner on top
      svg.appendChild(svgEl("circle", { r: (r + 1) * ring, "class": "nc-ring nc-ring-" + r }));
    }
    words.groups.forEach(function (sector, i) {
      var angle = (i * slice - 90) * Math.PI / 180;
      svg.appendChild(svgEl("line", { x1: 0, y1: 0, x2: MAP_RADIUS * Math.cos(angle), y2: MAP_RADIUS * Math.sin(angle), "class": "nc-spoke" }));
      var mid = ((i + 0.5) * slice - 90) * Math.PI / 180;
      var x = (MAP_RADIUS + 8) * Math.cos(mid), side = Math.abs(x) < 40 ? "middle" : x > 0 ? "start" : "end";
      var label = svgEl("text", { x: x, y: (MAP_RADIUS + 8) * Math.sin(mid) + (Math.sin(mid) > 0.5 ? 8 : 0),
                                  "class": "nc-sector-label", "text-anchor": side, "aria-hidden": "true" });
      wrapLabel(sector[1], side === "middle" ? 22 : Math.floor(125 / (0.56 * type))).forEach(function (line, n, lines) {
        var span = svgEl("tspan", { x: x, dy: n === 0 ? -(type / 2) * (lines.length - 1) : type });
        span.textContent = line;
        label.appendChild(span);
      });
      svg.appendChild(label);
    });
    words.rings.forEach(function (circle, i) {  // each ring says which it is
      var name = svgEl("text", { x: 4, y: i === 0 ? 20 : -(i * ring + ring / 2) + 5, "class": "nc-ring-label", "aria-hidden": "true" });
      name.textContent = circle[1].toLowerCase();
      svg.appendChild(name);
    });
    var me = svgEl("text", { x: 0, y: 5, "text-anchor": "middle", "class": "nc-me", "aria-hidden": "true" });
    me.textContent = "Ik";
    svg.appendChild(me);
    var everyone = people(block, words), counts = {}, cells = {};
    everyone.forEach(function (p) { counts[p.circle + "-" + p.sector] = (counts[p.circle + "-" + p.sector] || 0) + 1; });
    everyone.forEach(function (person, n) {
      if (person.circle < 0 || person.sector < 0) return;
      var key = person.circle + "-" + person.sector;
      cells[key] = (cells[key] || 0) + 1;
      // People in one cell stand in a column at its middle, a line apart: names never cover each other.
      var slot = cells[key] - 1, radius = ring * 0.55 + person.circle * ring;
      var angle = ((person.sector + 0.5) * slice - 90) * Math.PI / 180;
      var x = radius * Math.cos(angle), y = radius * Math.sin(angle) + (slot - (counts[key] - 1) / 2) * type * 1.6;
      var g = svgEl("g", { tabindex: "0", role: "button", "class": "nc-person",
        transform: "translate(" + x.toFixed(1) + " " + y.toFixed(1) + ")",
        "aria-label": person.name + (person.relation ? " (" + person.relation + ")" : "") + ": " +
          words.rings[person.circle][1] + ", " + words.groups[person.sector][1] +
          ". Verplaats met de pijltjestoetsen, of tik en tik dan op de nieuwe plek." });
      g.dataset.person = String(n);
      g.appendChild(svgEl("ellipse", { rx: Math.max(9, type), ry: Math.max(9, type), "class": "nc-hit" }));
      g.appendChild(svgEl("circle", { r: 9 }));
      var text = svgEl("text", { x: 12, y: 6 });
      text.textContent = person.name;
      g.appendChild(text);
      g.addEventListener("keydown", function (event) { moveByKey(event, person, form); });
      g.addEventListener("pointerdown", function (event) { startDrag(event, g, svg, person, form); });
      if (block.dataset.picked === String(n)) g.classList.add("nc-picked");
      g.addEventListener("click", function (event) { event.stopPropagation(); pick(block, person, n, form); });
      svg.appendChild(g);
    });
    // A tap on the drawing puts the picked person there (pointer events: a finger's tap on a
    // drawing that takes over touch gestures gives no click).
    var down = null;
    svg.addEventListener("pointerdown", function (event) { down = { x: event.clientX, y: event.clientY }; });
    svg.addEventListener("pointerup", function (event) {
      if (down && Math.abs(event.clientX - down.x) + Math.abs(event.clientY - down.y) < 8) {
        placePicked(event, block, svg, everyone, form);
      }
      down = null;
    });
    holder.appendChild(svg);
    if (focused !== null) {
      var again = svg.querySelector('[data-person="' + focused + '"]');
      if (again) again.focus();
    }
  }

  /* Split a label into lines of at most `width` characters, at spaces. */
  function wrapLabel(text, width) {
    var lines = [];
    text.split(" ").forEach(function (word) {
      var last = lines[lines.length - 1];
      if (last !== undefined && (last + " " + word).length <= width) lines[lines.length - 1] = last + " " + word;
      else lines.push(word);
    });
    return lines;
  }

  /* Where a point of the drawing lies: which ring (from the inside) and which group. */
  function cellAt(p, words) {
    var radius = Math.sqrt(p.x * p.x + p.y * p.y), degrees = (Math.atan2(p.y, p.x) * 180 / Math.PI + 90 + 360) % 360;
    return { circle: Math.min(words.rings.length - 1, Math.floor(radius / (MAP_RADIUS / words.rings.length))),
             sector: Math.floor(degrees / (360 / words.groups.length)) % words.groups.length };
  }

  function svgPoint(svg, e) {
    var p = svg.createSVGPoint();
    p.x = e.clientX; p.y = e.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }

  /* Tap a person, then tap a spot: for a finger, easier than dragging a small name. */
  function pick(block, person, n, form) {
    var again = block.dataset.picked === String(n);
    if (again) delete block.dataset.picked; else block.dataset.picked = String(n);
    renderKaarten(form);
    status(form, again ? "Niet meer gekozen." : person.name + " gekozen. Tik op de plek op de kaart waar " +
           person.name + " hoort.");
  }

  function placePicked(event, block, svg, everyone, form) {
    if (block.dataset.picked === undefined || event.target.closest(".nc-person")) return;
    var person = everyone[Number(block.dataset.picked)];
    delete block.dataset.picked;
    if (!person) return;
    var cell = cellAt(svgPoint(svg, event), person.words);
    person.circle = cell.circle;
    person.sector = cell.sector;
    place(person, form);
    status(form, person.name + " staat nu bij " + person.words.rings[cell.circle][1].toLowerCase() + ", " +
           person.words.groups[cell.sector][1] + ".");
  }

  function moveByKey(event, person, form) {
    var moves = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    var move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    var rings = person.words.rings.length, groups = person.words.groups.length;
    person.circle = Math.min(rings - 1, Math.max(0, person.circle + move[0]));
    person.sector = (person.sector + move[1] + groups) % groups;
    place(person, form);
  }

  function startDrag(event, g, svg, person, form) {
    event.preventDefault();
    g.setPointerCapture(event.pointerId);
    var from = { x: event.clientX, y: event.clientY };
    function move(e) { var p = svgPoint(svg, e); g.setAttribute("transform", "translate(" + p.x + " " + p.y + ")"); }
    function end(e) {
      g.removeEventListener("pointermove", move);
      g.removeEventListener("pointerup", end);
      // A tap, not a drag: its click picks the person (redrawing now would send that click elsewhere).
      if (Math.abs(e.clientX - from.x) + Math.abs(e.clientY - from.y) < 8) return;
      var cell = cellAt(svgPoint(svg, e), person.words);
      person.circle = cell.circle;
      person.sector = cell.sector;
      place(person, form);
    }
    g.addEventListener("pointermove", move);
    g.addEventListener("pointerup", end);
  }

  /* ---------- start ---------- */
  function start() {
    button = window.ncSite.button;
    activate = window.ncSite.activate;
    sayIn = window.ncSite.sayIn;
    download = window.ncSite.download;
    pickFile = window.ncSite.pickFile;
    window.ncSets.start();  // after progress.js moved any earlier namespace, before a form reads
    Array.prototype.forEach.call(document.querySelectorAll("form.nc-worksheet"), setupSheet);
    Array.prototype.forEach.call(document.querySelectorAll(".nc-all-tools"), setupAllTools);
    window.addEventListener("beforeprint", function () {
      Array.prototype.forEach.call(document.querySelectorAll("form.nc-worksheet"), syncPrintCopies);
    });
  }
  window.ncWorksheets = { exportSet: exportSet };
  // Deferred like progress.js, which comes later in the page and brings window.ncSite:
  // every deferred script has run by DOMContentLoaded.
  if (document.readyState !== "loading" && window.ncSite) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
