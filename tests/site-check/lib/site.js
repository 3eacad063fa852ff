// A built site on disk: its files, its HTML pages, and how URLs map to files.
import fs from 'node:fs';
import path from 'node:path';

/** A problem found by a check: `file` is relative to the checked folder. */
export function problem(file, message, line = 0, col = 0) {
  return { file, line, col, message };
}

export function formatProblem(p, dirLabel = '') {
  const loc = p.line ? `:${p.line}:${p.col || 1}` : '';
  return `${dirLabel}${p.file}${loc}: ${p.message}`;
}

/** Every file under `dir`, as sorted paths relative to it with `/` separators. */
export function listFiles(dir) {
  const out = [];
  const walk = (rel) => {
    const abs = path.join(dir, rel);
    for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/**
 * A site folder served under `prefix` (`/` or `/sub/`), with the absolute `baseUrl` the site was
 * built for (`https://example.org/sub/`), so links to its own absolute URLs count as internal.
 */
export class Site {
  constructor(dir, { prefix = '/', baseUrl = null, foreignBases = [], relative = false } = {}) {
    /** Built with --relative: every internal URL relative, folders as …/index.html. */
    this.relative = relative;
    this.dir = path.resolve(dir);
    // Base URLs this build must not link to (site.yaml's, in a build made with --base-url).
    this.foreignBases = foreignBases.filter((b) => b && b !== baseUrl);
    this.prefix = prefix.endsWith('/') ? prefix : `${prefix}/`;
    this.baseUrl = baseUrl;
    this.files = listFiles(this.dir);
    this.fileSet = new Set(this.files);
    this.pages = this.files.filter((f) => f.endsWith('.html'));
    this._text = new Map();
  }

  abs(file) {
    return path.join(this.dir, file);
  }

  read(file) {
    if (!this._text.has(file)) this._text.set(file, fs.readFileSync(this.abs(file), 'utf8'));
    return this._text.get(file);
  }

  /** The URL path at which a file is served: `a/index.html` → `/prefix/a/`. */
  urlOf(file) {
    if (file === 'index.html') return this.prefix;
    if (file.endsWith('/index.html')) return this.prefix + file.slice(0, -'index.html'.length);
    return this.prefix + file;
  }

  /** True when `dir/index.html` exists for a folder path relative to the site. */
  isFolder(rel) {
    const r = rel.replace(/\/$/, '');
    return this.fileSet.has(r === '' ? 'index.html' : `${r}/index.html`);
  }

  /**
   * The file a URL path (already percent-decoded) resolves to, or an explanation why not.
   * Returns { file } or { error }.
   */
  resolvePath(urlPath) {
    if (!urlPath.startsWith(this.prefix)) {
      return { error: `is outside the site, which is served under ${this.prefix}` };
    }
    const rel = urlPath.slice(this.prefix.length);
    if (rel === '' || rel.endsWith('/')) {
      const file = `${rel}index.html`;
      if (this.fileSet.has(file)) return { file };
      return { error: 'no such page' };
    }
    if (this.fileSet.has(rel)) return { file: rel };
    if (this.isFolder(rel)) return { error: `is a folder: write it with a trailing slash (${urlPath}/)` };
    return { error: 'no such file' };
  }
}
