// The page's state and events: loads the WebAssembly core, keeps the
// article list, recomputes the analysis when anything changes (one at a
// time: a new one cancels the one running) and renders the current view.
(function (wd) {
'use strict';

const {
  el, clear, debounce, count, plural, Core, isCancel, MAX_ARTICLES, MARK_KEYS, articleProblem, loadStored, saveArticles,
  saveDraft, savePrefs, forgetStored, seedArticles, readTextFile, uniqueName, keepBefore,
} = wd;

const core = new Core();

/** At most this many articles stand side by side; more are in the overview. */
const MAX_SIDE = 8;
/** Side by side at first when there are more than MAX_SIDE articles. */
const DEFAULT_SIDE = 3;

const state = {
  articles: [],
  /** The articles shown side by side (objects of `articles`). */
  side: new Set(),
  /** Number of the latest analysis request; older answers are dropped. */
  request: 0,
  /** The last analysis that worked, as the core returned it; kept when a later one fails. Never written to. */
  analysis: null,
  /** What that analysis was made of: the page's article and its text for each analysed one. */
  compared: null,
  /** Each shared sentence (article name and text) to its group's number, from the last comparison. */
  numbered: null,
  /** The work running (reading files or comparing): `{ kind, controller, what }`, or null. */
  job: null,
  /** What each view shows besides the analysis: sort, page, search, open clusters. */
  ui: {
    list: { sort: 'order', dir: 1, page: 0, filter: '' },
    clusters: { page: 0, query: '', allOpen: true, open: new Set() },
    overlap: { top: 25, order: 'similarity' },
  },
  view: 'articles',
  /** The groups pinned, pointed at and focused (keys as in `groupKey`). */
  pinned: null,
  /** The sentence last chosen (pinned), and whether "Compare with…" waits for another to compare it with. */
  chosen: null,
  picking: false,
  hovered: null,
  focused: null,
  prefs: {},
  /** The message of what the last threshold change did (linksMoved). */
  movedNote: null,
  /** The summary line of `analysis`. */
  summary: '',
  /** The article whose text is being edited in its column, and the text so far. */
  editing: null,
  /** The article being renamed, and the name typed so far. */
  renaming: null,
};

const $ = (id) => document.getElementById(id);

/**
 * How long a message that goes by itself stays (ms): `short`, or `long` for
 * one with buttons (Undo). Tests may shorten them.
 */
const MESSAGE_MS = { short: 8000, long: 20000 };
/** At most this many messages at once; the oldest that would go by itself goes first. */
const MAX_MESSAGES = 3;

/**
 * Shows a message over the page (it never moves the columns); `actions`
 * are `[label, handler]` buttons. An error stays until dismissed, unless
 * `stay` is false (a refusal that needs nothing done); other messages go
 * by themselves, but never while pointed at or focused.
 */
function say(text, kind = 'info', actions = [], stay = kind === 'error') {
  const box = el('div', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, el('span', null, text));
  for (const [label, handler] of actions) {
    box.append(el('button', { type: 'button', onclick: () => { box.remove(); handler(); } }, label));
  }
  box.append(el('button', { type: 'button', 'aria-label': 'Dismiss this message', onclick: () => box.remove() }, '×'));
  const list = $('messages');
  list.append(box);
  if (!stay) {
    box.dataset.timed = '';
    const go = () => {
      if (box.matches(':hover, :focus-within')) setTimeout(go, 1000);
      else box.remove();
    };
    setTimeout(go, actions.length ? MESSAGE_MS.long : MESSAGE_MS.short);
  }
  // The oldest message that goes by itself makes room; a lasting one gives
  // way only to a newer lasting one, never to a note.
  while (list.children.length > MAX_MESSAGES) {
    const others = [...list.children].filter((b) => b !== box);
    const out = others.find((b) => b.dataset.timed !== undefined) || (stay ? others[0] : null);
    if (!out) break;
    out.remove();
  }
  return box;
}

/** A refusal (nothing was changed): an error that goes by itself. */
const refuse = (text) => say(text, 'error', [], false);

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

// ----- Work in progress: the bar, its stages and Cancel -------------------

/** The stages of a comparison as the bar names them, in order. */
const STAGES = {
  reading: 'Reading files',
  segmenting: 'Segmenting articles',
  matching: 'Matching sentences',
  summarising: 'Summarising the overlap',
  returning: 'Receiving the result',
};

/** The bar appears only for work slower than this (ms), so that quick changes do not flicker. */
const PROGRESS_DELAY = 40;

const progress = {
  timer: 0,
  /** Shows the bar for `job` soon, unless it ends first. */
  begin(job, stages) {
    clearTimeout(this.timer);
    job.stages = stages;
    this.update(job, stages[0], 0, 0);
    this.timer = setTimeout(() => { if (state.job === job) $('progress').hidden = false; }, PROGRESS_DELAY);
  },
  /** A report from the work: `done` of `total` in `stage` (no total: not known). */
  update(job, stage, done, total) {
    if (state.job !== job) return;
    const bar = $('progress-bar');
    const step = job.stages.indexOf(stage);
    const label = `${job.what}: ${STAGES[stage] || stage}`;
    if (total > 1) {
      bar.value = done / total;
      $('progress-label').textContent = `${label}, ${count(done)} of ${count(total)}`;
    } else {
      // One step that reports no parts: the bar says "working", not a share.
      bar.removeAttribute('value');
      $('progress-label').textContent = `${label}\u2026`;
    }
    $('progress-stages').textContent = job.stages.map((s, k) => (k === step ? `[${STAGES[s]}]` : STAGES[s])).join(' \u2192 ');
    $('progress').dataset.stage = stage;
  },
  end() {
    clearTimeout(this.timer);
    $('progress').hidden = true;
    delete $('progress').dataset.stage;
  },
};

/** Starts a piece of work, cancelling the one running (a new input replaces the old one). */
function startJob(kind, what) {
  if (state.job) state.job.controller.abort();
  const job = { kind, what, controller: new AbortController(), stages: [] };
  state.job = job;
  return job;
}

function endJob(job) {
  if (state.job !== job) return;
  state.job = null;
  progress.end();
}

/** Cancel: stops the work running (the worker is terminated), keeping every article. */
function cancelJob() {
  const job = state.job;
  if (!job) return;
  job.cancelledByUser = true;
  job.controller.abort();
  endJob(job);
  $('progress').dataset.last = 'cancelled';
  if (job.kind === 'reading') {
    sayAnalysis(`Cancelled: reading the files was stopped, so none of them was added. Your articles are as they were.`);
  } else {
    render();
    sayAnalysis(`Cancelled: the comparison of ${plural(job.size, 'article')} was stopped. `
      + (state.analysis ? 'The view shows the last comparison that worked; every article is kept.' : 'Every article is kept.'),
    [['Compare again', recompute]]);
    $('summary').textContent = state.analysis ? `${state.summary} (cancelled: the last comparison that worked)` : 'Cancelled.';
  }
}

/**
 * Recomputes the analysis (in the worker) and re-renders; never throws.
 * Articles without words are left out and marked; a failed analysis leaves
 * the last one that worked on screen, with the controls and a message. A
 * new call cancels the comparison still running.
 */
async function recompute() {
  const request = ++state.request;
  // Files being read are compared once read, with whatever changed meanwhile.
  if (state.job && state.job.kind === 'reading') return;
  if (state.job) state.job.controller.abort();
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
    state.compared = null;
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
  const articles = usable.map((a) => Object.fromEntries([['name', a.name], ['text', a.text], ...MARK_KEYS.map((k) => [k, a[k] || []])]));
  const job = startJob('comparing', `Comparing ${plural(articles.length, 'article')}`);
  job.size = articles.length;
  progress.begin(job, ['segmenting', 'matching', 'summarising', 'returning']);
  $('summary').textContent = `Comparing ${articles.length} articles…`;
  let analysis;
  try {
    analysis = await core.call('analyze', [articles, options()], {
      signal: job.controller.signal,
      onProgress: (stage, done, total) => progress.update(job, stage, done, total),
    });
  } catch (e) {
    endJob(job);
    // Cancelled, by the reader (who was told) or by newer work.
    if (isCancel(e) || request !== state.request) return;
    const kept = state.analysis ? ' The view shows the last comparison that worked.' : '';
    sayAnalysis(`The articles could not be compared: ${messageOf(e)}.${kept}`, [['Try again', recompute]]);
    render();
    $('summary').textContent = state.analysis ? `${state.summary} (the last comparison that worked)` : '';
    return;
  }
  endJob(job);
  if (request !== state.request) return; // A newer request is on its way.
  clearErrors();
  $('progress').dataset.last = 'done';
  const moved = state.analysis && state.compared && sameTexts(state.compared.texts, articles)
    ? linksMoved(state.analysis, analysis) : null;
  if (!state.analysis || state.analysis.articles.length !== analysis.articles.length) resetViews(analysis);
  // Groups keep their numbers from one comparison to the next.
  if (!state.numbered) {
    // The numbers kept (across reloads, in a link or a saved page): one
    // sentence of each group, by its place, to the group's number.
    const key = ([, a, s]) => `${analysis.articles[a]?.name}\u0001${analysis.articles[a]?.sentences[s]?.text}`;
    state.numbered = new Map((state.prefs.groups || []).map((g) => [key(g), g[0]]));
  }
  state.numbered = wd.numberGroups(analysis, state.numbered);
  keepPrefs({ groups: analysis.clusters.map((c, i) => [wd.groupNumber(analysis, i), c.members[c.representative].article, c.members[c.representative].sentence]) }, true);
  state.analysis = analysis;
  wd.tellApart(analysis);
  /** The page's article for each analysed one (the list may change later), and its text then. */
  state.compared = { members: usable, texts: articles.map((a) => a.text), inputs: articles };
  const took = performance.measure('wirediff:compare', { start: started }).duration;
  render();
  const links = analysis.links.length ? ` · ${analysis.links.length} more ${analysis.links.length > 1 ? 'links' : 'link'} outside them` : '';
  const left = wordless ? ` · ${count(wordless)} without words not compared` : '';
  state.summary = `${analysis.articles.length} articles · ${analysis.clusters.length} shared sentences${links}${left} · compared in ${Math.max(1, Math.round(took))} ms`;
  $('summary').textContent = state.summary;
  // One note at a time: a slider dragged step by step says its last step.
  if (state.movedNote) state.movedNote.remove();
  state.movedNote = moved ? say(moved.text, 'info', [['List them', () => listMoved(moved)]]) : null;
  // The group pinned when the page was left (or in a shared comparison), once.
  if (state.restorePin !== undefined) {
    const c = analysis.clusters.findIndex((_, i) => wd.groupNumber(analysis, i) === state.restorePin);
    state.restorePin = undefined;
    if (c >= 0 && state.view === 'articles') pin(`c${c}`, $('columns').querySelector(`.s.shared[data-group="c${c}"]`), false);
  }
  if (!performance.getEntriesByName('wirediff:first-render').length) {
    performance.mark('wirediff:first-render');
  }
}

/** Whether the articles compared are those of the last comparison, in order. */
function sameTexts(texts, articles) {
  return texts.length === articles.length && articles.every((a, i) => a.text === texts[i]);
}

/**
 * What a new threshold or switch did to the same articles: the sentences
 * that stopped or started being shared, with a few of them named, or null
 * when none moved.
 */
function linksMoved(before, after) {
  const went = [];
  const came = [];
  const shared = (s) => s.cluster !== null || s.links.length > 0;
  after.articles.forEach((article, a) => article.sentences.forEach((s, i) => {
    const was = shared(before.articles[a].sentences[i]);
    if (was !== shared(s)) (was ? went : came).push([wd.nameOf(article), s.text]);
  }));
  if (!went.length && !came.length) return null;
  const some = (list) => list.slice(0, 2).map(([, t]) => `\u201c${t.length > 60 ? `${t.slice(0, 60)}\u2026` : t}\u201d`).join(', ');
  const o = after.options;
  const at = `At threshold ${o.threshold.toFixed(2)}${o.paraphrases ? '' : ' without rewrites'}`;
  return { text: [`${at}:`,
    went.length ? ` ${plural(went.length, 'sentence')} no longer shared (${some(went)})` : '',
    went.length && came.length ? ';' : '',
    came.length ? ` ${plural(came.length, 'sentence')} newly shared (${some(came)})` : '', '.'].join(''), at, went, came };
}

/** Every sentence a threshold change made or stopped sharing, by outlet, in the explanation's place. */
function listMoved({ at, went, came }) {
  const list = (title, items) => (items.length ? [el('h3', null, `${title} (${count(items.length)})`),
    wd.growingList(el('ul', { class: 'outside' }), items, ([name, text]) => el('li', null, el('b', null, `${name}: `), text), 10)] : []);
  clear($('explain')).append(el('h2', null, at), ...list('No longer shared', went), ...list('Newly shared', came));
  $('explain').hidden = false;
}

/** Where `article` is in the analysis, or -1 if it is not in it (as it is now). */
function analysedIndex(article) {
  const compared = state.compared;
  if (!state.analysis || !compared) return -1;
  const i = compared.members.indexOf(article);
  return i >= 0 && compared.texts[i] === article.text ? i : -1;
}

/** `analysedIndex` for every article at once (the overview asks for all of them). */
function analysedIndexes() {
  const at = new Map();
  if (state.analysis && state.compared) {
    state.compared.members.forEach((a, i) => { if (state.compared.texts[i] === a.text) at.set(a, i); });
  }
  return (article) => (at.has(article) ? at.get(article) : -1);
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
  const others = state.articles.some((x) => x !== article && safeHasWords(x));
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
    hide: () => setSide(article, false),
    edit: when(() => {
      state.editing = state.editing && state.editing.article === article ? null : { article, text: article.text };
      render();
    }),
    input: (text) => { if (state.editing && state.editing.article === article) state.editing.text = text; },
    save: when((i, text) => saveEdit(i, text)),
    include: when((i, p) => includeParagraph(i, p)),
    part: (key, p, label) => mark(article, p, key, `is ${label} now`),
    cancel: () => {
      state.editing = null;
      render();
    },
  };
}

// ----- Which articles stand side by side -----------------------------------

/** The default: every article when they fit, else the first few. */
function defaultSide() {
  const n = state.articles.length <= MAX_SIDE ? MAX_SIDE : DEFAULT_SIDE;
  const kept = (state.prefs.side || []).map((i) => state.articles[i]).filter(Boolean).slice(0, MAX_SIDE);
  state.side = new Set(kept.length ? kept : state.articles.slice(0, n));
}

/** Keeps which articles stand side by side, by their places in the list. */
function keepSide() {
  keepPrefs({ side: state.articles.map((a, i) => (state.side.has(a) ? i : -1)).filter((i) => i >= 0) });
}

/** Shows `article` side by side (`on`) or not; false if there is no room. */
function setSide(article, on, quiet = false) {
  if (!on) {
    state.side.delete(article);
  } else if (!state.side.has(article)) {
    if (state.side.size >= MAX_SIDE) {
      if (!quiet) refuse(`At most ${MAX_SIDE} articles stand side by side: hide one first (its Hide button, or its box in All articles).`);
      return false;
    }
    state.side.add(article);
  }
  keepSide();
  if (!quiet) render();
  return true;
}

/** The chosen articles, as columns of the analysis or, if not in it, plain ones. */
function renderColumns() {
  const a = state.analysis;
  const members = state.compared ? state.compared.members : [];
  const handlers = {
    rename: (i) => controlsFor(members[i]).rename(),
    remove: (i) => controlsFor(members[i]).remove(),
    hide: (i) => controlsFor(members[i]).hide(),
    include: (i, p) => controlsFor(members[i]).include(p),
    part: (i, key, p, label) => controlsFor(members[i]).part(key, p, label),
  };
  const shown = state.articles.map((article, slot) => [article, slot]).filter(([article]) => state.side.has(article));
  const columns = shown.map(([article, slot]) => {
    const i = analysedIndex(article);
    if (i >= 0) {
      const column = wd.renderColumn(a, i, handlers);
      column.dataset.slot = slot;
      return column;
    }
    const editing = state.editing && state.editing.article === article ? state.editing.text : null;
    return wd.renderPlainColumn(article, slot, notCompared(article), controlsFor(article), editing);
  });
  if (a && state.prefs.source) columns.unshift(wd.renderSourceColumn(a, () => $('source-column').click()));
  const n = state.articles.length;
  $('side-note').textContent = n === shown.length
    ? `${plural(n, 'article')}, all side by side.`
    : `${count(shown.length)} of ${plural(n, 'article')} side by side.`;
  clear($('answers')).append(...(a ? wd.renderAnswers(a, (c) => pin(`c${c}`, $('columns').querySelector(`.s.shared[data-group="c${c}"]`), false)) : []));
  const renaming = state.renaming;
  clear($('columns')).append(...columns);
  if (!columns.length) {
    $('columns').append(el('p', { class: 'empty' }, n ? 'No article is chosen to stand side by side: choose some in All articles.' : 'There are no articles.'));
  }
  resetMarks();
  $('explain').hidden = true;
  if (renaming && state.renaming === renaming && state.articles.includes(renaming.article)) {
    startRename(state.articles.indexOf(renaming.article), renaming.value);
  }
}

/** A pager's line and buttons: `{ first, last, found, total, page, pages }` from a view. */
function pager(prefix, what, shown) {
  const of = shown.found === shown.total ? count(shown.total) : `${count(shown.found)} found (of ${count(shown.total)})`;
  $(`${prefix}-count`).textContent = shown.found ? `${what} ${count(shown.first + 1)}\u2013${count(shown.last)} of ${of}` : `No ${what.toLowerCase()} (of ${count(shown.total)})`;
  $(`${prefix}-prev`).disabled = shown.page <= 0;
  $(`${prefix}-next`).disabled = shown.page >= shown.pages - 1;
}

function renderListView() {
  const ui = state.ui.list;
  const rows = wd.listRows(state.analysis, state.articles, analysedIndexes(), notCompared);
  const shown = wd.renderList(rows, $('article-list'), ui, {
    isSide: (slot) => state.side.has(state.articles[slot]),
    toggleSide: (slot) => {
      const article = state.articles[slot];
      if (!setSide(article, !state.side.has(article), true)) {
        refuse(`At most ${MAX_SIDE} articles stand side by side: untick one first.`);
      }
      renderListView();
      $('article-list').querySelectorAll('input[type="checkbox"]').forEach((box) => {
        if (box.getAttribute('aria-label') === `Show ${article.name} side by side`) box.focus();
      });
    },
    remove: (slot) => removeArticle(slot),
    sort: (key) => {
      ui.dir = ui.sort === key ? -ui.dir : (key === 'order' || key === 'name' ? 1 : -1);
      ui.sort = key;
      ui.page = 0;
      renderListView();
      $('article-list').querySelector('th[aria-sort]:not([aria-sort="none"]) button')?.focus();
    },
  });
  ui.page = shown.page;
  pager('list', 'Articles', shown);
  $('tab-list').textContent = `All articles (${count(state.articles.length)})`;
}

function renderClustersView() {
  const a = state.analysis;
  const ui = state.ui.clusters;
  if (!a) {
    clear($('cluster-list')).append(el('li', { class: 'cluster' }, NOTHING));
    pager('clusters', 'Shared sentences', { first: 0, last: 0, found: 0, total: 0, page: 0, pages: 1 });
    return;
  }
  const shown = wd.renderClusters(a, $('cluster-list'), ui, {
    show: showCluster,
    diffWords: (x, y) => core.local('diffWords', x, y),
  });
  ui.page = shown.page;
  pager('clusters', 'Shared sentences', shown);
}

function renderQuotesView() {
  if (!state.analysis) {
    clear($('quote-list')).append(el('li', { class: 'cluster' }, NOTHING));
    return;
  }
  wd.renderQuotes(state.analysis, $('quote-list'), {
    wordDiff: (x, y) => wd.wordDiff((p, q) => core.local('diffWords', p, q), x, y),
  });
}

function renderFactsView() {
  if (!state.analysis) clear($('fact-list')).append(el('li', { class: 'cluster' }, NOTHING));
  else wd.renderFacts(state.analysis, $('fact-list'));
}

function renderOverlapView() {
  if (!state.analysis) {
    clear($('overlap-table')).append(el('p', null, NOTHING));
    $('overlap-note').textContent = '';
    return;
  }
  wd.renderOverlap(state.analysis, $('overlap-table'), state.ui.overlap, $('overlap-note'));
}

const NOTHING = 'Nothing is compared: at least two articles with words are needed.';

/** The views, each with its tab, its panel and how it is drawn. */
const VIEWS = {
  articles: { render: renderColumns },
  list: { render: renderListView },
  clusters: { render: renderClustersView },
  quotes: { render: renderQuotesView },
  facts: { render: renderFactsView },
  diff: { render: renderDiffView },
  overlap: { render: renderOverlapView },
};
const VIEW_ORDER = Object.keys(VIEWS);

function render() {
  document.body.dataset.ready = 'true';
  if (!state.analysis) $('summary').textContent = '';
  $('tab-list').textContent = `All articles (${count(state.articles.length)})`;
  VIEWS[state.view].render();
}

/** Fills a select with the articles' outlets (with their file names), again only when they changed; `source` adds the common source first. */
const selectNames = new WeakMap();
function fillSelect(select, chosen, source) {
  const names = state.articles.map((art) => {
    const i = analysedIndex(art);
    const outlet = i >= 0 ? wd.nameOf(state.analysis.articles[i]) : art.name;
    return outlet.includes(art.name) ? outlet : `${outlet} (${art.name})`;
  });
  const key = `${source}\u0000${names.join('\u0000')}`;
  if (selectNames.get(select) !== key) {
    clear(select).append(...(source ? [el('option', { value: 'source' }, 'Common source (the version most print of each shared sentence)')] : []),
      ...names.map((name, i) => el('option', { value: i }, name)));
    selectNames.set(select, key);
  }
  select.value = chosen === 'source' && source ? chosen : String(Math.max(0, Math.min(Number(chosen) || 0, state.articles.length - 1)));
}

/** The diff view's latest request: an answer to an older one is dropped. */
let diffRequest = 0;

/**
 * The diff of the chosen pair, computed in the worker: two analysed articles
 * pair their paragraphs through the analysis's groups and links (kept in the
 * core), the common source through its lines' groups, and any other pair
 * through the sentences they both print.
 */
async function renderDiffView() {
  const kept = state.prefs.diff;
  const a = $('diff-a').value || String(kept ? kept.a : 0);
  const b = Number($('diff-b').value || (kept ? kept.b : 1));
  fillSelect($('diff-a'), a, Boolean(state.analysis));
  fillSelect($('diff-b'), String(b) === a && state.articles.length > 1 ? (b + 1) % state.articles.length : b);
  const choice = { a: $('diff-a').value === 'source' ? 'source' : Number($('diff-a').value), b: Number($('diff-b').value),
    ignoreCase: $('diff-case').checked, ignorePunctuation: $('diff-punct').checked };
  if (JSON.stringify(choice) !== JSON.stringify(kept)) keepPrefs({ diff: choice }, kept === undefined);
  const fromSource = $('diff-a').value === 'source';
  const right = state.articles[Number($('diff-b').value)];
  const ib = right ? analysedIndex(right) : -1;
  const source = fromSource && ib >= 0 && wd.commonSource(state.analysis);
  const left = source ? { name: 'the common source', text: source.text } : state.articles[Number($('diff-a').value)];
  const request = ++diffRequest;
  const table = $('diff-table');
  delete table.dataset.pair;
  if (!left || !right) {
    clear(table);
    $('diff-summary').textContent = fromSource ? 'The common source is compared with analysed articles only.' : 'Add two articles to compare them.';
    return;
  }
  const ia = source ? -1 : analysedIndex(left);
  const side = state.articles.filter((x) => state.side.has(x)).map(analysedIndex).filter((i) => i >= 0);
  $('order').hidden = side.length < 2;
  if (side.length > 1) wd.renderRibbon(state.analysis, side, $('ribbon'), [ia, ib]);
  const settings = { ...options(), diff_ignore_case: $('diff-case').checked, diff_ignore_punctuation: $('diff-punct').checked };
  const analysed = Boolean(source) || (ia >= 0 && ib >= 0);
  const plain = ['diffTexts', [left.text, right.text, settings]];
  const call = source ? ['diffTexts', [left.text, right.text, settings, Uint32Array.from(wd.sourceParagraphs(state.analysis, source, ib))]]
    : analysed ? ['diffAnalysed', [ia, ib, left.text, right.text, settings]] : plain;
  table.setAttribute('aria-busy', 'true');
  let diff;
  try {
    try {
      diff = await core.call(...call);
    } catch (e) {
      // The core keeps the last analysis it ran: after a newer one (whose
      // result comes next) or a fresh worker, pair by the sentences alone.
      if (!/^not kept/.test(messageOf(e))) throw e;
      diff = await core.call(...plain);
    }
  } catch (e) {
    if (request !== diffRequest || isCancel(e)) return;
    table.removeAttribute('aria-busy');
    // Never leave another pair's diff under this selection.
    clear(table);
    $('diff-summary').textContent = `No diff of \u201c${left.name}\u201d and \u201c${right.name}\u201d: it could not be computed.`;
    say(`The diff could not be computed: ${messageOf(e)}.`, 'error', [['Try again', renderDiffView]]);
    return;
  }
  if (request !== diffRequest) return;
  table.removeAttribute('aria-busy');
  state.diffStep = 0;
  $('diff-at').textContent = '';
  wd.renderDiff(diff, table, $('diff-summary'), analysed && [state.analysis.articles[ia], state.analysis.articles[ib]], Boolean(source));
  table.dataset.pair = `${$('diff-a').value} ${$('diff-b').value}`;
}

/** Moves to the next (`by` 1) or previous (-1) row of the diff that is not the same. */
function stepDiff(by) {
  const rows = $('diff-table').querySelectorAll('[data-step]');
  if (!rows.length) return say('These two articles have no change to step to.');
  state.diffStep = ((state.diffStep || 0) + by + rows.length - 1) % rows.length + 1;
  const cell = rows[state.diffStep - 1];
  cell.scrollIntoView({ block: 'center' });
  cell.focus({ preventScroll: true });
  $('diff-at').textContent = `Change ${state.diffStep} of ${rows.length}`;
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
  state.chosen = null;
  state.picking = false;
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
  return cached(lookups.mates, key, () => wd.groupSentences(state.analysis, key)
    .map(([a, s]) => spanOf(a, s)).filter(Boolean));
}

/** The spans of the sentences outside group `key` that it is linked to. */
function related(key) {
  return cached(lookups.related, key, () => [...new Set(wd.groupLinks(state.analysis, key)
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
  const c = next && next[0] === 'c' ? Number(next.slice(1)) : -1;
  if (c >= 0) keepPrefs({ pinned: wd.groupNumber(state.analysis, c) });
  else if (state.prefs.pinned !== undefined) keepPrefs({ pinned: undefined });
  refreshMarks();
  if (next === null) {
    $('explain').hidden = true;
    $('explain-status').textContent = 'Unpinned.';
    return;
  }
  const explanation = wd.renderExplanation(state.analysis, next);
  clear($('explain')).append(...explanation);
  if (from) state.chosen = from;
  if (state.chosen) {
    const a = Number(state.chosen.dataset.article);
    const p = state.analysis.articles[a].sentences[Number(state.chosen.dataset.sentence)].paragraph;
    const article = state.compared.members[a];
    $('explain').append(el('p', null, el('button', { type: 'button', onclick: startPicking }, 'Compare with\u2026'),
      ' (or Shift+click) another sentence. ',
      // Site furniture the page missed (an author's bio, a promotion) is the reader's to set aside.
      analysedIndex(article) === a ? el('button', { type: 'button', onclick: () => setAside(article, p) }, 'Not story text: set its paragraph aside') : null));
  }
  $('explain').hidden = false;
  $('explain').style.maxHeight = '';
  // Screen readers hear the heading and the size, not every list item.
  const links = wd.groupLinks(state.analysis, next).length;
  $('explain-status').textContent = `Pinned. ${explanation[0].textContent}.`
    + (links ? ` ${links} linked ${links > 1 ? 'sentences' : 'sentence'} outside it.` : '');
  // The explanation takes room from the columns: bring the copies back into
  // view, and keep the chosen sentence whole in its own.
  if (from) {
    bringIntoView(next, from);
    keepInView(from);
  }
}

/**
 * Keeps sentence `span` whole in view, scrolling as little as needed. The
 * explanation is docked below the columns, never over them; a sentence
 * taller than its column's room takes height from the explanation.
 */
function keepInView(span) {
  const column = span.closest('.column');
  const heading = column.querySelector('header');
  const covered = getComputedStyle(heading).position === 'sticky' ? heading.offsetHeight : 0;
  const box = $('explain');
  box.style.maxHeight = '';
  const lack = span.getBoundingClientRect().height + covered + 24 - column.clientHeight;
  if (lack > 0 && !box.hidden) box.style.maxHeight = `${Math.max(64, box.offsetHeight - lack)}px`;
  span.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  // Below the column's heading while it is sticky.
  const under = column.getBoundingClientRect().top + covered + 4 - span.getBoundingClientRect().top;
  if (under > 0) column.scrollTop -= under;
}

/** In DOM order: columns left to right, sentences top to bottom. */
const inOrder = (spans) => [...spans].sort((x, y) => (x.compareDocumentPosition(y) & 4 ? -1 : 1));

/**
 * The sentence the arrow keys go to from `span`: ← → the previous or next
 * copy of its group (round the columns), or of a lone sentence the ones it
 * is linked to; ↑ ↓ the previous or next shared sentence of its column in
 * another group.
 */
function stepFrom(span, key) {
  const group = span.dataset.group;
  const across = { ArrowLeft: -1, ArrowRight: 1 }[key];
  if (across) {
    const ring = inOrder(mates(group).length > 1 ? mates(group) : new Set([span, ...related(group)]));
    return ring[(ring.indexOf(span) + across + ring.length) % ring.length];
  }
  const down = { ArrowUp: -1, ArrowDown: 1 }[key];
  if (!down) return null;
  const line = [...span.closest('.column').querySelectorAll('.s.shared[data-group]')];
  for (let k = line.indexOf(span) + down; k >= 0 && k < line.length; k += down) {
    if (line[k].dataset.group !== group) return line[k];
  }
  return span;
}

/** Waits for the sentence to compare the chosen one with: every sentence takes focus meanwhile. */
function startPicking() {
  state.picking = true;
  for (const span of $('columns').querySelectorAll('.s[data-article]:not([tabindex])')) span.setAttribute('tabindex', 0), span.dataset.pick = '';
  say('Click the other sentence, or press Enter on it. Escape cancels.');
}

function stopPicking() {
  state.picking = false;
  for (const span of $('columns').querySelectorAll('[data-pick]')) span.removeAttribute('tabindex'), delete span.dataset.pick;
}

/** Says why sentences `x` and `y` (spans) are or are not linked, in the explanation. */
async function compare(x, y) {
  stopPicking();
  const analysis = state.analysis;
  const [p, q] = [x, y].map(({ dataset }) => ({ article: Number(dataset.article), sentence: Number(dataset.sentence) }));
  let why;
  try {
    why = await core.call('explainPair', [state.compared.inputs, analysis.options, p.article, p.sentence, q.article, q.sentence]);
  } catch (e) {
    say(`They could not be compared: ${messageOf(e)}.`, 'error');
    return;
  }
  if (analysis !== state.analysis) return;
  const card = wd.renderWhy(analysis, why, p, q);
  clear($('explain')).append(...card);
  $('explain').hidden = false;
  $('explain-status').textContent = card[1].textContent;
}

/** A sentence clicked to compare with: while "Compare with…" waits, or with Shift from a chosen one. */
function pickOf(event) {
  const span = event.target.closest && event.target.closest('.s[data-article]');
  return span && $('columns').contains(span) && state.chosen && (state.picking || (event.shiftKey && state.pinned !== null)) ? span : null;
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
    const pick = pickOf(event);
    if (pick) return compare(state.chosen, pick);
    const span = sentenceOf(event);
    if (span) pin(span.dataset.group, span);
  });
  columns.addEventListener('keydown', (event) => {
    const pick = (event.key === 'Enter' || event.key === ' ') && pickOf(event);
    if (pick) {
      event.preventDefault();
      return compare(state.chosen, pick);
    }
    const span = sentenceOf(event);
    if (!span || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      pin(span.dataset.group, span);
    }
    const next = stepFrom(span, event.key);
    if (!next) return;
    // Focus moves (lighting up its group); a pinned explanation follows it.
    event.preventDefault();
    next.focus({ preventScroll: true });
    if (state.pinned !== null && state.pinned !== next.dataset.group) pin(next.dataset.group, next);
    else keepInView(next);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state.picking) stopPicking();
    else if (event.key === 'Escape' && state.pinned !== null) pin(null);
  });
}

/**
 * Shows cluster `c` in the articles: the chosen articles that hold it stay,
 * others that hold it join them (up to MAX_SIDE), and the group is pinned.
 */
function showCluster(c) {
  const a = state.analysis;
  const holders = [...new Set(a.clusters[c].members.map((m) => m.article))]
    .map((i) => state.compared.members[i]).filter((x) => analysedIndex(x) >= 0);
  const missing = holders.filter((x) => !state.side.has(x));
  if (missing.length) {
    const kept = [...state.side].filter((x) => holders.includes(x));
    const others = [...state.side].filter((x) => !holders.includes(x));
    const want = Math.min(MAX_SIDE, holders.length);
    const chosen = [...kept, ...missing].slice(0, Math.max(want, kept.length));
    state.side = new Set([...chosen, ...others].slice(0, MAX_SIDE));
  }
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

function selectView(view) {
  state.view = view;
  if (state.prefs.view !== view) keepPrefs({ view });
  for (const v of VIEW_ORDER) {
    const tab = $(`tab-${v}`);
    tab.setAttribute('aria-selected', String(v === view));
    tab.tabIndex = v === view ? 0 : -1;
    $(`view-${v}`).hidden = v !== view;
  }
  render();
}

function wireTabs() {
  for (const v of VIEW_ORDER) {
    $(`tab-${v}`).addEventListener('click', () => selectView(v));
    $(`tab-${v}`).addEventListener('keydown', (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      const next = VIEW_ORDER[(VIEW_ORDER.indexOf(v) + step + VIEW_ORDER.length) % VIEW_ORDER.length];
      selectView(next);
      $(`tab-${next}`).focus();
    });
  }
  for (const id of ['diff-a', 'diff-b', 'diff-case', 'diff-punct']) $(id).addEventListener('change', renderDiffView);
  $('diff-prev').addEventListener('click', () => stepDiff(-1));
  $('diff-next').addEventListener('click', () => stepDiff(1));
  $('view-diff').addEventListener('keydown', (e) => {
    const step = { n: 1, p: -1 }[e.key];
    if (!step || e.ctrlKey || e.metaKey || e.altKey || e.target.matches('select, input')) return;
    e.preventDefault();
    stepDiff(step);
  });
  $('choose-articles').addEventListener('click', () => {
    selectView('list');
    $('list-filter').focus();
  });
  // A paged list with a search box: typing goes back to the first page.
  const paged = (pager, key, search, prev, next, render) => {
    $(search).addEventListener('input', debounce(() => {
      pager[key] = $(search).value;
      pager.page = 0;
      render();
    }, 150));
    $(prev).addEventListener('click', () => { pager.page = Math.max(0, pager.page - 1); render(); });
    $(next).addEventListener('click', () => { pager.page++; render(); });
  };
  paged(state.ui.list, 'filter', 'list-filter', 'list-prev', 'list-next', renderListView);
  const clusters = state.ui.clusters;
  paged(clusters, 'query', 'cluster-search', 'clusters-prev', 'clusters-next', renderClustersView);
  const openAll = (on) => () => {
    clusters.allOpen = on;
    clusters.open.clear();
    renderClustersView();
  };
  $('clusters-open').addEventListener('click', openAll(true));
  $('clusters-close').addEventListener('click', openAll(false));
  const overlap = state.ui.overlap;
  $('overlap-top').addEventListener('change', () => { overlap.top = Number($('overlap-top').value); renderOverlapView(); });
  $('overlap-order').addEventListener('change', () => { overlap.order = $('overlap-order').value; renderOverlapView(); });
  $('cancel').addEventListener('click', cancelJob);
}

/** A new analysis: the cluster list starts at its first page, open only when small. */
function resetViews(analysis) {
  const clusters = state.ui.clusters;
  const small = analysis.articles.length <= MAX_SIDE;
  if (clusters.allOpen !== small || clusters.open.size) {
    clusters.allOpen = small;
    clusters.open.clear();
  }
}

// ----- The article list ----------------------------------------------------

/**
 * Keeps the list; a failure is said once until the next save that works.
 * Saving runs in a task of its own, after the comparison has been sent off
 * (a thousand articles take a while to store), and a burst of changes is
 * saved once.
 */
let persistWarning = null;
let persistTimer = 0;
function persistNow() {
  clearTimeout(persistTimer);
  persistTimer = 0;
  const problem = saveArticles(state.articles);
  keepSide();
  if (persistWarning) persistWarning.remove();
  persistWarning = problem ? say(problem, 'error') : null;
}
function persist() {
  clearTimeout(persistTimer);
  persistTimer = setTimeout(persistNow, 0);
}
// Leaving the page saves what is still to be saved.
window.addEventListener('pagehide', () => { if (persistTimer) persistNow(); });

function addArticle(name, text) {
  const problem = articleProblem(text);
  if (problem) {
    refuse(`This article ${problem}, so it was not added.`);
    return false;
  }
  if (state.articles.length >= MAX_ARTICLES) {
    refuse(`The page compares at most ${count(MAX_ARTICLES)} articles; remove some first.`);
    return false;
  }
  const article = { name: uniqueName(state.articles, name), text };
  state.articles.push(article);
  setSide(article, true, true);
  persist();
  recompute();
  return true;
}

/**
 * Adds many articles at once (chosen or dropped files): all of them, then
 * one save and one comparison. Those over the limit are named, not added.
 */
function addArticles(list) {
  const room = Math.max(0, MAX_ARTICLES - state.articles.length);
  const added = [];
  const names = new Set(state.articles.map((a) => a.name));
  for (const { name, text } of list.slice(0, room)) {
    // uniqueName, with a set: thousands of names stay quick.
    const base = name.trim() || 'Untitled article';
    let unique = base;
    for (let n = 2; names.has(unique); n++) unique = `${base} (${n})`;
    names.add(unique);
    const article = { name: unique, text };
    state.articles.push(article);
    added.push(article);
  }
  // The first of them stand side by side while there is room.
  for (const article of added) if (!setSide(article, true, true)) break;
  if (list.length > room) {
    refuse(`The page compares at most ${count(MAX_ARTICLES)} articles, so ${plural(list.length - room, 'file was', 'files were')} not added `
      + `(${list.slice(room, room + 3).map((a) => `\u201c${a.name}\u201d`).join(', ')}${list.length - room > 3 ? '\u2026' : ''}).`);
  }
  if (!added.length) return;
  persist();
  // Shown at once (as not compared yet) while they are compared.
  render();
  recompute();
  if (added.length > 1) {
    const side = added.filter((a) => state.side.has(a)).length;
    say(`Added ${plural(added.length, 'article')}${side < added.length ? `; ${count(side)} of them side by side, all of them in All articles` : ''}.`);
  }
}

function removeArticle(index) {
  const [removed] = state.articles.splice(index, 1);
  const wasSide = state.side.has(removed);
  state.side.delete(removed);
  if (state.editing && state.editing.article === removed) state.editing = null;
  persist();
  recompute();
  if (state.view !== 'articles') render();
  say(`Removed \u201c${removed.name}\u201d.`, 'info', [['Undo', () => {
    state.articles.splice(Math.min(index, state.articles.length), 0, removed);
    if (wasSide) setSide(removed, true, true);
    persist();
    recompute();
  }]]);
}

/** Compares paragraph `p` of article `index` as story text, whatever the core made of it; Undo takes the mark back. */
function includeParagraph(index, p) {
  mark(state.articles[index], p, 'story', 'is compared now');
}

/** Sets paragraph `p` of an article aside (not story text), as the reader says; Undo takes the mark back. */
function setAside(article, p) {
  mark(article, p, 'aside', 'is set aside now: not compared');
}

/** Marks paragraph `p` of `article` as `key` (one of MARK_KEYS, and no longer any other), compares again and says `done`, with Undo. */
function mark(article, p, key, done) {
  const before = MARK_KEYS.map((k) => article[k]);
  for (const k of MARK_KEYS) article[k] = (article[k] || []).filter((x) => x !== p);
  article[key].push(p);
  persist();
  recompute();
  say(`Paragraph ${p + 1} of \u201c${article.name}\u201d ${done}.`, 'info', [['Undo', () => {
    MARK_KEYS.forEach((k, i) => { article[k] = before[i]; });
    persist();
    recompute();
  }]]);
}

/** Replaces an article's text with the edited one, unless the Add box would refuse it. */
function saveEdit(index, text) {
  const problem = articleProblem(text);
  if (problem) {
    // The edit stays open with the text as typed.
    refuse(`The edited text ${problem}, so it was not saved.`);
    return;
  }
  const old = state.articles[index];
  const edited = { name: old.name, text };
  if (state.side.delete(old)) state.side.add(edited);
  state.articles[index] = edited;
  state.editing = null;
  persist();
  recompute();
  render();
  // Paragraph marks count paragraphs of the old text: they do not carry over.
  const marks = MARK_KEYS.reduce((n, k) => n + (old[k] || []).length, 0);
  if (marks && text !== old.text) say(`Your ${plural(marks, 'paragraph mark')} (included, set aside, headline, byline or date) on \u201c${old.name}\u201d ${marks > 1 ? 'were' : 'was'} cleared: the paragraphs changed.`);
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
    refuse(`The page compares at most ${count(MAX_ARTICLES)} articles: remove ${plural(missing.length - room, 'article')} to restore the samples.`);
    return;
  }
  for (const seed of missing) {
    const article = { name: uniqueName(state.articles, seed.name), text: seed.text };
    state.articles.push(article);
    setSide(article, true, true);
  }
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
  clearTimeout(persistTimer);
  persistTimer = 0;
  const removed = forgetStored();
  state.keeping = false;
  state.articles = seedArticles();
  defaultSide();
  state.editing = null;
  if (persistWarning) persistWarning.remove();
  recompute();
  say(`Forgot ${plural(removed, 'stored value')}: nothing of yours is kept in this browser now. The sample articles are shown (not stored until you change them).`);
}

/**
 * Reads chosen or dropped files, with progress and Cancel, then adds them
 * all at once (one comparison, not one per file). A file that is not text
 * is named and skipped; cancelling adds none of them.
 */
async function addFiles(files) {
  if (!files.length) return;
  const job = startJob('reading', `Reading ${plural(files.length, 'file')}`);
  progress.begin(job, ['reading', 'segmenting', 'matching', 'summarising', 'returning']);
  const read = [];
  const refused = [];
  for (let i = 0; i < files.length; i++) {
    progress.update(job, 'reading', i, files.length);
    let text;
    try {
      text = await readTextFile(files[i]);
    } catch (e) {
      refused.push(e.message);
    }
    if (job.controller.signal.aborted) return; // Cancelled: the reader was told.
    if (text !== undefined) read.push({ name: files[i].name, text });
  }
  endJob(job);
  if (refused.length === 1) refuse(`${refused[0]}, so it was not added.`);
  else if (refused.length > 1) refuse(`${plural(refused.length, 'file was', 'files were')} not added: ${refused.slice(0, 3).join('; ')}${refused.length > 3 ? '\u2026' : ''}.`);
  if (read.length) addArticles(read);
  else recompute();
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

/**
 * The controls start from the core's defaults (`options.rs`, the CLI's
 * too), unless the reader chose a threshold before.
 */
function applyDefaults() {
  let defaults;
  try {
    defaults = core.local('defaults');
  } catch (e) {
    return; // The page's markup carries the same values.
  }
  if (state.prefs.threshold === undefined) {
    $('threshold').value = String(defaults.threshold);
    $('threshold-value').textContent = Number(defaults.threshold).toFixed(2);
  }
  $('paraphrases').checked = state.prefs.paraphrases ?? defaults.paraphrases;
}

/**
 * Keeps `patch` in the preferences (the page's settings and where the
 * reader is). What the page notes by itself (`automatic`: the group
 * numbers, the first diff pair) is stored only once the reader has changed
 * something, so that a fresh or forgotten page stores nothing.
 */
function keepPrefs(patch, automatic = false) {
  Object.assign(state.prefs, patch);
  if (!automatic) state.keeping = true;
  if (state.keeping) savePrefs(state.prefs);
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
  if (state.prefs.paraphrases !== undefined) $('paraphrases').checked = state.prefs.paraphrases;
  $('paraphrases').addEventListener('change', () => {
    keepPrefs({ paraphrases: $('paraphrases').checked });
    recompute();
  });
  // The switches of the page's look, each a pressed button, a class on the
  // document and a stored preference: large type (which also folds the help
  // and the legend under "How to read it"), only what each added (every
  // sentence found elsewhere hidden, so each column shows what that outlet
  // has and nobody else does), colour by reach and the common source's
  // column first.
  for (const [id, key, cls, also] of [['large-type', 'large', 'large', (on) => { $('help').open = !on; }],
    ['added-only', 'added', 'added-only'], ['by-reach', 'reach', 'by-reach'],
    ['source-column', 'source', 'source-column', (on, shown) => { if (shown) renderColumns(); }]]) {
    const button = $(id);
    const set = (on, save = true) => {
      document.documentElement.classList.toggle(cls, on);
      button.setAttribute('aria-pressed', String(on));
      state.prefs[key] = on;
      if (also) also(on, save);
      if (save) savePrefs(state.prefs);
    };
    set(Boolean(state.prefs[key]), false);
    button.addEventListener('click', () => set(!state.prefs[key]));
  }
}

// ----- Sharing, saving and exporting ----------------------------------------

/** The comparison as it is now, as a link or a saved page carries it. */
const currentState = () => wd.stateOf(state.articles, state.prefs);

/**
 * Shows the comparison of the link opened (its fragment) or of the saved
 * page, in place of the stored one: the reader's own articles are kept
 * aside, to be brought back. Returns the message to say, if any. A saved
 * page shows its comparison once per tab: a reload keeps what was changed.
 */
async function openShared(own) {
  const fromLink = await wd.stateFromFragment(location.hash);
  let saved = fromLink ? null : wd.savedState();
  let tab = null;
  try {
    tab = window.sessionStorage;
  } catch (e) {
    // No session storage: a saved page shows its comparison on every load.
  }
  if (saved && saved.value && tab && tab.getItem('wirediff.opened') === saved.id) saved = null;
  const found = fromLink || saved;
  if (!found) return null;
  if (found.error) {
    return [`The ${fromLink ? 'link\u2019s' : 'saved page\u2019s'} comparison could not be opened: ${found.error}. `
      + `${own ? 'Your own articles are shown' : 'The sample articles are shown'} instead.`, 'error'];
  }
  if (fromLink) history.replaceState(null, '', location.href.split('#')[0]);
  if (saved && tab) {
    try {
      tab.setItem('wirediff.opened', saved.id);
    } catch (e) {
      // As without session storage.
    }
  }
  const same = (x, y) => JSON.stringify(x.map((a) => [a.name, a.text])) === JSON.stringify(y.map((a) => [a.name, a.text]));
  const kept = own && !same(own, found.value.articles) && keepBefore(own);
  state.articles = found.value.articles;
  state.prefs = found.value.prefs;
  saveArticles(state.articles);
  savePrefs(state.prefs);
  state.keeping = true;
  const what = `Opened the ${fromLink ? 'linked' : 'saved'} comparison of ${plural(state.articles.length, 'article')}.`;
  if (!kept) return [what];
  return [`${what} Your own ${plural(own.length, 'article')} ${own.length > 1 ? 'are' : 'is'} kept.`, 'info', [['Bring them back', () => {
    const before = loadStored('before');
    if (!before.value) return refuse(before.message || 'Your earlier articles are no longer kept.');
    state.articles = before.value;
    defaultSide();
    persist();
    recompute();
    render();
  }]]];
}

function wireSharing() {
  const panel = $('share-panel');
  $('share-toggle').addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    $('share-toggle').setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) $('copy-link').focus();
  });
  $('copy-link').addEventListener('click', copyLink);
  $('save-file').addEventListener('click', saveFile);
  $('print').addEventListener('click', () => window.print());
  const version = () => {
    try {
      return core.local('version');
    } catch (e) {
      return 'unknown';
    }
  };
  const analysed = (f) => () => {
    if (!state.analysis) return refuse('Nothing is compared yet, so there is nothing to export.');
    return f(state.analysis);
  };
  $('export-json').addEventListener('click', analysed((a) => wd.download('wirediff-analysis.json',
    wd.analysisJson(a, state.compared.texts, version()), 'application/json')));
  $('export-csv').addEventListener('click', analysed((a) => wd.download('wirediff-links.csv', wd.linksCsv(a, version()), 'text/csv')));
  const picture = (png) => analysed(async (a) => {
    const chosen = state.articles.filter((x) => state.side.has(x)).map(analysedIndex).filter((i) => i >= 0);
    if (chosen.length < 2) return refuse('The paragraph order needs two compared articles side by side.');
    // Drawn off screen, where its styles apply, then written out.
    const box = el('div', { class: 'offscreen' });
    document.body.append(box);
    try {
      wd.renderRibbon(a, chosen, box, [-1, -1]);
      const svg = box.querySelector('svg');
      const { version: v, settings } = wd.provenance(a, version());
      const text = wd.svgFile(svg, `Paragraph order of ${plural(chosen.length, 'article')}: wirediff ${v}, ${settings}`);
      const { width, height } = svg.getBoundingClientRect();
      if (png) wd.download('wirediff-paragraph-order.png', await wd.pngOf(text, width, height));
      else wd.download('wirediff-paragraph-order.svg', text, 'image/svg+xml');
    } catch (e) {
      say(`The picture could not be made: ${messageOf(e)}.`, 'error');
    } finally {
      box.remove();
    }
  });
  $('export-svg').addEventListener('click', picture(false));
  $('export-png').addEventListener('click', picture(true));
}

async function copyLink() {
  let link;
  try {
    link = await wd.linkTo(currentState());
  } catch (e) {
    say(`No link could be made: ${messageOf(e)}.`, 'error');
    return;
  }
  if (link.length > wd.MAX_LINK) {
    say(`This comparison is too large for a link (${count(link.length)} characters; links over ${count(wd.MAX_LINK)} break in mail and chat): save it as one HTML file instead.`,
      'error', [['Save as one HTML file', saveFile]], false);
    return;
  }
  $('share-link').value = link;
  $('share-out').hidden = false;
  try {
    await navigator.clipboard.writeText(link);
    say(`The link is copied (${count(link.length)} characters): whoever opens it sees this comparison.`);
  } catch (e) {
    $('share-link').select();
    say('The browser did not let the page copy the link: it is selected below; copy it with Ctrl+C.');
  }
}

function saveFile() {
  const html = wd.pageWithState(currentState());
  if (!html) return refuse('This copy of the page cannot save itself: it was built without keeping its source.');
  wd.download('wirediff-comparison.html', html, 'text/html');
  return say('Saved as one HTML file: it opens by double-click, offline, with this comparison.');
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
  state.keeping = Boolean(articles.value) || Object.keys(state.prefs).length > 0;
  state.articles = articles.value || seedArticles();
  const shared = await openShared(articles.value);
  state.restorePin = state.prefs.pinned;
  defaultSide();
  wireTabs();
  wireColumns();
  wireAdding(draft.value);
  wireControls();
  if (state.prefs.diff) {
    $('diff-case').checked = state.prefs.diff.ignoreCase;
    $('diff-punct').checked = state.prefs.diff.ignorePunctuation;
  }
  if (state.prefs.view && VIEWS[state.prefs.view]) selectView(state.prefs.view);
  wireSharing();
  for (const found of [articles, draft, prefs]) if (found.message) say(found.message, 'error');
  if (shared) say(...shared);
  try {
    const bytes = window.WIREDIFF_WASM || wd.base64Bytes(window.WIREDIFF_WASM_BASE64);
    await core.start(bytes, window.WIREDIFF_GLUE);
  } catch (e) {
    render();
    sayAnalysis(`The comparison engine could not start (${messageOf(e)}): your articles are shown, but not compared.`);
    return;
  }
  applyDefaults();
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
// What tests and the console may look at: the state and the core.
Object.assign(wd, { state, core, recompute, render, selectView, say, MAX_SIDE, MESSAGE_MS });

main().catch((e) => {
  say(`The page could not start: ${messageOf(e)}`, 'error');
  document.body.dataset.ready = 'error';
});
})(window.wirediff);
