// Finding things (issue 5) in Chromium: the search page and the header search box (js/zoeken.js)
// and the praktijkvoorbeelden filters (js/praktijkfilter.js), on the sample site as svdk builds
// it, served under / or under /sub/.
//
// What must hold (each failure is a problem naming the page):
// - the index is fetched only when needed: not on a page load, but at the first keystroke in the
//   header box; on the search page at once;
// - queries with and without diacritics find the expected pages (clientenraad = cliëntenraad,
//   "jongeren wijk" first finds the Breda practice, creeren finds creëren), results show their
//   type and highlight the words; ?q= runs the query, typing and Enter keep it in the URL and the
//   back button brings the previous query back;
// - the type filter narrows the results, is kept in the URL and survives a reload;
// - keyboard only: Tab reaches the field, typing and Enter search, arrow keys change the type,
//   Tab reaches the results, "Meer resultaten" moves focus to the next result; in the header box
//   arrow down chooses a result and Enter opens it; every focused element shows its focus;
// - the practice filters (thema, werkplein, regio) combine, are kept in the URL, survive a reload
//   and the back button, and can be cleared;
// - without JavaScript the search page says so and links to the indexes, and the filter form
//   stays hidden;
// - axe finds no WCAG 2.1 A/AA violation in the states JavaScript creates (results shown, the
//   header panel open, filters applied); 0 console errors and 0 failed requests throughout.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { problem } from './site.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Expected results on the sample site: [query, pages that must be found, page that must be first]. */
export const QUERIES = [
  ['clientenraad', ['praktijkvoorbeelden/hoogeveen-klantenpanel/', 'themas/clientenparticipatie/', 'journaal/clientenparticipatie-op-de-agenda/'], null],
  ['cliëntenraad', ['praktijkvoorbeelden/hoogeveen-klantenpanel/', 'themas/clientenparticipatie/'], null],
  ['jongeren wijk', ['praktijkvoorbeelden/breda-jongeren-in-de-wijk/', 'themas/wijkaanpak/'], 'praktijkvoorbeelden/breda-jongeren-in-de-wijk/'],
  ['Jongeren in de wij', ['praktijkvoorbeelden/breda-jongeren-in-de-wijk/'], 'praktijkvoorbeelden/breda-jongeren-in-de-wijk/'],
  ['creeren', ['kaderdocument/prestatie-indicatoren/'], null],
  ['Werkplein Breda', ['werkpleinen/breda/'], 'werkpleinen/breda/'],
];

/** A context that may only talk to `origin`, reporting console errors and failed requests. */
async function watched(browser, origin, sink, opts = {}) {
  const ctx = await browser.newContext({ serviceWorkers: 'block', ...opts });
  await ctx.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(`${origin}/`) || /^(data|blob|about):/.test(u)) return route.continue();
    sink(`request to another host: ${u}`);
    return route.abort('blockedbyclient');
  });
  ctx.on('console', (msg) => {
    if (msg.type() === 'error' && !/^Failed to load resource/.test(msg.text())) sink(`console error: ${msg.text()}`);
  });
  ctx.on('weberror', (e) => sink(`uncaught exception: ${e.error().message}`));
  ctx.on('response', (r) => {
    if (r.status() >= 400) sink(`HTTP ${r.status()} for ${r.url()}`);
  });
  ctx.on('requestfailed', (r) => {
    const f = r.failure();
    if (f && /ERR_BLOCKED_BY_CLIENT|ERR_ABORTED/.test(f.errorText)) return;
    sink(`request failed (${f ? f.errorText : '?'}): ${r.url()}`);
  });
  return ctx;
}

/** Waits until the search page's status speaks about `q` (or any text when q is null). */
async function waitStatus(page, q) {
  await page.waitForFunction((want) => {
    const s = document.getElementById('zoekstatus');
    const t = s ? s.textContent : '';
    return want === null ? t !== '' : t.includes(`\u2018${want.trim()}\u2019`);
  }, q, { timeout: 10000 });
}

/** The search page's state: result URLs (relative to the site), status, marks, types. */
function pageState(prefix) {
  return (pre) => {
    const items = [...document.querySelectorAll('#zoekresultaten > li')];
    return {
      status: document.getElementById('zoekstatus').textContent,
      input: document.getElementById('zoekveld').value,
      type: (document.querySelector('input[name=type]:checked') || {}).value || '',
      urls: items.map((li) => {
        const href = li.querySelector('a').getAttribute('href');
        return href.startsWith(pre) ? href.slice(pre.length) : `OUTSIDE ${href}`;
      }),
      kinds: items.map((li) => [...li.classList].find((c) => c.startsWith('zoekresultaat--')) || ''),
      labels: items.map((li) => (li.querySelector('.zoekresultaat__soort') || {}).textContent || ''),
      marks: document.querySelectorAll('#zoekresultaten mark').length,
      listHidden: document.getElementById('zoekresultaten').hidden,
    };
  };
}

/** Focus description: what has focus and whether it shows a focus indicator of at least 2px. */
function focused() {
  const el = document.activeElement;
  if (!el || el === document.body) return { none: true };
  const cs = getComputedStyle(el);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
  const shadow = cs.boxShadow && cs.boxShadow !== 'none';
  return {
    id: el.id,
    tag: el.tagName.toLowerCase(),
    type: el.type || '',
    value: el.value || '',
    href: el.getAttribute('href'),
    text: (el.textContent || '').trim().slice(0, 50),
    inResults: !!el.closest('#zoekresultaten'),
    inPanel: !!el.closest('#zoekvak-paneel'),
    indicator: outline || !!shadow,
  };
}

async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => `axe ${v.id} (${v.impact}): ${v.help}; e.g. ${v.nodes[0] ? v.nodes[0].target.join(' ') : ''}`);
  }, AXE_TAGS);
}

/**
 * Runs every search and filter scenario on `site` served by `server`. Returns
 * { problems, stats: { queries, steps, rankMs: [..] } }.
 */
export async function checkFinding(browser, server, site) {
  const problems = [];
  const stats = { queries: 0, steps: 0, rankMs: [], axeStates: 0 };
  for (const f of ['zoeken/index.html', 'zoeken/index.json', 'js/zoeken/start.js', 'praktijkvoorbeelden/index.html']) {
    if (!site.fileSet.has(f)) problems.push(problem(f, 'missing: the site has no search (or no practices to filter)'));
  }
  if (problems.length) return { problems, stats };
  const pre = site.prefix;
  let where = 'zoeken/index.html';
  const fail = (msg, file = where) => problems.push(problem(file, msg));
  const ctx = await watched(browser, server.origin, (msg) => fail(msg), { viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const url = (rel) => server.origin + pre + rel;
  const step = async (name, fn) => {
    stats.steps += 1;
    try {
      await fn();
    } catch (e) {
      fail(`${name}: ${String(e.message || e).split('\n')[0]}`);
    }
  };
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const indexRequests = () => requests.filter((u) => u.includes(`${pre}zoeken/index`) || u.includes(`${pre}zoeken/tekst/`));
  const axeState = async (name) => {
    stats.axeStates += 1;
    for (const v of await axeViolations(page)) fail(`${name}: ${v}`);
  };

  // 1. The header box: nothing is fetched on page load; the first keystroke loads the index;
  // keyboard only from the top of the page: Tab to the field, type, arrow down, Enter.
  await step('header search box', async () => {
    where = 'index.html';
    await page.goto(url(''), { waitUntil: 'load' });
    await page.waitForTimeout(200);
    if (indexRequests().length) fail(`the search index was fetched on a page load: ${indexRequests()[0]}`);
    let f = null;
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('Tab');
      f = await page.evaluate(focused);
      if (f.id === 'zoekvak-veld') break;
    }
    if (!f || f.id !== 'zoekvak-veld') throw new Error('Tab from the top of the page never reaches the header search field');
    if (!f.indicator) fail('the header search field shows no focus indicator');
    await page.keyboard.type('clientenraad', { delay: 20 });
    await page.waitForSelector('#zoekvak-paneel:not([hidden]) a', { timeout: 10000 });
    if (!indexRequests().length) fail('typing in the header box did not load the search index');
    const status = await page.textContent('#zoekvak-status');
    if (!/resultat/.test(status)) fail(`the header box's status does not announce the results: "${status}"`);
    await axeState('header box with results open');
    await page.keyboard.press('ArrowDown');
    f = await page.evaluate(focused);
    if (!f.inPanel || f.tag !== 'a') throw new Error(`arrow down from the field focuses ${f.tag}#${f.id}, not the first result`);
    if (!f.indicator) fail(`the focused result "${f.text}" in the header box shows no focus indicator`);
    const target = f.href;
    if (!target || !target.startsWith(pre)) fail(`a header box result links to ${target}, outside ${pre}`);
    await Promise.all([page.waitForURL((u) => u.pathname === target, { timeout: 10000 }), page.keyboard.press('Enter')]);
    // Escape closes the panel
    await page.goto(url(''), { waitUntil: 'load' });
    await page.focus('#zoekvak-veld');
    await page.keyboard.type('wijk', { delay: 20 });
    await page.waitForSelector('#zoekvak-paneel:not([hidden]) a', { timeout: 10000 });
    await page.keyboard.press('Escape');
    if (!(await page.$eval('#zoekvak-paneel', (p) => p.hidden))) fail('Escape does not close the header box results');
    // Enter submits to the search page with ?q=
    await Promise.all([page.waitForURL((u) => u.pathname === `${pre}zoeken/`, { timeout: 10000 }), page.keyboard.press('Enter')]);
    where = 'zoeken/index.html';
    await waitStatus(page, 'wijk');
  });

  // 2. Queries with and without diacritics, through ?q=.
  const found = {};
  for (const [q, expect, first] of QUERIES) {
    await step(`query "${q}"`, async () => {
      where = 'zoeken/index.html';
      stats.queries += 1;
      await page.goto(url(`zoeken/?q=${encodeURIComponent(q)}`), { waitUntil: 'load' });
      await waitStatus(page, q);
      const s = await page.evaluate(pageState(pre), pre);
      found[q] = s;
      const ms = await page.$eval('form.zoekformulier', (f) => f.getAttribute('data-zoek-ms'));
      if (ms !== null) stats.rankMs.push(parseFloat(ms));
      if (s.input !== q) fail(`?q=${q} does not fill the field (it holds "${s.input}")`);
      if (!s.urls.length) throw new Error(`"${q}" finds nothing (status: ${s.status})`);
      for (const u of s.urls) if (u.startsWith('OUTSIDE')) fail(`a result of "${q}" links outside ${pre}: ${u}`);
      for (const e of expect) {
        if (!site.fileSet.has(`${e}index.html`)) fail(`expected page ${e} is not in the site`);
        else if (!s.urls.includes(e)) fail(`"${q}" does not find ${e}; found ${s.urls.slice(0, 8).join(', ')}`);
      }
      if (first && s.urls[0] !== first) fail(`"${q}" ranks ${s.urls[0]} first, expected ${first}`);
      if (!s.marks) fail(`the results of "${q}" highlight no words`);
      if (s.labels.some((l) => !l)) fail(`a result of "${q}" does not show its type`);
    });
  }
  await step('diacritics make no difference', async () => {
    const a = found.clientenraad;
    const b = found['cliëntenraad'];
    if (a && b && a.urls.join() !== b.urls.join()) fail(`"clientenraad" and "cliëntenraad" find different pages: ${a.urls.length} and ${b.urls.length}`);
  });
  await step('a snippet from deep in the text (the compressed text store)', async () => {
    await page.goto(url('zoeken/?q=leerplichtambtenaar'), { waitUntil: 'load' });
    await waitStatus(page, 'leerplichtambtenaar');
    const frag = await page.$$eval('#zoekresultaten li', (lis) => lis
      .filter((li) => /almere-jongerenloket/.test(li.querySelector('a').getAttribute('href')))
      .map((li) => [...li.querySelectorAll('.zoekresultaat__fragment mark')].map((m) => m.textContent)));
    if (frag.length !== 1) fail(`"leerplichtambtenaar" does not find the practice of Almere (${frag.length})`);
    else if (!frag[0].some((t) => /^leerplichtambtenaar/i.test(t))) fail(`the result of Almere shows no snippet with the word from its text (marked: ${frag[0].join(' | ')})`);
  });
  await step('axe with results', async () => {
    await page.goto(url('zoeken/?q=werk'), { waitUntil: 'load' });
    await waitStatus(page, 'werk');
    await axeState('search page with results');
  });

  // 3. The type filter, in the URL, through a reload.
  await step('type filter', async () => {
    await page.goto(url('zoeken/?q=werk'), { waitUntil: 'load' });
    await waitStatus(page, 'werk');
    const before = await page.evaluate(pageState(pre), pre);
    const count = await page.$eval('[data-aantal="praktijkvoorbeeld"]', (s) => s.textContent);
    await page.check('input[name=type][value=praktijkvoorbeeld]');
    await page.waitForFunction(() => /praktijkvoorbeelden/i.test(document.getElementById('zoekstatus').textContent));
    const after = await page.evaluate(pageState(pre), pre);
    if (!after.kinds.length || after.kinds.some((k) => k !== 'zoekresultaat--praktijkvoorbeeld')) fail(`with the type filter "praktijkvoorbeeld" other results show: ${[...new Set(after.kinds)].join(', ')}`);
    if (after.urls.length >= before.urls.length && before.urls.length < 20) fail('the type filter did not narrow the results');
    const n = parseInt(count.replace(/\D/g, ''), 10);
    if (!(n > 0) || after.urls.length !== Math.min(n, 20)) fail(`the type filter counts ${count} practices but ${after.urls.length} results show`);
    if (!page.url().includes('type=praktijkvoorbeeld')) fail(`the type filter is not in the URL: ${page.url()}`);
    await page.reload({ waitUntil: 'load' });
    await waitStatus(page, 'werk');
    const reloaded = await page.evaluate(pageState(pre), pre);
    if (reloaded.type !== 'praktijkvoorbeeld' || reloaded.urls.join() !== after.urls.join()) fail('the type filter does not survive a reload');
  });

  // 3b. Issue 14: the filter "Vraag en antwoord" shows the KIOSK's questions only.
  await step('questions filter', async () => {
    await page.goto(url('zoeken/?q=systemen&type=vraag'), { waitUntil: 'load' });
    await waitStatus(page, 'systemen');
    const s = await page.evaluate(pageState(pre), pre);
    if (s.type !== 'vraag') fail(`?type=vraag did not select the filter "Vraag en antwoord" (${s.type})`);
    if (!s.kinds.length || s.kinds.some((k) => k !== 'zoekresultaat--vraag')) fail(`with the filter "Vraag en antwoord" other results show: ${[...new Set(s.kinds)].join(', ') || 'none'}`);
    if (!s.urls.some((u) => u.includes('journaal/vraag-autorisaties-systemen/'))) fail(`"systemen" in the questions does not find the question of Zaltbommel: ${s.urls.join(', ')}`);
  });

  // 4. Back and forward between queries.
  await step('back button', async () => {
    await page.goto(url('zoeken/'), { waitUntil: 'load' });
    await page.fill('#zoekveld', 'wijk');
    await page.press('#zoekveld', 'Enter');
    await waitStatus(page, 'wijk');
    await page.fill('#zoekveld', 'jongeren');
    await page.press('#zoekveld', 'Enter');
    await waitStatus(page, 'jongeren');
    if (!page.url().includes('q=jongeren')) fail(`the query is not in the URL: ${page.url()}`);
    await page.goBack();
    await waitStatus(page, 'wijk');
    const s = await page.evaluate(pageState(pre), pre);
    if (s.input !== 'wijk') fail(`after Back the field holds "${s.input}", not "wijk"`);
    await page.goForward();
    await waitStatus(page, 'jongeren');
  });

  // 5. The search page with the keyboard only.
  await step('keyboard on the search page', async () => {
    await page.goto(url('zoeken/'), { waitUntil: 'load' });
    let f = null;
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press('Tab');
      f = await page.evaluate(focused);
      if (f.id === 'zoekveld') break;
    }
    if (!f || f.id !== 'zoekveld') throw new Error('Tab never reaches the search field');
    if (!f.indicator) fail('the search field shows no focus indicator');
    await page.keyboard.type('werk', { delay: 20 });
    await page.keyboard.press('Enter');
    await waitStatus(page, 'werk');
    await page.keyboard.press('Tab'); // the button
    await page.keyboard.press('Tab'); // the type filter
    f = await page.evaluate(focused);
    if (f.type !== 'radio') throw new Error(`Tab after the button focuses ${f.tag}${f.id ? `#${f.id}` : ''}, not the type filter`);
    if (!f.indicator) fail('the type filter shows no focus indicator');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => / van de /.test(document.getElementById('zoekstatus').textContent));
    const typed = await page.evaluate(pageState(pre), pre);
    if (!typed.type) fail('the arrow key did not choose another type');
    let inResults = false;
    for (let i = 0; i < 10 && !inResults; i += 1) {
      await page.keyboard.press('Tab');
      f = await page.evaluate(focused);
      inResults = f.inResults;
    }
    if (!inResults) throw new Error('Tab never reaches the results');
    if (!f.indicator) fail(`the focused result "${f.text}" shows no focus indicator`);
    // "Meer resultaten": all types, a query with more than one page of results
    await page.goto(url('zoeken/?q=werk'), { waitUntil: 'load' });
    await waitStatus(page, 'werk');
    const more = await page.$('#zoeken-meer');
    if (!more || !(await more.isVisible())) throw new Error('"werk" has no "Meer resultaten" button');
    const n = (await page.evaluate(pageState(pre), pre)).urls.length;
    await page.focus('#zoeken-meer');
    await page.keyboard.press('Enter');
    await page.waitForFunction((k) => document.querySelectorAll('#zoekresultaten > li').length > k, n);
    f = await page.evaluate(focused);
    const idx = await page.evaluate(() => [...document.querySelectorAll('#zoekresultaten > li')].findIndex((li) => li.contains(document.activeElement)));
    if (idx !== n) fail(`after "Meer resultaten" focus is on result ${idx + 1}, not on the first new one (${n + 1})`);
  });

  // 6. The practice lists are paginated (issue 16) and the filters work across all pages:
  // what they show is compared with the server-rendered lists per thema, werkplein and regio.
  await step('practice filters', async () => {
    where = 'praktijkvoorbeelden/index.html';
    // Every practice of a paginated list, following rel=next (absolute URLs).
    const listed = async (rel) => {
      const out = [];
      let next = url(rel);
      for (let guard = 0; next && guard < 500; guard += 1) {
        await page.goto(next, { waitUntil: 'load' });
        out.push(...await page.$$eval('#pv-lijst .items > li .item__titel a, main > .items > li .item__titel a', (as) => as.map((a) => a.href)));
        next = await page.$eval('link[rel=next]', (l) => l.href).catch(() => null);
      }
      return out;
    };
    const all = await listed('praktijkvoorbeelden/');
    await page.goto(url('praktijkvoorbeelden/'), { waitUntil: 'load' });
    const total = Number((await page.textContent('#pv--alle .aantal')).replace(/\D/g, ''));
    if (all.length !== total || new Set(all).size !== total) fail(`the pages of the list show ${all.length} practices (${new Set(all).size} different), the heading says ${total}`);
    if (await page.$('#pv-lijst .paginering [aria-current=page]')) {
      const second = await page.$eval('link[rel=next]', (l) => l.href).catch(() => null);
      if (!second) fail('page 1 of a list over several pages has no <link rel=next>');
      else {
        await page.goto(second, { waitUntil: 'load' });
        const prev = await page.$eval('link[rel=prev]', (l) => l.href).catch(() => null);
        if (prev !== url('praktijkvoorbeelden/') && prev !== new URL(url('praktijkvoorbeelden/'), page.url()).href) fail(`page 2 has rel=prev ${prev}, not page 1`);
        if (!(await page.$('a[rel=prev]')) || (await page.textContent('.paginering [aria-current=page]')).replace(/\D/g, '') !== '2') fail('page 2 does not link back or does not mark itself as the current page');
        await page.goto(url('praktijkvoorbeelden/'), { waitUntil: 'load' });
      }
    }
    if (!(await page.isVisible('#pv-filter'))) throw new Error('the filter form is not shown');
    const options = (name) => page.$$eval(`#pv-filter-${name} option`, (os) => os.map((o) => ({ v: o.value, n: Number((o.textContent.match(/\((\d+)\)$/) || [0, 0])[1]) })).filter((o) => o.v));
    const themas = await options('thema');
    const regios = await options('regio');
    const werkpleinen = await options('werkplein');
    const visible = () => page.$$eval('#pv-gefilterd .items > li .item__titel a', (as) => as.filter((a) => a.offsetParent !== null).map((a) => a.href));
    const sorted = (l) => [...l].sort().join();
    // the thema with most practices, then a regio among them
    const thema = [...themas].sort((a, b) => b.n - a.n)[0].v;
    const inThema = await listed(`praktijkvoorbeelden/thema/${thema}/`);
    let regio = null;
    let inBoth = [];
    for (const r of regios) {
      await page.goto(url(`regios/${r.v}/`), { waitUntil: 'load' });
      const lists = await page.$$eval('#regio--praktijkvoorbeelden ~ .filterlijst a, #regio--praktijkvoorbeelden ~ ul.filterlijst a', (as) => as.map((a) => a.href));
      let inRegio = await page.$$eval('#regio--praktijkvoorbeelden ~ .items .item__titel a', (as) => as.map((a) => a.href));
      if (lists.length) {
        inRegio = [];
        for (const l of lists) inRegio.push(...await listed(new URL(l).pathname.slice(pre.length)));
      }
      const both = inThema.filter((u) => inRegio.includes(u));
      if (both.length) { regio = r.v; inBoth = both; break; }
    }
    await page.goto(url('praktijkvoorbeelden/'), { waitUntil: 'load' });
    await page.selectOption('#pv-filter-thema', thema);
    await page.waitForSelector('#pv-gefilterd .items > li', { timeout: 5000 }).catch(() => {});
    let v = await visible();
    if (sorted(v) !== sorted(inThema)) fail(`thema "${thema}" shows ${v.length} practices, its list ${inThema.length}`);
    if (v.join() !== all.filter((u) => inThema.includes(u)).join()) fail(`thema "${thema}": the filtered practices are not newest first as on the list`);
    if (await page.isVisible('#pv-lijst')) fail('with a filter the unfiltered page of the list still shows');
    if (!page.url().includes(`thema=${thema}`)) fail(`the thema filter is not in the URL: ${page.url()}`);
    if (regio) {
      await page.selectOption('#pv-filter-regio', regio);
      v = await visible();
      if (sorted(v) !== sorted(inBoth)) fail(`thema "${thema}" and regio "${regio}" show ${v.length} practices, expected ${inBoth.length}`);
      const status = await page.textContent('#pv-filter-status');
      if (!status.includes(String(inBoth.length)) || !status.includes(String(total))) fail(`the filter status "${status}" does not give the count ${inBoth.length} of ${total}`);
      await axeState('practice list with filters');
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('#pv-gefilterd .items > li', { timeout: 5000 }).catch(() => {});
      const kept = await page.evaluate(() => [document.getElementById('pv-filter-thema').value, document.getElementById('pv-filter-regio').value]);
      if (kept[0] !== thema || kept[1] !== regio) fail(`after a reload the filters are ${kept.join(' + ') || 'empty'}, not ${thema} + ${regio}`);
      if (sorted(await visible()) !== sorted(inBoth)) fail('after a reload the list is not filtered the same way');
      await page.goBack();
      await page.waitForFunction(() => !document.getElementById('pv-filter-regio').value);
      if (sorted(await visible()) !== sorted(inThema)) fail('Back does not return to the thema filter alone');
    } else fail(`no regio has practices of thema "${thema}"`);
    // a werkplein that has practices, alone
    const wp = werkpleinen[0].v;
    const ofWp = await listed(`praktijkvoorbeelden/werkplein/${wp}/`);
    await page.goto(url(`praktijkvoorbeelden/?werkplein=${wp}`), { waitUntil: 'load' });
    await page.waitForSelector('#pv-gefilterd .items > li', { timeout: 5000 }).catch(() => {});
    if (sorted(await visible()) !== sorted(ofWp)) fail(`werkplein "${wp}" does not show its practices`);
    // a combination without practices: the empty message and a button that clears
    let other = null;
    for (const t of themas) {
      if (!(await listed(`praktijkvoorbeelden/thema/${t.v}/`)).some((u) => ofWp.includes(u))) { other = t.v; break; }
    }
    await page.goto(url(`praktijkvoorbeelden/?werkplein=${wp}`), { waitUntil: 'load' });
    await page.waitForSelector('#pv-gefilterd .items > li', { timeout: 5000 }).catch(() => {});
    if (other) {
      await page.selectOption('#pv-filter-thema', other);
      await page.waitForSelector('#pv-filter-leeg', { state: 'visible', timeout: 5000 }).catch(() => {});
      if (!(await page.isVisible('#pv-filter-leeg'))) fail('a combination without practices does not say so');
      await page.click('#pv-filter-wis-2');
    } else {
      await page.click('#pv-filter-wis');
    }
    if (!(await page.isVisible('#pv-lijst')) || (await visible()).length) fail('"Wis filters" does not show the unfiltered list again');
    if (new URL(page.url()).search) fail(`after clearing, the URL still has filters: ${page.url()}`);
    // unknown values in the URL are ignored
    await page.goto(url('praktijkvoorbeelden/?thema=bestaat-niet'), { waitUntil: 'load' });
    if (!(await page.isVisible('#pv-lijst'))) fail('an unknown thema in the URL hides the list');
  });
  await ctx.close();

  // 7. Without JavaScript.
  await step('without JavaScript', async () => {
    where = 'zoeken/index.html';
    const noJs = await watched(browser, server.origin, (msg) => fail(msg), { javaScriptEnabled: false });
    try {
      const p = await noJs.newPage();
      await p.goto(url('zoeken/?q=werk'), { waitUntil: 'load' });
      if (!(await p.isVisible('[data-zonder-js]'))) fail('without JavaScript the search page does not say so');
      const links = await p.$$eval('[data-zonder-js] a', (as) => as.map((a) => a.getAttribute('href')));
      for (const rel of ['praktijkvoorbeelden/', 'werkpleinen/']) {
        if (!links.includes(pre + rel)) fail(`without JavaScript the search page does not link to ${pre}${rel}`);
      }
      await p.goto(url('praktijkvoorbeelden/'), { waitUntil: 'load' });
      if (await p.isVisible('#pv-filter')) fail('without JavaScript the filter form is shown', 'praktijkvoorbeelden/index.html');
      if ((await p.$$('.filters a')).length < 2) fail('without JavaScript there are no lists per thema and werkplein', 'praktijkvoorbeelden/index.html');
    } finally {
      await noJs.close();
    }
  });
  return { problems, stats };
}

/**
 * The checker's own test: on a copy of the built site with the search and the filters broken on
 * purpose, checkFinding must report each breakage. Returns { assertions, failures }.
 */
export async function selfTestFinding(browser, site) {
  const os = await import('node:os');
  const path = await import('node:path');
  const { Site } = await import('./site.js');
  const { serve } = await import('./server.js');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'svdk-search-selftest-'));
  const failures = [];
  const breakages = [
    // [file, what is replaced, by what, the problem that must be reported]
    ['js/zoeken/vouwen.js', 'if (own !== null) return own;', 'if (own !== null) return c;', /"cliëntenraad" finds nothing/],
    ['js/zoeken/start.js', 'function start() {', 'function start() { indexFor(document.querySelector("form[data-zoek-index]")).load();', /the search index was fetched on a page load/],
    ['js/praktijkfilter.js', 'if (want.regio && !(w && w[2] === want.regio)) return false;', '', /thema ".*" and regio ".*" show \d+ practices, expected \d+/],
  ];
  try {
    fs.cpSync(site.dir, tmp, { recursive: true });
    for (const [file, from, to] of breakages) {
      const p = path.join(tmp, file);
      const text = fs.readFileSync(p, 'utf8');
      if (!text.includes(from)) failures.push(`self-test: cannot break ${file}: "${from}" is not in it`);
      fs.writeFileSync(p, text.replace(from, to));
    }
    const broken = new Site(tmp, { prefix: site.prefix, baseUrl: site.baseUrl });
    const server = await serve(broken.dir, broken.prefix);
    try {
      const r = await checkFinding(browser, server, broken);
      for (const [file, , , re] of breakages) {
        if (!r.problems.some((p) => re.test(p.message))) failures.push(`self-test: with ${file} broken, the search check did not report ${re}`);
      }
    } finally {
      await server.close();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { assertions: breakages.length, failures };
}
