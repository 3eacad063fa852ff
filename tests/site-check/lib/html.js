// Parsing HTML with parse5 (the WHATWG parsing algorithm, as browsers do) and walking the tree.
import { parse } from 'parse5';

export function parseHtml(text) {
  return parse(text, { sourceCodeLocationInfo: true });
}

/** Calls fn(element) for every element, including inside <template> and foreign (SVG) content. */
export function walk(node, fn) {
  if (node.tagName) fn(node);
  const kids = node.content ? node.content.childNodes : node.childNodes;
  if (kids) for (const k of kids) walk(k, fn);
}

/** The raw attribute name as written (`xlink:href` for parse5's adjusted foreign attributes). */
export function attrName(a) {
  return a.prefix ? `${a.prefix}:${a.name}` : a.name;
}

export function getAttr(el, name) {
  const a = el.attrs.find((x) => attrName(x) === name);
  return a ? a.value : null;
}

/** Line and column of an attribute (or of the element when unknown). */
export function locOf(el, attr) {
  const l = el.sourceCodeLocation;
  if (!l) return { line: 0, col: 0 };
  const al = attr && l.attrs && l.attrs[attr];
  if (al) return { line: al.startLine, col: al.startCol };
  return { line: l.startLine, col: l.startCol };
}

export function textContent(node) {
  if (node.nodeName === '#text') return node.value;
  const kids = node.content ? node.content.childNodes : node.childNodes;
  return kids ? kids.map(textContent).join('') : '';
}
