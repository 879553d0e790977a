// Sync between two devices (two browser contexts) through a real CouchDB-compatible server
// (pouchdb-server, in memory, started by the harness): cases cross both ways, offline edits
// to the same case are both kept, a deletion reaches the other device's trash, a wrong
// passphrase changes nothing, the server holds nothing readable, and nothing is sent anywhere
// before sync is on (and then only to that server).
import http from 'node:http';
import { test, expect, open, saveStatus, storedRecords, newCase, newContext, NOW } from './fixtures.mjs';
import { COUCH } from '../../playwright.config.mjs';

test.use({ allowedOrigins: [COUCH] });

/** A fresh database for one test, and the user the devices log in as. */
async function database(request) {
  const user = await request.put(`${COUCH}/_users/org.couchdb.user:dana`, {
    data: { name: 'dana', password: 'a password', roles: [], type: 'user' },
  });
  expect([201, 409]).toContain(user.status());
  const db = `mend-${Math.random().toString(36).slice(2, 10)}`;
  expect((await request.put(`${COUCH}/${db}`)).ok()).toBe(true);
  return db;
}

/** A second device: its own browser profile, with the same guards as the first
 *  (`allowed`: console errors a test expects, as regexes; `server`: the one it may talk to). */
async function secondDevice(browser, baseURL, allowed = [], server = COUCH) {
  const context = await newContext(browser, { baseURL });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && !allowed.some((re) => re.test(m.text())) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    const origin = new URL(r.url()).origin;
    if (!['data:', 'blob:'].includes(new URL(r.url()).protocol) && origin !== new URL(baseURL).origin && origin !== server) {
      problems.push(`request outside the origin: ${r.url()}`);
    }
  });
  return { context, page, problems };
}

async function turnOn(page, db, passphrase = 'a long sync passphrase', server = COUCH) {
  await open(page, '#/sync');
  await page.getByLabel('Server address').fill(server);
  await page.getByLabel('Database').fill(db);
  await page.getByLabel('User name').fill('dana');
  await page.getByLabel('Password', { exact: true }).fill('a password');
  await page.getByLabel('Sync passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Turn sync on' }).click();
}

async function synced(page) {
  await expect(page.getByRole('heading', { name: 'Sync is on' })).toBeVisible();
  await expect(page.getByText(/Last synced: \w+ \d+, \d{4}, \d+:\d\d\s[AP]M\. Nothing waiting\./)).toBeVisible({ timeout: 20_000 });
}

test('a case made on one device appears on the other, and edits flow both ways', async ({ page, browser, baseURL, request }) => {
  test.setTimeout(90_000);
  const db = await database(request);
  const id = await newCase(page, 'Dana Whitfield');
  await turnOn(page, db);
  await synced(page);
  // A round of sync while a new passphrase is being typed leaves it as typed.
  const newPass = page.getByLabel('New sync passphrase');
  await newPass.fill('half typed');
  const rounds = page.waitForRequest((r) => r.url().includes('/_changes'));
  await page.evaluate(() => window.mendSync.stop());
  await rounds;
  await expect(newPass).toHaveValue('half typed');
  await expect(newPass).toBeFocused();
  // A change needs the current passphrase: a wrong one changes nothing.
  await page.getByLabel('Current sync passphrase').fill('not the passphrase');
  await newPass.fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Change the passphrase' }).click();
  await expect(page.getByText('That is not the current passphrase. Nothing was changed.')).toBeVisible({ timeout: 20_000 });

  const b = await secondDevice(browser, baseURL);
  await turnOn(b.page, db);
  await synced(b.page);
  await open(b.page, `#/cases/${id}/case`);
  await expect(b.page.getByLabel("Client's name")).toHaveValue('Dana Whitfield');

  // An edit on the second device reaches the first without a reload.
  await b.page.getByLabel("Client's name").fill('Dana Whitfield, edited on the laptop');
  await expect(saveStatus(b.page)).toHaveText('Saved');
  await open(page, `#/cases/${id}/case`);
  await expect(page.getByLabel("Client's name")).toHaveValue('Dana Whitfield, edited on the laptop', { timeout: 20_000 });
  // And back.
  await page.getByLabel('What is disputed').fill('Six invoiced hours.');
  await expect(b.page.getByLabel('What is disputed')).toHaveValue('Six invoiced hours.', { timeout: 20_000 });
  expect(b.problems).toEqual([]);
  await b.context.close();
});

// Offline, the browser logs each request the sync loop tries as failing.
const OFFLINE = [/ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource/];

test.describe('offline', () => {
  test.use({ allowedErrors: OFFLINE });

test('both devices edit the same case offline; reconnected, both versions are kept', async ({ page, browser, baseURL, request }) => {
  test.setTimeout(120_000);
  const db = await database(request);
  const id = await newCase(page, 'Shared client');
  await turnOn(page, db);
  await synced(page);
  const b = await secondDevice(browser, baseURL, OFFLINE);
  await turnOn(b.page, db);
  await synced(b.page);

  await page.context().setOffline(true);
  await b.context.setOffline(true);
  for (const [p, name] of [[page, 'Shared client, phone version'], [b.page, 'Shared client, laptop version']]) {
    await open(p, `#/cases/${id}/case`);
    await p.getByLabel("Client's name").fill(name);
    await expect(saveStatus(p)).toHaveText('Saved');
  }
  await expect(page.getByRole('banner').getByText('Offline: everything still works and is saved here.')).toBeVisible();
  await page.context().setOffline(false);
  await open(page, '#/sync');
  await synced(page);
  await b.context.setOffline(false);
  await expect(b.page.getByText('was also changed on another device. Both versions are kept')).toBeVisible({ timeout: 20_000 });
  for (const p of [page, b.page]) {
    await open(p, '#/cases');
    await expect(p.getByRole('link', { name: 'Shared client, phone version' })).toBeVisible({ timeout: 20_000 });
    await expect(p.getByRole('link', { name: 'Shared client, laptop version' })).toBeVisible({ timeout: 20_000 });
  }
  expect(b.problems).toEqual([]);
  await b.context.close();
});
});

test('a deletion on one device goes to the other device’s trash', async ({ page, browser, baseURL, request }) => {
  test.setTimeout(90_000);
  const db = await database(request);
  const id = await newCase(page, 'Soon deleted');
  await turnOn(page, db);
  await synced(page);
  const b = await secondDevice(browser, baseURL);
  await turnOn(b.page, db);
  await synced(b.page);
  await open(b.page, '#/cases');
  await expect(b.page.getByRole('link', { name: 'Soon deleted' })).toBeVisible();

  await open(page, `#/cases/${id}/summary`);
  await page.getByRole('button', { name: 'Delete this case' }).click();
  const notice = b.page.getByRole('status').filter({ hasText: '“Soon deleted” was deleted on another device. It is in the trash here.' });
  await expect(notice).toBeVisible({ timeout: 20_000 });
  await expect(b.page.getByRole('link', { name: 'Soon deleted' })).toBeHidden();
  await open(b.page, '#/backup');
  await expect(b.page.getByRole('button', { name: 'Restore “Soon deleted”' })).toBeVisible();
  expect(b.problems).toEqual([]);
  await b.context.close();
});

test('a wrong passphrase on the second device says so and changes nothing stored', async ({ page, browser, baseURL, request }) => {
  test.setTimeout(60_000);
  const db = await database(request);
  await newCase(page, 'Kept private');
  await turnOn(page, db, 'the right passphrase');
  await synced(page);

  const b = await secondDevice(browser, baseURL);
  await newCase(b.page, 'Only on the laptop');
  const before = await b.page.evaluate(() => ({ ...localStorage }));
  await turnOn(b.page, db, 'not the right one');
  await expect(b.page.getByText("That passphrase does not open this server's data. Nothing was changed.")).toBeVisible({ timeout: 20_000 });
  expect(await b.page.evaluate(() => ({ ...localStorage }))).toEqual(before);
  await open(b.page, '#/cases');
  await expect(b.page.getByRole('link', { name: 'Kept private' })).toHaveCount(0);
  expect(b.problems).toEqual([]);
  await b.context.close();
});

test('the server’s documents hold none of the case’s text, the client’s name or a record id', async ({ page, request }) => {
  test.setTimeout(60_000);
  const db = await database(request);
  const id = await newCase(page, 'Marisol Vega');
  await page.getByLabel('What is disputed').fill('Four hours of checkout fixes she says were ours.');
  await expect(saveStatus(page)).toHaveText('Saved');
  await turnOn(page, db);
  await synced(page);
  const text = await (await request.get(`${COUCH}/${db}/_all_docs?include_docs=true`)).text();
  expect(JSON.parse(text).rows.length).toBeGreaterThanOrEqual(2);
  // Sealed text is read as the bytes it holds: its base64 letters spell short words by chance.
  const all = text.replace(/"c":"([^"]*)"/g, (_, c) => Buffer.from(c, 'base64').toString('latin1'));
  for (const secret of ['Marisol', 'Vega', 'checkout', id, 'mend:case', '"kind"', 'USD']) {
    expect(all, `the server can read ${secret}`).not.toContain(secret);
  }
});

test('before sync is on, no request leaves the origin; after, only to the configured server', async ({ page, baseURL, request }) => {
  test.setTimeout(60_000);
  const seen = [];
  page.on('request', (r) => seen.push(new URL(r.url()).origin));
  const db = await database(request);
  await newCase(page, 'Private by default');
  for (const screen of ['#/', '#/cases', '#/backup', '#/sync', '#/trends', '#/journal', '#/clause']) await open(page, screen);
  const app = new URL(baseURL).origin;
  expect([...new Set(seen)]).toEqual([app]);
  await turnOn(page, db);
  await synced(page);
  expect([...new Set(seen)].sort()).toEqual([app, COUCH].sort());
});

/** A proxy in front of the server on `port` that refuses pushes larger than `limit` bytes
 *  with 413, as nginx does above its client_max_body_size (1 MiB by default). */
function proxy(port, limit) {
  const target = new URL(COUCH);
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.method === 'POST' && req.url.includes('_bulk_docs') && body.length > limit) {
        res.writeHead(413, { 'access-control-allow-origin': req.headers.origin ?? '*', 'access-control-allow-credentials': 'true' });
        res.end('{"error":"too_large"}');
        return;
      }
      const up = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, (r) => {
        res.writeHead(r.statusCode, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.destroy());
      up.end(body);
    });
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve(() => { server.closeAllConnections(); server.close(); })),
  );
}

const PROXY_PORT = 5988;
const PROXY = `http://127.0.0.1:${PROXY_PORT}`;

test.describe('behind a proxy with a request limit', () => {
  const TOO_LARGE = [/status of 413/];
  test.use({ allowedOrigins: [COUCH, PROXY], allowedErrors: TOO_LARGE });

  test('a record too large for the server is named on the Sync screen, and everything else still syncs both ways', async ({ page, browser, baseURL, request }) => {
    test.setTimeout(120_000);
    const close = await proxy(PROXY_PORT, 40_000);
    try {
      const db = await database(request);
      // This device holds a case whose text is far over the limit once sealed, and a small one.
      await page.addInitScript((now) => {
        if (localStorage.getItem('mend-seeded')) return;
        localStorage.setItem('mend-seeded', '1');
        const put = (id, name, disputed) => localStorage.setItem(`mend:case:${id}`, JSON.stringify({ kind: 'case', id, v: 4, created: now, updated: now, data: { client: { name, company: '', contact: '' }, disputed } }));
        put('hugecase00000001', 'Huge Co', 'A very long complaint. '.repeat(3000));
        put('smallcase0000001', 'Small Co', 'A short one.');
      }, NOW);
      const b = await secondDevice(browser, baseURL, TOO_LARGE, PROXY);
      await newCase(b.page, 'From the laptop');
      await turnOn(b.page, db, undefined, PROXY);
      await synced(b.page);

      await turnOn(page, db, undefined, PROXY);
      const refused = page.getByText('The server did not take these records this time. Everything else keeps syncing:');
      await expect(refused).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('listitem').filter({ hasText: 'Huge Co: too large for the server to take in one request.' })).toContainText('It is safe on this device.');
      await expect(page.getByText('1 change waiting to be sent.')).toBeVisible();
      await open(page, '#/cases');
      await expect(page.getByRole('link', { name: 'From the laptop' })).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('link', { name: 'Huge Co' })).toBeVisible();

      await open(b.page, '#/cases');
      await expect(b.page.getByRole('link', { name: 'Small Co' })).toBeVisible({ timeout: 30_000 });
      await expect(b.page.getByRole('link', { name: 'Huge Co' })).toHaveCount(0);
      expect(b.problems).toEqual([]);
      await b.context.close();
    } finally {
      close();
    }
  });
});

test.describe('when the database is emptied', () => {
  // While the database is gone, the device's requests fail, and the browser logs them.
  test.use({ allowedErrors: [/Failed to load resource|status of 404/] });

  test('the device that holds the key fills it again, and a new device then gets every case', async ({ page, browser, baseURL, request }) => {
    test.setTimeout(120_000);
    const db = await database(request);
    await newCase(page, 'Kept through the wipe');
    await turnOn(page, db);
    await synced(page);
    expect((await request.delete(`${COUCH}/${db}`)).ok()).toBe(true);
    expect((await request.put(`${COUCH}/${db}`)).ok()).toBe(true);
    await newCase(page, 'Made after the wipe');
    // The device finds the key gone on its next round, puts it back, and sends both cases.
    const ids = async () => (await (await request.get(`${COUCH}/${db}/_all_docs`)).json()).rows.map((r) => r.id);
    await expect.poll(ids, { timeout: 30_000 }).toHaveLength(3);
    expect(await ids()).toContain('mend-keys');
    await open(page, '#/sync');
    await synced(page);

    const b = await secondDevice(browser, baseURL);
    await turnOn(b.page, db);
    await synced(b.page);
    await open(b.page, '#/cases');
    await expect(b.page.getByRole('link', { name: 'Kept through the wipe' })).toBeVisible();
    await expect(b.page.getByRole('link', { name: 'Made after the wipe' })).toBeVisible();
    expect(b.problems).toEqual([]);
    await b.context.close();
  });
});

test('an older copy the server puts back is refused, said plainly, and the newer one goes back', async ({ page, browser, baseURL, request }) => {
  test.setTimeout(120_000);
  const db = await database(request);
  const id = await newCase(page, 'First wording');
  await turnOn(page, db);
  await synced(page);
  const docs = async () => (await (await request.get(`${COUCH}/${db}/_all_docs?include_docs=true`)).json()).rows.map((r) => r.doc).filter((d) => d._id !== 'mend-keys');
  const [old] = await docs();
  await open(page, `#/cases/${id}/case`);
  await page.getByLabel("Client's name").fill('Second wording');
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect.poll(async () => (await docs())[0].c, { timeout: 20_000 }).not.toBe(old.c);

  // Whoever runs the server restores the old sealed copy as a new revision.
  const [now] = await docs();
  expect((await request.put(`${COUCH}/${db}/${old._id}`, { data: { _rev: now._rev, c: old.c } })).ok()).toBe(true);
  await expect(page.getByText('The sync server sent an older copy of “Second wording” than this device already has. It was refused')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel("Client's name")).toHaveValue('Second wording');
  // This device's newer copy went back: the server's latest is neither of the two it held.
  const fresh = async () => ![old.c, now.c].includes((await docs())[0].c);
  await expect.poll(fresh, { timeout: 20_000 }).toBe(true);

  const b = await secondDevice(browser, baseURL);
  await turnOn(b.page, db);
  await synced(b.page);
  await open(b.page, '#/cases');
  await expect(b.page.getByRole('link', { name: 'Second wording' })).toBeVisible();
  await expect(b.page.getByRole('link', { name: 'First wording' })).toHaveCount(0);
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText('The sync server sent an older copy')).toHaveCount(0);
  expect(b.problems).toEqual([]);
  await b.context.close();
});

test('a new database asks for a passphrase hard to guess, and makes nothing until it gets one', async ({ page, request }) => {
  const db = await database(request);
  await turnOn(page, db, 'short one');
  await expect(page.getByText('use at least 12 characters')).toBeVisible({ timeout: 20_000 });
  expect((await (await request.get(`${COUCH}/${db}/_all_docs`)).json()).rows).toEqual([]);
  await page.getByLabel('Sync passphrase').fill('copper lantern river pocket');
  await page.getByRole('button', { name: 'Turn sync on' }).click();
  await synced(page);
});

test('two tabs on one device: one syncs at a time, and the other never sends its older copy', async ({ page, browser, baseURL, request }) => {
  test.setTimeout(90_000);
  const db = await database(request);
  const id = await newCase(page, 'Seen in two tabs');
  await turnOn(page, db);
  await synced(page);
  const other = await page.context().newPage();
  await open(other, `#/cases/${id}/case`);
  await expect(other.getByLabel("Client's name")).toHaveValue('Seen in two tabs');
  const held = () => page.evaluate(async () => (await navigator.locks.query()).held.filter((l) => l.name === 'mend-sync').length);
  for (let i = 0; i < 5; i++) expect(await held()).toBeLessThanOrEqual(1);

  await open(page, `#/cases/${id}/case`);
  await page.getByLabel("Client's name").fill('Changed in the first tab');
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(other.getByLabel("Client's name")).toHaveValue('Changed in the first tab');
  const b = await secondDevice(browser, baseURL);
  await turnOn(b.page, db);
  await synced(b.page);
  await open(b.page, '#/cases');
  await expect(b.page.getByRole('link', { name: 'Changed in the first tab' })).toBeVisible({ timeout: 20_000 });
  await expect(b.page.getByRole('link', { name: 'Seen in two tabs' })).toHaveCount(0);
  for (const p of [page, other]) await expect(p.getByText('was also changed')).toHaveCount(0);
  expect(b.problems).toEqual([]);
  await b.context.close();
});

test('a new key seals everything again; the other device stops until given the passphrase, then syncs on', async ({ page, browser, baseURL, request }) => {
  test.setTimeout(120_000);
  const db = await database(request);
  await newCase(page, 'Sealed twice');
  await turnOn(page, db);
  await synced(page);
  const b = await secondDevice(browser, baseURL);
  await turnOn(b.page, db);
  await synced(b.page);
  const ids = async () => (await (await request.get(`${COUCH}/${db}/_all_docs`)).json()).rows.map((r) => r.id).filter((id) => id !== 'mend-keys');
  const before = await ids();

  await page.getByLabel('Current sync passphrase').fill('a long sync passphrase');
  await page.getByRole('button', { name: 'Make a new key' }).click();
  await expect(page.getByText('Done: every record is sealed under a new key')).toBeVisible({ timeout: 30_000 });
  const after = await ids();
  expect(after).toHaveLength(before.length);
  expect(after.filter((id) => before.includes(id))).toEqual([]);

  await newCase(b.page, 'Made on the laptop meanwhile');
  await open(b.page, '#/sync');
  await expect(b.page.getByText('Another device made a new key for your data, so this device stopped syncing.')).toBeVisible({ timeout: 30_000 });
  await b.page.getByRole('button', { name: 'Turn sync off on this device' }).click();
  await turnOn(b.page, db);
  await synced(b.page);
  await open(page, '#/cases');
  await expect(page.getByRole('link', { name: 'Made on the laptop meanwhile' })).toBeVisible({ timeout: 30_000 });
  await open(b.page, '#/cases');
  await expect(b.page.getByRole('link', { name: 'Sealed twice' })).toHaveCount(1);
  expect(b.problems).toEqual([]);
  await b.context.close();
});
