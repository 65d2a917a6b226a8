// The predicted clusters that mix truth sentences, largest mix first, with
// a sample text of each sentence: where a tool's precision goes.
//   node bench/explain.mjs CORPUS_DIR PRED_FILE [N]
import { readTruth, readPrediction } from './score.mjs';
import { readFileSync } from 'node:fs';
const dir = process.argv[2], predPath = process.argv[3];
const truth = readTruth(`${dir}/truth.jsonl`); const pred = readPrediction(predPath);
const byName = new Map(truth.map((t, i) => [t.article, i]));
const out = [];
pred.clusters.forEach((m, c) => {
  const hist = new Map(); const samples = new Map();
  for (let k = 0; k < m.length; k += 2) {
    const a = m[k], s = m[k + 1]; const t = truth[byName.get(pred.articles[a])];
    const [st, en] = [pred.sentences[a][2 * s], pred.sentences[a][2 * s + 1]];
    let best = null, bo = 0;
    for (const sp of t.spans) { const o = Math.min(en, sp.end) - Math.max(st, sp.start); if (o > bo) { bo = o; best = sp; } }
    const key = best.origin === null ? 'null' : (best.same ?? best.origin);
    hist.set(key, (hist.get(key) || 0) + 1);
    if (!samples.has(key)) samples.set(key, Buffer.from(readFileSync(`${dir}/${pred.articles[a]}`)).subarray(st, en).toString());
  }
  if (hist.size > 1) {
    const n = m.length / 2; let same = 0; for (const v of hist.values()) same += v * (v - 1) / 2;
    out.push([n * (n - 1) / 2 - same, c, [...hist].map(([k, v]) => `  ${v}× ${k}: ${samples.get(k).slice(0, 150)}`).join('\n')]);
  }
});
out.sort((a, b) => b[0] - a[0]);
for (const [f, c, s] of out.slice(0, +process.argv[4] || 8)) console.log(`cluster ${c}: ~${f} mixed pairs\n${s}`);
