// Runs after trunk has written the page to its staging directory (a trunk post_build hook).
// 1. Puts the SHA-256 of trunk's inline module loader into the Content-Security-Policy, so the
//    policy needs neither 'unsafe-inline' nor 'unsafe-eval'.
// 2. Minifies the scripts (release builds).
// 3. Writes the service worker with the precache list of exactly this build's files.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeServiceWorker } from './gen-sw.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set; run this from trunk.');
  process.exit(1);
}

const htmlPath = join(staging, 'index.html');
let html = readFileSync(htmlPath, 'utf8');

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

// Every script of ours and wasm-bindgen's glue (which trunk's minifier gives up on) goes
// through terser in a release build (about 3 KB less gzipped in all); the page's integrity
// hash for the glue follows.
const release = process.env.TRUNK_PROFILE === 'release';
const { minify } = await import('terser');
async function shrink(name, module) {
  const path = join(staging, name);
  const before = readFileSync(path);
  const { code } = await minify(before.toString('utf8'), { module, compress: { passes: 2 }, mangle: true });
  writeFileSync(path, code);
  return [before, code];
}
if (release) {
  const glue = readdirSync(staging).find((f) => /^mend-[0-9a-f]+\.js$/.test(f));
  const [before, code] = await shrink(glue, true);
  const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  if (!html.includes(sri(before))) {
    console.error(`post-build: the integrity hash of ${glue} is not in index.html.`);
    process.exit(1);
  }
  html = html.replace(sri(before), sri(code));
  for (const name of ['pwa.js', 'bytes.js', 'sync.js']) await shrink(name, true);
}
writeFileSync(htmlPath, html);
console.log(`post-build: CSP allows ${hashes.length} inline loader script(s) by hash.`);

const { version, files } = writeServiceWorker(staging);
if (release) await shrink('sw.js', false);
console.log(`post-build: service worker ${version} precaches ${files.length} files.`);
