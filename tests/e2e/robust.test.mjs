// End-to-end tests that the page cannot be bricked (issue 9): whatever is
// stored in localStorage, an article without words, or a core that fails or
// traps, the page starts, keeps its controls, and says what happened. One
// browser for the whole file; each test opens a fresh context (its own
// storage). Run with `node --test tests/e2e/` after scripts/build.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diffShown, launchChromium } from './browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const url = pathToFileURL(join(root, 'dist', 'index.html')).href;
const seedDir = join(root, 'tests', 'data', 'seeds');
const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort()
  .map((name) => ({ name, text: readFileSync(join(seedDir, name), 'utf8') }));
const ARTICLES = 'wirediff.articles.v1';
const DRAFT = 'wirediff.draft.v1';
const PREFS = 'wirediff.prefs.v1';
const QUOTE = 'Models like DeepSeek, Alibaba, Tencent, MiniMax, and Baidu Ernie bot are world class';
// A module whose one function executes `unreachable`: the trap a Rust panic
// ends in. (The core has no input known to panic, so the tests make a call
// trap with this rather than wait for a bug.)
const TRAP_MODULE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11];

// Another local page: every file:// page shares the page's storage.
const otherDir = mkdtempSync(join(tmpdir(), 'wirediff-e2e-'));
const otherPage = pathToFileURL(join(otherDir, 'other.html')).href;
writeFileSync(join(otherDir, 'other.html'), '<!doctype html><title>another local page</title>');

let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  rmSync(otherDir, { recursive: true, force: true });
});

/**
 * Opens the page in a fresh context whose storage holds `stored` (key ->
 * string), written first by another local page, as any file opened from
 * file:// can; reloads then find whatever the page made of it.
 */
async function open(stored = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  if (Object.keys(stored).length) {
    await page.goto(otherPage);
    await page.evaluate((entries) => {
      for (const [key, value] of entries) localStorage.setItem(key, value);
    }, Object.entries(stored));
  }
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  return { context, page, problems };
}

const columns = (page) => page.locator('#columns .column');
const messages = (page) => page.textContent('#messages');

/**
 * The page is usable: every article side by side (or the first three of
 * more than eight) has its controls, and Remove and Undo work.
 */
async function controlsWork(page, n) {
  const side = n <= 8 ? n : 3;
  const listed = (k) => `All articles (${k.toLocaleString('en-US')})`;
  assert.equal(await columns(page).count(), side);
  assert.equal(await page.textContent('#tab-list'), listed(n));
  assert.equal(await page.locator('#columns .column').getByRole('button', { name: /^Rename/ }).count(), side);
  assert.equal(await page.locator('#columns .column').getByRole('button', { name: /^Remove/ }).count(), side);
  await columns(page).first().getByRole('button', { name: /^Remove/ }).click();
  await page.waitForFunction((text) => document.querySelector('#tab-list').textContent === text, listed(n - 1));
  await page.getByRole('button', { name: 'Undo' }).last().click();
  await page.waitForFunction((text) => document.querySelector('#tab-list').textContent === text, listed(n));
  await page.waitForFunction((k) => document.querySelectorAll('#columns .column').length === k, side);
}

async function sharedCount(page) {
  return page.$$eval('#columns .s.shared', (spans) => new Set(spans.map((s) => s.dataset.group)).size);
}

async function setThreshold(page, value) {
  await page.$eval('#threshold', (input, v) => {
    input.value = v;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, String(value));
}

/** Waits until the summary shows a finished comparison of `n` articles (not the last one that worked). */
async function compared(page, n) {
  await page.waitForFunction((k) => new RegExp(`^${k} articles .* compared in \\d+ ms$`).test(document.querySelector('#summary').textContent), n);
}

const small = (i) => ({
  name: `local-${i}.txt`,
  text: `Storm shuts schools, report ${i}\n\nThe storm closed every school in the county on Tuesday, officials said. Report number ${i}.`,
});

// Each bad value a tester or another local page could leave: what the page
// must show instead, and the message that says why.
const BAD_STORED = [
  ['preferences stored as null', { [PREFS]: 'null' }, 5, /stored preferences could not be used \(null instead of a set of preferences\), so the defaults are used/],
  ['preferences stored as "x"', { [PREFS]: '"x"' }, 5, /stored preferences could not be used \(a string instead/],
  ['preferences stored as 42', { [PREFS]: '42' }, 5, /stored preferences could not be used \(a number instead/],
  ['preferences stored as true', { [PREFS]: 'true' }, 5, /stored preferences could not be used \(true or false instead/],
  ['preferences stored as text that is not JSON', { [PREFS]: 'x' }, 5, /stored preferences could not be used \(not valid JSON\)/],
  ['a draft stored as null', { [DRAFT]: 'null' }, 5, /draft kept from the Add box could not be used \(null instead of a name and a text\)/],
  ['articles stored as corrupt JSON', { [ARTICLES]: '[{"name": "a", "te' }, 5, /articles stored by an earlier visit could not be used \(not valid JSON\), so the sample articles are shown/],
  ['articles stored as an object', { [ARTICLES]: '{"name": "a", "text": "b"}' }, 5, /could not be used \(an object instead of a list of articles\)/],
  ['articles of the wrong types', { [ARTICLES]: JSON.stringify([{ name: 5, text: null }, 'text', seeds[0], seeds[1]]) }, 2,
    /2 stored articles were not loaded: 2 are not an article \(a name and a text\)\. The other 2 articles are shown/],
  ['1,100 stored articles', { [ARTICLES]: JSON.stringify(Array.from({ length: 1100 }, (_, i) => small(i))) }, 1000,
    /100 stored articles were not loaded: 100 are over the limit of 1,000 articles\. The other 1,000 articles are shown/],
  ['a stored article of 2.8 million characters', { [ARTICLES]: JSON.stringify([seeds[0], { name: 'huge.txt', text: 'word '.repeat(560000) }, seeds[1]]) }, 2,
    /1 stored article was not loaded: \u201chuge\.txt\u201d is too large \(2,800,000 characters; the limit is 2,000,000\)\. The other 2 articles are shown/],
  ['two empty stored articles', { [ARTICLES]: JSON.stringify([{ name: 'a', text: '' }, { name: 'b', text: '' }]) }, 5,
    /2 stored articles were not loaded: 2 are empty\. The sample articles are shown/],
];

describe('stored values cannot stop the page', () => {
  for (const [what, stored, shown, message] of BAD_STORED) {
    test(`${what}: the page starts, says why, and the controls work`, async () => {
      const { context, page, problems } = await open(stored);
      await compared(page, shown);
      const text = await messages(page);
      assert.match(text, message);
      assert.doesNotMatch(text, /could not start|could not be compared/);
      assert.ok(await sharedCount(page) > 0, 'the articles shown are compared');
      await controlsWork(page, shown);
      // The bad value was set aside, not used again: a reload starts cleanly.
      const keys = await page.evaluate(() => Object.keys(localStorage));
      assert.ok(keys.some((k) => k.startsWith('wirediff.set-aside.v1/')), `set aside: ${keys}`);
      await page.reload();
      await page.waitForSelector('body[data-ready="true"]');
      await compared(page, shown);
      assert.doesNotMatch(await messages(page), /could not|not loaded/);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
});

describe('articles the core rejects', () => {
  test('a wordless article (punctuation, zero-width spaces) is shown with its reason, can be renamed, edited and removed, and the others are still compared', async () => {
    const { context, page, problems } = await open();
    await page.click('#add-toggle');
    for (const [name, text] of [['Punctuation', '... !!! ???'], ['Invisible', '\u200b\u200b\u200b']]) {
      await page.fill('#new-name', name);
      await page.fill('#new-text', text);
      await page.click('#add-article');
    }
    await page.waitForFunction(() => document.querySelectorAll('#columns .column.plain').length === 2);
    await compared(page, 5);
    assert.match(await page.textContent('#summary'), /2 without words not compared/);
    assert.ok(await sharedCount(page) >= 3, 'the five samples are still compared');
    assert.doesNotMatch(await messages(page), /could not be compared/);
    const plain = page.locator('#columns .column.plain');
    for (let i = 0; i < 2; i++) assert.match(await plain.nth(i).locator('.note').textContent(), /has no words/);
    // Rename the first.
    await plain.first().getByRole('button', { name: /^Rename/ }).click();
    await page.fill('#columns .column.plain input', 'Only punctuation');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#columns .column.plain .file').textContent === 'Only punctuation');
    // Edit the second into an article with words: it joins the comparison.
    await plain.nth(1).getByRole('button', { name: /^Edit/ }).click();
    await page.fill('#columns .column.plain textarea', `Chips to resume\n\n"${QUOTE}," he said.`);
    await page.getByRole('button', { name: 'Save' }).click();
    await compared(page, 6);
    assert.equal(await plain.count(), 1);
    assert.ok(await page.locator('#columns .column[data-slot="6"] .s.shared').count() >= 1, 'the edited article is linked');
    // The wordless one survives a reload, still marked, with no failure.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await compared(page, 6);
    assert.match(await plain.first().textContent(), /Only punctuation.*has no words/s);
    assert.doesNotMatch(await messages(page), /could not/);
    // Remove it.
    await plain.first().getByRole('button', { name: /^Remove/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('#columns .column').length === 6);
    assert.equal(await plain.count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('fewer than two articles with words: a clear message, every column keeps its controls', async () => {
    const stored = { [ARTICLES]: JSON.stringify([seeds[0], { name: 'dots.txt', text: '... !!! ???' }]) };
    const { context, page, problems } = await open(stored);
    await page.getByText(/Fewer than two articles have words to compare/).waitFor();
    assert.equal(await page.locator('#columns .column.plain').count(), 2);
    assert.match(await page.textContent('#columns'), /has no words/);
    assert.match(await page.textContent('#columns'), /no other article with words/);
    await controlsWork(page, 2);
    // Restoring the samples gives something to compare again.
    await page.click('#add-toggle');
    await page.click('#restore-samples');
    await compared(page, 5);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('a failing core', () => {
  test('an analysis worker that traps is replaced by a fresh one; the previous view and controls stay', async () => {
    const { context, page, problems } = await open();
    const before = await page.$$eval('#columns .s.shared', (spans) => spans.length);
    assert.equal(await page.evaluate('wirediff.core.workersStarted'), 1);
    assert.equal(page.workers().length, 1);
    // Make the worker's next analysis execute a real `unreachable`.
    await page.workers()[0].evaluate((bytes) => {
      const trap = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes))).exports.f;
      wasm_bindgen.analyze = () => trap();
    }, TRAP_MODULE);
    await setThreshold(page, 0.8);
    await page.locator('.message', { hasText: /could not be compared: the analysis failed inside the WebAssembly core \(RuntimeError: unreachable\), so the worker was replaced by a fresh one\. The view shows the last comparison that worked/ }).waitFor();
    assert.equal(await page.$$eval('#columns .s.shared', (spans) => spans.length), before, 'the previous view stayed');
    assert.match(await page.textContent('#summary'), /\(the last comparison that worked\)$/);
    assert.equal(await page.locator('#columns .column').getByRole('button', { name: /^Remove/ }).count(), 5);
    await page.waitForFunction(() => wirediff.core.workersStarted === 2 && wirediff.core.worker !== null);
    // The next analysis runs in the fresh worker and clears the message.
    await setThreshold(page, 0.3);
    await page.waitForFunction(() => document.querySelector('#threshold-value').textContent === '0.30');
    await compared(page, 5);
    assert.doesNotMatch(await messages(page), /could not be compared/);
    assert.ok(await sharedCount(page) > 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a worker that stops answering is rejected with a message, not waited on, and replaced', async () => {
    const { context, page, problems } = await open();
    await page.evaluate(() => {
      wirediff.core.patience = 1500;
      wirediff.core.worker.patience = 1500;
    });
    await page.workers()[0].evaluate(() => { setTimeout(() => self.close(), 0); });
    await setThreshold(page, 0.8);
    await page.getByText(/could not be compared: the analysis worker gave no answer for 2 seconds, so the worker was replaced/).waitFor({ timeout: 10000 });
    assert.equal(await columns(page).count(), 5);
    await page.waitForFunction(() => wirediff.core.workersStarted === 2 && wirediff.core.worker !== null);
    await page.locator('.message', { hasText: /gave no answer/ }).getByRole('button', { name: 'Try again' }).click();
    await compared(page, 5);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the page\u2019s own instance, after a trap, is re-instantiated and the diff works again; a failed diff never leaves another pair\u2019s diff on screen', async () => {
    const { context, page, problems } = await open();
    await page.click('#tab-diff');
    await page.locator('#diff-table .diff-row').first().waitFor();
    // The diff runs on the page's own instance (as when no worker starts).
    await page.evaluate((bytes) => {
      const trap = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes))).exports.f;
      wirediff.core.worker = null;
      for (const f of ['diffTexts', 'diffAnalysed']) wirediff.core.glue[f] = () => trap();
    }, TRAP_MODULE);
    await page.selectOption('#diff-b', '2');
    await page.locator('#diff-summary', { hasText: /could not be computed/ }).waitFor();
    assert.equal(await page.locator('#diff-table .diff-row').count(), 0);
    assert.match(await page.textContent('#diff-summary'), /^No diff of .* could not be computed\.$/);
    const failed = page.locator('.message', { hasText: /diff could not be computed: it failed inside the WebAssembly core \(RuntimeError: unreachable\), which was restarted/ });
    await failed.waitFor();
    await page.waitForFunction(() => wirediff.core.instancesStarted === 2 && wirediff.core.glue !== null);
    await failed.getByRole('button', { name: 'Try again' }).click();
    await diffShown(page);
    assert.ok(await page.locator('#diff-table .diff-row.change').count() >= 1);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('the WebAssembly core at the page\u2019s limits', () => {
  test('400 copies of one 12 KB article are compared by the worker, not a capacity overflow', async () => {
    // Two samples as one article (the core used to collect every candidate
    // pair of copies first: a capacity overflow in 32-bit WebAssembly). The
    // worker's core is called directly: drawing 400 columns is another matter.
    const article = `${seeds[2].text}\n${seeds[3].text}`;
    const { context, page, problems } = await open();
    const [articles, clusters, widest] = await page.evaluate(async (text) => {
      const copies = Array.from({ length: 400 }, (_, i) => ({ name: `copy ${i}.txt`, text }));
      const result = await wirediff.core.call('analyze', [copies, { diffs: false }]);
      return [result.articles.length, result.clusters.length, Math.max(...result.clusters.map((c) => c.articles))];
    }, article);
    assert.equal(articles, 400);
    assert.ok(clusters > 10, `${clusters} clusters`);
    assert.equal(widest, 400);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('messages and stored data', () => {
  test('an article one character over the limit is refused with exact figures, and the text stays', async () => {
    const { context, page, problems } = await open();
    await page.click('#add-toggle');
    const text = 'x'.repeat(2000001);
    await page.$eval('#new-text', (t, v) => { t.value = v; t.dispatchEvent(new Event('input')); }, text);
    await page.click('#add-article');
    await page.getByText('This article is too large (2,000,001 characters; the limit is 2,000,000), so it was not added.').waitFor();
    assert.equal((await page.inputValue('#new-text')).length, text.length);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a value that cannot be saved is called too large only when it is, and storage full when other data fill it', async () => {
    const { context, page, problems } = await open();
    const said = await page.evaluate(() => {
      const large = wirediff.saveArticles([{ name: 'big', text: 'x'.repeat(6000000) }]);
      let chunk = 'y'.repeat(1 << 20);
      for (let n = 0; chunk.length > 0;) {
        try {
          localStorage.setItem(`filler-${n++}`, chunk);
        } catch (e) {
          chunk = chunk.slice(0, chunk.length / 2);
        }
      }
      return { large, full: wirediff.saveDraft({ name: '', text: 'z'.repeat(4096) }), huge: wirediff.saveDraft({ name: '', text: 'z'.repeat(4000001) }) };
    });
    assert.match(said.large, /^Your articles \(6,000,\d{3} characters in all\) are too large for this browser\u2019s storage/);
    assert.match(said.full, /^The browser\u2019s storage is full \(other data in it take [\d,]+ characters\), so your draft is not kept: it stays in the box/);
    assert.match(said.huge, /^This text \(4,000,001 characters\) is too large to keep as a draft \(the limit is 4,000,000\)/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('"Forget stored articles" asks, then clears the page\u2019s keys (and no other page\u2019s) and shows the samples', async () => {
    const { context, page, problems } = await open({ [ARTICLES]: JSON.stringify([seeds[0], small(1)]), 'other-page': 'kept' });
    await compared(page, 2);
    await page.click('#add-toggle');
    await page.click('#forget-stored');
    const ask = page.locator('.message', { hasText: /Forget everything this page keeps/ });
    await ask.getByRole('button', { name: 'Keep them' }).click();
    assert.equal(await columns(page).count(), 2, 'nothing forgotten without confirmation');
    await page.click('#forget-stored');
    await ask.getByRole('button', { name: 'Forget them' }).click();
    await compared(page, 5);
    const keys = await page.evaluate(() => Object.keys(localStorage));
    assert.deepEqual(keys.filter((k) => k.startsWith('wirediff.')), []);
    assert.ok(keys.includes('other-page'));
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await compared(page, 5);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
