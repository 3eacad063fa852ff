#!/usr/bin/env node
// The site check suite of svdk (issue 3): quality gates over the built sample site.
//
//   node run.js --root DIR --root-url URL --sub DIR --sub-url URL [--screenshots DIR]
//               [--fixture-sites DIR] [--selftest no] [--svdk BIN] [--source DIR]
//
// --root is the site built with its own base URL (served under /), --sub the same site built
// with --base-url https://example.org/sub/ (served under /sub/). First a self-test runs every
// checker over the bad and good fixture pages in fixtures/; then every check runs over the site.
// Each check prints its problems and one summary line with its count; the last line is
// "N passed, M failed", and the exit status is 1 when anything failed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Site, formatProblem } from './lib/site.js';
import { runVnu, vnuFiles, vnuProblems } from './lib/vnu.js';
import { checkLinks } from './lib/links.js';
import { checkFeeds, checkSitemap } from './lib/feeds.js';
import { serve } from './lib/server.js';
import { launch, checkPages, checkKeyboard, checkNotFound, screenshots, AXE_VERSION } from './lib/browser.js';
import { REQUIRED_TYPES, pageTypes, samplePages } from './lib/pagetypes.js';
import { checkFinding, selfTestFinding } from './lib/search.js';
import { checkServe, checkServeTabs } from './lib/serve.js';
import { checkWerkpleinTable } from './lib/tables.js';
import { checkResultatenTable } from './lib/resultaten.js';
import { checkMailEditions } from './lib/mail.js';
import { checkOffline } from './lib/offline.js';
import { checkLandkaartTable, checkVoortgangForm } from './lib/landkaart.js';
import { checkDocumenten } from './lib/documenten.js';
import { selfTest } from './selftest.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MAX_SHOWN = Number(process.env.SITE_CHECK_MAX_SHOWN || 40);

function parseArgs(argv) {
  const a = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
      console.error(`usage: node run.js --root DIR --root-url URL --sub DIR --sub-url URL [--screenshots DIR] (at "${argv[i]}")`);
      process.exit(2);
    }
    a[argv[i].slice(2)] = argv[i + 1];
  }
  for (const k of ['root', 'root-url', 'sub', 'sub-url']) {
    if (!a[k]) { console.error(`run.js: missing --${k}`); process.exit(2); }
  }
  return a;
}

const tally = { passed: 0, failed: 0 };

/** Prints a check's problems (relative to `label`) and its one summary line. */
function report(name, problems, summary, t0, label = '') {
  const shown = problems.slice(0, MAX_SHOWN);
  for (const p of shown) console.log(`  ${typeof p === 'string' ? p : formatProblem(p, label)}`);
  if (problems.length > shown.length) console.log(`  … and ${problems.length - shown.length} more`);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const ok = problems.length === 0;
  console.log(`${name}: ${summary} (${secs} s)${ok ? '' : ' — FAILED'}`);
  if (ok) tally.passed += 1;
  else tally.failed += 1;
}

/** Runs fn, turning a crash of the checker itself into a failed check. */
async function guarded(name, fn) {
  const t0 = Date.now();
  try {
    await fn(t0);
  } catch (e) {
    report(name, [`the check itself crashed: ${e.stack || e}`], 'could not run', t0);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const rootUrl = args['root-url'];
  const subUrl = args['sub-url'];
  const root = new Site(args.root, { prefix: new URL(rootUrl).pathname, baseUrl: rootUrl });
  const sub = new Site(args.sub, { prefix: new URL(subUrl).pathname, baseUrl: subUrl, foreignBases: [rootUrl] });
  // The same site built with --relative, for file:// (SPEC §5.6); optional.
  const relative = args.relative ? new Site(args.relative, { prefix: '/', baseUrl: rootUrl, relative: true }) : null;
  const rootLabel = `${path.relative(process.cwd(), root.dir) || '.'}/`;
  const subLabel = `${path.relative(process.cwd(), sub.dir) || '.'}/`;
  const shotsDir = path.resolve(args.screenshots || path.join(root.dir, '..', '..', 'screenshots'));

  // vnu over the fixtures and the site in one JVM run, started first: it runs while node works.
  const fixtures = ['good', 'bad'].map((n) => new Site(path.join(HERE, 'fixtures', n),
    { baseUrl: 'https://example.org/', foreignBases: ['https://www.samenvoordeklant.nl/'] }));
  const fxDir = args['fixture-sites'];
  const fixtureSites = fxDir && fs.existsSync(fxDir) ? fs.readdirSync(fxDir, { withFileTypes: true }).filter((e) => e.isDirectory())
    .map((e) => e.name).sort()
    .map((n) => new Site(path.join(fxDir, n), { baseUrl: 'https://example.org/' })) : [];
  const vnuAll = [...fixtures, root, ...fixtureSites].flatMap((s) => vnuFiles(s).map((f) => s.abs(f)));
  const vnuRun = runVnu(vnuAll);
  vnuRun.catch(() => {}); // awaited (and reported) below

  const browser = await launch();
  try {
    // 1. The checkers themselves: each must fail on the bad fixtures and pass on the good one.
    if (args.selftest !== 'no') await guarded('self-test', async (t0) => {
      const r = await selfTest({ browser, vnu: vnuRun, good: fixtures[0], bad: fixtures[1], logFile: path.join(root.dir, '..', 'selftest.log') });
      report('self-test', r.failures, `${r.failures.length} of ${r.assertions} checker assertions failed on fixtures/bad and fixtures/good (log: ${path.relative(process.cwd(), r.log)})`, t0);
    });

    // 2. Every page type of the contract is in the output.
    await guarded('pages', async (t0) => {
      const missing = REQUIRED_TYPES.filter(([, test]) => !root.pages.some(test)).map(([n]) => `no page of type "${n}" in the output`);
      report('pages', missing, `${missing.length} of ${REQUIRED_TYPES.length} required page types missing; ${root.pages.length} pages of ${pageTypes(root).size} types`, t0);
    });

    // 3. Nu Html Checker.
    await guarded('vnu', async () => {
      const byFile = await vnuRun;
      const problems = vnuProblems(root, byFile);
      const files = vnuFiles(root);
      const pages = files.filter((f) => f.endsWith('.html')).length;
      report('vnu', problems, `${problems.length} errors in ${pages} pages (and ${files.length - pages} CSS/SVG files; one JVM run with the fixtures, in the background)`, Date.now() - byFile.ms, rootLabel);
    });

    // 4–5. Links and anchors, in the root build and the /sub/ build.
    for (const [name, site, label] of [['links', root, rootLabel], ['links /sub/', sub, subLabel]]) {
      await guarded(name, async (t0) => {
        const { problems, stats } = checkLinks(site);
        report(name, problems, `${problems.length} broken in ${stats.pages} pages (${stats.links} internal links, ${stats.anchors} anchors, ${stats.idrefs} id references checked; ${stats.external} external links not followed)`, t0, label);
      });
    }

    // 6. Feeds of both builds.
    await guarded('feeds', async (t0) => {
      const problems = [];
      let feeds = 0;
      let entries = 0;
      for (const [site, label] of [[root, rootLabel], [sub, subLabel]]) {
        const r = checkFeeds(site);
        problems.push(...r.problems.map((p) => formatProblem(p, label)));
        feeds += r.stats.feeds;
        entries += r.stats.entries;
      }
      if (feeds === 0) problems.push('no Atom or RSS feed in the output');
      report('feeds', problems, `${problems.length} problems in ${feeds} feeds with ${entries} entries (root and /sub/ builds)`, t0);
    });

    // 7. Sitemap and robots.txt of both builds.
    await guarded('sitemap', async (t0) => {
      const problems = [];
      let urls = 0;
      for (const [site, label] of [[root, rootLabel], [sub, subLabel]]) {
        const r = checkSitemap(site);
        problems.push(...r.problems.map((p) => formatProblem(p, label)));
        urls += r.stats.urls;
      }
      report('sitemap', problems, `${problems.length} problems in ${urls} sitemap URLs (root and /sub/ builds)`, t0);
    });

    // 8–10. Every page of the root build in Chromium: axe, console errors, failed requests.
    const server = await serve(root.dir, root.prefix);
    try {
      await guarded('axe', async (t0) => {
        const r = await checkPages(browser, server, root, root.pages);
        const types = pageTypes(root).size;
        report('axe', r.axe, `${r.axe.length} violations (axe-core ${AXE_VERSION}, WCAG 2.0/2.1 A and AA) on ${r.stats.pages} pages of ${types} types`, t0, rootLabel);
        report('console', r.console, `${r.console.length} console errors on ${r.stats.pages} pages`, t0, rootLabel);
        report('requests', r.requests, `${r.requests.length} failed of ${r.stats.requests} requests on ${r.stats.pages} pages`, t0, rootLabel);
      });

      // 11. Keyboard, on the home page, at desktop and phone widths.
      await guarded('keyboard', async (t1) => {
        const problems = [];
        const parts = [];
        for (const width of [1280, 390]) {
          const k = await checkKeyboard(browser, server, root, { width });
          problems.push(...k.problems);
          parts.push(`${k.stats.stops} Tab stops at ${width}px, ${k.stats.navReached} of ${k.stats.navLinks} navigation links reached`);
        }
        report('keyboard', problems, `${problems.length} problems on the home page: skip link to main, navigation reached, focus visible (${parts.join('; ')})`, t1, rootLabel);
      });

      // 12. Screenshots for people to look at (and no horizontal scrolling at 390px).
      await guarded('screenshots', async (t1) => {
        const biggest = (re) => root.pages.filter((f) => re.test(f))
          .sort((a, b) => root.read(b).length - root.read(a).length || a.localeCompare(b))[0];
        const shots = [
          { name: 'home', file: 'index.html' },
          { name: 'praktijkvoorbeeld', file: biggest(/^praktijkvoorbeelden\/(?!thema\/|werkplein\/)[^/]+\/index\.html$/) },
          { name: 'werkplein', file: biggest(/^werkpleinen\/[^/]+\/index\.html$/) },
          { name: 'journaal', file: root.fileSet.has('journaal/index.html') ? 'journaal/index.html' : undefined },
          // The werkplein's records (issue 13): wide tables and the map must not widen the page.
          ...['documenten', 'bvg', 'criteria'].filter((n) => root.fileSet.has(`${n}/index.html`))
            .map((n) => ({ name: n, file: `${n}/index.html` })),
        ];
        const s = await screenshots(browser, server, root, shots, shotsDir);
        report('screenshots', s.problems, `${s.written.length} written to ${path.relative(process.cwd(), shotsDir)}/, ${s.problems.length} layout problems`, t1, rootLabel);
      });
    } finally {
      await server.close();
    }

    // 13. The /sub/ build in Chromium at phone width, one page of each type: axe, console,
    // requests; and a missing page answered with the 404 page, complete with its stylesheet.
    await guarded('browser /sub/', async (t0) => {
      const subServer = await serve(sub.dir, sub.prefix);
      try {
        const pages = samplePages(sub);
        const r = await checkPages(browser, subServer, sub, pages, { width: 390 });
        const nf = await checkNotFound(browser, subServer, sub);
        const problems = [...r.axe, ...r.console, ...r.requests, ...nf.problems];
        report('browser /sub/', problems, `${r.axe.length} axe violations, ${r.console.length} console errors, ${r.requests.length} failed of ${r.stats.requests} requests on ${r.stats.pages} pages (one of each type, 390px wide) under ${sub.prefix}; ${nf.problems.length} problems with the 404 answer`, t0, subLabel);
      } finally {
        await subServer.close();
      }
    });

    // 14. Finding things (issue 5): the search page, the header search box and the practice
    // filters in Chromium, in the root build and the /sub/ build (lib/search.js). First the
    // checker's self-test: on a copy of the site with search and filters broken, it must fail.
    for (const [name, site, label] of [['search', root, rootLabel], ['search /sub/', sub, subLabel]]) {
      await guarded(name, async (t0) => {
        const self = name === 'search' && args.selftest !== 'no' && root.fileSet.has('js/zoeken/start.js')
          ? await selfTestFinding(browser, site) : null;
        const server = await serve(site.dir, site.prefix);
        try {
          const r = await checkFinding(browser, server, site);
          const ms = r.stats.rankMs.length ? Math.max(...r.stats.rankMs).toFixed(1) : '?';
          const problems = [...(self ? self.failures : []), ...r.problems];
          const selfNote = self ? `; self-test: ${self.failures.length} of ${self.assertions} breakages missed` : '';
          report(name, problems, `${r.problems.length} problems in ${r.stats.steps} scenarios under ${site.prefix} (${r.stats.queries} queries with and without diacritics, type filter, ?q= and Back, keyboard only, header box, practice filters, without JavaScript; axe in ${r.stats.axeStates} states; ranking took at most ${ms} ms${selfNote})`, t0, label);
        } finally {
          await server.close();
        }
      });
    }

    // 15. The editors' preview (issue 6): `svdk serve` reloads an open page after an edit and
    // shows the errors of a broken edit over the last good page (lib/serve.js).
    await guarded('werkpleinen table', async (t0) => {
      const server = await serve(root.dir, root.prefix);
      try {
        const r = await checkWerkpleinTable(browser, server, root);
        report('werkpleinen table', r.problems, `${r.problems.length} problems in ${r.steps} steps (regio filter in the URL and after reload, sorting both ways, without JavaScript)`, t0);
      } finally {
        await server.close();
      }
    });

    // Issue 14: every journal month's e-mail edition, root and /sub/ builds (lib/mail.js).
    for (const [name, site, label] of [['e-mail edition', root, rootLabel], ['e-mail edition /sub/', sub, subLabel]]) {
      await guarded(name, async (t0) => {
        const server = await serve(site.dir, site.prefix);
        try {
          const r = await checkMailEditions(browser, server, site);
          report(name, r.problems, `${r.problems.length} problems in ${r.stats.editions} e-mail editions at 600px (axe, no sideways scrolling, nothing loaded, no <style>/<link>/<script>/class, every link absolute and resolving)`, t0, label);
        } finally {
          await server.close();
        }
      });
    }

    // The site from a folder or a zip (svdk build --relative): its links, and in Chromium from
    // file:// the navigation, search, filters and axe in both colour schemes (lib/offline.js).
    if (relative) {
      const relLabel = `${path.relative(process.cwd(), relative.dir) || '.'}/`;
      await guarded('links --relative', async (t0) => {
        const { problems, stats } = checkLinks(relative);
        report('links --relative', problems, `${problems.length} broken or absolute in ${stats.pages} pages (${stats.links} internal links, ${stats.anchors} anchors; folders must be …/index.html)`, t0, relLabel);
      });
      await guarded('file://', async (t0) => {
        const r = await checkOffline(browser, relative);
        report('file://', r.problems, `${r.problems.length} problems from file:// (${r.stats.pages} pages opened by following the navigation and links, header box and search page, practice and werkpleinen filters; axe in the light and dark colour scheme on ${r.stats.axe} pages)`, t0, relLabel);
      });
    }
    // The Landkaart (issue 11): the all-werkpleinen table's filters and sorting, and the
    // "Voortgang doorgeven" form from filling it in to a site built with its file.
    await guarded('landkaart table', async (t0) => {
      const server = await serve(root.dir, root.prefix);
      try {
        const r = await checkLandkaartTable(browser, server, root);
        report('landkaart table', r.problems, `${r.problems.length} problems in ${r.steps} steps (filters by regio, groep, band and trend, combined, in the URL and after reload; sorting on Totaal and Verschil; without JavaScript)`, t0);
      } finally {
        await server.close();
      }
    });
    // The Resultaten benchmark (issue 12): its table's filters by standing, regio and district
    // agree with the lists of who is below, sorting, and the table complete without JavaScript.
    await guarded('resultaten table', async (t0) => {
      const server = await serve(root.dir, root.prefix);
      try {
        const r = await checkResultatenTable(browser, server, root);
        report('resultaten table', r.problems, `${r.problems.length} problems in ${r.steps} steps (filters by standing and district agree with the lists, kept in the URL, sorting, without JavaScript)`, t0);
      } finally {
        await server.close();
      }
    });
    if (args.svdk) await guarded('voortgang form', async (t0) => {
      const server = await serve(root.dir, root.prefix);
      try {
        const r = await checkVoortgangForm(browser, server, root, path.resolve(args.svdk), path.resolve(args.source || '.'));
        report('voortgang form', r.problems, `${r.problems.length} problems in ${r.steps} steps (pre-filled form, download of the report file, a site built with it shows the new answers, without JavaScript)`, t0);
      } finally {
        await server.close();
      }
    });
    // The documents filter (issue 13), in both builds, with and without JavaScript.
    for (const [name, site, label] of [['documenten filter', root, rootLabel], ['documenten filter /sub/', sub, subLabel]]) {
      if (!site.fileSet.has('documenten/index.html')) continue;
      await guarded(name, async (t0) => {
        const server = await serve(site.dir, site.prefix);
        try {
          const r = await checkDocumenten(browser, server, site);
          report(name, r.problems, `${r.problems.length} problems in ${r.steps} steps under ${site.prefix} (filter by soort, marked current, keyboard, PDF served; with and without JavaScript)`, t0, label);
        } finally {
          await server.close();
        }
      });
    }

    if (args.svdk) await guarded('serve', async (t0) => {
      const r = await checkServe(browser, path.resolve(args.svdk), path.resolve(HERE, '..', 'fixtures', 'minimal'));
      report('serve', r.problems, `${r.problems.length} problems in ${r.steps} steps (reload after an edit, error overlay, recovery)`, t0);
    });

    if (args.svdk) await guarded('serve: eight tabs', async (t0) => {
      const r = await checkServeTabs(browser, path.resolve(args.svdk), path.resolve(HERE, '..', 'fixtures', 'minimal'));
      report('serve: eight tabs', r.problems, `${r.problems.length} problems in ${r.steps} steps (eight preview tabs load at once and all reload after an edit)`, t0);
    });

    // 16. Other sites (tests/fixtures/*: a minimal site, drafts, links, …): the same checks, so
    // that empty lists and missing sections render as valid, accessible pages too.
    if (fixtureSites.length) await guarded('fixture sites', async (t0) => {
      const byFile = await vnuRun;
      const problems = [];
      let pages = 0;
      let inBrowser = 0;
      for (const site of fixtureSites) {
        const label = `${path.relative(process.cwd(), site.dir)}/`;
        const add = (list) => problems.push(...list.map((p) => formatProblem(p, label)));
        pages += site.pages.length;
        add(vnuProblems(site, byFile));
        add(checkLinks(site).problems);
        add(checkFeeds(site).problems);
        add(checkSitemap(site).problems);
        const server = await serve(site.dir, site.prefix);
        try {
          const sample = samplePages(site);
          const r = await checkPages(browser, server, site, sample);
          inBrowser += r.stats.pages;
          add([...r.axe, ...r.console, ...r.requests]);
        } finally {
          await server.close();
        }
      }
      report('fixture sites', problems, `${problems.length} problems in ${fixtureSites.length} sites (${fixtureSites.map((x) => path.basename(x.dir)).join(', ')}): vnu, links, feeds, sitemap on ${pages} pages; axe, console, requests on ${inBrowser} pages, one of each type`, t0);
    });
  } finally {
    await browser.close();
  }

  console.log(`${tally.passed} passed, ${tally.failed} failed`);
  process.exitCode = tally.failed ? 1 : 0;
}

main().catch((e) => {
  console.error(`site check: ${e.stack || e}`);
  console.log(`${tally.passed} passed, ${tally.failed + 1} failed`);
  process.exitCode = 1;
});
