// Rendering of the four views from an analysis (the Rust result model).
// Every piece of article text goes through `el` as a text node.
'use strict';

/** Clusters each article's sentences belong to, for quick lookups. */
function clusterArticles(analysis, c) {
  return [...new Set(analysis.clusters[c].members.map((m) => m.article))];
}

/** One article column: title, name with actions, paragraphs of sentences. */
function renderColumn(analysis, index, handlers) {
  const article = analysis.articles[index];
  const shared = article.sentences.filter((s) => s.cluster !== null).length;
  const headingId = `col-title-${index}`;
  const nameLine = el('div', { class: 'name' },
    el('span', { class: 'file' }, article.name),
    el('button', { type: 'button', 'aria-label': `Rename ${article.name}`, onclick: () => handlers.rename(index) }, 'Rename'),
    el('button', { type: 'button', 'aria-label': `Remove ${article.name}`, onclick: () => handlers.remove(index) }, 'Remove'));
  const stats = el('div', { class: 'stats' },
    `${article.sentences.length} sentences, ${shared} shared (${percent(article.sentences.length ? shared / article.sentences.length : 0)})`);
  const column = el('article', { class: 'column', tabindex: 0, 'aria-labelledby': headingId, dataset: { article: index } },
    el('header', null, el('h2', { id: headingId }, article.name), nameLine, stats));
  article.paragraphs.forEach((paragraph, p) => {
    // The first paragraph is the title, shown in the column's heading.
    const node = p === 0 ? column.querySelector('h2') : el('p');
    if (p === 0) clear(node);
    for (let s = paragraph.sentences.start; s < paragraph.sentences.end; s++) {
      if (s > paragraph.sentences.start) node.append(' ');
      node.append(renderSentence(analysis, index, s));
    }
    if (p > 0) column.append(node);
  });
  return column;
}

/** A sentence span; shared ones are focusable and carry their cluster. */
function renderSentence(analysis, a, s) {
  const sentence = analysis.articles[a].sentences[s];
  if (sentence.cluster === null) return el('span', { class: 's' }, sentence.text);
  const c = sentence.cluster;
  const cluster = analysis.clusters[c];
  const member = cluster.members.find((m) => m.article === a && m.sentence === s);
  const others = clusterArticles(analysis, c).filter((x) => x !== a).map((x) => analysis.articles[x].name);
  return el('span', {
    class: `s shared kind-${member.kind} ${palette(c)}`,
    tabindex: 0,
    role: 'button',
    'aria-pressed': 'false',
    dataset: { cluster: c, article: a, sentence: s },
  }, sentence.text, el('span', { class: 'badge', 'aria-hidden': 'true' }, String(c + 1)),
  el('span', { class: 'sr' }, ` (shared sentence ${c + 1}, ${KIND_LABEL[member.kind]}, also in ${others.join(', ')})`));
}

/** The sentence text with its longest common run underlined. */
function runText(analysis, member) {
  const sentence = analysis.articles[member.article].sentences[member.sentence];
  const article = analysis.source[member.article];
  if (member.run_end <= member.run_start || !article) return [sentence.text];
  return [
    sliceBytes(article, sentence.start, member.run_start),
    el('span', { class: 'run' }, sliceBytes(article, member.run_start, member.run_end)),
    sliceBytes(article, member.run_end, sentence.end),
  ];
}

/** Why the sentences of cluster `c` were linked, member by member. */
function renderExplanation(analysis, c) {
  const cluster = analysis.clusters[c];
  const rep = cluster.members[cluster.representative];
  const items = cluster.members.map((m, k) => {
    const name = analysis.articles[m.article].name;
    const how = k === cluster.representative
      ? 'the reference the others are compared with'
      : `${KIND_LABEL[m.kind]}, ${percent(m.similarity)} of words alike, ${m.run_words} words in a row the same (underlined)`;
    return el('li', null,
      el('strong', null, `${name}: `), ...runText(analysis, m),
      el('div', { class: 'words' }, `${how}. Shared words: ${m.shared.join(', ') || '(none)'}`));
  });
  return [
    el('h3', null, `Shared sentence ${c + 1}: ${KIND_LABEL[cluster.kind]}, in ${cluster.articles} articles`),
    el('p', { class: 'words' }, `Words every version has: ${cluster.shared_words.join(' ') || '(none)'}. ` +
      `Reference: ${analysis.articles[rep.article].name}. Press Escape or click again to unpin.`),
    el('ul', null, items),
  ];
}

/** Word-level differences of `text` against `reference`. */
function wordDiff(reference, text) {
  try {
    return wasm_bindgen.diffWords(reference, text).map((piece) => {
      if (piece.tag === 'delete') return el('del', null, piece.text);
      if (piece.tag === 'insert') return el('ins', null, piece.text);
      return piece.text;
    });
  } catch (e) {
    return [text];
  }
}

/** The cluster list, largest first (the analysis already orders it). */
function renderClusters(analysis, list, handlers) {
  clear(list);
  if (!analysis.clusters.length) {
    list.append(el('li', { class: 'cluster' }, 'No shared sentences at this threshold. Move the threshold down to see looser matches.'));
    return;
  }
  analysis.clusters.forEach((cluster, c) => {
    const rep = cluster.members[cluster.representative];
    const repText = analysis.articles[rep.article].sentences[rep.sentence].text;
    const variants = cluster.members.map((m, k) => {
      const text = analysis.articles[m.article].sentences[m.sentence].text;
      const meta = k === cluster.representative
        ? 'reference version'
        : `${KIND_LABEL[m.kind]} · ${percent(m.similarity)} alike · shared words: ${m.shared.slice(0, 12).join(', ')}`;
      return el('li', null,
        el('div', { class: 'variant-meta' }, `${analysis.articles[m.article].name}: ${meta}`),
        el('div', null, ...(k === cluster.representative ? [text] : wordDiff(repText, text))));
    });
    list.append(el('li', { class: 'cluster', id: `cluster-${c}` },
      el('h3', null,
        el('span', { class: `s shared kind-${cluster.kind} ${palette(c)}` }, el('span', { class: 'badge' }, String(c + 1))),
        `In ${cluster.articles} articles`,
        el('span', { class: 'kind' }, `${KIND_LABEL[cluster.kind]} · ${percent(cluster.similarity)} average similarity`),
        el('button', { type: 'button', onclick: () => handlers.show(c) }, 'Show in the articles')),
      el('p', null, repText),
      el('ul', { 'aria-label': 'Versions, with word changes against the reference' }, variants)));
  });
}

/** A side-by-side paragraph diff. */
function renderDiff(diff, table, summary) {
  clear(table);
  const counts = { equal: 0, change: 0, delete: 0, insert: 0 };
  table.append(el('div', { class: 'diff-row head', role: 'row' },
    el('div', { class: 'diff-cell', role: 'columnheader' }, 'Old article'),
    el('div', { class: 'diff-cell', role: 'columnheader' }, 'New article')));
  for (const op of diff.ops) {
    counts[op.tag]++;
    let oldSide = op.old_text.trim();
    let newSide = op.new_text.trim();
    if (op.tag === 'change') {
      oldSide = op.inline.filter((p) => p.tag !== 'insert').map((p) => (p.tag === 'delete' ? el('del', null, p.text) : p.text));
      newSide = op.inline.filter((p) => p.tag !== 'delete').map((p) => (p.tag === 'insert' ? el('ins', null, p.text) : p.text));
    }
    const label = { equal: 'same', change: `changed · ${percent(op.similarity || 0)} alike`, delete: 'only in old', insert: 'only in new' }[op.tag];
    table.append(el('div', { class: `diff-row ${op.tag}`, role: 'row' },
      el('div', { class: 'diff-cell old', role: 'cell' }, op.tag === 'insert' ? '' : [el('span', { class: 'tag' }, label), oldSide]),
      el('div', { class: 'diff-cell new', role: 'cell' }, op.tag === 'delete' ? '' : [el('span', { class: 'tag' }, label), newSide])));
  }
  summary.textContent = `${counts.equal} same, ${counts.change} changed, ${counts.delete} only in old, ${counts.insert} only in new` +
    (diff.timed_out ? ' (took too long: shown coarser)' : '');
}

/** The overlap heat map. */
function renderOverlap(analysis, container) {
  clear(container);
  const names = analysis.articles.map((a) => a.name);
  const head = el('tr', null, el('th', { scope: 'col' }, 'Article'),
    names.map((n) => el('th', { scope: 'col' }, n)), el('th', { scope: 'col' }, 'Only here'));
  const rows = analysis.articles.map((a, i) => el('tr', null,
    el('th', { scope: 'row' }, a.name),
    names.map((_, j) => {
      if (i === j) return el('td', { class: 'self' }, '—');
      const share = analysis.overlap.shared[i][j];
      const cell = el('td', { title: `${percent(share)} of ${a.name}'s sentences are also in ${names[j]}` }, percent(share));
      // Capped so that dark text keeps its contrast on the darkest cell.
      cell.style.background = `rgba(0, 114, 178, ${Math.min(0.8, share * 1.6).toFixed(2)})`;
      return cell;
    }),
    el('td', null, percent(analysis.overlap.unique[i]))));
  container.append(el('table', null, el('caption', { class: 'help' }, 'Share of each row article\u2019s sentences found in each column article'),
    el('thead', null, head), el('tbody', null, rows)));
}
