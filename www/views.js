// Rendering of the four views from an analysis (the Rust result model).
// Every piece of article text goes through `el` as a text node.
'use strict';

/** The articles that hold a member of cluster `c`. */
function clusterArticles(analysis, c) {
  return [...new Set(analysis.clusters[c].members.map((m) => m.article))];
}

/**
 * The group a sentence is shown with: its cluster (`c3`), or the sentence
 * alone (`s1-7`) when it is in no cluster but linked to sentences outside
 * any it could join; null for a sentence found in no other article.
 */
function groupKey(analysis, a, s) {
  const sentence = analysis.articles[a].sentences[s];
  if (sentence.cluster !== null) return `c${sentence.cluster}`;
  return sentence.links.length ? `s${a}-${s}` : null;
}

/** The sentences `[article, sentence]` of a group. */
function groupSentences(analysis, key) {
  if (key.startsWith('c')) {
    return analysis.clusters[Number(key.slice(1))].members.map((m) => [m.article, m.sentence]);
  }
  return [key.slice(1).split('-').map(Number)];
}

/**
 * The links from a group's sentences to sentences outside it, each as
 * `{index, link, inside, outside}` (the two ends), in the analysis's order.
 */
function groupLinks(analysis, key) {
  const out = [];
  const seen = new Set();
  for (const [a, s] of groupSentences(analysis, key)) {
    for (const l of analysis.articles[a].sentences[s].links) {
      if (seen.has(l)) continue;
      seen.add(l);
      const link = analysis.links[l];
      const inside = link.a.article === a && link.a.sentence === s ? link.a : link.b;
      out.push({ index: l, link, inside, outside: inside === link.a ? link.b : link.a });
    }
  }
  return out.sort((x, y) => x.index - y.index);
}

/** One article column: title, name with actions, paragraphs of sentences. */
function renderColumn(analysis, index, handlers) {
  const article = analysis.articles[index];
  const shared = article.sentences.filter((s) => s.cluster !== null || s.links.length).length;
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

/** Whether a line shows anything (zero-width characters alone do not). */
const VISIBLE = /[^\s\u200b-\u200d\u2060\ufeff]/;

/**
 * A column for an article that is not in the analysis (it has no words, or
 * no comparison has worked yet): its text as paragraphs, a note saying why,
 * and the same controls as every column, with Edit. `editing` is the text
 * being edited in this column, or null.
 */
function renderPlainColumn(article, slot, note, handlers, editing) {
  const headingId = `plain-title-${slot}`;
  const lines = article.text.split(/\r\n|[\n\r\u2028\u2029]+/).filter((p) => p.trim());
  const title = lines.length && VISIBLE.test(lines[0]) ? lines[0] : article.name;
  const column = el('article', { class: 'column plain', tabindex: 0, 'aria-labelledby': headingId, dataset: { slot } },
    el('header', null,
      el('h2', { id: headingId }, title),
      el('div', { class: 'name' },
        el('span', { class: 'file' }, article.name),
        el('button', { type: 'button', 'aria-label': `Rename ${article.name}`, onclick: handlers.rename }, 'Rename'),
        el('button', { type: 'button', 'aria-label': `Edit ${article.name}`, onclick: handlers.edit, 'aria-expanded': String(editing !== null) }, 'Edit'),
        el('button', { type: 'button', 'aria-label': `Remove ${article.name}`, onclick: handlers.remove }, 'Remove')),
      note ? el('p', { class: 'note' }, note) : null));
  if (editing !== null) {
    const box = el('textarea', { rows: 12, 'aria-label': `Text of ${article.name}`, oninput: (event) => handlers.input(event.target.value) });
    box.value = editing;
    column.append(el('div', { class: 'editor' }, box,
      el('div', { class: 'add-actions' },
        el('button', { type: 'button', onclick: () => handlers.save(box.value) }, 'Save'),
        el('button', { type: 'button', onclick: handlers.cancel }, 'Cancel'))));
  } else {
    const body = title === lines[0] ? lines.slice(1) : lines;
    column.append(...body.map((p) => el('p', null, p)));
  }
  return column;
}

/**
 * A sentence span. Shared ones are focusable and carry their group: a
 * cluster's members its colour and number, a sentence linked outside any
 * cluster a grey mark.
 */
function renderSentence(analysis, a, s) {
  const sentence = analysis.articles[a].sentences[s];
  const key = groupKey(analysis, a, s);
  if (key === null) return el('span', { class: 's' }, sentence.text);
  const extra = sentence.links.length;
  const also = extra ? `, like ${extra} more sentence${extra > 1 ? 's' : ''} outside it` : '';
  const attrs = { tabindex: 0, role: 'button', 'aria-pressed': 'false', dataset: { group: key, article: a, sentence: s } };
  if (sentence.cluster === null) {
    // Its closest relation: word for word, then lightly edited, then rewritten.
    const kinds = sentence.links.map((l) => analysis.links[l].kind)
      .sort((x, y) => KIND_ORDER.indexOf(x) - KIND_ORDER.indexOf(y));
    const names = [...new Set(sentence.links.map((l) => {
      const link = analysis.links[l];
      return analysis.articles[link.a.article === a ? link.b.article : link.a.article].name;
    }))];
    return el('span', { class: `s shared linked kind-${kinds[0]}`, ...attrs }, sentence.text,
      el('span', { class: 'sr' }, ` (linked sentence, ${KIND_LABEL[kinds[0]]}, like sentences in ${names.join(', ')})`));
  }
  const c = sentence.cluster;
  const cluster = analysis.clusters[c];
  const member = cluster.members.find((m) => m.article === a && m.sentence === s);
  const others = clusterArticles(analysis, c).filter((x) => x !== a).map((x) => analysis.articles[x].name);
  return el('span', { class: `s shared kind-${member.kind} ${palette(c)}`, ...attrs },
    sentence.text, el('span', { class: 'badge', 'aria-hidden': 'true' }, String(c + 1)),
    el('span', { class: 'sr' }, ` (shared sentence ${c + 1}, ${KIND_LABEL[member.kind]}, also in ${others.join(', ')}${also})`));
}

/** The sentence text with its longest common run underlined. */
function runText(analysis, member) {
  const sentence = analysis.articles[member.article].sentences[member.sentence];
  if (member.run_end <= member.run_start || !analysis.source[member.article]) return [sentence.text];
  // Each article is encoded once, not once per explained sentence.
  analysis.bytes = analysis.bytes || [];
  const bytes = analysis.bytes[member.article] = analysis.bytes[member.article]
    || encoder.encode(analysis.source[member.article]);
  const part = (start, end) => decoder.decode(bytes.subarray(start, end));
  return [
    part(sentence.start, member.run_start),
    el('span', { class: 'run' }, part(member.run_start, member.run_end)),
    part(member.run_end, sentence.end),
  ];
}

/** Why the sentences of group `key` were linked, and what else each is like. */
function renderExplanation(analysis, key) {
  const links = groupLinks(analysis, key);
  if (key.startsWith('s')) {
    const [a] = groupSentences(analysis, key)[0];
    const n = links.length;
    return [
      el('h3', null, `A sentence of ${analysis.articles[a].name} like ${n > 1 ? `${n} sentences in other articles` : 'a sentence in another article'}`),
      el('p', { class: 'words' }, 'It is in no group of shared sentences: it is like the sentences below, '
        + 'but unlike other sentences of their groups, so it was not grouped with them. Press Escape or click again to unpin.'),
      renderOutsideLinks(analysis, links, false),
    ];
  }
  const outside = links.length
    ? [el('h3', { class: 'outside' }, 'Also like sentences outside this group'), renderOutsideLinks(analysis, links, true)]
    : [];
  return [...renderClusterExplanation(analysis, Number(key.slice(1))), ...outside];
}

/**
 * The links from a group to sentences outside it, with their reasons;
 * `from` names the group's sentence each link starts from.
 */
function renderOutsideLinks(analysis, links, from) {
  const item = ({ link, inside, outside }) => {
    const source = analysis.articles[inside.article];
    const to = analysis.articles[outside.article];
    const measure = link.kind === 'paraphrase'
      ? `${percent(link.score)} of the weighted content words in common, ${percent(link.similarity)} of words alike`
      : `${percent(link.similarity)} of words alike`;
    return el('li', null,
      el('strong', null, `${to.name}: `), ...runText(analysis, outside),
      el('div', { class: 'words' }, KIND_LABEL[link.kind]
        + (from ? ` from ${source.name}\u2019s \u201c${clip(source.sentences[inside.sentence].text, 60)}\u201d` : '')
        + `: ${measure}, ${link.run_words} words in a row the same (underlined). Shared words: ${outside.shared.join(', ') || '(none)'}`));
  };
  // A long list (hundreds of copies) starts short and grows on request.
  const list = el('ul', null, links.slice(0, OUTSIDE_SHOWN).map(item));
  if (links.length > OUTSIDE_SHOWN) {
    const more = el('li', null, el('button', {
      type: 'button',
      onclick: () => { more.remove(); list.append(...links.slice(OUTSIDE_SHOWN).map(item)); },
    }, `Show all ${links.length}`));
    list.append(more);
  }
  return list;
}

/** How many links outside a group the explanation lists at first. */
const OUTSIDE_SHOWN = 30;

/** `text` cut to about `n` characters at a word boundary. */
function clip(text, n) {
  if (text.length <= n) return text;
  const cut = text.lastIndexOf(' ', n);
  return `${text.slice(0, cut > n / 2 ? cut : n)}…`;
}

/** Why the sentences of cluster `c` were linked, member by member. */
function renderClusterExplanation(analysis, c) {
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
    return core.local('diffWords', reference, text).map((piece) => {
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
    const outside = groupLinks(analysis, `c${c}`).map(({ link, outside: end }) => el('li', null,
      el('div', { class: 'variant-meta' }, `${analysis.articles[end.article].name}: ${KIND_LABEL[link.kind]} · `
        + `shared words: ${end.shared.slice(0, 12).join(', ')}`),
      el('div', null, analysis.articles[end.article].sentences[end.sentence].text)));
    list.append(el('li', { class: 'cluster', id: `cluster-${c}` },
      el('h3', null,
        el('span', { class: `s shared kind-${cluster.kind} ${palette(c)}` }, el('span', { class: 'badge' }, String(c + 1))),
        `In ${cluster.articles} articles`,
        el('span', { class: 'kind' }, `${KIND_LABEL[cluster.kind]} · ${percent(cluster.similarity)} average similarity`),
        el('button', { type: 'button', onclick: () => handlers.show(c) }, 'Show in the articles')),
      el('p', null, repText),
      el('ul', { 'aria-label': 'Versions, with word changes against the reference' }, variants),
      outside.length ? [el('p', { class: 'variant-meta' }, 'Also like one of these, outside this group:'), el('ul', { class: 'outside' }, outside)] : null));
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

/**
 * The share of article i's sentences found in article j, from the overlap's
 * sparse list of pairs that share something (0 for any other pair).
 */
function overlapShares(overlap) {
  const shares = new Map();
  for (const p of overlap.pairs) {
    shares.set(`${p.a},${p.b}`, p.a_in_b);
    shares.set(`${p.b},${p.a}`, p.b_in_a);
  }
  return (i, j) => (i === j ? 1 : shares.get(`${i},${j}`) || 0);
}

/** The overlap heat map. */
function renderOverlap(analysis, container) {
  clear(container);
  const sharedShare = overlapShares(analysis.overlap);
  const names = analysis.articles.map((a) => a.name);
  const head = el('tr', null, el('th', { scope: 'col' }, 'Article'),
    names.map((n) => el('th', { scope: 'col' }, n)), el('th', { scope: 'col' }, 'Only here'));
  const rows = analysis.articles.map((a, i) => el('tr', null,
    el('th', { scope: 'row' }, a.name),
    names.map((_, j) => {
      if (i === j) return el('td', { class: 'self' }, '—');
      const share = sharedShare(i, j);
      const cell = el('td', { title: `${percent(share)} of ${a.name}'s sentences are also in ${names[j]}` }, percent(share));
      // Capped so that dark text keeps its contrast on the darkest cell.
      cell.style.background = `rgba(0, 114, 178, ${Math.min(0.8, share * 1.6).toFixed(2)})`;
      return cell;
    }),
    el('td', null, percent(analysis.overlap.unique[i]))));
  container.append(el('table', null, el('caption', { class: 'help' }, 'Share of each row article\u2019s sentences found in each column article'),
    el('thead', null, head), el('tbody', null, rows)));
}
