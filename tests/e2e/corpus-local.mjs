// A deterministic syndication-like corpus built from the five seed articles
// (tests/data/seeds/): article k is seed k mod 5 with light edits chosen by
// a seeded generator (paragraphs dropped, words changed, an outlet's own
// sentence added), so that many articles share many sentences, as wire
// copies do. Used by the end-to-end tests of the page at scale.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const seedDir = join(root, 'tests', 'data', 'seeds');

/** SplitMix32-style generator: the same `seed` gives the same corpus. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 2 ** 32;
  };
}

const SWAPS = [['said', 'stated'], ['on Wednesday', 'this week'], ['the company', 'the firm'], ['China', 'Beijing'], ['would', 'will'], ['chips', 'processors']];
const LOCAL = ['Our correspondent contributed to this report.', 'The story is developing and will be updated.',
  'Readers can share their views in the comments below.', 'Additional reporting by the regional desk.'];

/** `{ articles: [{ name, text }] }`: `articles` edited copies of the seeds. */
export function generate({ articles, seed = 1 }) {
  const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => readFileSync(join(seedDir, f), 'utf8'));
  const next = random(seed);
  const out = [];
  for (let k = 0; k < articles; k++) {
    const paragraphs = seeds[k % seeds.length].split(/\n+/).filter((p) => p.trim());
    const kept = [paragraphs[0]];
    for (const p of paragraphs.slice(1)) {
      if (next() < 0.2) continue;
      let text = p;
      for (const [from, to] of SWAPS) if (next() < 0.15) text = text.replace(from, to);
      kept.push(text);
    }
    if (next() < 0.5) kept.push(LOCAL[Math.floor(next() * LOCAL.length)]);
    out.push({ name: `outlet-${String(k).padStart(4, '0')}.txt`, text: `${kept.join('\n\n')}\n` });
  }
  return { articles: out };
}
