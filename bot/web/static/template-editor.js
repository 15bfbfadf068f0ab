// Aperçu en direct du modèle de réponse et vérifications pendant la saisie (le formulaire
// fonctionne aussi sans ce script : bouton « Vérifier »).
(function () {
  "use strict";
  var form = document.getElementById("template-form");
  if (!form) return;
  var csrf = document.body.getAttribute("data-csrf");
  var preview = document.getElementById("answer-preview");
  var issues = document.getElementById("live-issues");
  var count = document.getElementById("answer-count");
  var answer = document.getElementById("f-answer");
  var timer = null;

  function paragraph(className, text) {
    var p = document.createElement("p");
    p.className = className;
    p.textContent = text;
    return p;
  }

  function show(data) {
    preview.textContent = "";
    if (data.messages.length === 0) {
      preview.appendChild(paragraph("bubble empty", "Aperçu impossible : corrigez la réponse."));
    }
    data.messages.forEach(function (text) { preview.appendChild(paragraph("bubble", text)); });
    var buttons = paragraph("preview-buttons", "");
    data.buttons.forEach(function (title) {
      var span = document.createElement("span");
      span.className = "fake-button";
      span.textContent = title;
      buttons.appendChild(span);
    });
    preview.appendChild(buttons);
    issues.textContent = "";
    data.issues.forEach(function (issue) {
      var li = document.createElement("li");
      li.className = issue.level === "erreur" ? "issue-error" : "issue-warning";
      li.textContent = issue.message;
      issues.appendChild(li);
    });
  }

  function refresh() {
    var body = new FormData(form);
    body.append("template_id", form.getAttribute("data-template-id") || "");
    fetch(form.getAttribute("data-preview"), {
      method: "POST", body: body, credentials: "same-origin", headers: { "X-CSRF-Token": csrf }
    }).then(function (reply) { return reply.ok ? reply.json() : null; })
      .then(function (data) { if (data) show(data); })
      .catch(function () { /* l'aperçu reviendra à la prochaine saisie */ });
  }

  form.addEventListener("input", function () {
    count.textContent = String(answer.value.trim().length);
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
})();
