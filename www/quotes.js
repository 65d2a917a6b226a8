// The quote panel: each quotation of a group of shared sentences, across
// the outlets that carry it, with how each version differs from the one
// most outlets print: the same words, truncated, words altered, the
// attribution changed, or the quotation turned into reported speech.
(function (wd) {
'use strict';
const { el, clear, count, plural, nameOf } = wd;

// A quotation: double quotes of any style, guillemets, or single curly
// quotes that open after a space or bracket and close before one (so that
// an apostrophe is not taken for a quote).
const QUOTED = /[“"„«]([^“”"„«»]+)[”"»]|(?:^|[\s(])‘([^‘’]+(?:’\w[^‘’]*)*)’(?=$|[\s).,;:!?])/gu;

// The speaker: up to four capitalised words before a verb of saying (an
// adverb between), after one that follows the quotation ("…,” said Mr.
// Lee", "…,” said council leader Ann Berg") or after "according to" (general English, no article's names). A
// capitalised word after "said" elsewhere opens what was said, not a name.
const SAYING = 'said|says|told|added|wrote|stated|noted|explained|insisted|warned|argued';
const NAME = "\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}";
const SPEAKER_AFTER = new RegExp(`(?:[,”"’\u2063]\\s*(?:${SAYING})|according to)\\s+(?:\\p{Ll}+\\s+){0,2}(${NAME})`, 'u');
const SPEAKER_BEFORE = new RegExp(`(${NAME})(?:\\s+(?:also|later|then|\\p{Ll}+ly))?\\s+(?:${SAYING})\\b`, 'u');

// Capitalised words that are not a speaker: pronouns, articles, days and
// months ("said Tuesday").
const NOT_NAMES = new Set(('i he she they we you it the a an this that these those there in on at by '
  + 'monday tuesday wednesday thursday friday saturday sunday january february march april may june july '
  + 'august september october november december').split(' '));

/** The folded words of a text, for comparing versions. */
const words = (text) => (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) || []).map((w) => w.replace('’', "'"));

/**
 * The quotations of a sentence (3 words or more) and who says them. A
 * quotation that runs over several sentences opens in one and closes in a
 * later one: a lone opening mark quotes the rest of its sentence, a lone
 * closing mark what comes before it.
 */
function quotationsOf(text) {
  const quotes = [];
  for (const m of text.matchAll(QUOTED)) quotes.push((m[1] ?? m[2]).trim());
  // Each quotation leaves a mark (U+2063) where it stood, for the speaker after it.
  let outside = text.replace(QUOTED, (m) => (/^\s/u.test(m) ? ' \u2063' : '\u2063'));
  const open = outside.search(/[“„«]|(?:^|\s)"/u);
  const close = outside.search(/[”»]|"(?=$|[\s,.;:!?])/u);
  if (open >= 0 && close < 0) {
    quotes.push(outside.slice(open).replace(/^\s?["“„«]/u, '').trim());
    outside = outside.slice(0, open);
  } else if (close >= 0 && open < 0) {
    quotes.push(outside.slice(0, close).trim());
    outside = outside.slice(close + 1);
  }
  const long = quotes.map((q) => q.replace(/[,;:]$/u, '')).filter((q) => words(q).length >= 3);
  let speaker = null;
  for (const pattern of [SPEAKER_AFTER, SPEAKER_BEFORE]) {
    const found = outside.match(pattern);
    const name = found ? found[1].trim().replace(/[.'’-]+$/u, '').split(/\s+/)
      .filter((w) => !NOT_NAMES.has(w.toLowerCase().replace(/[.'’-]+$/u, ''))).join(' ') : '';
    if (name) { speaker = name; break; }
  }
  return { quotes: long, speaker, text: long.join(' \u2026 ') };
}

/** Whether `short` is a contiguous run of `long`'s words. */
function within(short, long) {
  if (!short.length || short.length >= long.length) return false;
  const key = short.join(' ');
  return ` ${long.join(' ')} `.includes(` ${key} `);
}

/** A speaker's family name, for comparing attributions. */
const surname = (speaker) => (speaker ? words(speaker).pop() : null);

/**
 * The quotations of every group with a quotation in at least two
 * articles: `{ cluster, reference, speaker, versions }`, most articles
 * first. The reference is the wording most versions print (the earliest
 * on a tie); each version has its article, text, speaker and `changes`
 * (a list of: truncated, altered, attribution, reported).
 */
function quotations(analysis) {
  return wd.derived(analysis, 'quotations', () => {
    const out = [];
    analysis.clusters.forEach((cluster, c) => {
      const versions = wd.versionsOf(analysis, cluster).map((v) => {
        const q = quotationsOf(v.text);
        return { ...v, ...q, words: words(q.text) };
      });
      const quoted = versions.filter((v) => v.quotes.length);
      if (!quoted.length || versions.length < 2) return;
      // The wording most versions print.
      const tally = new Map();
      for (const v of quoted) tally.set(v.words.join(' '), (tally.get(v.words.join(' ')) || 0) + 1);
      const top = Math.max(...tally.values());
      const reference = quoted.find((v) => tally.get(v.words.join(' ')) === top);
      const speakers = new Map();
      for (const v of versions) if (v.speaker) speakers.set(surname(v.speaker), (speakers.get(surname(v.speaker)) || 0) + 1);
      const usual = [...speakers.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;
      for (const v of versions) {
        v.changes = [];
        if (!v.quotes.length) v.changes.push('reported');
        else if (v.words.join(' ') !== reference.words.join(' ')) {
          v.changes.push(within(v.words, reference.words) ? 'truncated' : within(reference.words, v.words) ? 'longer' : 'altered');
        }
        if (v.speaker && usual && surname(v.speaker) !== usual) v.changes.push('attribution');
      }
      out.push({ cluster: c, reference, speaker: reference.speaker, versions });
    });
    out.sort((x, y) => y.versions.length - x.versions.length || x.cluster - y.cluster);
    return out;
  });
}

const CHANGE = {
  truncated: 'truncated',
  longer: 'quoted at more length',
  altered: 'words altered',
  attribution: 'attribution changed',
  reported: 'turned into reported speech',
};

/**
 * The panel: one card per quotation, its versions by outlet; long lists
 * (of cards, and of versions in a card) grow on request, so that a corpus
 * of thousands builds a page of nodes at a time.
 */
function renderQuotes(analysis, list, handlers) {
  clear(list);
  const all = quotations(analysis);
  if (!all.length) {
    list.append(el('li', { class: 'cluster' }, 'No quotation is shared by two articles.'));
    return;
  }
  const version = (q) => (v) => el('li', null,
    el('b', null, `${nameOf(analysis.articles[v.article])}: `),
    v.changes.length ? el('span', { class: 'reason' }, `${v.changes.map((k) => CHANGE[k]).join(', ')}: `) : null,
    ...(v.quotes.length ? ['\u201c', ...handlers.wordDiff(q.reference.text, v.text), '\u201d'] : [analysis.articles[v.article].sentences[v.sentence].text]),
    v.speaker && v.quotes.length ? ` \u2014 ${v.speaker}` : '');
  wd.growingList(list, all, (q) => {
    const altered = q.versions.filter((v) => v.changes.length).length;
    return el('li', { class: 'cluster quote' },
      el('h3', null, `#${wd.groupNumber(analysis, q.cluster)}: \u201c${q.reference.text}\u201d`, q.speaker ? ` \u2014 ${q.speaker}` : '',
        el('span', { class: 'help' }, ` in ${plural(q.versions.length, 'article')}${altered ? `, ${count(altered)} changed` : ''}`)),
      wd.growingList(el('ul'), q.versions, version(q)));
  });
}

Object.assign(wd, { quotationsOf, quotations, renderQuotes });
})(window.wirediff);
