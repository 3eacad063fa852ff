// Tests of the checkers themselves. Every checker runs over fixtures/bad, pages broken on
// purpose, and must FAIL there with a message naming the file and the problem; over
// fixtures/good, a tiny site that does everything right, it must pass.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { formatProblem } from './lib/site.js';
import { vnuProblems } from './lib/vnu.js';
import { checkLinks } from './lib/links.js';
import { checkFeeds, checkSitemap } from './lib/feeds.js';
import { serve } from './lib/server.js';
import { checkPages, checkKeyboard, checkNotFound } from './lib/browser.js';
import { checkMailEditions } from './lib/mail.js';

/** What each checker must report on fixtures/bad: [checker, file, pattern of the message]. */
const EXPECTED = [
  ['vnu', 'missing-alt/index.html', /img.*must have an .alt. attribute/i],
  ['vnu', 'duplicate-id/index.html', /Duplicate ID .dubbel./i],
  ['vnu', 'invalid-html/index.html', /Element .div. not allowed as child of element .ul./i],
  ['vnu', 'invalid-html/index.html', /(End tag .p. seen, but there were open elements|Unclosed element .span.)/i],
  ['vnu', 'invalid-html/index.html', /(td|table)/i],
  ['links', 'broken-link/index.html', /broken link "\/bestaat-niet\/".*no such page/],
  ['links', 'broken-anchor/index.html', /broken anchor "\/missing-alt\/#nergens": no id="nergens" on missing-alt\/index\.html/],
  ['links', 'broken-anchor/index.html', /broken anchor "#ook-niet": no id="ook-niet" on this page/],
  ['links', 'duplicate-id/index.html', /duplicate id "dubbel"/],
  ['links', 'broken-svg/index.html', /<use xlink:href>: broken anchor "#geen-symbool"/],
  ['links', 'broken-svg/index.html', /<rect fill>: broken anchor "#geen-verloop"/],
  ['links', 'broken-svg/index.html', /<image href>: broken link "\/img\/kwijt\.svg"/],
  ['links', 'broken-svg/index.html', /aria-labelledby>: refers to id "bestaat-niet-titel"/],
  ['links', 'foreign-base/index.html', /"https:\/\/www\.samenvoordeklant\.nl\/praktijkvoorbeelden\/" points to https:\/\/www\.samenvoordeklant\.nl\/, not to this build's base URL https:\/\/example\.org\//],
  ['links', 'failed-request/index.html', /broken link "\/img\/bestaat-niet\.png"/],
  ['axe', 'missing-alt/index.html', /axe image-alt \(critical\)/],
  ['axe', 'low-contrast/index.html', /axe color-contrast/],
  ['console', 'console-error/index.html', /console error: kapot script op de pagina/],
  ['requests', 'failed-request/index.html', /HTTP 404 for GET .*\/img\/bestaat-niet\.png/],
  ['requests', 'external-request/index.html', /request to another host: GET https:\/\/example\.com\/logo\.png/],
  ['keyboard', 'index.html', /the first Tab must focus a skip link to the main content/],
  ['keyboard', 'index.html', /no visible focus indicator/],
  ['keyboard', 'index.html', /never reaches the navigation link href="\/broken-link\/"/],
  ['links', '404.html', /relative URL "css\/style\.css" in the 404 page/],
  ['notfound', '404.html', /HTTP 404 for GET http:\/\/127\.0\.0\.1:\d+\/bestaat-niet\/deze-pagina-ook-niet\/css\/style\.css/],
  ['feeds', 'journaal/atom.xml', /feed: missing required <updated>/],
  ['feeds', 'journaal/atom.xml', /<updated>: "2010-02-30T00:00:00Z" is not a real date/],
  ['feeds', 'journaal/atom.xml', /<updated>: "24-02-2010" is not an RFC 3339 date-time/],
  ['feeds', 'journaal/atom.xml', /<link>: "\/broken-link\/" is not an absolute URL/],
  ['feeds', 'journaal/atom.xml', /<content>: <a href>: "\.\.\/missing-alt\/" is not an absolute URL/],
  ['feeds', 'journaal/atom.xml', /broken link "https:\/\/example\.org\/weg\/"/],
  ['feeds', 'journaal/rss.xml', /<pubDate>: "Thu, 24 Feb 2010 00:00:00 \+0000": 24 Feb 2010 is a Wed, not a Thu/],
  ['feeds', 'journaal/rss.xml', /<pubDate>: "2010-02-24" is not an RFC 822 date-time/],
  ['feeds', 'journaal/kapot.xml', /not well-formed XML/],
  ['sitemap', 'sitemap.xml', /"https:\/\/example\.org\/weg\/" does not exist in the output/],
  ['sitemap', 'sitemap.xml', /"\/broken-link\/" is not an absolute URL/],
  ['sitemap', 'broken-link/index.html', /page is not in sitemap\.xml/],
  ['sitemap', 'robots.txt', /Sitemap: "\/sitemap\.xml" is not an absolute URL/],
  ['mail', 'journaal/2009-10/nieuwsbrief.html', /contains a <style> element/],
  ['mail', 'journaal/2009-10/nieuwsbrief.html', /contains a class attribute/],
  ['mail', 'journaal/2009-10/nieuwsbrief.html', /contains an image/],
  ['mail', 'journaal/2009-10/nieuwsbrief.html', /a table is 900px wide/],
  ['mail', 'journaal/2009-10/nieuwsbrief.html', /link \/broken-link\/ is not an absolute URL of the site/],
  ['mail', 'journaal/2009-10/nieuwsbrief.html', /link https:\/\/example\.org\/weg\/ no such page/],
  ['mail', 'journaal/2009-10/nieuwsbrief.html', /scrolls sideways at 600px/],
  ['mail', 'journaal/2009-10/nieuwsbrief.html', /the e-mail edition loads http:\/\/127\.0\.0\.1:\d+\/img\/stip\.svg/],
];

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The whole suite (run.js) over fixtures/bad, in a child process: it must exit 1 and say why. */
function runSuiteOnBad() {
  const shots = fs.mkdtempSync(path.join(os.tmpdir(), 'svdk-site-check-'));
  const bad = path.join(HERE, 'fixtures', 'bad');
  const args = [path.join(HERE, 'run.js'), '--selftest', 'no', '--root', bad, '--root-url', 'https://example.org/',
    '--sub', bad, '--sub-url', 'https://example.org/', '--screenshots', shots];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: HERE });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('close', (code) => {
      fs.rmSync(shots, { recursive: true, force: true });
      resolve({ code, out });
    });
  });
}

/** What the whole suite must print on fixtures/bad. */
const EXPECTED_SUITE = [
  /^ {2}fixtures\/bad\/missing-alt\/index\.html:\d+:\d+: An .img. element must have an .alt. attribute/m,
  /^ {2}fixtures\/bad\/broken-link\/index\.html:\d+:\d+: <a href>: broken link "\/bestaat-niet\/"/m,
  /^ {2}fixtures\/bad\/duplicate-id\/index\.html:\d+:\d+: Duplicate ID .dubbel./m,
  /^vnu: [1-9]\d* errors in \d+ pages .* — FAILED$/m,
  /^links: [1-9]\d* broken in .* — FAILED$/m,
  /^axe: [1-9]\d* violations .* — FAILED$/m,
  /^keyboard: [1-9]\d* problems .* — FAILED$/m,
];

async function runCheckers(site, { browser, vnuByFile }) {
  const out = {};
  out.vnu = vnuProblems(site, vnuByFile);
  out.links = checkLinks(site).problems;
  out.feeds = checkFeeds(site).problems;
  out.sitemap = checkSitemap(site).problems;
  const server = await serve(site.dir, site.prefix);
  try {
    const r = await checkPages(browser, server, site, site.pages, { workers: 1 });
    out.axe = r.axe;
    out.console = r.console;
    out.requests = r.requests;
    out.keyboard = (await checkKeyboard(browser, server, site)).problems;
    out.notfound = (await checkNotFound(browser, server, site)).problems;
    out.mail = (await checkMailEditions(browser, server, site)).problems;
  } finally {
    await server.close();
  }
  return out;
}

/**
 * Runs the self-test. `vnu` is the promise of the shared vnu run (which includes the fixture
 * files). Returns { assertions, failures: [messages], log }.
 */
export async function selfTest({ browser, vnu, good, bad, logFile }) {
  const suite = runSuiteOnBad();
  const vnuByFile = await vnu;
  const failures = [];
  let assertions = 0;
  const log = [];

  const badOut = await runCheckers(bad, { browser, vnuByFile });
  log.push('What each checker reports on tests/site-check/fixtures/bad (each of these must be found):', '');
  for (const [checker, problems] of Object.entries(badOut)) {
    log.push(`${checker}: ${problems.length} problems`);
    for (const p of problems) log.push(`  ${formatProblem(p, 'fixtures/bad/')}`);
    assertions += 1;
    if (problems.length === 0) failures.push(`${checker} found nothing wrong in fixtures/bad: it must fail there`);
  }
  for (const [checker, file, re] of EXPECTED) {
    assertions += 1;
    const hit = (badOut[checker] || []).some((p) => p.file === file && re.test(p.message));
    if (!hit) failures.push(`${checker} did not report ${re} for fixtures/bad/${file}`);
  }

  const goodOut = await runCheckers(good, { browser, vnuByFile });
  log.push('', 'And on tests/site-check/fixtures/good (must be nothing):', '');
  for (const [checker, problems] of Object.entries(goodOut)) {
    assertions += 1;
    log.push(`${checker}: ${problems.length} problems`);
    for (const p of problems) {
      log.push(`  ${formatProblem(p, 'fixtures/good/')}`);
      failures.push(`${checker} fails on the good fixture: ${formatProblem(p, 'fixtures/good/')}`);
    }
  }
  // The suite as a whole fails on the bad pages, naming file and problem, and says so last.
  const { code, out } = await suite;
  log.push('', 'The whole suite (run.js) over fixtures/bad:', '', out);
  const last = out.trim().split('\n').pop();
  assertions += 1;
  if (code !== 1) failures.push(`run.js over fixtures/bad exited with ${code}, not 1`);
  assertions += 1;
  if (!/^\d+ passed, [1-9]\d* failed$/.test(last)) failures.push(`run.js over fixtures/bad ended with "${last}", not "N passed, M failed" with M > 0`);
  for (const re of EXPECTED_SUITE) {
    assertions += 1;
    if (!re.test(out)) failures.push(`run.js over fixtures/bad did not print ${re}`);
  }

  if (logFile) {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    fs.writeFileSync(logFile, `${log.join('\n')}\n`);
  }
  return { assertions, failures, log: logFile };
}
