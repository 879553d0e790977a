// Writes a brotli (.br) and a gzip (.gz) copy beside every text and wasm file in <dir>, at the
// best settings, for hosts that serve precompressed files (see README, "Hosting"). Images are
// compressed already. The copies are not part of the app: the service worker and make size
// leave them out.
//   node scripts/compress.mjs [dir]
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';

const dir = process.argv[2] ?? 'dist';
const TEXT = new Set(['.html', '.js', '.css', '.wasm', '.svg', '.webmanifest', '.json']);

function files(d) {
  return readdirSync(d).flatMap((name) => {
    const path = join(d, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

let count = 0;
for (const path of files(dir).filter((p) => TEXT.has(extname(p)))) {
  const body = readFileSync(path);
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  count++;
}
console.log(`compress: ${count} files have .br and .gz copies beside them`);
