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
  form.addEventListener("input", function () { showWindow(); showTotal(); });
  form.addEventListener("change", function () { showWindow(); showTotal(); });
  showWindow();
  showTotal();
})();
