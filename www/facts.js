// Fact drift: inside each group of shared sentences, the numbers, amounts,
// percentages, dates and names each outlet prints, against the version
// most of them agree with, and where they disagree ("$2.5 billion" /
// "$2.4bn", "Tuesday" / "Monday", "9,000" / "over 9,000"). Facts are found
// by their form (general English), never by the words of an article.
(function (wd) {
'use strict';
const { el, clear, count, plural, nameOf } = wd;

/** Spelled-out numbers ("nine" = 9). */
const SPELLED = 'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(' ');

/** Words before a number that make it approximate, grouped by what they mean. */
const APPROX = {};
'over more than at least|under less than fewer than up to at most|about around roughly approximately some|nearly almost close to'
  .split('|').forEach((g, i) => g.replace(/(?:more|less|fewer|at|up|close) \w+|\w+/g, (w) => { APPROX[w] = i + 1; }));
/** Scales by their first letters ("th" thousand, "t" trillion). */
const SCALE = { th: 1e3, k: 1e3, m: 1e6, b: 1e9, t: 1e12 };
/** Currencies by sign, code or word, by first letter ("US$" = "$" = "dollars"). */
const CURRENCY = { u: '$', d: '$', e: '€', g: '£', p: '£', y: '¥' };

// An amount: an approximator, a currency, digits or a spelled number, a
// scale ("bn", " million") and a unit ("%", " per cent", " dollars"); not
// inside a word or a code ("H20", "'90s").
const NUMBER = new RegExp(`(?<![\\p{L}\\d.,:'’$€£¥])((?:(?:just|well)\\s+)?(?:${Object.keys(APPROX).join('|').replace(/ /g, '\\s+')})\\s+)?`
  + '((?:US|[ACN]Z?|HK)?\\$|[€£¥]|(?:USD|EUR|GBP)\\s?)?'
  + `(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\b(?:${SPELLED.join('|')})\\b)`
  + '(\\s?(?:thousand|million|billion|trillion)|(?:bn|mn|tn|m|b|k)(?!\\p{L}))?'
  + '(\\s?%|\\s(?:per\\s?cent|percent)|\\s(?:dollars|euros|pounds|yen))?((?:km|kg|cm|mm|ft|lbs?|mph|am|pm)(?!\\p{L}))?(?![\\p{L}\\d]|[.,:]\\d)', 'giu');
const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const MONTH = `(${MONTHS.join('|')})`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const DATE = new RegExp(`\\b(?:${MONTH}(?:\\s+${DAY}\\b)?|${DAY}\\s+${MONTH})\\b`, 'gu');
const WEEKDAY = /\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/gu;
const CAPITALS = /(?<![\p{L}\p{N}'’])\p{Lu}[\p{L}\p{N}'’.&-]*(?:\s+\p{Lu}[\p{L}\p{N}'’.&-]*)*/gu;
/** Capitalised words that are no name: pronouns, articles, days, months. */
const NOT_NAMES = new Set('i he she it we they you his her their the a an this that these those there but'.split(' '));
/** What a number is before a page or a chapter: no fact. */
const REFERENCE = /\b(?:page|pp?\.|no\.|chapter)\s*$/iu;

const round = (n) => +n.toPrecision(12);

/**
 * The facts of a sentence, in order: `{ type, value, approx, text }` with
 * type money, percent, number, year, day, date or name, and the value
 * normalised ("$2.5 billion" = "$2,500 million" = "$2.5bn": $2500000000).
 */
function factsOf(text) {
  const facts = [];
  const add = (index, type, value, found, approx = '', noun) => facts.push({ index, type, value: String(value), approx, text: found.trim(), noun });
  // Dates first; their words are then blanked so that no number or name is taken from them.
  let rest = text.replace(DATE, (m, month, day, day2, month2, i) => {
    if (month && !day && !i) return m;
    add(i, 'date', `${(month || month2).toLowerCase()} ${day || day2 || ''}`.trim(), m);
    return ' '.repeat(m.length);
  }).replace(WEEKDAY, (m, d, i) => { add(i, 'day', d.toLowerCase(), m); return ' '.repeat(m.length); });
  rest = rest.replace(NUMBER, (m, approx, cur, digits, scale, unit, attached, i) => {
    const word = SPELLED.indexOf(digits.toLowerCase());
    if (REFERENCE.test(rest.slice(0, i)) || (word == 1 && /^\s+of\b/iu.test(rest.slice(i + m.length)))) return m;
    let n = word < 0 ? Number(digits.replace(/,/g, '')) : word;
    const s = scale?.trim().toLowerCase();
    if (s) n *= SCALE[s.slice(0, 2)] || SCALE[s[0]];
    const how = approx ? APPROX[approx.toLowerCase().replace(/\s+/g, ' ').replace(/^(just|well) /, '').trim()] : 0;
    const money = cur || /dollars|euros|pounds|yen/iu.test(unit || '');
    const year = !how && !cur && !scale && !unit && /^(1[89]|20)\d\d$/.test(digits);
    const sign = money && (cur || unit).trim();
    add(i, money ? 'money' : unit ? 'percent' : year ? 'year' : 'number', (money ? CURRENCY[sign[0].toLowerCase()] ?? sign : '') + round(n), m, how,
      (attached || rest.slice(i + m.length).match(/^\s*\(?(\p{L}*)/u)[1]).slice(0, 4).toLowerCase());
    return ' '.repeat(m.length);
  });
  // Names: capitalised words, not the first of a sentence (unless more follow)
  // nor in a headline (title case, no full stop).
  const words = text.match(/\p{L}+/gu) || [];
  if (/[.!?”"]$/u.test(text.trim()) || words.filter((w) => /^\p{Lu}/u.test(w)).length * 2 <= words.length) {
    for (const m of rest.matchAll(CAPITALS)) {
      let parts = m[0].split(/\s+/);
      // The first word of a sentence, or of a quotation or clause in it.
      let first = /(?:^|[“"‘(:.!?])$/u.test(rest.slice(0, m.index).trimEnd());
      while (parts.length && NOT_NAMES.has(parts[0].toLowerCase().replace(/\.$/, ''))) { parts.shift(); }
      if (!parts.length || (first && parts.length < 2)) continue;
      const last = parts[parts.length - 1].replace(/['’]s$|[.'’-]+$/u, '').toLowerCase();
      add(m.index, 'name', last, parts.join(' ').replace(/[,.'’]+$/u, ''));
    }
  }
  return facts.sort((x, y) => x.index - y.index);
}

const size = (f) => parseFloat(f.value.replace(/^\D+/, ''));
const near = (a, b) => !(size(a) && size(b)) || (size(a) <= 3 * size(b) && size(b) <= 3 * size(a));
const key = (f) => `${f.type} ${f.value} ${f.approx}`;

/** The words just before and just after a fact in its sentence, folded. */
const prev = (t, f) => t.slice(0, f.index).match(/(\S*)\s*$/)[1].toLowerCase();
const next = (t, f) => t.slice(f.index + f.text.length).match(/^\W*(\S*)/u)[1].replace(/[,.;:!?]+$/u, '').toLowerCase();

/**
 * Whether a name of one version stands where another's stands in another
 * version (the same words on either side, or the same word before it when
 * it is the one name changed: `alone`), and is no other name of the same
 * one: not in the other's sentence, not the same stem ("China",
 * "Chinese"), not one the initials of the other ("US").
 */
const swapped = (a, b, textA, textB, alone) => prev(textA, a) === prev(textB, b) && (alone || next(textA, a) === next(textB, b))
  && !(textB.toLowerCase().includes(a.value) || textA.toLowerCase().includes(b.value) || a.value.slice(0, 4) === b.value.slice(0, 4)
  || [a.text, b.text].some((x, i, both) => both[1 - i].replace(/[^\p{Lu}]/gu, '') === x.replace(/\W/g, '')));

/**
 * The groups whose outlets disagree on a fact: `{ cluster, reference,
 * versions, tally, diffs }`, most articles first. The reference is the
 * version whose facts most others print too (the earliest on a tie); each
 * diff pairs a fact of it (`want`) with the one an outlet prints instead
 * (`got`), of the same type, in order. A fact an outlet leaves out is a
 * cut, not drift; a name counts when another stands in its place.
 */
function drift(analysis) {
  return wd.derived(analysis, 'drift', () => {
    const out = [];
    analysis.clusters.forEach((cluster, c) => {
      const versions = wd.versionsOf(analysis, cluster).map((v) => {
        const facts = factsOf(v.text);
        return { ...v, facts, keys: new Set(facts.map(key)) };
      });
      const tally = new Map();
      for (const v of versions) for (const k of v.keys) tally.set(k, (tally.get(k) || 0) + 1);
      const text = (v) => analysis.articles[v.article].sentences[v.sentence].text;
      const score = (v) => [...v.keys].reduce((s, k) => s + tally.get(k) - 1, 0);
      let reference = versions[0];
      for (const v of versions) if (score(v) > score(reference)) reference = v;
      const diffs = [];
      for (const v of versions) {
        const missing = reference.facts.filter((f) => !v.keys.has(key(f)));
        const extra = v.facts.filter((f) => !reference.keys.has(key(f)));
        for (const type of new Set(missing.map((f) => f.type))) {
          const want = missing.filter((f) => f.type === type);
          const got = extra.filter((f) => f.type === type);
          if (type === 'name') {
            // Each name the reference prints, against one printed in its place.
            for (const w of want) {
              const j = got.findIndex((g) => swapped(w, g, text(reference), text(v), want.length === 1 && got.length === 1));
              if (j >= 0) diffs.push({ ...v, want: w, got: got.splice(j, 1)[0] });
            }
            continue;
          }
          // Those counting the same thing first ("29 miles", "31 miles"), then in
          // order if of a size (within a factor of 3: not "17,000", "170,000").
          const left = [];
          for (const w of want) {
            const j = got.findIndex((g) => g.noun && g.noun === w.noun);
            if (j < 0) left.push(w);
            else diffs.push({ ...v, want: w, got: got.splice(j, 1)[0] });
          }
          left.forEach((w, i) => got[i] && near(w, got[i]) && diffs.push({ ...v, want: w, got: got[i] }));
        }
      }
      if (diffs.length) out.push({ cluster: c, reference, versions: versions.length, tally, diffs });
    });
    out.sort((x, y) => y.versions - x.versions || x.cluster - y.cluster);
    return out;
  });
}

/** How a fact differs: its value, or only the approximator before it. */
function change({ want, got }) {
  if (want.value !== got.value) return `${want.type === 'money' ? 'amount' : want.type} differs`;
  return `approximator ${!got.approx ? 'dropped' : want.approx ? 'changed' : 'added'}`;
}

/** The panel: one card per group with drift, each outlet's differing facts marked. */
function renderFacts(analysis, list) {
  clear(list);
  const all = drift(analysis);
  if (!all.length) {
    list.append(el('li', { class: 'cluster' }, 'No shared sentence has outlets that disagree on a fact.'));
    return;
  }
  wd.growingList(list, all, (d) => {
    const wanted = [...new Set(d.diffs.map((x) => x.want))];
    return el('li', { class: 'cluster quote' },
      el('h3', null, `#${wd.groupNumber(analysis, d.cluster)}: `,
        wanted.map((f, i) => [i ? ', ' : '', `\u201c${f.text}\u201d (${count(d.tally.get(key(f)))} of ${plural(d.versions, 'article')})`]),
        el('span', { class: 'help' }, ` as ${nameOf(analysis.articles[d.reference.article])} prints it: \u201c${analysis.articles[d.reference.article].sentences[d.reference.sentence].text}\u201d`)),
      // One row per outlet: each fact it prints otherwise, then its sentence.
      wd.growingList(el('ul'), [...new Set(d.diffs.map((x) => x.article))], (a) => {
        const mine = d.diffs.filter((x) => x.article === a);
        return el('li', null, el('b', null, `${nameOf(analysis.articles[a])}: `),
          mine.map((x, i) => [i ? '; ' : '', el('span', { class: 'reason' }, `${change(x)}: `), el('del', null, x.want.text), ' \u2192 ', el('ins', null, x.got.text)]),
          el('div', { class: 'words' }, analysis.articles[a].sentences[mine[0].sentence].text));
      }));
  });
}

Object.assign(wd, { factsOf, drift, renderFacts });
})(window.wirediff);
