// The benchmark of issue 10, item 5, with its peers in the same run:
// scripts/bench [--quick] [--sizes 5,100,1000,10000] [--seed S] [--runs R]
//               [--no-chromium] [--no-datasketch] [--datasketch-max N]
//
// Generates the corpora (scripts/corpus.mjs, into target/bench/), then
// times, each as a whole process under /usr/bin/time -v (wall time, best of
// R runs; peak RSS of that run): wirediff native (`analyze --compact`,
// default options), wirediff's WebAssembly build in Node.js
// (bench/wasm.mjs, the module the page inlines), datasketch MinHash-LSH
// (bench/datasketch_peer.py, on wirediff's sentences); scores every
// clustering's pair P/R/F1 against the truth (bench/score.mjs); times one
// article pair's diff against jsdiff diffWords in Node.js and Chromium,
// analyze in Chromium, and the page itself there (bench/page.mjs: opening
// it, 1000 articles chosen at once, Cancel). Prints a Markdown table and the targets met or
// missed; writes both to target/bench/results.md and the raw figures to
// target/bench/results.json.

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { readArgs } from './args.mjs';
import { readPrediction, readTruth, score } from './score.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'target/bench');
const venv = join(root, 'target/bench-venv');

function parseArgs(argv) {
  const v = readArgs(argv, {
    quick: { type: 'boolean' }, sizes: { type: 'string' }, seed: { type: 'string' }, runs: { type: 'string' },
    'no-chromium': { type: 'boolean' }, 'no-datasketch': { type: 'boolean' }, 'datasketch-max': { type: 'string' },
  }, fail, 'bench/run.mjs');
  const o = { sizes: [5, 100, 1000, 10000], seed: 1, runs: 3, chromium: true, datasketch: true, datasketchMax: 1000 };
  if (v.quick) Object.assign(o, { sizes: [5, 100], runs: 1, chromium: false });
  if (v.sizes !== undefined) o.sizes = v.sizes.split(',').map(Number);
  if (v.seed !== undefined) o.seed = Number(v.seed);
  if (v.runs !== undefined) o.runs = Number(v.runs);
  if (v['no-chromium']) o.chromium = false;
  if (v['no-datasketch']) o.datasketch = false;
  if (v['datasketch-max'] !== undefined) o.datasketchMax = Number(v['datasketch-max']);
  if (o.sizes.some((n) => !Number.isInteger(n) || n < 2)) fail('--sizes: integers of at least 2');
  return o;
}

function fail(message) {
  console.error(`bench: error: ${message}`);
  process.exit(2);
}

const log = (m) => console.error(`bench: ${m}`);

/**
 * Runs a command under /usr/bin/time -v: {wall (s), rss (MB), stdout}. The
 * wall time is taken here with a monotonic clock around the whole spawn
 * (time's own figure has a 10 ms resolution, too coarse for small corpora).
 */
function timed(command, args, { stdout } = {}) {
  // Output to a file goes there directly: wirediff's JSON for 10,000
  // articles is longer than a JavaScript string may be.
  const fd = stdout ? openSync(stdout, 'w') : 'pipe';
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-v', command, ...args], {
    cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', fd, 'pipe'],
  });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  if (stdout) closeSync(fd);
  if (r.status !== 0) fail(`${command} ${args.slice(0, 3).join(' ')} … failed (${r.status}): ${r.stderr.split('\n').slice(-25).join(' ').slice(0, 600)}`);
  const rss = r.stderr.match(/Maximum resident set size \(kbytes\): (\d+)/);
  return {
    wall: elapsed,
    rss: Number(rss[1]) / 1024,
    stdout: stdout ? '' : r.stdout,
  };
}

/** Best wall time of `runs` runs, with that run's peak memory. */
function best(runs, f) {
  let b = null;
  for (let k = 0; k < runs; k++) {
    const r = f();
    if (!b || r.wall < b.wall) b = r;
  }
  return b;
}

function ensureVenv() {
  const req = readFileSync(join(root, 'bench/requirements.txt'), 'utf8');
  const stamp = join(venv, 'requirements.sha256');
  const want = createHash('sha256').update(req).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  log('creating target/bench-venv from bench/requirements.txt');
  execFileSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
  execFileSync(join(venv, 'bin/pip'), ['install', '--quiet', '-r', join(root, 'bench/requirements.txt')], { stdio: 'inherit' });
  writeFileSync(stamp, want);
}

function ensureCorpus(n, seed) {
  const dir = join(out, `corpus-${n}`);
  const generator = readFileSync(join(root, 'scripts/corpus.mjs'));
  // The truth also depends on the hand-made list of the sources' furniture.
  const furniture = readFileSync(join(root, 'bench/source-furniture.json'));
  const want = createHash('sha256').update(generator).update(furniture).update(`${n} ${seed}`).digest('hex');
  const stamp = join(dir, '.stamp');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== want) {
    execFileSync('node', [join(root, 'scripts/corpus.mjs'), '--articles', String(n), '--seed', String(seed), '--out', dir], { stdio: ['ignore', 'inherit', 'inherit'] });
    writeFileSync(stamp, want);
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
  const words = files.reduce((w, f) => w + readFileSync(f, 'utf8').split(/\s+/).filter(Boolean).length, 0);
  return { dir, files, words };
}

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = cpuinfo.match(/model name\s*:\s*(.+)/)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const node = process.version;
  const rustc = execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim();
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  return { model, nproc, memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`, load, node, rustc, commit };
}

const ms = (s) => (s === undefined ? '–'
  : s < 0.01 ? `${(s * 1000).toFixed(1)} ms` : s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(2)} s`);
const mb = (m) => (m === undefined ? '–' : `${m.toFixed(0)} MB`);
const f3 = (x) => (x === undefined ? '–' : x.toFixed(3));

function main() {
  const o = parseArgs(process.argv.slice(2));
  mkdirSync(out, { recursive: true });
  log('building target/release/wirediff');
  execFileSync('cargo', ['build', '--locked', '--release', '--quiet'], { cwd: root, stdio: 'inherit' });
  if (!existsSync(join(root, 'dist/index.html'))) {
    log('building dist/index.html (scripts/build)');
    execFileSync(join(root, 'scripts/build'), { cwd: root, stdio: 'inherit' });
  }
  if (o.datasketch) ensureVenv();
  const m = machine();
  const rows = [];
  const corpora = {};
  for (const n of o.sizes) {
    const c = ensureCorpus(n, o.seed);
    corpora[n] = c;
    const truth = readTruth(join(c.dir, 'truth.jsonl'));
    const row = { n, words: c.words };
    const json = join(out, `wirediff-${n}.json`);
    log(`${n} articles: wirediff native`);
    const runs = n >= 10000 ? 1 : o.runs;
    row.native = best(runs, () => timed(join(root, 'target/release/wirediff'), ['analyze', '--compact', ...c.files], { stdout: json }));
    const pred = readPrediction(json);
    writeFileSync(join(out, `wirediff-${n}.pred.json`), JSON.stringify(pred));
    row.nativeScore = score(truth, pred);
    if (n <= 1000) {
      log(`${n} articles: wirediff WebAssembly in Node.js`);
      // The whole process: start-up, reading, compiling, one analysis.
      row.wasm = best(runs, () => timed('node', [join(root, 'bench/wasm.mjs'), 'analyze', c.dir, '--once']));
      // Inside a process: the first analysis and warm ones.
      row.wasmInner = JSON.parse(execFileSync('node', [join(root, 'bench/wasm.mjs'), 'analyze', c.dir], { encoding: 'utf8' }).trim());
    }
    if (o.datasketch && n <= o.datasketchMax) {
      log(`${n} articles: datasketch MinHash-LSH`);
      const dsOut = join(out, `datasketch-${n}.json`);
      row.datasketch = best(runs === 1 ? 1 : Math.min(runs, 2), () => timed(join(venv, 'bin/python'),
        [join(root, 'bench/datasketch_peer.py'), '--spans', join(out, `wirediff-${n}.pred.json`), '--dir', c.dir, '--out', dsOut]));
      row.datasketchInner = JSON.parse(row.datasketch.stdout.trim().split('\n').pop());
      row.datasketchScore = score(truth, readPrediction(dsOut));
    }
    rows.push(row);
  }

  // One article pair: two outlets' copies of one story.
  const pairCorpus = corpora[100] ?? corpora[o.sizes.find((n) => n >= 30)] ?? null;
  let diff = null;
  if (pairCorpus) {
    const k = Math.min(15, Math.ceil(pairCorpus.files.length / 5));
    const pair = [pairCorpus.files[0], pairCorpus.files[k]];
    log(`one-pair diff: ${pair.map((p) => p.split('/').pop()).join(' / ')}`);
    diff = { pair: pair.map((p) => p.split('/').pop()) };
    diff.node = JSON.parse(execFileSync('node', [join(root, 'bench/wasm.mjs'), 'diff', ...pair], { encoding: 'utf8' }).trim()).diff;
    if (o.chromium) {
      log('Chromium: one-pair diff and analyze');
      const dirs = o.sizes.filter((n) => n <= 1000).map((n) => corpora[n].dir);
      const lines = execFileSync('node', [join(root, 'bench/wasm.mjs'), 'chromium', ...pair, ...dirs], { encoding: 'utf8', timeout: 900_000 })
        .trim().split('\n').map((l) => JSON.parse(l));
      diff.chromium = lines[0].diff;
      for (const l of lines.slice(1)) {
        const row = rows.find((r) => r.n === l.articles);
        if (row) row.chromium = l;
      }
    }
  }

  // The page itself in Chromium: opening it, 1000 articles chosen at once, Cancel.
  let page;
  if (o.chromium) {
    log('Chromium: the page with 1000 articles');
    page = JSON.parse(execFileSync('node', [join(root, 'bench/page.mjs'), '--articles', '1000', '--seed', String(o.seed)],
      { encoding: 'utf8', timeout: 900_000 }).trim());
  }

  // The table.
  const lines = [];
  lines.push(`Machine: ${m.model}, ${m.nproc} cores (nproc), ${m.memory}; load average at the end ${m.load}; ${m.rustc}; Node ${m.node}; wirediff ${m.commit}; corpus seed ${o.seed}.`);
  lines.push('');
  lines.push('| articles | words | wirediff native | RSS | wasm, Node.js process | RSS | (analyze first / warm) | wasm, Chromium (first / warm) | datasketch process | (its clustering) | RSS | datasketch ÷ native | wirediff P / R / F1 | datasketch P / R / F1 |');
  lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
  for (const r of rows) {
    const s = r.nativeScore;
    const d = r.datasketchScore;
    lines.push(`| ${r.n} | ${r.words} | ${ms(r.native.wall)} | ${mb(r.native.rss)} | ${ms(r.wasm?.wall)} | ` +
      `${mb(r.wasm?.rss)} | ${r.wasmInner ? `${ms(r.wasmInner.first / 1000)} / ${ms(r.wasmInner.warm / 1000)}` : '–'} | ` +
      `${r.chromium ? `${ms(r.chromium.first / 1000)} / ${ms(r.chromium.warm / 1000)}` : '–'} | ` +
      `${ms(r.datasketch?.wall)} | ${r.datasketchInner ? ms(r.datasketchInner.cluster) : '–'} | ${mb(r.datasketch?.rss)} | ` +
      `${r.datasketch ? `${(r.datasketch.wall / r.native.wall).toFixed(1)}×` : '–'} | ` +
      `${f3(s.precision)} / ${f3(s.recall)} / ${f3(s.f1)} | ${d ? `${f3(d.precision)} / ${f3(d.recall)} / ${f3(d.f1)}` : '–'} |`);
  }
  if (diff) {
    lines.push('');
    lines.push(`One-pair diff (${diff.pair.join(' vs ')}), median: Node.js wirediff diffTexts ${diff.node.wirediff.toFixed(2)} ms, ` +
      `jsdiff diffWords ${diff.node.jsdiff.toFixed(2)} ms (${(diff.node.jsdiff / diff.node.wirediff).toFixed(2)}× wirediff)` +
      (diff.chromium ? `; Chromium wirediff ${diff.chromium.wirediff.toFixed(2)} ms, jsdiff ${diff.chromium.jsdiff.toFixed(2)} ms ` +
        `(${(diff.chromium.jsdiff / diff.chromium.wirediff).toFixed(2)}×)` : '') + '.');
  }

  // Targets (issue 10).
  const at = (n) => rows.find((r) => r.n === n);
  const targets = [];
  const check = (name, ok, figure) => targets.push(`- ${ok === undefined ? 'not measured' : ok ? 'met' : 'missed'}: ${name}${figure ? ` (${figure})` : ''}`);
  const r1k = at(1000);
  const r100 = at(100);
  const r10k = at(10000);
  const r5 = at(5);
  check('1000 articles, native whole process ≤ 1.0 s', r1k && r1k.native.wall <= 1.0, r1k && ms(r1k.native.wall));
  check('1000 articles, WebAssembly in Node.js whole process ≤ 1.5 s', r1k?.wasm && r1k.wasm.wall <= 1.5, r1k?.wasm && ms(r1k.wasm.wall));
  check('≥ 10× faster than datasketch on 1000 articles', r1k?.datasketch && r1k.datasketch.wall / r1k.native.wall >= 10,
    r1k?.datasketch && `${(r1k.datasketch.wall / r1k.native.wall).toFixed(1)}×`);
  check('pair F1 ≥ datasketch\'s on 1000 articles', r1k?.datasketchScore && r1k.nativeScore.f1 >= r1k.datasketchScore.f1,
    r1k?.datasketchScore && `${f3(r1k.nativeScore.f1)} vs ${f3(r1k.datasketchScore.f1)}`);
  check('100 → 1000 articles ≤ 12× the time (native)', r1k && r100 && r1k.native.wall / r100.native.wall <= 12,
    r1k && r100 && `${(r1k.native.wall / r100.native.wall).toFixed(1)}×`);
  const peak = rows.filter((r) => r.n <= 1000).map((r) => Math.max(r.native.rss, r.wasm?.rss ?? 0));
  check('peak memory ≤ 200 MB (up to 1000 articles, native and Node.js)', peak.length ? Math.max(...peak) <= 200 : undefined,
    peak.length ? mb(Math.max(...peak)) : '');
  check('10,000 articles natively ≤ 12× the 1000 time', r10k && r1k && r10k.native.wall / r1k.native.wall <= 12,
    r10k && r1k && `${ms(r10k.native.wall)}, ${(r10k.native.wall / r1k.native.wall).toFixed(1)}×`);
  check('five articles, full analysis as the page runs it (pair diffs on demand) ≤ 5 ms in WebAssembly once warm (Node.js)',
    r5?.wasmInner && r5.wasmInner.page <= 5,
    r5?.wasmInner && `${r5.wasmInner.page.toFixed(1)} ms${r5.chromium ? `; Chromium ${r5.chromium.page.toFixed(1)} ms` : ''}; ` +
      `with all 10 pair diffs as the CLI: ${r5.wasmInner.warm.toFixed(1)} ms`);
  check('page: the five samples shown within 300 ms of opening it from file:// (Chromium)', page && page.openMs <= 300,
    page && `${page.openMs.toFixed(0)} ms`);
  check('page: 1000 articles chosen at once show results within 3 s', page && page.resultsMs <= 3000,
    page && `${(page.resultsMs / 1000).toFixed(2)} s`);
  check('page: progress visible within 100 ms of the input', page && page.progressMs <= 100, page && `${page.progressMs.toFixed(0)} ms`);
  check('page: Cancel stops the work within 200 ms', page && page.cancelMs <= 200, page && `${page.cancelMs.toFixed(0)} ms`);
  check('page: no main-thread task over 100 ms while comparing 1000 articles', page && page.longestTaskMs <= 100,
    page && `${page.longTasks} tasks over 50 ms, the longest ${page.longestTaskMs.toFixed(0)} ms`);
  check('one-pair diff at least as fast as jsdiff diffWords in the same engine', diff && diff.node.wirediff <= diff.node.jsdiff &&
    (!diff.chromium || diff.chromium.wirediff <= diff.chromium.jsdiff),
    diff && `Node.js ${diff.node.wirediff.toFixed(2)} vs ${diff.node.jsdiff.toFixed(2)} ms` +
      (diff.chromium ? `, Chromium ${diff.chromium.wirediff.toFixed(2)} vs ${diff.chromium.jsdiff.toFixed(2)} ms` : ''));
  lines.push('');
  lines.push('Targets:');
  lines.push(...targets);
  const text = lines.join('\n');
  console.log(text);
  writeFileSync(join(out, 'results.md'), `${text}\n`);
  writeFileSync(join(out, 'results.json'), JSON.stringify({ machine: m, options: o, rows: rows.map(({ wasm, datasketch, native, ...r }) => ({
    ...r, native: { wall: native.wall, rss: native.rss }, wasm: wasm && { wall: wasm.wall, rss: wasm.rss },
    datasketch: datasketch && { wall: datasketch.wall, rss: datasketch.rss } })), diff, page }, null, 2));
}

main();
