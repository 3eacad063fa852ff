// Loading the index (src/search/mod.rs describes its files): the manifest, then only the shards
// holding the words typed, and the text of a document only when it is shown as a result.
//
// Over http(s) the files are fetched. A site built with `svdk build --relative` (to be opened
// from a folder or a zip, file://, where a page may fetch nothing) ships every file F of the
// index as a script F.js instead, which hands its content to window.svdkZoekdata; the form's
// data-zoek-index then names the manifest's script (zoeken/index.json.js).

import { maakVouwer } from "./vouwen.js";
import { parseShard, shardRange, rank } from "./rangschikken.js";

// Scripts of the index being loaded: absolute URL → { resolve, reject }.
var waiting = {};

function loadScript(url) {
  return new Promise(function (resolve, reject) {
    waiting[url] = { resolve: resolve, reject: reject };
    var s = document.createElement("script");
    s.src = url;
    s.addEventListener("error", function () {
      delete waiting[url];
      s.remove();
      reject(new Error("zoekindex: kon " + url + " niet laden"));
    });
    s.addEventListener("load", function () {
      s.remove();
      if (waiting[url]) {
        delete waiting[url];
        reject(new Error("zoekindex: " + url + " gaf geen gegevens"));
      }
    });
    document.head.appendChild(s);
  });
}

// Called by the index's scripts (svdkZoekdata(data)): the data of the script running.
if (!window.svdkZoekdata) {
  window.svdkZoekdata = function (data) {
    var src = document.currentScript && document.currentScript.src;
    var w = src && waiting[src];
    if (!w) return;
    delete waiting[src];
    w.resolve(data);
  };
}

function fromBase64(s) {
  var bin = atob(s);
  var out = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}

export function Index(url) {
  this.url = new URL(url, document.baseURI).href;
  // Scripts instead of fetch: the manifest is index.json.js.
  this.scripts = /\.js$/.test(this.url);
  this.manifest = null;
  this.vouwer = null;
  this.shards = {};
  this.texts = {};
}

// Loads `file` (relative to the manifest): "json" or "bytes" (an ArrayBuffer).
Index.prototype.get = function (file, as, stamp) {
  var url = new URL(file, this.url).href;
  if (this.scripts) {
    return loadScript(url + ".js").then(function (data) {
      return as === "bytes" ? fromBase64(data) : data;
    });
  }
  var full = stamp ? url + "?v=" + encodeURIComponent(stamp) : url;
  return fetch(full).then(function (r) {
    if (!r.ok) throw new Error("zoekindex: " + r.status + " " + full);
    return as === "bytes" ? r.arrayBuffer() : r.json();
  });
};

// The manifest (a promise); the folder of its rules is then `this.vouwer`.
Index.prototype.load = function () {
  var self = this;
  if (!this.manifest) {
    var file = this.scripts ? this.url.replace(/\.js$/, "") : this.url;
    this.manifest = this.get(file, "json").then(function (m) {
      self.vouwer = maakVouwer(m.vouwen);
      return m;
    });
    this.manifest.catch(function () { self.manifest = null; });
  }
  return this.manifest;
};

Index.prototype.shard = function (i, m) {
  var self = this;
  var file = m.shards[i][1];
  if (!this.shards[file]) {
    this.shards[file] = this.get(file, "bytes").then(parseShard);
    this.shards[file].catch(function () { delete self.shards[file]; });
  }
  return this.shards[file];
};

// The words of a query as the index has them (the manifest must be loaded).
Index.prototype.words = function (q) {
  return this.vouwer ? this.vouwer.queryWords(q) : [];
};

// Ranks the documents for `q`: resolves to { words, hits: [{doc, matched, score}], ms }
// (ms: the time to rank once the shards are loaded).
Index.prototype.search = function (q) {
  var self = this;
  return this.load().then(function (m) {
    var words = self.words(q);
    if (!words.length) return { words: words, hits: [], ms: 0 };
    var need = words.map(function (w) { return shardRange(m, w); });
    return Promise.all(need.map(function (list) {
      return Promise.all(list.map(function (i) { return self.shard(i, m); }));
    })).then(function (shardsPerWord) {
      var t0 = performance.now();
      var hits = rank(m.docs.length, words, shardsPerWord, m.vouwen);
      return { words: words, hits: hits, ms: performance.now() - t0 };
    });
  });
};

// A text file (src/search/mod.rs, text_file): the length of the header (4 bytes,
// little-endian), the header (JSON), then the text as a zlib stream. A browser without
// DecompressionStream gets the header with an empty text (a result then shows its summary).
export function parseText(buf) {
  var n = new DataView(buf).getUint32(0, true);
  var t = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 4, n)));
  var rest = new Uint8Array(buf, 4 + n);
  t.x = "";
  if (!rest.length || typeof DecompressionStream === "undefined") return Promise.resolve(t);
  var text = new Blob([rest]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Response(text).text().then(
    function (x) { t.x = x; return t; },
    function () { return t; }
  );
}

// The text of document `doc`: { t: title, u: URL below the base path, d, n: date, w, s, x }.
Index.prototype.text = function (doc) {
  var self = this;
  if (!this.texts[doc]) {
    this.texts[doc] = this.load().then(function (m) {
      return self.get(m.text + doc + ".bin", "bytes", m.stamp || "").then(parseText);
    });
    this.texts[doc].catch(function () { delete self.texts[doc]; });
  }
  return this.texts[doc];
};

var indexes = {};

// The index of a search form (one per manifest URL, shared by the forms of a page).
export function indexFor(form) {
  var url = form.getAttribute("data-zoek-index");
  if (!indexes[url]) indexes[url] = new Index(url);
  return indexes[url];
}

// The URL of a result: its URL below the base path, after the form's base (data-zoek-basis);
// in a --relative site, a folder's index.html (data-zoek-map="index.html").
export function resultUrl(form, u) {
  var basis = form.getAttribute("data-zoek-basis") || "/";
  var map = form.getAttribute("data-zoek-map") || "";
  var hash = u.indexOf("#");
  var path = hash >= 0 ? u.slice(0, hash) : u;
  var rest = hash >= 0 ? u.slice(hash) : "";
  if (map && (path === "" || path.charAt(path.length - 1) === "/")) path += map;
  return basis + path + rest;
}
