// Issue 11 in Chromium: the all-werkpleinen table of /landkaart/ (filters by regio, group,
// band and trend, kept in the URL; sorting; complete without JavaScript), and the "Voortgang
// doorgeven" form of a werkplein page: fill it, submit, read the downloaded report file, build
// a copy of the site with it and see the werkplein's page follow.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const TABLE = '#landkaart-tabel';

/** Returns { problems: [string], steps }. */
export async function checkLandkaartTable(browser, server, site) {
  const problems = [];
  let steps = 0;
  const file = 'landkaart/index.html';
  if (!site.fileSet.has(file)) return { problems: [`${file}: missing`], steps };
  const url = server.origin + site.prefix + 'landkaart/';
  const step = async (what, fn) => {
    steps += 1;
    try { await fn(); } catch (e) { problems.push(`${file}: ${what}: ${e.message.split('\n')[0]}`); }
  };
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => problems.push(`${file}: page error: ${e.message}`));
  const visible = () => page.$$eval(`${TABLE} tbody tr`, (rows) => rows.filter((r) => !r.hidden)
    .map((r) => ({ ...r.dataset })));
  const column = (name) => page.$$eval(`${TABLE} thead th`, (ths, n) => ths.findIndex((th) => th.textContent.trim() === n), name);
  const values = (i) => page.$$eval(`${TABLE} tbody tr`, (rows, c) => rows.map((r) => Number(r.cells[c].dataset.waarde)), i);
  try {
    await page.goto(url);
    const all = (await visible()).length;
    const csvRows = site.read(`landkaart/${await currentPeriod(page)}/werkpleinen.csv`).trim().split('\n').length - 1;
    await step('the table has a row for every werkplein in werkpleinen.csv', async () => {
      if (all !== csvRows || all === 0) throw new Error(`${all} rows, werkpleinen.csv has ${csvRows}`);
    });
    for (const [name, id] of [['regio', '#lk-filter-regio'], ['groep', '#lk-filter-groep'], ['band', '#lk-filter-band'], ['trend', '#lk-filter-trend']]) {
      await step(`the ${name} filter narrows the table to that ${name}`, async () => {
        if (!(await page.isVisible(id))) throw new Error('the filter is not shown');
        const options = await page.$$eval(`${id} option`, (os) => os.map((o) => o.value).filter(Boolean));
        let narrowed = false;
        for (const value of options) {
          await page.selectOption(id, value);
          const shown = await visible();
          if (shown.some((r) => r[name] !== value)) throw new Error(`${name}=${value} shows other rows`);
          const status = await page.textContent('.tabelfilter__status');
          if (!status.includes(String(shown.length))) throw new Error(`status says "${status}" for ${shown.length} rows`);
          if (shown.length && shown.length < all) narrowed = true;
        }
        if (!narrowed) throw new Error('no option narrowed the table');
        await page.selectOption(id, '');
        if ((await visible()).length !== all) throw new Error('clearing the filter does not show every row again');
      });
    }
    await step('two filters combine, are kept in the URL and survive a reload', async () => {
      await page.selectOption('#lk-filter-groep', 'middengroep');
      await page.selectOption('#lk-filter-trend', 'vooruit');
      const shown = await visible();
      if (!shown.length || shown.some((r) => r.groep !== 'middengroep' || r.trend !== 'vooruit')) {
        throw new Error(`${shown.length} rows, not only middengroep and vooruit`);
      }
      const params = new URL(page.url()).searchParams;
      if (params.get('groep') !== 'middengroep' || params.get('trend') !== 'vooruit') throw new Error(`URL ${page.url()}`);
      await page.reload();
      if ((await visible()).length !== shown.length) throw new Error('the filters did not survive a reload');
      await page.goto(url);
      if ((await visible()).length !== all) throw new Error('without parameters not every row is shown');
    });
    for (const name of ['Totaal', 'Verschil']) {
      await step(`the ${name} column sorts both ways`, async () => {
        const i = await column(name);
        if (i < 0) throw new Error(`no column ${name}`);
        const button = page.locator(`${TABLE} thead th`).nth(i).locator('button');
        await button.click();
        const up = await values(i);
        if (up.some((v, k) => k > 0 && v < up[k - 1])) throw new Error('not ascending after one click');
        await button.click();
        const down = await values(i);
        if (down.some((v, k) => k > 0 && v > down[k - 1])) throw new Error('not descending after two clicks');
        if ((await page.locator(`${TABLE} thead th`).nth(i).getAttribute('aria-sort')) !== 'descending') throw new Error('aria-sort is not descending');
      });
    }
    await step('without JavaScript: every row, no filters', async () => {
      const noJs = await browser.newContext({ javaScriptEnabled: false });
      try {
        const p = await noJs.newPage();
        await p.goto(url + '?groep=kopgroep');
        if (await p.isVisible('#lk-filter-groep')) throw new Error('the filters show without JavaScript');
        const rows = await p.$$eval(`${TABLE} tbody tr`, (r) => r.length);
        if (rows !== all) throw new Error(`${rows} rows, expected ${all}`);
      } finally {
        await noJs.close();
      }
    });
  } finally {
    await ctx.close();
  }
  return { problems, steps };
}

async function currentPeriod(page) {
  return page.$eval('.perioden a[aria-current]', (a) => a.getAttribute('href').split('/').filter(Boolean).pop());
}

/**
 * The report form on the page of a werkplein that did not report in the current period: fill,
 * submit, read the download, add it to a copy of the site (`source`), build it with `svdk` and
 * check that the page now shows the new answers. Returns { problems, steps }.
 */
export async function checkVoortgangForm(browser, server, site, svdk, source) {
  const problems = [];
  let steps = 0;
  const file = site.pages.find((f) => /^werkpleinen\/[^/]+\/index\.html$/.test(f)
    && site.read(f).includes('melding--niet-gerapporteerd'));
  if (!file) return { problems: ['no werkplein page of a werkplein that did not report: nothing to report for'], steps };
  const id = file.split('/')[1];
  const html = site.read(file);
  // The notice links to the current period, the one the report is for.
  const period = /melding--niet-gerapporteerd">[\s\S]*?href="[^"]*landkaart\/([^/"]+)\/"/.exec(html);
  const url = server.origin + site.prefix + `werkpleinen/${id}/`;
  const step = async (what, fn) => {
    steps += 1;
    try { await fn(); } catch (e) { problems.push(`${file}: ${what}: ${e.message.split('\n')[0]}`); }
  };
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => problems.push(`${file}: page error: ${e.message}`));
  let text = null;
  let mijlpalen = [];
  let changed = null;
  try {
    await page.goto(url);
    await step('the form shows, pre-filled, with today as its date', async () => {
      if (!(await page.isVisible('#voortgang-form'))) throw new Error('the form is hidden');
      if (await page.isVisible('.voortgang__zonder-js')) throw new Error('the no-JavaScript instructions still show');
      mijlpalen = (await page.getAttribute('#voortgang-form', 'data-mijlpalen')).split(',');
      const groups = await page.$$eval('#voortgang-form fieldset', (fs) => fs.map((f) => f.querySelectorAll('input[type=radio]').length));
      if (groups.length !== mijlpalen.length || groups.some((n) => n !== 5)) throw new Error(`fieldsets: ${groups}`);
      const checked = await page.$$eval('#voortgang-form input[type=radio]:checked', (r) => r.length);
      if (checked !== mijlpalen.length) throw new Error(`${checked} answers checked of ${mijlpalen.length}`);
      const date = await page.inputValue('#voortgang-bijgewerkt');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`date "${date}"`);
    });
    await step('submitting downloads <id>.csv with the answers given', async () => {
      const m = mijlpalen[0];
      const current = await page.$eval(`input[name="${m}"]:checked`, (r) => r.value);
      changed = { mijlpaal: m, value: current === '100' ? '66' : '100' };
      await page.check(`input[name="${m}"][value="${changed.value}"]`);
      await page.check(`input[name="${mijlpalen[1]}"][value=""]`);
      await page.fill('#voortgang-bijgewerkt', '2026-11-30');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#voortgang-form button[type=submit]'),
      ]);
      if (download.suggestedFilename() !== `${id}.csv`) throw new Error(`file name ${download.suggestedFilename()}`);
      text = fs.readFileSync(await download.path(), 'utf8');
      const lines = text.split('\n');
      if (lines[0] !== `werkplein,${mijlpalen.join(',')},bijgewerkt`) throw new Error(`header ${lines[0]}`);
      const cells = lines[1].split(',');
      if (cells[0] !== id || cells[1] !== changed.value || cells[2] !== '' || cells.at(-1) !== '2026-11-30' || lines.length !== 3 || lines[2] !== '') {
        throw new Error(`file ${JSON.stringify(text)}`);
      }
      const status = await page.textContent('.voortgang__status');
      if (!status.includes(`${id}.csv`)) throw new Error(`status "${status}"`);
    });
    await step('a site built with the file shows the new answers on the page', async () => {
      if (!text) throw new Error('no file downloaded');
      if (!period) throw new Error('cannot tell the current period from the page');
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'svdk-voortgang-'));
      try {
        for (const entry of ['site.yaml', 'content', 'data', 'static', 'themes', 'templates']) {
          const from = path.join(source, entry);
          if (fs.existsSync(from)) fs.cpSync(from, path.join(tmp, 'site', entry), { recursive: true });
        }
        const dir = path.join(tmp, 'site', 'data', 'landkaart', period[1]);
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, `${id}.csv`), text);
        try {
          execFileSync(svdk, ['build', '--root', path.join(tmp, 'site'), '--out', path.join(tmp, 'out'), '-q'], { stdio: 'pipe' });
        } catch (e) {
          throw new Error(`svdk build with the file failed: ${String(e.stderr || e.message).trim().split('\n')[0]}`);
        }
        const after = fs.readFileSync(path.join(tmp, 'out', 'werkpleinen', id, 'index.html'), 'utf8');
        if (after.includes('melding--niet-gerapporteerd')) throw new Error('the page still says the werkplein did not report');
        if (!after.includes(`<input type="radio" name="${changed.mijlpaal}" value="${changed.value}" checked>`)) throw new Error('the form is not pre-filled with the new answer');
        if (!after.includes(`<input type="radio" name="${mijlpalen[1]}" value="" checked>`)) throw new Error('the emptied answer is not empty');
        const before = site.read(`landkaart/${period[1]}/werkpleinen.csv`).split('\n').length;
        const rows = fs.readFileSync(path.join(tmp, 'out', 'landkaart', period[1], 'werkpleinen.csv'), 'utf8').split('\n').length;
        if (rows !== before + 1) throw new Error(`werkpleinen.csv has ${rows - 1} rows, expected ${before}`);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
    await step('without JavaScript: no form, the two lines to write by hand', async () => {
      const noJs = await browser.newContext({ javaScriptEnabled: false });
      try {
        const p = await noJs.newPage();
        await p.goto(url);
        if (await p.isVisible('#voortgang-form')) throw new Error('the form shows without JavaScript');
        const pre = await p.textContent('.voortgang__bestand');
        if (!pre.startsWith(`werkplein,${mijlpalen.join(',')},bijgewerkt\n${id},`)) throw new Error(`instructions: ${pre}`);
      } finally {
        await noJs.close();
      }
    });
  } finally {
    await ctx.close();
  }
  return { problems, steps };
}
