// The browser's own compression and encryption, for share links (see src/store/share.rs):
// deflate-raw through CompressionStream, and AES-256-GCM with a key from PBKDF2-HMAC-SHA256.
// A sealed message is salt (16 bytes) | iv (12 bytes) | ciphertext. Nothing leaves the page.
const ROUNDS = 210000;
const text = new TextEncoder();

async function through(bytes, stream) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

// The most a share link may inflate to: far above any real case, far below what would strain
// a phone. The packed bytes go in a slice at a time, and inflating stops the moment the limit
// is passed: a crafted link costs a few milliseconds and a few megabytes, never more.
const MAX_INFLATED = 2 * 1024 * 1024;
const SLICE = 1024;

async function inflateAtMost(bytes, limit) {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const chunks = [];
  let size = 0;
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.length;
      if (size > limit) throw new Error('too-large');
      chunks.push(value);
    }
  })();
  const writing = (async () => {
    for (let at = 0; at < bytes.length; at += SLICE) {
      await writer.write(bytes.subarray(at, at + SLICE));
      // Each slice its own task, so the page stays responsive and the reader can stop it.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await writer.close();
  })();
  try {
    await Promise.all([reading, writing]);
  } catch (e) {
    reader.cancel().catch(() => {});
    writer.abort().catch(() => {});
    throw e;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
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
  inflate: (bytes) => inflateAtMost(bytes, MAX_INFLATED),
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
