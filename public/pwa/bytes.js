// The browser's own compression and encryption, for share links (see src/store/share.rs):
// deflate-raw through CompressionStream, and AES-256-GCM with a key from PBKDF2-HMAC-SHA256.
// A sealed message is salt (16 bytes) | iv (12 bytes) | ciphertext. Nothing leaves the page.
const ROUNDS = 210000;
const text = new TextEncoder();

async function through(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

async function keyFor(passphrase, salt) {
  const base = await crypto.subtle.importKey('raw', text.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt, iterations: ROUNDS, hash: 'SHA-256' },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

window.mendBytes = {
  deflate: (bytes) => through(bytes, new CompressionStream('deflate-raw')),
  inflate: (bytes) => through(bytes, new DecompressionStream('deflate-raw')),
  async seal(bytes, passphrase) {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await keyFor(passphrase, salt), bytes));
    const out = new Uint8Array(28 + sealed.length);
    out.set(salt, 0);
    out.set(iv, 16);
    out.set(sealed, 28);
    return out;
  },
  async open(bytes, passphrase) {
    if (bytes.length < 28) throw new Error('too short');
    const key = await keyFor(passphrase, bytes.slice(0, 16));
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(16, 28) }, key, bytes.slice(28)));
  },
};
