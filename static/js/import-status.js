// Polls an import job while it is checked or written, updates the progress bar, and
// reloads the page once the job reaches a stage with something to show (the preview
// with its error table and buttons, the result, or the reason it failed).
(function () {
  "use strict";
  var box = document.getElementById("import-status");
  if (!box || box.getAttribute("data-running") !== "true") return;
  var url = box.getAttribute("data-status-url");
  var started = box.getAttribute("data-status");

  function update(data) {
    document.getElementById("status-text").textContent = data.status_display;
    var bar = document.getElementById("progress");
    bar.value = data.progress;
    bar.textContent = data.progress + "%";
    var rows = document.getElementById("progress-rows");
    if (rows) rows.textContent = data.processed_rows + " / " + data.total_rows;
    if (!data.running || data.status !== started) {
      window.location.reload();
      return false;
    }
    return true;
  }

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (data) { if (update(data)) setTimeout(poll, 1000); })
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 700);
})();
