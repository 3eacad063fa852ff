// The werkpleinen table (issue 4): sortable by clicking a column header and filterable by regio
// in the browser, the filter kept in the URL; without JavaScript the full table and no filter.

/**
 * Runs the scenario on /werkpleinen/ of `site` served by `server`.
 * Returns { problems: [string], steps }.
 */
export async function checkWerkpleinTable(browser, server, site) {
  const problems = [];
  let steps = 0;
  if (!site.fileSet.has('werkpleinen/index.html') || !site.fileSet.has('js/tabel.js')) {
    return { problems: ['werkpleinen/index.html: missing the table or js/tabel.js'], steps };
  }
  const url = server.origin + site.prefix + 'werkpleinen/';
  const step = async (what, fn) => {
    steps += 1;
    try { await fn(); } catch (e) { problems.push(`werkpleinen/index.html: ${what}: ${e.message.split('\n')[0]}`); }
  };
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => problems.push(`werkpleinen/index.html: page error: ${e.message}`));
  const visibleRows = () => page.$$eval('#werkpleinen-tabel tbody tr', (rows) => rows.filter((r) => !r.hidden).map((r) => r.dataset.regio));
  const totals = () => page.$$eval('#werkpleinen-tabel tbody tr', (rows) => rows.map((r) => Number(r.cells[3].dataset.waarde)));
  try {
    await page.goto(url);
    const all = (await visibleRows()).length;
    await step('the regio filter narrows the table and is kept in the URL', async () => {
      if (!(await page.isVisible('#filter-regio'))) throw new Error('the filter is not shown');
      const value = await page.$eval('#filter-regio option:nth-child(2)', (o) => o.value);
      await page.selectOption('#filter-regio', value);
      const shown = await visibleRows();
      if (!shown.length || shown.length >= all || shown.some((r) => r !== value)) {
        throw new Error(`regio ${value}: ${shown.length} of ${all} rows shown, not only that regio's`);
      }
      if (new URL(page.url()).searchParams.get('regio') !== value) throw new Error(`URL without ?regio=: ${page.url()}`);
      await page.reload();
      if ((await page.inputValue('#filter-regio')) !== value || (await visibleRows()).length !== shown.length) {
        throw new Error('the filter did not survive a reload');
      }
      const status = await page.textContent('.tabelfilter__status');
      if (!status.includes(String(shown.length))) throw new Error(`status says "${status}"`);
      await page.selectOption('#filter-regio', '');
      if ((await visibleRows()).length !== all) throw new Error('clearing the filter does not show every row again');
    });
    await step('a column header sorts the table both ways', async () => {
      const header = page.locator('#werkpleinen-tabel thead th', { hasText: 'Totaal' });
      await header.locator('button').click();
      const up = await totals();
      if (up.some((v, i) => i > 0 && v < up[i - 1])) throw new Error('not ascending after one click');
      if ((await header.getAttribute('aria-sort')) !== 'ascending') throw new Error('aria-sort is not ascending');
      await header.locator('button').click();
      const down = await totals();
      if (down.some((v, i) => i > 0 && v > down[i - 1])) throw new Error('not descending after two clicks');
      if ((await header.getAttribute('aria-sort')) !== 'descending') throw new Error('aria-sort is not descending');
    });
    await step('without JavaScript: every row, no filter', async () => {
      const noJs = await browser.newContext({ javaScriptEnabled: false });
      try {
        const p = await noJs.newPage();
        await p.goto(url);
        if (await p.isVisible('#filter-regio')) throw new Error('the filter shows without JavaScript');
        const rows = await p.$$eval('#werkpleinen-tabel tbody tr', (r) => r.length);
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
