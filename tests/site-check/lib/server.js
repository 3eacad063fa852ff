// A tiny static file server on 127.0.0.1, as a static host serves the site: pretty URLs
// (folder/ → folder/index.html), folder without slash → 301, anything else → 404.html with 404.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.eml': 'message/rfc822',
  '.pdf': 'application/pdf',
};

function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Serves `dir` under URL path `prefix` ('/' or '/sub/'). Resolves to { origin, base, close }. */
export function serve(dir, prefix = '/') {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const send = (status, file, headers = {}) => {
      const body = file ? fs.readFileSync(file) : Buffer.alloc(0);
      res.writeHead(status, {
        'content-type': file ? TYPES[path.extname(file)] || 'application/octet-stream' : 'text/plain',
        'content-length': body.length,
        'cache-control': 'no-store',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const notFound = () => {
      const f = path.join(root, '404.html');
      send(404, isFile(f) ? f : null);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, null);
    let p;
    try {
      p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return notFound();
    }
    if (!p.startsWith(prefix)) return notFound();
    const rel = p.slice(prefix.length);
    const abs = path.resolve(root, `./${rel}`);
    if (abs !== root && !abs.startsWith(root + path.sep)) return notFound();
    if (rel === '' || rel.endsWith('/')) {
      const f = path.join(abs, 'index.html');
      return isFile(f) ? send(200, f) : notFound();
    }
    if (isFile(abs)) return send(200, abs);
    if (isFile(path.join(abs, 'index.html'))) return send(301, null, { location: `${p}/` });
    return notFound();
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const origin = `http://127.0.0.1:${server.address().port}`;
      resolve({
        origin,
        base: origin + prefix,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}
