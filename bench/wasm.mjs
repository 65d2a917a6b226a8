#!/usr/bin/env node
// wirediff's WebAssembly build, as the page ships it (the module and glue
// inlined in dist/index.html by scripts/build-page.mjs), timed in Node.js
// and in headless Chromium, next to jsdiff in the same engine.
//
//   node bench/wasm.mjs analyze DIR [--once] [--pred OUT]   # Node.js, one corpus
//   node bench/wasm.mjs diff A B                    # Node.js, one pair
//   node bench/wasm.mjs chromium A B DIR...         # the same in Chromium
//
// Each prints one JSON line per measurement (milliseconds). analyze: the
// module's compile + instantiate (`load`), the first analysis (`first`)
// and the median of warm runs (`warm`, runs filling about a second, at
// most 50), with the options the CLI defaults to (paragraph diffs of every
// pair for up to 10 articles, none beyond), and the median warm run as the
// page asks for it (`page`: no diffs; it diffs the pair a reader opens).
// diff: the median of wirediff's `diffTexts` and of jsdiff's `diffWords`
// on the same two texts.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The wasm module (base64) and glue source inlined in the built page. */
export function pageAssets(page = join(root, 'dist/index.html')) {
  const html = readFileSync(page, 'utf8');
  // embed = "base64": the module's base64; "deflate-raw": its raw DEFLATE
  // (base64) in the loader, inflated here as the page does.
  const plain = html.match(/window\.WIREDIFF_WASM_BASE64 = "([^"]+)";/)?.[1];
  const packed = html.match(/const packed = "([^"]+)";/)?.[1];
  const wasm = plain ?? (packed && inflateRawSync(Buffer.from(packed, 'base64')).toString('base64'));
  // The glue is the body of window.wirediffGlue (the page keeps "<\/script",
  // which reads the same inside the glue's strings).
  const glue = html.match(/window\.wirediffGlue = function \(\) \{\n([\s\S]*?)\nreturn wasm_bindgen;\n\};/)?.[1];
  if (!wasm || !glue) throw new Error(`${page} has no inlined module: run scripts/build`);
  return { wasm, glue };
}

export function readCorpus(dir) {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

// The measuring code, the same source in Node.js and in the browser page.
const MEASURE = String.raw`
async function wirediffLoad(glue, wasmBase64) {
  const t = performance.now();
  const bytes = typeof Buffer !== 'undefined' ? Buffer.from(wasmBase64, 'base64')
    : Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0));
  const wb = new Function(glue + '\nreturn wasm_bindgen;')();
  await wb({ module_or_path: bytes });
  return { wb, load: performance.now() - t };
}
function median(f, budget = 1000, most = 50) {
  const t0 = performance.now();
  f();
  const once = Math.max(performance.now() - t0, 1e-3);
  const runs = Math.max(3, Math.min(most, Math.floor(budget / once)));
  const times = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[runs >> 1], runs };
}
function measureAnalyze(wb, articles, once = false) {
  const options = { diffs: articles.length <= 10 };
  const t = performance.now();
  const result = wb.analyze(articles, options);
  const first = performance.now() - t;
  if (once) return { result, first, clusters: result.clusters.length };
  const warm = median(() => wb.analyze(articles, options), 1000, articles.length > 300 ? 3 : 50);
  // As the page asks (it diffs a pair when a reader opens it).
  const page = options.diffs ? median(() => wb.analyze(articles, { diffs: false }), 1000, 50).median : warm.median;
  performance.clearMarks?.();
  performance.clearMeasures?.();
  return { result, first, warm: warm.median, page, runs: warm.runs, clusters: result.clusters.length };
}
function measureDiff(wb, jsdiff, a, b) {
  const w = median(() => wb.diffTexts(a, b, undefined), 500, 200);
  const j = median(() => jsdiff.diffWords(a, b), 500, 200);
  return { wirediff: w.median, jsdiff: j.median };
}
`;

async function node(argv) {
  const [mode, ...rest] = argv;
  const { wasm, glue } = pageAssets();
  const api = new Function(`${MEASURE}\nreturn { wirediffLoad, measureAnalyze, measureDiff };`)();
  const { wb, load } = await api.wirediffLoad(glue, wasm);
  if (mode === 'analyze') {
    const [dir, ...flags] = rest;
    const once = flags.includes('--once');
    const out = flags.includes('--pred') ? flags[flags.indexOf('--pred') + 1] : null;
    const articles = readCorpus(dir);
    const r = api.measureAnalyze(wb, articles, once);
    if (out) {
      const pred = {
        tool: 'wirediff-wasm',
        articles: r.result.articles.map((a) => a.name),
        sentences: r.result.articles.map((a) => a.sentences.flatMap((s) => [s.start, s.end])),
        clusters: r.result.clusters.map((c) => c.members.flatMap((m) => [m.article, m.sentence])),
      };
      writeFileSync(out, JSON.stringify(pred));
    }
    console.log(JSON.stringify({ engine: 'node', articles: articles.length, load, first: r.first, warm: r.warm, page: r.page, runs: r.runs, clusters: r.clusters }));
  } else if (mode === 'diff') {
    const jsdiff = await import('diff');
    const [a, b] = rest.map((p) => readFileSync(p, 'utf8'));
    console.log(JSON.stringify({ engine: 'node', diff: api.measureDiff(wb, jsdiff, a, b) }));
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
}

async function chromium(argv) {
  const [pathA, pathB, ...dirs] = argv;
  const { launchChromium } = await import('../tests/e2e/browser.mjs');
  const { wasm, glue } = pageAssets();
  const jsdiffSource = readFileSync(join(root, 'node_modules/diff/dist/diff.min.js'), 'utf8');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>bench</title>');
    await page.addScriptTag({ content: `${MEASURE}\nwindow.wirediffLoad = wirediffLoad; window.measureAnalyze = measureAnalyze; window.measureDiff = measureDiff;` });
    await page.addScriptTag({ content: jsdiffSource });
    const load = await page.evaluate(async ([g, w]) => {
      const { wb, load } = await window.wirediffLoad(g, w);
      window.wb = wb;
      return load;
    }, [glue, wasm]);
    const [a, b] = [pathA, pathB].map((p) => readFileSync(p, 'utf8'));
    const diff = await page.evaluate(([x, y]) => window.measureDiff(window.wb, window.Diff, x, y), [a, b]);
    console.log(JSON.stringify({ engine: 'chromium', diff }));
    for (const dir of dirs) {
      const articles = readCorpus(dir);
      const r = await page.evaluate((arts) => {
        const { first, warm, page, runs, clusters } = window.measureAnalyze(window.wb, arts);
        return { first, warm, page, runs, clusters };
      }, articles);
      console.log(JSON.stringify({ engine: 'chromium', articles: articles.length, load, ...r }));
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  (argv[0] === 'chromium' ? chromium(argv.slice(1)) : node(argv)).catch((e) => {
    console.error(`wasm bench: error: ${e.message}`);
    process.exit(2);
  });
}
