/* Quizzes: check each answer on the spot, explain why, keep the score in this browser only.
   Fair by design: the options come in a new random order on every attempt (an ordering question
   never starts solved, nor in a rotation of the solved order), and a checked answer is locked:
   it counts as given. "Opnieuw beginnen" starts a new attempt of the whole quiz. */
(function () {
  "use strict";

  function shuffled(list) {
    var copy = list.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), keep = copy[i];
      copy[i] = copy[j]; copy[j] = keep;
    }
    return copy;
  }

  /* True when the shown order (the solved position of each row, 1-based) is the solved order
     turned round: [1,2,3], [2,3,1] and [3,1,2] for three items. */
  function isRotation(positions) {
    var n = positions.length, k = positions[0] - 1;
    return positions.every(function (p, i) { return p === ((i + k) % n) + 1; });
  }

  function sameOrder(a, b) { return a.length === b.length && a.every(function (x, i) { return x === b[i]; }); }

  /* A new order for the rows of a question: differs from the one shown before when it can, and
     for an ordering question is neither the solved order nor a rotation of it. */
  function reorder(question) {
    var order = question.dataset.type === "order";
    var rows = Array.prototype.slice.call(question.querySelectorAll(order ? ".nc-order-item" : ".nc-option"));
    if (question.dataset.type === "truefalse" || rows.length < 2) return;
    var key = function (row) { return order ? Number(row.dataset.position) : row.querySelector("input").value; };
    var before = rows.map(key), next = rows;
    for (var tries = 0; tries < 50; tries++) {
      next = shuffled(rows);
      var shown = next.map(key);
      var fair = !order || rows.length < 3 || !isRotation(shown);
      if (fair && (!sameOrder(shown, before) || rows.length < 3)) break;
    }
    var parent = rows[0].parentNode, anchor = rows[rows.length - 1].nextSibling;
    next.forEach(function (row) { parent.insertBefore(row, anchor); });
  }

  function lock(question, locked) {
    Array.prototype.forEach.call(question.querySelectorAll("input, select, .nc-check"), function (el) {
      el.disabled = locked;
    });
  }

  function options(question) { return Array.prototype.slice.call(question.querySelectorAll(".nc-option")); }

  function chosen(question) {
    return options(question).filter(function (row) { return row.querySelector("input").checked; });
  }

  function isRight(question) {
    if (question.dataset.type === "order") {
      return Array.prototype.every.call(question.querySelectorAll(".nc-order-item"), function (item) {
        return item.querySelector("select").value === item.dataset.position;
      });
    }
    return options(question).every(function (row) {
      return row.querySelector("input").checked === (row.dataset.correct === "ja");
    });
  }

  function answered(question) {
    if (question.dataset.type === "order") {
      return Array.prototype.every.call(question.querySelectorAll(".nc-order-item select"),
        function (select) { return select.value !== ""; });
    }
    return chosen(question).length > 0;
  }

  function showFeedback(question) {
    var box = question.querySelector(".nc-feedback");
    options(question).forEach(function (row) { row.querySelector(".nc-option-feedback").hidden = true; });
    box.textContent = "";
    if (!answered(question)) {
      box.className = "nc-feedback nc-feedback--todo";
      box.textContent = question.dataset.type === "order" ? "Kies eerst bij elk onderdeel een plek." : "Kies eerst een antwoord.";
      return null;
    }
    var right = isRight(question);
    var verdict = document.createElement("p");
    verdict.className = "nc-verdict";
    verdict.textContent = right ? "✓ Goed!" : "✗ Niet goed.";
    box.appendChild(verdict);
    if (question.dataset.type === "order") {
      var answer = question.querySelector(".nc-order-answer");
      box.appendChild(answer.cloneNode(true)).hidden = false;
    } else {
      chosen(question).forEach(function (row) {
        var mine = document.createElement("p");
        mine.className = "nc-your-answer";
        mine.textContent = "Jouw antwoord: " + row.querySelector("label").textContent;
        var why = document.createElement("p");
        why.textContent = row.querySelector(".nc-option-feedback").textContent;
        box.appendChild(mine);
        box.appendChild(why);
      });
      var missed = options(question).filter(function (row) {
        return row.dataset.correct === "ja" && !row.querySelector("input").checked;
      });
      if (missed.length && question.dataset.type === "multiple") {
        var more = document.createElement("p");
        more.textContent = "Ook goed was: " + missed.map(function (row) {
          return row.querySelector("label").textContent; }).join("; ") + ".";
        box.appendChild(more);
      }
    }
    box.className = "nc-feedback " + (right ? "nc-feedback--right" : "nc-feedback--wrong");
    question.dataset.result = right ? "goed" : "fout";
    return right;
  }

  function score(form) {
    var questions = form.querySelectorAll(".nc-question");
    var done = form.querySelectorAll(".nc-question[data-result]");
    var right = form.querySelectorAll('.nc-question[data-result="goed"]');
    return { total: questions.length, checked: done.length, right: right.length };
  }

  function showResult(form) {
    var result = score(form), box = form.querySelector(".nc-quiz-result");
    if (result.checked < result.total) {
      box.textContent = result.checked + " van de " + result.total + " vragen beantwoord.";
      return;
    }
    var percent = Math.round(100 * result.right / result.total);
    var passed = result.right >= Number(form.dataset.passNeeded);
    box.textContent = "Poging " + form.dataset.attempt + ". Je score: " + result.right + " van de " + result.total + " goed (" + percent + "%). " +
      (passed ? "Geslaagd! Deze toets staat als klaar in je voortgang."
              : "Nog niet geslaagd: daarvoor heb je " + form.dataset.passText + " nodig. Lees de uitleg en probeer het opnieuw.");
    box.className = "nc-quiz-result " + (passed ? "nc-feedback--right" : "nc-feedback--wrong");
    var onward = form.querySelector(".nc-onward");  // the next stop on the route, once passed
    if (onward) onward.hidden = !passed;
    if (window.ncSite) {
      window.ncSite.recordQuiz(form.dataset.site, form.dataset.module, form.dataset.quiz,
                                             result.right, result.total, passed,
                                             new URL(form.dataset.moduleHref, location.href).href);
    }
  }

  function each(form, fn) { Array.prototype.forEach.call(form.querySelectorAll(".nc-question"), fn); }

  function setup(form) {
    form.dataset.attempt = "1";
    each(form, function (question) {
      reorder(question);
      question.querySelector(".nc-check").addEventListener("click", function () {
        if (question.dataset.result) return;  // checked once: the answer counts as given
        if (showFeedback(question) !== null) {
          lock(question, true);
          showResult(form);
        }
      });
    });
    form.querySelector(".nc-retry").addEventListener("click", function () {
      form.reset();
      form.dataset.attempt = String(Number(form.dataset.attempt) + 1);
      each(form, function (question) {
        delete question.dataset.result;
        lock(question, false);
        reorder(question);
        question.querySelector(".nc-feedback").textContent = "";
        question.querySelector(".nc-feedback").className = "nc-feedback";
      });
      form.querySelector(".nc-quiz-result").textContent = "";
      var onward = form.querySelector(".nc-onward");
      if (onward) onward.hidden = true;
      form.querySelector("input, select").focus();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  function start() { Array.prototype.forEach.call(document.querySelectorAll("form.nc-quiz"), setup); }
  // Deferred like progress.js, which comes later in the page and brings window.ncSite:
  // every deferred script has run by DOMContentLoaded.
  if (document.readyState !== "loading" && window.ncSite) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
