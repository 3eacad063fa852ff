// Filters on /praktijkvoorbeelden/ by thema, werkplein and regio, combined (a practice must
// match all chosen filters), across all practices: the list on the page is one page of many,
// so the filters read the compact index `praktijkvoorbeelden/filter.js` (the form's
// data-filter-index), loaded at the first use as a script so that it works from file:// too.
// The choice is kept in the URL (?thema=…&werkplein=…&regio=…), so a filtered list can be
// linked to, reloaded, and left with the back button. Without JavaScript the form stays hidden
// and the paginated lists per thema, werkplein and regio beside the full list do the same job.
(function () {
  "use strict";

  var PER = 50;
  var MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december"];
  var form = document.getElementById("pv-filter");
  var pages = document.getElementById("pv-lijst");
  var out = document.getElementById("pv-gefilterd");
  if (!form || !pages || !out) return;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var status = document.getElementById("pv-filter-status");
  var empty = document.getElementById("pv-filter-leeg");
  var clearButtons = [document.getElementById("pv-filter-wis"), document.getElementById("pv-filter-wis-2")];
  var indexUrl = new URL(form.getAttribute("data-filter-index"), location.href);
  var data = null;
  var waiting = [];

  // The index calls this global when its script has loaded.
  window.svdkPraktijken = function (d) {
    data = d;
    var w = waiting;
    waiting = [];
    w.forEach(function (f) { f(); });
  };

  function withIndex(f) {
    if (data) return f();
    waiting.push(f);
    if (waiting.length > 1) return;
    var s = document.createElement("script");
    s.src = indexUrl.href;
    s.addEventListener("error", function () {
      status.textContent = "De filters konden niet worden geladen; gebruik de lijsten per thema, werkplein en regio.";
    });
    document.head.appendChild(s);
  }

  function datum(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? parseInt(m[3], 10) + " " + MAANDEN[parseInt(m[2], 10) - 1] + " " + m[1] : "";
  }

  function href(url) {
    var u = new URL(url, indexUrl).href;
    return location.protocol === "file:" && /\/$/.test(u) ? u + "index.html" : u;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function matching(chosen) {
    var want = {};
    chosen.forEach(function (s) { want[s.name] = s.value; });
    var thema = want.thema ? data.themas.indexOf(want.thema) : -1;
    return data.items.filter(function (it) {
      var w = data.werkpleinen[it[3]];
      if (want.thema && it[4].indexOf(thema) < 0) return false;
      if (want.werkplein && !(w && w[0] === want.werkplein)) return false;
      if (want.regio && !(w && w[2] === want.regio)) return false;
      return true;
    });
  }

  // Shows `found` from position `from`, PER at a time, with a button for the next ones.
  function show(found, from) {
    var ul = out.querySelector("ul.items");
    if (!ul) {
      ul = el("ul", "items");
      out.appendChild(ul);
    }
    var first = null;
    found.slice(from, from + PER).forEach(function (it) {
      var li = el("li", "item item--praktijkvoorbeeld");
      var h = el("h3", "item__titel");
      var a = el("a", "", it[1]);
      a.href = href(it[0]);
      h.appendChild(a);
      li.appendChild(h);
      var w = data.werkpleinen[it[3]];
      if (it[2] || w) {
        var meta = el("p", "item__meta");
        if (it[2]) {
          var t = el("time", "", datum(it[2]));
          t.setAttribute("datetime", it[2]);
          meta.appendChild(t);
        }
        if (it[2] && w) {
          var sep = el("span", "sep", " · ");
          sep.setAttribute("aria-hidden", "true");
          meta.appendChild(sep);
        }
        if (w) meta.appendChild(document.createTextNode(w[1]));
        li.appendChild(meta);
      }
      ul.appendChild(li);
      if (!first) first = a;
    });
    var old = out.querySelector(".pv-filter__meer");
    if (old) old.remove();
    var next = from + PER;
    if (next < found.length) {
      var p = el("p", "pv-filter__meer");
      var b = el("button", "knop knop--licht", "Toon meer (" + Math.min(PER, found.length - next) + " van nog " + (found.length - next) + ")");
      b.type = "button";
      b.addEventListener("click", function () {
        var a = show(found, next);
        if (a) a.focus();
      });
      p.appendChild(b);
      out.appendChild(p);
    }
    return first;
  }

  function apply() {
    var chosen = selects.filter(function (s) { return s.value; });
    if (!chosen.length) {
      out.hidden = true;
      out.textContent = "";
      pages.hidden = false;
      if (empty) empty.hidden = true;
      status.textContent = "";
      return;
    }
    withIndex(function () {
      chosen = selects.filter(function (s) { return s.value; });
      if (!chosen.length) return apply();
      var found = matching(chosen);
      out.textContent = "";
      show(found, 0);
      out.hidden = found.length === 0;
      pages.hidden = true;
      if (empty) empty.hidden = found.length > 0;
      var names = chosen.map(function (s) { return s.options[s.selectedIndex].text.replace(/\s*\(\d+\)$/, ""); });
      status.textContent = (found.length === 1 ? "1 praktijkvoorbeeld" : found.length + " praktijkvoorbeelden") +
        " van " + data.items.length + ": " + names.join(", ") + ".";
    });
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
