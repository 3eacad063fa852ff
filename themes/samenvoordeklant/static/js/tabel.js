// Progressive enhancement of tables with class "sorteerbaar": click a column header to sort,
// and optional filters (div.tabelfilter[data-tabel] with one select per row attribute: regio,
// district, stand, groep, ...). Without JavaScript the full table is shown as rendered.
(function () {
  "use strict";

  // The value a cell sorts by: data-waarde (a number), data-sleutel (svdk's Dutch sort key of a
  // name: 's-Hertogenbosch under H, IJ as one letter; compared by code point), or its text.
  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) return numeric ? -Infinity : "";
    var v = cell.getAttribute("data-waarde");
    if (v === null && !numeric && cell.hasAttribute("data-sleutel")) return "\u0000" + cell.getAttribute("data-sleutel");
    if (v === null) v = cell.textContent.trim();
    if (numeric) {
      var n = parseFloat(v);
      return isNaN(n) ? -Infinity : n;
    }
    return v.toLocaleLowerCase("nl");
  }

  // Keys (marked with a leading NUL) by code point, other text as Dutch collation does.
  function compare(x, y) {
    if (x.charAt(0) === "\u0000" && y.charAt(0) === "\u0000") return x < y ? -1 : x > y ? 1 : 0;
    return x.localeCompare(y, "nl");
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
          var c = numeric ? x - y : compare(x, y);
          if (c === 0) c = compare(cellValue(a, 0, false), cellValue(b, 0, false));
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  // Each select of the box filters on a row attribute: data-<name> where name is the select's
  // data-filter (default "regio"), whose value is a space-separated list of tokens (a row can be
  // below two streefwaarden at once). A row is shown when it matches every select; the choices
  // are kept in the URL (?regio=...&stand=...).
  function makeFilter(box) {
    var table = document.getElementById(box.getAttribute("data-tabel"));
    if (!table) return;
    var selects = Array.prototype.slice.call(box.querySelectorAll("select"));
    var status = box.querySelector("[role=status]");
    var params = new URLSearchParams(window.location.search);
    function nameOf(select) { return select.getAttribute("data-filter") || "regio"; }
    function apply(updateUrl) {
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var match = selects.every(function (s) {
          if (!s.value) return true;
          var tokens = (row.getAttribute("data-" + nameOf(s)) || "").split(" ");
          return tokens.indexOf(s.value) !== -1;
        });
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = shown + (shown === 1 ? " werkplein" : " werkpleinen") + " getoond";
      if (updateUrl) {
        var url = new URL(window.location.href);
        selects.forEach(function (s) {
          if (s.value) url.searchParams.set(nameOf(s), s.value); else url.searchParams.delete(nameOf(s));
        });
        window.history.replaceState(null, "", url);
      }
    }
    selects.forEach(function (s) {
      var v = params.get(nameOf(s));
      if (v && Array.prototype.some.call(s.options, function (o) { return o.value === v; })) s.value = v;
      s.addEventListener("change", function () { apply(true); });
    });
    box.hidden = false;
    apply(false);
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sorteerbaar"), makeSortable);
  Array.prototype.forEach.call(document.querySelectorAll(".tabelfilter[data-tabel]"), makeFilter);
})();
