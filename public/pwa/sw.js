// Mend's service worker. scripts/post-build.mjs writes the precache list and the version
// into the copy in dist/ after every build; this template is never served as is.
// Strategy: precache exactly the files of this build, serve them cache-first, answer page
// navigations with the cached app shell (so the app starts offline), make no request to any
// other origin, and wait for the page to say when to take over (never reload mid-work).
// The screens that load when first opened are files of the build like any other, so an
// installed app opens every one of them offline. The previous version's cache is kept: a tab
// still running it fetches its own chunks from there, never a mix of two versions.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `mend-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' })))),
  );
});

// Keeps this version's cache and the newest one before it (caches.keys() lists them in the
// order they were made); older ones go.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => {
        const others = keys.filter((k) => k.startsWith('mend-') && k !== CACHE);
        return Promise.all(others.slice(0, -1).map((k) => caches.delete(k)));
      })
      .then(() => self.clients.claim()),
  );
});

// The page asks for the update only when the user chose to apply it.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'apply-update') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match('./index.html').then((shell) => shell || fetch(request)),
      ),
    );
    return;
  }
  // Hashed names never collide, so a file found in the previous version's cache is that
  // version's own.
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache
        .match(request, { ignoreSearch: true })
        .then((hit) => hit || caches.match(request, { ignoreSearch: true }))
        .then((hit) => hit || fetch(request)),
    ),
  );
});
