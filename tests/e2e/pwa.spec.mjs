// The installable offline app: installability, the service worker, working offline, safe
// updates that wait for the user, and a precache list that is exactly the build.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { controlled, ownServer } from './release.mjs';
import { join, relative, sep } from 'node:path';
import { chromium } from '@playwright/test';
import { test, expect, open, saveStatus, expectNoAxeViolations } from './fixtures.mjs';
import { writeServiceWorker } from '../../scripts/gen-sw.mjs';

function precacheOf(swText) {
  return JSON.parse(swText.match(/PRECACHE\s*=\s*(\[[\s\S]*?\])/)[1]);
}

function filesOf(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path, base) : [relative(base, path).split(sep).join('/')];
  });
}

test('Chromium reports no installability errors, and the manifest is complete', async ({ page, browserName, baseURL }, testInfo) => {
  // Installability is not assessed in incognito-like contexts, so use a real profile.
  const profile = mkdtempSync(join(tmpdir(), 'mend-profile-'));
  const context = await chromium.launchPersistentContext(profile, testInfo.project.use.launchOptions);
  try {
    const installed = context.pages()[0] ?? (await context.newPage());
    await installed.goto(`${baseURL}#/`);
    await expect(installed.getByRole('heading', { level: 1 })).toBeVisible();
    await controlled(installed);
    const cdp = await context.newCDPSession(installed);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  expect(browserName).toBe('chromium');
  await open(page, '#/');
  const manifest = await (await page.request.get('manifest.webmanifest')).json();
  expect(manifest).toMatchObject({ short_name: 'Mend', start_url: './', scope: './', display: 'standalone' });
  const sizes = manifest.icons.map((i) => `${i.sizes}:${i.purpose}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']));
});

test('the service worker is active and controls the page', async ({ page }) => {
  await open(page, '#/');
  await controlled(page);
  const state = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const controller = navigator.serviceWorker.controller;
    return { active: controller.state, scope: reg.scope, controller: controller.scriptURL };
  });
  expect(state.active).toBe('activated');
  expect(state.scope).toMatch(/\/mend\/$/);
  expect(state.controller).toMatch(/\/mend\/sw\.js$/);
});

test.describe('offline', () => {
  const PORT = 4181;
  test.use({ baseURL: `http://127.0.0.1:${PORT}/mend/` });

  test('with the network gone, a reload shows the app, and a case can be created and saved', async ({ page, context }) => {
    const server = ownServer(PORT);
    await server.start();
    try {
      await open(page, '#/');
      await controlled(page);
      // The network goes: the server is gone.
      server.stop();
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: 'Handle an unhappy client, calmly' })).toBeVisible();
      await open(page, '#/cases/new');
      await page.getByLabel("Client's name").fill('Written on a plane');
      await expect(saveStatus(page)).toHaveText('Saved');
      await page.reload();
      await expect(page.getByLabel("Client's name")).toHaveValue('Written on a plane');
      // When the browser knows it is offline, the header says so, calmly.
      await context.setOffline(true);
      await expect(page.getByRole('banner').getByText('Offline: everything still works and is saved here.')).toBeVisible();
      await expectNoAxeViolations(page, 'offline');
      await context.setOffline(false);
      await expect(page.getByText('Offline: everything still works')).toBeHidden();
    } finally {
      server.stop();
      server.remove();
    }
  });
});

test('the precache list is exactly the files of dist/', async () => {
  const listed = precacheOf(readFileSync('dist/sw.js', 'utf8'));
  const files = filesOf('dist')
    .filter((f) => f !== 'sw.js' && !/\.(br|gz)$/.test(f))
    .map((f) => `./${f}`)
    .sort();
  expect(listed).toEqual(files);
});

test.describe('updates', () => {
  test.describe.configure({ mode: 'serial' });
  const PORT = 4180;
  let server;
  test.use({ baseURL: `http://127.0.0.1:${PORT}/mend/` });

  test.beforeAll(async () => {
    server = ownServer(PORT);
    await server.start();
  });

  test.afterAll(() => {
    server?.stop();
    server?.remove();
  });

  test('a new release shows "Update available" and reloads only when applied', async ({ page }) => {
    await open(page, '#/cases/new');
    await page.getByLabel("Client's name").fill('Typed before the update');
    await controlled(page);
    const before = await page.evaluate(async () => (await caches.keys()).join());
    await page.evaluate(() => {
      window.__notReloaded = true;
    });

    // A new release: one file changes, and the build step writes a new service worker.
    appendFileSync(join(server.dir, 'icons/icon.svg'), '\n<!-- next release -->\n');
    writeServiceWorker(server.dir);
    await page.evaluate(() => window.mendPwa.checkForUpdate());

    const prompt = page.getByRole('status').filter({ hasText: 'A new version of Mend is ready' });
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => window.__notReloaded)).toBe(true);
    await expect(page.getByLabel("Client's name")).toHaveValue('Typed before the update');
    await expectNoAxeViolations(page, 'update prompt');

    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Update now' }).click()]);
    expect(await page.evaluate(() => window.__notReloaded)).toBeUndefined();
    await expect(page.getByLabel("Client's name")).toHaveValue('Typed before the update');
    const after = await page.evaluate(async () => (await caches.keys()).join());
    // The new version's cache, and the one before it for a tab still running that version.
    expect(after).not.toBe(before);
    expect(after.split(',')).toEqual([before, expect.stringMatching(/^mend-/)]);
  });
});
