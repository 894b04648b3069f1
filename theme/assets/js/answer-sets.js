/* Answer sets per client ("Voor wie is dit?"), in this browser only: a coach with several
   clients on one device keeps each client's worksheet answers apart, under a name or initials of
   their choosing. Nothing is sent.

   Storage (`site` is "<handbook id>:<organisation>", see progress.js):
     <site>:sets                      {format, next, current, upgraded, sets: [{id, name}]}
     <site>:set:<id>:werkblad:<sheet> one client's record of one worksheet (as worksheets.js writes it)
     <site>:werkblad:<sheet>          the learner's own sheets (never per client), and the format
                                      of every sheet before sets existed: moved into a first set once.
   A set's name is typed by the user: it is only ever written as text (textContent, option text),
   never as markup. The word for the client comes from the page (data-client, from the method). */
(function () {
  "use strict";
  var FORMAT = 1;
  var ready = {};  // site -> the index, once ensured on this page

  function indexKey(site) { return site + ":sets"; }
  function ownPrefix(site) { return site + ":werkblad:"; }
  function setPrefix(site, id) { return site + ":set:" + id + ":werkblad:"; }
  function capital(word) { return word.charAt(0).toUpperCase() + word.slice(1); }

  function panelOf(site) {
    var panels = document.querySelectorAll(".nc-client-sets");
    for (var i = 0; i < panels.length; i++) if (panels[i].dataset.site === site) return panels[i];
    return null;
  }
  function ownSheets(panel) {
    try { return JSON.parse(panel.dataset.own || "[]"); } catch (error) { return []; }
  }

  function readIndex(site) {
    try {
      var index = JSON.parse(window.localStorage.getItem(indexKey(site)) || "null");
      return index && Array.isArray(index.sets) && typeof index.next === "number" ? index : null;
    } catch (error) { return null; }
  }
  function writeIndex(site, index) {
    try { window.localStorage.setItem(indexKey(site), JSON.stringify(index)); return true; }
    catch (error) { return false; }
  }
  function find(index, id) {
    for (var i = 0; i < index.sets.length; i++) if (index.sets[i].id === id) return index.sets[i];
    return null;
  }
  function addSet(index, name) {
    var set = { id: String(index.next), name: name };
    index.next += 1;
    index.sets.push(set);
    return set;
  }

  /* The keys in storage that start with `prefix`. */
  function keysUnder(prefix) {
    var keys = [];
    try {
      for (var i = 0; i < window.localStorage.length; i++) {
        var key = window.localStorage.key(i);
        if (key.indexOf(prefix) === 0) keys.push(key);
      }
    } catch (error) { /* storage blocked: nothing there */ }
    return keys;
  }

  /* Answers kept before sets existed (<site>:werkblad:<sheet>, not the learner's own sheets) move
     into the first set: once (the index remembers which set), and again only for what an older page
     still wrote there. A record already in that set is never overwritten; then the old one stays
     where it is, so nothing is lost. */
  function upgrade(site, index, own) {
    var prefix = ownPrefix(site), moves = keysUnder(prefix).filter(function (key) {
      return own.indexOf(key.slice(prefix.length)) < 0;
    });
    if (!moves.length) return;
    var target = find(index, index.upgraded) || find(index, index.current) || index.sets[0];
    index.upgraded = target.id;
    moves.forEach(function (old) {
      var now = setPrefix(site, target.id) + old.slice(prefix.length);
      try {
        var text = window.localStorage.getItem(old), there = window.localStorage.getItem(now);
        if (there === null) window.localStorage.setItem(now, text);
        if (there === null || there === text) window.localStorage.removeItem(old);
      } catch (error) { /* storage full or blocked: try again on the next page */ }
    });
  }

  /* The index of `site`, with at least one set and a current one; made on first use. */
  function ensure(site) {
    if (ready[site]) return ready[site];
    var panel = panelOf(site), word = panel ? panel.dataset.client : "";
    var index = readIndex(site) || { format: FORMAT, next: 1, current: "", sets: [] };
    if (!index.sets.length) addSet(index, capital(word) + " 1");
    if (!find(index, index.current)) index.current = index.sets[0].id;
    if (panel) upgrade(site, index, ownSheets(panel));
    writeIndex(site, index);
    ready[site] = index;
    return index;
  }

  function current(site) { return find(ensure(site), ensure(site).current); }
  /* The current set's id where the page has no panel (then nothing is made): "" when there is none. */
  function currentId(site) {
    if (panelOf(site)) return current(site).id;
    var index = readIndex(site);
    return index && find(index, index.current) ? index.current : "";
  }

  function sheetKey(site, setId, sheet) { return setPrefix(site, setId) + sheet; }
  function ownKey(site, sheet) { return ownPrefix(site) + sheet; }

  /* Every record of one set, by sheet id. */
  function records(site, setId) {
    var prefix = setPrefix(site, setId), found = {};
    keysUnder(prefix).forEach(function (key) {
      try { found[key.slice(prefix.length)] = JSON.parse(window.localStorage.getItem(key)); }
      catch (error) { /* an unreadable record is left out */ }
    });
    return found;
  }
  function wipe(site, setId) {
    keysUnder(setPrefix(site, setId)).forEach(function (key) {
      try { window.localStorage.removeItem(key); } catch (error) { /* nothing stored */ }
    });
  }

  /* ---------- the panel ---------- */
  function announce(panel, text, isError) {
    var line = panel.querySelector(".nc-sets-status");
    line.textContent = text;
    line.setAttribute("role", isError ? "alert" : "status");
    line.classList.toggle("nc-status--error", !!isError);
  }

  /* Every panel and every "Voor: ..." line of the page shows the current set. */
  function paint(site) {
    var index = ensure(site), now = find(index, index.current);
    Array.prototype.forEach.call(document.querySelectorAll(".nc-client-sets"), function (panel) {
      if (panel.dataset.site !== site) return;
      var choice = panel.querySelector(".nc-sets-choice");
      choice.textContent = "";
      index.sets.forEach(function (set) {
        var option = document.createElement("option");
        option.value = set.id;
        option.textContent = set.name;
        option.selected = set.id === index.current;
        choice.appendChild(option);
      });
      Array.prototype.forEach.call(panel.querySelectorAll(".nc-sets-name"), function (el) { el.textContent = now.name; });
    });
  }

  function changed(site) {
    paint(site);
    window.dispatchEvent(new CustomEvent("nc-set-change", { detail: { site: site, set: current(site).id } }));
  }

  function switchTo(site, id) {
    var index = ensure(site);
    if (!find(index, id)) return;
    index.current = id;
    writeIndex(site, index);
    changed(site);
  }

  /* A name must be there and be new (two sets of one name would be mixed up). */
  function nameProblem(index, name, except) {
    if (!name) return "Vul een naam of initialen in.";
    var taken = index.sets.some(function (set) {
      return set.id !== except && set.name.toLowerCase() === name.toLowerCase();
    });
    return taken ? "Die naam is er al. Kies een andere naam." : "";
  }

  function askName(panel, mode, opener) {
    var site = panel.dataset.site, box = panel.querySelector(".nc-sets-name-form");
    var input = box.querySelector(".nc-sets-name-input"), word = panel.dataset.client;
    box.querySelector(".nc-sets-name-label").textContent = mode === "new" ?
      "Naam of initialen van de nieuwe " + word : "Nieuwe naam of initialen";
    input.value = mode === "new" ? "" : current(site).name;
    box.hidden = false;
    input.focus();
    input.select();
    function close(focusOn) {
      box.hidden = true;
      input.removeEventListener("keydown", onKey);
      ok.removeEventListener("click", done);
      cancel.removeEventListener("click", stop);
      focusOn.focus();
    }
    function done() {
      var index = ensure(site), name = input.value.trim();
      var problem = nameProblem(index, name, mode === "new" ? null : index.current);
      if (problem) { announce(panel, problem, true); input.focus(); return; }
      if (mode === "new") index.current = addSet(index, name).id;
      else find(index, index.current).name = name;
      if (!writeIndex(site, index)) { announce(panel, "Opslaan lukt niet in deze browser.", true); return; }
      close(panel.querySelector(".nc-sets-choice"));
      changed(site);
      announce(panel, mode === "new" ? "Nieuwe " + word + " gemaakt: " + name + ". Je werkt nu voor " + name + "."
                                     : "De naam is nu " + name + ".");
    }
    function stop() { close(opener); announce(panel, "Niets veranderd."); }
    function onKey(event) {
      if (event.key === "Enter") { event.preventDefault(); done(); }
      if (event.key === "Escape") { event.preventDefault(); stop(); }
    }
    var ok = box.querySelector('[data-name="ok"]'), cancel = box.querySelector('[data-name="cancel"]');
    input.addEventListener("keydown", onKey);
    ok.addEventListener("click", done);
    cancel.addEventListener("click", stop);
  }

  function setupPanel(panel) {
    var site = panel.dataset.site, word = panel.dataset.client, choice = panel.querySelector(".nc-sets-choice");
    ensure(site);
    paint(site);
    choice.disabled = false;
    choice.addEventListener("change", function () {
      switchTo(site, choice.value);
      var name = current(site).name;
      announce(panel, "Je werkt nu voor " + name + ". Je ziet alleen de antwoorden van " + name + ".");
    });
    var handlers = {
      "new": function (event) { askName(panel, "new", event.currentTarget); },
      rename: function (event) { askName(panel, "rename", event.currentTarget); },
      "export": function () {
        var set = current(site);
        window.ncWorksheets.exportSet(site, set);
        announce(panel, "Het bestand met de antwoorden van " + set.name + " is gemaakt.");
      },
      wipe: function () {
        var set = current(site);
        if (!window.confirm("Wil je alle antwoorden van " + set.name + " wissen? De naam blijft. " +
                            "Dit kun je niet terugdraaien.")) { announce(panel, "Niets veranderd."); return; }
        wipe(site, set.id);
        changed(site);
        announce(panel, "De antwoorden van " + set.name + " zijn gewist.");
      },
      remove: function () {
        var index = ensure(site), set = current(site);
        if (!window.confirm("Wil je " + set.name + " weghalen, met alle antwoorden? " +
                            "Dit kun je niet terugdraaien.")) { announce(panel, "Niets veranderd."); return; }
        wipe(site, set.id);
        index.sets = index.sets.filter(function (other) { return other.id !== set.id; });
        if (!index.sets.length) addSet(index, capital(word) + " " + index.next);
        index.current = index.sets[0].id;
        writeIndex(site, index);
        changed(site);
        announce(panel, set.name + " is weggehaald. Je werkt nu voor " + current(site).name + ".");
      }
    };
    Array.prototype.forEach.call(panel.querySelectorAll("button[data-action]"), function (el) {
      el.addEventListener("click", handlers[el.dataset.action]);
      el.disabled = false;
    });
  }

  /* Another tab changed the sets: show the same here, so this tab never writes into the wrong one. */
  function followOtherTabs() {
    window.addEventListener("storage", function (event) {
      Object.keys(ready).forEach(function (site) {
        if (event.key !== indexKey(site)) return;
        var before = ready[site].current, index = readIndex(site);
        if (!index || !index.sets.length) return;
        ready[site] = index;
        if (!find(index, index.current)) index.current = index.sets[0].id;
        if (index.current !== before) changed(site); else paint(site);
      });
    });
  }

  /* Called by worksheets.js once progress.js has moved any data of an earlier namespace. */
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".nc-client-sets"), setupPanel);
    followOtherTabs();
  }

  window.ncSets = { start: start, ensure: ensure, current: current, currentId: currentId, sheetKey: sheetKey, ownKey: ownKey,
                    records: records, ownSheets: function (site) { var p = panelOf(site); return p ? ownSheets(p) : []; } };
})();
