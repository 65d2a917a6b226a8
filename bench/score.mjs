#!/usr/bin/env node
// Pair precision, recall and F1 of a clustering of sentence occurrences
// against the ground truth of scripts/corpus.mjs (truth.jsonl).
//
//   node bench/score.mjs --truth DIR/truth.jsonl --pred FILE [--min-words W] [--json]
//
// FILE is either wirediff's `analyze` JSON (pretty or --compact; read as a
// stream, so files past V8's string limit work) or the scorer's own format,
// which bench/datasketch_peer.py writes and `--convert OUT` writes
// from a wirediff JSON:
//
//   {"tool": "…", "articles": ["00000_….txt", …],
//    "sentences": [[start0, end0, start1, end1, …], …],   // per article, UTF-8 byte spans
//    "clusters": [[article, sentence, article, sentence, …], …]}
//
// Rules (see BENCHMARKS.md):
// - Each tool sentence is mapped to the truth span it overlaps most (in
//   bytes; ties to the first). Truth spans no tool sentence overlaps are
//   added as unclustered occurrences, so a segmentation that loses
//   sentences loses recall.
// - Occurrences whose truth span has fewer than W words (default 4, as
//   wirediff's default --min-words) are left out: nothing can link them
//   by shared word 3-shingles or bigrams, and a two-word line copied a
//   thousand times would outweigh the reporting.
// - Only pairs of occurrences in two different articles count. A pair is
//   truly linked iff the two origins are the same sentence (`same ??
//   origin` equal: identical after folding quotes and white space). A pair
//   whose origins are different sentences of two different source files
//   of one family is "don't care" (versions of one event may genuinely
//   share a sentence). A pair of two boilerplate occurrences (origin null)
//   is "don't care" too; boilerplate with anything else is false, and so
//   are different sentences of one source file and pairs across families.
// - Pairs are counted by contingency tables (sums of C(n, 2) over cells,
//   minus the pairs inside one article), never enumerated.

import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const c2 = (n) => (n * (n - 1)) / 2;

/** Counts cross-article pairs inside the cells of a key. */
class Cells {
  constructor() {
    this.cell = new Map();
    this.inArticle = new Map();
  }

  add(key, article) {
    this.cell.set(key, (this.cell.get(key) ?? 0) + 1);
    const k = `${key}\u0000${article}`;
    this.inArticle.set(k, (this.inArticle.get(k) ?? 0) + 1);
  }

  pairs() {
    let n = 0;
    for (const v of this.cell.values()) n += c2(v);
    for (const v of this.inArticle.values()) n -= c2(v);
    return n;
  }
}

/** Reads truth.jsonl: [{article, spans}]. */
export function readTruth(path) {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

/**
 * Scores `pred` (the scorer's format, see the header) against `truth`
 * (parsed truth.jsonl lines). Returns {precision, recall, f1, tp,
 * predicted, truePairs, occurrences, unmatched, unknownArticles}.
 */
export function score(truth, pred, { minWords = 4 } = {}) {
  const byName = new Map(truth.map((t, i) => [t.article, i]));
  // cluster id of (article, sentence), for the predicted articles.
  const clusterOf = pred.articles.map((_, a) => new Int32Array((pred.sentences[a]?.length ?? 0) / 2).fill(-1));
  pred.clusters.forEach((members, c) => {
    for (let k = 0; k < members.length; k += 2) {
      const row = clusterOf[members[k]];
      if (row && members[k + 1] < row.length) row[members[k + 1]] = c;
    }
  });
  const cl = new Cells();
  const clNull = new Cells();
  const cls = new Cells();
  const clClass = new Cells();
  const clFam = new Cells();
  const clFile = new Cells();
  const clFamClass = new Cells();
  const clFileClass = new Cells();
  let occurrences = 0;
  let unmatched = 0;
  let unknownArticles = 0;
  const add = (article, span, cluster) => {
    if (span.words < minWords) return;
    occurrences++;
    const origin = span.origin;
    const klass = origin === null ? null : (span.same ?? origin);
    if (klass !== null) cls.add(klass, article);
    if (cluster < 0) return;
    cl.add(cluster, article);
    if (origin === null) {
      clNull.add(cluster, article);
      return;
    }
    const file = origin.slice(0, origin.lastIndexOf('#'));
    clClass.add(`${cluster}\u0001${klass}`, article);
    clFam.add(`${cluster}\u0001${span.family}`, article);
    clFile.add(`${cluster}\u0001${file}`, article);
    clFamClass.add(`${cluster}\u0001${span.family}\u0001${klass}`, article);
    clFileClass.add(`${cluster}\u0001${file}\u0001${klass}`, article);
  };
  const seen = new Set();
  pred.articles.forEach((name, a) => {
    const t = byName.get(name);
    if (t === undefined) {
      unknownArticles++;
      return;
    }
    seen.add(t);
    const spans = truth[t].spans;
    const flat = pred.sentences[a] ?? [];
    const hit = new Uint8Array(spans.length);
    let j = 0;
    for (let k = 0; k < flat.length; k += 2) {
      const [s, e] = [flat[k], flat[k + 1]];
      while (j < spans.length && spans[j].end <= s) j++;
      let best = -1;
      let bestOverlap = 0;
      for (let q = j; q < spans.length && spans[q].start < e; q++) {
        const overlap = Math.min(e, spans[q].end) - Math.max(s, spans[q].start);
        if (overlap > bestOverlap) [best, bestOverlap] = [q, overlap];
      }
      if (best < 0) continue; // white space only: no truth sentence
      hit[best] = 1;
      add(t, spans[best], clusterOf[a][k / 2]);
    }
    spans.forEach((span, q) => {
      if (!hit[q] && span.words >= minWords) {
        unmatched++;
        add(t, span, -1);
      }
    });
  });
  // Articles of the truth that the tool did not report: all unclustered.
  truth.forEach((article, t) => {
    if (seen.has(t)) return;
    for (const span of article.spans) {
      if (span.words >= minWords) {
        unmatched++;
        add(t, span, -1);
      }
    }
  });
  const tp = clClass.pairs();
  const dontCare = clFam.pairs() - clFile.pairs() - (clFamClass.pairs() - clFileClass.pairs());
  const predicted = cl.pairs() - clNull.pairs() - dontCare;
  const truePairs = cls.pairs();
  const precision = predicted ? tp / predicted : 1;
  const recall = truePairs ? tp / truePairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, predicted, truePairs, dontCare, occurrences, unmatched, unknownArticles };
}

/** The truth itself as a clustering (for checks): one cluster per class. */
export function truthClustering(truth, { nullsTogether = false } = {}) {
  const clusters = new Map();
  const sentences = truth.map((t, a) => {
    const flat = [];
    t.spans.forEach((s, k) => {
      flat.push(s.start, s.end);
      const key = s.origin === null ? (nullsTogether ? '\u0000null' : null) : (s.same ?? s.origin);
      if (key === null) return;
      if (!clusters.has(key)) clusters.set(key, []);
      clusters.get(key).push(a, k);
    });
    return flat;
  });
  return { tool: 'truth', articles: truth.map((t) => t.article), sentences, clusters: [...clusters.values()] };
}

/**
 * Reads wirediff's `analyze` JSON into the scorer's format, as a stream:
 * article names, and each sentence's span and cluster, are taken from the
 * `articles` array (the patterns cannot occur inside a JSON string, where
 * every quote is escaped); the rest of the file is not read.
 */
export function readWirediff(path) {
  const fd = openSync(path, 'r');
  const chunk = Buffer.alloc(1 << 24);
  const articles = [];
  const sentences = [];
  const clusters = new Map();
  const re = /"name"\s*:\s*("(?:[^"\\]|\\.)*")\s*,\s*"outlet"|"paragraph"\s*:\s*\d+\s*,\s*"start"\s*:\s*(\d+)\s*,\s*"end"\s*:\s*(\d+)\s*,\s*"words"\s*:\s*\d+\s*,\s*"cluster"\s*:\s*(\d+|null)|"clusters"\s*:/g;
  let carry = '';
  let done = false;
  try {
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      const text = carry + chunk.toString('latin1', 0, n);
      re.lastIndex = 0;
      let m;
      let last = 0;
      while ((m = re.exec(text))) {
        if (n && text.length - m.index < 4096) break; // may be cut: take it with the next chunk
        last = re.lastIndex;
        if (m[1] !== undefined) {
          articles.push(JSON.parse(Buffer.from(m[1], 'latin1').toString('utf8')));
          sentences.push([]);
        } else if (m[2] !== undefined) {
          const a = articles.length - 1;
          const k = sentences[a].length / 2;
          sentences[a].push(Number(m[2]), Number(m[3]));
          if (m[4] !== 'null') {
            if (!clusters.has(m[4])) clusters.set(m[4], []);
            clusters.get(m[4]).push(a, k);
          }
        } else {
          done = true;
          break;
        }
      }
      if (done || n === 0) break;
      // Unread matches start after `last` and within 4 KiB of the end.
      carry = text.slice(Math.max(last, text.length - 8192));
    }
  } finally {
    closeSync(fd);
  }
  return { tool: 'wirediff', articles, sentences, clusters: [...clusters.values()] };
}

/** Reads a prediction file in either format. */
export function readPrediction(path) {
  const head = Buffer.alloc(4096);
  const fd = openSync(path, 'r');
  const n = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  if (/^\s*\{\s*"tool"/.test(head.toString('latin1', 0, n))) return JSON.parse(readFileSync(path, 'utf8'));
  return readWirediff(path);
}

function cli(argv) {
  const usage = 'usage: node bench/score.mjs --truth TRUTH.jsonl --pred FILE [--min-words W] [--json] [--convert OUT]';
  const opts = { minWords: 4 };
  for (let k = 0; k < argv.length; k++) {
    const flag = argv[k];
    if (flag === '--json') {
      opts.json = true;
      continue;
    }
    const value = argv[++k];
    if (value === undefined) throw new Error(`${flag} needs a value; ${usage}`);
    if (flag === '--truth') opts.truth = value;
    else if (flag === '--pred') opts.pred = value;
    else if (flag === '--convert') opts.convert = value;
    else if (flag === '--min-words' && /^\d+$/.test(value)) opts.minWords = Number(value);
    else throw new Error(`bad argument ${JSON.stringify(flag)}; ${usage}`);
  }
  if (!opts.pred) throw new Error(`--pred is required; ${usage}`);
  const pred = readPrediction(opts.pred);
  if (opts.convert) writeFileSync(opts.convert, JSON.stringify(pred));
  if (!opts.truth) return;
  const r = score(readTruth(opts.truth), pred, opts);
  if (opts.json) console.log(JSON.stringify({ tool: pred.tool, ...r }));
  else {
    console.log(`${pred.tool}: precision ${r.precision.toFixed(3)} recall ${r.recall.toFixed(3)} F1 ${r.f1.toFixed(3)} ` +
      `(${r.tp} of ${r.predicted} predicted pairs true, ${r.truePairs} true pairs; ${r.occurrences} occurrences, ` +
      `${r.unmatched} truth sentences no tool sentence covers)`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    cli(process.argv.slice(2));
  } catch (e) {
    console.error(`score: error: ${e.message}`);
    process.exit(2);
  }
}
