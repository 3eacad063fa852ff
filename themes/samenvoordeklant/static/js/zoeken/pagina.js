// The search page (/zoeken/): the query of its field and of ?q= in the URL, results in pages of
// PAGE with their type, date, werkplein and a highlighted snippet, and the type filter (?type=).

import { indexFor, resultUrl } from "./laden.js";
import { appendHighlighted, snippet } from "./markeren.js";
import { el, quoted, resultaten, debounce, failed } from "./hulp.js";

var PAGE = 20;

export function searchPage(form) {
  var index = indexFor(form);
  var input = form.querySelector("input[type=search]");
  var soorten = form.querySelector(".zoeksoorten");
  var status = document.getElementById("zoekstatus");
  var list = document.getElementById("zoekresultaten");
  var more = document.getElementById("zoeken-meer");
  var moreP = more && more.parentNode;
  var noJs = document.querySelector("[data-zonder-js]");
  if (noJs) noJs.hidden = true;
  if (soorten) soorten.hidden = false;

  var seq = 0;
  var current = null; // { q, words, hits (filtered), shown }

  function typeValue() {
    var c = form.querySelector("input[name=type]:checked");
    return c ? c.value : "";
  }

  function setType(v) {
    var radios = form.querySelectorAll("input[name=type]");
    var found = false;
    radios.forEach(function (r) {
      r.checked = r.value === v;
      if (r.checked) found = true;
    });
    if (!found && radios.length) radios[0].checked = true;
  }

  function urlFor(q, type) {
    var p = new URLSearchParams();
    if (q.trim()) p.set("q", q.trim());
    if (type) p.set("type", type);
    var s = p.toString();
    return location.pathname + (s ? "?" + s : "");
  }

  function updateUrl(push) {
    var url = urlFor(input.value, typeValue());
    if (url === location.pathname + location.search) return;
    history[push ? "pushState" : "replaceState"](null, "", url);
  }

  function counts(m, hits) {
    if (!soorten) return;
    var byKind = {};
    hits.forEach(function (h) {
      var id = m.kinds[+m.docs[h.doc]][0];
      byKind[id] = (byKind[id] || 0) + 1;
    });
    soorten.querySelectorAll("[data-aantal]").forEach(function (span) {
      var id = span.getAttribute("data-aantal");
      var n = id ? byKind[id] || 0 : hits.length;
      span.textContent = current && current.words.length ? "(" + n + ")" : "";
    });
  }

  function clear(message) {
    list.textContent = "";
    list.hidden = true;
    if (moreP) moreP.hidden = true;
    status.textContent = message || "";
  }

  function renderResult(m, hit, words) {
    var v = index.vouwer;
    var li = el("li", "zoekresultaat");
    var kind = m.kinds[+m.docs[hit.doc]];
    li.classList.add("zoekresultaat--" + kind[0]);
    var h = el("h2", "zoekresultaat__titel");
    var a = el("a");
    h.appendChild(a);
    li.appendChild(h);
    var meta = el("p", "zoekresultaat__meta");
    meta.appendChild(el("span", "zoekresultaat__soort", kind[1]));
    li.appendChild(meta);
    var frag = el("p", "zoekresultaat__fragment");
    li.appendChild(frag);
    a.textContent = "\u2026";
    a.href = resultUrl(form, "");
    return index.text(hit.doc).then(function (t) {
      a.textContent = "";
      a.href = resultUrl(form, t.u);
      appendHighlighted(v, a, t.t, words);
      if (t.d) {
        meta.appendChild(el("span", "sep", " \u00b7 "));
        var time = el("time", null, t.n);
        time.setAttribute("datetime", t.d);
        meta.appendChild(time);
      }
      if (t.w) {
        meta.appendChild(el("span", "sep", " \u00b7 "));
        meta.appendChild(el("span", "zoekresultaat__werkplein", t.w));
      }
      var found = snippet(v, frag, t.x || "", words);
      if (!found && t.s) {
        frag.textContent = "";
        appendHighlighted(v, frag, t.s, words);
      }
      if (!frag.firstChild) li.removeChild(frag);
      return li;
    });
  }

  // Shows the next page of results; `focusFirst`: move focus to the first new one.
  function showMore(m, focusFirst) {
    var c = current;
    var next = c.hits.slice(c.shown, c.shown + PAGE);
    c.shown += next.length;
    var lis = next.map(function (h) { return renderResult(m, h, c.words); });
    return Promise.all(lis).then(function (items) {
      if (c !== current) return;
      items.forEach(function (li) { list.appendChild(li); });
      list.hidden = c.hits.length === 0;
      if (moreP) moreP.hidden = c.shown >= c.hits.length;
      if (focusFirst && items[0]) items[0].querySelector("a").focus();
    });
  }

  function show(m, q, type, r) {
    var all = r.hits;
    var hits = all;
    var kindIndex = -1;
    if (type) {
      m.kinds.forEach(function (k, i) { if (k[0] === type) kindIndex = i; });
      hits = all.filter(function (h) { return +m.docs[h.doc] === kindIndex; });
    }
    current = { q: q, words: r.words, hits: hits, shown: 0, ms: r.ms };
    form.setAttribute("data-zoek-ms", r.ms.toFixed(2));
    counts(m, all);
    list.textContent = "";
    var msg;
    if (!all.length) {
      msg = "Geen resultaten voor " + quoted(q) + ". Probeer een ander of korter woord.";
    } else if (type && kindIndex >= 0) {
      var label = form.querySelector("input[name=type]:checked").parentNode.textContent.replace(/\(\d+\)/, "").trim().toLowerCase();
      msg = hits.length + " van de " + resultaten(all.length) + " voor " + quoted(q) + " in " + label + ".";
    } else {
      msg = resultaten(all.length) + " voor " + quoted(q) + ".";
    }
    if (all.length && all[0].matched === r.words.length && r.words.length > 1) {
      var n = all.filter(function (h) { return h.matched === r.words.length; }).length;
      msg += " " + (n === 1 ? "1 bevat" : n + " bevatten") + " alle woorden.";
    }
    return showMore(m, false).then(function () { return msg; });
  }

  function run() {
    var q = input.value;
    var type = typeValue();
    var mine = ++seq;
    if (!q.trim()) {
      current = null;
      clear("");
      index.load().then(function (m) { counts(m, []); }, function () {});
      return Promise.resolve();
    }
    return index.load().then(function (m) {
      if (mine !== seq) return null;
      if (!index.words(q).length) {
        current = null;
        clear("Typ minstens twee letters van een woord.");
        return null;
      }
      return index.search(q).then(function (r) {
        if (mine !== seq) return null;
        return show(m, q, type, r).then(function (msg) {
          if (mine === seq) status.textContent = msg;
        });
      });
    }).catch(function (e) {
      if (mine === seq) failed(status, e);
    });
  }

  var typed = debounce(function () {
    updateUrl(false);
    run();
  }, 120);

  input.addEventListener("input", typed);
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    updateUrl(true);
    run();
  });
  form.addEventListener("change", function (e) {
    if (e.target && e.target.name === "type") {
      updateUrl(true);
      run();
    }
  });
  if (more) {
    more.addEventListener("click", function () {
      if (!current) return;
      index.load().then(function (m) { return showMore(m, true); });
    });
  }
  function fromUrl() {
    var p = new URLSearchParams(location.search);
    input.value = p.get("q") || "";
    setType(p.get("type") || "");
    return run();
  }
  window.addEventListener("popstate", fromUrl);
  // The index is needed on this page: load it now.
  index.load().catch(function (e) { failed(status, e); });
  fromUrl();
}
