// Issue 14: the e-mail edition of every journal month (journaal/<yyyy-mm>/nieuwsbrief.html, the
// HTML part of nieuwsbrief.eml) as a mail program shows it: 600 px wide in Chromium with no
// horizontal scrolling, axe-clean, loading nothing (no images, styles or scripts: mail programs
// block them), written without <style>, <link>, <script> or class attributes, and every link
// absolute and resolving to a page of the site.
import { problem } from './site.js';
import { checkPages } from './browser.js';

const WIDTH = 600;

/** The e-mail editions of a site. */
export function mailEditions(site) {
  return site.pages.filter((f) => /^journaal\/\d{4}-\d{2}\/nieuwsbrief\.html$/.test(f));
}

/** Markup a mail program ignores or blocks: the e-mail must not depend on it. */
function staticProblems(site, file) {
  const out = [];
  const html = site.read(file);
  for (const [re, what] of [
    [/<script\b/i, 'a <script>'], [/<style\b/i, 'a <style> element'], [/<link\b/i, 'a <link>'],
    [/\sclass="/i, 'a class attribute (mail programs drop stylesheets: inline styles only)'],
    [/<img\b/i, 'an image (must read the same with images off)'],
  ]) {
    if (re.test(html)) out.push(problem(file, `the e-mail edition contains ${what}`));
  }
  for (const m of html.matchAll(/<table\b[^>]*style="([^"]*)"/gi)) {
    const w = /(?:^|;)\s*(?:max-)?width:\s*(\d+)px/i.exec(m[1]);
    if (w && Number(w[1]) > 640) out.push(problem(file, `a table is ${w[1]}px wide (at most 640px)`));
  }
  for (const m of html.matchAll(/\shref="([^"]*)"/gi)) {
    const href = m[1].replace(/&amp;/g, '&');
    if (href.startsWith('mailto:') || href.startsWith('tel:')) continue;
    if (!site.baseUrl || !href.startsWith(site.baseUrl)) {
      out.push(problem(file, `link ${href} is not an absolute URL of the site (${site.baseUrl})`));
      continue;
    }
    const u = new URL(href);
    const r = site.resolvePath(decodeURIComponent(u.pathname));
    if (r.error) out.push(problem(file, `link ${href} ${r.error}`));
  }
  return out;
}

/**
 * Checks every e-mail edition of `site` served by `server`. Returns { problems, stats }.
 */
export async function checkMailEditions(browser, server, site) {
  const files = mailEditions(site);
  const problems = files.flatMap((f) => staticProblems(site, f));
  if (!files.length) problems.push(problem('journaal/', 'no e-mail edition (journaal/<yyyy-mm>/nieuwsbrief.html) in the output'));
  // axe, console errors and failed requests at mail width.
  const r = await checkPages(browser, server, site, files, { width: WIDTH });
  problems.push(...r.axe, ...r.console, ...r.requests);
  // Nothing loaded besides the page itself, and nothing wider than the window.
  const ctx = await browser.newContext({ viewport: { width: WIDTH, height: 900 }, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  let current = null;
  let currentFile = '(browser)';
  let loads = 0;
  page.on('request', (req) => {
    if (req.url() !== current) {
      loads += 1;
      problems.push(problem(currentFile, `the e-mail edition loads ${req.url()}`));
    }
  });
  try {
    for (const f of files) {
      currentFile = f;
      current = server.origin + site.urlOf(f);
      await page.goto(current, { waitUntil: 'load' });
      const m = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        text: document.body.innerText.length,
      }));
      if (m.scroll > m.client) problems.push(problem(f, `scrolls sideways at ${WIDTH}px: ${m.scroll}px wide`));
      if (m.text < 200) problems.push(problem(f, `shows almost no text (${m.text} characters)`));
    }
  } finally {
    await ctx.close();
  }
  return { problems, stats: { editions: files.length, requests: loads } };
}
