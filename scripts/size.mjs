// Prints where the built app's bytes go, gzipped: the first visit (the page and every file it
// loads before the first screen works: what it links to, and what those scripts import), then
// every other file in dist/ (the screens loaded when first opened, the helpers loaded on
// demand, the icons), and the whole app (the service worker precaches exactly these). The
// .br and .gz copies written for hosts are not counted. With --check, fails above a budget.
import { gzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const FIRST_VISIT_BUDGET = 300 * 1000; // bytes, gzipped
const WHOLE_BUDGET = 480 * 1000;
const dist = process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? 'dist';

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [relative(dist, path).split(sep).join('/')];
  });
}

/** index.html, the files it links to, and the modules those import statically. */
function firstVisit() {
  const seen = new Set(['index.html']);
  const queue = ['index.html'];
  while (queue.length > 0) {
    const name = queue.shift();
    const text = readFileSync(join(dist, name), 'utf8');
    const refs = [
      ...text.matchAll(/\b(?:href|src)=["']?(?:\.\/)?([^"' >]+)/g),
      ...text.matchAll(/\bfrom\s*["']\.\/([^"']+)["']/g),
      // The page's loader names the main wasm in a string. (The split loader names the lazy
      // part the same way, but fetches it only when it is first needed.)
      ...(name === 'index.html' ? text.matchAll(/["']\.\/([^"']+\.wasm)["']/g) : []),
    ].map((m) => m[1]);
    for (const ref of refs) {
      if (seen.has(ref) || !existsSync(join(dist, ref)) || statSync(join(dist, ref)).isDirectory()) continue;
      seen.add(ref);
      if (/\.(html|js)$/.test(ref)) queue.push(ref);
    }
  }
  return seen;
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const first = firstVisit();
if (![...first].some((f) => /_bg\.wasm$/.test(f))) {
  console.error('size: the first visit found no main wasm module; has the page changed how it loads it?');
  process.exit(1);
}
const rows = files(dist)
  .filter((f) => !/\.(br|gz)$/.test(f))
  .map((f) => {
    const body = readFileSync(join(dist, f));
    return { name: f, raw: body.length, gz: gzipSync(body, { level: 9 }).length };
  })
  .sort((a, b) => b.gz - a.gz);

function table(title, list, budget) {
  console.log(`\n${title}`);
  for (const r of list) console.log(`  ${r.name.padEnd(44)} ${kb(r.raw).padStart(10)} raw ${kb(r.gz).padStart(10)} gzipped`);
  const raw = list.reduce((s, r) => s + r.raw, 0);
  const gz = list.reduce((s, r) => s + r.gz, 0);
  const note = budget ? ` (budget ${kb(budget)})` : '';
  console.log(`  ${'in all'.padEnd(44)} ${kb(raw).padStart(10)} raw ${kb(gz).padStart(10)} gzipped${note}`);
  return gz;
}

const firstGz = table('First visit: the page and what it loads before the first screen works', rows.filter((r) => first.has(r.name)), FIRST_VISIT_BUDGET);
const lazy = rows.filter((r) => !first.has(r.name));
const parts = lazy.filter((r) => /^(split|chunk)_/.test(r.name));
const shared = parts.filter((r) => r.name.startsWith('chunk_'));
table('Loaded when first opened: one file per part of the app (split_*), code two parts share (chunk_*)', parts.filter((r) => r.name.startsWith('split_')).concat(shared.length ? [{ name: `${shared.length} shared chunk_* files`, raw: shared.reduce((s, r) => s + r.raw, 0), gz: shared.reduce((s, r) => s + r.gz, 0) }] : []));
table('Everything else (helpers loaded on demand, the service worker, icons)', lazy.filter((r) => !parts.includes(r)));
const wholeGz = rows.reduce((s, r) => s + r.gz, 0);
console.log(`\nwhole app: ${kb(wholeGz)} gzipped in ${rows.length} files (budget ${kb(WHOLE_BUDGET)}); first visit ${kb(firstGz)} (budget ${kb(FIRST_VISIT_BUDGET)})`);

if (process.argv.includes('--check')) {
  let over = false;
  if (firstGz > FIRST_VISIT_BUDGET) {
    console.error(`size: the first visit is ${kb(firstGz)} gzipped, over the ${kb(FIRST_VISIT_BUDGET)} budget`);
    over = true;
  }
  if (wholeGz > WHOLE_BUDGET) {
    console.error(`size: the whole app is ${kb(wholeGz)} gzipped, over the ${kb(WHOLE_BUDGET)} budget`);
    over = true;
  }
  if (over) process.exit(1);
}
