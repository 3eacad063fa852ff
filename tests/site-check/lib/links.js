// Internal links and anchors: every URL in every HTML page (href, src, srcset, SVG href and
// xlink:href, url(#…) references, CSS url()) must resolve to a file of the output, every
// #fragment to an id on the target page, every IDREF attribute to an id on the same page;
// ids must be unique.
import { parseHtml, walk, attrName, getAttr, locOf } from './html.js';
import { problem } from './site.js';

const URL_ATTRS = new Set([
  'href', 'xlink:href', 'src', 'poster', 'action', 'formaction', 'cite', 'manifest', 'longdesc',
]);
const SRCSET_ATTRS = new Set(['srcset', 'imagesrcset']);
// Attributes holding one id (or a space-separated list of ids) of the same document.
const IDREF_ATTRS = new Set([
  'for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns',
  'aria-activedescendant', 'aria-details', 'aria-errormessage', 'aria-flowto', 'headers',
  'list', 'form', 'popovertarget', 'commandfor', 'anchor',
]);
// SVG presentation attributes that may hold url(#id).
const URL_REF_ATTRS = new Set([
  'fill', 'stroke', 'clip-path', 'mask', 'filter', 'marker-start', 'marker-mid', 'marker-end', 'style',
]);
const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/g;
const CSS_IMPORT = /@import\s+(?:"([^"]*)"|'([^']*)')/g;

function cssUrls(text) {
  const out = [];
  for (const re of [CSS_URL, CSS_IMPORT]) {
    re.lastIndex = 0;
    let m;
    while ((m = re.exec(text))) {
      const u = m[1] ?? m[2] ?? m[3] ?? '';
      const line = text.slice(0, m.index).split('\n').length;
      out.push({ url: u, line });
    }
  }
  return out;
}

function srcsetUrls(value) {
  // Candidates are separated by commas; each is a URL and an optional descriptor.
  return value
    .split(/,\s+|,(?=\S)/)
    .map((c) => c.trim().split(/\s+/)[0])
    .filter(Boolean);
}

/** Parses every page of a site once (cached on the Site). */
export function parsedPages(site) {
  if (!site._parsed) site._parsed = new Map(site.pages.map((f) => [f, parseHtml(site.read(f))]));
  return site._parsed;
}

/** The ids of every page and SVG file of a site, as a Map from file to a Set (cached). */
export function siteIds(site) {
  if (!site._ids) site._ids = collectIds(site, parsedPages(site));
  return site._ids;
}

/** Collects the ids of every page (and SVG file) of a site, with duplicate-id problems. */
function collectIds(site, parsed) {
  const ids = new Map();
  const problems = [];
  for (const file of site.pages) {
    const doc = parsed.get(file);
    const seen = new Map();
    walk(doc, (el) => {
      for (const name of ['id', ...(el.tagName === 'a' ? ['name'] : [])]) {
        const v = getAttr(el, name);
        if (v === null) continue;
        const { line, col } = locOf(el, name);
        if (name === 'id') {
          if (v === '') problems.push(problem(file, 'empty id attribute', line, col));
          else if (/\s/.test(v)) problems.push(problem(file, `id "${v}" contains whitespace`, line, col));
          if (seen.has(v) && seen.get(v).kind === 'id') {
            problems.push(problem(file, `duplicate id "${v}" (first at line ${seen.get(v).line}): #${v} is ambiguous`, line, col));
            continue;
          }
        }
        if (!seen.has(v)) seen.set(v, { line, kind: name });
      }
    });
    ids.set(file, new Set(seen.keys()));
  }
  for (const file of site.files.filter((f) => f.endsWith('.svg'))) {
    const set = new Set();
    for (const m of site.read(file).matchAll(/\sid\s*=\s*["']([^"']+)["']/g)) set.add(m[1]);
    ids.set(file, set);
  }
  return { ids, problems };
}

/**
 * Checks one reference `raw` found in `file` (whose URL is `base`). Returns a problem message,
 * or null. Counts into `stats`.
 */
export function checkRef(site, ids, file, base, raw, stats, { pageIs404 = false } = {}) {
  const value = raw.trim();
  if (value === '') return 'empty URL';
  if (/^(mailto|tel|data):/i.test(value)) return null;
  if (/^javascript:/i.test(value)) return `javascript: URL "${value}"`;
  if (site.relative) {
    // A site for file:// (svdk build --relative): nothing from the root of the disk, and no
    // folder URLs (a browser shows a folder's listing from disk, not its index.html).
    if (/^\/(?!\/)/.test(value)) return `absolute path "${value}" in a --relative build`;
    if (!/^([a-z][a-z0-9+.-]*:|#)/i.test(value) && /^[^?#]*(\/|^)(?=[?#]|$)/.test(value)) {
      return `"${value}" names a folder: from file:// that is no page (write …/index.html)`;
    }
  } else if (pageIs404 && !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(value)) {
    return `relative URL "${value}" in the 404 page, which is served at any path: use a path from the site root`;
  }
  let u;
  try {
    u = new URL(value, base);
  } catch {
    return `malformed URL "${value}"`;
  }
  const site0 = site.baseUrl ? new URL(site.baseUrl) : null;
  const local = u.origin === 'http://site.invalid' || (site0 && u.origin === site0.origin);
  if (!local) {
    const foreign = site.foreignBases.find((b) => u.href.startsWith(b));
    if (foreign) return `"${value}" points to ${foreign}, not to this build's base URL ${site.baseUrl}`;
    if (u.protocol === 'http:' || u.protocol === 'https:') {
      stats.external += 1;
      return null;
    }
    return `unsupported URL scheme in "${value}"`;
  }
  stats.links += 1;
  let urlPath;
  try {
    urlPath = decodeURIComponent(u.pathname);
  } catch {
    return `malformed percent-encoding in "${value}"`;
  }
  const r = site.resolvePath(urlPath);
  if (r.error) return `broken link "${value}" → ${u.pathname}: ${r.error}`;
  if (u.hash && u.hash !== '#') {
    stats.anchors += 1;
    let frag;
    try {
      frag = decodeURIComponent(u.hash.slice(1));
    } catch {
      return `malformed fragment in "${value}"`;
    }
    const targetIds = ids.get(r.file);
    if (!targetIds) return `link "${value}" has a #fragment but ${r.file} is not an HTML page or SVG`;
    if (!targetIds.has(frag)) {
      const where = r.file === file ? 'this page' : r.file;
      return `broken anchor "${value}": no id="${frag}" on ${where}`;
    }
  }
  return null;
}

/** Runs the check over a Site. Returns { problems, stats }. */
export function checkLinks(site) {
  const parsed = parsedPages(site);
  const { ids, problems: idProblems } = siteIds(site);
  const problems = [...idProblems];
  const stats = { pages: site.pages.length, links: 0, anchors: 0, external: 0, idrefs: 0 };
  // Pages are resolved against a placeholder origin standing for "this site".
  const baseOf = (file) => `http://site.invalid${encodeURI(site.urlOf(file))}`;

  for (const file of site.pages) {
    const doc = parsed.get(file);
    const base = baseOf(file);
    const pageIds = ids.get(file);
    const opts = { pageIs404: file === '404.html' };
    const report = (el, attr, msg) => {
      const { line, col } = locOf(el, attr);
      problems.push(problem(file, `<${el.tagName} ${attr}>: ${msg}`, line, col));
    };
    walk(doc, (el) => {
      for (const a of el.attrs) {
        const name = attrName(a);
        if (URL_ATTRS.has(name)) {
          if (name === 'href' && el.tagName === 'base') continue;
          const msg = checkRef(site, ids, file, base, a.value, stats, opts);
          if (msg) report(el, name, msg);
        } else if (SRCSET_ATTRS.has(name)) {
          for (const u of srcsetUrls(a.value)) {
            const msg = checkRef(site, ids, file, base, u, stats, opts);
            if (msg) report(el, name, msg);
          }
        } else if (name === 'data' && el.tagName === 'object') {
          const msg = checkRef(site, ids, file, base, a.value, stats, opts);
          if (msg) report(el, name, msg);
        } else if (IDREF_ATTRS.has(name) && !(name === 'for' && el.tagName === 'script')) {
          for (const id of a.value.split(/\s+/).filter(Boolean)) {
            stats.idrefs += 1;
            if (!pageIds.has(id)) report(el, name, `refers to id "${id}", which is not on this page`);
          }
        } else if (URL_REF_ATTRS.has(name) && a.value.includes('url(')) {
          for (const { url } of cssUrls(a.value)) {
            const msg = checkRef(site, ids, file, base, url, stats, opts);
            if (msg) report(el, name, msg);
          }
        }
      }
      if (el.tagName === 'style') {
        const text = el.childNodes.map((c) => c.value || '').join('');
        for (const { url } of cssUrls(text)) {
          const msg = checkRef(site, ids, file, base, url, stats, opts);
          if (msg) report(el, 'style', msg);
        }
      }
      if (el.tagName === 'meta' && (getAttr(el, 'http-equiv') || '').toLowerCase() === 'refresh') {
        const m = /url\s*=\s*['"]?([^'"]+)/i.exec(getAttr(el, 'content') || '');
        if (m) {
          const msg = checkRef(site, ids, file, base, m[1], stats, opts);
          if (msg) report(el, 'content', msg);
        }
      }
    });
  }

  // Stylesheets: url() and @import must resolve too (fonts, images).
  for (const file of site.files.filter((f) => f.endsWith('.css'))) {
    for (const { url, line } of cssUrls(site.read(file))) {
      if (url.startsWith('#')) continue; // refers to the document using the stylesheet
      const msg = checkRef(site, ids, file, baseOf(file), url, stats);
      if (msg) problems.push(problem(file, msg, line, 1));
    }
  }
  return { problems, stats };
}
