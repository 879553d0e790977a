// Prints the first-load size of the built app, gzipped: the page and everything it loads
// before the app is usable (JS, wasm, CSS, manifest). With --check, fails above the budget.
import { gzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const BUDGET = 250 * 1000; // bytes, gzipped
const dist = 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const refs = new Set(['index.html']);
// Attributes may be quoted or not (the release page is minified).
for (const m of html.matchAll(/(?:href|src)=["']?(?:\.\/)?([^"'\s>#?]+\.(?:js|wasm|css|webmanifest))/g)) {
  refs.add(m[1]);
}
for (const m of html.matchAll(/from '\.?\/?([^']+\.js)'|module_or_path: '\.?\/?([^']+\.wasm)'/g)) {
  refs.add(m[1] ?? m[2]);
}

let raw = 0;
let gz = 0;
const rows = [];
for (const ref of refs) {
  const path = join(dist, ref);
  if (!existsSync(path)) {
    console.error(`size: ${ref} is referenced by index.html but missing from dist/`);
    process.exit(1);
  }
  const body = readFileSync(path);
  const zipped = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gz += zipped;
  rows.push([ref, body.length, zipped]);
}
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
for (const [ref, r, z] of rows.sort((a, b) => b[2] - a[2])) {
  console.log(`${ref.padEnd(40)} ${kb(r).padStart(10)} raw ${kb(z).padStart(10)} gzipped`);
}
console.log(`${'first load'.padEnd(40)} ${kb(raw).padStart(10)} raw ${kb(gz).padStart(10)} gzipped (budget ${kb(BUDGET)})`);
// Loaded on demand, not part of the first load: the later screens' module.
const laterDir = join(dist, 'later');
if (existsSync(laterDir)) {
  let laterGz = 0;
  for (const name of readdirSync(laterDir)) laterGz += gzipSync(readFileSync(join(laterDir, name)), { level: 9 }).length;
  console.log(`${'later screens (loaded when first opened)'.padEnd(40)} ${kb(laterGz).padStart(25)} gzipped`);
}
if (process.argv.includes('--check') && gz > BUDGET) {
  console.error(`size: first load is ${kb(gz)} gzipped, over the ${kb(BUDGET)} budget`);
  process.exit(1);
}
