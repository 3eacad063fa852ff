// The Resultaten benchmark (issue 12): /resultaten/'s table of all werkpleinen sorts by any
// column and filters by regio, district and standing (below the streefwaarde, below the
// outflow norm), each choice kept in the URL; the filter agrees with the page's own lists of
// who is below; without JavaScript the full table and no filter.

/**
 * Runs the scenario on /resultaten/ of `site` served by `server`.
 * Returns { problems: [string], steps }.
 */
export async function checkResultatenTable(browser, server, site) {
  const problems = [];
  let steps = 0;
  const file = 'resultaten/index.html';
  if (!site.fileSet.has(file)) return { problems: [`${file}: missing`], steps };
  const url = server.origin + site.prefix + 'resultaten/';
  const step = async (what, fn) => {
    steps += 1;
    try { await fn(); } catch (e) { problems.push(`${file}: ${what}: ${e.message.split('\n')[0]}`); }
  };
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => problems.push(`${file}: page error: ${e.message}`));
  const rows = () => page.$$eval('#resultaten-tabel tbody tr', (rs) => rs.filter((r) => !r.hidden)
    .map((r) => ({ regio: r.dataset.regio, district: r.dataset.district, stand: r.dataset.stand || '', naam: r.cells[0].textContent.trim() })));
  const column = (name) => page.$$eval('#resultaten-tabel tbody tr', (rs, name) => {
    const heads = Array.from(document.querySelectorAll('#resultaten-tabel thead th'));
    const i = heads.findIndex((h) => h.dataset.csv === name);
    return rs.filter((r) => !r.hidden).map((r) => Number(r.cells[i].dataset.waarde));
  }, name);
  try {
    await page.goto(url);
    const all = (await rows()).length;
    await step('"rapportcijfer onder de streefwaarde" shows exactly the werkpleinen the page lists as below', async () => {
      if (!(await page.isVisible('#filter-stand'))) throw new Error('the filter is not shown');
      await page.selectOption('#filter-stand', 'klant-onder');
      const shown = await rows();
      if (!shown.length || shown.length >= all) throw new Error(`${shown.length} of ${all} rows shown`);
      if (shown.some((r) => !r.stand.split(' ').includes('klant-onder'))) throw new Error('a row not below the streefwaarde is shown');
      const listed = await page.$$eval('#res--klant-onder + ul li a', (as) => as.map((a) => a.textContent.trim()));
      const names = shown.map((r) => r.naam).sort();
      if (JSON.stringify(names) !== JSON.stringify([...listed].sort())) {
        throw new Error(`filter shows ${names.length}, the list names ${listed.length}`);
      }
      const status = await page.textContent('[data-tabel="resultaten-tabel"] .tabelfilter__status');
      if (!status.includes(String(shown.length))) throw new Error(`status says "${status}"`);
      if (new URL(page.url()).searchParams.get('stand') !== 'klant-onder') throw new Error(`URL without ?stand=: ${page.url()}`);
    });
    await step('a district narrows it further, and both survive a reload', async () => {
      const value = await page.$eval('#filter-district option:nth-child(2)', (o) => o.value);
      await page.selectOption('#filter-district', value);
      const shown = await rows();
      if (shown.some((r) => r.district !== value || !r.stand.split(' ').includes('klant-onder'))) {
        throw new Error(`rows outside district ${value} or above the streefwaarde`);
      }
      await page.reload();
      if ((await page.inputValue('#filter-district')) !== value || (await page.inputValue('#filter-stand')) !== 'klant-onder') {
        throw new Error('the filters did not survive a reload');
      }
      if ((await rows()).length !== shown.length) throw new Error('other rows after the reload');
      await page.selectOption('#filter-district', '');
      await page.selectOption('#filter-stand', 'uitstroom-onder');
      const uit = await rows();
      const realised = await column('realisatie');
      if (!uit.length || realised.some((v) => !(v < 90))) throw new Error(`realisation ${realised} not all below 90`);
      await page.selectOption('#filter-stand', '');
      if ((await rows()).length !== all) throw new Error('clearing the filters does not show every row again');
    });
    for (const [name, label] of [['rapportcijfer', 'Rapportcijfer'], ['realisatie', 'Gerealiseerd']]) {
      await step(`the ${label} column sorts both ways`, async () => {
        const header = page.locator(`#resultaten-tabel thead th[data-csv="${name}"]`);
        await header.locator('button').click();
        const up = await column(name);
        if (up.some((v, i) => i > 0 && v < up[i - 1])) throw new Error('not ascending after one click');
        if ((await header.getAttribute('aria-sort')) !== 'ascending') throw new Error('aria-sort is not ascending');
        await header.locator('button').click();
        const down = await column(name);
        if (down.some((v, i) => i > 0 && v > down[i - 1])) throw new Error('not descending after two clicks');
      });
    }
    await step('the regio table sorts, its national row stays last', async () => {
      await page.locator('#resultaten-regios thead th[data-csv="rapportcijfer"] button').click();
      const last = await page.$eval('#resultaten-regios tbody:last-of-type tr:last-child th', (th) => th.textContent.trim());
      if (last !== 'Landelijk') throw new Error(`last row is "${last}"`);
    });
    await step('without JavaScript: every row, no filter', async () => {
      const noJs = await browser.newContext({ javaScriptEnabled: false });
      try {
        const p = await noJs.newPage();
        await p.goto(url);
        if (await p.isVisible('#filter-stand')) throw new Error('the filter shows without JavaScript');
        const n = await p.$$eval('#resultaten-tabel tbody tr', (r) => r.length);
        if (n !== all) throw new Error(`${n} rows, expected ${all}`);
      } finally {
        await noJs.close();
      }
    });
  } finally {
    await ctx.close();
  }
  return { problems, steps };
}
