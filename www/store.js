// What the page keeps in localStorage: the user's articles, the draft in
// the Add box and the preferences. Every page opened from a local file
// (file://) shares this storage, so anything read back may have been
// written by another page: each key is described once in STORED below and
// every value is checked against it on load. A value that fails is set
// aside (moved to a "set aside" key, or left untouched if it cannot be
// moved), never used and never thrown on, and the page says why. Nothing a
// user typed or pasted is dropped silently: every failure to keep it says so.
(function (wd) {
'use strict';

/** Larger articles are refused with a message rather than freezing the tab. */
const MAX_ARTICLE_CHARS = 2000000;
const MAX_ARTICLES = 1000;
/** Longest article name kept (a file's name can be long; typed ones are 120). */
const MAX_NAME_CHARS = 1000;
/** A draft may be larger than an article: adding it then says why it cannot be. */
const MAX_DRAFT_CHARS = 2 * MAX_ARTICLE_CHARS;
/** Every key the page writes starts with this. */
const KEY_PREFIX = 'wirediff.';
/** Values that failed the schema are moved under this prefix, never read. */
const ASIDE_PREFIX = 'wirediff.set-aside.v1/';

/** A count with thousands separators: 2,000,001 (one formatter: making one is slow). */
const COUNT_FORMAT = new Intl.NumberFormat('en-US');
function count(n) {
  return COUNT_FORMAT.format(Number(n));
}

function plural(n, one, many = `${one}s`) {
  return `${count(n)} ${n === 1 ? one : many}`;
}

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a JSON value is, for messages: "null", "a number", "a list"… */
function kindOf(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return { string: 'a string', number: 'a number', boolean: 'true or false', object: 'an object' }[typeof v] || typeof v;
}

/** Why `text` cannot be an article, or null if it can. */
function articleProblem(text) {
  if (!text.trim()) return 'is empty';
  if (text.length > MAX_ARTICLE_CHARS) {
    return `is too large (${count(text.length)} characters; the limit is ${count(MAX_ARTICLE_CHARS)})`;
  }
  if (text.includes('\u0000')) return 'looks like a binary file, not text';
  let control = 0;
  for (let i = 0; i < Math.min(text.length, 4096); i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++;
  }
  if (control > 8) return 'looks like a binary file, not text';
  return null;
}

/** Most paragraph marks of one kind kept for one article. */
const MAX_MARKS = 10000;

/**
 * The parts a reader can give an article's paragraphs, each an optional list
 * of paragraph numbers on the article (`story`: included; `aside`: set
 * aside; then the headline, bylines and date lines), as the core reads them.
 */
const MARK_KEYS = ['story', 'aside', 'headline', 'byline', 'date'];

/** Whether an article's `key` marks are a list of paragraph numbers. */
function marksOk(item, key) {
  const m = item[key];
  return Array.isArray(m) && m.length <= MAX_MARKS && m.every((p) => Number.isInteger(p) && p >= 0 && p < 1e7);
}

/**
 * The stored article list: an array of `{name, text}` (with the reader's
 * paragraph marks, MARK_KEYS, when there are any), each as the Add box
 * would accept it, at most MAX_ARTICLES. Entries that fail are set aside one
 * by one; the rest load.
 */
function checkArticles(value) {
  if (!Array.isArray(value)) return { error: `${kindOf(value)} instead of a list of articles` };
  const kept = [];
  const rejected = [];
  for (const item of value) {
    let why = null;
    if (!isObject(item) || typeof item.name !== 'string' || typeof item.text !== 'string') {
      why = 'is not an article (a name and a text)';
    } else if (!item.name.trim() || item.name.length > MAX_NAME_CHARS) {
      why = `has no name or a name longer than ${count(MAX_NAME_CHARS)} characters`;
    } else {
      const problem = articleProblem(item.text);
      if (problem) why = problem;
      else if (kept.length >= MAX_ARTICLES) why = `is over the limit of ${count(MAX_ARTICLES)} articles`;
    }
    if (why) rejected.push({ item, why });
    // Marks that are not lists of paragraph numbers are dropped, the article kept.
    else {
      const article = { name: item.name, text: item.text };
      for (const key of MARK_KEYS) if (marksOk(item, key) && item[key].length) article[key] = item[key].slice();
      kept.push(article);
    }
  }
  return { value: kept, rejected };
}

/** The draft in the Add box: `{name, text}`, both strings, either may be absent. */
function checkDraft(value) {
  if (!isObject(value)) return { error: `${kindOf(value)} instead of a name and a text` };
  const { name = '', text = '' } = value;
  if (typeof name !== 'string' || typeof text !== 'string') return { error: 'a name or text that is not text' };
  if (name.length > MAX_NAME_CHARS) return { error: `a name of ${count(name.length)} characters; the limit is ${count(MAX_NAME_CHARS)}` };
  if (text.length > MAX_DRAFT_CHARS) return { error: `${count(text.length)} characters; the limit is ${count(MAX_DRAFT_CHARS)}` };
  return { value: { name, text } };
}

/** The slider's range: a stored threshold outside it is not the page's. */
const THRESHOLD_RANGE = [0.3, 0.95];

const isCount = (n, most) => Number.isInteger(n) && n >= 0 && n < most;

/**
 * The page's settings and where the reader is, each checked as it is read:
 * what is wrong, or null.
 */
const PREFS = {
  // Earlier versions kept the slider's value as a string (read as a number).
  threshold: (t) => (typeof t === 'number' && t >= THRESHOLD_RANGE[0] && t <= THRESHOLD_RANGE[1]
    ? null : `a threshold that is not a number from ${THRESHOLD_RANGE[0]} to ${THRESHOLD_RANGE[1]}`),
  // Switches: link rewrites, large type, only what each added, colour by
  // reach, the common source's column.
  ...Object.fromEntries(['paraphrases', 'large', 'added', 'reach', 'source'].map((k) => [k, (v) => (typeof v === 'boolean' ? null : `a ${k} setting that is not true or false`)])),
  // The open view (a tab's name), the pinned group's number, the articles
  // side by side (places in the list) and the diff's pair and switches.
  view: (v) => (typeof v === 'string' && /^[a-z]{1,20}$/.test(v) ? null : 'a view that is not a tab\u2019s name'),
  pinned: (n) => (isCount(n, 1e7) ? null : 'a pinned group that is not a group number'),
  side: (v) => (Array.isArray(v) && v.length <= MAX_ARTICLES && v.every((i) => isCount(i, MAX_ARTICLES)) ? null : 'articles side by side that are not places in the list'),
  // The groups' numbers: one sentence of each, [number, article, sentence].
  groups: (v) => (Array.isArray(v) && v.length <= 1e6 && v.every((g) => Array.isArray(g) && g.length === 3 && g.every((n) => isCount(n, 1e7)))
    ? null : 'group numbers that are not lists of three numbers'),
  diff: (d) => (isObject(d) && (d.a === 'source' || isCount(d.a, MAX_ARTICLES)) && isCount(d.b, MAX_ARTICLES)
    && typeof d.ignoreCase === 'boolean' && typeof d.ignorePunctuation === 'boolean' ? null : 'a diff that is not two places in the list and two switches'),
};

/** Preferences (PREFS), each optional; a value that fails sets them all aside. */
function checkPrefs(value) {
  if (!isObject(value)) return { error: `${kindOf(value)} instead of a set of preferences` };
  const prefs = {};
  for (const [key, check] of Object.entries(PREFS)) {
    let v = value[key];
    if (v === undefined) continue;
    if (key === 'threshold' && typeof v === 'string' && v.trim()) v = Number(v);
    const why = check(v);
    if (why) return { error: why };
    prefs[key] = v;
  }
  return { value: prefs };
}

/** The version of a comparison's state (a link, a saved file). */
const STATE_VERSION = 1;

/**
 * A whole comparison as a link or a saved file carries it: `{wirediff: 1,
 * articles, prefs}`, checked as the stored values are, but whole: one
 * article that fails fails it all (a link is someone else's comparison,
 * not to be shown in part).
 */
function checkState(value) {
  if (!isObject(value) || value.wirediff === undefined) return { error: `${kindOf(value)} instead of a comparison` };
  if (value.wirediff !== STATE_VERSION) return { error: `a comparison of another version of wirediff (${String(value.wirediff).slice(0, 20)})` };
  const articles = checkArticles(value.articles);
  if (articles.error) return articles;
  if (articles.rejected.length) return { error: `an article that ${articles.rejected[0].why}` };
  if (articles.value.length < 1) return { error: 'no article' };
  const prefs = checkPrefs(value.prefs === undefined ? {} : value.prefs);
  if (prefs.error) return prefs;
  return { value: { articles: articles.value, prefs: prefs.value } };
}

/**
 * Every key the page keeps, with what it holds (for messages), its schema
 * and the value used when nothing valid is stored. Keys are versioned: a
 * change of format takes a new key.
 */
const STORED = {
  articles: {
    key: 'wirediff.articles.v1', check: checkArticles, empty: null,
    what: 'The articles stored by an earlier visit', instead: 'the sample articles are shown',
  },
  draft: {
    key: 'wirediff.draft.v1', check: checkDraft, empty: { name: '', text: '' },
    what: 'The draft kept from the Add box', instead: 'the box starts empty',
  },
  prefs: {
    key: 'wirediff.prefs.v1', check: checkPrefs, empty: {},
    what: 'The stored preferences', instead: 'the defaults are used',
  },
  // The reader's own articles, kept when a link or a saved page showed another comparison.
  before: {
    key: 'wirediff.before-shared.v1', check: checkArticles, empty: null,
    what: 'Your articles kept from before a shared comparison', instead: 'they cannot be brought back',
  },
};

/** Keeps the reader's own articles aside while a shared comparison is shown; whether it could. */
function keepBefore(list) {
  return keep(STORED.before.key, list) === null;
}

function storage() {
  try {
    return window.localStorage;
  } catch (e) {
    return null; // Storage disabled (some file:// or private modes).
  }
}

/**
 * Moves `key`'s value out of the way: `aside` (a string) goes under a new
 * set-aside key and `keep` (a string, or null) stays under `key`. Frees the
 * old value first so that the move needs no extra room; on any failure the
 * old value is put back. Returns whether it was moved.
 */
function setAside(store, key, raw, aside, keep) {
  const asideKey = `${ASIDE_PREFIX}${key}/${new Date().toISOString()}`;
  try {
    store.removeItem(key);
    store.setItem(asideKey, aside);
    if (keep !== null) store.setItem(key, keep);
    return true;
  } catch (e) {
    try {
      store.removeItem(asideKey);
      store.setItem(key, raw);
    } catch (e2) {
      // Nothing more can be done; the message below still tells the user.
    }
    return false;
  }
}

/**
 * Reads and checks one stored value (`STORED[name]`). Returns `{value,
 * message}`: the valid value (or the entry's `empty` one) and, if anything
 * was set aside, why. Never throws.
 */
function loadStored(name) {
  const entry = STORED[name];
  const store = storage();
  let raw = null;
  try {
    raw = store && store.getItem(entry.key);
  } catch (e) {
    return { value: entry.empty, message: `${entry.what} could not be read (${e.message}).` };
  }
  if (raw === null || raw === undefined) return { value: entry.empty, message: null };
  let checked;
  try {
    checked = entry.check(JSON.parse(raw));
  } catch (e) {
    checked = { error: e instanceof SyntaxError ? 'not valid JSON' : `unreadable: ${e.message}` };
  }
  if (checked.error) {
    const moved = setAside(store, entry.key, raw, raw, null);
    const where = moved
      ? 'The value was set aside in this browser\u2019s storage (kept, never used).'
      : 'The value is left in storage untouched and unused until the page next saves over it.';
    return { value: entry.empty, message: `${entry.what} could not be used (${checked.error}), so ${entry.instead}. ${where}` };
  }
  const rejected = checked.rejected || [];
  if (!rejected.length) return { value: checked.value, message: null };
  const kept = checked.value;
  const moved = setAside(store, entry.key, raw, JSON.stringify(rejected.map((r) => r.item)),
    kept.length ? JSON.stringify(kept) : null);
  const rest = kept.length
    ? `The other ${plural(kept.length, 'article')} ${kept.length === 1 ? 'is' : 'are'} shown.`
    : 'The sample articles are shown.';
  const where = moved
    ? `${rejected.length === 1 ? 'It was' : 'They were'} set aside in this browser\u2019s storage (kept, never used).`
    : `${rejected.length === 1 ? 'It is' : 'They are'} left in storage, unused, until the article list next changes.`;
  return {
    value: kept.length ? kept : null,
    message: `${plural(rejected.length, 'stored article was', 'stored articles were')} not loaded: ${summariseRejected(rejected)}. ${rest} ${where}`,
  };
}

/** "100 are over the limit of 400 articles; “big” is too large (…)" */
function summariseRejected(rejected) {
  const byWhy = new Map();
  for (const r of rejected) {
    if (!byWhy.has(r.why)) byWhy.set(r.why, []);
    byWhy.get(r.why).push(r.item);
  }
  const name = (item) => (isObject(item) && typeof item.name === 'string' && item.name.trim()
    ? `\u201c${item.name.length > 60 ? `${item.name.slice(0, 60)}\u2026` : item.name}\u201d` : 'one');
  return [...byWhy].map(([why, items]) => (items.length === 1
    ? `${name(items[0])} ${why}`
    : `${count(items.length)} ${why.replace(/^is\b/, 'are').replace(/^has\b/, 'have').replace(/^looks\b/, 'look')}`)).join('; ');
}

/** Why a value could not be kept: `{kind, message}`, kind one of unavailable, full, large, error. */
function whyNotKept(store, key, json, e) {
  if (!store) return { kind: 'unavailable' };
  const quota = e && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014);
  if (!quota) return { kind: 'error', detail: e && e.message ? e.message : String(e) };
  // Storage is shared by every local page: tell "the rest of storage is
  // full" from "this value alone is too large" by how much else is stored.
  let others = 0;
  try {
    for (let i = 0; i < store.length; i++) {
      const k = store.key(i);
      if (k === null || k === key) continue;
      others += k.length + (store.getItem(k) || '').length;
    }
  } catch (e2) {
    others = 0;
  }
  const size = key.length + json.length;
  return { kind: others >= size || size < 1000000 ? 'full' : 'large', size, others };
}

/** Stores `value` under `key` as JSON; returns null, or why it was not kept. */
function keep(key, value) {
  const store = storage();
  const json = JSON.stringify(value);
  try {
    if (!store) return whyNotKept(store, key, json, null);
    store.setItem(key, json);
    return null;
  } catch (e) {
    return whyNotKept(store, key, json, e);
  }
}

/** Saves the list; returns an error message, or null on success. */
function saveArticles(list) {
  const why = keep(STORED.articles.key, list);
  if (!why) return null;
  const lost = 'they are shown now but will not survive a reload';
  if (why.kind === 'unavailable') return 'This browser does not let the page store anything, so your articles will not survive a reload.';
  if (why.kind === 'full') {
    return `The browser\u2019s storage is full (other data in it take ${count(why.others)} characters), so your articles could not be saved: ${lost}. Pages opened from local files share this storage.`;
  }
  if (why.kind === 'large') {
    return `Your articles (${count(why.size)} characters in all) are too large for this browser\u2019s storage: ${lost}. Remove some to keep the rest.`;
  }
  return `Your articles could not be saved (${why.detail}): ${lost}.`;
}

/**
 * Keeps the draft; returns null, or a message saying why it was not kept
 * (it stays in its text box, but a reload would lose it).
 */
function saveDraft(draft) {
  const stays = 'it stays in the box, but a reload would lose it. Add it as an article, or keep a copy.';
  // What the schema would set aside on load is not kept in the first place.
  if (draft.text && draft.text.length > MAX_DRAFT_CHARS) {
    return `This text (${count(draft.text.length)} characters) is too large to keep as a draft (the limit is ${count(MAX_DRAFT_CHARS)}): ${stays}`;
  }
  const why = keep(STORED.draft.key, draft);
  if (!why) return null;
  if (why.kind === 'unavailable') return `This browser does not let the page store your draft: ${stays}`;
  if (why.kind === 'full') {
    return `The browser\u2019s storage is full (other data in it take ${count(why.others)} characters), so your draft is not kept: ${stays}`;
  }
  if (why.kind === 'large') return `This text (${count(why.size)} characters) is too large for the browser\u2019s storage: ${stays}`;
  return `Your draft could not be kept (${why.detail}): ${stays}`;
}

/** Preferences are a convenience: failing to keep them is not reported. */
function savePrefs(prefs) {
  return keep(STORED.prefs.key, prefs) === null;
}

/** The page's own keys in storage (articles, draft, preferences, set aside). */
function storedKeys() {
  const store = storage();
  const keys = [];
  try {
    for (let i = 0; store && i < store.length; i++) {
      const k = store.key(i);
      if (k !== null && k.startsWith(KEY_PREFIX)) keys.push(k);
    }
  } catch (e) {
    // Nothing readable, nothing to list.
  }
  return keys;
}

/** Removes the page's keys (and no other page's); returns how many went. */
function forgetStored() {
  const store = storage();
  const keys = storedKeys();
  for (const k of keys) {
    try {
      store.removeItem(k);
    } catch (e) {
      // Removing cannot fail for lack of room; ignore anything else.
    }
  }
  return keys.length;
}

function seedArticles() {
  const node = document.getElementById('seed-articles');
  try {
    const seeds = JSON.parse(node ? node.textContent : '[]');
    return Array.isArray(seeds) ? seeds : [];
  } catch (e) {
    return [];
  }
}

/** Reads a dropped or chosen file as UTF-8 text, rejecting anything else. */
async function readTextFile(file) {
  // UTF-8 takes at most four bytes a character.
  if (file.size > MAX_ARTICLE_CHARS * 4) {
    throw new Error(`${file.name} is too large (${count(file.size)} bytes; an article may have at most ${count(MAX_ARTICLE_CHARS)} characters)`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    throw new Error(`${file.name} is not UTF-8 text`);
  }
  const problem = articleProblem(text);
  if (problem) throw new Error(`${file.name} ${problem}`);
  return text;
}

/** A name not yet used in `list`, based on `wanted`. */
function uniqueName(list, wanted) {
  const base = wanted.trim() || 'Untitled article';
  let name = base;
  for (let n = 2; list.some((a) => a.name === name); n++) name = `${base} (${n})`;
  return name;
}

Object.assign(wd, {
  MAX_ARTICLE_CHARS, MAX_ARTICLES, MARK_KEYS, STATE_VERSION, checkState, keepBefore, count, plural, articleProblem, loadStored, saveArticles, saveDraft, savePrefs,
  forgetStored, seedArticles, readTextFile, uniqueName,
});
})(window.wirediff);
