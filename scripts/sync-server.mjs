// A CouchDB-compatible server to try sync on this computer: pouchdb-server, in memory, on
// http://127.0.0.1:5984, with a database "mend" and a user "dana" (password "try-sync").
// Everything is gone when it stops (Ctrl-C). Users run Apache CouchDB 3 (see the README).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PORT = 5984;
const URL = `http://127.0.0.1:${PORT}`;
const bin = resolve('node_modules/pouchdb-server/bin/pouchdb-server');
// pouchdb-server writes its config and log to the working directory: keep them out of the repo.
const server = spawn('node', [bin, '--in-memory', '--host', '127.0.0.1', '--port', String(PORT)], {
  cwd: mkdtempSync(join(tmpdir(), 'mend-couch-')),
  stdio: ['ignore', 'ignore', 'inherit'],
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill());
server.on('exit', (code) => process.exit(code ?? 0));

async function up() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(URL)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pouchdb-server did not start on ${URL}`);
}

await up();
const put = (path, body) =>
  fetch(`${URL}/${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
await put('mend');
await put('_users/org.couchdb.user:dana', { name: 'dana', password: 'try-sync', roles: [], type: 'user' });
console.log(`A sync server is running (Ctrl-C stops it; nothing is kept). In Mend, Backup → Sync, type:
  Server address  ${URL}
  Database        mend
  User name       dana
  Password        try-sync
  Sync passphrase at least 12 characters (four words will do), the same on each device`);
