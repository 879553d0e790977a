// A plain static file server for the built app, used by `make run` and the browser tests.
// It serves one directory under a base path (e.g. /mend/) to show the build works from any
// sub-path, and nothing else: no rewrites, no caching tricks. With `--compress yes` it
// compresses text and wasm as static hosts such as Netlify or Cloudflare Pages do: brotli when
// the browser accepts it, otherwise gzip; with `--compress gzip`, gzip only, as the plainest
// static host does (the Lighthouse runs).
//
//   node scripts/serve.mjs --dir dist --base /mend/ --port 4173 [--host 127.0.0.1] [--compress yes]
import { createServer } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const root = resolve(args.dir ?? 'dist');
let base = args.base ?? '/';
if (!base.startsWith('/')) base = `/${base}`;
if (!base.endsWith('/')) base = `${base}/`;
const port = Number(args.port ?? 8080);
const host = args.host ?? '127.0.0.1';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// Hosts compress once, at their best settings; so does this, once per file.
const cache = new Map();
function compressed(file, encoding, body) {
  const key = `${encoding} ${file}`;
  if (!cache.has(key)) {
    cache.set(
      key,
      encoding === 'br'
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipSync(body, { level: 9 }),
    );
  }
  return cache.get(key);
}

// Compress everything before the first request, so no request waits for it.
if (['yes', 'gzip'].includes(args.compress)) {
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    const file = join(entry.parentPath ?? entry.path, entry.name);
    if (!entry.isFile() || ['.png', '.ico'].includes(extname(file))) continue;
    const body = await readFile(file);
    for (const encoding of ['br', 'gzip']) compressed(file, encoding, body);
  }
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let path = decodeURIComponent(url.pathname);
  if (base !== '/' && path === base.slice(0, -1)) {
    res.writeHead(301, { Location: base });
    res.end();
    return;
  }
  if (!path.startsWith(base)) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not found');
    return;
  }
  let file = normalize(join(root, path.slice(base.length)));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403);
    res.end();
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    let body = await readFile(file);
    const headers = {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    const compressible = !['.png', '.ico'].includes(extname(file));
    const accepts = req.headers['accept-encoding'] ?? '';
    const brotli = args.compress === 'yes' && /\bbr\b/.test(accepts);
    const encoding = brotli ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
    if (['yes', 'gzip'].includes(args.compress) && compressible && encoding) {
      body = compressed(file, encoding, body);
      headers['Content-Encoding'] = encoding;
      headers.Vary = 'Accept-Encoding';
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not found');
  }
});

server.listen(port, host, () => {
  console.log(`Mend is running at http://${host}:${port}${base} (serving ${root}; Ctrl-C stops it)`);
});
