// The subsidy proposal form: say, as it is written, whether the chosen agency's budget
// calendar still takes a request for the chosen fiscal year ("ยื่นหลัง 15 ส.ค. 2569:
// จะพิจารณาในปีงบประมาณ 2571"), and add up the budget lines against the chosen plan
// items. The server checks both again; without this script the page simply says less.
(function () {
  "use strict";
  var form = document.querySelector("form[data-proposal-form]");
  if (!form) return;
  function data(id) {
    var node = document.getElementById(id);
    try { return node ? JSON.parse(node.textContent) : {}; } catch (e) { return {}; }
  }
  var hints = data("window-hints"), budgets = data("plan-budgets");
  var recipient = form.querySelector("[name=recipient]");
  var year = form.querySelector("[name=fiscal_year]");
  var windowBox = document.getElementById("proposal-window");
  var totalBox = document.getElementById("proposal-total");
  var thaiDigits = "๐๑๒๓๔๕๖๗๘๙";
  function arabic(text) {
    return String(text || "").replace(/[๐-๙]/g, function (c) { return String(thaiDigits.indexOf(c)); });
  }
  function baht(n) {
    return n.toLocaleString("th-TH", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function showWindow() {
    var byYear = hints[recipient && recipient.value] || {};
    var text = byYear[arabic(year && year.value).trim()];
    windowBox.textContent = text || "";
    windowBox.hidden = !text;
  }
  function showTotal() {
    var asked = 0, planned = 0;
    form.querySelectorAll("input[name$='-amount']").forEach(function (input) {
      var n = parseFloat(arabic(input.value).replace(/[,\s]/g, ""));
      if (!isNaN(n)) asked += n;
    });
    form.querySelectorAll("input[name=plan_items]:checked").forEach(function (box) {
      planned += parseFloat(budgets[box.value] || "0");
    });
    totalBox.textContent = "รวมที่ขอ " + baht(asked) + " บาท · งบตามแผนของรายการที่เลือก " + baht(planned) + " บาท" +
      (asked > planned ? " — เกินงบตามแผน" : "");
    totalBox.className = asked > planned ? "error" : "help";
  }
  // Budget lines: add a row (a copy of the formset's empty form) and remove one. A removed
  // row's inputs leave the form; the formset skips an index it does not receive, so no row
  // needs renumbering. Without this script the page offers three blank rows instead.
  var lines = document.getElementById("budget-lines");
  var template = document.getElementById("budget-line-template");
  var total = form.querySelector("[name=lines-TOTAL_FORMS]");
  var maxLines = parseInt(lines && lines.getAttribute("data-max"), 10) || 30;
  var addButton;
  function button(text, label, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "link-button line-button";
    b.textContent = text;
    if (label) b.setAttribute("aria-label", label);
    b.addEventListener("click", onClick);
    return b;
  }
  function rowCount() { return lines.querySelectorAll("[data-budget-line]").length; }
  function withRemove(row) {
    row.appendChild(button("ลบแถว", "ลบแถวรายการงบประมาณนี้", function () {
      var next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      if (rowCount() === 0) addRow();
      refreshAdd();
      showTotal();
      var focus = next && next.querySelector("input");
      (focus || addButton).focus();
    }));
  }
  function addRow() {
    var index = parseInt(total.value, 10) || 0;
    if (index >= maxLines) return null;
    var holder = document.createElement("div");
    holder.innerHTML = template.innerHTML.replace(/__prefix__/g, String(index));
    var row = holder.querySelector("[data-budget-line]");
    lines.appendChild(row);
    total.value = String(index + 1);
    withRemove(row);
    refreshAdd();
    return row;
  }
  function refreshAdd() {
    if (addButton) addButton.disabled = (parseInt(total.value, 10) || 0) >= maxLines;
  }
  if (lines && template && total) {
    lines.querySelectorAll("[data-budget-line]").forEach(withRemove);
    addButton = button("+ เพิ่มแถว", "", function () {
      var row = addRow();
      if (row) row.querySelector("input").focus();
    });
    addButton.className = "button secondary";
    lines.parentNode.insertBefore(addButton, lines.nextSibling);
    form.querySelectorAll("[data-no-script]").forEach(function (node) { node.hidden = true; });
    refreshAdd();
  }

  form.addEventListener("input", function () { showWindow(); showTotal(); });
  form.addEventListener("change", function () { showWindow(); showTotal(); });
  showWindow();
  showTotal();
})();
