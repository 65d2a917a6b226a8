// Rendering of the views from an analysis (the Rust result model). Every
// piece of article text goes through `el` as a text node. Views only read
// the analysis: what they derive from it (lookups, sums, caches) is kept
// beside it in a WeakMap, never written into it.
(function (wd) {
'use strict';

const { el, append, clear, encoder, decoder, percent, palette, KIND_ORDER, KIND_LABEL, kindMix, count, plural } = wd;

/** What is derived from each analysis, computed once when first asked for. */
const derivedOf = new WeakMap();
function derived(analysis, key, compute) {
  let d = derivedOf.get(analysis);
  if (!d) derivedOf.set(analysis, d = new Map());
  if (!d.has(key)) d.set(key, compute());
  return d.get(key);
}

/** One version of group `cluster` per article (its first member there): `{ article, sentence, text }`. */
function versionsOf(analysis, cluster) {
  const seen = new Set();
  const out = [];
  for (const m of cluster.members) {
    if (seen.has(m.article)) continue;
    seen.add(m.article);
    out.push({ article: m.article, sentence: m.sentence, text: analysis.articles[m.article].sentences[m.sentence].text });
  }
  return out;
}

/** An analysed article's name as shown: its outlet, else its file name. */
function nameOf(article) {
  return shownNames.get(article) || article.outlet || article.name;
}

/** Names that tell apart articles of one outlet: "The Hill (003_the_hill.txt)". */
const shownNames = new WeakMap();
function tellApart(analysis) {
  const outlets = new Map();
  for (const a of analysis.articles) if (a.outlet) outlets.set(a.outlet, (outlets.get(a.outlet) || 0) + 1);
  for (const a of analysis.articles) if (outlets.get(a.outlet) > 1) shownNames.set(a, `${a.outlet} (${a.name})`);
}

/** What a reader is told about a paragraph that is not compared. */
const SET_ASIDE = {
  byline: 'byline',
  date: 'date line',
  legal: 'copyright, disclaimer',
  cookies: 'cookie banner',
  prompt: 'site prompt',
  timestamp: 'page timestamp',
  links: 'other story\u2019s headline',
  caption: 'photo caption',
  reader: 'set aside by you',
};

/** Why a paragraph is not compared, or null when it is. */
function asideReason(paragraph) {
  if (paragraph.role === 'headline' || paragraph.role === 'story') return null;
  return SET_ASIDE[paragraph.role === 'aside' ? paragraph.reason : paragraph.role] || 'not story text';
}

/** How many of an article's sentences are compared (not set aside). */
function comparedSentences(article) {
  let n = 0;
  for (const s of article.sentences) if (!asideReason(article.paragraphs[s.paragraph])) n++;
  return n;
}

/** Each analysis's group numbers, when the page has set them (numberGroups). */
const numbersOf = new WeakMap();

/** The number group `c` is shown with: stable across comparisons, else its place. */
function groupNumber(analysis, c) {
  const numbers = numbersOf.get(analysis);
  return numbers ? numbers[c] : c + 1;
}

/**
 * Numbers the groups of `analysis` so that a group keeps the number it had
 * in the last comparison (`before`: each sentence, by article name and
 * text, to its group's number): the number most of its sentences had, if no
 * larger share of another group claims it. Other groups take numbers above
 * every number used before. Returns the map for the next comparison.
 */
function numberGroups(analysis, before) {
  const keyOf = (m) => `${analysis.articles[m.article].name}\u0001${analysis.articles[m.article].sentences[m.sentence].text}`;
  const claims = [];
  analysis.clusters.forEach((cluster, c) => {
    const votes = new Map();
    for (const m of cluster.members) {
      const n = before.get(keyOf(m));
      if (n) votes.set(n, (votes.get(n) || 0) + 1);
    }
    votes.forEach((v, n) => claims.push([v, c, n]));
  });
  claims.sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  const numbers = analysis.clusters.map(() => 0);
  const taken = new Set();
  for (const [, c, n] of claims) {
    if (!numbers[c] && !taken.has(n)) {
      numbers[c] = n;
      taken.add(n);
    }
  }
  // Above every number used before (those taken are among them); a loop,
  // not Math.max(...): 100,000s of sentences would overflow its arguments.
  let next = 0;
  for (const n of before.values()) if (n > next) next = n;
  const after = new Map();
  analysis.clusters.forEach((cluster, c) => {
    if (!numbers[c]) numbers[c] = ++next;
    for (const m of cluster.members) after.set(keyOf(m), numbers[c]);
  });
  numbersOf.set(analysis, numbers);
  return after;
}

/** At most `n` names, then how many more: "a, b, c and 997 more". */
function someNames(names, n = 3) {
  if (names.length <= n + 1) return names.join(', ');
  return `${names.slice(0, n).join(', ')} and ${count(names.length - n)} more`;
}

/** The articles that hold a member of cluster `c`. */
function clusterArticles(analysis, c) {
  return derived(analysis, `articles-of-${c}`, () => [...new Set(analysis.clusters[c].members.map((m) => m.article))]);
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

/**
 * One article column: the outlet's name (else the file's), the file name
 * with actions, the byline and date, then the paragraphs of sentences, the
 * headline first. Paragraphs set aside (site furniture, bylines, dates) are
 * greyed with their reason in a closed box per run, each with Include.
 */
function renderColumn(analysis, index, handlers) {
  const article = analysis.articles[index];
  const name = nameOf(article);
  const compared = comparedSentences(article);
  const { own } = tally(analysis, index);
  const shared = compared - own;
  const headingId = `col-title-${index}`;
  // The file's name under the outlet's; not repeated when it is the heading.
  const nameLine = el('div', { class: 'name' },
    article.outlet ? el('span', { class: 'file' }, article.name) : null,
    el('button', { type: 'button', 'aria-label': `Rename ${name}`, onclick: () => handlers.rename(index) }, 'Rename'),
    el('button', { type: 'button', 'aria-label': `Remove ${name}`, onclick: () => handlers.remove(index) }, 'Remove'),
    el('button', { type: 'button', 'aria-label': `Hide ${name} from the side-by-side view`, onclick: () => handlers.hide(index) }, 'Hide'),
    el('button', { type: 'button', 'aria-label': `Parts of ${name}: headline, byline, date`, 'aria-expanded': 'false',
      onclick: (e) => toggleParts(e.currentTarget, article, index, handlers) }, 'Parts'));
  const meta = [article.byline, article.date].filter(Boolean).join(' \u00b7 ');
  const stats = el('div', { class: 'stats' },
    `${compared} sentences, ${shared} shared (${percent(compared ? shared / compared : 0)})`,
    el('span', { class: 'own' }, `, ${own} only here`));
  const column = el('article', { class: 'column', tabindex: 0, 'aria-labelledby': headingId, dataset: { article: index } },
    el('header', null, el('h2', { id: headingId }, name), nameLine, meta ? el('div', { class: 'meta' }, meta) : null, stats));
  let box = null;
  article.paragraphs.forEach((paragraph, p) => {
    const why = asideReason(paragraph);
    const node = el('p', { class: paragraph.role === 'headline' ? 'headline' : why ? 'aside' : null });
    for (let s = paragraph.sentences.start; s < paragraph.sentences.end; s++) {
      if (s > paragraph.sentences.start) node.append(' ');
      node.append(why ? el('span', { class: 's', dataset: { article: index, sentence: s } }, article.sentences[s].text) : renderSentence(analysis, index, s));
    }
    if (!why) {
      box = null;
      column.append(node);
      return;
    }
    node.prepend(el('span', { class: 'reason' }, `${why}: `));
    node.append(' ', el('button', { type: 'button', class: 'include', 'aria-label': `Include paragraph ${p + 1} of ${name}`,
      onclick: () => handlers.include(index, p) }, 'Include'));
    if (!box) {
      box = { details: el('details', { class: 'asides' }), count: 0, reasons: new Set() };
      box.summary = el('summary');
      box.details.append(box.summary);
      column.append(box.details);
    }
    box.count++;
    box.reasons.add(why);
    box.summary.textContent = `${box.count === 1 ? 'A line' : `${box.count} lines`} set aside: ${[...box.reasons].join(', ')}`;
    box.details.append(node);
  });
  return column;
}

/** The parts a reader can name, with what the page calls them; choosing none makes a headline story text and sets the others aside. */
const NAMED_PARTS = [['headline', 'Headline', 'story'], ['byline', 'Byline', 'aside'], ['date', 'Date line', 'aside']];

/** Most paragraphs offered for a part: the first ones, where headlines, bylines and dates are. */
const PART_CHOICES = 40;

/**
 * Opens (or closes) under a column's heading a picker per named part: which
 * paragraph is the headline, the byline, the date line, or none.
 */
function toggleParts(button, article, index, handlers) {
  const header = button.closest('header');
  const open = header.querySelector('.parts');
  button.setAttribute('aria-expanded', String(!open));
  if (open) {
    open.remove();
    return;
  }
  const first = (p) => article.sentences[article.paragraphs[p].sentences.start]?.text || '';
  const form = el('div', { class: 'parts', role: 'group', 'aria-label': `Headline, byline and date line of ${nameOf(article)}` });
  for (const [key, label, none] of NAMED_PARTS) {
    const at = article.paragraphs.findIndex((p) => p.role === key);
    const choices = article.paragraphs.map((_, p) => p).filter((p) => p < PART_CHOICES || p === at);
    const select = el('select', {
      onchange: () => {
        const p = Number(select.value);
        if (p >= 0) handlers.part(index, key, p, `the ${label.toLowerCase()}`);
        else if (at >= 0) handlers.part(index, none, at, none === 'story' ? 'story text' : 'set aside: not compared');
      },
    }, el('option', { value: -1 }, 'none'),
    choices.map((p) => el('option', { value: p, selected: p === at }, `\u00b6${p + 1} ${clip(first(p), 48)}`)));
    form.append(el('label', null, `${label} `, select));
  }
  button.closest('.name').after(form);
  form.querySelector('select').focus();
}

/**
 * The class's first questions, answered in one line: the most widely shared
 * groups (each a button that pins it) and the article with the largest
 * share found elsewhere.
 */
function renderAnswers(analysis, pinGroup) {
  const n = analysis.articles.length;
  const widest = analysis.clusters.length ? analysis.clusters[0].articles : 0;
  const out = [];
  if (widest) {
    out.push(`Most widely shared (in ${widest} of ${n}):`);
    analysis.clusters.forEach((c, i) => {
      if (c.articles === widest && out.length < 6) {
        out.push(' ', el('button', { type: 'button', class: 'answer', onclick: () => pinGroup(i) }, `#${groupNumber(analysis, i)}`));
      }
    });
  }
  const by = (f) => analysis.articles.reduce((best, _, i) => (f(i) > f(best) ? i : best), 0);
  const copied = by((i) => sharedShare(analysis, i));
  out.push(` \u00b7 most found elsewhere: ${nameOf(analysis.articles[copied])} (${percent(sharedShare(analysis, copied))})`);
  return out;
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
        el('button', { type: 'button', 'aria-label': `Remove ${article.name}`, onclick: handlers.remove }, 'Remove'),
        el('button', { type: 'button', 'aria-label': `Hide ${article.name} from the side-by-side view`, onclick: handlers.hide }, 'Hide')),
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
  if (key === null) return el('span', { class: 's', dataset: { article: a, sentence: s } }, sentence.text);
  const extra = sentence.links.length;
  const also = extra ? `, like ${extra} more sentence${extra > 1 ? 's' : ''} outside it` : '';
  const attrs = { tabindex: 0, role: 'button', 'aria-pressed': 'false', dataset: { group: key, article: a, sentence: s } };
  if (sentence.cluster === null) {
    // Its closest relation: word for word, then lightly edited, then rewritten.
    const kinds = sentence.links.map((l) => analysis.links[l].kind)
      .sort((x, y) => KIND_ORDER.indexOf(x) - KIND_ORDER.indexOf(y));
    const names = [...new Set(sentence.links.map((l) => {
      const link = analysis.links[l];
      return nameOf(analysis.articles[link.a.article === a ? link.b.article : link.a.article]);
    }))];
    return el('span', { class: `s shared linked kind-${kinds[0]}`, ...attrs }, sentence.text,
      el('span', { class: 'sr' }, ` (linked sentence, ${KIND_LABEL[kinds[0]]}, like sentences in ${someNames(names)})`));
  }
  const c = sentence.cluster;
  const cluster = analysis.clusters[c];
  const member = cluster.members.find((m) => m.article === a && m.sentence === s);
  const holders = clusterArticles(analysis, c);
  const others = holders.filter((x) => x !== a).slice(0, 5).map((x) => nameOf(analysis.articles[x]));
  const more = holders.length - 1 - others.length;
  const names = more > 0 ? `${others.slice(0, 3).join(', ')} and ${count(holders.length - 4)} more` : others.join(', ');
  const number = groupNumber(analysis, c);
  // Its reach, for colouring by which set of outlets carries it.
  const n = analysis.articles.length;
  const reach = holders.length === n ? 'all' : holders.length * 2 > n ? 'most' : holders.length > 2 ? 'few' : 'two';
  return el('span', { class: `s shared kind-${member.kind} ${palette(number - 1)} reach-${reach}`, ...attrs },
    sentence.text, el('span', { class: 'badge', 'aria-hidden': 'true' }, String(number)),
    el('span', { class: 'sr' }, ` (shared sentence ${number}, ${KIND_LABEL[member.kind]}, also in ${names}${also})`));
}

/** The sentence text with its longest common run underlined. */
function runText(analysis, member) {
  const sentence = analysis.articles[member.article].sentences[member.sentence];
  if (!(member.run_end > member.run_start) || member.run_start < sentence.start || member.run_end > sentence.end) return [sentence.text];
  // Offsets are bytes into the article; the sentence's own text holds the run.
  const bytes = encoder.encode(sentence.text);
  const part = (start, end) => decoder.decode(bytes.subarray(start - sentence.start, end - sentence.start));
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
      el('h3', null, `A sentence of ${nameOf(analysis.articles[a])} like ${n > 1 ? `${n} sentences in other articles` : 'a sentence in another article'}`),
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
      ? `paraphrase score ${percent(link.score)} (the rewrite model's confidence, from the words, word pairs, letters and rare names and numbers they share), ${percent(link.similarity)} of words alike`
      : `${percent(link.similarity)} of words alike`;
    return el('li', null,
      el('strong', null, `${nameOf(to)}: `), ...runText(analysis, outside),
      el('div', { class: 'words' }, KIND_LABEL[link.kind]
        + (from ? ` from ${nameOf(source)}\u2019s \u201c${clip(source.sentences[inside.sentence].text, 60)}\u201d` : '')
        + `: ${measure}, ${link.run_words} words in a row the same (underlined). Shared words: ${outside.shared.join(', ') || '(none)'}`));
  };
  return growingList(el('ul'), links, item);
}

/** `x` against threshold `t` (three decimals tell all but the closest apart; the sign is exact). */
const versus = (x, t, name) => `${x.toFixed(3)} ${x < t ? '<' : '\u2265'} ${name} ${t}`;

/**
 * Why two sentences are or are not linked (`why`, the core's `explainPair`:
 * its `reason` and the `link` they make or would make), or why they are
 * not compared (`why` the reason's name): both sentences with their run
 * underlined, the kind, each measure against its threshold, the shared
 * words, and whether the analysis agrees (grouping can keep a passing pair
 * apart, or join a failing one through other sentences).
 */
function renderWhy(analysis, why, x, y) {
  const { options, articles } = analysis;
  // A string is the reason they are not compared (strings have a `link` method).
  const [reason, link] = typeof why === 'string' ? [why, { a: x, b: y }] : [why.reason, why.link];
  const linked = reason === 'near' || reason === 'rewrite';
  const [p, q] = [x, y].map((e) => articles[e.article].sentences[e.sentence]);
  const agrees = (p.cluster !== null && p.cluster === q.cluster) || p.links.some((l) => q.links.includes(l));
  const words = link.kind ? `word similarity ${versus(link.similarity, options.threshold, 'threshold')}` : '';
  const model = link.kind && `, and the rewrite model gives ${versus(link.score, options.paraphrase_threshold, 'cut-off')}`;
  const text = {
    not_compared: 'one is set aside, not compared',
    too_short: `one is too short (under ${options.min_words} words)`,
    same_article: 'both are in one article',
    side_by_side: ', but they stand side by side in most of their articles',
    rewrite: model,
    below: model,
    no_rewrites: ', and rewrites are off',
    heading: ', and a headline links only as a near copy',
    quotes: ', and they quote different words',
    few_terms: ', and with under two content words shared the rewrite model is not asked',
  }[reason];
  const item = (e) => el('li', null, el('strong', null, `${nameOf(articles[e.article])}: `), ...runText(analysis, e));
  return [
    el('h3', null, `Why ${linked ? '' : 'not '}linked`),
    el('p', null, `${linked ? 'Linked' : 'Not linked'}: ${text && text[0] !== ',' ? text : words + (text || '')}.`),
    el('ul', null, item(link.a), item(link.b)),
    el('p', { class: 'words' }, link.kind ? `As a link: ${KIND_LABEL[link.kind]}, ${link.run_words} words in a row the same (underlined). Shared words: ${link.a.shared.join(', ') || '(none)'}. ` : '',
      agrees === linked ? '' : agrees ? 'The analysis links them through their group. '
        : 'The analysis does not: grouping kept them apart, or links another copy. '),
  ];
}

/** How many items of a long list are shown at first, and added by "Show more". */
const OUTSIDE_SHOWN = 30;
const MORE_STEP = 100;

/**
 * Fills `list` with the first items of `items` (rendered by `item`); a
 * long list (hundreds of copies) grows on request, a step at a time, so
 * that no click builds thousands of nodes at once.
 */
function growingList(list, items, item, first = OUTSIDE_SHOWN) {
  let shown = Math.min(first, items.length);
  list.append(...items.slice(0, shown).map(item));
  if (shown >= items.length) return list;
  const more = el('li', { class: 'more' });
  const button = el('button', { type: 'button' });
  const label = () => {
    const left = items.length - shown;
    button.textContent = left > MORE_STEP ? `Show ${MORE_STEP} more (${count(left)} not shown)` : `Show all ${count(items.length)}`;
  };
  button.addEventListener('click', () => {
    const next = Math.min(items.length, shown + MORE_STEP);
    more.before(...items.slice(shown, next).map(item));
    shown = next;
    if (shown >= items.length) more.remove();
    else label();
  });
  label();
  more.append(button);
  list.append(more);
  return list;
}

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
  const item = (m) => {
    const name = nameOf(analysis.articles[m.article]);
    const how = m === rep
      ? 'the reference the others are compared with'
      : `${KIND_LABEL[m.kind]}, ${percent(m.similarity)} of words alike, ${m.run_words} words in a row the same (underlined)`;
    return el('li', null,
      el('strong', null, `${name}: `), ...runText(analysis, m),
      el('div', { class: 'words' }, `${how}. Shared words: ${m.shared.join(', ') || '(none)'}`));
  };
  // The reference first, then the others in order.
  const members = [rep, ...cluster.members.filter((m) => m !== rep)];
  return [
    el('h3', null, `Shared sentence ${groupNumber(analysis, c)}: ${kindMix(cluster)}, in ${cluster.articles} articles`),
    el('p', { class: 'words' }, `Words every version has: ${cluster.shared_words.join(' ') || '(none)'}. ` +
      `Reference: ${nameOf(analysis.articles[rep.article])}. Press Escape or click again to unpin.`),
    growingList(el('ul'), members, item),
  ];
}

/** Word-level differences of `text` against `reference` (`diffWords` from the core). */
function wordDiff(diffWords, reference, text) {
  try {
    return diffWords(reference, text).map((piece) => {
      if (piece.tag === 'delete') return el('del', null, piece.text);
      if (piece.tag === 'insert') return el('ins', null, piece.text);
      return piece.text;
    });
  } catch (e) {
    return [text];
  }
}

/** How many shared sentences one page of the list shows. */
const CLUSTERS_PER_PAGE = 25;

/** The distinct texts of each cluster's members, lower-cased, for the search. */
function clusterTexts(analysis) {
  return derived(analysis, 'cluster-texts', () => analysis.clusters.map((cluster) => [...new Set(cluster.members
    .map((m) => analysis.articles[m.article].sentences[m.sentence].text.toLowerCase()))]));
}

/** The clusters whose versions contain `query` (all of them for an empty one). */
function matchingClusters(analysis, query) {
  const q = query.trim().toLowerCase();
  if (!q) return analysis.clusters.map((_, c) => c);
  const texts = clusterTexts(analysis);
  return texts.map((t, c) => (t.some((x) => x.includes(q)) ? c : -1)).filter((c) => c >= 0);
}

/**
 * One page of the cluster list (largest first, as the analysis orders
 * them), filtered by `ui.query`. Each cluster shows its reference sentence;
 * its versions with their word changes are drawn only while it is open
 * (`ui.allOpen`, except the clusters in `ui.open`, which the reader flipped). Returns the numbers for the
 * pager: `{ total, shown, first, last, pages }`.
 */
function renderClusters(analysis, list, ui, handlers) {
  clear(list);
  const found = matchingClusters(analysis, ui.query);
  const pages = Math.max(1, Math.ceil(found.length / CLUSTERS_PER_PAGE));
  const page = Math.min(ui.page, pages - 1);
  const onPage = found.slice(page * CLUSTERS_PER_PAGE, (page + 1) * CLUSTERS_PER_PAGE);
  // Open clusters are drawn within a budget per task; the rest follow in
  // later tasks (a page of open clusters of a thousand copies each is too
  // much for one), and a newer drawing of the list drops what is left.
  const drawing = ++clusterDrawing;
  const deadline = performance.now() + 40;
  const queue = [];
  // A small page (the samples) is drawn at once, whatever the time.
  const small = onPageMembers(analysis, onPage, ui) <= 300;
  const fill = (body, draw) => {
    if (small || performance.now() < deadline) {
      draw();
      return;
    }
    body.append(el('p', { class: 'variant-meta' }, 'Loading the versions\u2026'));
    queue.push(() => { clear(body); draw(); });
  };
  const drain = () => {
    if (drawing !== clusterDrawing || !queue.length) return;
    const until = performance.now() + 40;
    while (queue.length && performance.now() < until) queue.shift()();
    if (queue.length) setTimeout(drain, 0);
    else list.dataset.loading = 'false';
  };
  if (!analysis.clusters.length) {
    list.append(el('li', { class: 'cluster' }, 'No shared sentences at this threshold. Move the threshold down to see looser matches.'));
  } else if (!found.length) {
    list.append(el('li', { class: 'cluster' }, `No shared sentence contains \u201c${ui.query.trim()}\u201d.`));
  }
  for (const c of onPage) list.append(renderCluster(analysis, c, ui, handlers, fill));
  if (queue.length) setTimeout(drain, 0);
  list.dataset.loading = String(queue.length > 0);
  return { total: analysis.clusters.length, found: found.length, first: page * CLUSTERS_PER_PAGE, last: page * CLUSTERS_PER_PAGE + onPage.length, page, pages };
}

/** Whether cluster `c` is open: the list's default, unless the reader flipped it (`ui.open`). */
function isOpen(ui, c) {
  return Boolean(ui.allOpen) !== ui.open.has(c);
}

let clusterDrawing = 0;

/** How many versions the open clusters of a page hold. */
function onPageMembers(analysis, onPage, ui) {
  return onPage.reduce((sum, c) => sum + (isOpen(ui, c) ? analysis.clusters[c].members.length : 0), 0);
}

/** One cluster of the list; `fill(body, draw)` draws its open body now or later. */
function renderCluster(analysis, c, ui, handlers, fill = (body, draw) => draw()) {
  const cluster = analysis.clusters[c];
  const rep = cluster.members[cluster.representative];
  const repText = analysis.articles[rep.article].sentences[rep.sentence].text;
  const open = isOpen(ui, c);
  const bodyId = `cluster-body-${c}`;
  const item = el('li', { class: 'cluster', id: `cluster-${c}` });
  const toggle = el('button', {
    type: 'button', class: 'toggle', 'aria-expanded': String(open), 'aria-controls': bodyId,
    onclick: () => {
      if (ui.open.has(c)) ui.open.delete(c);
      else ui.open.add(c);
      item.replaceWith(renderCluster(analysis, c, ui, handlers));
      document.querySelector(`#cluster-${c} .toggle`)?.focus();
    },
  }, el('span', { class: 'chevron', 'aria-hidden': 'true' }, open ? '\u25be' : '\u25b8'),
  el('span', { class: `s shared kind-${cluster.kind} ${palette(groupNumber(analysis, c) - 1)}` }, el('span', { class: 'badge' }, String(groupNumber(analysis, c)))),
  `In ${cluster.articles} articles`,
  el('span', { class: 'kind' }, `${kindMix(cluster)} · ${percent(cluster.similarity)} average similarity · ${plural(cluster.members.length, 'version')}`));
  item.append(
    el('h3', null, toggle, el('button', { type: 'button', onclick: () => handlers.show(c) }, 'Show in the articles')),
    el('p', null, repText));
  if (!open) return item;
  const variant = (m) => {
    const text = analysis.articles[m.article].sentences[m.sentence].text;
    const meta = m === rep
      ? 'reference version'
      : `${KIND_LABEL[m.kind]} · ${percent(m.similarity)} alike · shared words: ${m.shared.slice(0, 12).join(', ')}`;
    return el('li', null,
      el('div', { class: 'variant-meta' }, `${nameOf(analysis.articles[m.article])}: ${meta}`),
      el('div', null, ...(m === rep ? [text] : wordDiff(handlers.diffWords, repText, text))));
  };
  const members = [rep, ...cluster.members.filter((m) => m !== rep)];
  const outside = groupLinks(analysis, `c${c}`);
  // A page of open clusters shows a dozen versions of each at first.
  const first = 12;
  const link = ({ link: l, outside: end }) => el('li', null,
    el('div', { class: 'variant-meta' }, `${nameOf(analysis.articles[end.article])}: ${KIND_LABEL[l.kind]} · `
      + `shared words: ${end.shared.slice(0, 12).join(', ')}`),
    el('div', null, analysis.articles[end.article].sentences[end.sentence].text));
  const body = el('div', { id: bodyId });
  item.append(body);
  fill(body, () => append(body, [
    growingList(el('ul', { 'aria-label': 'Versions, with word changes against the reference' }), members, variant, first),
    outside.length ? [el('p', { class: 'variant-meta' }, 'Also like one of these, outside this group:'),
      growingList(el('ul', { class: 'outside' }), outside, link, first)] : null]));
  return item;
}

/** Paragraphs `first` and on (`n` of them), numbered from 1: "¶3" or "¶3–5". */
const paras = (first, n) => `\u00b6${first + 1}${n > 1 ? `\u2013${first + n}` : ''}`;

/** A paragraph's inline pieces as nodes: `drop` the other side's, mark `keep`'s. */
const pieces = (inline, drop, keep, tag) => inline.filter((p) => p.tag !== drop).map((p) => (p.tag === keep ? el(tag, null, p.text) : p.text));

/**
 * A side-by-side paragraph diff. A moved paragraph shows twice: a marker
 * where it was (old side) and, where it went, beside its old text with the
 * word changes. With the analysed articles (`parts`: old and new), a
 * paragraph only one side has that is not story text (a byline, site
 * furniture) is greyed with its reason and left out of the counts. The
 * changes can be stepped through (`[data-step]`): each changed, merged,
 * split or moved paragraph, and each run of paragraphs only one side has.
 */
function renderDiff(diff, table, summary, parts, fromSource) {
  clear(table);
  const counts = {};
  const from = new Map(diff.ops.filter((o) => o.tag === 'moved_from').map((o) => [o.old, o]));
  const asideOf = (op) => parts && (op.tag === 'delete' ? parts[0]?.paragraphs[op.old] : op.tag === 'insert' ? parts[1]?.paragraphs[op.new] : null);
  // Against the common source: what the article kept, reworded, cut and added.
  const [same, changed, cut, added] = fromSource ? ['kept', 'reworded', 'cut', 'added'] : ['same', 'changed', 'only in old', 'only in new'];
  table.append(el('div', { class: 'diff-row head', role: 'row' },
    el('div', { class: 'diff-cell', role: 'columnheader' }, fromSource ? 'Common source' : 'Old article'),
    el('div', { class: 'diff-cell', role: 'columnheader' }, 'New article')));
  let steps = 0;
  let run = false;
  for (const op of diff.ops) {
    const paragraph = asideOf(op);
    const why = paragraph && asideReason(paragraph);
    const tag = why ? 'aside' : op.tag;
    counts[tag] = (counts[tag] || 0) + 1;
    const alike = op.similarity === 1 ? 'same words' : `${percent(op.similarity || 0)} alike`;
    let oldSide = op.old_text.trim();
    let newSide = op.new_text.trim();
    if (op.inline.length) {
      oldSide = pieces(op.inline, 'insert', 'delete', 'del');
      newSide = pieces(op.inline, 'delete', 'insert', 'ins');
    } else if (op.tag === 'moved_to') {
      oldSide = from.get(op.old).old_text.trim();
    }
    const label = why ? `set aside \u00b7 ${why}` : {
      equal: same,
      change: `${changed} \u00b7 ${alike}`,
      merge: `merged \u00b7 old ${paras(op.old, op.old_len)} became one \u00b7 ${alike}`,
      split: `split \u00b7 into new ${paras(op.new, op.new_len)} \u00b7 ${alike}`,
      moved_from: `moved \u2193 to new ${paras(op.new, op.new_len)}`,
      moved_to: `moved here \u2191 from old ${paras(op.old, op.old_len)} \u00b7 ${op.inline.length ? alike : 'unchanged'}`,
      delete: cut,
      insert: added,
    }[op.tag];
    const oldCell = op.tag === 'insert' ? '' : [el('span', { class: 'tag' }, label), oldSide];
    const newCell = op.tag === 'delete' || op.tag === 'moved_from' ? '' : [el('span', { class: 'tag' }, label), newSide];
    // A step starts at each change, and at the first of a run of paragraphs only one side has.
    const only = tag === 'delete' || tag === 'insert';
    const starts = tag !== 'equal' && tag !== 'aside' && !(only && run);
    run = only || (run && tag === 'aside');
    const step = (side) => (starts && side === (oldCell ? 'old' : 'new') ? { tabindex: -1, 'data-step': ++steps } : {});
    table.append(el('div', { class: `diff-row ${op.tag}${why ? ' aside' : ''}`, role: 'row' },
      el('div', { class: 'diff-cell old', role: 'cell', ...step('old') }, oldCell),
      el('div', { class: 'diff-cell new', role: 'cell', ...step('new') }, newCell)));
  }
  const n = (tag) => counts[tag] || 0;
  summary.textContent = `${n('equal')} ${same}, ${n('change')} ${changed}, ${n('merge')} merged, ${n('split')} split, ${n('moved_to')} moved, ${n('delete')} ${cut}, ${n('insert')} ${added}` +
    (n('aside') ? `, ${n('aside')} set aside` : '') + (diff.timed_out ? ' (took too long: shown coarser)' : '');
  return steps;
}

/**
 * The probable common source: of each group that at least two articles and
 * a quarter of them carry, the text most of its members print (else its
 * representative's), in the order most outlets tell them (by the median of
 * the group's place in each article). `{ text, groups, members }`: one
 * group a line, with the member that prints it.
 */
function commonSource(analysis) {
  return derived(analysis, 'source', () => {
    const rows = [];
    analysis.clusters.forEach((c, k) => {
      if (c.articles < Math.max(2, analysis.articles.length / 4)) return;
      const texts = new Map();
      const places = new Map();
      for (const m of c.members) {
        const article = analysis.articles[m.article];
        const text = article.sentences[m.sentence].text;
        texts.set(text, (texts.get(text) || 0) + 1);
        if (!places.has(m.article)) places.set(m.article, m.sentence / article.sentences.length);
      }
      const r = c.members[c.representative];
      let best = analysis.articles[r.article].sentences[r.sentence].text;
      for (const [text, n] of texts) if (n > texts.get(best)) best = text;
      const at = [...places.values()].sort((x, y) => x - y);
      const member = c.members.find((m) => analysis.articles[m.article].sentences[m.sentence].text === best);
      rows.push({ k, best, member, at: at[at.length >> 1] });
    });
    rows.sort((x, y) => x.at - y.at || x.k - y.k);
    return { text: rows.map((r) => r.best).join('\n'), groups: rows.map((r) => r.k), members: rows.map((r) => r.member) };
  });
}

/**
 * The common source as a column beside the articles: each line the
 * sentence of a member that prints it, so that it lights, pins and
 * explains as the articles' own do.
 */
function renderSourceColumn(analysis, hide) {
  const source = commonSource(analysis);
  const least = Math.max(2, Math.ceil(analysis.articles.length / 4));
  const column = el('article', { class: 'column source', tabindex: 0, 'aria-labelledby': 'col-title-source' },
    el('header', null, el('h2', { id: 'col-title-source' }, 'Probable common source'),
      el('div', { class: 'name' }, el('button', { type: 'button', 'aria-label': 'Hide the common source', onclick: hide }, 'Hide')),
      el('div', { class: 'stats' }, `${plural(source.members.length, 'shared sentence')} that at least ${count(least)} articles carry, `
        + 'as most of them word it, in the order most of them tell it')));
  for (const m of source.members) column.append(el('p', null, renderSentence(analysis, m.article, m.sentence)));
  if (!source.members.length) column.append(el('p', { class: 'empty' }, 'No sentence is shared widely enough.'));
  return column;
}

/** The pairs of the common source's lines and article `b`'s paragraphs that hold one group: a flat `[line, paragraph of b, …]`, as the core's diff takes them. */
function sourceParagraphs(analysis, source, b) {
  const line = new Map(source.groups.map((c, k) => [c, k]));
  const out = [];
  for (const s of analysis.articles[b].sentences) if (line.has(s.cluster)) out.push(line.get(s.cluster), s.paragraph);
  return out;
}

/**
 * The paragraph-order ribbon of the analysed articles `chosen` (up to
 * eight, in their order): each article a column of blocks, one per compared
 * paragraph, as tall as its sentences; neighbouring columns joined by a
 * ribbon where two paragraphs hold sentences of one group, as wide as the
 * groups they share. Ribbons that cross are paragraphs told in another
 * order. `pair` (two of `chosen`) is marked: the diff's articles.
 */
function renderRibbon(analysis, chosen, box, pair) {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = (tag, attrs, ...kids) => {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    node.append(...kids);
    return node;
  };
  const UNIT = 5;
  const GAP = 3;
  const STEP = 130;
  const columns = chosen.map((a) => {
    const article = analysis.articles[a];
    const blocks = new Map();
    let y = 24;
    article.paragraphs.forEach((paragraph, p) => {
      if (asideReason(paragraph)) return;
      const h = Math.max(1, paragraph.sentences.end - paragraph.sentences.start) * UNIT;
      const groups = new Set();
      for (let s = paragraph.sentences.start; s < paragraph.sentences.end; s++) {
        if (article.sentences[s].cluster != null) groups.add(article.sentences[s].cluster);
      }
      blocks.set(p, { y, h, groups });
      y += h + GAP;
    });
    return { a, article, blocks, height: y };
  });
  const height = Math.max(...columns.map((c) => c.height), 40);
  const out = svg('svg', { viewBox: `0 0 ${STEP * (chosen.length - 1) + 160} ${height}`, class: 'ribbon', role: 'img',
    'aria-label': `The paragraphs of ${count(chosen.length, 'article')} in order, top to bottom; bands join paragraphs that share a sentence` });
  columns.forEach((col, k) => {
    const x = k * STEP;
    const marked = pair && pair.includes(col.a);
    out.append(svg('text', { x, y: 14, class: marked ? 'pair' : '' }, clip(nameOf(col.article), 18)));
    const next = columns[k + 1];
    for (const [p, b] of col.blocks) {
      out.append(svg('rect', { x, y: b.y, width: 30, height: b.h, class: b.groups.size ? 'shared' : '' },
        svg('title', {}, `${nameOf(col.article)}, paragraph ${p + 1}: ${clip(col.article.sentences[col.article.paragraphs[p].sentences.start]?.text || '', 80)}`)));
      if (!next) continue;
      for (const [q, c] of next.blocks) {
        let n = 0;
        for (const g of b.groups) if (c.groups.has(g)) n++;
        if (!n) continue;
        const [y0, y1, x0, x1] = [b.y + b.h / 2, c.y + c.h / 2, x + 30, x + STEP];
        out.append(svg('path', { d: `M${x0} ${y0}C${x0 + 50} ${y0} ${x1 - 50} ${y1} ${x1} ${y1}`, 'stroke-width': Math.min(n * 3, b.h, c.h), class: 'band' }));
      }
    }
  });
  clear(box).append(out);
}

/**
 * The shares among the articles `chosen` (indexes into the analysis):
 * `share(r, c)` is the share of `chosen[r]`'s sentences found in
 * `chosen[c]`, read from the overlap's sparse pairs in one pass (no
 * article × article table: there may be a thousand articles).
 */
function overlapAmong(analysis, chosen) {
  const k = chosen.length;
  const at = new Int32Array(analysis.articles.length).fill(-1);
  chosen.forEach((i, r) => { at[i] = r; });
  const shares = new Float64Array(k * k);
  const pairs = pairArrays(analysis);
  for (let p = 0; p < pairs.a.length; p++) {
    const r = at[pairs.a[p]];
    const c = at[pairs.b[p]];
    if (r < 0 || c < 0) continue;
    shares[r * k + c] = pairs.aInB[p];
    shares[c * k + r] = pairs.bInA[p];
  }
  return (r, c) => (r === c ? 1 : shares[r * k + c]);
}

/** The overlap's pairs as typed arrays: scanning a thousand articles' pairs stays quick. */
function pairArrays(analysis) {
  return derived(analysis, 'pair-arrays', () => {
    const list = analysis.overlap.pairs;
    const out = { a: new Int32Array(list.length), b: new Int32Array(list.length), aInB: new Float64Array(list.length), bInA: new Float64Array(list.length) };
    list.forEach((p, k) => {
      out.a[k] = p.a;
      out.b[k] = p.b;
      out.aInB[k] = p.a_in_b;
      out.bInA[k] = p.b_in_a;
    });
    return out;
  });
}

/**
 * Per article: how connected it is (the sum of its shares with every other
 * article, both ways) and the article it shares most with.
 */
function articleLinks(analysis) {
  return derived(analysis, 'article-links', () => {
    const n = analysis.articles.length;
    const weight = new Float64Array(n);
    const best = Array.from({ length: n }, () => ({ other: -1, share: 0 }));
    for (const p of analysis.overlap.pairs) {
      weight[p.a] += p.a_in_b + p.b_in_a;
      weight[p.b] += p.a_in_b + p.b_in_a;
      if (p.a_in_b > best[p.a].share) best[p.a] = { other: p.b, share: p.a_in_b };
      if (p.b_in_a > best[p.b].share) best[p.b] = { other: p.a, share: p.b_in_a };
    }
    return { weight, best };
  });
}

/**
 * What an article's compared sentences are: how many are copied, edited or
 * rewritten elsewhere (a grouped sentence by its own kind, a linked one by
 * its closest link) and how many only it has, with their words.
 */
function tally(analysis, i) {
  return derived(analysis, `tally${i}`, () => {
    const t = { verbatim: 0, near: 0, paraphrase: 0, own: 0, words: 0, shared: 0 };
    const article = analysis.articles[i];
    for (const [s, sentence] of article.sentences.entries()) {
      if (asideReason(article.paragraphs[sentence.paragraph])) continue;
      let kind = 'own';
      if (sentence.cluster !== null) kind = analysis.clusters[sentence.cluster].members.find((m) => m.article === i && m.sentence === s).kind;
      else for (const l of sentence.links) if (kind === 'own' || KIND_ORDER.indexOf(analysis.links[l].kind) < KIND_ORDER.indexOf(kind)) kind = analysis.links[l].kind;
      t[kind]++;
      t.words += sentence.words;
      if (kind !== 'own') t.shared += sentence.words;
    }
    return t;
  });
}

/** The share of an article's sentences found in at least one other article. */
function sharedShare(analysis, i) {
  return comparedSentences(analysis.articles[i]) ? 1 - analysis.overlap.unique[i] : 0;
}

/** Sizes of the overlap matrix a reader can choose: the most connected articles. */
const OVERLAP_SIZES = [10, 25, 50];

/**
 * The articles the matrix shows: all of them up to `ui.top`, else the
 * `ui.top` most connected; ordered as listed, or by similarity (each next
 * to the one it shares most with, from the most connected on).
 */
function overlapOrder(analysis, ui) {
  const n = analysis.articles.length;
  const { weight } = articleLinks(analysis);
  let chosen = [...Array(n).keys()];
  if (n > ui.top) chosen = chosen.sort((x, y) => weight[y] - weight[x] || x - y).slice(0, ui.top);
  if (ui.order !== 'similarity') return chosen.sort((x, y) => x - y);
  const share = overlapAmong(analysis, chosen);
  const left = new Set(chosen.keys());
  let at = 0; // The most connected (or the first listed when all are shown).
  for (const r of left) if (weight[chosen[r]] > weight[chosen[at]]) at = r;
  const order = [];
  while (left.size) {
    left.delete(at);
    order.push(chosen[at]);
    let next = -1;
    let most = -1;
    for (const r of left) {
      const s = share(at, r) + share(r, at);
      if (s > most) {
        most = s;
        next = r;
      }
    }
    at = next;
  }
  return order;
}

/** The overlap heat map of the articles `overlapOrder` picks, labels sticky. */
function renderOverlap(analysis, container, ui, note) {
  clear(container);
  const order = overlapOrder(analysis, ui);
  const share = overlapAmong(analysis, order);
  const n = analysis.articles.length;
  note.textContent = order.length < n
    ? `The ${order.length} most connected of ${count(n)} articles, ${ui.order === 'similarity' ? 'each next to the one it shares most with' : 'in the order listed'}.`
    : `All ${count(n)} articles, ${ui.order === 'similarity' ? 'each next to the one it shares most with' : 'in the order listed'}.`;
  const names = order.map((i) => nameOf(analysis.articles[i]));
  const head = el('tr', null, el('th', { scope: 'col', class: 'corner' }, 'Article'),
    names.map((name) => el('th', { scope: 'col' }, name)), el('th', { scope: 'col' }, 'Only here'));
  const rows = order.map((i, r) => el('tr', null,
    el('th', { scope: 'row' }, names[r]),
    order.map((j, col) => {
      if (i === j) return el('td', { class: 'self' }, '\u2014');
      const s = share(r, col);
      const cell = el('td', { title: `${percent(s)} of ${names[r]}'s sentences are also in ${names[col]}` }, percent(s));
      // Capped so that dark text keeps its contrast on the darkest cell.
      cell.style.background = `rgba(0, 114, 178, ${Math.min(0.8, s * 1.6).toFixed(2)})`;
      return cell;
    }),
    el('td', null, percent(analysis.overlap.unique[i]))));
  container.append(el('table', null, el('caption', { class: 'help' }, 'Share of each row article\u2019s sentences found in each column article'),
    el('thead', null, head), el('tbody', null, rows)));
}

/** How many articles one page of the overview lists. */
const LIST_PER_PAGE = 50;

/** The overview's columns that sort: key, heading, the value sorted on. */
const LIST_SORTS = {
  order: ['#', (r) => r.slot],
  name: ['Name', (r) => r.name.toLowerCase()],
  length: ['Sentences', (r) => r.sentences],
  shared: ['Shared', (r) => r.shared],
  words: ['Words shared', (r) => r.words],
  copied: ['Copied', (r) => r.tally.verbatim],
  edited: ['Edited', (r) => r.tally.near],
  rewritten: ['Rewritten', (r) => r.tally.paraphrase],
  own: ['Only here', (r) => r.tally.own],
  like: ['Most like', (r) => r.likeShare],
};

/**
 * The rows of the overview: every article of the list with what the
 * analysis says of it (-1 and nulls for an article not in it).
 */
function listRows(analysis, articles, indexOf, noteOf) {
  const links = analysis ? articleLinks(analysis) : null;
  return articles.map((article, slot) => {
    const i = indexOf(article);
    if (i < 0) {
      const lines = article.text.slice(0, 400).split(/\r\n|[\n\r\u2028\u2029]+/).filter((p) => p.trim());
      return { slot, article, name: article.name, title: lines[0] || '', index: -1, sentences: -1, shared: -1, words: -1,
        tally: { verbatim: -1, near: -1, paraphrase: -1, own: -1 }, like: null, likeShare: -1, note: noteOf(article) };
    }
    const best = links.best[i];
    return {
      slot, article, index: i,
      name: nameOf(analysis.articles[i]),
      title: analysis.articles[i].title,
      sentences: comparedSentences(analysis.articles[i]),
      shared: sharedShare(analysis, i),
      tally: tally(analysis, i),
      words: tally(analysis, i).words ? tally(analysis, i).shared / tally(analysis, i).words : 0,
      like: best.other >= 0 ? nameOf(analysis.articles[best.other]) : null,
      likeShare: best.other >= 0 ? best.share : 0,
      note: null,
    };
  });
}

/**
 * The overview of every article: one sortable, filtered page of it.
 * `ui` holds `sort`, `dir` (1 or -1), `page`, `filter`; `handlers` has
 * `isSide(slot)`, `toggleSide(slot)`, `remove(slot)`, `sort(key)`.
 */
function renderList(rows, table, ui, handlers) {
  clear(table);
  const q = ui.filter.trim().toLowerCase();
  const kept = q ? rows.filter((r) => r.name.toLowerCase().includes(q) || r.article.name.toLowerCase().includes(q)
    || r.title.toLowerCase().includes(q)) : rows.slice();
  const value = LIST_SORTS[ui.sort][1];
  kept.sort((x, y) => {
    const a = value(x);
    const b = value(y);
    return (a < b ? -1 : a > b ? 1 : 0) * ui.dir || x.slot - y.slot;
  });
  const pages = Math.max(1, Math.ceil(kept.length / LIST_PER_PAGE));
  const page = Math.min(ui.page, pages - 1);
  const onPage = kept.slice(page * LIST_PER_PAGE, (page + 1) * LIST_PER_PAGE);
  const sortHead = (key) => {
    const [label] = LIST_SORTS[key];
    const sorted = ui.sort === key;
    return el('th', { scope: 'col', 'aria-sort': sorted ? (ui.dir > 0 ? 'ascending' : 'descending') : 'none' },
      el('button', { type: 'button', class: 'sort', onclick: () => handlers.sort(key) }, label,
        el('span', { 'aria-hidden': 'true' }, sorted ? (ui.dir > 0 ? ' \u25b2' : ' \u25bc') : '')));
  };
  table.append(el('caption', { class: 'sr' }, 'All articles; the column buttons sort the list'),
    el('thead', null, el('tr', null,
      el('th', { scope: 'col' }, 'Side by side'), sortHead('order'), sortHead('name'), el('th', { scope: 'col' }, 'Title'),
      sortHead('length'), sortHead('shared'), sortHead('words'), sortHead('copied'), sortHead('edited'), sortHead('rewritten'),
      sortHead('own'), sortHead('like'), el('th', { scope: 'col' }, el('span', { class: 'sr' }, 'Actions')))),
    el('tbody', null, onPage.map((r) => {
      const title = r.title;
      const box = el('input', { type: 'checkbox', 'aria-label': `Show ${r.name} side by side`, onchange: () => handlers.toggleSide(r.slot) });
      box.checked = handlers.isSide(r.slot);
      return el('tr', { class: r.index < 0 ? 'not-compared' : null },
        el('td', null, box),
        el('td', { class: 'num' }, String(r.slot + 1)),
        el('th', { scope: 'row' }, r.name),
        el('td', { class: 'title' }, title.length > 90 ? `${title.slice(0, 90)}\u2026` : title),
        el('td', { class: 'num' }, r.sentences >= 0 ? count(r.sentences) : '\u2014'),
        el('td', { class: 'num' }, r.index >= 0 ? percent(r.shared) : '\u2014'),
        el('td', { class: 'num' }, r.index >= 0 ? percent(r.words) : '\u2014'),
        ...['verbatim', 'near', 'paraphrase', 'own'].map((k) => el('td', { class: 'num' }, r.index >= 0 ? count(r.tally[k]) : '\u2014')),
        el('td', null, r.note ? el('span', { class: 'note' }, r.note) : r.like ? `${r.like} (${percent(r.likeShare)})` : 'none'),
        el('td', null, el('button', { type: 'button', 'aria-label': `Remove ${r.name}`, onclick: () => handlers.remove(r.slot) }, 'Remove')));
    })));
  return { total: rows.length, found: kept.length, first: page * LIST_PER_PAGE, last: page * LIST_PER_PAGE + onPage.length, page, pages };
}

Object.assign(wd, {
  renderSourceColumn,
  derived, versionsOf, nameOf, tellApart, asideReason, tally, wordDiff, growingList, comparedSentences, groupNumber, numberGroups, renderAnswers,
  groupKey, groupSentences, groupLinks, renderColumn, renderPlainColumn, renderExplanation, renderWhy,
  renderClusters, renderDiff, renderRibbon, commonSource, sourceParagraphs, renderOverlap, overlapAmong, overlapOrder, OVERLAP_SIZES, listRows, renderList, LIST_SORTS,
});
})(window.wirediff);
