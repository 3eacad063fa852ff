// Progressive enhancement of tables with class "sorteerbaar": click a column header to sort,
// and optional filters (div.tabelfilter[data-tabel] with one select per field: regio, district,
// stand). Without JavaScript the full table
// is shown as rendered.
(function () {
  "use strict";

  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) return numeric ? -Infinity : "";
    var v = cell.getAttribute("data-waarde");
    if (v === null) v = cell.textContent.trim();
    if (numeric) {
      var n = parseFloat(v);
      return isNaN(n) ? -Infinity : n;
    }
    return v.toLocaleLowerCase("nl");
  }

  function makeSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      var numeric = th.hasAttribute("data-soort") || th.textContent.trim() === "Scoreband" || th.textContent.trim() === "Groep";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sorteerknop";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
          var c = numeric ? x - y : x.localeCompare(y, "nl");
          if (c === 0) c = cellValue(a, 0, false).localeCompare(cellValue(b, 0, false), "nl");
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  // A filter box holds one or more selects; each filters on the row attribute data-<veld>
  // (data-veld on the select, "regio" by default), whose value is a space-separated list of
  // tokens. A row is shown when it matches every select. Each choice is kept in the URL.
  function makeFilter(box) {
    var table = document.getElementById(box.getAttribute("data-tabel"));
    if (!table) return;
    var selects = Array.prototype.slice.call(box.querySelectorAll("select"));
    var status = box.querySelector("[role=status]");
    var params = new URLSearchParams(window.location.search);
    function field(select) { return select.getAttribute("data-veld") || "regio"; }
    function apply(updateUrl) {
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var match = selects.every(function (select) {
          if (!select.value) return true;
          var tokens = (row.getAttribute("data-" + field(select)) || "").split(" ");
          return tokens.indexOf(select.value) !== -1;
        });
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = shown + (shown === 1 ? " werkplein" : " werkpleinen") + " getoond";
      if (updateUrl) {
        var url = new URL(window.location.href);
        selects.forEach(function (select) {
          if (select.value) url.searchParams.set(field(select), select.value);
          else url.searchParams.delete(field(select));
        });
        window.history.replaceState(null, "", url);
      }
    }
    selects.forEach(function (select) {
      var wanted = params.get(field(select));
      if (wanted && select.querySelector('option[value="' + wanted.replace(/["\\]/g, "") + '"]')) select.value = wanted;
      select.addEventListener("change", function () { apply(true); });
    });
    box.hidden = false;
    apply(false);
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sorteerbaar"), makeSortable);
  Array.prototype.forEach.call(document.querySelectorAll(".tabelfilter[data-tabel]"), makeFilter);
})();
