// The page's state and events: loads the WebAssembly core, keeps the
// article list, recomputes the analysis when anything changes and renders
// the current view.
'use strict';

const core = new Core();

const state = {
  articles: [],
  /** Number of the latest analysis request; older answers are dropped. */
  request: 0,
  /** The last analysis that worked; kept when a later one fails. */
  analysis: null,
  view: 'articles',
  /** The groups pinned, pointed at and focused (keys as in `groupKey`). */
  pinned: null,
  hovered: null,
  focused: null,
  prefs: {},
  /** The summary line of `analysis`. */
  summary: '',
  /** The article whose text is being edited in its column, and the text so far. */
  editing: null,
  /** The article being renamed, and the name typed so far. */
  renaming: null,
};

const $ = (id) => document.getElementById(id);

/** Shows a message; `actions` are `[label, handler]` buttons. */
function say(text, kind = 'info', actions = []) {
  const box = el('div', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, el('span', null, text));
  for (const [label, handler] of actions) {
    box.append(el('button', { type: 'button', onclick: () => { box.remove(); handler(); } }, label));
  }
  box.append(el('button', { type: 'button', 'aria-label': 'Dismiss this message', onclick: () => box.remove() }, '×'));
  const list = $('messages');
  list.append(box);
  while (list.children.length > 4) list.firstChild.remove();
  return box;
}

/** A message about the comparison itself, replaced by the next one. */
function sayAnalysis(text, actions = []) {
  clearErrors();
  say(text, 'error', actions).classList.add('analysis');
}

function clearErrors() {
  for (const box of $('messages').querySelectorAll('.message.error.analysis')) box.remove();
}

const messageOf = (e) => (e && e.message ? e.message : String(e));

function options() {
  return {
    threshold: Number($('threshold').value),
    paraphrases: $('paraphrases').checked,
    diffs: false,
  };
}

/** Whether an article has a word to compare (`hasWords` in the core), cached per text. */
const wordsCache = new WeakMap();
function hasWords(article) {
  const cached = wordsCache.get(article);
  if (cached && cached.text === article.text) return cached.words;
  const words = core.local('hasWords', article.text);
  wordsCache.set(article, { text: article.text, words });
  return words;
}

const NO_WORDS = 'Not compared: this article has no words, only punctuation, symbols or invisible characters. Edit it, or remove it.';

/**
 * Recomputes the analysis (in the worker) and re-renders; never throws.
 * Articles without words are left out and marked; a failed analysis leaves
 * the last one that worked on screen, with the controls and a message.
 */
async function recompute() {
  const request = ++state.request;
  try {
    await core.glueStarting;
  } catch (e) {
    // The page's instance could not start: `core.local` says so below.
  }
  if (request !== state.request) return;
  let usable;
  try {
    usable = state.articles.filter(hasWords);
  } catch (e) {
    sayAnalysis(`The articles could not be checked: ${messageOf(e)}.`, [['Try again', recompute]]);
    render();
    return;
  }
  const wordless = state.articles.length - usable.length;
  if (usable.length < 2) {
    state.analysis = null;
    render();
    if (state.articles.length === 0) {
      sayAnalysis('There are no articles. Add at least two, or restore the five sample articles.');
    } else if (state.articles.length === 1) {
      sayAnalysis('Add at least one more article to compare it with.');
    } else {
      sayAnalysis(`Fewer than two articles have words to compare (${plural(usable.length, 'has', 'have')} words, `
        + `${count(wordless)} ${wordless === 1 ? 'has' : 'have'} none). Add an article, or edit the ones without words.`);
    }
    return;
  }
  const started = performance.now();
  const articles = usable.map((a) => ({ name: a.name, text: a.text }));
  $('summary').textContent = `Comparing ${articles.length} articles…`;
  let analysis;
  try {
    analysis = await core.call('analyze', articles, options());
  } catch (e) {
    if (request !== state.request) return;
    const kept = state.analysis ? ' The view shows the last comparison that worked.' : '';
    sayAnalysis(`The articles could not be compared: ${messageOf(e)}.${kept}`, [['Try again', recompute]]);
    render();
    $('summary').textContent = state.analysis ? `${state.summary} (the last comparison that worked)` : '';
    return;
  }
  if (request !== state.request) return; // A newer request is on its way.
  clearErrors();
  analysis.source = articles.map((a) => a.text);
  /** The page's article for each analysed one (the list may change later). */
  analysis.members = usable;
  state.analysis = analysis;
  const took = performance.measure('wirediff:compare', { start: started }).duration;
  render();
  const links = analysis.links.length ? ` · ${analysis.links.length} more ${analysis.links.length > 1 ? 'links' : 'link'} outside them` : '';
  const left = wordless ? ` · ${count(wordless)} without words not compared` : '';
  state.summary = `${analysis.articles.length} articles · ${analysis.clusters.length} shared sentences${links}${left} · compared in ${Math.max(1, Math.round(took))} ms`;
  $('summary').textContent = state.summary;
  if (!performance.getEntriesByName('wirediff:first-render').length) {
    performance.mark('wirediff:first-render');
  }
}

/** Where `article` is in the analysis, or -1 if it is not in it (as it is now). */
function analysedIndex(analysis, article) {
  if (!analysis) return -1;
  const i = analysis.members.indexOf(article);
  return i >= 0 && analysis.source[i] === article.text ? i : -1;
}

/** `hasWords`, taking an article the core cannot check as one with words. */
function safeHasWords(article) {
  try {
    return hasWords(article);
  } catch (e) {
    return true;
  }
}

/** Why an article has no column drawn from the analysis. */
function notCompared(article) {
  const words = safeHasWords(article);
  if (!words) return NO_WORDS;
  if (state.analysis) return 'Not compared yet: the last comparison that worked did not include this article.';
  const others = state.articles.filter((x) => x !== article && safeHasWords(x)).length;
  return others ? 'Not compared: the comparison did not work (see the message above).'
    : 'Not compared: there is no other article with words to compare it with.';
}

/** Handlers for an article's controls, whatever its place in the list by then. */
function controlsFor(article) {
  const slot = () => state.articles.indexOf(article);
  const when = (f) => (...args) => { if (slot() >= 0) f(slot(), ...args); };
  return {
    rename: when((i) => startRename(i)),
    remove: when((i) => removeArticle(i)),
    edit: when(() => {
      state.editing = state.editing && state.editing.article === article ? null : { article, text: article.text };
      render();
    }),
    input: (text) => { if (state.editing && state.editing.article === article) state.editing.text = text; },
    save: when((i, text) => saveEdit(i, text)),
    cancel: () => {
      state.editing = null;
      render();
    },
  };
}

/** Every article, as a column of the analysis or, if not in it, a plain one. */
function renderColumns() {
  const a = state.analysis;
  const handlers = {
    rename: (i) => controlsFor(a.members[i]).rename(),
    remove: (i) => controlsFor(a.members[i]).remove(),
  };
  const columns = state.articles.map((article, slot) => {
    const i = analysedIndex(a, article);
    if (i >= 0) {
      const column = renderColumn(a, i, handlers);
      column.dataset.slot = slot;
      return column;
    }
    const editing = state.editing && state.editing.article === article ? state.editing.text : null;
    return renderPlainColumn(article, slot, notCompared(article), controlsFor(article), editing);
  });
  const renaming = state.renaming;
  clear($('columns')).append(...columns);
  resetMarks();
  $('explain').hidden = true;
  if (renaming && state.renaming === renaming && state.articles.includes(renaming.article)) {
    startRename(state.articles.indexOf(renaming.article), renaming.value);
  }
}

function render() {
  const a = state.analysis;
  document.body.dataset.ready = 'true';
  if (!a) $('summary').textContent = '';
  const nothing = 'Nothing is compared: at least two articles with words are needed.';
  if (state.view === 'articles') {
    renderColumns();
  } else if (state.view === 'clusters') {
    if (a) renderClusters(a, $('cluster-list'), { show: showCluster });
    else clear($('cluster-list')).append(el('li', { class: 'cluster' }, nothing));
  } else if (state.view === 'diff') {
    renderDiffView();
  } else if (a) {
    renderOverlap(a, $('overlap-table'));
  } else {
    clear($('overlap-table')).append(el('p', null, nothing));
  }
}

function fillSelect(select, chosen) {
  clear(select).append(...state.articles.map((art, i) => el('option', { value: i }, art.name)));
  select.value = String(Math.max(0, Math.min(chosen, state.articles.length - 1)));
}

function renderDiffView() {
  const a = Number($('diff-a').value || 0);
  const b = Number($('diff-b').value || 1);
  fillSelect($('diff-a'), a);
  fillSelect($('diff-b'), b === a && state.articles.length > 1 ? (a + 1) % state.articles.length : b);
  const left = state.articles[Number($('diff-a').value)];
  const right = state.articles[Number($('diff-b').value)];
  if (!left || !right) {
    clear($('diff-table'));
    $('diff-summary').textContent = 'Add two articles to compare them.';
    return;
  }
  try {
    renderDiff(core.local('diffTexts', left.text, right.text, options()), $('diff-table'), $('diff-summary'));
  } catch (e) {
    // Never leave another pair's diff under this selection.
    clear($('diff-table'));
    $('diff-summary').textContent = `No diff of \u201c${left.name}\u201d and \u201c${right.name}\u201d: it could not be computed.`;
    say(`The diff could not be computed: ${messageOf(e)}.`, 'error', [['Try again', renderDiffView]]);
  }
}

// ----- Highlighting shared sentences -----------------------------------

// A group is lit while it is pinned, pointed at or focused: its own
// sentences get `lit` (and `pinned` for the pinned group), the sentences it
// is linked to outside it get `related`. Lookups are cached per rendering,
// so hovering stays instant with thousands of sentences and links.
const marks = { lit: new Set(), related: new Set(), pinned: new Set() };
const lookups = { spans: null, mates: new Map(), related: new Map() };

/** Forgets the marks and lookups of the previous rendering of the columns. */
function resetMarks() {
  state.pinned = null;
  state.hovered = null;
  state.focused = null;
  for (const kind of Object.keys(marks)) marks[kind] = new Set();
  lookups.spans = null;
  lookups.mates.clear();
  lookups.related.clear();
}

function spanOf(a, s) {
  if (!lookups.spans) {
    lookups.spans = new Map();
    for (const span of $('columns').querySelectorAll('.s.shared[data-group]')) {
      lookups.spans.set(`${span.dataset.article}-${span.dataset.sentence}`, span);
    }
  }
  return lookups.spans.get(`${a}-${s}`);
}

function cached(map, key, compute) {
  if (!map.has(key)) map.set(key, compute());
  return map.get(key);
}

/** The spans of group `key` (a cluster, or one linked sentence). */
function mates(key) {
  return cached(lookups.mates, key, () => groupSentences(state.analysis, key)
    .map(([a, s]) => spanOf(a, s)).filter(Boolean));
}

/** The spans of the sentences outside group `key` that it is linked to. */
function related(key) {
  return cached(lookups.related, key, () => [...new Set(groupLinks(state.analysis, key)
    .map(({ outside }) => spanOf(outside.article, outside.sentence)).filter(Boolean))]);
}

/** Brings the marks in line with the pinned, pointed-at and focused groups. */
function refreshMarks() {
  const want = { lit: new Set(), related: new Set(), pinned: new Set() };
  for (const key of new Set([state.pinned, state.hovered, state.focused])) {
    if (key === null) continue;
    for (const span of mates(key)) want.lit.add(span);
    for (const span of related(key)) want.related.add(span);
  }
  if (state.pinned !== null) for (const span of mates(state.pinned)) want.pinned.add(span);
  for (const kind of Object.keys(marks)) {
    for (const span of marks[kind]) {
      if (want[kind].has(span)) continue;
      span.classList.remove(kind);
      if (kind === 'pinned') span.setAttribute('aria-pressed', 'false');
    }
    for (const span of want[kind]) {
      if (marks[kind].has(span)) continue;
      span.classList.add(kind);
      if (kind === 'pinned') span.setAttribute('aria-pressed', 'true');
    }
    marks[kind] = want[kind];
  }
}

/**
 * Scrolls every column but `from`'s to group `key`'s copy in it, else to a
 * sentence linked to the group; the pointed-at column stays still so that
 * the text under the pointer does not move.
 */
function bringIntoView(key, from) {
  const scrolled = new Set([from.closest('.column')]);
  for (const span of [...mates(key), ...related(key)]) {
    const column = span.closest('.column');
    if (scrolled.has(column)) continue;
    scrolled.add(column);
    // Just below the column's heading while it is sticky.
    const heading = column.querySelector('header');
    const sticky = heading && getComputedStyle(heading).position === 'sticky';
    const top = span.offsetTop - (sticky ? heading.offsetHeight : 0) - 12;
    const motion = matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
    column.scrollTo({ top: Math.max(0, top), behavior: motion });
  }
}

/**
 * Pins group `key`, or unpins it if it is pinned already (`toggle`); null
 * unpins. `from` is the sentence chosen, if any.
 */
function pin(key, from, toggle = true) {
  const next = key === state.pinned && toggle ? null : key;
  state.pinned = next;
  refreshMarks();
  if (next === null) {
    $('explain').hidden = true;
    $('explain-status').textContent = 'Unpinned.';
    return;
  }
  const explanation = renderExplanation(state.analysis, next);
  clear($('explain')).append(...explanation);
  $('explain').hidden = false;
  // Screen readers hear the heading and the size, not every list item.
  const links = groupLinks(state.analysis, next).length;
  $('explain-status').textContent = `Pinned. ${explanation[0].textContent}.`
    + (links ? ` ${links} linked ${links > 1 ? 'sentences' : 'sentence'} outside it.` : '');
  // The explanation takes room from the columns: bring the copies back into view.
  if (from) bringIntoView(next, from);
}

function sentenceOf(event) {
  const span = event.target.closest && event.target.closest('.s.shared[data-group]');
  return span && $('columns').contains(span) ? span : null;
}

function wireColumns() {
  const columns = $('columns');
  const point = (field) => (event) => {
    const span = sentenceOf(event);
    const key = span ? span.dataset.group : null;
    if (key === state[field]) return;
    state[field] = key;
    refreshMarks();
    if (span) bringIntoView(key, span);
  };
  const leave = (field) => (event) => {
    const span = sentenceOf(event);
    // Moving onto the sentence's own badge or underline is not leaving it.
    if (!span || span.contains(event.relatedTarget)) return;
    state[field] = null;
    refreshMarks();
  };
  columns.addEventListener('mouseover', point('hovered'));
  columns.addEventListener('mouseout', leave('hovered'));
  columns.addEventListener('focusin', point('focused'));
  columns.addEventListener('focusout', leave('focused'));
  columns.addEventListener('click', (event) => {
    const span = sentenceOf(event);
    if (span) pin(span.dataset.group, span);
  });
  columns.addEventListener('keydown', (event) => {
    const span = sentenceOf(event);
    if (span && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      pin(span.dataset.group, span);
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state.pinned !== null) pin(null);
  });
}

function showCluster(c) {
  selectView('articles');
  const key = `c${c}`;
  const first = mates(key)[0];
  if (first) {
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
  }
  pin(key, first, false);
}

// ----- Views -------------------------------------------------------------

const VIEWS = ['articles', 'clusters', 'diff', 'overlap'];

function selectView(view) {
  state.view = view;
  for (const v of VIEWS) {
    const tab = $(`tab-${v}`);
    tab.setAttribute('aria-selected', String(v === view));
    tab.tabIndex = v === view ? 0 : -1;
    $(`view-${v}`).hidden = v !== view;
  }
  render();
}

function wireTabs() {
  for (const v of VIEWS) {
    $(`tab-${v}`).addEventListener('click', () => selectView(v));
    $(`tab-${v}`).addEventListener('keydown', (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      const next = VIEWS[(VIEWS.indexOf(v) + step + VIEWS.length) % VIEWS.length];
      selectView(next);
      $(`tab-${next}`).focus();
    });
  }
  $('diff-a').addEventListener('change', renderDiffView);
  $('diff-b').addEventListener('change', renderDiffView);
}

// ----- The article list ----------------------------------------------------

/** Keeps the list; a failure is said once until the next save that works. */
let persistWarning = null;
function persist() {
  const problem = saveArticles(state.articles);
  if (persistWarning) persistWarning.remove();
  persistWarning = problem ? say(problem, 'error') : null;
}

function addArticle(name, text) {
  const problem = articleProblem(text);
  if (problem) {
    say(`This article ${problem}, so it was not added.`, 'error');
    return false;
  }
  if (state.articles.length >= MAX_ARTICLES) {
    say(`The page compares at most ${count(MAX_ARTICLES)} articles; remove some first.`, 'error');
    return false;
  }
  state.articles.push({ name: uniqueName(state.articles, name), text });
  persist();
  recompute();
  return true;
}

function removeArticle(index) {
  const [removed] = state.articles.splice(index, 1);
  if (state.editing && state.editing.article === removed) state.editing = null;
  persist();
  recompute();
  say(`Removed \u201c${removed.name}\u201d.`, 'info', [['Undo', () => {
    state.articles.splice(Math.min(index, state.articles.length), 0, removed);
    persist();
    recompute();
  }]]);
}

/** Replaces an article's text with the edited one, unless the Add box would refuse it. */
function saveEdit(index, text) {
  const problem = articleProblem(text);
  if (problem) {
    // The edit stays open with the text as typed.
    say(`The edited text ${problem}, so it was not saved.`, 'error');
    return;
  }
  const edited = { name: state.articles[index].name, text };
  state.articles[index] = edited;
  state.editing = null;
  persist();
  recompute();
  render();
}

function startRename(index, typed = null) {
  const column = document.querySelector(`.column[data-slot="${index}"]`);
  const line = column && column.querySelector('.name');
  if (!line) return;
  const article = state.articles[index];
  const input = el('input', { type: 'text', value: typed === null ? article.name : typed, 'aria-label': 'New name', maxlength: 120 });
  // A re-rendering of the columns opens the box again with what was typed.
  state.renaming = { article, value: input.value };
  input.addEventListener('input', () => { if (state.renaming) state.renaming.value = input.value; });
  let finished = false;
  const done = (keep) => {
    if (finished) return;
    finished = true;
    state.renaming = null;
    const at = state.articles.indexOf(article);
    if (keep && at >= 0 && input.value.trim()) {
      const others = state.articles.filter((_, i) => i !== at);
      article.name = uniqueName(others, input.value);
      persist();
    }
    recompute();
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') done(true);
    if (event.key === 'Escape') done(false);
  });
  input.addEventListener('blur', () => done(true), { once: true });
  line.replaceChildren(input);
  input.focus();
  input.select();
}

function restoreSamples() {
  const seeds = seedArticles();
  const missing = seeds.filter((s) => !state.articles.some((a) => a.text === s.text));
  if (!missing.length) {
    say('The five sample articles are already here.');
    return;
  }
  const room = MAX_ARTICLES - state.articles.length;
  if (room < missing.length) {
    say(`The page compares at most ${count(MAX_ARTICLES)} articles: remove ${plural(missing.length - room, 'article')} to restore the samples.`, 'error');
    return;
  }
  for (const seed of missing) state.articles.push({ name: uniqueName(state.articles, seed.name), text: seed.text });
  persist();
  recompute();
  say(`Restored ${missing.length} sample article${missing.length > 1 ? 's' : ''}; your own articles are kept.`);
}

/** Asks first, then removes every key the page keeps and shows the samples. */
function askToForget() {
  const n = state.articles.length;
  say(`Forget everything this page keeps in the browser\u2019s storage: the ${plural(n, 'article')} shown, the draft, the preferences and anything set aside? The five sample articles will be shown. Text in the Add box stays there.`,
    'info', [['Forget them', forget], ['Keep them', () => {}]]);
}

function forget() {
  const removed = forgetStored();
  state.articles = seedArticles();
  state.editing = null;
  if (persistWarning) persistWarning.remove();
  recompute();
  say(`Forgot ${plural(removed, 'stored value')}: nothing of yours is kept in this browser now. The sample articles are shown (not stored until you change them).`);
}

async function addFiles(files) {
  for (const file of files) {
    try {
      addArticle(file.name, await readTextFile(file));
    } catch (e) {
      say(`${e.message}, so it was not added.`, 'error');
    }
  }
}

function wireAdding(draft) {
  const panel = $('add-panel');
  $('add-toggle').addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    $('add-toggle').setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) $('new-text').focus();
  });
  $('new-name').value = draft.name;
  $('new-text').value = draft.text;
  let draftWarning = null;
  const keepDraft = debounce(() => {
    const problem = saveDraft({ name: $('new-name').value, text: $('new-text').value });
    if (draftWarning && (!problem || draftWarning.dataset.problem !== problem)) {
      draftWarning.remove();
      draftWarning = null;
    }
    if (problem && !(draftWarning && draftWarning.isConnected)) {
      draftWarning = say(problem, 'error');
      draftWarning.dataset.problem = problem;
    }
  }, 300);
  $('new-name').addEventListener('input', keepDraft);
  $('new-text').addEventListener('input', keepDraft);
  $('add-article').addEventListener('click', () => {
    if (addArticle($('new-name').value, $('new-text').value)) {
      $('new-name').value = '';
      $('new-text').value = '';
      saveDraft({});
      say('Article added as a new column.');
    }
  });
  $('add-files').addEventListener('change', (event) => {
    addFiles([...event.target.files]);
    event.target.value = '';
  });
  $('restore-samples').addEventListener('click', restoreSamples);
  $('forget-stored').addEventListener('click', askToForget);
  let depth = 0;
  document.addEventListener('dragenter', (event) => {
    if ([...event.dataTransfer.types].includes('Files')) {
      depth++;
      document.body.classList.add('dragging');
    }
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (!depth) document.body.classList.remove('dragging');
  });
  document.addEventListener('dragover', (event) => event.preventDefault());
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    document.body.classList.remove('dragging');
    addFiles([...event.dataTransfer.files]);
  });
}

function wireControls() {
  const threshold = $('threshold');
  if (state.prefs.threshold !== undefined) threshold.value = String(state.prefs.threshold);
  $('threshold-value').textContent = Number(threshold.value).toFixed(2);
  const later = debounce(() => {
    state.prefs.threshold = Number(threshold.value);
    savePrefs(state.prefs);
    recompute();
  }, 120);
  threshold.addEventListener('input', () => {
    $('threshold-value').textContent = Number(threshold.value).toFixed(2);
    later();
  });
  $('paraphrases').addEventListener('change', recompute);
  const large = $('large-type');
  const setLarge = (on, save = true) => {
    document.documentElement.classList.toggle('large', on);
    large.setAttribute('aria-pressed', String(on));
    state.prefs.large = on;
    if (save) savePrefs(state.prefs);
  };
  setLarge(Boolean(state.prefs.large), false);
  large.addEventListener('click', () => setLarge(!state.prefs.large));
}

/**
 * Starts the page. Stored values are checked before anything uses them, and
 * the controls work before the core has started, so that nothing stored and
 * no failure of the core can keep the page from starting.
 */
async function main() {
  const articles = loadStored('articles');
  const draft = loadStored('draft');
  const prefs = loadStored('prefs');
  state.prefs = prefs.value;
  state.articles = articles.value || seedArticles();
  wireTabs();
  wireColumns();
  wireAdding(draft.value);
  wireControls();
  for (const found of [articles, draft, prefs]) if (found.message) say(found.message, 'error');
  try {
    const bytes = base64Bytes(window.WIREDIFF_WASM_BASE64);
    await core.start(bytes, window.WIREDIFF_GLUE);
  } catch (e) {
    render();
    sayAnalysis(`The comparison engine could not start (${messageOf(e)}): your articles are shown, but not compared.`);
    return;
  }
  try {
    $('version').textContent = core.local('version');
  } catch (e) {
    $('version').textContent = '';
  }
  recompute();
}

window.addEventListener('error', (event) => say(`Something went wrong: ${event.message}`, 'error'));
window.addEventListener('unhandledrejection', (event) => {
  say(`Something went wrong: ${messageOf(event.reason)}`, 'error');
});
main().catch((e) => {
  say(`The page could not start: ${messageOf(e)}`, 'error');
  document.body.dataset.ready = 'error';
});
