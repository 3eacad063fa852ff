// Highlighting: which parts of a text match the query's words, and a snippet around them.

// Ranges [start, end) of `text` to highlight: words (or hyphenated groups) starting with a
// query word. `vouwer` folds as the index does (vouwen.js).
export function matches(vouwer, text, words) {
  var tw = vouwer.textWords(text);
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
export function appendMarked(el, text, ranges, from, to) {
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

// Appends the whole of `text` with the query's words marked.
export function appendHighlighted(vouwer, el, text, words) {
  appendMarked(el, text, matches(vouwer, text, words), 0, text.length);
}

var SNIPPET = 220;

// A snippet of `text` around the part with most of the query's words, highlighted; true when
// it holds any of them.
export function snippet(vouwer, el, text, words) {
  var ranges = matches(vouwer, text, words);
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
