// Small helpers of both search forms.

export function el(tag, cls, text) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function quoted(q) {
  return "\u2018" + q.trim() + "\u2019";
}

export function resultaten(n) {
  return n === 1 ? "1 resultaat" : n + " resultaten";
}

export function debounce(fn, ms) {
  var t = null;
  return function () {
    var args = arguments;
    clearTimeout(t);
    t = setTimeout(function () { fn.apply(null, args); }, ms);
  };
}

// The index could not be loaded (a file missing on the host): say so, and show the links to the
// indexes that the page has for browsers without JavaScript.
export function failed(status, e) {
  status.textContent = "Zoeken lukt nu niet: de zoekindex kon niet worden geladen.";
  var noJs = document.querySelector("[data-zonder-js]");
  if (noJs) noJs.hidden = false;
  if (window.console && console.warn) console.warn(e);
}
