// Helpers for tests that need a release of their own: a copy of dist/ on its own port, which a
// test can stop (the network goes) or change (a new version is deployed).
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeServiceWorker } from '../../scripts/gen-sw.mjs';
import { startServer } from '../../scripts/static-server.mjs';

/** Waits until the service worker is active and controls `page`. */
export async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 20_000 });
}

/** Serves a copy of dist/ under /mend/ on its own port. */
export function ownServer(port) {
  const dir = mkdtempSync(join(tmpdir(), 'mend-release-'));
  cpSync('dist', dir, { recursive: true });
  let server = null;
  return {
    dir,
    start: async () => {
      server = await startServer({ dir, port });
    },
    stop: () => server?.stop(),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Deploys a new version into `dir` as a real build would: every lazy screen's wasm file gets a
 * new hashed name (the old names are gone from the server), the chunk loader names the new
 * files, and the service worker is written anew. Returns the new names.
 */
export function deployNextVersion(dir) {
  const loader = readdirSync(dir).find((f) => /^split-[0-9a-f]+\.js$/.test(f));
  let text = readFileSync(join(dir, loader), 'utf8');
  const renamed = [];
  for (const name of readdirSync(dir).filter((f) => /^(split|chunk)_.+-[0-9a-f]{16}\.wasm$/.test(f))) {
    const next = name.replace(/-([0-9a-f]{16})\.wasm$/, (_, hash) => `-${[...hash].reverse().join('')}.wasm`);
    renameSync(join(dir, name), join(dir, next));
    if (!text.includes(`"./${name}"`)) throw new Error(`the loader does not name ${name}`);
    text = text.replaceAll(`"./${name}"`, `"./${next}"`);
    renamed.push(next);
  }
  writeFileSync(join(dir, loader), text);
  writeServiceWorker(dir);
  return renamed;
}
