// Feeds (Atom, RSS 2.0), sitemap.xml and robots.txt: well-formed XML (fast-xml-parser),
// required elements, absolute URLs that exist in the output, valid dates.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseFragment } from 'parse5';
import { walk, attrName } from './html.js';
import { problem } from './site.js';
import { checkRef, siteIds } from './links.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ['entry', 'item', 'url', 'link', 'author', 'atom:link', 'category'].includes(name),
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function validCalendar(y, mo, d, h = 0, mi = 0, s = 0) {
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
    && h < 24 && mi < 60 && s < 61 ? t : null;
}

/** RFC 3339 date-time (Atom): 2010-02-24T00:00:00Z or with an offset. Returns an error or null. */
export function rfc3339Error(v) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(v || '');
  if (!m) return `"${v ?? ''}" is not an RFC 3339 date-time (like 2010-02-24T00:00:00Z)`;
  if (!validCalendar(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6])) return `"${v}" is not a real date and time`;
  return null;
}

/** RFC 822 date-time as RSS 2.0 uses it (4-digit years): Wed, 24 Feb 2010 00:00:00 +0000. */
export function rfc822Error(v) {
  const m = /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (UT|GMT|Z|[+-]\d{4}|EST|EDT|CST|CDT|MST|MDT|PST|PDT)$/.exec(v || '');
  if (!m) return `"${v ?? ''}" is not an RFC 822 date-time (like Wed, 24 Feb 2010 00:00:00 +0000)`;
  const t = validCalendar(+m[4], MONTHS.indexOf(m[3]) + 1, +m[2], +m[5], +m[6], +(m[7] || 0));
  if (!t) return `"${v}" is not a real date and time`;
  if (m[1] && DAYS[t.getUTCDay()] !== m[1]) return `"${v}": ${m[2]} ${m[3]} ${m[4]} is a ${DAYS[t.getUTCDay()]}, not a ${m[1]}`;
  return null;
}

/** W3C datetime as sitemaps use it: YYYY-MM-DD or a full RFC 3339 date-time. */
function w3cDateError(v) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) return validCalendar(+m[1], +m[2], +m[3]) ? null : `"${v}" is not a real date`;
  return rfc3339Error(v);
}

function lineOf(text, needle) {
  const i = text.indexOf(needle);
  return i < 0 ? 0 : text.slice(0, i).split('\n').length;
}

function text(v) {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'object') return v['#text'] !== undefined ? String(v['#text']) : '';
  return String(v);
}

/** Parses an XML file of the site; returns the parsed object or pushes a problem and returns null. */
function parseXml(site, file, problems) {
  const src = site.read(file);
  const v = XMLValidator.validate(src);
  if (v !== true) {
    problems.push(problem(file, `not well-formed XML: ${v.err.msg}`, v.err.line, v.err.col));
    return null;
  }
  return parser.parse(src);
}

class Ctx {
  constructor(site, file, problems) {
    this.site = site;
    this.file = file;
    this.problems = problems;
    this.src = site.read(file);
    this.ids = siteIds(site).ids;
    this.stats = { links: 0, anchors: 0, external: 0 };
  }

  fail(message, near) {
    this.problems.push(problem(this.file, message, near ? lineOf(this.src, near) : 0, near ? 1 : 0));
  }

  /** An absolute http(s) URL; when it is one of the site's own, it must exist in the output. */
  url(what, v, { internal = true } = {}) {
    if (!v) return this.fail(`${what}: missing URL`);
    if (!/^https?:\/\/[^/]/.test(v)) return this.fail(`${what}: "${v}" is not an absolute URL`, v);
    const base = this.site.baseUrl;
    if (internal && base && !v.startsWith(base)) {
      return this.fail(`${what}: "${v}" is not under the site's base URL ${base}`, v);
    }
    if (base && v.startsWith(base)) {
      const msg = checkRef(this.site, this.ids, this.file, base, v, this.stats);
      if (msg) this.fail(`${what}: ${msg}`, v);
    }
    return undefined;
  }

  /** An Atom <id>: any absolute IRI (a URL or a tag: URI); it need not resolve. */
  iri(what, v) {
    if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(v)) this.fail(`${what}: "${v}" is not an absolute IRI`, v);
  }

  /** HTML carried in a feed: every URL in it must be absolute (feed readers have no base). */
  htmlContent(what, html) {
    const frag = parseFragment(html || '');
    walk(frag, (el) => {
      for (const a of el.attrs) {
        const n = attrName(a);
        if (!['href', 'src', 'xlink:href', 'poster', 'cite'].includes(n)) continue;
        if (/^(mailto|tel|data):/i.test(a.value)) continue;
        this.url(`${what}: <${el.tagName} ${n}>`, a.value, { internal: false });
      }
    });
  }
}

function checkAtom(site, file, feed, problems) {
  const c = new Ctx(site, file, problems);
  if (feed['@xmlns'] !== 'http://www.w3.org/2005/Atom') c.fail('feed: xmlns must be http://www.w3.org/2005/Atom');
  for (const el of ['id', 'title', 'updated']) if (!text(feed[el])) c.fail(`feed: missing required <${el}>`);
  if (feed.id) c.iri('feed <id>', text(feed.id));
  if (feed.updated) { const e = rfc3339Error(text(feed.updated)); if (e) c.fail(`feed <updated>: ${e}`, text(feed.updated)); }
  const links = feed.link || [];
  const self = links.find((l) => l['@rel'] === 'self');
  if (!self) c.fail('feed: missing <link rel="self"> (its own URL)');
  else {
    c.url('feed <link rel="self">', self['@href']);
    if (site.baseUrl && self['@href'] !== site.baseUrl + file) c.fail(`feed <link rel="self">: "${self['@href']}" is not this feed's URL ${site.baseUrl + file}`, self['@href']);
  }
  for (const l of links) if (l['@rel'] !== 'self') c.url(`feed <link rel="${l['@rel'] || 'alternate'}">`, l['@href']);
  const feedAuthor = (feed.author || []).some((a) => text(a.name));
  const entries = feed.entry || [];
  entries.forEach((e, i) => {
    const id = text(e.id);
    const what = `entry ${i + 1}${id ? ` (${id})` : ''}`;
    for (const el of ['id', 'title', 'updated']) if (!text(e[el])) c.fail(`${what}: missing required <${el}>`, id);
    if (id) c.iri(`${what} <id>`, id);
    for (const el of ['updated', 'published']) {
      if (e[el] === undefined) continue;
      const err = rfc3339Error(text(e[el]));
      if (err) c.fail(`${what} <${el}>: ${err}`, text(e[el]));
    }
    if (!feedAuthor && !(e.author || []).some((a) => text(a.name))) c.fail(`${what}: no <author> in the entry or the feed`, id);
    const alt = (e.link || []).filter((l) => (l['@rel'] || 'alternate') === 'alternate');
    if (!alt.length && e.content === undefined) c.fail(`${what}: needs a <link rel="alternate"> or <content>`, id);
    for (const l of e.link || []) c.url(`${what} <link>`, l['@href']);
    for (const el of ['content', 'summary']) {
      const v = e[el];
      if (v !== undefined && typeof v === 'object' && ['html', 'xhtml'].includes(v['@type'])) c.htmlContent(`${what} <${el}>`, text(v));
    }
  });
  return { entries: entries.length, ...c.stats };
}

function checkRss(site, file, rss, problems) {
  const c = new Ctx(site, file, problems);
  if (rss['@version'] !== '2.0') c.fail('rss: version must be "2.0"');
  const ch = rss.channel;
  if (!ch) { c.fail('rss: missing <channel>'); return { entries: 0, ...c.stats }; }
  for (const el of ['title', 'link', 'description']) if (!text(ch[el]) && !(el === 'link' && ch.link)) c.fail(`channel: missing required <${el}>`);
  const chLinks = [].concat(ch.link || []).map(text).filter(Boolean);
  if (chLinks[0]) c.url('channel <link>', chLinks[0]);
  const self = (ch['atom:link'] || []).find((l) => l['@rel'] === 'self');
  if (self) c.url('channel <atom:link rel="self">', self['@href']);
  for (const el of ['lastBuildDate', 'pubDate']) {
    if (ch[el] === undefined) continue;
    const err = rfc822Error(text(ch[el]));
    if (err) c.fail(`channel <${el}>: ${err}`, text(ch[el]));
  }
  const items = ch.item || [];
  items.forEach((it, i) => {
    const link = [].concat(it.link || []).map(text)[0];
    const what = `item ${i + 1}${link ? ` (${link})` : ''}`;
    if (!text(it.title) && !text(it.description)) c.fail(`${what}: needs a <title> or <description>`, link);
    if (link) c.url(`${what} <link>`, link);
    const guid = it.guid;
    if (guid !== undefined && (typeof guid !== 'object' || guid['@isPermaLink'] !== 'false')) c.url(`${what} <guid isPermaLink>`, text(guid));
    if (it.pubDate === undefined) c.fail(`${what}: missing <pubDate>`, link);
    else { const err = rfc822Error(text(it.pubDate)); if (err) c.fail(`${what} <pubDate>: ${err}`, text(it.pubDate)); }
    if (it.description !== undefined) c.htmlContent(`${what} <description>`, text(it.description));
  });
  return { entries: items.length, ...c.stats };
}

/** Every Atom and RSS feed of the site (any .xml file other than sitemaps). */
export function checkFeeds(site) {
  const problems = [];
  const stats = { feeds: 0, atom: 0, rss: 0, entries: 0, links: 0 };
  for (const file of site.files.filter((f) => f.endsWith('.xml'))) {
    const doc = parseXml(site, file, problems);
    if (!doc) { stats.feeds += 1; continue; }
    let r = null;
    if (doc.feed) { r = checkAtom(site, file, doc.feed, problems); stats.atom += 1; }
    else if (doc.rss) { r = checkRss(site, file, doc.rss, problems); stats.rss += 1; }
    else continue; // a sitemap or other XML
    stats.feeds += 1;
    stats.entries += r.entries;
    stats.links += r.links;
  }
  // The feeds a page announces must be feeds.
  return { problems, stats };
}

function isNoindex(site, page) {
  return /<meta\s+name="robots"\s+content="[^"]*noindex/i.test(site.read(page));
}

/** sitemap.xml lists every indexable HTML page (not 404.html) at an existing URL; robots.txt points to it. */
export function checkSitemap(site) {
  const problems = [];
  const stats = { urls: 0, pages: 0 };
  const file = 'sitemap.xml';
  if (!site.fileSet.has(file)) {
    problems.push(problem(file, 'missing: the site has no sitemap.xml'));
    return { problems, stats };
  }
  const doc = parseXml(site, file, problems);
  if (!doc) return { problems, stats };
  const c = new Ctx(site, file, problems);
  const set = doc.urlset;
  if (!set) { c.fail('root element must be <urlset>'); return { problems, stats }; }
  if (set['@xmlns'] !== 'http://www.sitemaps.org/schemas/sitemap/0.9') c.fail('<urlset>: xmlns must be http://www.sitemaps.org/schemas/sitemap/0.9');
  const listed = new Set();
  for (const u of set.url || []) {
    const loc = text(u.loc);
    stats.urls += 1;
    if (!loc) { c.fail('<url> without <loc>'); continue; }
    if (listed.has(loc)) c.fail(`"${loc}" is listed twice`, loc);
    listed.add(loc);
    if (u.lastmod !== undefined) { const e = w3cDateError(text(u.lastmod)); if (e) c.fail(`<lastmod> of ${loc}: ${e}`, loc); }
    if (!/^https?:\/\//.test(loc) || (site.baseUrl && !loc.startsWith(site.baseUrl))) {
      c.fail(`"${loc}" is not an absolute URL under the site's base URL ${site.baseUrl}`, loc);
      continue;
    }
    const r = site.resolvePath(decodeURIComponent(new URL(loc).pathname));
    if (r.error) c.fail(`"${loc}" does not exist in the output: ${r.error}`, loc);
    else if (r.file === '404.html' || isNoindex(site, r.file)) c.fail(`"${loc}" is a noindex page and must not be in the sitemap`, loc);
  }
  for (const page of site.pages) {
    if (page === '404.html' || isNoindex(site, page)) continue;
    stats.pages += 1;
    const url = site.baseUrl ? site.baseUrl + site.urlOf(page).slice(site.prefix.length) : site.urlOf(page);
    if (!listed.has(url)) problems.push(problem(page, `page is not in sitemap.xml (expected <loc>${url}</loc>)`));
  }
  if (site.fileSet.has('robots.txt')) {
    const rc = new Ctx(site, 'robots.txt', problems);
    const lines = site.read('robots.txt').split('\n').filter((l) => /^sitemap:/i.test(l));
    for (const l of lines) rc.url('Sitemap', l.replace(/^sitemap:\s*/i, '').trim());
  }
  return { problems, stats };
}
