// Cordon console: small progressive enhancements; every page works without it.
"use strict";
(function () {
  // "Print or save as PDF" on the evidence report.
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.addEventListener("click", function () { window.print(); });
  });

  // "Verify now": follow the run's progress without reloading.
  var section = document.getElementById("verify");
  if (!section) return;
  var bar = document.getElementById("verify-progress");
  var pct = document.getElementById("verify-percent");
  var state = document.getElementById("verify-state");
  var button = document.getElementById("verify-now");
  var url = section.getAttribute("data-status");
  var polls = 0;
  function show(job) {
    bar.value = job.percent;
    bar.textContent = job.percent + "%";
    pct.textContent = job.percent + "%";
    button.disabled = job.running;
  }
  function poll() {
    if (polls++ > 3600) return;
    fetch(url, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        show(job);
        if (job.running) {
          state.textContent = "Verifying… " + job.percent + "%";
          setTimeout(poll, 250);
        } else if (job.result) {
          // The finished result is rendered by the server.
          window.location.reload();
        }
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  // The page was drawn while a run was going: follow it (it may have ended
  // already, between the page and this script).
  if (section.hasAttribute("data-running")) poll();
})();
