"""The benchmark's peer: datasketch MinHash-LSH over the same sentences.

    python bench/datasketch_peer.py --spans SPANS.json --dir CORPUS --out PRED.json

SPANS.json is a file in the scorer's format (bench/score.mjs): its
`articles` and `sentences` (UTF-8 byte spans) are used, its clusters are
not. The benchmark gives it wirediff's own segmentation, so both tools
cluster exactly the same sentences. Each sentence is lowercased, cut into
words (`\\w+`) and word 3-shingles; a MinHash (num_perm=128) of its
shingles goes into a MinHashLSH (threshold=0.5); every sentence is queried
and joined (union-find) with the matches from other articles. Sentences
with fewer than three words have no shingle and stay alone. The clusters
are written in the scorer's format; timings (seconds) are printed as one
JSON line: read (files and spans), cluster (MinHash, LSH, queries, union).
"""

import argparse
import json
import os
import re
import sys
import time

from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"\w+")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--spans", required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--num-perm", type=int, default=128)
    args = parser.parse_args()

    t0 = time.perf_counter()
    with open(args.spans, encoding="utf-8") as f:
        spans = json.load(f)
    texts = []  # (article, sentence index, text)
    for a, name in enumerate(spans["articles"]):
        with open(os.path.join(args.dir, name), "rb") as f:
            data = f.read()
        flat = spans["sentences"][a]
        for k in range(0, len(flat), 2):
            texts.append((a, k // 2, data[flat[k] : flat[k + 1]].decode("utf-8")))
    t1 = time.perf_counter()

    keys, shingles = [], []
    for i, (_, _, text) in enumerate(texts):
        words = WORD.findall(text.lower())
        if len(words) < 3:
            continue
        keys.append(i)
        shingles.append(list({" ".join(words[j : j + 3]).encode("utf-8") for j in range(len(words) - 2)}))
    hashes = MinHash.bulk(shingles, num_perm=args.num_perm)
    lsh = MinHashLSH(threshold=args.threshold, num_perm=args.num_perm)
    with lsh.insertion_session() as session:
        for key, m in zip(keys, hashes):
            session.insert(key, m)
    parent = list(range(len(texts)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for key, m in zip(keys, hashes):
        for other in lsh.query(m):
            if texts[other][0] != texts[key][0]:
                x, y = find(key), find(other)
                if x != y:
                    parent[x] = y
    groups = {}
    for i in keys:
        groups.setdefault(find(i), []).append(i)
    clusters = []
    for members in groups.values():
        if len(members) > 1:
            flat = []
            for i in sorted(members):
                flat += [texts[i][0], texts[i][1]]
            clusters.append(flat)
    t2 = time.perf_counter()

    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"tool": "datasketch", "articles": spans["articles"], "sentences": spans["sentences"],
                   "clusters": clusters}, f)
    print(json.dumps({"read": t1 - t0, "cluster": t2 - t1, "sentences": len(texts), "clusters": len(clusters)}))


if __name__ == "__main__":
    sys.exit(main())
