// Polls a report's status while it runs and updates the page without reloading.
(function () {
  "use strict";
  var box = document.getElementById("report-status");
  if (!box) return;
  var url = box.getAttribute("data-status-url");
  var finished = { done: true, failed: true };
  if (finished[box.getAttribute("data-status")]) return;

  function show(id, visible) { document.getElementById(id).hidden = !visible; }

  function update(data) {
    document.getElementById("status-text").textContent = data.status_display;
    document.getElementById("progress").value = data.progress;
    document.getElementById("progress").textContent = data.progress + "%";
    var sections = document.getElementById("sections");
    if (sections && data.sections_total) {
      document.getElementById("sections-done").textContent = data.sections_done;
      document.getElementById("sections-total").textContent = data.sections_total;
      sections.hidden = false;
    }
    var note = document.getElementById("queued-note");
    if (note) note.hidden = data.status !== "queued";
    box.setAttribute("data-status", data.status);
    if (data.status === "done") {
      show("progress-wrap", false);
      document.getElementById("download-link").href = data.download_url;
      var xlsx = document.getElementById("xlsx-link");
      if (xlsx && data.xlsx_url) { xlsx.href = data.xlsx_url; xlsx.hidden = false; }
      show("download", true);
    } else if (data.status === "failed") {
      show("progress-wrap", false);
      document.getElementById("error").textContent = data.error;
      show("error", true);
    }
    return !finished[data.status];
  }

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (data) { if (update(data)) setTimeout(poll, 1500); })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 1000);
})();
