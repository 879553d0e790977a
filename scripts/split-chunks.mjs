// Brings the lazy screens' wasm chunks into the build (called by post-build.mjs). The
// wasm-bindgen wrapper (scripts/bin/wasm-bindgen) left them, with their loader, in
// target/wasm-bindgen/<profile>/wasm-split/: a split_<name>.wasm per lazy part, and a
// chunk_<n>.wasm for code that two or more of them share (fetched beside either). Here each chunk is optimised like the main module
// (release builds), every file gets a content-hashed name (so a new version never mixes with
// an old one in a cache), and the loader and the glue are pointed at those names.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const short = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** The wasm-opt flags index.html gives trunk for the main module, so chunks get the same. */
function optFlags(htmlSource) {
  const html = readFileSync(htmlSource, 'utf8');
  const level = html.match(/data-wasm-opt="([^"]+)"/)?.[1] ?? 'z';
  const params = html.match(/data-wasm-opt-params="([^"]+)"/)?.[1] ?? '';
  return [`-O${level}`, ...params.split(/\s+/).filter(Boolean)];
}

/**
 * Copies the chunks and their loader into `staging` under hashed names and returns
 * `{ glue, loader, chunks }`: the glue's new text (importing the hashed loader), the loader's
 * file name, and the chunks' file names. Returns null when the build has no split.
 */
export function placeChunks({ staging, profile, htmlSource, glueName, glueText }) {
  const targetDir = process.env.CARGO_TARGET_DIR ?? 'target';
  const from = join(targetDir, 'wasm-bindgen', profile === 'release' ? 'release' : 'debug', 'wasm-split');
  if (!existsSync(join(from, '__wasm_split.js'))) return null;
  let loader = readFileSync(join(from, '__wasm_split.js'), 'utf8');
  const stem = glueName.replace(/-[0-9a-f]+\.js$/, '');
  loader = loader.replaceAll(`"./${stem}.js"`, `"./${glueName}"`);
  const chunks = [];
  for (const name of readdirSync(from).filter((f) => /^(split|chunk)_.*\.wasm$/.test(f)).sort()) {
    const source = join(from, name);
    const optimised = join(from, `opt-${name}`);
    if (profile === 'release') {
      execFileSync('wasm-opt', [...optFlags(htmlSource), source, '-o', optimised], { stdio: 'inherit' });
    }
    const bytes = readFileSync(profile === 'release' ? optimised : source);
    const hashed = name.replace(/\.wasm$/, `-${short(bytes)}.wasm`);
    writeFileSync(join(staging, hashed), bytes);
    if (!loader.includes(`"./${name}"`)) throw new Error(`split-chunks: the loader does not name ${name}`);
    loader = loader.replaceAll(`"./${name}"`, `"./${hashed}"`);
    chunks.push(hashed);
  }
  const loaderName = `split-${short(loader)}.js`;
  writeFileSync(join(staging, loaderName), loader);
  // Only the import statements (one per lazy part) move to the hashed name: the module's own
  // import table keeps the key "./__wasm_split.js", which is what the wasm asks for.
  const importLine = /(from\s*)(['"])\.\/__wasm_split\.js\2/g;
  if (!importLine.test(glueText)) throw new Error('split-chunks: the glue does not import ./__wasm_split.js');
  const glue = glueText.replace(importLine, `$1'./${loaderName}'`);
  return { glue, loader: loaderName, chunks };
}
