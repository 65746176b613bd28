/* Live countdowns to SLA deadlines: every element .cz-sla-countdown with data-due (epoch ms) and data-live="true"
   shows the time left (or, with a minus sign and in red, the time overdue), updated every second. */
(function () {
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function tick() {
    document.querySelectorAll('.cz-sla-countdown').forEach(function (el) {
      var due = Number(el.dataset.due);
      if (!due || el.dataset.live !== 'true') { return; }
      var s = Math.round((due - Date.now()) / 1000), a = Math.abs(s);
      el.textContent = (s < 0 ? '\u2212' : '') + Math.floor(a / 86400) + 'd ' + pad(Math.floor(a % 86400 / 3600)) + ':' + pad(Math.floor(a % 3600 / 60)) + ':' + pad(a % 60);
      el.classList.toggle('cz-sla-overdue', s < 0);
    });
  }
  if (!window.czSlaTimer) { window.czSlaTimer = setInterval(tick, 1000); }
  window.czSlaTick = tick;
  document.addEventListener('DOMContentLoaded', tick);
})();
