// The search box in the header of every page: the first QUICK results under the field as you
// type, arrow keys to choose, Escape to close; Enter goes to the search page. The index is
// loaded at the first keystroke, not with the page.

import { indexFor, resultUrl } from "./laden.js";
import { appendHighlighted } from "./markeren.js";
import { el, quoted, resultaten, debounce, failed } from "./hulp.js";

var QUICK = 5;

export function searchBox(form) {
  var index = indexFor(form);
  var input = form.querySelector("input[type=search]");
  var panel = form.querySelector(".zoekvak__paneel");
  var status = form.querySelector("[role=status]");
  var seq = 0;

  function close() {
    panel.hidden = true;
    input.removeAttribute("aria-controls");
  }

  function links() {
    return Array.prototype.slice.call(panel.querySelectorAll("a"));
  }

  function tooShort(q) {
    close();
    panel.textContent = "";
    status.textContent = q.trim() ? "Typ minstens twee letters." : "";
  }

  function show(m, q, r, texts, top) {
    panel.textContent = "";
    var url = form.getAttribute("action") + "?q=" + encodeURIComponent(q.trim());
    if (!texts.length) {
      panel.appendChild(el("p", "zoekvak__leeg", "Geen resultaten voor " + quoted(q) + "."));
    } else {
      var ul = el("ul", "zoekvak__lijst");
      texts.forEach(function (t, i) {
        var li = el("li");
        var a = el("a");
        a.href = resultUrl(form, t.u);
        a.appendChild(el("span", "zoekvak__soort", m.kinds[+m.docs[top[i].doc]][1] + ": "));
        var title = el("span", "zoekvak__titel");
        appendHighlighted(index.vouwer, title, t.t, r.words);
        a.appendChild(title);
        li.appendChild(a);
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    var all = el("p", "zoekvak__alle");
    var a = el("a", null, r.hits.length > QUICK ? "Alle " + resultaten(r.hits.length) : "Zoeken op de zoekpagina");
    a.href = url;
    all.appendChild(a);
    panel.appendChild(all);
    panel.hidden = false;
    input.setAttribute("aria-controls", panel.id);
    status.textContent = r.hits.length
      ? resultaten(r.hits.length) + (r.hits.length > QUICK ? ", de eerste " + QUICK : "") + " onder het zoekveld. Pijl omlaag om te kiezen."
      : "Geen resultaten.";
  }

  function run() {
    var q = input.value;
    var mine = ++seq;
    if (!q.trim()) {
      tooShort(q);
      return;
    }
    index.load().then(function (m) {
      if (mine !== seq) return null;
      if (!index.words(q).length) {
        tooShort(q);
        return null;
      }
      return index.search(q).then(function (r) {
        if (mine !== seq) return null;
        var top = r.hits.slice(0, QUICK);
        return Promise.all(top.map(function (h) { return index.text(h.doc); })).then(function (texts) {
          if (mine === seq) show(m, q, r, texts, top);
        });
      });
    }).catch(function (e) {
      if (mine === seq) failed(status, e);
    });
  }

  input.addEventListener("input", debounce(run, 100));
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown" && !panel.hidden) {
      var l = links();
      if (l.length) {
        e.preventDefault();
        l[0].focus();
      }
    } else if (e.key === "Escape") {
      if (!panel.hidden) {
        e.preventDefault();
        close();
      }
    }
  });
  panel.addEventListener("keydown", function (e) {
    var l = links();
    var i = l.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && i >= 0) {
      e.preventDefault();
      l[Math.min(i + 1, l.length - 1)].focus();
    } else if (e.key === "ArrowUp" && i >= 0) {
      e.preventDefault();
      if (i === 0) input.focus();
      else l[i - 1].focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      close();
      input.focus();
    }
  });
  form.addEventListener("focusout", function (e) {
    if (!e.relatedTarget || !form.contains(e.relatedTarget)) close();
  });
  input.addEventListener("focus", function () {
    if (panel.firstChild && index.words(input.value).length) {
      panel.hidden = false;
      input.setAttribute("aria-controls", panel.id);
    }
  });
}
