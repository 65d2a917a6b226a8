#!/usr/bin/env node
// A deterministic, seeded corpus of republished news articles with ground
// truth, for benchmarks and accuracy at scale (issue 10, item 5).
//
//   node scripts/corpus.mjs --articles N [--seed S] [--stories K] --out DIR
//   import { generate } from './scripts/corpus.mjs';
//   const { articles, truth } = generate({ articles: 300, seed: 1 });
//
// Source prose is only the repository's real text, never random words:
//   - stories: every file of tests/data/seeds/ (five outlets' versions of one
//     July 2025 story), tests/data/eval/second/ and tests/data/eval/third/
//     (two fictional wire stories, five versions each). Each file is a
//     *story*; its folder is its *family* (versions of one event, so two
//     files of one family may genuinely share sentences);
//   - added paragraphs: the one-line texts of tests/data/eval/boundaries.jsonl
//     (independent news-style snippets, split by their labelled sentences).
// Some lines of those source files are not story text but site furniture
// the reader pasted along with the article (cookie banners, bylines, "5 min
// read", comment prompts, "Related posts" and other stories' headlines,
// captions, copyright lines, …). bench/source-furniture.json lists them by
// hand, by exact line text, judged without looking at how wirediff
// classifies lines (its note gives the judgment calls). Every sentence of
// a listed line is outlet boilerplate in the truth wherever the generator
// puts it, copied or edited (in the body, as the headline paragraph, under
// "Related:"), and a new headline is never cut from one. A listed line
// that is not in its file, or a file that is not a source, is an error
// (generate() and the CLI throw), so the list cannot rot silently. Listed
// lines keep their sentences' indices, so other origins do not move.
// K stories (default min(15, ceil(N / 5))), families interleaved, are each
// republished by M = ceil(N / K) generated outlets: article i is story
// i mod K published by outlet floor(i / K). Each copy is, with seeded
// probabilities, verbatim or edited: words swapped for synonyms, US/UK
// spellings, number formats ("5%", "5 per cent", "5 percent", "five
// percent"), straight or curly quotes, trailing clauses trimmed, attribution
// dropped ("…, he said." → "…."); paragraphs dropped, reordered, merged and
// split; snippets added; outlet boilerplate (header, byline, newsletter
// line, "Related:" with other stories' headlines, copyright line); and
// sometimes a new headline cut from the lead sentence. The PRNG is
// mulberry32, seeded per article from (seed, index): the same arguments
// give byte-identical output.
//
// Output (CLI): DIR/NNNNN_<outlet-slug>.txt, one article per file (UTF-8,
// paragraphs separated by a blank line), and DIR/truth.jsonl, one JSON
// object per article, in file order:
//
//   {"article": "00042_the-ashford-herald.txt", "story": "seeds/000_…",
//    "outlet": "The Ashford Herald",
//    "spans": [{"start": 0, "end": 18, "origin": null, "family": null,
//               "kind": "boilerplate", "words": 4},
//              {"start": 20, "end": 131, "origin": "seeds/000_…#0",
//               "family": "seeds", "kind": "copy", "words": 17}, …]}
//
// - spans: every sentence of the article, in text order, with its UTF-8
//   byte span [start, end) in the article's text (trimmed; spans never
//   overlap and every non-space byte is in one).
// - origin: the source sentence it comes from, "<family>/<file>#<index>"
//   (index: the sentence's position in its source file, counting from 0,
//   by this file's splitter: paragraphs are non-blank lines, sentences end
//   at . ? ! before a capital, digit or opening quote, titles and
//   abbreviations excepted; furniture lines count too), "boundaries/
//   <snippet id>#<index>" for a sentence of an added snippet, or null for
//   outlet boilerplate: the generator's own and the source files' listed
//   furniture.
// - family: the origin's family ("seeds", "second", "third"), or
//   "boundaries/<snippet id>" (each snippet is a family of its own), or null.
// - kind: "copy" (the source sentence byte for byte), "edit" (a light
//   edit of it), "headline" (a new headline cut from it), "related" (another
//   story's headline under "Related:"), "added" (a snippet sentence),
//   "boilerplate" (also for a source furniture sentence, whatever the
//   generator did with it).
// - words: the number of white-space separated words in the span.
// - same (only when present): the first source sentence, in source order,
//   whose text is identical to this origin's after folding quotes and
//   white space. Scorers treat origins with the same `same ?? origin` as
//   one sentence.

import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FAMILIES = [
  ['seeds', 'tests/data/seeds'],
  ['second', 'tests/data/eval/second'],
  ['third', 'tests/data/eval/third'],
];
const SNIPPETS = 'tests/data/eval/boundaries.jsonl';
const FURNITURE = join(root, 'bench/source-furniture.json');

// ---------------------------------------------------------------- PRNG

/** mulberry32: a small 32-bit generator; `next()` is uniform in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of two integers (splitmix32-style mixing). */
function mix(x, y) {
  let h = (Math.imul(x >>> 0, 0x9e3779b1) ^ Math.imul(y >>> 0, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

function random(seed, index) {
  const next = mulberry32(mix(seed, index));
  return {
    next,
    chance: (p) => next() < p,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

// ---------------------------------------------------------------- sources

const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'sgt',
  'st', 'jr', 'sr', 'inc', 'corp', 'ltd', 'co', 'no', 'vs', 'etc', 'approx', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'mt', 'ft']);
const STARTERS = new Set(['The', 'He', 'She', 'It', 'They', 'We', 'I', 'But', 'In', 'A', 'An', 'This',
  'That', 'Those', 'These', 'His', 'Her', 'Its', 'Their', 'Our', 'On', 'At', 'As', 'And']);

/**
 * Splits one clean paragraph into sentences: a break after . ? ! (and any
 * closing quotes or brackets) before white space and a capital, digit or
 * opening quote, except after a title or listed abbreviation, a single
 * initial, or a dotted acronym (U.S.) unless a typical sentence starter
 * follows. Returns the trimmed sentence texts.
 */
export function splitSentences(paragraph) {
  const out = [];
  const re = /[.?!…]+["”’')\]]*(?=\s+["“‘'(]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  let m;
  while ((m = re.exec(paragraph))) {
    const end = m.index + m[0].length;
    const before = paragraph.slice(start, end);
    const word = before.slice(before.lastIndexOf(' ') + 1).replace(/^["“‘'(]+/, '');
    const after = paragraph.slice(end).trimStart();
    const next = after.match(/^["“‘'(]?([\p{L}\p{N}]+)/u)?.[1] ?? '';
    const bare = word.replace(/[.?!…"”’')\]]+$/u, '');
    if (m[0][0] === '.') {
      if (TITLES.has(bare.toLowerCase())) continue;
      if (/^\p{Lu}$/u.test(bare)) continue;
      if (/^(\p{L}\.)+\p{L}$/u.test(bare) && !STARTERS.has(next)) continue;
    }
    const s = paragraph.slice(start, end).trim();
    if (s) out.push(s);
    start = end;
  }
  const s = paragraph.slice(start).trim();
  if (s) out.push(s);
  return out;
}

/** Canonical text for "the same sentence": quotes and white space folded. */
export function canonical(text) {
  return text.replace(/[“”„‟″]/g, '"').replace(/[‘’‚‛′]/g, "'").replace(/\s+/g, ' ').trim();
}

/** A source file's paragraphs: its non-blank lines, trimmed. */
const sourceLines = (dir, file) => readFileSync(join(root, dir, file), 'utf8').replace(/^\uFEFF/, '')
  .split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean);

/**
 * Reads and checks a furniture list (bench/source-furniture.json by
 * default): {"files": {"<family>/<file>.txt": [{"line", "why"}, …]}}.
 * Returns a Map from "<family>/<file>.txt" to the Set of its furniture
 * lines. Throws if the list names a file that is not a source, or a line
 * (exact text, trimmed) that is not in its file; the same for the lines
 * of "kept_as_story", which are documentation only.
 */
export function loadFurniture(path = FURNITURE) {
  let list;
  try {
    list = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`furniture list ${path}: ${e.message}`);
  }
  if (!list || typeof list.files !== 'object' || list.files === null) throw new Error(`furniture list ${path}: no "files" object`);
  const dirs = new Map(FAMILIES);
  const out = new Map();
  for (const section of ['files', 'kept_as_story']) {
    for (const [key, entries] of Object.entries(list[section] ?? {})) {
      const [family, file, ...rest] = key.split('/');
      if (!dirs.has(family) || !file || rest.length || !file.endsWith('.txt')) {
        throw new Error(`furniture list ${path}: ${JSON.stringify(key)} is not "<family>/<file>.txt" of a source family (${[...dirs.keys()].join(', ')})`);
      }
      let lines;
      try {
        lines = new Set(sourceLines(dirs.get(family), file));
      } catch (e) {
        throw new Error(`furniture list ${path}: source file ${key} cannot be read (${e.code ?? e.message})`);
      }
      if (!Array.isArray(entries)) throw new Error(`furniture list ${path}: ${section}.${key} is not a list`);
      const set = section === 'files' ? (out.get(key) ?? new Set()) : new Set();
      for (const entry of entries) {
        const line = entry?.line;
        if (typeof line !== 'string' || !line || line !== line.trim() || typeof entry.why !== 'string' || !entry.why) {
          throw new Error(`furniture list ${path}: ${section}.${key}: entry ${JSON.stringify(entry)} needs a trimmed "line" and a "why"`);
        }
        if (!lines.has(line)) {
          throw new Error(`furniture list ${path}: line not found in ${key} (exact text, trimmed): ${JSON.stringify(line)}`);
        }
        if (set.has(line)) throw new Error(`furniture list ${path}: line listed twice for ${key}: ${JSON.stringify(line)}`);
        set.add(line);
      }
      if (section === 'files') out.set(key, set);
    }
  }
  return out;
}

let sourceCache = null;

/**
 * The source model: stories (each a list of paragraphs, each a list of
 * sentences {text, origin, family, furniture?}), interleaved by family, and
 * snippets. `furniture: true` marks the sentences of a line that
 * bench/source-furniture.json lists; they keep their origin here (so
 * indices stay put) and the truth writes them as boilerplate.
 */
export function sources() {
  if (sourceCache) return sourceCache;
  const furniture = loadFurniture();
  const byFamily = FAMILIES.map(([family, dir]) => readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const id = `${family}/${file.replace(/\.txt$/, '')}`;
      const listed = furniture.get(`${family}/${file}`) ?? new Set();
      let index = 0;
      const paragraphs = sourceLines(dir, file).map((line) => splitSentences(line).map((s) => {
        const sentence = { text: s, origin: `${id}#${index++}`, family };
        if (listed.has(line)) sentence.furniture = true;
        return sentence;
      }));
      return { id, family, paragraphs };
    }));
  const stories = [];
  for (let k = 0; byFamily.some((f) => k < f.length); k++) {
    for (const f of byFamily) if (k < f.length) stories.push(f[k]);
  }
  const snippets = [];
  for (const line of readFileSync(join(root, SNIPPETS), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const s = JSON.parse(line);
    if (/[\r\n]/.test(s.text) || s.sentences.join(' ') !== s.text) continue;
    const family = `boundaries/${s.id}`;
    snippets.push(s.sentences.map((t, k) => ({ text: t, origin: `${family}#${k}`, family })));
  }
  // Origins whose text is the same after folding: the first names them all
  // (furniture has no origin in the truth, so it takes no part).
  const same = new Map();
  const first = new Map();
  const all = [...stories.flatMap((s) => s.paragraphs.flat()), ...snippets.flat()].filter((s) => !s.furniture);
  for (const s of all) {
    const key = canonical(s.text);
    if (first.has(key)) same.set(s.origin, first.get(key));
    else first.set(key, s.origin);
  }
  sourceCache = { stories, snippets, same };
  return sourceCache;
}

// ---------------------------------------------------------------- outlets

const PLACES = ['Ashford', 'Bramley', 'Carlton', 'Dunmore', 'Eastfield', 'Fairview', 'Glenwood', 'Harlow',
  'Ironbridge', 'Juniper', 'Kingsbury', 'Lakeside', 'Millbrook', 'Northgate', 'Oakdale', 'Pinecrest',
  'Queensbury', 'Riverside', 'Stonehaven', 'Thornbury', 'Upton', 'Valley', 'Westbrook', 'Yarrow',
  'Ashbury', 'Bellmont', 'Cedar Falls', 'Denton', 'Elmhurst', 'Foxley', 'Granville', 'Highfield',
  'Kestrel Bay', 'Linden', 'Maplewood', 'Newhaven', 'Oldcastle', 'Portsmouth', 'Redhill', 'Silverton'];
const PAPERS = ['Herald', 'Courier', 'Gazette', 'Tribune', 'Chronicle', 'Post', 'Times', 'Observer',
  'Journal', 'Sentinel', 'Record', 'Examiner', 'Dispatch', 'Ledger', 'Star', 'Register', 'Bulletin',
  'Monitor', 'Standard', 'News'];
const QUALIFIERS = ['', 'Daily ', 'Evening ', 'Weekly ', 'Sunday ', 'Morning '];

/** Outlet `j`'s name: distinct for j < 4,800, then numbered. */
export function outletName(j, seed = 1) {
  const total = PLACES.length * PAPERS.length * QUALIFIERS.length;
  const k = ((j % total) * 7919 + (mix(seed, 0) % total)) % total;
  const place = PLACES[k % PLACES.length];
  const paper = PAPERS[Math.floor(k / PLACES.length) % PAPERS.length];
  const qualifier = QUALIFIERS[Math.floor(k / PLACES.length / PAPERS.length)];
  const name = `The ${place} ${qualifier}${paper}`;
  return j < total ? name : `${name} ${Math.floor(j / total) + 1}`;
}

const slug = (name) => name.toLowerCase().replace(/^the /, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

// ---------------------------------------------------------------- edits

// Word swaps, each way round (the first of a pair is the usual wire word).
const SYNONYMS = [
  ['said', 'stated'], ['says', 'states'], ['about', 'around'], ['company', 'firm'], ['companies', 'firms'],
  ['began', 'started'], ['begin', 'start'], ['big', 'large'], ['buy', 'purchase'], ['bought', 'purchased'],
  ['help', 'assist'], ['show', 'demonstrate'], ['showed', 'demonstrated'], ['expects', 'anticipates'],
  ['earlier', 'previously'], ['also', 'additionally'], ['major', 'significant'], ['new', 'fresh'],
  ['cut', 'reduced'], ['rise', 'increase'], ['rose', 'climbed'], ['fell', 'dropped'], ['quickly', 'rapidly'],
  ['officials', 'authorities'], ['people', 'individuals'], ['near', 'close to'], ['warned', 'cautioned'],
  ['important', 'key'], ['shares', 'stock'], ['customers', 'consumers'], ['several', 'a number of'],
  ['need', 'requirement'], ['however', 'though'], ['because', 'since'], ['stop', 'halt'], ['halted', 'stopped'],
  ['global', 'worldwide'], ['reports', 'accounts'], ['affected', 'impacted'], ['sold', 'marketed'],
];
// US → UK spellings.
const SPELLINGS = [
  ['color', 'colour'], ['center', 'centre'], ['defense', 'defence'], ['favor', 'favour'], ['labor', 'labour'],
  ['organization', 'organisation'], ['organizations', 'organisations'], ['analyze', 'analyse'],
  ['program', 'programme'], ['catalog', 'catalogue'], ['license', 'licence'], ['traveled', 'travelled'],
  ['canceled', 'cancelled'], ['recognized', 'recognised'], ['criticized', 'criticised'], ['behavior', 'behaviour'],
  ['apologize', 'apologise'], ['realize', 'realise'], ['emphasized', 'emphasised'], ['modeled', 'modelled'],
  ['signaling', 'signalling'], ['catalyzing', 'catalysing'], ['catalyze', 'catalyse'], ['neighbors', 'neighbours'],
  ['aluminum', 'aluminium'], ['fueled', 'fuelled'], ['jewelry', 'jewellery'], ['honor', 'honour'],
  ['percent', 'per cent'], ['gray', 'grey'], ['theater', 'theatre'], ['meters', 'metres'],
];

function wordTable(pairs) {
  const map = new Map();
  for (const [a, b] of pairs) {
    map.set(a, b);
    map.set(b, a);
  }
  const words = [...map.keys()].sort((x, y) => y.length - x.length).map((w) => w.replace(/ /g, '\\s'));
  return { map, re: new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${words.join('|')})(?![\\p{L}\\p{N}'’-])`, 'giu') };
}
const SYN = wordTable(SYNONYMS);
const US_UK = new Map(SPELLINGS);
const UK_US = new Map(SPELLINGS.map(([a, b]) => [b, a]));
const spellRe = (map) => new RegExp(`(?<![\\p{L}\\p{N}-])(?:${[...map.keys()].join('|')})(?![\\p{L}\\p{N}-])`, 'giu');
const TO_UK = spellRe(US_UK);
const TO_US = spellRe(UK_US);

function keepCase(from, to) {
  if (from === from.toUpperCase() && from.length > 1) return to.toUpperCase();
  if (from[0] === from[0].toUpperCase()) return to[0].toUpperCase() + to.slice(1);
  return to;
}

const synonymHits = new Map();
/** Replaces one randomly chosen synonym-table word. */
function swapWord(text, rng) {
  let hits = synonymHits.get(text);
  if (!hits) {
    hits = [...text.matchAll(SYN.re)];
    if (synonymHits.size < 100000) synonymHits.set(text, hits);
  }
  if (!hits.length) return text;
  const h = rng.pick(hits);
  const to = SYN.map.get(h[0].toLowerCase().replace(/\s/g, ' '));
  return text.slice(0, h.index) + keepCase(h[0], to) + text.slice(h.index + h[0].length);
}

const spell = (text, re, map) => text.replace(re, (w) => keepCase(w, map.get(w.toLowerCase())));

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** Percentages in one of four styles. */
function percents(text, style) {
  return text.replace(/(\d+(?:\.\d+)?)(?:%| per cent\b| percent\b)/g, (_, n) => {
    if (style === 0) return `${n}%`;
    if (style === 1) return `${n} per cent`;
    if (style === 2) return `${n} percent`;
    return /^\d+$/.test(n) && +n <= 10 ? `${NUMBER_WORDS[+n]} percent` : `${n} percent`;
  });
}

const straighten = (text) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
function curl(text) {
  return text
    .replace(/(^|[\s(\[—–-])"/g, '$1“').replace(/"/g, '”')
    .replace(/(^|[\s(\[—–-])'/g, '$1‘').replace(/'/g, '’');
}

/** Number of white-space separated words. */
function wordCount(text) {
  let n = 0;
  let inWord = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    const space = c === 32 || c === 10 || c === 13 || c === 9;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** "…, Jane Doe said." → "…." (and "…,” he said." → "….”"). */
function dropAttribution(text) {
  const m = text.match(/,(["”]?) ([^,“”"]{2,50}?) (?:said|says|added|stated|noted|told reporters)(?: on \w+day| in a statement)?\.$/u);
  if (!m || m.index < 20) return text;
  const cut = `${text.slice(0, m.index)}.${m[1]}`;
  return wordCount(cut) >= 5 ? cut : text;
}

/** "A, b c d." → "A." for a sentence without quotes and a short last clause. */
function trimClause(text) {
  if (!text.endsWith('.') || /["“”'‘]/.test(text.replace(/(\p{L})['’](\p{L})/gu, '$1$2'))) return text;
  const at = text.lastIndexOf(', ');
  if (at < 0) return text;
  const head = text.slice(0, at);
  const tail = text.slice(at + 2);
  if (wordCount(head) < 6 || wordCount(tail) < 3 || wordCount(tail) > 15) return text;
  return `${head}.`;
}

// ---------------------------------------------------------------- boilerplate

const SECTIONS = ['News', 'Business', 'Technology', 'World', 'Local', 'Markets', 'Politics'];
const HEADERS = [
  (o) => o, (o, s) => `${o} | ${s}`, (o, s) => `Home › ${s} › Latest`, (o) => `${o}: Latest headlines`,
];
const BYLINES = [
  (o) => `By ${o} Staff`, (o) => `${o} News Desk`, () => 'By Staff Reporter', (o) => `Reporting by ${o}`,
];
const FOOTERS = [
  () => 'Sign up for our newsletter',
  () => "Sign up for our newsletter to get the day's top stories in your inbox.",
  (o) => `Have a news tip? Contact ${o}.`,
  (o) => `Follow ${o} on social media for the latest updates.`,
  () => 'This article has been updated with additional information.',
  () => 'Share this article',
];
const COPYRIGHTS = [
  (o) => `© 2025 ${o}. All rights reserved.`,
  (o) => `Copyright 2025 ${o}. All rights reserved.`,
  (o) => `© ${o} 2025`,
];

// ---------------------------------------------------------------- generation

const boiler = (text) => [{ text, origin: null, family: null, kind: 'boilerplate' }];
// Styled texts of unedited source sentences, by origin and style.
const styled = new Map();
const clone = (paragraph, kind = 'copy') => paragraph.map((s) => ({ ...s, kind }));

function republish(story, outlet, i, seed, src) {
  const rng = random(seed, i + 1);
  const verbatim = rng.chance(0.25);
  const [headline, ...body] = story.paragraphs;
  let paras = body.map((p) => clone(p));
  let head = clone(headline);

  if (!verbatim) {
    // Paragraphs: drops, a few adjacent swaps, merges and splits.
    const pDrop = rng.next() * 0.2;
    paras = paras.filter((p, k) => k === 0 || !rng.chance(pDrop));
    for (let swaps = rng.int(3); swaps > 0 && paras.length > 2; swaps--) {
      const k = 1 + rng.int(paras.length - 2);
      [paras[k], paras[k + 1]] = [paras[k + 1], paras[k]];
    }
    const merged = [];
    for (const p of paras) {
      if (merged.length && rng.chance(0.08)) merged[merged.length - 1] = [...merged[merged.length - 1], ...p];
      else merged.push(p);
    }
    paras = merged.flatMap((p) => (p.length > 1 && rng.chance(0.12) ? (() => {
      const at = 1 + rng.int(p.length - 1);
      return [p.slice(0, at), p.slice(at)];
    })() : [p]));

    // Sentences: article-wide styles, then light edits here and there.
    const spelling = rng.int(3); // 0: as written, 1: UK, 2: US
    const numbers = rng.chance(0.5) ? -1 : rng.int(4);
    const quotes = rng.int(3); // 0: as written, 1: straight, 2: curly
    const pEdit = 0.1 + rng.next() * 0.4;
    const style = (t) => {
      if (spelling === 1) t = spell(t, TO_UK, US_UK);
      if (spelling === 2) t = spell(t, TO_US, UK_US);
      if (numbers >= 0) t = percents(t, numbers);
      if (quotes === 1) t = straighten(t);
      if (quotes === 2) t = curl(straighten(t));
      return t;
    };
    const styleKey = `${spelling}|${numbers}|${quotes}`;
    const edit = (s) => {
      let t = s.text;
      if (rng.chance(pEdit)) {
        const what = rng.int(5);
        if (what <= 1) t = swapWord(t, rng);
        if (what === 1) t = swapWord(t, rng);
        if (what === 2) t = trimClause(t);
        if (what === 3) t = dropAttribution(t);
        if (what === 4) t = swapWord(dropAttribution(t), rng);
      }
      if (t === s.text) {
        // Unedited: the styled text of a source sentence is cached.
        const key = `${s.origin}|${styleKey}`;
        t = styled.get(key);
        if (t === undefined) styled.set(key, (t = style(s.text)));
      } else {
        t = style(t);
      }
      return t === s.text ? s : { ...s, text: t, kind: 'edit' };
    };
    paras = paras.map((p) => p.map(edit));

    // A new headline, cut from the lead sentence (never from furniture).
    const lead = paras.flat().find((s) => !s.furniture && wordCount(s.text) >= 8);
    if (lead && rng.chance(0.3)) {
      let t = lead.text.split(/, | — | – /)[0].replace(/[.?!"”]+$/u, '');
      const words = t.split(' ');
      if (words.length > 12) t = words.slice(0, 12).join(' ');
      head = [{ ...lead, text: t, kind: 'headline' }];
    } else {
      head = head.map(edit);
    }

    // Added snippets.
    for (let n = rng.int(4); n > 0; n--) {
      const snippet = rng.pick(src.snippets).map((s) => ({ ...s, kind: 'added' }));
      paras.splice(1 + rng.int(paras.length), 0, snippet);
    }
  }

  // Boilerplate.
  const section = rng.pick(SECTIONS);
  const top = [];
  if (rng.chance(0.7)) top.push(boiler(rng.pick(HEADERS)(outlet, section)));
  top.push(head);
  if (rng.chance(0.5)) top.push(boiler(rng.pick(BYLINES)(outlet)));
  const bottom = [];
  if (rng.chance(0.6)) bottom.push(boiler(rng.pick(FOOTERS)(outlet)));
  if (rng.chance(0.4)) {
    bottom.push(boiler('Related:'));
    for (let n = 1 + rng.int(2); n > 0; n--) {
      const other = rng.pick(src.stories);
      if (other !== story) bottom.push(clone(other.paragraphs[0], 'related'));
    }
  }
  if (rng.chance(0.7)) bottom.push(boiler(rng.pick(COPYRIGHTS)(outlet)));
  return [...top, ...paras, ...bottom].filter((p) => p.length);
}

/** Lays paragraphs out as text and byte spans. */
function layout(paragraphs, same) {
  const pieces = [];
  const spans = [];
  let at = 0;
  paragraphs.forEach((p, k) => {
    if (k) {
      pieces.push('\n\n');
      at += 2;
    }
    p.forEach((s, j) => {
      if (j) {
        pieces.push(' ');
        at += 1;
      }
      const end = at + Buffer.byteLength(s.text);
      // A source furniture sentence is boilerplate, copied or edited.
      const span = s.furniture
        ? { start: at, end, origin: null, family: null, kind: 'boilerplate', words: wordCount(s.text) }
        : { start: at, end, origin: s.origin, family: s.family, kind: s.kind, words: wordCount(s.text) };
      if (span.origin && same.has(span.origin)) span.same = same.get(span.origin);
      spans.push(span);
      pieces.push(s.text);
      at = end;
    });
  });
  pieces.push('\n');
  return { text: pieces.join(''), spans };
}

/**
 * Generates `articles` articles from `seed`: { articles: [{name, text}],
 * truth: [{article, story, outlet, spans}], stories, outlets, words, bytes }.
 */
export function generate({ articles: n, seed = 1, stories } = {}) {
  if (!Number.isInteger(n) || n < 1) throw new Error(`articles must be a positive integer (got ${n})`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`seed must be an integer from 0 to 4294967295 (got ${seed})`);
  }
  const src = sources();
  const k = stories ?? Math.min(src.stories.length, Math.ceil(n / 5));
  if (!Number.isInteger(k) || k < 1 || k > src.stories.length) {
    throw new Error(`stories must be an integer from 1 to ${src.stories.length} (got ${stories})`);
  }
  const width = Math.max(5, String(n - 1).length);
  const out = [];
  const truth = [];
  let words = 0;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const story = src.stories[i % k];
    const outlet = outletName(Math.floor(i / k), seed);
    const { text, spans } = layout(republish(story, outlet, i, seed, src), src.same);
    const name = `${String(i).padStart(width, '0')}_${slug(outlet)}.txt`;
    out.push({ name, text });
    truth.push({ article: name, story: story.id, outlet, spans });
    words += wordCount(text);
    bytes += Buffer.byteLength(text);
  }
  return { articles: out, truth, stories: k, outlets: Math.ceil(n / k), words, bytes };
}

// ---------------------------------------------------------------- CLI

function cli(argv) {
  const usage = 'usage: node scripts/corpus.mjs --articles N [--seed S] [--stories K] --out DIR';
  const opts = {};
  for (let k = 0; k < argv.length; k++) {
    const flag = argv[k];
    if (flag === '-h' || flag === '--help') {
      console.log(usage);
      return;
    }
    if (!['--articles', '--seed', '--stories', '--out'].includes(flag)) throw new Error(`unknown argument ${JSON.stringify(flag)}; ${usage}`);
    const value = argv[++k];
    if (value === undefined || value === '') throw new Error(`${flag} needs a value`);
    if (flag === '--out') opts.out = value;
    else {
      if (!/^\d+$/.test(value)) throw new Error(`${flag} must be a non-negative integer (got ${JSON.stringify(value)})`);
      opts[flag.slice(2)] = Number(value);
    }
  }
  if (opts.articles === undefined) throw new Error(`--articles is required; ${usage}`);
  if (opts.out === undefined) throw new Error(`--out is required; ${usage}`);
  const started = performance.now();
  const result = generate(opts);
  mkdirSync(opts.out, { recursive: true });
  // Earlier corpora in DIR would mix in: remove this script's files only.
  for (const f of readdirSync(opts.out)) {
    if (/^\d{5,}_[a-z0-9-]+\.txt$/.test(f) || f === 'truth.jsonl') unlinkSync(join(opts.out, f));
  }
  for (const a of result.articles) writeFileSync(join(opts.out, a.name), a.text);
  writeFileSync(join(opts.out, 'truth.jsonl'), result.truth.map((t) => `${JSON.stringify(t)}\n`).join(''));
  const ms = performance.now() - started;
  console.log(`corpus: ${result.articles.length} articles (${result.stories} stories × up to ${result.outlets} outlets, ` +
    `${result.words} words, ${result.bytes} bytes, seed ${opts.seed ?? 1}) and truth.jsonl in ${opts.out} (${ms.toFixed(0)} ms)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    cli(process.argv.slice(2));
  } catch (e) {
    console.error(`corpus: error: ${e.message}`);
    process.exit(2);
  }
}

