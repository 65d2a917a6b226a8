// Builds dist/index.html: one self-contained page (styles, scripts, the
// WebAssembly module and the sample articles inlined) that works from
// file:// and from any sub-path. Configuration: wasm-pack.toml.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const config = parse(readFileSync(join(root, 'wasm-pack.toml'), 'utf8'));
const { build, page } = config;
const opt = config['wasm-opt'];

function run(command, args) {
  const shown = [command, ...args].join(' ');
  console.log(`$ ${shown}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.error) fail(`cannot run ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${shown} failed with status ${result.status}`);
}

function fail(message) {
  console.error(`build-page: ${message}`);
  process.exit(1);
}

/** The wasm-bindgen version that Cargo.lock pins. */
function lockedBindgenVersion() {
  const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
  const match = lock.match(/name = "wasm-bindgen"\nversion = "([^"]+)"/);
  if (!match) fail('Cargo.lock has no wasm-bindgen entry');
  return match[1];
}

function checkBindgen() {
  const want = lockedBindgenVersion();
  const probe = spawnSync('wasm-bindgen', ['--version'], { encoding: 'utf8' });
  const have = probe.stdout?.trim().split(' ')[1];
  if (have !== want) {
    fail(`wasm-bindgen ${want} is needed (found ${have ?? 'none'}); run scripts/setup-web`);
  }
}

// 1. Compile the library for the web.
run('cargo', ['build', '--locked', '--lib', '--profile', build.profile, '--target', build.target]);
const profileDir = build.profile === 'dev' ? 'debug' : build.profile;
const compiled = join('target', build.target, profileDir, 'wirediff.wasm');

// 2. Generate the JavaScript glue.
checkBindgen();
run('wasm-bindgen', [
  '--target', build['bindgen-target'],
  '--out-dir', build['out-dir'],
  '--out-name', build['out-name'],
  '--no-typescript',
  compiled,
]);
const glue = join(root, build['out-dir'], `${build['out-name']}.js`);
let wasm = join(root, build['out-dir'], `${build['out-name']}_bg.wasm`);

// 3. Optimise.
if (opt.enabled) {
  const optimised = wasm.replace(/\.wasm$/, '.opt.wasm');
  run(join(root, 'node_modules', '.bin', 'wasm-opt'), [...opt.args, wasm, '-o', optimised]);
  wasm = optimised;
}

// 4. Assemble the page.
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
// Text inside <script> and <style> must not close the element early.
const safe = (text) => text.replace(/<\/(script|style)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

const seedDir = join(root, page.seeds);
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(seedDir, name), 'utf8') }));
const seedJson = JSON.stringify(seeds).replace(/</g, '\\u003c');

const wasmBytes = readFileSync(wasm);
const glueSource = readFileSync(glue, 'utf8');
// The module, and the glue's source for the analysis worker (a Blob).
const loader = `window.WIREDIFF_WASM_BASE64 = "${wasmBytes.toString('base64')}";\n` +
  `window.WIREDIFF_GLUE = ${safe(JSON.stringify(glueSource))};`;
// On the page the glue is a factory: each call evaluates it afresh, giving
// a new `wasm_bindgen` with its own instance, so that an instance left
// unusable by a trap can be replaced (www/worker.js). No eval is needed.
const glueFactory = `window.wirediffGlue = function () {\n${glueSource}\nreturn wasm_bindgen;\n};`;
const scripts = [
  loader,
  safe(glueFactory),
  ...page.scripts.map((f) => safe(readFileSync(join(root, f), 'utf8'))),
];
const styles = page.styles.map((f) => safe(readFileSync(join(root, f), 'utf8')));

const csp = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' ${scripts.map(sha256).join(' ')}`,
  `style-src ${styles.map(sha256).join(' ')}`,
  "worker-src blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let html = readFileSync(join(root, page.template), 'utf8');
const slots = {
  '<!-- CSP -->': `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
  '<!-- STYLES -->': styles.map((s) => `<style>${s}</style>`).join('\n'),
  '<!-- SEEDS -->': `<script type="application/json" id="seed-articles">${seedJson}</script>`,
  '<!-- SCRIPTS -->': scripts.map((s) => `<script>${s}</script>`).join('\n'),
};
for (const [slot, content] of Object.entries(slots)) {
  if (!html.includes(slot)) fail(`${page.template} lacks the ${slot} slot`);
  html = html.replace(slot, () => content);
}
const out = join(root, page.output);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`wrote ${page.output}: ${Buffer.byteLength(html)} bytes, wasm ${wasmBytes.length} bytes`);
if (!existsSync(out)) fail('no output written');
