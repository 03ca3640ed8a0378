// The portal's date picker: Buddhist-era years and Thai month names, never the browser's
// own (Christian-era) picker. It enhances every <input data-be-date> (common/forms.py
// BEDateInput): a button beside the input opens a calendar; choosing a day writes
// dd/mm/BBBB into the input. Without this script the input is typed by hand, and the
// server reads it the same way (common/thai.py parse_date).
//
// Keyboard: Alt+ArrowDown in the input opens the calendar. In the days: arrows move by a
// day or a week, PageUp/PageDown by a month (with Shift by a year), Home/End to the
// start or end of the week, Enter or Space chooses, Escape closes.
(function () {
  "use strict";
  var BE = 543;
  var MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"];
  var DAYS = ["อา", "จ", "อ", "พ", "พฤ", "ศ", "ส"];
  var DAY_NAMES = ["อาทิตย์", "จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์"];
  var OLDEST_BE = 1950 + BE;
  var count = 0;

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function sameDay(a, b) {
    return a && b && a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
  }
  function addDays(d, n) { return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n); }
  function addMonths(d, n) {
    var last = new Date(d.getFullYear(), d.getMonth() + n + 1, 0).getDate();
    return new Date(d.getFullYear(), d.getMonth() + n, Math.min(d.getDate(), last));
  }
  function format(d) { return pad(d.getDate()) + "/" + pad(d.getMonth() + 1) + "/" + (d.getFullYear() + BE); }
  function spoken(d) { return "วัน" + DAY_NAMES[d.getDay()] + "ที่ " + d.getDate() + " " + MONTHS[d.getMonth()] + " พ.ศ. " + (d.getFullYear() + BE); }

  // What the input holds, read as the server reads dd/mm/BBBB (Thai digits too); null otherwise.
  function parse(text) {
    text = (text || "").replace(/[๐-๙]/g, function (c) { return String(c.charCodeAt(0) - 0x0e50); });
    var m = /^\s*(\d{1,2})\s*[\/.\-]\s*(\d{1,2})\s*[\/.\-]\s*(\d{4})\s*$/.exec(text);
    if (!m) return null;
    var year = +m[3] - BE, d = new Date(year, +m[2] - 1, +m[1]);
    if (+m[3] < OLDEST_BE || d.getMonth() !== +m[2] - 1) return null;
    return d;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) node.textContent = text;
    return node;
  }

  function enhance(input) {
    // Once only (the admin loads this script as a widget's media, maybe twice); never the
    // admin's hidden template row of an inline, whose copies are enhanced when added.
    if (input.hasAttribute("data-be-date-ready") || input.closest(".empty-form")) return;
    input.setAttribute("data-be-date-ready", "");
    count += 1;
    var id = "be-date-" + count;
    var wrap = el("span", { "class": "be-date" });
    input.parentNode.insertBefore(wrap, input);
    wrap.appendChild(input);
    var opener = el("button", {
      type: "button", "class": "be-date-open", "aria-haspopup": "dialog", "aria-expanded": "false",
      "aria-controls": id, "aria-label": "เลือกวันที่จากปฏิทิน",
    });
    opener.innerHTML = '<svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 20 20">' +
      '<rect x="2.5" y="4" width="15" height="13.5" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.6"/>' +
      '<path d="M2.5 8h15M6.5 2v4M13.5 2v4" stroke="currentColor" stroke-width="1.6"/></svg>';
    wrap.appendChild(opener);

    var dialog = el("div", { "class": "be-date-picker", role: "dialog", id: id, "aria-label": "ปฏิทินเลือกวันที่" });
    dialog.hidden = true;
    var head = el("div", { "class": "be-date-head" });
    var prev = el("button", { type: "button", "aria-label": "เดือนก่อนหน้า" }, "‹");
    var next = el("button", { type: "button", "aria-label": "เดือนถัดไป" }, "›");
    var month = el("select", { "aria-label": "เดือน" });
    MONTHS.forEach(function (name, i) { month.appendChild(el("option", { value: String(i) }, name)); });
    var year = el("select", { "aria-label": "ปี พ.ศ." });
    var thisYear = new Date().getFullYear() + BE;
    for (var y = thisYear + 10; y >= OLDEST_BE; y--) year.appendChild(el("option", { value: String(y - BE) }, "พ.ศ. " + y));
    head.appendChild(prev); head.appendChild(month); head.appendChild(year); head.appendChild(next);
    var grid = el("table", { role: "grid" });
    var headRow = el("tr");
    DAYS.forEach(function (d, i) { headRow.appendChild(el("th", { scope: "col", abbr: DAY_NAMES[i] }, d)); });
    var thead = el("thead"); thead.appendChild(headRow); grid.appendChild(thead);
    var body = el("tbody"); grid.appendChild(body);
    var foot = el("div", { "class": "be-date-foot" });
    var today = el("button", { type: "button" }, "วันนี้");
    var close = el("button", { type: "button" }, "ปิด");
    foot.appendChild(today); foot.appendChild(close);
    var status = el("p", { "class": "be-date-status", "aria-live": "polite" });
    dialog.appendChild(head); dialog.appendChild(grid); dialog.appendChild(foot); dialog.appendChild(status);
    wrap.appendChild(dialog);

    var focus = null;   // the day with the keyboard focus
    var chosen = null;  // the day in the input

    function draw(moveFocus) {
      month.value = String(focus.getMonth());
      if (!year.querySelector('option[value="' + focus.getFullYear() + '"]')) {
        year.appendChild(el("option", { value: String(focus.getFullYear()) }, "พ.ศ. " + (focus.getFullYear() + BE)));
      }
      year.value = String(focus.getFullYear());
      status.textContent = MONTHS[focus.getMonth()] + " พ.ศ. " + (focus.getFullYear() + BE);
      body.textContent = "";
      var first = new Date(focus.getFullYear(), focus.getMonth(), 1);
      var day = addDays(first, -first.getDay()), now = new Date();
      for (var week = 0; week < 6; week++) {
        if (week > 0 && day.getMonth() !== focus.getMonth()) break;
        var row = el("tr");
        for (var i = 0; i < 7; i++) {
          var cell = el("td", { role: "gridcell" });
          if (day.getMonth() === focus.getMonth()) {
            var b = el("button", {
              type: "button", tabindex: sameDay(day, focus) ? "0" : "-1", "data-day": String(day.getDate()),
              "aria-label": spoken(day), "aria-selected": sameDay(day, chosen) ? "true" : "false",
            }, String(day.getDate()));
            if (sameDay(day, now)) b.setAttribute("aria-current", "date");
            cell.appendChild(b);
            if (sameDay(day, chosen)) cell.setAttribute("aria-selected", "true");
          }
          row.appendChild(cell);
          day = addDays(day, 1);
        }
        body.appendChild(row);
      }
      if (moveFocus) body.querySelector('button[tabindex="0"]').focus();
    }

    function open() {
      chosen = parse(input.value);
      focus = chosen || new Date();
      focus = new Date(focus.getFullYear(), focus.getMonth(), focus.getDate());
      dialog.hidden = false;
      opener.setAttribute("aria-expanded", "true");
      draw(true);
    }

    function shut(returnTo) {
      if (dialog.hidden) return;
      dialog.hidden = true;
      opener.setAttribute("aria-expanded", "false");
      if (returnTo) returnTo.focus();
    }

    function choose(d) {
      input.value = format(d);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
      shut(input);
    }

    opener.addEventListener("click", function () { if (dialog.hidden) open(); else shut(input); });
    input.addEventListener("keydown", function (e) {
      if (e.altKey && e.key === "ArrowDown") { e.preventDefault(); open(); }
    });
    prev.addEventListener("click", function () { focus = addMonths(focus, -1); draw(false); });
    next.addEventListener("click", function () { focus = addMonths(focus, 1); draw(false); });
    month.addEventListener("change", function () { focus = addMonths(focus, +month.value - focus.getMonth()); draw(false); });
    year.addEventListener("change", function () { focus = addMonths(focus, 12 * (+year.value - focus.getFullYear())); draw(false); });
    today.addEventListener("click", function () { choose(new Date()); });
    close.addEventListener("click", function () { shut(opener); });
    body.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-day]");
      if (b) choose(new Date(focus.getFullYear(), focus.getMonth(), +b.getAttribute("data-day")));
    });
    body.addEventListener("keydown", function (e) {
      var moves = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
      if (moves[e.key]) focus = addDays(focus, moves[e.key]);
      else if (e.key === "PageUp") focus = addMonths(focus, e.shiftKey ? -12 : -1);
      else if (e.key === "PageDown") focus = addMonths(focus, e.shiftKey ? 12 : 1);
      else if (e.key === "Home") focus = addDays(focus, -focus.getDay());
      else if (e.key === "End") focus = addDays(focus, 6 - focus.getDay());
      else return;
      e.preventDefault();
      draw(true);
    });
    dialog.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.preventDefault(); shut(opener); }
    });
    document.addEventListener("mousedown", function (e) { if (!wrap.contains(e.target)) shut(null); });
    wrap.addEventListener("focusout", function (e) {
      if (e.relatedTarget && !wrap.contains(e.relatedTarget)) shut(null);
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-be-date]"), enhance);
  }
  // A row the admin adds to an inline ("Add another ...") is a copy of its template row.
  document.addEventListener("formset:added", function (e) {
    Array.prototype.forEach.call(e.target.querySelectorAll("input[data-be-date]"), enhance);
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
