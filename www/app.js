// The page's state and events: loads the WebAssembly core, keeps the
// article list, recomputes the analysis when anything changes and renders
// the current view.
'use strict';

const core = new Core();

const state = {
  articles: [],
  /** Number of the latest analysis request; older answers are dropped. */
  request: 0,
  analysis: null,
  view: 'articles',
  /** The groups pinned, pointed at and focused (keys as in `groupKey`). */
  pinned: null,
  hovered: null,
  focused: null,
  prefs: loadPrefs(),
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

function clearErrors() {
  for (const box of $('messages').querySelectorAll('.message.error.analysis')) box.remove();
}

function options() {
  return {
    threshold: Number($('threshold').value),
    paraphrases: $('paraphrases').checked,
    diffs: false,
  };
}

/** Recomputes the analysis (in the worker) and re-renders; never throws. */
async function recompute() {
  const request = ++state.request;
  if (state.articles.length < 2) {
    clearErrors();
    state.pinned = null;
    state.analysis = null;
    renderSingle();
    return;
  }
  const started = performance.now();
  const articles = state.articles.map((a) => ({ name: a.name, text: a.text }));
  $('summary').textContent = `Comparing ${articles.length} articles…`;
  let analysis;
  try {
    analysis = await core.call('analyze', articles, options());
  } catch (e) {
    if (request !== state.request) return;
    clearErrors();
    state.analysis = null;
    const box = say(`The articles could not be compared: ${e && e.message ? e.message : e}`, 'error');
    box.classList.add('analysis');
    renderSingle();
    return;
  }
  if (request !== state.request) return; // A newer request is on its way.
  clearErrors();
  state.pinned = null;
  analysis.source = articles.map((a) => a.text);
  state.analysis = analysis;
  const took = performance.measure('wirediff:compare', { start: started }).duration;
  const a = state.analysis;
  const links = a.links.length ? ` · ${a.links.length} more ${a.links.length > 1 ? 'links' : 'link'} outside them` : '';
  $('summary').textContent = `${a.articles.length} articles · ${a.clusters.length} shared sentences${links} · compared in ${Math.max(1, Math.round(took))} ms`;
  render();
  if (!performance.getEntriesByName('wirediff:first-render').length) {
    performance.mark('wirediff:first-render');
  }
  document.body.dataset.ready = 'true';
}

/** With fewer than two usable articles: show what there is and say why. */
function renderSingle() {
  clear($('columns'));
  $('summary').textContent = '';
  for (const article of state.articles) {
    $('columns').append(el('article', { class: 'column' },
      el('header', null, el('h2', null, article.name)),
      article.text.split(/\n+/).filter((p) => p.trim()).map((p) => el('p', null, p))));
  }
  if (state.articles.length < 2) {
    const box = say(state.articles.length === 0
      ? 'There are no articles. Add at least two, or restore the five sample articles.'
      : 'Add at least one more article to compare it with.', 'error');
    box.classList.add('analysis');
  }
  document.body.dataset.ready = 'true';
}

function render() {
  const a = state.analysis;
  if (!a) return;
  const handlers = { rename: startRename, remove: removeArticle, show: showCluster };
  if (state.view === 'articles') {
    clear($('columns')).append(...a.articles.map((_, i) => renderColumn(a, i, handlers)));
    resetMarks();
    $('explain').hidden = true;
  } else if (state.view === 'clusters') {
    renderClusters(a, $('cluster-list'), handlers);
  } else if (state.view === 'diff') {
    renderDiffView();
  } else {
    renderOverlap(a, $('overlap-table'));
  }
}

function fillSelect(select, chosen) {
  clear(select).append(...state.articles.map((art, i) => el('option', { value: i }, art.name)));
  select.value = String(Math.min(chosen, state.articles.length - 1));
}

function renderDiffView() {
  const a = Number($('diff-a').value || 0);
  const b = Number($('diff-b').value || 1);
  fillSelect($('diff-a'), a);
  fillSelect($('diff-b'), b === a && state.articles.length > 1 ? (a + 1) % state.articles.length : b);
  const left = state.articles[Number($('diff-a').value)];
  const right = state.articles[Number($('diff-b').value)];
  try {
    renderDiff(wasm_bindgen.diffTexts(left.text, right.text, options()), $('diff-table'), $('diff-summary'));
  } catch (e) {
    say(`The diff could not be computed: ${e && e.message ? e.message : e}`, 'error');
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

function persist() {
  const problem = saveArticles(state.articles);
  if (problem) say(problem, 'error');
}

function addArticle(name, text) {
  const problem = articleProblem(text);
  if (problem) {
    say(`This article ${problem}, so it was not added.`, 'error');
    return false;
  }
  if (state.articles.length >= MAX_ARTICLES) {
    say(`The page compares at most ${MAX_ARTICLES} articles; remove some first.`, 'error');
    return false;
  }
  state.articles.push({ name: uniqueName(state.articles, name), text });
  persist();
  recompute();
  return true;
}

function removeArticle(index) {
  const [removed] = state.articles.splice(index, 1);
  persist();
  recompute();
  say(`Removed \u201c${removed.name}\u201d.`, 'info', [['Undo', () => {
    state.articles.splice(Math.min(index, state.articles.length), 0, removed);
    persist();
    recompute();
  }]]);
}

function startRename(index) {
  const column = document.querySelector(`.column[data-article="${index}"]`);
  const line = column && column.querySelector('.name');
  if (!line) return;
  const input = el('input', { type: 'text', value: state.articles[index].name, 'aria-label': 'New name', maxlength: 120 });
  const done = (keep) => {
    if (keep && input.value.trim()) {
      const others = state.articles.filter((_, i) => i !== index);
      state.articles[index].name = uniqueName(others, input.value);
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
  for (const seed of missing) state.articles.push({ name: uniqueName(state.articles, seed.name), text: seed.text });
  persist();
  recompute();
  say(`Restored ${missing.length} sample article${missing.length > 1 ? 's' : ''}; your own articles are kept.`);
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

function wireAdding() {
  const panel = $('add-panel');
  $('add-toggle').addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    $('add-toggle').setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) $('new-text').focus();
  });
  const draft = loadDraft();
  $('new-name').value = draft.name || '';
  $('new-text').value = draft.text || '';
  let draftWarning = null;
  const keepDraft = debounce(() => {
    const kept = saveDraft({ name: $('new-name').value, text: $('new-text').value });
    if (kept && draftWarning) {
      draftWarning.remove();
      draftWarning = null;
    } else if (!kept && !(draftWarning && draftWarning.isConnected)) {
      draftWarning = say('This text is too large for the browser\u2019s storage: it stays in the box, but a reload would lose it. Add it as an article, or keep a copy.', 'error');
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
  if (state.prefs.threshold) threshold.value = state.prefs.threshold;
  $('threshold-value').textContent = Number(threshold.value).toFixed(2);
  const later = debounce(() => {
    state.prefs.threshold = threshold.value;
    savePrefs(state.prefs);
    recompute();
  }, 120);
  threshold.addEventListener('input', () => {
    $('threshold-value').textContent = Number(threshold.value).toFixed(2);
    later();
  });
  $('paraphrases').addEventListener('change', recompute);
  const large = $('large-type');
  const setLarge = (on) => {
    document.documentElement.classList.toggle('large', on);
    large.setAttribute('aria-pressed', String(on));
    state.prefs.large = on;
    savePrefs(state.prefs);
  };
  setLarge(Boolean(state.prefs.large));
  large.addEventListener('click', () => setLarge(!state.prefs.large));
}

async function main() {
  const bytes = base64Bytes(window.WIREDIFF_WASM_BASE64);
  await core.start(bytes, window.WIREDIFF_GLUE);
  $('version').textContent = wasm_bindgen.version();
  const stored = loadArticles();
  if (stored && stored.corrupt) {
    say('The articles stored by an earlier visit could not be read, so the sample articles are shown. They are left in storage untouched until you add or change an article.', 'error');
  }
  state.articles = Array.isArray(stored) ? stored : seedArticles();
  wireTabs();
  wireColumns();
  wireAdding();
  wireControls();
  recompute();
}

window.addEventListener('error', (event) => say(`Something went wrong: ${event.message}`, 'error'));
window.addEventListener('unhandledrejection', (event) => {
  say(`Something went wrong: ${event.reason && event.reason.message ? event.reason.message : event.reason}`, 'error');
});
main().catch((e) => {
  say(`The page could not start: ${e && e.message ? e.message : e}`, 'error');
  document.body.dataset.ready = 'error';
});
