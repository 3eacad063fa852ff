// Ranking (src/search/index.rs, Index::search is the reference): documents with more of the
// words first, then by the sum of the best weight of each word (a whole word counts `heel`, the
// start of a word `begin`: the manifest's weights), then in index order.

// Reads a shard (the bytes of index/<hash>.bin): { bytes, terms, starts, ends }, the postings
// of terms[i] being bytes[starts[i]..ends[i]].
export function parseShard(buf) {
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

// The shards that may hold words starting with `w`: the last one whose first word is at
// most w, and the following ones whose first word starts with w.
export function shardRange(m, w) {
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

// The hits for `words` among `n` documents, given per word the parsed shards that may hold it:
// [{doc, matched, score}], best first.
export function rank(n, words, shardsPerWord, weights) {
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
        var factor = terms[t] === w ? weights.heel : weights.begin;
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
