// Browser tests run against the release build in dist/, served by a plain static server
// from a sub-path (/mend/), in Debian's Chromium (test tools cannot download browsers here).
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PORT = 4173;
export const BASE_PATH = '/mend/';
// A CouchDB-compatible server for the sync tests, in memory, on loopback.
export const COUCH = 'http://127.0.0.1:5987';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.spec\.mjs$/,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    browserName: 'chromium',
    // A fixed place and language, whatever the machine's: a zone with an offset and
    // daylight-saving changes, so a mix-up of UTC and local time shows. The clock itself is
    // fixed per test (tests/e2e/fixtures.mjs).
    timezoneId: 'America/New_York',
    locale: 'en-US',
    launchOptions: {
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
  },
  webServer: [
    {
      command: `node scripts/serve.mjs --dir dist --base ${BASE_PATH} --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      // In a folder of its own: it writes a config and a log where it starts.
      command: `node ${resolve('node_modules/pouchdb-server/bin/pouchdb-server')} --in-memory --host 127.0.0.1 --port 5987 --no-stdout-logs`,
      cwd: mkdtempSync(join(tmpdir(), 'mend-couch-')),
      url: `${COUCH}/`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
  ],
});
