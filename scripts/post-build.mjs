// Runs after trunk has written the page to its staging directory (a trunk post_build hook).
// 1. Puts the SHA-256 of trunk's inline module loader into the Content-Security-Policy, so the
//    policy needs neither 'unsafe-inline' nor 'unsafe-eval'.
// 2. Strips comments from our own small scripts.
// 3. Writes the service worker with the precache list of exactly this build's files.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
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
writeFileSync(htmlPath, html);
console.log(`post-build: CSP allows ${hashes.length} inline loader script(s) by hash.`);

// Our own small scripts ship without their comments and indentation (trunk minifies only
// what it builds itself). Line structure is kept, so nothing depends on semicolons.
for (const name of ['pwa.js', 'bytes.js']) {
  const path = join(staging, name);
  const slim = readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('//') && !(line.startsWith('/*') && line.endsWith('*/')))
    .join('\n');
  writeFileSync(path, slim + '\n');
}

const { version, files } = writeServiceWorker(staging);
console.log(`post-build: service worker ${version} precaches ${files.length} files.`);
