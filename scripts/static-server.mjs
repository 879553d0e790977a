// Starts scripts/serve.mjs in a child process and waits until it answers, for the scripts and
// tests that need the release build served (prerender, bench, Lighthouse, the browser tests'
// own releases). Compressing at start-up can take a few seconds, hence the patient wait.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serveScript = join(dirname(fileURLToPath(import.meta.url)), 'serve.mjs');

/** Serves `dir` under `base` on `port`; resolves to { url, stop } once it answers. */
export async function startServer({ dir, port, base = '/mend/', compress }) {
  const args = [serveScript, '--dir', dir, '--base', base, '--port', String(port)];
  if (compress) args.push('--compress', compress);
  const server = spawn('node', args, { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}${base}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return { url, stop: () => server.kill() };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  server.kill();
  throw new Error(`no server answered at ${url}`);
}
