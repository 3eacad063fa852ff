// The Nu Html Checker (vnu.jar from the vnu-jar npm package) over HTML, CSS and SVG files,
// all in one JVM run.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { problem } from './site.js';

const require = createRequire(import.meta.url);
export const VNU_JAR = String(require('vnu-jar'));

/**
 * Checks `files` (absolute paths). Resolves to a Map from absolute path to a list of
 * { line, col, message } errors. Rejects when vnu could not run at all.
 */
export function runVnu(files) {
  return new Promise((resolve, reject) => {
    const args = ['-Xss4m', '-jar', VNU_JAR, '--errors-only', '--format', 'json',
      '--also-check-css', '--also-check-svg', '--no-langdetect', ...files];
    const started = Date.now();
    const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      // vnu writes its JSON report to stderr (and exits 1 when it found errors).
      const text = err.trim() || out.trim();
      let report;
      try {
        report = JSON.parse(text);
      } catch {
        reject(new Error(`vnu exited with ${code} without a JSON report: ${text.slice(0, 2000)}`));
        return;
      }
      const byFile = new Map(files.map((f) => [path.resolve(f), []]));
      byFile.ms = Date.now() - started; // how long the one JVM run took
      for (const m of report.messages) {
        if (m.type !== 'error' && !(m.type === 'non-document-error')) continue;
        const abs = m.url ? decodeURIComponent(m.url.replace(/^file:(\/\/)?/, '')) : '(vnu)';
        if (!byFile.has(abs)) byFile.set(abs, []);
        byFile.get(abs).push({
          line: m.lastLine ?? m.firstLine ?? 0,
          col: m.firstColumn ?? 0,
          message: m.type === 'error' ? m.message : `vnu could not check the file: ${m.message}`,
        });
      }
      resolve(byFile);
    });
  });
}

/** The files of a Site that vnu checks: HTML pages, stylesheets, SVG images. */
export function vnuFiles(site) {
  return site.files.filter((f) => /\.(html|css|svg)$/.test(f));
}

/** Turns vnu's result for one Site into problems (file paths relative to the site). */
export function vnuProblems(site, byFile) {
  const problems = [];
  for (const f of vnuFiles(site)) {
    for (const e of byFile.get(site.abs(f)) || []) {
      problems.push(problem(f, e.message, e.line, e.col));
    }
  }
  return problems;
}
