// The pathological-input benchmark of issue 14, item 4:
// scripts/bench-hostile [--quick] [--only FAMILY[,FAMILY]] [--bin PATH]
//                       [--example PATH] [--timeout SECONDS] [--json FILE]
//
// Generates each family of hostile or pathological text (into
// target/bench-hostile/) at growing sizes, runs the native CLI on it once
// per size as a whole process under /usr/bin/time (wall time, peak RSS) and
// prints one Markdown row per family and size, so that growth is visible:
// the factor each time grew by against the factor the size grew by. The
// targets (issue 14): at most 1 s and 200 MB at the largest size, and no
// growth faster than n log n. A run past --timeout (default 60 s) is
// stopped and shown as such. `analyze` runs with --no-diffs (segmentation
// and matching alone), except the `diff` families, which run `wirediff
// diff` and the page's `diff_texts` (examples/diff_texts.rs, --example). Inputs are deterministic (no randomness but a fixed SplitMix64).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { readArgs } from './args.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'target/bench-hostile');

function fail(message) {
  console.error(`bench-hostile: error: ${message}`);
  process.exit(2);
}

function parseArgs(argv) {
  const values = readArgs(argv, {
    quick: { type: 'boolean', default: false }, only: { type: 'string' }, bin: { type: 'string' },
    example: { type: 'string' }, timeout: { type: 'string', default: '60' }, json: { type: 'string' },
  }, fail, 'bench/hostile.mjs');
  const o = {
    quick: values.quick,
    only: values.only ? values.only.split(',') : null,
    bin: values.bin ? resolve(values.bin) : join(root, 'target/release/wirediff'),
    example: values.example ? resolve(values.example) : join(root, 'target/release/examples/diff_texts'),
    timeout: Number(values.timeout),
    json: values.json ? resolve(values.json) : null,
  };
  if (!existsSync(o.bin)) fail(`no binary at ${o.bin} (cargo build --release)`);
  return o;
}

// SplitMix64, as in tests/fuzz.rs: the same inputs on every run.
function rng(seed) {
  let s = BigInt(seed);
  const mask = (1n << 64n) - 1n;
  return () => {
    s = (s + 0x9e3779b97f4a7c15n) & mask;
    let z = s;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
    return Number((z ^ (z >> 31n)) >> 11n) / 2 ** 53;
  };
}

// The k-th of many distinct made-up words: consonant-vowel syllables, so
// they look like words and are never a function word.
function word(k) {
  const c = 'bdfgklmnprstvz';
  const v = 'aeiou';
  let w = '';
  let n = k + 70; // at least two syllables
  while (n > 0) {
    w += c[n % c.length] + v[Math.floor(n / c.length) % v.length];
    n = Math.floor(n / (c.length * v.length));
  }
  return w;
}

const seeds = () => {
  const dir = join(root, 'tests/data/seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
};

// Real sentences of the seeds, to build normal-looking text from.
const seedSentences = () =>
  seeds()
    .flatMap((t) => t.split('\n'))
    .filter((p) => p.split(' ').length > 12)
    .flatMap((p) => p.match(/[^.!?]+[.!?]+["”]?\s*/g) ?? [])
    .map((s) => s.trim())
    .filter((s) => s.split(' ').length >= 6);

// A light edit of a text: about one word in `every` replaced by a made-up one.
function lightEdit(text, next, every) {
  return text
    .split('\n')
    .map((p) =>
      p
        .split(' ')
        .map((w) => (w.length > 3 && next() < 1 / every ? word(Math.floor(next() * 1e6)) : w))
        .join(' '),
    )
    .join('\n');
}

// Each family: sizes (quick: the first two), what N means, and a function
// writing the files for one size and returning the command's arguments.
const families = [
  {
    name: 'distinct-words',
    what: 'one paragraph of N distinct words (two articles, the second with one word in ten changed)',
    sizes: [10000, 20000, 40000, 80000],
    make(n, dir) {
      const words = Array.from({ length: n }, (_, k) => word(k));
      const a = `Headline of one\n\n${words.join(' ')}.\n`;
      const b = `Headline of two\n\n${words.map((w, k) => (k % 10 === 5 ? word(n + k) : w)).join(' ')}.\n`;
      return analyze(dir, [a, b]);
    },
  },
  ...[
    ['bang-star', '! * '],
    ['question-hash', '? # '],
    ['dot-paren', '. ) '],
    ['bullets', '• '],
  ].map(([name, unit]) => ({
    name: `segment ${name}`,
    what: `\`segment\` of one paragraph of ${JSON.stringify(unit)} repeated N times (500k: the page's 2M characters)`,
    sizes: [20000, 40000, 80000, 500000],
    make(n, dir) {
      writeFileSync(join(dir, 'a.txt'), unit.repeat(n));
      return ['segment', join(dir, 'a.txt')];
    },
  })),
  {
    name: 'one-word',
    what: 'one sentence of one word repeated N times, in two articles',
    sizes: [2000, 8000, 32000, 64000],
    make(n, dir) {
      const s = `${'data '.repeat(n).trim()}.\n`;
      return analyze(dir, [s, s]);
    },
  },
  {
    name: 'one-word-differ',
    what: 'one word repeated N times, the second article with every 100th word another',
    sizes: [2000, 8000, 32000, 64000],
    make(n, dir) {
      const a = `${'data '.repeat(n).trim()}.\n`;
      const b = `${Array.from({ length: n }, (_, k) => (k % 100 === 99 ? 'other' : 'data')).join(' ')}.\n`;
      return analyze(dir, [a, b]);
    },
  },
  {
    name: 'diff long vs lines',
    what: '`wirediff diff` of a W-word paragraph against 250,000 short lines',
    sizes: [3000, 10000, 30000],
    make(w, dir) {
      const sentences = seedSentences();
      const words = [];
      for (let k = 0; words.length < w; k++) words.push(...sentences[k % sentences.length].split(' '));
      writeFileSync(join(dir, 'a.txt'), `${words.slice(0, w).join(' ')}\n`);
      const lines = Array.from({ length: 250000 }, (_, k) => `Line ${word(k)} of ${word(k % 977)}.`);
      writeFileSync(join(dir, 'b.txt'), `${lines.join('\n')}\n`);
      return ['diff', join(dir, 'a.txt'), join(dir, 'b.txt')];
    },
  },
  {
    name: 'diff_texts long vs lines',
    what: 'the page\'s diff view (`diff_texts`, examples/diff_texts.rs) of the same W-word paragraph and 250,000 lines',
    sizes: [3000, 10000, 30000],
    example: true,
    make(w, dir) {
      // The same files as `diff long vs lines`; the example takes OLD NEW.
      return families.find((f) => f.name === 'diff long vs lines').make(w, dir).slice(1);
    },
  },
  {
    name: 'newsletter',
    what: 'N short articles sharing one newsletter sentence',
    sizes: [100, 200, 400, 800],
    make(n, dir) {
      const sentences = seedSentences();
      const shared = 'Sign up for our morning newsletter to get the day’s top stories in your inbox.';
      const texts = Array.from(
        { length: n },
        (_, k) =>
          `${word(k)} story number ${k}\n\n${sentences[k % sentences.length]} ${word(k)} ${word(k + n)} said on ${word(2 * n + k)}.\n\n${shared}\n`,
      );
      return analyze(dir, texts);
    },
  },
  {
    name: 'light-edits',
    what: 'N copies of a longer article (the third seed, 987 words), each with light edits',
    sizes: [250, 500, 1000],
    make(n, dir) {
      const base = seeds()[2];
      const next = rng(14);
      return analyze(
        dir,
        Array.from({ length: n }, () => lightEdit(base, next, 15)),
      );
    },
  },
  {
    name: 'same-paragraph',
    what: 'N articles that all carry the same 2,000-word paragraph',
    sizes: [50, 100, 200, 400],
    make(n, dir) {
      const sentences = seedSentences();
      const para = [];
      let words = 0;
      for (let k = 0; words < 2000; k++) {
        para.push(sentences[k % sentences.length]);
        words += sentences[k % sentences.length].split(' ').length;
      }
      const texts = Array.from(
        { length: n },
        (_, k) => `${word(k)} headline ${k}\n\n${sentences[(k * 7) % sentences.length]}\n\n${para.join(' ')}\n`,
      );
      return analyze(dir, texts);
    },
  },
];

function analyze(dir, texts) {
  const files = texts.map((t, k) => {
    const f = join(dir, `${String(k).padStart(5, '0')}.txt`);
    writeFileSync(f, t);
    return f;
  });
  return ['analyze', '--no-diffs', '--compact', ...files];
}

function run(o, args, bin) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', bin, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: o.timeout * 1000,
    killSignal: 'SIGKILL',
    maxBuffer: 1 << 26,
  });
  if (r.error?.code === 'ETIMEDOUT' || r.signal) return { timedOut: true };
  const lines = r.stderr.toString().trim().split('\n');
  const [secs, kb] = lines.at(-1).split(' ').map(Number);
  if (r.status !== 0) return { failed: lines.slice(0, -1).join(' ').slice(0, 200), secs, mb: kb / 1024 };
  return { secs, mb: kb / 1024 };
}

const o = parseArgs(process.argv.slice(2));
const rows = [];
console.log(`wirediff hostile inputs: ${o.bin}`);
console.log('');
console.log('| family | N | time (s) | peak (MB) | time growth / size growth |');
console.log('| --- | ---: | ---: | ---: | --- |');
for (const f of families) {
  if (o.only && !o.only.some((x) => f.name.includes(x))) continue;
  const sizes = o.quick ? f.sizes.slice(0, 2) : f.sizes;
  let prev = null;
  for (const n of sizes) {
    const dir = join(out, f.name.replace(/\W+/g, '-'), String(n));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const args = f.make(n, dir);
    const r = run(o, args, f.example ? o.example : o.bin);
    rows.push({ family: f.name, n, ...r });
    const time = r.timedOut ? `>${o.timeout}` : r.secs.toFixed(2);
    const mem = r.timedOut ? '?' : r.mb.toFixed(0);
    let growth = '';
    if (prev && !r.timedOut && !prev.timedOut && prev.r.secs > 0.02) {
      growth = `${(r.secs / prev.r.secs).toFixed(1)}x / ${(n / prev.n).toFixed(1)}x`;
    }
    const note = r.failed ? ` (failed: ${r.failed})` : '';
    console.log(`| ${f.name} | ${n.toLocaleString('en')} | ${time} | ${mem} | ${growth}${note} |`);
    prev = { n, r };
    if (r.timedOut) break; // larger sizes would only take longer
  }
}
if (o.json) writeFileSync(o.json, JSON.stringify(rows, null, 1));
