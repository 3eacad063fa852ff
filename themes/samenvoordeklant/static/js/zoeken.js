// Search for the samenvoordeklant theme: the search page (/zoeken/) and the search box in the
// header of every page. Both are forms with data-zoek-index (the URL of the index manifest that
// svdk build writes) and data-zoek-basis (the site's base path); without JavaScript they submit
// to the search page, which then links to the site's indexes.
//
// The index is fetched only when it is needed: on the search page, or at the first keystroke in
// the header box. Then only the shards holding the words typed are fetched, and the text of a
// document only when it is shown as a result. Words are folded exactly as svdk does
// (src/search/text.rs): lowercase, Latin letters without diacritics, so "clienten" finds
// "cliënten". Ranking (src/search/index.rs, Index::search): documents with more of the words
// first, then by the sum of the best weight of each word (a whole word counts 10, the start of
// a word 7), then in index order.
(function () {
  "use strict";

  // ---------------------------------------------------------------------------------------
  // Folding and words (the same rules as src/search/text.rs)

  // Latin letters whose lowercase form does not decompose into ASCII (generated from the
  // deunicode crate that svdk uses, so both sides fold alike).
  var SPECIAL = {"æ":"ae","ð":"d","ø":"o","þ":"th","ß":"ss","đ":"d","ħ":"h","ı":"i","ĳ":"ij","ĸ":"k","ŀ":"l","ł":"l","ŉ":"n","ŋ":"ng","œ":"oe","ŧ":"t","ſ":"s","ƀ":"b","ƃ":"b","ƅ":"6","ƈ":"c","ƌ":"d","ƍ":"d","ƒ":"f","ƕ":"hv","ƙ":"k","ƚ":"l","ƛ":"l","ƞ":"n","ƣ":"oi","ƥ":"p","ƨ":"2","ƪ":"sh","ƫ":"t","ƭ":"t","ƴ":"y","ƶ":"z","ƹ":"zh","ƺ":"zh","ƻ":"2","ƽ":"5","ƾ":"ts","ƿ":"w","ǆ":"dz","ǉ":"lj","ǌ":"nj","ǣ":"ae","ǥ":"g","ǯ":"zh","ǳ":"dz","ǽ":"ae","ǿ":"o","ȝ":"y","ȡ":"d","ȣ":"ou","ȥ":"z","ȴ":"l","ȵ":"n","ȶ":"t","ȷ":"j","ȸ":"db","ȹ":"qp","ȼ":"c","ȿ":"s","ɀ":"z","ɇ":"e","ɉ":"j","ɋ":"q","ɍ":"r","ɏ":"y","ẚ":"a","ẛ":"s","ẜ":"s","ẝ":"s","ẟ":"d","ỻ":"ll","ỽ":"v","ỿ":"y"};
  var STOPWORDS = ["aan", "al", "als", "bij", "dan", "dat", "de", "der", "des", "deze", "die", "dit", "door",
    "een", "en", "er", "had", "heeft", "het", "hij", "hun", "ik", "in", "is", "je", "maar", "met",
    "na", "naar", "niet", "nog", "of", "om", "ook", "op", "over", "te", "tot", "uit", "van",
    "was", "wat", "we", "wel", "werd", "wie", "wij", "wordt", "ze", "zich", "zij", "zijn", "zo"];
  var STOP = {};
  STOPWORDS.forEach(function (w) { STOP[w] = true; });
  var WORDCHAR = /[\p{Alphabetic}\p{N}]/u;
  var MARKS = /[\u0300-\u036f]/g;
  var EXACT = 10;
  var PREFIX = 7;

  function isLatin(u) {
    return (u >= 0xc0 && u <= 0x24f) || (u >= 0x1e00 && u <= 0x1eff);
  }

  // The folded form of one character (a code point), "" for a character that is part of a
  // word but adds nothing (a combining mark, a soft hyphen), null for one that is not.
  function foldChar(c) {
    var u = c.codePointAt(0);
    if (u < 0x80) {
      if ((u >= 48 && u <= 57) || (u >= 97 && u <= 122)) return c;
      if (u >= 65 && u <= 90) return String.fromCharCode(u + 32);
      return null;
    }
    if ((u >= 0x300 && u <= 0x36f) || u === 0xad) return "";
    if (!WORDCHAR.test(c)) return null;
    var out = "";
    for (var lc of c.toLowerCase()) {
      var v = lc.codePointAt(0);
      if (v >= 0x300 && v <= 0x36f) continue;
      if (isLatin(v)) {
        if (SPECIAL[lc] !== undefined) {
          out += SPECIAL[lc];
          continue;
        }
        var d = lc.normalize("NFD").replace(MARKS, "");
        out += /^[a-z0-9]+$/.test(d) ? d : lc;
      } else {
        out += lc;
      }
    }
    return out;
  }

  // The words of a query (Index::query_words): folded, hyphenated words joined, one-letter
  // words and stopwords left out, except a stopword at the end that may still be being typed.
  function queryWords(q) {
    var chars = Array.from(q);
    var words = [];
    var cur = "";
    for (var i = 0; i < chars.length; i++) {
      var f = foldChar(chars[i]);
      if (f !== null) {
        cur += f;
        continue;
      }
      var joins = chars[i] === "-" && cur !== "" && i + 1 < chars.length && foldChar(chars[i + 1]) !== null;
      if (!joins && cur !== "") {
        words.push(cur);
        cur = "";
      }
    }
    var typing = cur !== "";
    if (typing) words.push(cur);
    var out = [];
    words.forEach(function (w, i) {
      var lastTyped = typing && i === words.length - 1;
      if (Array.from(w).length < 2 || (STOP[w] && !lastTyped)) return;
      if (out.indexOf(w) < 0) out.push(w);
    });
    return out;
  }

  // The words of a text with their positions, for highlighting: [{start, end, folded}] where
  // words joined by one hyphen also form a group ({group: index of the group's first word}).
  function textWords(text) {
    var out = [];
    var cur = null;
    var prevHyphen = false;
    var groupStart = -1;
    var i = 0;
    for (var c of text) {
      var f = foldChar(c);
      if (f !== null) {
        if (!cur) {
          cur = { start: i, end: i, folded: "", group: prevHyphen ? groupStart : out.length };
        }
        cur.folded += f;
        cur.end = i + c.length;
      } else {
        if (cur) {
          out.push(cur);
          groupStart = cur.group;
          cur = null;
          prevHyphen = c === "-";
        } else {
          prevHyphen = false;
        }
      }
      i += c.length;
    }
    if (cur) out.push(cur);
    return out;
  }

  // Ranges [start, end) of `text` to highlight: words (or hyphenated groups) starting with a
  // query word.
  function matches(text, words) {
    var tw = textWords(text);
    var ranges = [];
    var starts = function (s) {
      for (var k = 0; k < words.length; k++) if (s.indexOf(words[k]) === 0) return k;
      return -1;
    };
    for (var j = 0; j < tw.length; j++) {
      var k = starts(tw[j].folded);
      if (k >= 0) {
        ranges.push({ start: tw[j].start, end: tw[j].end, word: k });
        continue;
      }
      // a hyphenated group: "re-integratie" matches "reintegratie"
      if (tw[j].group === j && j + 1 < tw.length && tw[j + 1].group === j) {
        var joined = "";
        var last = j;
        for (var m = j; m < tw.length && tw[m].group === j; m++) {
          joined += tw[m].folded;
          last = m;
        }
        k = starts(joined);
        if (k >= 0) {
          ranges.push({ start: tw[j].start, end: tw[last].end, word: k });
          j = last;
        }
      }
    }
    return ranges;
  }

  // Appends `text` to `el` with the ranges in <mark>.
  function appendMarked(el, text, ranges, from, to) {
    var pos = from;
    ranges.forEach(function (r) {
      if (r.start < from || r.end > to) return;
      if (r.start > pos) el.appendChild(document.createTextNode(text.slice(pos, r.start)));
      var m = document.createElement("mark");
      m.textContent = text.slice(r.start, r.end);
      el.appendChild(m);
      pos = r.end;
    });
    if (pos < to) el.appendChild(document.createTextNode(text.slice(pos, to)));
  }

  var SNIPPET = 220;

  // A snippet of `text` around the part with most of the query's words, highlighted.
  function snippet(el, text, words) {
    var ranges = matches(text, words);
    if (text.length <= SNIPPET) {
      appendMarked(el, text, ranges, 0, text.length);
      return ranges.length > 0;
    }
    var from = 0;
    if (ranges.length) {
      var best = -1;
      var cap = Math.min(ranges.length, 200);
      for (var a = 0; a < cap; a++) {
        var seen = {};
        var n = 0;
        for (var b = a; b < ranges.length && ranges[b].end - ranges[a].start <= SNIPPET; b++) {
          if (!seen[ranges[b].word]) {
            seen[ranges[b].word] = true;
            n++;
          }
        }
        if (n > best) {
          best = n;
          from = ranges[a].start;
        }
      }
      // start a little before the first match, at a word boundary
      from = Math.max(0, from - 40);
      if (from > 0) {
        var space = text.indexOf(" ", from);
        from = space >= 0 && space < from + 40 ? space + 1 : from;
      }
    }
    var to = Math.min(text.length, from + SNIPPET);
    if (to < text.length) {
      var cut = text.lastIndexOf(" ", to);
      if (cut > from + SNIPPET / 2) to = cut;
    }
    if (from > 0) el.appendChild(document.createTextNode("… "));
    appendMarked(el, text, ranges, from, to);
    if (to < text.length) el.appendChild(document.createTextNode(" …"));
    return ranges.length > 0;
  }

  // ---------------------------------------------------------------------------------------
  // The index (see src/search/mod.rs and index.rs for the files)

  function Index(url) {
    this.url = new URL(url, document.baseURI).href;
    this.manifest = null;
    this.shards = {};
    this.texts = {};
  }

  Index.prototype.load = function () {
    var self = this;
    if (!this.manifest) {
      this.manifest = fetch(this.url).then(function (r) {
        if (!r.ok) throw new Error("zoekindex: " + r.status + " " + self.url);
        return r.json();
      });
      this.manifest.catch(function () { self.manifest = null; });
    }
    return this.manifest;
  };

  function parseShard(buf) {
    var b = new Uint8Array(buf);
    var dec = new TextDecoder();
    var terms = [];
    var starts = [];
    var ends = [];
    var prev = new Uint8Array(0);
    var pos = 0;
    while (pos < b.length) {
      var shared = b[pos];
      var len = b[pos + 1];
      pos += 2;
      var word = new Uint8Array(shared + len);
      word.set(prev.subarray(0, shared));
      word.set(b.subarray(pos, pos + len), shared);
      pos += len;
      var size = 0;
      var shift = 0;
      var x;
      do {
        x = b[pos++];
        size += (x & 0x7f) * Math.pow(2, shift);
        shift += 7;
      } while (x & 0x80);
      terms.push(dec.decode(word));
      starts.push(pos);
      ends.push(pos + size);
      pos += size;
      prev = word;
    }
    return { bytes: b, terms: terms, starts: starts, ends: ends };
  }

  Index.prototype.shard = function (i, m) {
    var self = this;
    var file = m.shards[i][1];
    if (!this.shards[file]) {
      var url = new URL(file, this.url).href;
      this.shards[file] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error("zoekindex: " + r.status + " " + url);
        return r.arrayBuffer();
      }).then(parseShard);
      this.shards[file].catch(function () { delete self.shards[file]; });
    }
    return this.shards[file];
  };

  // The shards that may hold words starting with `w`: the last one whose first word is at
  // most w, and the following ones whose first word starts with w.
  function shardRange(m, w) {
    var lo = 0;
    var hi = m.shards.length - 1;
    var first = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (m.shards[mid][0] <= w) {
        first = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    var out = [first];
    for (var j = first + 1; j < m.shards.length && m.shards[j][0].indexOf(w) === 0; j++) out.push(j);
    return out;
  }

  // Ranks the documents for `q`: resolves to { words, hits: [{doc, matched, score}], ms }
  // (ms: the time to rank once the shards are loaded).
  Index.prototype.search = function (q) {
    var self = this;
    var words = queryWords(q);
    return this.load().then(function (m) {
      if (!words.length) return { words: words, hits: [], ms: 0 };
      var need = words.map(function (w) { return shardRange(m, w); });
      return Promise.all(need.map(function (list) {
        return Promise.all(list.map(function (i) { return self.shard(i, m); }));
      })).then(function (shardsPerWord) {
        var t0 = performance.now();
        var hits = rank(m.docs.length, words, shardsPerWord);
        return { words: words, hits: hits, ms: performance.now() - t0 };
      });
    });
  };

  function rank(n, words, shardsPerWord) {
    var best = words.map(function () { return new Uint16Array(n); });
    words.forEach(function (w, k) {
      var acc = best[k];
      shardsPerWord[k].forEach(function (s) {
        var terms = s.terms;
        var lo = 0;
        var hi = terms.length;
        while (lo < hi) {
          var mid = (lo + hi) >> 1;
          if (terms[mid] < w) lo = mid + 1;
          else hi = mid;
        }
        var b = s.bytes;
        for (var t = lo; t < terms.length && terms[t].indexOf(w) === 0; t++) {
          var factor = terms[t] === w ? EXACT : PREFIX;
          var pos = s.starts[t];
          var end = s.ends[t];
          var doc = 0;
          while (pos < end) {
            var x = b[pos++];
            var delta = x & 0x7f;
            var shift = 7;
            while (x & 0x80) {
              x = b[pos++];
              delta += (x & 0x7f) * Math.pow(2, shift);
              shift += 7;
            }
            doc += delta;
            var v = b[pos++] * factor;
            if (v > acc[doc]) acc[doc] = v;
          }
        }
      });
    });
    var hits = [];
    for (var d = 0; d < n; d++) {
      var matched = 0;
      var score = 0;
      for (var k = 0; k < best.length; k++) {
        var v = best[k][d];
        if (v) {
          matched++;
          score += v;
        }
      }
      if (matched) hits.push({ doc: d, matched: matched, score: score });
    }
    hits.sort(function (a, b) {
      return b.matched - a.matched || b.score - a.score || a.doc - b.doc;
    });
    return hits;
  }

  Index.prototype.text = function (doc) {
    var self = this;
    if (!this.texts[doc]) {
      this.texts[doc] = this.load().then(function (m) {
        var url = new URL(m.text + doc + ".json?v=" + encodeURIComponent(m.stamp || ""), self.url).href;
        return fetch(url).then(function (r) {
          if (!r.ok) throw new Error("zoekindex: " + r.status + " " + url);
          return r.json();
        });
      });
      this.texts[doc].catch(function () { delete self.texts[doc]; });
    }
    return this.texts[doc];
  };

  var indexes = {};
  function indexFor(form) {
    var url = form.getAttribute("data-zoek-index");
    if (!indexes[url]) indexes[url] = new Index(url);
    return indexes[url];
  }

  // ---------------------------------------------------------------------------------------
  // Shared helpers of both forms

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function quoted(q) {
    return "\u2018" + q.trim() + "\u2019";
  }

  function resultaten(n) {
    return n === 1 ? "1 resultaat" : n + " resultaten";
  }

  function debounce(fn, ms) {
    var t = null;
    return function () {
      var args = arguments;
      clearTimeout(t);
      t = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  // The index could not be loaded (a file missing on the host, or opened from disk with
  // file://): say so, and show the links to the indexes that the page has for browsers
  // without JavaScript.
  function failed(status, e) {
    status.textContent = "Zoeken lukt nu niet: de zoekindex kon niet worden geladen.";
    var noJs = document.querySelector("[data-zonder-js]");
    if (noJs) noJs.hidden = false;
    if (window.console && console.warn) console.warn(e);
  }

  // ---------------------------------------------------------------------------------------
  // The search page

  var PAGE = 20;

  function searchPage(form) {
    var index = indexFor(form);
    var basis = form.getAttribute("data-zoek-basis") || "/";
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
      a.href = basis;
      return index.text(hit.doc).then(function (t) {
        a.textContent = "";
        a.href = basis + t.u;
        appendMarked(a, t.t, matches(t.t, words), 0, t.t.length);
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
        var found = snippet(frag, t.x || "", words);
        if (!found && t.s) {
          frag.textContent = "";
          appendMarked(frag, t.s, matches(t.s, words), 0, t.s.length);
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
      var lis = next.map(function (h) {
        var li = renderResult(m, h, c.words);
        return li;
      });
      return Promise.all(lis).then(function (items) {
        if (c !== current) return;
        items.forEach(function (li) { list.appendChild(li); });
        list.hidden = c.hits.length === 0;
        if (moreP) moreP.hidden = c.shown >= c.hits.length;
        if (focusFirst && items[0]) items[0].querySelector("a").focus();
      });
    }

    function run() {
      var q = input.value;
      var type = typeValue();
      var mine = ++seq;
      var words = queryWords(q);
      if (!q.trim()) {
        current = null;
        clear("");
        index.load().then(function (m) { counts(m, []); }, function () {});
        return Promise.resolve();
      }
      if (!words.length) {
        current = null;
        clear("Typ minstens twee letters van een woord.");
        return Promise.resolve();
      }
      return index.search(q).then(function (r) {
        if (mine !== seq) return;
        return index.load().then(function (m) {
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
          return showMore(m, false).then(function () {
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

  // ---------------------------------------------------------------------------------------
  // The search box in the header: the first results under the field as you type

  var QUICK = 5;

  function searchBox(form) {
    var index = indexFor(form);
    var basis = form.getAttribute("data-zoek-basis") || "/";
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

    function run() {
      var q = input.value;
      var mine = ++seq;
      if (queryWords(q).length === 0) {
        close();
        panel.textContent = "";
        status.textContent = q.trim() ? "Typ minstens twee letters." : "";
        return;
      }
      index.search(q).then(function (r) {
        if (mine !== seq) return null;
        var top = r.hits.slice(0, QUICK);
        return Promise.all(top.map(function (h) { return index.text(h.doc); })).then(function (texts) {
          if (mine !== seq) return;
          return index.load().then(function (m) {
            panel.textContent = "";
            var url = form.getAttribute("action") + "?q=" + encodeURIComponent(q.trim());
            if (!texts.length) {
              panel.appendChild(el("p", "zoekvak__leeg", "Geen resultaten voor " + quoted(q) + "."));
            } else {
              var ul = el("ul", "zoekvak__lijst");
              texts.forEach(function (t, i) {
                var li = el("li");
                var a = el("a");
                a.href = basis + t.u;
                a.appendChild(el("span", "zoekvak__soort", m.kinds[+m.docs[top[i].doc]][1] + ": "));
                var title = el("span", "zoekvak__titel");
                appendMarked(title, t.t, matches(t.t, r.words), 0, t.t.length);
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
      if (panel.firstChild && queryWords(input.value).length) {
        panel.hidden = false;
        input.setAttribute("aria-controls", panel.id);
      }
    });
  }

  // ---------------------------------------------------------------------------------------

  function start() {
    var page = document.querySelector("form.zoekformulier[data-zoek-index]");
    if (page) searchPage(page);
    var box = document.querySelector("form.zoekvak[data-zoek-index]");
    if (box) searchBox(box);
  }

  // For tests and measurements: rank a query in the index of this page's search form.
  window.svdkZoeken = {
    queryWords: queryWords,
    fold: function (s) {
      var out = "";
      for (var c of s) {
        var f = foldChar(c);
        if (f) out += f;
      }
      return out;
    },
    search: function (q) {
      return indexFor(document.querySelector("form[data-zoek-index]")).search(q);
    },
    text: function (doc) {
      return indexFor(document.querySelector("form[data-zoek-index]")).text(doc);
    },
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
