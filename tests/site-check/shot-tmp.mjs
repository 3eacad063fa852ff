import { serve } from './lib/server.js';
import { launch } from './lib/browser.js';
const [dir, width, ...specs] = process.argv.slice(2);
const srv = await serve(dir);
const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: Number(width), height: 900 } });
const page = await ctx.newPage();
for (const spec of specs) {
  const [p, sel] = spec.split('@');
  await page.goto(srv.base + p);
  const name = (p.replace(/\//g, '_') || 'home') + (sel ? '_' + sel.replace(/[^a-z0-9]/gi, '') : '');
  const target = sel ? page.locator(sel).first() : page;
  await target.screenshot({ path: `/tmp/i13shots/${name}-${width}.png`, ...(sel ? {} : { fullPage: true }) });
}
await browser.close();
await srv.close();
