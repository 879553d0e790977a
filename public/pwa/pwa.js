// Installs Mend as an offline app and announces updates and install offers to the app (as
// window events it listens for). Never reloads the page unless the user applied an update.
const state = { waiting: null, installEvent: null, updating: false };

function announce(name) {
  window.dispatchEvent(new Event(name));
}

// The share-link helpers (compression, encryption) load only when a link is made or opened.
window.mendLoadBytes = () => import('./bytes.js');
// Sync's crypto and requests load only once the user turns sync on.
window.mendLoadSync = () => import('./sync.js');

window.mendPwa = {
  /** True when a new version is ready to take over. */
  updateReady: () => state.waiting !== null,
  /** Lets the new version take over; the page reloads once it has. */
  applyUpdate() {
    if (!state.waiting) return;
    state.updating = true;
    state.waiting.postMessage({ type: 'apply-update' });
  },
  /** True when a service worker serves this page, so every file is in its cache. */
  offlineReady: () => Boolean(navigator.serviceWorker && navigator.serviceWorker.controller),
  /** True when the browser offers to install the app. */
  canInstall: () => state.installEvent !== null,
  /** Shows the browser's install prompt. */
  async install() {
    const event = state.installEvent;
    if (!event) return false;
    state.installEvent = null;
    event.prompt();
    const choice = await event.userChoice;
    announce('mend-installable');
    return choice.outcome === 'accepted';
  },
};

window.addEventListener('beforeinstallprompt', (event) => {
  event.preventDefault();
  state.installEvent = event;
  announce('mend-installable');
});

window.addEventListener('appinstalled', () => {
  state.installEvent = null;
  announce('mend-installable');
});

function watch(registration) {
  const waiting = (worker) => {
    state.waiting = worker;
    announce('mend-update-ready');
  };
  if (registration.waiting && navigator.serviceWorker.controller) waiting(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    if (!worker) return;
    worker.addEventListener('statechange', () => {
      // A first install has no controller yet: nothing to update, nothing to announce.
      if (worker.state === 'installed' && navigator.serviceWorker.controller) waiting(worker);
    });
  });
}

function register() {
  navigator.serviceWorker
    .register('./sw.js', { scope: './' })
    .then((registration) => {
      watch(registration);
      // Look for a new version now and then, and when the app comes back into view.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') registration.update().catch(() => {});
      });
      window.mendPwa.checkForUpdate = () => registration.update();
    })
    .catch(() => {});
}

// The service worker fetches the whole app for offline use; it starts once the page has
// loaded, so it never competes with the first screen for the network.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (state.updating) window.location.reload();
  });
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
