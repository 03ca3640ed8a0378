// The one progress script of every job page (imports, exports, reports): polls the job's
// status endpoint (common.jobs.views.JobStatusView) while the job is queued or running and
// updates templates/includes/job_progress.html in place. Once the job stops running, a page
// marked data-job-reload="true" reloads (it has more to show: an import's preview table);
// any other page shows the download links or the reason it failed without reloading.
(function () {
  "use strict";
  var box = document.querySelector("[data-job-status-url]");
  if (!box || box.getAttribute("data-job-running") !== "true") return;
  var url = box.getAttribute("data-job-status-url");
  var reload = box.getAttribute("data-job-reload") === "true";

  function el(id) { return document.getElementById(id); }
  function show(id, visible) { var node = el(id); if (node) node.hidden = !visible; }
  function text(id, value) { var node = el(id); if (node) node.textContent = value; }

  function update(data) {
    text("status-text", data.status_display);
    var bar = el("progress");
    if (bar) { bar.value = data.progress; bar.textContent = data.progress + "%"; }
    text("progress-text", data.progress_text || "");
    show("progress-text", Boolean(data.progress_text));
    show("queued-note", data.status === "queued");
    box.setAttribute("data-job-status", data.status);
    if (data.running) return true;
    box.setAttribute("data-job-running", "false");
    if (reload) {
      window.location.reload();
      return false;
    }
    show("progress-wrap", false);
    if (data.status === "done") {
      box.querySelectorAll("[data-job-link]").forEach(function (link) {
        var href = data[link.getAttribute("data-job-link")];
        if (href) link.href = href;
        link.hidden = !href;
      });
      show("download", true);
    } else if (data.status === "failed") {
      text("error", data.error);
      show("error", true);
    }
    return false;
  }

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (data) { if (update(data)) setTimeout(poll, 1200); })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 800);
})();
