// The site from a folder or a zip (svdk build --relative, SPEC §5.6), in Chromium from file://:
// the navigation leads to every page type, every page of each type loads with its stylesheets,
// scripts and images; the header search box and the search page find things and their results
// open; the practice filters and the werkpleinen table filter work; axe finds nothing, in the
// light and the dark colour scheme. Any failed request (a missing file) or console error fails.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { problem } from './site.js';
import { samplePages } from './pagetypes.js';
import { AXE_TAGS } from './browser.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** A context where every request must be a file of the site; problems go to `sink(msg)`. */
async function fileContext(browser, root, sink, opts) {
  const ctx = await browser.newContext({ serviceWorkers: 'block', ...opts });
  await ctx.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(root) || /^(data|blob|about):/.test(u)) return route.continue();
    sink(`request outside the site folder: ${u}`);
    return route.abort('blockedbyclient');
  });
  ctx.on('console', (msg) => {
    if (msg.type() === 'error') sink(`console error: ${msg.text()}`);
  });
  ctx.on('weberror', (e) => sink(`uncaught exception: ${e.error().message}`));
  ctx.on('requestfailed', (r) => {
    const f = r.failure();
    // blocked: reported above; aborted: a request cut short by the next navigation, not missing
    if (f && /ERR_BLOCKED_BY_CLIENT|ERR_ABORTED/.test(f.errorText)) return;
    sink(`request failed (${f ? f.errorText : 'unknown'}): ${r.url()}`);
  });
  return ctx;
}

async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    // preload off: axe would fetch the stylesheets, which a page may not do from file://
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], preload: false });
    return r.violations.map((v) => `axe ${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} element(s), e.g. ${v.nodes[0] ? v.nodes[0].target.join(' ') : ''}`);
  }, AXE_TAGS);
}

/** What a loaded page must have from disk: its stylesheets applied, images and scripts loaded. */
async function pageHealth(page) {
  return page.evaluate(() => {
    const out = [];
    const sheets = [...document.querySelectorAll('link[rel=stylesheet]')];
    if (!sheets.length) out.push('no stylesheet');
    for (const l of sheets) if (!l.sheet) out.push(`stylesheet not loaded: ${l.getAttribute('href')}`);
    if (getComputedStyle(document.body).display !== 'flex') out.push('the theme\'s stylesheet is not applied');
    for (const img of document.images) {
      if (!img.complete || img.naturalWidth === 0) out.push(`image not loaded: ${img.getAttribute('src')}`);
    }
    for (const a of document.querySelectorAll('a[href]')) {
      const h = a.getAttribute('href');
      if (/^\//.test(h) && !/^\/\//.test(h)) { out.push(`absolute link ${h}`); break; }
    }
    return out;
  });
}

/**
 * Runs the checks on the --relative build in `site.dir`. Returns { problems, stats }.
 */
export async function checkOffline(browser, site) {
  const problems = [];
  const stats = { pages: 0, steps: 0, axe: 0, ms: {} };
  let t = Date.now();
  const lap = (name) => { stats.ms[name] = Date.now() - t; t = Date.now(); };
  const root = pathToFileURL(path.resolve(site.dir)).href + '/';
  const fileUrl = (rel) => root + rel;
  let where = 'index.html';
  const fail = (msg, file = where) => problems.push(problem(file, msg));
  const ctx = await fileContext(browser, root, (m) => fail(m), { viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const at = () => decodeURIComponent(page.url().slice(root.length).replace(/[?#].*$/, ''));
  const step = async (name, fn) => {
    stats.steps += 1;
    try {
      await fn();
    } catch (e) {
      fail(`${name}: ${e.message.split('\n')[0]}`);
    }
  };
  try {
    // 1. The main navigation, followed by clicking from the home page: every item opens its page.
    await step('navigation', async () => {
      await page.goto(fileUrl('index.html'), { waitUntil: 'load' });
      const items = await page.$$eval('.hoofdmenu a', (as) => as.map((a) => a.textContent.trim()));
      if (items.length < 5) fail(`only ${items.length} items in the main navigation`);
      for (const name of items) {
        await page.goto(fileUrl('index.html'), { waitUntil: 'load' });
        await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(`.hoofdmenu a:text-is("${name}")`)]);
        where = at();
        if (!site.fileSet.has(where)) fail(`"${name}" in the navigation opened ${page.url()}, not a page of the site`, 'index.html');
        for (const h of await pageHealth(page)) fail(h);
        stats.pages += 1;
      }
    });

    lap('navigation');
    // 2. A page of each type, and from it the first link in its main content: both load whole.
    for (const file of samplePages(site)) {
      where = file;
      await step(`page ${file}`, async () => {
        await page.goto(fileUrl(file), { waitUntil: 'load' });
        for (const h of await pageHealth(page)) fail(h);
        stats.pages += 1;
        // A text link to a page of the site: not a dot of a map (an SVG link), and not an e-mail
        // edition (nieuwsbrief.html is e-mail HTML with inline styles, not a page of the theme).
        const link = (await page.evaluateHandle(() => [...document.querySelectorAll('main a[href*=".html"]:not([download])')]
          .find((a) => !a.closest('svg') && !/nieuwsbrief\.html/.test(a.getAttribute('href'))
            && a.getClientRects().length > 0) || null)).asElement();
        if (link) {
          const href = await link.getAttribute('href');
          await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
          where = at();
          if (!site.fileSet.has(where)) fail(`the link "${href}" on ${file} opened ${page.url()}`, file);
          else for (const h of await pageHealth(page)) fail(h);
          stats.pages += 1;
        }
      });
    }

    lap('pages');
    // 3. The header search box: results as you type, Enter to the search page, a result opens.
    where = 'index.html';
    await step('header search box', async () => {
      await page.goto(fileUrl('index.html'), { waitUntil: 'load' });
      await page.fill('#zoekvak-veld', 'jongeren');
      await page.waitForSelector('#zoekvak-paneel:not([hidden]) a', { timeout: 10000 });
      const hrefs = await page.$$eval('#zoekvak-paneel a', (as) => as.map((a) => a.getAttribute('href')));
      if (hrefs.length < 2) fail(`the header box shows ${hrefs.length} links for "jongeren"`);
      for (const h of hrefs) if (!/index\.html(\?|#|$)/.test(h)) fail(`a result in the header box links to "${h}", not to an index.html`);
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.press('#zoekvak-veld', 'Enter')]);
      where = at();
      if (where !== 'zoeken/index.html') fail(`Enter in the header box opened ${page.url()}`, 'index.html');
    });
    where = 'zoeken/index.html';
    await step('search page', async () => {
      await page.goto(`${fileUrl('zoeken/index.html')}?q=clientenraad`, { waitUntil: 'load' });
      await page.waitForSelector('#zoekresultaten:not([hidden]) li a[href$="index.html"]', { timeout: 10000 });
      const status = await page.textContent('#zoekstatus');
      if (!/resultat/.test(status)) fail(`the search page says "${status}" for "clientenraad"`);
      const marked = await page.$$eval('#zoekresultaten mark', (ms) => ms.map((m) => m.textContent));
      if (!marked.some((t) => /^cliëntenraad/i.test(t))) fail(`"clientenraad" does not find "cliëntenraad" (marked: ${marked.slice(0, 5).join(' | ')})`);
      await page.fill('#zoekveld', 'werkgevers');
      await page.press('#zoekveld', 'Enter');
      await page.waitForFunction(() => /werkgevers/.test(document.getElementById('zoekstatus').textContent), null, { timeout: 10000 });
      if (!/q=werkgevers/.test(page.url())) fail(`the query is not in the URL: ${page.url()}`);
      // A locator, not an element handle: the list may be drawn again (snippets arriving) between
      // finding the first result and clicking it, and a locator finds it again.
      const first = page.locator('#zoekresultaten li a').first();
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), first.click()]);
      where = at();
      if (!site.fileSet.has(where)) fail(`the first result opened ${page.url()}`, 'zoeken/index.html');
      else for (const h of await pageHealth(page)) fail(h);
      stats.pages += 1;
    });

    lap('search');
    // 4. The practice filters and the werkpleinen table's regio filter.
    where = 'praktijkvoorbeelden/index.html';
    await step('practice filter', async () => {
      await page.goto(fileUrl(where), { waitUntil: 'load' });
      if (!(await page.isVisible('#pv-filter'))) throw new Error('the filter form is not shown');
      // The filters read praktijkvoorbeelden/filter.js (a script, so it loads from file://).
      const all = Number((await page.textContent('#pv--alle .aantal')).replace(/\D/g, ''));
      const option = await page.$eval('#pv-filter select[name=thema]', (s) => s.options[1] && { v: s.options[1].value, n: Number((s.options[1].textContent.match(/\((\d+)\)$/) || [0, 0])[1]) });
      await page.selectOption('#pv-filter select[name=thema]', option.v);
      const shownNow = () => page.waitForSelector('#pv-gefilterd .items > li', { timeout: 5000 }).then(() => page.$$eval('#pv-gefilterd .items > li', (l) => l.length)).catch(() => 0);
      const shown = await shownNow();
      if (!(shown > 0 && shown < all) || shown !== Math.min(option.n, 50)) fail(`thema "${option.v}" shows ${shown} of ${all} practices, its option says ${option.n}`);
      if (!page.url().includes(`thema=${option.v}`)) fail(`the filter is not in the URL: ${page.url()}`);
      const first = await page.$eval('#pv-gefilterd .items > li a', (a) => a.href);
      if (!/^file:.*\/index\.html$/.test(first)) fail(`a filtered practice links to ${first}, not to a file's index.html`);
      await page.reload({ waitUntil: 'load' });
      const again = await shownNow();
      if (again !== shown) fail(`after a reload the filter shows ${again}, not ${shown}`);
    });
    where = 'werkpleinen/index.html';
    if (site.fileSet.has(where)) await step('werkpleinen filter', async () => {
      await page.goto(fileUrl(where), { waitUntil: 'load' });
      const value = await page.$eval('#filter-regio', (s) => s.options[1] && s.options[1].value);
      await page.selectOption('#filter-regio', value);
      const rows = await page.$$eval('#werkpleinen-tabel tbody tr:not([hidden])', (r) => r.map((x) => x.getAttribute('data-regio')));
      if (!rows.length || rows.some((r) => r !== value)) fail(`regio "${value}" shows rows of ${[...new Set(rows)].join(', ')}`);
    });
  } finally {
    await ctx.close();
  }
  lap('filters');

  // 5. axe from file://, in both colour schemes, on a page of each type and the search page with
  // results.
  for (const colorScheme of ['light', 'dark']) {
    const c = await fileContext(browser, root, (m) => fail(`${colorScheme}: ${m}`), { viewport: { width: 1280, height: 900 }, colorScheme });
    const p = await c.newPage();
    try {
      for (const file of [...samplePages(site), 'zoeken/index.html?q=jongeren']) {
        where = file.replace(/\?.*$/, '');
        await p.goto(fileUrl(file), { waitUntil: 'load' });
        if (file.includes('?q=')) await p.waitForSelector('#zoekresultaten li a', { timeout: 10000 }).catch(() => fail('no results'));
        for (const v of await axeViolations(p)) fail(`${colorScheme} scheme: ${v}`);
        stats.axe += 1;
      }
      lap(`axe ${colorScheme}`);
    } finally {
      await c.close();
    }
  }
  return { problems, stats };
}
