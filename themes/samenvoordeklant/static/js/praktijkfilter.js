// Filters on /praktijkvoorbeelden/ by thema, werkplein and regio, combined (a practice must
// match all chosen filters). The choice is kept in the URL (?thema=…&werkplein=…&regio=…), so
// a filtered list can be linked to, reloaded, and left with the back button. Without
// JavaScript the form stays hidden and the lists per thema, werkplein and regio beside the full
// list do the same job.
(function () {
  "use strict";

  var form = document.getElementById("pv-filter");
  var list = document.querySelector("[data-filterlijst]");
  if (!form || !list) return;
  var items = Array.prototype.slice.call(list.children);
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var status = document.getElementById("pv-filter-status");
  var empty = document.getElementById("pv-filter-leeg");
  var clearButtons = [document.getElementById("pv-filter-wis"), document.getElementById("pv-filter-wis-2")];

  function matches(li, name, value) {
    if (!value) return true;
    if (name === "thema") return (li.getAttribute("data-themas") || "").split(" ").indexOf(value) >= 0;
    return li.getAttribute("data-" + name) === value;
  }

  function apply() {
    var chosen = selects.filter(function (s) { return s.value; });
    var shown = 0;
    items.forEach(function (li) {
      var ok = chosen.every(function (s) { return matches(li, s.name, s.value); });
      li.hidden = !ok;
      if (ok) shown++;
    });
    if (empty) empty.hidden = shown > 0;
    if (!chosen.length) {
      status.textContent = "";
    } else {
      var names = chosen.map(function (s) { return s.options[s.selectedIndex].text.replace(/\s*\(\d+\)$/, ""); });
      status.textContent = (shown === 1 ? "1 praktijkvoorbeeld" : shown + " praktijkvoorbeelden") +
        " van " + items.length + ": " + names.join(", ") + ".";
    }
  }

  function toUrl(push) {
    var p = new URLSearchParams(location.search);
    selects.forEach(function (s) {
      if (s.value) p.set(s.name, s.value);
      else p.delete(s.name);
    });
    var q = p.toString();
    var url = location.pathname + (q ? "?" + q : "") + location.hash;
    if (url !== location.pathname + location.search + location.hash) {
      history[push ? "pushState" : "replaceState"](null, "", url);
    }
  }

  function fromUrl() {
    var p = new URLSearchParams(location.search);
    selects.forEach(function (s) {
      var v = p.get(s.name) || "";
      var known = Array.prototype.some.call(s.options, function (o) { return o.value === v; });
      s.value = known ? v : "";
    });
    apply();
  }

  form.hidden = false;
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    toUrl(true);
    apply();
  });
  selects.forEach(function (s) {
    s.addEventListener("change", function () {
      toUrl(true);
      apply();
    });
  });
  clearButtons.forEach(function (b) {
    if (!b) return;
    b.addEventListener("click", function () {
      selects.forEach(function (s) { s.value = ""; });
      toUrl(true);
      apply();
      if (selects[0]) selects[0].focus();
    });
  });
  window.addEventListener("popstate", fromUrl);
  fromUrl();
})();
