// Builds dist/index.html: one self-contained page (styles, scripts, the
// WebAssembly module and the sample articles inlined) that works from
// file:// and from any sub-path. Configuration: wasm-pack.toml.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import zopfli from '@gfx/zopfli';
import { transformSync } from 'esbuild';
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
// The sources stay as written in www/; the page carries them minified
// (esbuild, whitespace and local names only: top-level names are kept, as
// the classic scripts share them) when [page] minify is set.
const minify = (text, loader) => (page.minify ? transformSync(text, { loader, minify: true, charset: 'utf8' }).code : text);

const seedDir = join(root, page.seeds);
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(seedDir, name), 'utf8') }));
const seedJson = JSON.stringify(seeds).replace(/</g, '\\u003c');

const wasmBytes = readFileSync(wasm);
const glueSource = minify(readFileSync(glue, 'utf8'), 'js');
// On the page the glue is a factory: each call evaluates it afresh, giving
// a new `wasm_bindgen` with its own instance, so that an instance left
// unusable by a trap can be replaced (www/worker.js). No eval is needed.
// The analysis worker gets the glue's source as it is (a Blob): the
// factory's own source text (Function.prototype.toString), so that the
// page carries the glue once.
const glueFactory = `window.wirediffGlue = function () {\n${glueSource}\nreturn wasm_bindgen;\n};\n` +
  'window.WIREDIFF_GLUE = ((s) => s.slice(s.indexOf("{") + 2, s.lastIndexOf("\\nreturn wasm_bindgen;")))(String(window.wirediffGlue));';
const pageScripts = page.scripts.map((f) => safe(minify(readFileSync(join(root, f), 'utf8'), 'js')));
const styles = page.styles.map((f) => safe(minify(readFileSync(join(root, f), 'utf8'), 'css')));

// The module. www/app.js reads its bytes (WIREDIFF_WASM), or else base64
// (WIREDIFF_WASM_BASE64), when it starts. With [page] embed = "deflate-raw" the page carries it compressed
// (base64 of raw bytes compresses to about three quarters of the module's
// own gzip size under the page's gzip; compressed bytes stay as they are):
// a loader, the last script, decompresses it with the browser's
// DecompressionStream into WIREDIFF_WASM (the module's bytes), then runs the page's
// scripts in order. They wait inert as <script type="text/x-wirediff">
// blocks and run as inline scripts the CSP allows by hash.
let embedded; // the module as the page carries it
let scripts; // every script the page runs (for the CSP)
let scriptTags;
if (page.embed === 'deflate-raw') {
  // Zopfli writes a raw DEFLATE stream about 9% smaller than zlib's level 9
  // (it spends seconds searching); any inflater, DecompressionStream
  // included, reads it.
  embedded = Buffer.from(await zopfli.deflateAsync(wasmBytes, { numiterations: 15 })).toString('base64');
  // It first keeps the page's source as loaded, before any script changes
  // it, for "Save as one HTML file" (www/share.js).
  const loader = `(() => {
'use strict';
window.WIREDIFF_SOURCE = '<!DOCTYPE html>\\n' + document.documentElement.outerHTML;
const packed = "${embedded}";
const deferred = Array.from(document.querySelectorAll('script[type="text/x-wirediff"]'));
const run = () => {
  for (const block of deferred) {
    const script = document.createElement('script');
    script.text = block.textContent;
    block.replaceWith(script);
  }
};
(async () => {
  const binary = atob(packed);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  window.WIREDIFF_WASM = new Uint8Array(await new Response(stream).arrayBuffer());
})().catch((e) => {
  // The page then says that the comparison engine could not start.
  console.error('wirediff: cannot decompress the WebAssembly module:', e);
  window.WIREDIFF_WASM = new Uint8Array(0);
}).finally(run);
})();`;
  const deferred = [safe(glueFactory), ...pageScripts];
  scripts = [...deferred, loader];
  scriptTags = [
    ...deferred.map((s) => `<script type="text/x-wirediff">${s}</script>`),
    `<script>${loader}</script>`,
  ];
} else if (page.embed === 'base64') {
  embedded = wasmBytes.toString('base64');
  scripts = [`window.WIREDIFF_WASM_BASE64 = "${embedded}";`, safe(glueFactory), ...pageScripts];
  scriptTags = scripts.map((s) => `<script>${s}</script>`);
} else {
  fail(`[page] embed must be "deflate-raw" or "base64", not ${JSON.stringify(page.embed)}`);
}

const csp = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' ${scripts.map(sha256).join(' ')}`,
  `style-src ${styles.map(sha256).join(' ')}`,
  "worker-src blob:",
  // The paragraph order drawn as a PNG goes through an image of its SVG.
  "img-src blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let html = readFileSync(join(root, page.template), 'utf8');
const slots = {
  '<!-- CSP -->': `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
  '<!-- STYLES -->': styles.map((s) => `<style>${s}</style>`).join('\n'),
  '<!-- SEEDS -->': `<script type="application/json" id="seed-articles">${seedJson}</script>`,
  '<!-- SCRIPTS -->': scriptTags.join('\n'),
};
for (const [slot, content] of Object.entries(slots)) {
  if (!html.includes(slot)) fail(`${page.template} lacks the ${slot} slot`);
  html = html.replace(slot, () => content);
}
const out = join(root, page.output);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
if (!existsSync(out)) fail('no output written');

// 5. Where the bytes go: each part raw and alone under gzip -9 (the whole
// page compresses a little better than the sum of its parts).
const gz = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;
const parts = [
  [`wasm (${page.embed}, module ${wasmBytes.length} bytes)`, embedded],
  ['wasm-bindgen glue', glueSource],
  ['page scripts' + (page.minify ? ' (minified)' : ''), pageScripts.join('\n')],
  ['styles' + (page.minify ? ' (minified)' : ''), styles.join('\n')],
  ['sample articles', seedJson],
];
const rest = Buffer.byteLength(html) - parts.reduce((n, [, t]) => n + Buffer.byteLength(t), 0);
console.log(`wrote ${page.output}: ${Buffer.byteLength(html)} bytes, ${gz(html)} bytes gzip -9`);
for (const [name, text] of parts) {
  console.log(`  ${name.padEnd(46)} ${String(Buffer.byteLength(text)).padStart(8)} raw ${String(gz(text)).padStart(8)} gzip`);
}
console.log(`  ${'HTML, CSP, loader and the rest'.padEnd(46)} ${String(rest).padStart(8)} raw`);
