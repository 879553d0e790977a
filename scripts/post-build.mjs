// Runs after trunk has written the page to its staging directory (a trunk post_build hook).
// 1. Lets a new visitor's first screen paint before the app starts (see below), then puts the
//    SHA-256 of every inline script into the Content-Security-Policy, so the policy needs
//    neither 'unsafe-inline' nor 'unsafe-eval'.
// 2. Brings in the lazy screens' chunks, and minifies the scripts (release builds).
// 3. Writes the service worker with the precache list of exactly this build's files.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyServiceWorker, writeServiceWorker } from './gen-sw.mjs';
import { placeChunks } from './split-chunks.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set; run this from trunk.');
  process.exit(1);
}

const htmlPath = join(staging, 'index.html');
let html = readFileSync(htmlPath, 'utf8');

// trunk's loader starts the app at once, and preloads the wasm from the page's head. A new
// visitor's first screen is in the page (prerender.mjs), so for them the app waits until the
// browser has shown it (its largest-contentful-paint entry where the browser reports one,
// else the first frame; half a second at most, as in a hidden tab), and the wasm no longer
// competes with it for the network. Anyone else (app-only, decided in the head) starts at
// once.
const starter = /(const wasm = await init\()/;
if (!starter.test(html)) {
  console.error("post-build: trunk's loader no longer reads `const wasm = await init(`.");
  process.exit(1);
}
html = html.replace(
  starter,
  `if (!document.documentElement.classList.contains('app-only')) await new Promise((go) => {
     setTimeout(go, 500);
     if (PerformanceObserver.supportedEntryTypes.includes('largest-contentful-paint'))
       new PerformanceObserver(go).observe({ type: 'largest-contentful-paint', buffered: true });
     else requestAnimationFrame(() => setTimeout(go));
   });
   $1`,
);
const wasmPreload = /<link\b[^>]*\brel="?preload"?[^>]*_bg\.wasm[^>]*>|<link\b[^>]*_bg\.wasm[^>]*\brel="?preload"?[^>]*>/;
if (!wasmPreload.test(html)) {
  console.error("post-build: trunk's preload link for the wasm is not where it was.");
  process.exit(1);
}
html = html.replace(wasmPreload, '');

const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
if (inline.length === 0) {
  console.error('post-build: no inline loader script found in index.html.');
  process.exit(1);
}
const hashes = inline.map(
  (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
);

const placeholder = "'sha256-LOADER'";
if (!html.includes(placeholder)) {
  console.error(`post-build: the CSP placeholder ${placeholder} is missing from index.html.`);
  process.exit(1);
}
html = html.replace(placeholder, hashes.join(' '));

// The lazy screens' chunks and their loader come in under hashed names (split-chunks.mjs),
// and the glue is pointed at them. Every script of ours and wasm-bindgen's glue (which
// trunk's minifier gives up on) goes through terser in a release build (about 3 KB less
// gzipped in all); the page's integrity hash for the glue follows.
const release = process.env.TRUNK_PROFILE === 'release';
const { minify } = await import('terser');
const terse = async (text, module) =>
  (await minify(text, { module, compress: { passes: 2 }, mangle: true })).code;
async function shrink(name, module) {
  const path = join(staging, name);
  writeFileSync(path, await terse(readFileSync(path, 'utf8'), module));
}
const glueName = readdirSync(staging).find((f) => /^mend-[0-9a-f]+\.js$/.test(f));
const glueBefore = readFileSync(join(staging, glueName));
const split = placeChunks({
  staging,
  profile: process.env.TRUNK_PROFILE,
  htmlSource: process.env.TRUNK_HTML_FILE ?? 'index.html',
  glueName,
  glueText: glueBefore.toString('utf8'),
});
let glue = split ? split.glue : glueBefore.toString('utf8');
if (release) glue = await terse(glue, true);
writeFileSync(join(staging, glueName), glue);
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
if (!html.includes(sri(glueBefore))) {
  console.error(`post-build: the integrity hash of ${glueName} is not in index.html.`);
  process.exit(1);
}
html = html.replace(sri(glueBefore), sri(Buffer.from(glue, 'utf8')));
if (release) for (const name of ['pwa.js', 'bytes.js', 'sync.js']) await shrink(name, true);
if (release && split) await shrink(split.loader, true);
// wasm-bindgen's snippets: the JS modules beside the Rust that imports them (ui/browser/*.js).
// Trunk preloads each with an integrity hash, which follows.
const snippets = join(staging, 'snippets');
if (release && existsSync(snippets)) {
  for (const name of readdirSync(snippets, { recursive: true })) {
    if (!String(name).endsWith('.js')) continue;
    const path = join(snippets, String(name));
    const before = readFileSync(path);
    await shrink(join('snippets', String(name)), true);
    html = html.replace(sri(before), sri(readFileSync(path)));
  }
}
if (split) console.log(`post-build: ${split.chunks.length} lazy screen chunk(s) beside ${split.loader}.`);
writeFileSync(htmlPath, html);
console.log(`post-build: CSP allows ${hashes.length} inline loader script(s) by hash.`);

const { version, files } = writeServiceWorker(staging);
if (release) await minifyServiceWorker(staging);
console.log(`post-build: service worker ${version} precaches ${files.length} files.`);
