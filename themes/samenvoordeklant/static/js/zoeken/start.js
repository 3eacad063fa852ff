// Search for the samenvoordeklant theme: the search page (/zoeken/) and the search box in the
// header of every page. Both are forms with data-zoek-index (the URL of the index manifest that
// svdk build writes) and data-zoek-basis (the site's base path); without JavaScript they submit
// to the search page, which then links to the site's indexes.
//
// The modules, one per job: vouwen.js (folding, with svdk's own tables), laden.js (loading the
// index), rangschikken.js (ranking), markeren.js (highlighting), pagina.js (the search page),
// zoekvak.js (the header box), hulp.js (helpers of both). A normal build loads this file as a
// module; `svdk build --relative` joins them into one classic script, js/zoeken.js, because
// browsers load no modules from file:// (see README, design notes).

import { indexFor } from "./laden.js";
import { searchPage } from "./pagina.js";
import { searchBox } from "./zoekvak.js";

function start() {
  var page = document.querySelector("form.zoekformulier[data-zoek-index]");
  if (page) searchPage(page);
  var box = document.querySelector("form.zoekvak[data-zoek-index]");
  if (box) searchBox(box);
}

function pageIndex() {
  return indexFor(document.querySelector("form[data-zoek-index]"));
}

// For tests and measurements: fold and rank a query in the index of this page's search form.
window.svdkZoeken = {
  queryWords: function (q) {
    return pageIndex().load().then(function () { return pageIndex().words(q); });
  },
  fold: function (s) {
    return pageIndex().load().then(function () { return pageIndex().vouwer.fold(s); });
  },
  search: function (q) {
    return pageIndex().search(q);
  },
  text: function (doc) {
    return pageIndex().text(doc);
  },
};

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
