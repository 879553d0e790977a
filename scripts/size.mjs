// Prints the size of the whole built app, gzipped: every file in dist/, which is every file
// the page can load (the service worker precaches exactly these). With --check, fails above
// the budget.
import { gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const BUDGET = 450 * 1000; // bytes, gzipped
const dist = 'dist';

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

let raw = 0;
let gz = 0;
const rows = [];
for (const path of files(dist)) {
  const body = readFileSync(path);
  const zipped = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gz += zipped;
  rows.push([relative(dist, path), body.length, zipped]);
}
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
for (const [name, r, z] of rows.sort((a, b) => b[2] - a[2])) {
  console.log(`${name.padEnd(44)} ${kb(r).padStart(10)} raw ${kb(z).padStart(10)} gzipped`);
}
console.log(`${'whole app'.padEnd(44)} ${kb(raw).padStart(10)} raw ${kb(gz).padStart(10)} gzipped (budget ${kb(BUDGET)})`);
if (process.argv.includes('--check') && gz > BUDGET) {
  console.error(`size: the whole app is ${kb(gz)} gzipped, over the ${kb(BUDGET)} budget`);
  process.exit(1);
}
