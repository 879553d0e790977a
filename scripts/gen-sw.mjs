// Writes <dir>/sw.js from public/pwa/sw.js: the precache list is every file of the build in
// <dir> (hashed names included; not the .br and .gz copies for hosts), and the version is a hash of their names and contents, so
// any change to the build makes a new service worker. Used by post-build.mjs, and by the
// browser tests to simulate a new release.
//   node scripts/gen-sw.mjs <dir>
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

function files(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, base);
    return [relative(base, path).split(sep).join('/')];
  });
}

export function writeServiceWorker(dir) {
  const list = files(dir)
    .filter((f) => f !== 'sw.js' && !/\.(br|gz)$/.test(f))
    .sort();
  const version = createHash('sha256');
  for (const f of list) {
    version.update(f).update('\0').update(createHash('sha256').update(readFileSync(join(dir, f))).digest());
  }
  const hash = version.digest('hex').slice(0, 16);
  const precache = JSON.stringify(list.map((f) => `./${f}`), null, 2);
  const template = readFileSync(join(root, 'public/pwa/sw.js'), 'utf8');
  if (!template.includes('__PRECACHE__') || !template.includes('__VERSION__')) {
    throw new Error('public/pwa/sw.js lacks its placeholders');
  }
  writeFileSync(join(dir, 'sw.js'), template.replace('__VERSION__', hash).replace('__PRECACHE__', precache));
  return { version: hash, files: list };
}

/** Minifies <dir>/sw.js (release builds). */
export async function minifyServiceWorker(dir) {
  const { minify } = await import('terser');
  const path = join(dir, 'sw.js');
  writeFileSync(path, (await minify(readFileSync(path, 'utf8'), { compress: { passes: 2 }, mangle: true })).code);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/gen-sw.mjs <dir>');
    process.exit(1);
  }
  const { version, files: list } = writeServiceWorker(dir);
  console.log(`gen-sw: ${list.length} files precached, version ${version}`);
}
