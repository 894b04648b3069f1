/* Quizzes: check each answer on the spot, explain why, keep the score in this browser only. */
(function () {
  "use strict";

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
    var passed = percent >= Number(form.dataset.pass);
    box.textContent = "Je score: " + result.right + " van de " + result.total + " goed (" + percent + "%). " +
      (passed ? "Geslaagd! Deze toets staat als klaar in je voortgang."
              : "Nog niet geslaagd: daarvoor heb je " + form.dataset.pass + "% nodig. Lees de uitleg en probeer het opnieuw.");
    box.className = "nc-quiz-result " + (passed ? "nc-feedback--right" : "nc-feedback--wrong");
    if (window.netwerkcoach) {
      window.netwerkcoach.recordQuiz(form.dataset.site, form.dataset.module, form.dataset.quiz,
                                             result.right, result.total, passed,
                                             new URL(form.dataset.moduleHref, location.href).href);
    }
  }

  function setup(form) {
    Array.prototype.forEach.call(form.querySelectorAll(".nc-question"), function (question) {
      question.querySelector(".nc-check").addEventListener("click", function () {
        if (showFeedback(question) !== null) showResult(form);
      });
      question.addEventListener("change", function () {
        if (question.dataset.result) { delete question.dataset.result; question.querySelector(".nc-feedback").textContent = ""; }
      });
    });
    form.querySelector(".nc-retry").addEventListener("click", function () {
      form.reset();
      Array.prototype.forEach.call(form.querySelectorAll(".nc-question"), function (question) {
        delete question.dataset.result;
        question.querySelector(".nc-feedback").textContent = "";
        question.querySelector(".nc-feedback").className = "nc-feedback";
      });
      form.querySelector(".nc-quiz-result").textContent = "";
      form.querySelector("input, select").focus();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  function start() { Array.prototype.forEach.call(document.querySelectorAll("form.nc-quiz"), setup); }
  // Deferred like progress.js, which comes later in the page and brings window.netwerkcoach:
  // every deferred script has run by DOMContentLoaded.
  if (document.readyState !== "loading" && window.netwerkcoach) start();
  else document.addEventListener("DOMContentLoaded", start);
})();
