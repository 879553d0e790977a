// Builds the second wasm module (src/bin/mend-later.rs: clause, journal, trends, backup) the
// way trunk builds the first: cargo for wasm32, wasm-bindgen for the web, then (release only)
// binaryen's wasm-opt -Oz from npm. Output goes to <staging>/later/ with content-hashed names.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = 'mend-later';

function run(cmd, args) {
  execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
}

function hashed(dir, name, ext, body) {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const file = `${name}-${hash}${ext}`;
  writeFileSync(join(dir, file), body);
  return file;
}

export function buildLater(staging, release) {
  const profile = release ? 'release' : 'debug';
  const target = process.env.CARGO_TARGET_DIR || 'target';
  const cargo = ['build', '--locked', '--target', 'wasm32-unknown-unknown', '--bin', BIN];
  if (release) cargo.push('--release');
  run('cargo', cargo);

  const tmp = mkdtempSync(join(tmpdir(), 'mend-later-'));
  try {
    const input = join(target, 'wasm32-unknown-unknown', profile, `${BIN}.wasm`);
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', tmp, '--out-name', BIN, input]);
    let wasm = join(tmp, `${BIN}_bg.wasm`);
    if (release) {
      const small = join(tmp, `${BIN}_opt.wasm`);
      run('wasm-opt', ['-Oz', '--low-memory-unused', '--output', small, wasm]); // as index.html says
      wasm = small;
    }
    const out = join(staging, 'later');
    mkdirSync(out, { recursive: true });
    return {
      js: hashed(out, BIN, '.js', readFileSync(join(tmp, `${BIN}.js`))),
      wasm: hashed(out, BIN, '_bg.wasm', readFileSync(wasm)),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
