// The article list: the five samples by default, the user's own articles
// kept in localStorage. Nothing a user typed or pasted is dropped silently:
// every failure to keep it says so.
'use strict';

const STORE_KEY = 'wirediff.articles.v1';
const DRAFT_KEY = 'wirediff.draft.v1';
const PREFS_KEY = 'wirediff.prefs.v1';
/** Larger articles are refused with a message rather than freezing the tab. */
const MAX_ARTICLE_CHARS = 2000000;
const MAX_ARTICLES = 400;

function seedArticles() {
  const node = document.getElementById('seed-articles');
  try {
    return JSON.parse(node ? node.textContent : '[]');
  } catch (e) {
    return [];
  }
}

function storage() {
  try {
    return window.localStorage;
  } catch (e) {
    return null; // Storage disabled (some file:// or private modes).
  }
}

/** The stored article list, or null when none is stored or it is unreadable. */
function loadArticles() {
  const store = storage();
  const raw = store && store.getItem(STORE_KEY);
  if (!raw) return null;
  try {
    const list = JSON.parse(raw);
    if (Array.isArray(list) && list.every((a) => typeof a.name === 'string' && typeof a.text === 'string')) {
      return list;
    }
  } catch (e) {
    // Fall through: report it and keep the raw value untouched.
  }
  return { corrupt: raw.length };
}

/** Saves the list; returns an error message, or null on success. */
function saveArticles(list) {
  const store = storage();
  if (!store) return 'This browser does not let the page store anything, so your articles will not survive a reload.';
  try {
    store.setItem(STORE_KEY, JSON.stringify(list));
    return null;
  } catch (e) {
    return 'Your articles are too large for this browser\u2019s storage: they are shown now but will not survive a reload. Remove some to keep the rest.';
  }
}

/** A small JSON value kept in storage (a draft, preferences), or {}. */
function loadJson(key) {
  const store = storage();
  try {
    return JSON.parse((store && store.getItem(key)) || '{}');
  } catch (e) {
    return {};
  }
}

/**
 * Keeps a small JSON value; returns whether it was kept. Preferences are a
 * convenience; a draft that cannot be kept stays in its text box, and the
 * page says it will not survive a reload.
 */
function saveJson(key, value) {
  const store = storage();
  try {
    if (!store) return false;
    store.setItem(key, JSON.stringify(value));
    return true;
  } catch (e) {
    return false;
  }
}

const loadDraft = () => loadJson(DRAFT_KEY);
const saveDraft = (draft) => saveJson(DRAFT_KEY, draft);
const loadPrefs = () => loadJson(PREFS_KEY);
const savePrefs = (prefs) => saveJson(PREFS_KEY, prefs);

/** Why `text` cannot be an article, or null if it can. */
function articleProblem(text) {
  if (!text.trim()) return 'is empty';
  if (text.length > MAX_ARTICLE_CHARS) {
    return `is too large (${Math.round(text.length / 1e6)} million characters; the limit is ${MAX_ARTICLE_CHARS / 1e6} million)`;
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

/** Reads a dropped or chosen file as UTF-8 text, rejecting anything else. */
async function readTextFile(file) {
  if (file.size > MAX_ARTICLE_CHARS * 4) {
    throw new Error(`${file.name} is too large (${Math.round(file.size / 1e6)} MB)`);
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
