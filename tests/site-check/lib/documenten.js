// The documents of the werkpleinen (issue 13): /documenten/ lists every document and filters by
// soort with links to /documenten/<soort>/, so the filter works the same with and without
// JavaScript; the keyboard reaches and follows it; the files are served as PDF.

/**
 * Runs the scenario on /documenten/ of `site` served by `server`, with JavaScript on and off.
 * Returns { problems: [string], steps }.
 */
export async function checkDocumenten(browser, server, site) {
  const problems = [];
  let steps = 0;
  if (!site.fileSet.has('documenten/index.html')) {
    return { problems: ['documenten/index.html: missing'], steps };
  }
  const base = server.origin + site.prefix;
  const url = base + 'documenten/';
  for (const js of [true, false]) {
    const label = js ? 'with JavaScript' : 'without JavaScript';
    const step = async (what, fn) => {
      steps += 1;
      try { await fn(); } catch (e) { problems.push(`documenten/index.html (${label}): ${what}: ${e.message.split('\n')[0]}`); }
    };
    const ctx = await browser.newContext({ viewport: { width: 390, height: 900 }, javaScriptEnabled: js });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => problems.push(`documenten/index.html: page error: ${e.message}`));
    const soorten = () => page.$$eval('.documenten .document .document__meta .label', (l) => l.map((x) => x.textContent.trim()));
    const current = () => page.$$eval('.filternav a[aria-current="page"]', (a) => a.map((x) => x.textContent.replace(/\s+/g, ' ').trim()));
    try {
      await page.goto(url);
      const all = (await soorten()).length;
      await step('every document is listed, "Alle documenten" is the current filter', async () => {
        if (all < 2) throw new Error(`${all} documents listed`);
        const cur = await current();
        if (cur.length !== 1 || !cur[0].startsWith('Alle documenten')) throw new Error(`current filter: ${JSON.stringify(cur)}`);
        if (!(await page.isVisible('.filternav'))) throw new Error('the filter is not visible');
      });
      await step('a soort link shows only documents of that soort, and marks itself', async () => {
        const link = page.locator('.filternav a', { hasText: 'Ketenjaarplannen' });
        const count = Number((await link.textContent()).match(/\((\d+)\)/)[1]);
        await link.click();
        await page.waitForURL(/documenten\/ketenjaarplan\/$/);
        const shown = await soorten();
        if (shown.length !== count || shown.some((s) => s !== 'Ketenjaarplan')) {
          throw new Error(`${shown.length} shown (${shown.join(', ')}), expected ${count} ketenjaarplannen`);
        }
        const cur = await current();
        if (cur.length !== 1 || !cur[0].startsWith('Ketenjaarplannen')) throw new Error(`current filter: ${JSON.stringify(cur)}`);
        const heading = await page.textContent('#doc--lijst');
        if (!heading.includes(`(${count})`)) throw new Error(`heading says "${heading.trim()}"`);
      });
      await step('the keyboard reaches the filter and Enter follows it back to all documents', async () => {
        let found = false;
        for (let i = 0; i < 60 && !found; i += 1) {
          await page.keyboard.press('Tab');
          found = await page.evaluate(() => document.activeElement?.textContent?.trim().startsWith('Alle documenten'));
        }
        if (!found) throw new Error('Tab never reached "Alle documenten"');
        await page.keyboard.press('Enter');
        await page.waitForURL(/documenten\/$/);
        if ((await soorten()).length !== all) throw new Error('not every document is back');
      });
      await step('a document link serves its PDF file', async () => {
        const href = await page.getAttribute('.document__titel', 'href');
        if (!href.startsWith(site.prefix)) throw new Error(`${href} is not under ${site.prefix}`);
        const res = await page.request.get(server.origin + href);
        const type = res.headers()['content-type'] || '';
        const body = await res.body();
        if (res.status() !== 200 || !type.startsWith('application/pdf') || body.subarray(0, 5).toString() !== '%PDF-') {
          throw new Error(`${href}: ${res.status()} ${type}`);
        }
        const label = await page.textContent('.document__bestand');
        if (!/^\(PDF, \d+ (kB|bytes|MB)\)$/.test(label.trim())) throw new Error(`size label "${label.trim()}"`);
      });
    } finally {
      await ctx.close();
    }
  }
  return { problems, steps };
}
