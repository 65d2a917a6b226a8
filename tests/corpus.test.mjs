// The benchmark corpus generator (scripts/corpus.mjs) and scorer
// (bench/score.mjs): deterministic output, truth spans that slice
// real sentences, and pair scores checked against brute force.
// Run by scripts/test: node --test tests/corpus.test.mjs

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { canonical, generate, loadFurniture, sources, splitSentences } from '../scripts/corpus.mjs';
import { readPrediction, score, truthClustering } from '../bench/score.mjs';

const root = new URL('..', import.meta.url).pathname;

test('same seed, same bytes; another seed, other bytes', () => {
  const a = generate({ articles: 60, seed: 3 });
  const b = generate({ articles: 60, seed: 3 });
  const c = generate({ articles: 60, seed: 4 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.articles, c.articles);
  assert.equal(a.articles.length, 60);
  assert.equal(new Set(a.articles.map((x) => x.name)).size, 60);
});

test('the command line writes the same files twice, and refuses bad arguments in one line', () => {
  const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'corpus-')));
  try {
    for (const dir of dirs) {
      const r = spawnSync('node', [join(root, 'scripts/corpus.mjs'), '--articles', '12', '--seed', '9', '--out', dir], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^corpus: 12 articles .*\n$/);
    }
    const files = readdirSync(dirs[0]).sort();
    assert.equal(files.length, 13);
    assert.deepEqual(readdirSync(dirs[1]).sort(), files);
    for (const f of files) assert.ok(readFileSync(join(dirs[0], f)).equals(readFileSync(join(dirs[1], f))), f);
    const { articles, truth } = generate({ articles: 12, seed: 9 });
    for (const a of articles) assert.equal(readFileSync(join(dirs[0], a.name), 'utf8'), a.text);
    assert.equal(readFileSync(join(dirs[0], 'truth.jsonl'), 'utf8'), truth.map((t) => `${JSON.stringify(t)}\n`).join(''));
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  for (const args of [['--articles', 'x', '--out', '/tmp/x'], ['--articles', '5'], ['--bogus'], ['--articles', '0', '--out', '/tmp/x']]) {
    const r = spawnSync('node', [join(root, 'scripts/corpus.mjs'), ...args], { encoding: 'utf8' });
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /^corpus: error: [^\n]+\n$/);
  }
});

test('every truth span slices a sentence of the text, and copies are their source', () => {
  const source = new Map();
  const { stories, snippets } = sources();
  for (const s of [...stories.flatMap((x) => x.paragraphs.flat()), ...snippets.flat()]) source.set(s.origin, s);
  const { articles, truth } = generate({ articles: 300, seed: 1 });
  const kinds = new Set();
  articles.forEach((article, i) => {
    assert.equal(truth[i].article, article.name);
    const bytes = Buffer.from(article.text);
    let previous = 0;
    for (const span of truth[i].spans) {
      kinds.add(span.kind);
      assert.ok(span.start >= previous && span.end > span.start, `${article.name} ${span.start}`);
      const text = bytes.subarray(span.start, span.end).toString();
      assert.equal(Buffer.byteLength(text), span.end - span.start, 'span cuts a character');
      assert.equal(text, text.trim());
      assert.equal(bytes.subarray(previous, span.start).toString().trim(), '', 'text outside every span');
      previous = span.end;
      if (span.origin === null) {
        assert.equal(span.kind, 'boilerplate');
        continue;
      }
      const s = source.get(span.origin);
      assert.ok(s, span.origin);
      assert.equal(span.family, s.family);
      if (span.kind === 'copy' || span.kind === 'added' || span.kind === 'related') assert.equal(text, s.text);
    }
    assert.equal(bytes.subarray(previous).toString().trim(), '');
  });
  for (const kind of ['copy', 'edit', 'added', 'headline', 'related', 'boilerplate']) assert.ok(kinds.has(kind), kind);
});

test('source furniture (bench/source-furniture.json) is boilerplate in the truth, copied or edited', () => {
  // Read the list and the source files directly, not through sources().
  const list = JSON.parse(readFileSync(join(root, 'bench/source-furniture.json'), 'utf8'));
  const dirs = { seeds: 'tests/data/seeds', second: 'tests/data/eval/second', third: 'tests/data/eval/third' };
  const listedText = new Set(); // canonical texts of listed lines and of their sentences
  const originLine = new Map(); // "<family>/<file>#<index>" → its line, for the listed files
  const listed = new Map(); // origin → true if its line is listed
  let lines = 0;
  for (const [key, entries] of Object.entries(list.files)) {
    const [family, file] = key.split('/');
    const set = new Set(entries.map((e) => e.line));
    lines += set.size;
    const text = readFileSync(join(root, dirs[family], file), 'utf8').replace(/^\uFEFF/, '');
    let index = 0;
    for (const line of text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean)) {
      for (const sentence of splitSentences(line)) {
        const origin = `${family}/${file.replace(/\.txt$/, '')}#${index++}`;
        originLine.set(origin, line);
        listed.set(origin, set.has(line));
        if (set.has(line)) listedText.add(canonical(sentence));
      }
      if (set.has(line)) listedText.add(canonical(line));
    }
  }
  assert.ok(lines >= 40, `${lines} listed lines`);
  // Story text must not be listed: the headlines of the wire stories stay story.
  assert.ok(!listedText.has(canonical('Brightwell recalls 480,000 air fryers after reports of overheating')));

  const { articles, truth } = generate({ articles: 300, seed: 1 });
  const seen = new Set();
  articles.forEach((article, i) => {
    const bytes = Buffer.from(article.text);
    for (const span of truth[i].spans) {
      const text = canonical(bytes.subarray(span.start, span.end).toString());
      if (span.origin === null) {
        if (listedText.has(text)) seen.add(text);
        continue;
      }
      assert.ok(!listedText.has(text), `${article.name}: furniture ${JSON.stringify(text)} has origin ${span.origin}`);
      // Edited furniture no longer matches by text: check its origin's line.
      assert.notEqual(listed.get(span.origin), true, `${article.name}: ${span.origin} (${span.kind}) is from furniture line ${JSON.stringify(originLine.get(span.origin))}`);
      if (span.same) assert.notEqual(listed.get(span.same), true, `${article.name}: same ${span.same} is furniture`);
    }
  });
  // The test is not vacuous: furniture was republished, as boilerplate.
  assert.ok(seen.size > 40, `${seen.size} furniture texts seen as boilerplate`);
  for (const t of ['Please enter your comment!', 'Customize Consent Preferences', 'Related posts', 'By Harriet Lowe, North America correspondent']) {
    assert.ok(seen.has(t), t);
  }
});

test('a furniture line that is not in its file, or a file that is not a source, throws', () => {
  assert.ok(loadFurniture().get('seeds/002_7683c41612a091b6.txt').has('5 min read'));
  const dir = mkdtempSync(join(tmpdir(), 'furniture-'));
  try {
    const write = (files) => {
      const path = join(dir, 'list.json');
      writeFileSync(path, JSON.stringify({ note: 'test', files }));
      return path;
    };
    const good = { line: 'LEAVE A REPLY', why: 'comment-form' };
    assert.equal(loadFurniture(write({ 'seeds/000_241b758aa50da853.txt': [good] })).size, 1);
    assert.throws(() => loadFurniture(write({ 'seeds/000_241b758aa50da853.txt': [good, { line: 'Leave a reply', why: 'comment-form' }] })),
      /line not found in seeds\/000_241b758aa50da853\.txt .*"Leave a reply"/);
    // A line of another file of the family is not in this one.
    assert.throws(() => loadFurniture(write({ 'seeds/001_48ddd577ffdcc53b.txt': [good] })), /line not found in seeds\/001_/);
    assert.throws(() => loadFurniture(write({ 'seeds/999_missing.txt': [good] })), /seeds\/999_missing\.txt cannot be read/);
    assert.throws(() => loadFurniture(write({ 'other/000_241b758aa50da853.txt': [good] })), /not "<family>\/<file>\.txt"/);
    assert.throws(() => loadFurniture(write({ 'seeds/000_241b758aa50da853.txt': [{ line: 'LEAVE A REPLY' }] })), /needs a trimmed "line" and a "why"/);
    assert.throws(() => loadFurniture(write({ 'seeds/000_241b758aa50da853.txt': [good, good] })), /listed twice/);
    assert.throws(() => loadFurniture(join(dir, 'absent.json')), /furniture list .*absent\.json/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Pair precision and recall by enumerating every pair (for checking). */
function bruteForce(truth, pred, minWords) {
  const occ = [];
  pred.articles.forEach((name, a) => {
    const t = truth.findIndex((x) => x.article === name);
    const clusterOf = new Map();
    pred.clusters.forEach((m, c) => {
      for (let k = 0; k < m.length; k += 2) if (m[k] === a) clusterOf.set(m[k + 1], c);
    });
    truth[t].spans.forEach((span, k) => {
      if (span.words >= minWords) occ.push({ article: t, span, cluster: clusterOf.get(k) ?? `alone${a}/${k}` });
    });
  });
  let tp = 0;
  let predicted = 0;
  let truePairs = 0;
  for (let i = 0; i < occ.length; i++) {
    for (let j = i + 1; j < occ.length; j++) {
      const [x, y] = [occ[i], occ[j]];
      if (x.article === y.article) continue;
      const same = x.cluster === y.cluster;
      const cx = x.span.origin && (x.span.same ?? x.span.origin);
      const cy = y.span.origin && (y.span.same ?? y.span.origin);
      const linked = cx !== null && cx === cy;
      const file = (o) => o.slice(0, o.lastIndexOf('#'));
      const dontCare = !linked && ((cx === null && cy === null) ||
        (cx !== null && cy !== null && x.span.family === y.span.family && file(x.span.origin) !== file(y.span.origin)));
      if (linked) truePairs++;
      if (same && !dontCare) predicted++;
      if (same && linked) tp++;
    }
  }
  return { tp, predicted, truePairs };
}

test('the truth scores 1; wrong clusterings score lower; counts match brute force', () => {
  const { truth } = generate({ articles: 40, seed: 5, stories: 6 });
  const perfect = score(truth, truthClustering(truth));
  assert.equal(perfect.precision, 1);
  assert.equal(perfect.recall, 1);
  assert.ok(perfect.truePairs > 1000);

  const right = truthClustering(truth);
  // Everything in one cluster: every true pair found, precision poor.
  const one = { ...right, clusters: [right.clusters.flat()] };
  const all = score(truth, one);
  assert.equal(all.recall, 1);
  assert.ok(all.precision < 0.5, `${all.precision}`);
  // No clusters: nothing found.
  assert.equal(score(truth, { ...right, clusters: [] }).recall, 0);
  // Each cluster split in halves, and the halves of neighbours swapped.
  const halves = right.clusters.map((m) => [m.slice(0, 2 * Math.floor(m.length / 4)), m.slice(2 * Math.floor(m.length / 4))]);
  const wrong = { ...right, clusters: halves.map((h, k) => [...h[0], ...halves[(k + 1) % halves.length][1]]) };
  const w = score(truth, wrong);
  assert.ok(w.f1 < 0.9 && w.precision < 1 && w.recall < 1, JSON.stringify(w));
  for (const [pred, minWords] of [[wrong, 4], [one, 0], [right, 4], [wrong, 0]]) {
    const s = score(truth, pred, { minWords });
    const b = bruteForce(truth, pred, minWords);
    assert.deepEqual({ tp: s.tp, predicted: s.predicted, truePairs: s.truePairs }, b);
  }
});

test('tool sentences map to the truth span they overlap most; uncovered truth counts as missed', () => {
  const truth = [
    { article: 'a.txt', spans: [{ start: 0, end: 10, origin: 'f/x#0', family: 'f', words: 5 }, { start: 11, end: 20, origin: 'f/x#1', family: 'f', words: 5 }] },
    { article: 'b.txt', spans: [{ start: 0, end: 10, origin: 'f/x#0', family: 'f', words: 5 }, { start: 11, end: 20, origin: 'f/x#1', family: 'f', words: 5 }] },
  ];
  // a's one tool sentence covers both truth sentences, mostly the first.
  const pred = { tool: 't', articles: ['a.txt', 'b.txt'], sentences: [[0, 14], [0, 10, 11, 20]], clusters: [[0, 0, 1, 0]] };
  const s = score(truth, pred);
  assert.deepEqual([s.tp, s.predicted, s.truePairs, s.unmatched], [1, 1, 2, 1]);
});

test('wirediff JSON is read by streaming, pretty or compact', () => {
  const analysis = {
    options: {},
    articles: [
      { name: 'a "1".txt', outlet: null, title: 't', len: 9, paragraphs: [{ start: 0, end: 9, sentences: { start: 0, end: 2 } }],
        sentences: [{ text: '"name":"x","outlet":', paragraph: 0, start: 0, end: 4, words: 1, cluster: 0, links: [] },
          { text: 'é', paragraph: 0, start: 5, end: 9, words: 1, cluster: null, links: [] }] },
      { name: 'b.txt', outlet: null, title: 't', len: 4, paragraphs: [],
        sentences: [{ text: 'x', paragraph: 0, start: 0, end: 4, words: 1, cluster: 0, links: [] }] },
    ],
    clusters: [{ members: [] }],
    links: [],
  };
  const dir = mkdtempSync(join(tmpdir(), 'wd-'));
  try {
    for (const json of [JSON.stringify(analysis), JSON.stringify(analysis, null, 2)]) {
      writeFileSync(join(dir, 'a.json'), json);
      const p = readPrediction(join(dir, 'a.json'));
      assert.deepEqual(p, { tool: 'wirediff', articles: ['a "1".txt', 'b.txt'], sentences: [[0, 4, 5, 9], [0, 4]], clusters: [[0, 0, 1, 0]] });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
