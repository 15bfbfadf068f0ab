// Suit l'entraînement en cours : phase et journal, puis recharge la page à la fin pour
// afficher l'évaluation et le bouton de mise en service.
(function () {
  "use strict";
  var job = document.getElementById("training-job");
  if (!job || job.getAttribute("data-state") !== "running") return;
  var phase = document.getElementById("job-phase");
  var log = document.getElementById("job-log");

  function poll() {
    fetch(job.getAttribute("data-status-url"), { credentials: "same-origin" })
      .then(function (reply) { return reply.json(); })
      .then(function (status) {
        if (phase) phase.textContent = status.phase_label || "";
        if (log) log.textContent = status.log_tail || "";
        if (status.state !== "running") { window.location.reload(); return; }
        setTimeout(poll, 3000);
      })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 2000);
})();
