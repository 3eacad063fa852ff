// Folding and words: the rules of src/search/text.rs and Index::query_words. The tables (the
// folded form of every Latin letter, the stopwords, the weights) come from svdk itself, in the
// manifest of the index ("vouwen"), so that a query is folded exactly as the index was made:
// lowercase, Latin letters without diacritics ("clienten" finds "cliënten").

var WORDCHAR = /[\p{Alphabetic}\p{N}]/u;

// A folder for the rules `regels` of a manifest: { foldChar, fold, queryWords, textWords }.
export function maakVouwer(regels) {
  var latijn = regels.latijn.map(function (r) {
    return { van: r[0], vormen: r[1].split("|") };
  });
  var stop = {};
  regels.stopwoorden.forEach(function (w) { stop[w] = true; });

  function latinForm(u) {
    for (var i = 0; i < latijn.length; i++) {
      var r = latijn[i];
      if (u >= r.van && u < r.van + r.vormen.length) return r.vormen[u - r.van];
    }
    return null;
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
    var own = latinForm(u);
    if (own !== null) return own;
    var out = "";
    for (var lc of c.toLowerCase()) {
      var v = lc.codePointAt(0);
      if (v >= 0x300 && v <= 0x36f) continue;
      var f = latinForm(v);
      out += f !== null ? f : lc;
    }
    return out;
  }

  function fold(s) {
    var out = "";
    for (var c of s) {
      var f = foldChar(c);
      if (f) out += f;
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
      if (Array.from(w).length < 2 || (stop[w] && !lastTyped)) return;
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

  return { foldChar: foldChar, fold: fold, queryWords: queryWords, textWords: textWords, heel: regels.heel, begin: regels.begin };
}
