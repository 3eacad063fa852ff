// `svdk serve` in a real browser (issue 6): an open page reloads by itself after an edit; a
// broken edit shows an overlay with the error (path:line:column) over the last good page; fixing
// it clears the overlay and shows the fixed page. No console errors along the way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';

/** Copies a folder recursively. */
function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (e.isDirectory()) copyDir(a, b);
    else fs.copyFileSync(a, b);
  }
}

/** Starts `svdk serve --port 0` on `root`; resolves with { url, stop }. */
function startServe(bin, root) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['serve', '--port', '0', '--root', root], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`svdk serve printed no URL: ${out}`)); }, 60000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], stop: () => child.kill('SIGINT') });
      }
    });
    child.stderr.on('data', (d) => { out += d; });
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
  });
}

/**
 * Runs the scenario on a copy of `fixture` (a site folder) with the binary `bin`.
 * Returns { problems: [string], steps }.
 */
export async function checkServe(browser, bin, fixture) {
  const problems = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'svdk-serve-check-'));
  const root = path.join(tmp, 'site');
  copyDir(fixture, root);
  const server = await startServe(bin, root);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  let steps = 0;
  const step = async (what, fn) => {
    steps += 1;
    try { await fn(); } catch (e) { problems.push(`${what}: ${e.message.split('\n')[0]}`); }
  };
  const file = path.join(root, 'content/journaal/werkplein-geopend.md');
  const original = fs.readFileSync(file, 'utf8');
  const url = new URL('journaal/werkplein-geopend/', server.url).href;
  try {
    await step('open a page', async () => {
      const r = await page.goto(url);
      if (!r || r.status() !== 200) throw new Error(`status ${r && r.status()}`);
      // The live-reload script is there, and its connection open before we edit.
      if (!(await page.$('script[src="/__svdk/reload.js"]'))) throw new Error('no reload script in the page');
      await page.waitForTimeout(700);
    });
    await step('the page reloads itself after an edit', async () => {
      fs.writeFileSync(file, original.replace(/\n---\n/, '\n---\n\nEen zin die de editor net typte.\n'));
      await page.waitForFunction(() => document.body.innerText.includes('Een zin die de editor net typte.'), null, { timeout: 15000 });
    });
    await step('a broken edit shows the error over the last good page', async () => {
      fs.writeFileSync(file, original.replace('title:', 'title: [kapot'));
      await page.waitForSelector('#svdk-fouten', { state: 'visible', timeout: 15000 });
      const text = await page.textContent('#svdk-fouten');
      if (!/content\/journaal\/werkplein-geopend\.md:\d+:\d+: fout:/.test(text)) throw new Error(`overlay without path:line:column: ${text}`);
      if (!text.includes('de site kon niet opnieuw gebouwd worden')) throw new Error(`overlay heading not in Dutch: ${text}`);
      const role = await page.getAttribute('#svdk-fouten', 'role');
      if (role !== 'alert') throw new Error(`overlay role is ${role}, not alert`);
      if (!(await page.textContent('main')).includes('Een zin die de editor net typte.')) throw new Error('the last good page is gone');
    });
    await step('fixing it clears the overlay and shows the fixed page', async () => {
      fs.writeFileSync(file, original.replace(/\n---\n/, '\n---\n\nHersteld door de editor.\n'));
      await page.waitForFunction(() => document.body.innerText.includes('Hersteld door de editor.'), null, { timeout: 15000 });
      if (await page.$('#svdk-fouten')) throw new Error('the overlay is still there');
    });
  } finally {
    await ctx.close();
    server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { problems, steps };
}

/**
 * Eight preview tabs at once (issue 9): a browser keeps at most six HTTP/1.1 connections per
 * host, so a reload channel that holds one connection per page (an event stream) left the
 * seventh tab loading forever. With the WebSocket every tab loads, and every tab reloads after
 * an edit. Returns { problems: [string], steps }.
 */
export async function checkServeTabs(browser, bin, fixture, tabs = 8) {
  const problems = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'svdk-serve-tabs-'));
  const root = path.join(tmp, 'site');
  copyDir(fixture, root);
  const server = await startServe(bin, root);
  // One context: its tabs share the connection pool, as the tabs of an editor's browser do.
  const ctx = await browser.newContext();
  let steps = 0;
  const step = async (what, fn) => {
    steps += 1;
    try { await fn(); } catch (e) { problems.push(`${what}: ${e.message.split('\n')[0]}`); }
  };
  const file = path.join(root, 'content/journaal/werkplein-geopend.md');
  const original = fs.readFileSync(file, 'utf8');
  const urls = ['', 'journaal/', 'journaal/werkplein-geopend/', 'praktijkvoorbeelden/', 'themas/',
    'werkpleinen/', 'kaderdocument/', 'zoeken/', 'journaal/werkplein-geopend/']
    .map((u) => new URL(u, server.url).href);
  const pages = [];
  try {
    await step(`open ${tabs} tabs at once, all load`, async () => {
      for (let i = 0; i < tabs; i += 1) pages.push(await ctx.newPage());
      const loads = await Promise.allSettled(pages.map((p, i) =>
        p.goto(urls[i % urls.length], { waitUntil: 'load', timeout: 15000 })));
      const failed = loads.map((r, i) => (r.status === 'rejected' ? `tab ${i + 1} (${urls[i % urls.length]}): ${r.reason.message.split('\n')[0]}` : null)).filter(Boolean);
      if (failed.length) throw new Error(`${failed.length} of ${tabs} tabs did not load: ${failed.join('; ')}`);
      // Every tab holds its reload channel open: give them a moment to connect.
      await Promise.all(pages.map((p) => p.waitForFunction(() => document.readyState === 'complete', null, { timeout: 5000 })));
      await pages[0].waitForTimeout(700);
    });
    await step(`all ${tabs} tabs reload after an edit`, async () => {
      const marks = await Promise.all(pages.map((p) => p.evaluate(() => { window.__svdkMark = 1; return 1; })));
      if (marks.length !== tabs) throw new Error('tabs missing');
      fs.writeFileSync(file, original.replace(/\n---\n/, '\n---\n\nEen zin uit tabblad-test.\n'));
      const reloaded = await Promise.allSettled(pages.map((p) =>
        p.waitForFunction(() => window.__svdkMark === undefined && document.readyState === 'complete', null, { timeout: 15000 })));
      const stuck = reloaded.map((r, i) => (r.status === 'rejected' ? i + 1 : null)).filter(Boolean);
      if (stuck.length) throw new Error(`tabs ${stuck.join(', ')} did not reload`);
      const edited = pages[2];
      if (!(await edited.textContent('main')).includes('Een zin uit tabblad-test.')) throw new Error('the edited page does not show the edit');
    });
  } finally {
    await ctx.close();
    server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { problems, steps };
}
