// End-to-end tests of dist/index.html in Debian's Chromium, driven by
// playwright-core: opened from file:// and from a static server under a
// sub-path. Screenshots of every view go to test-results/.
// Run with `node --test tests/e2e/` after scripts/build (scripts/test-web
// does both).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diffShown, launchChromium } from './browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const page_path = join(root, 'dist', 'index.html');
const shots = join(root, 'test-results');
mkdirSync(shots, { recursive: true });
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const QUOTE = 'Models like DeepSeek, Alibaba, Tencent, MiniMax, and Baidu Ernie bot are world class';
const SUB_PATH = '/some/sub/path/';

let browser;
let server;
let httpUrl;

before(async () => {
  browser = await launchChromium();
  const html = readFileSync(page_path);
  server = createServer((req, res) => {
    if (req.url === SUB_PATH || req.url === `${SUB_PATH}index.html`) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    } else {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  httpUrl = `http://127.0.0.1:${server.address().port}${SUB_PATH}`;
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens the page in a fresh context; collects console errors and dialogs. */
async function open(url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  const page = await context.newPage();
  const problems = [];
  const dialogs = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return { context, page, problems, dialogs };
}

async function shot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

/** Sets the threshold slider as a user dragging it would. */
async function setThreshold(page, value) {
  await page.$eval('#threshold', (input, v) => {
    input.value = v;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, String(value));
  await page.waitForFunction((v) => document.querySelector('#threshold-value').textContent === Number(v).toFixed(2), String(value));
  await page.waitForTimeout(400);
}

/** Where the copies of cluster `c` are: article, lit, visible in its column. */
async function copies(page, c) {
  return page.$$eval(`#columns .s.shared[data-group="${c}"]`, (spans) => spans.map((s) => {
    const box = s.getBoundingClientRect();
    const column = s.closest('.column');
    const header = column.querySelector('header');
    // A sticky heading covers the top of the column.
    const area = column.getBoundingClientRect();
    const top = getComputedStyle(header).position === 'sticky' ? header.getBoundingClientRect().bottom : area.top;
    return {
      article: Number(column.dataset.article),
      lit: s.classList.contains('lit'),
      visible: box.top >= top - 1 && box.top < area.bottom,
    };
  }));
}

async function sharedCount(page) {
  return page.$$eval('#columns .s.shared', (spans) => new Set(spans.map((s) => s.dataset.group)).size);
}

for (const [origin, url] of [['file', () => pathToFileURL(page_path).href], ['subpath', () => httpUrl]]) {
  describe(`page from ${origin}`, () => {
    test('shows five columns with names, headlines and no console errors', async () => {
      const { context, page, problems } = await open(url());
      // The samples' file names carry no outlet: the columns are named by them.
      const names = await page.$$eval('#columns .column h2', (hs) => hs.map((h) => h.textContent.trim()));
      assert.deepEqual(names.map((n) => /^00\d_[0-9a-f]{16}\.txt$/.test(n)), [true, true, true, true, true], names.join(' | '));
      // Three samples open with a headline, shown first in bold; the other
      // two open with a disclaimer and with prose.
      const headlines = await page.$$eval('#columns .column p.headline', (ps) => ps.map((p) => p.textContent.trim()));
      assert.equal(headlines.length, 3, headlines.join(' | '));
      for (const t of headlines) assert.ok(t.length > 30, `headline: ${t}`);
      const rendered = await page.evaluate(() => performance.getEntriesByName('wirediff:first-render')[0].startTime);
      const compared = await page.evaluate(() => performance.getEntriesByName('wirediff:compare')[0].duration);
      console.log(`# ${origin}: first full render ${Math.round(rendered)} ms after navigation; comparison ${compared.toFixed(1)} ms`);
      assert.equal(await page.evaluate('wirediff.core.worker !== null'), true, 'the analysis runs in a worker');
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.match(csp, /^default-src 'none';/);
      assert.match(csp, /script-src 'wasm-unsafe-eval' 'sha256-/);
      assert.doesNotMatch(csp, /https?:|\*|'unsafe-eval'|'unsafe-inline'/, 'no remote origins, no eval, no unhashed scripts');
      await shot(page, `${origin}-articles`);
      assert.deepEqual(problems, []);
      await context.close();
    });

    test('the world-class quote is highlighted in every article that carries it', async () => {
      const { context, page, problems } = await open(url());
      const carriers = await page.$$eval('#columns .column', (cols, quote) =>
        cols.map((c, i) => (c.textContent.includes(quote) ? i : -1)).filter((i) => i >= 0), QUOTE);
      assert.ok(carriers.length >= 3, `carriers ${carriers}`);
      const marked = await page.$$eval('#columns .s.shared', (spans, quote) => spans
        .filter((s) => s.textContent.includes(quote))
        .map((s) => ({ cluster: s.dataset.group, article: Number(s.closest('.column').dataset.article) })), QUOTE);
      assert.deepEqual([...new Set(marked.map((m) => m.article))].sort(), carriers);
      assert.equal(new Set(marked.map((m) => m.cluster)).size, 1, 'one cluster');
      const first = page.locator('#columns .s.shared', { hasText: QUOTE }).first();
      await first.hover();
      const lit = await page.$$eval(`#columns .s.shared.lit[data-group="${marked[0].cluster}"]`,
        (spans) => [...new Set(spans.map((s) => Number(s.closest('.column').dataset.article)))]);
      for (const a of carriers) assert.ok(lit.includes(a), `hovering lights up the copy in article ${a}`);
      // Every other column scrolls its copy into view; the hovered one stays.
      await page.waitForTimeout(900);
      const view = await copies(page, marked[0].cluster);
      assert.ok(view.every((v) => v.lit), 'still lit while the pointer rests');
      for (const a of carriers) {
        assert.ok(view.some((v) => v.article === a && v.visible), `copy in article ${a} scrolled into view`);
      }
      await shot(page, `${origin}-hover`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  });
}

describe('page features', () => {
  test('pinning a sentence explains the link', async () => {
    const { context, page, problems } = await open(pathToFileURL(page_path).href);
    const quote = page.locator('#columns .s.shared', { hasText: QUOTE }).first();
    const cluster = await quote.getAttribute('data-group');
    await quote.click();
    const explain = page.locator('#explain');
    await explain.waitFor({ state: 'visible' });
    // With the explanation open, every copy is still in view in its column.
    await page.waitForTimeout(900);
    const view = await copies(page, cluster);
    assert.ok(view.length >= 3);
    for (const a of new Set(view.map((v) => v.article))) {
      assert.ok(view.some((v) => v.article === a && v.visible), `a copy in article ${a} in view while pinned`);
    }
    const text = await explain.textContent();
    assert.match(text, /Shared sentence \d+/);
    assert.match(text, /Shared words: .*DeepSeek/);
    assert.ok(await page.locator('#explain .run').count() >= 2, 'longest common runs underlined');
    await shot(page, 'pinned');
    await page.keyboard.press('Escape');
    await explain.waitFor({ state: 'hidden' });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('links that no group holds are marked and explained', async () => {
    const { context, page, problems } = await open(pathToFileURL(page_path).href);
    // What the analysis links outside its clusters, as the page received it.
    const found = await page.evaluate(() => {
      const a = wirediff.state.analysis;
      const where = [];
      a.articles.forEach((art, i) => art.sentences.forEach((s, k) => {
        if (s.links.length) where.push({ article: i, sentence: k, cluster: s.cluster, links: s.links.length });
      }));
      return { links: a.links.length, where };
    });
    assert.ok(found.links > 0, 'the sample articles have links outside clusters');
    const alone = found.where.find((w) => w.cluster === null);
    const inGroup = found.where.find((w) => w.cluster !== null);
    assert.ok(alone && inGroup, JSON.stringify(found.where));
    const span = (w) => page.locator(`#columns .s.shared[data-article="${w.article}"][data-sentence="${w.sentence}"]`);
    // A linked sentence in no cluster is grey, focusable, and pins itself.
    const lone = span(alone);
    assert.match(await lone.getAttribute('class'), /\blinked\b/);
    assert.equal(await lone.getAttribute('tabindex'), '0');
    await lone.click();
    const explain = page.locator('#explain');
    await explain.waitFor({ state: 'visible' });
    assert.match(await explain.textContent(), /like (\d+ sentences in other articles|a sentence in another article)/);
    assert.match(await explain.textContent(), /Shared words: \S/);
    assert.equal(await page.locator('#columns .s.shared.related').count(), alone.links);
    assert.equal(await page.locator('#columns .s.shared.pinned').count(), 1);
    await page.waitForTimeout(900);
    await shot(page, 'pinned-link');
    // A cluster member linked outside its cluster lists those links too,
    // and marks sentences of other groups, never its own.
    await span(inGroup).click();
    await page.waitForFunction(() => /Shared sentence/.test(document.querySelector('#explain').textContent));
    assert.match(await explain.textContent(), /Also like sentences outside this group/);
    const marks = await page.$$eval('#columns .s.shared.related', (spans) => spans.map((s) => s.dataset.group));
    assert.ok(marks.length >= inGroup.links, `${marks.length} related sentences`);
    assert.ok(!marks.includes(`c${inGroup.cluster}`), 'related sentences are outside the group');
    // Unpinning, with the pointer and focus elsewhere, clears every mark.
    await page.keyboard.press('Escape');
    await explain.waitFor({ state: 'hidden' });
    await page.mouse.move(1, 1);
    await page.focus('#tab-articles');
    assert.equal(await page.locator('#columns .s.shared.related, #columns .s.shared.lit').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('marks follow the pinned, pointed-at and focused groups across views', async () => {
    const { context, page, problems } = await open(pathToFileURL(page_path).href);
    const marked = (kind) => page.$$eval(`#columns .s.shared.${kind}`, (spans) => spans.map((s) => `${s.dataset.article}-${s.dataset.sentence}`).sort());
    // Expected marks of a group, from the analysis itself.
    const expected = (key) => page.evaluate((key) => ({
      lit: wirediff.groupSentences(wirediff.state.analysis, key).map(([a, s]) => `${a}-${s}`).sort(),
      related: [...new Set(wirediff.groupLinks(wirediff.state.analysis, key).map(({ outside: o }) => `${o.article}-${o.sentence}`))]
        .filter((k) => !wirediff.groupSentences(wirediff.state.analysis, key).some(([a, s]) => `${a}-${s}` === k)).sort(),
    }), key);
    const [first, second] = await page.evaluate(() => {
      const keys = [];
      wirediff.state.analysis.articles.forEach((art, a) => art.sentences.forEach((s, k) => {
        const key = wirediff.groupKey(wirediff.state.analysis, a, k);
        if (key && s.links.length && !keys.some((x) => x.key === key)) keys.push({ key, a, s: k });
      }));
      return keys.slice(0, 2);
    });
    const span = (x) => page.locator(`#columns .s.shared[data-article="${x.a}"][data-sentence="${x.s}"]`);
    // A pin does not survive a change of view: back in the articles, one
    // click pins again and nothing is left marked.
    await span(first).click();
    await page.click('#tab-clusters');
    await page.click('#tab-articles');
    assert.equal(await page.locator('#explain').isHidden(), true);
    assert.deepEqual(await marked('pinned'), []);
    await span(first).click();
    await page.locator('#explain').waitFor({ state: 'visible' });
    assert.deepEqual(await marked('pinned'), (await expected(first.key)).lit);
    // Focus another group and unpin: the focused group keeps all its marks.
    await span(second).focus();
    await page.mouse.move(1, 1);
    await page.keyboard.press('Escape');
    await page.locator('#explain').waitFor({ state: 'hidden' });
    const want = await expected(second.key);
    assert.deepEqual(await marked('lit'), want.lit);
    assert.ok(want.related.length > 0);
    for (const k of want.related) assert.ok((await marked('related')).includes(k), `${k} stays boxed`);
    assert.deepEqual(await marked('pinned'), []);
    // "Show in the articles" pins even the group that was pinned before.
    await span(first).click();
    await page.click('#tab-clusters');
    const c = Number(first.key.slice(1));
    if (first.key.startsWith('c')) {
      await page.locator(`#cluster-${c}`).getByRole('button', { name: 'Show in the articles' }).click();
      await page.locator('#explain').waitFor({ state: 'visible' });
      assert.deepEqual(await marked('pinned'), (await expected(first.key)).lit);
    }
    assert.match(await page.textContent('#explain-status'), /^Pinned\./);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('keyboard: Enter pins a focused shared sentence, arrow keys switch views', async () => {
    const { context, page, problems } = await open(pathToFileURL(page_path).href);
    await page.locator('#columns .s.shared').first().focus();
    await page.keyboard.press('Enter');
    await page.locator('#explain').waitFor({ state: 'visible' });
    await page.focus('#tab-articles');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getAttribute('#tab-list', 'aria-selected'), 'true');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getAttribute('#tab-clusters', 'aria-selected'), 'true');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('cluster list shows variants with word changes and reasons', async () => {
    const { context, page, problems } = await open(pathToFileURL(page_path).href);
    await page.click('#tab-clusters');
    const clusters = page.locator('#cluster-list .cluster');
    assert.ok(await clusters.count() >= 3);
    const first = clusters.first();
    assert.match(await first.textContent(), /In \d+ articles/);
    assert.ok(await page.locator('#cluster-list del, #cluster-list ins').count() > 0, 'word differences marked');
    assert.match(await page.locator('#cluster-list').textContent(), /shared words: /);
    // Each group's heading gives the mix of its versions' own kinds.
    const mixes = await page.evaluate(() => [...document.querySelectorAll('#cluster-list .cluster')].map((li) => {
      const c = Number(li.id.replace('cluster-', ''));
      const kinds = wirediff.state.analysis.clusters[c].members.map((m) => m.kind);
      return { text: li.querySelector('.kind').textContent, kinds: new Set(kinds).size, members: kinds.length };
    }));
    for (const { text, kinds, members } of mixes) {
      if (kinds === 1) {
        assert.doesNotMatch(text, /^\d+ /, text);
      } else {
        const counts = text.split(' · ')[0].split(', ').map((part) => Number(part.split(' ')[0]));
        assert.equal(counts.length, kinds, text);
        assert.equal(counts.reduce((a, b) => a + b, 0), members, text);
      }
    }
    assert.ok(mixes.some((m) => m.kinds > 1), 'a group that mixes kinds');
    // Links from a group's members to sentences outside it are listed too.
    const outside = await page.evaluate(() => wirediff.state.analysis.links.filter((l) =>
      [l.a, l.b].some((e) => wirediff.state.analysis.articles[e.article].sentences[e.sentence].cluster !== null)).length);
    assert.ok(outside > 0);
    assert.ok(await page.locator('#cluster-list ul.outside li').count() >= outside);
    await shot(page, 'clusters');
    await first.getByRole('button', { name: 'Show in the articles' }).click();
    await page.locator('#explain').waitFor({ state: 'visible' });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('diff view shows changed paragraphs with inline changes', async () => {
    const { context, page, problems } = await open(pathToFileURL(page_path).href);
    await page.click('#tab-diff');
    await page.selectOption('#diff-a', '0');
    await page.selectOption('#diff-b', '1');
    await diffShown(page);
    const changed = page.locator('#diff-table .diff-row.change');
    assert.ok(await changed.count() >= 1);
    assert.ok(await changed.first().locator('del').count() >= 1, 'deleted words in the old side');
    assert.ok(await changed.first().locator('ins').count() >= 1, 'inserted words in the new side');
    assert.ok(await page.locator('#diff-table .diff-row.delete').count() >= 1);
    assert.ok(await page.locator('#diff-table .diff-row.insert').count() >= 1);
    assert.match(await page.textContent('#diff-summary'), /\d+ changed/);
    assert.doesNotMatch(await page.textContent('#diff-table'), /object HTML/);
    await shot(page, 'diff');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('overlap view shows the matrix and the unique shares', async () => {
    const { context, page, problems } = await open(pathToFileURL(page_path).href);
    await page.click('#tab-overlap');
    assert.equal(await page.locator('#overlap-table tbody tr').count(), 5);
    assert.equal(await page.locator('#overlap-table tbody tr:first-child td').count(), 6);
    assert.match(await page.textContent('#overlap-table'), /\d+%/);
    await shot(page, 'overlap');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('moving the threshold changes the clusters', async () => {
    const { context, page, problems } = await open(pathToFileURL(page_path).href);
    const before = await sharedCount(page);
    await page.uncheck('#paraphrases');
    await page.waitForTimeout(200);
    const withoutRewrites = await sharedCount(page);
    await setThreshold(page, 0.95);
    const strict = await sharedCount(page);
    await setThreshold(page, 0.3);
    const loose = await sharedCount(page);
    assert.ok(withoutRewrites < before, `${withoutRewrites} < ${before}`);
    assert.ok(strict < withoutRewrites, `${strict} < ${withoutRewrites}`);
    assert.ok(loose > withoutRewrites, `${loose} > ${withoutRewrites}`);
    await shot(page, 'threshold-low');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a pasted sixth article adds a column, survives a reload, and shows markup as text', async () => {
    const { context, page, problems, dialogs } = await open(pathToFileURL(page_path).href);
    await page.click('#add-toggle');
    await page.fill('#new-name', 'Pasted <b>outlet</b>');
    const hostile = 'Nvidia CEO Jensen Huang said models are world class <img src=x onerror=alert(1)>\n\n' +
      '"Models like DeepSeek, Alibaba, Tencent, MiniMax, and Baidu Ernie bot are world class, developed here and shared openly," he said. <script>alert(2)</script>';
    await page.fill('#new-text', hostile);
    await page.click('#add-article');
    await page.waitForFunction(() => document.querySelectorAll('#columns .column').length === 6);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.locator('#columns .column').count(), 6);
    const sixth = page.locator('#columns .column').nth(5);
    const text = await sixth.textContent();
    assert.ok(text.includes('<img src=x onerror=alert(1)>'), 'markup shown literally');
    assert.ok(text.includes('<script>alert(2)</script>'));
    assert.ok(text.includes('Pasted <b>outlet</b>'));
    assert.equal(await page.locator('#columns img, #columns script, #columns b').count(), 0);
    assert.ok(await sixth.locator('.s.shared').count() >= 1, 'the pasted quote is linked');
    await shot(page, 'six-articles');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('with storage full for other reasons, a 4 KB draft and a new article are said not kept because storage is full, not too large', async () => {
    const { context, page, problems } = await open(pathToFileURL(page_path).href);
    // Fill this origin's storage as earlier visits or other pages might have.
    const filled = await page.evaluate(() => {
      let chunk = 'x'.repeat(1 << 20);
      let n = 0;
      while (chunk.length > 0) {
        try {
          localStorage.setItem(`filler-${n++}`, chunk);
        } catch (e) {
          chunk = chunk.slice(0, chunk.length / 2);
        }
      }
      return n;
    });
    assert.ok(filled > 1, 'storage filled');
    await page.click('#add-toggle');
    await page.fill('#new-name', 'Too big to keep');
    const draft = 'A headline\n\n' + 'Nvidia said on Wednesday that it would resume sales of its H20 chips to China. '.repeat(55);
    assert.ok(draft.length > 4000 && draft.length < 5000);
    await page.fill('#new-text', draft);
    // The draft cannot be kept either, and the page says why: storage is
    // full, not that 4 KB of text is too big.
    const full = page.locator('.message', { hasText: /storage is full .*your draft is not kept.*a reload would lose it/ });
    await full.waitFor();
    assert.doesNotMatch(await page.textContent('#messages'), /too large/);
    await page.click('#add-article');
    await page.locator('.message', { hasText: /storage is full .*your articles could not be saved/ }).waitFor();
    assert.doesNotMatch(await page.textContent('#messages'), /too large/);
    await page.waitForFunction(() => document.querySelectorAll('#columns .column').length === 6);
    assert.match(await page.locator('#columns .column').nth(5).textContent(), /Too big to keep/);
    await shot(page, 'storage-full');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('dropped files become articles, and columns can be renamed', async () => {
    const { context, page, problems } = await open(pathToFileURL(page_path).href);
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['Dropped headline\n\nThe storm closed every school in the county on Tuesday.'], 'dropped.txt', { type: 'text/plain' }));
      return dt;
    });
    await page.dispatchEvent('body', 'drop', { dataTransfer });
    await page.waitForFunction(() => document.querySelectorAll('#columns .column').length === 6);
    const column = page.locator('#columns .column').nth(5);
    assert.match(await column.textContent(), /dropped\.txt/);
    await column.getByRole('button', { name: /^Rename/ }).click();
    await page.fill('#columns .column:nth-child(6) input', 'Renamed outlet');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#columns .column')[5].textContent.includes('Renamed outlet'));
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.match(await page.locator('#columns .column').nth(5).textContent(), /Renamed outlet/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('bad input gets a clear message and nothing typed is lost', async () => {
    const { context, page, problems } = await open(pathToFileURL(page_path).href);
    await page.click('#add-toggle');
    await page.fill('#new-text', '   ');
    await page.click('#add-article');
    await page.getByText('This article is empty').waitFor();
    const huge = 'word '.repeat(500000);
    await page.$eval('#new-text', (t, v) => { t.value = v; t.dispatchEvent(new Event('input')); }, huge);
    await page.click('#add-article');
    await page.getByText(/is too large/).first().waitFor();
    assert.equal((await page.inputValue('#new-text')).length, huge.length, 'the paste is kept');
    await page.setInputFiles('#add-files', { name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 0xff, 0xfe]) });
    await page.getByText(/photo\.txt is not UTF-8 text|photo\.txt looks like a binary file/).waitFor();
    // Remove articles down to one: the page says why nothing is compared.
    for (let i = 0; i < 4; i++) await page.locator('#columns .column').first().getByRole('button', { name: /^Remove/ }).click();
    await page.getByText('Add at least one more article').waitFor();
    assert.equal(await page.locator('#columns .column').count(), 1);
    await page.getByRole('button', { name: 'Undo' }).last().click();
    await page.waitForFunction(() => document.querySelectorAll('#columns .column').length === 2);
    await shot(page, 'messages');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('large type at 1280x720 leaves the columns most of the window', async () => {
    const { context, page, problems } = await open(pathToFileURL(page_path).href);
    await page.click('#large-type');
    const fontSize = await page.$eval('#columns .column p', (p) => parseFloat(getComputedStyle(p).fontSize));
    assert.ok(fontSize >= 20, `large text: ${fontSize}px`);
    const column = page.locator('#columns .column').first();
    await column.scrollIntoViewIfNeeded();
    const height = (await column.boundingBox()).height;
    assert.ok(height >= 0.6 * 720, `column ${height}px tall`);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.getAttribute('#large-type', 'aria-pressed'), 'true', 'large type is remembered');
    await shot(page, 'large-type');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('large type and phone width stay usable', async () => {
    const { context, page, problems } = await open(pathToFileURL(page_path).href, { viewport: { width: 390, height: 844 } });
    await page.click('#large-type');
    assert.equal(await page.getAttribute('#large-type', 'aria-pressed'), 'true');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page scrolls sideways by ${overflow}px`);
    await shot(page, 'phone-large-type');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('axe finds no serious or critical accessibility violations', async () => {
    // axe is injected as a script, which the page's own policy forbids.
    const { context, page } = await open(pathToFileURL(page_path).href, { bypassCSP: true });
    await page.addScriptTag({ path: axePath });
    const views = ['articles', 'clusters', 'diff', 'overlap'];
    const found = [];
    for (const view of views) {
      await page.click(`#tab-${view}`);
      const result = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0]?.target }));
      });
      found.push(...result.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ view, ...v })));
    }
    assert.deepEqual(found, []);
    await context.close();
  });
});
