// Checks in Debian's Chromium driven by playwright-core (never a downloaded browser):
// axe-core (WCAG 2.1 A/AA), console errors and failed requests per page; the keyboard walk
// through the home page; screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { problem } from './site.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_VERSION = require('axe-core/package.json').version;
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
      '--disable-dev-shm-usage'],
  });
}

/**
 * A browser context whose pages may only talk to `origin`: any request elsewhere is aborted
 * and recorded. `sink(kind, message)` receives console errors and failed requests.
 */
async function newContext(browser, origin, sink, opts = {}) {
  const ctx = await browser.newContext({ serviceWorkers: 'block', ...opts });
  await ctx.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(`${origin}/`) || u === origin || /^(data|blob|about):/.test(u)) return route.continue();
    sink('request', `request to another host: ${route.request().method()} ${u}`);
    return route.abort('blockedbyclient');
  });
  ctx.on('console', (msg) => {
    // "Failed to load resource" is the console's echo of a failed request, reported as such.
    if (msg.type() === 'error' && !/^Failed to load resource/.test(msg.text())) {
      const loc = msg.location();
      sink('console', `console error: ${msg.text()}${loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  ctx.on('weberror', (e) => sink('console', `uncaught exception: ${e.error().message}`));
  ctx.on('response', (r) => {
    if (r.status() >= 400) sink('request', `HTTP ${r.status()} for ${r.request().method()} ${r.url()}`);
  });
  ctx.on('requestfailed', (r) => {
    const f = r.failure();
    if (f && /ERR_BLOCKED_BY_CLIENT/.test(f.errorText)) return; // recorded by the route above
    sink('request', `request failed (${f ? f.errorText : 'unknown'}): ${r.method()} ${r.url()}`);
  });
  return ctx;
}

/**
 * Loads each of `files` of `site` from `server` and runs axe on it. Returns
 * { axe: [problems], console: [problems], requests: [problems], stats }.
 */
export async function checkPages(browser, server, site, files, { axe = true, workers = 2, width = 1280 } = {}) {
  const out = { axe: [], console: [], requests: [], stats: { pages: 0, requests: 0, rules: 0 } };
  const queue = [...files];
  const worker = async () => {
    let current = null;
    const ctx = await newContext(browser, server.origin, (kind, msg) => {
      out[kind === 'console' ? 'console' : 'requests'].push(problem(current || '(browser)', msg));
    }, { viewport: { width, height: 900 } });
    ctx.on('request', () => { out.stats.requests += 1; });
    const page = await ctx.newPage();
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      current = file;
      const url = server.origin + site.urlOf(file);
      try {
        await page.goto(url, { waitUntil: 'load', timeout: 30000 });
      } catch (e) {
        out.requests.push(problem(file, `could not load ${url}: ${e.message.split('\n')[0]}`));
        continue;
      }
      out.stats.pages += 1;
      if (!axe) continue;
      await page.evaluate(AXE_SOURCE);
      const result = await page.evaluate(async (tags) => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return {
          rules: r.passes.length + r.violations.length + r.incomplete.length + r.inapplicable.length,
          violations: r.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
          })),
        };
      }, AXE_TAGS);
      out.stats.rules = Math.max(out.stats.rules, result.rules);
      for (const v of result.violations) {
        const first = v.nodes[0];
        const detail = first ? ` — e.g. ${first.target}: ${first.summary.replace(/\s+/g, ' ').trim()}` : '';
        out.axe.push(problem(file, `axe ${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} element(s)${detail}`));
      }
    }
    await ctx.close();
  };
  await Promise.all(Array.from({ length: Math.max(1, workers) }, worker));
  return out;
}

/**
 * Asks the server for a page that does not exist: the answer must be 404 with the site's 404
 * page, whose stylesheets and images load from wherever it is served (so: no relative URLs).
 */
export async function checkNotFound(browser, server, site) {
  const problems = [];
  const missing = `${server.base}bestaat-niet/deze-pagina-ook-niet/`;
  const ctx = await newContext(browser, server.origin, (kind, msg) => {
    if (!msg.endsWith(` ${missing}`)) problems.push(problem('404.html', `at ${missing}: ${msg}`));
  });
  const page = await ctx.newPage();
  const res = await page.goto(missing, { waitUntil: 'load' });
  if (!res || res.status() !== 404) problems.push(problem('404.html', `${missing} answered ${res ? res.status() : 'nothing'}, not 404`));
  const state = await page.evaluate(() => ({
    title: document.title,
    sheets: [...document.querySelectorAll('link[rel~="stylesheet"]')].map((l) => ({ href: l.href, ok: !!l.sheet })),
    images: [...document.images].map((i) => ({ src: i.src, ok: i.complete && i.naturalWidth > 0 })),
  }));
  if (!state.sheets.length) problems.push(problem('404.html', 'the 404 page has no stylesheet'));
  for (const x of [...state.sheets, ...state.images]) {
    if (!x.ok) problems.push(problem('404.html', `served at ${missing}, ${x.href || x.src} does not load`));
  }
  await ctx.close();
  return { problems, stats: { title: state.title } };
}

/** Describes the focused element and whether its focus indicator is visible. Runs in the page. */
function focusInfo() {
  /* global document, window, getComputedStyle */
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { none: true };
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const px = (v) => parseFloat(v) || 0;
  const transparent = (c) => !c || c === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(c);
  const outline = cs.outlineStyle !== 'none' && px(cs.outlineWidth) >= 2 && !transparent(cs.outlineColor);
  // box-shadow: any shadow whose blur or spread is at least 2px and whose colour is not transparent.
  let shadow = false;
  if (cs.boxShadow && cs.boxShadow !== 'none') {
    for (const s of cs.boxShadow.split(/,(?![^(]*\))/)) {
      const color = (s.match(/rgba?\([^)]*\)|#[0-9a-f]+/i) || [''])[0];
      const lengths = s.replace(color, '').trim().split(/\s+/).filter((x) => /px$/.test(x)).map(px);
      const [, , blur = 0, spread = 0] = lengths;
      if (!transparent(color) && (Math.abs(spread) >= 2 || blur >= 2)) shadow = true;
    }
  }
  const nav = el.closest('nav');
  const id = (x) => x.tagName.toLowerCase() + (x.id ? `#${x.id}` : '') + (x.classList.length ? `.${[...x.classList].join('.')}` : '');
  return {
    desc: `${id(el)}${el.getAttribute('href') ? ` href="${el.getAttribute('href')}"` : ''} "${(el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`,
    tag: el.tagName.toLowerCase(),
    href: el.getAttribute('href'),
    inMain: !!el.closest('main'),
    navLabel: nav ? nav.getAttribute('aria-label') || nav.id || 'nav' : null,
    visible: r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && px(cs.opacity) > 0
      && r.bottom > 0 && r.right > 0 && r.top < window.innerHeight && r.left < window.innerWidth,
    indicator: outline || shadow,
    style: `outline: ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}; box-shadow: ${cs.boxShadow}`,
  };
}

/**
 * Tabs through the home page of `site`: the first Tab reaches the skip link, Enter on it moves
 * focus to <main>; tabbing on reaches every link of the main navigation (the first <nav> in the
 * page header); every focused element shows a focus indicator at least 2px wide.
 */
export async function checkKeyboard(browser, server, site, { width = 1280, height = 900, file = 'index.html' } = {}) {
  const problems = [];
  const stats = { stops: 0, navLinks: 0, navReached: 0 };
  const fail = (msg) => problems.push(problem(file, `keyboard (${width}px): ${msg}`));
  const ctx = await newContext(browser, server.origin, () => {}, { viewport: { width, height } });
  const page = await ctx.newPage();
  const url = server.origin + site.urlOf(file);
  await page.goto(url, { waitUntil: 'load' });

  // 1. The first Tab focuses the skip link; Enter moves focus to <main>.
  await page.keyboard.press('Tab');
  const first = await page.evaluate(focusInfo);
  if (first.none) fail('the first Tab focuses nothing');
  else {
    const target = first.href && first.href.startsWith('#') ? first.href.slice(1) : null;
    const targetIsMain = target ? await page.evaluate((t) => {
      const el = document.getElementById(t);
      return !!el && (el.tagName === 'MAIN' || !!el.closest('main'));
    }, target) : false;
    if (!target || !targetIsMain) fail(`the first Tab must focus a skip link to the main content, but focused ${first.desc}`);
    else {
      if (!first.visible) fail(`the skip link ${first.desc} is not visible when focused`);
      if (!first.indicator) fail(`no visible focus indicator on the skip link ${first.desc} (${first.style})`);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(50);
      const after = await page.evaluate(() => {
        const el = document.activeElement;
        return { tag: el ? el.tagName.toLowerCase() : null, inMain: !!(el && el.closest('main')), id: el && el.id };
      });
      if (!after.inMain) fail(`activating the skip link left focus on <${after.tag}${after.id ? `#${after.id}` : ''}>, not on the main content`);
    }
  }

  // 2. From the top again, Tab through the whole page.
  await page.goto(url, { waitUntil: 'load' });
  const navHrefs = await page.evaluate(() => {
    const nav = document.querySelector('header nav') || document.querySelector('nav');
    return nav ? [...nav.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')) : [];
  });
  stats.navLinks = navHrefs.length;
  if (!navHrefs.length) fail('no main navigation (<nav> in the page header) with links');
  const reached = new Set();
  for (let i = 0; i < 400; i += 1) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(focusInfo);
    if (info.none) break; // focus left the document: the walk is complete
    if (i > 0 && info.desc === first.desc) break; // wrapped around to the skip link
    stats.stops += 1;
    if (!info.visible) fail(`Tab stop ${i + 1} ${info.desc} is not visible`);
    if (!info.indicator) fail(`no visible focus indicator (outline or box-shadow of at least 2px) on Tab stop ${i + 1} ${info.desc}: ${info.style}`);
    const navIndex = await page.evaluate(() => {
      const nav = document.querySelector('header nav') || document.querySelector('nav');
      return !!(nav && nav.contains(document.activeElement));
    });
    if (navIndex && info.href) reached.add(info.href);
  }
  stats.navReached = navHrefs.filter((h) => reached.has(h)).length;
  for (const h of navHrefs) if (!reached.has(h)) fail(`tabbing never reaches the navigation link href="${h}"`);
  await ctx.close();
  return { problems, stats };
}

/** Full-page screenshots of `shots` ([{ name, file }]) at each width into `outDir`. */
export async function screenshots(browser, server, site, shots, outDir, widths = [1280, 390]) {
  fs.mkdirSync(outDir, { recursive: true });
  const written = [];
  const problems = [];
  for (const width of widths) {
    const ctx = await newContext(browser, server.origin, () => {}, { viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    for (const s of shots) {
      if (!s.file) { problems.push(problem('(site)', `no page to screenshot for "${s.name}"`)); continue; }
      await page.goto(server.origin + site.urlOf(s.file), { waitUntil: 'load' });
      const out = path.join(outDir, `${s.name}-${width}.png`);
      await page.screenshot({ path: out, fullPage: true });
      written.push(out);
      // A page wider than the viewport scrolls sideways: a layout bug (WCAG 1.4.10 reflow at 320px).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 1) problems.push(problem(s.file, `at ${width}px the page is ${overflow}px wider than the window (horizontal scrolling)`));
    }
    await ctx.close();
  }
  return { written, problems };
}
