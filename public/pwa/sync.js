// Sync's browser side, loaded only once the user turns sync on (see src/store/sync.rs).
// Records are sealed with AES-256-GCM under a random data key; the data key is wrapped by a
// key derived from the sync passphrase with PBKDF2-HMAC-SHA256 at 600,000 rounds (OWASP's
// figure for that hash). Requests go only to the server the user typed, with their login.
const ROUNDS = 600000;
const utf8 = new TextEncoder();
const text = new TextDecoder();
let waiting = null;

function b64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const unb64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function passKey(passphrase, salt, rounds) {
  const base = await crypto.subtle.importKey('raw', utf8.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', salt, iterations: rounds, hash: 'SHA-256' }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

const dataKey = (key) => crypto.subtle.importKey('raw', unb64(key), 'AES-GCM', false, ['encrypt', 'decrypt']);

async function seal(key, bytes) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, bytes));
  const out = new Uint8Array(12 + sealed.length);
  out.set(iv);
  out.set(sealed, 12);
  return b64(out);
}

async function unseal(key, sealed) {
  const bytes = unb64(sealed);
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, 12) }, key, bytes.slice(12)));
}

async function wrap(passphrase, key) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const wrapped = await seal(await passKey(passphrase, salt, ROUNDS), unb64(key));
  return JSON.stringify({ salt: b64(salt), rounds: ROUNDS, wrapped });
}

window.mendSync = {
  newKey: () => b64(crypto.getRandomValues(new Uint8Array(32))),
  wrap,
  async unwrap(passphrase, fields) {
    const f = JSON.parse(fields);
    return b64(await unseal(await passKey(passphrase, unb64(f.salt), f.rounds), f.wrapped));
  },
  seal: async (key, plain) => seal(await dataKey(key), utf8.encode(plain)),
  open: async (key, sealed) => text.decode(await unseal(await dataKey(key), sealed)),
  // Answers JSON text {status, body}; throws 'stopped', 'cors' or 'unreachable'. A request
  // that takes too long counts as unreachable (a long poll gets its own wait and a margin);
  // a redirect is refused, so the login never goes to another address.
  async request(url, method, user, password, body, wait) {
    const controller = new AbortController();
    if (wait) waiting = controller;
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      controller.abort();
    }, wait ? 40000 : 30000);
    const login = b64(utf8.encode(`${user}:${password}`));
    try {
      const r = await fetch(url, {
        method,
        body: body ?? undefined,
        headers: { Authorization: `Basic ${login}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
        signal: controller.signal,
      });
      return JSON.stringify({ status: r.status, body: await r.text() });
    } catch (e) {
      if (late) throw 'unreachable';
      if (controller.signal.aborted) throw 'stopped';
      // A server that answers a plain request but not this one is refusing this page (CORS).
      const probe = new URL('/', url).href;
      const reached = await fetch(probe, { mode: 'no-cors', cache: 'no-store', credentials: 'omit' }).then(() => true, () => false);
      throw reached ? 'cors' : 'unreachable';
    } finally {
      clearTimeout(timer);
      if (waiting === controller) waiting = null;
    }
  },
  // One tab at a time syncs (two would share this device's sync state and take the same
  // news twice); the others wait their turn. Resolves with the function that ends the turn.
  lock() {
    if (!navigator.locks) return () => {};
    return new Promise((turn) => {
      navigator.locks.request('mend-sync', () => new Promise((done) => turn(done)));
    });
  },
  // Stops waiting for the server's news (a change here to send, or the page was hidden).
  stop() {
    waiting?.abort();
  },
};
