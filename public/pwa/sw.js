// Mend's service worker. scripts/post-build.mjs writes the precache list and the version
// into the copy in dist/ after every build; this template is never served as is.
// Strategy: precache exactly the files of this build, serve them cache-first, answer page
// navigations with the cached app shell (so the app starts offline), make no request to any
// other origin, and wait for the page to say when to take over (never reload mid-work).
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `mend-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('mend-') && k !== CACHE).map((k) => caches.delete(k))))
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
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)),
    ),
  );
});
