// "Fit the room" (issue 12, point 9): the page as a teacher with a projector
// uses it, at 1280x720 and in Large type at 1024x768. Run with
// `node --test tests/e2e/` after scripts/build; screenshots go to
// test-results/.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, openPage } from './browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shots = join(root, 'test-results');
mkdirSync(shots, { recursive: true });
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const QUOTE = 'Models like DeepSeek, Alibaba, Tencent, MiniMax, and Baidu Ernie bot are world class';

let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

async function open(viewport, options = {}) {
  // Reduced motion: the columns scroll at once, so that each try starts
  // from where the last one left them.
  const opened = await openPage(browser, { viewport, reducedMotion: 'reduce', ...options });
  await opened.page.waitForSelector('#columns .s.shared');
  return opened;
}

/**
 * Where sentence `span` (a selector) can be seen: each of its line boxes
 * whose middle shows the sentence itself (not the explanation, a heading
 * or the column's edge), against the viewport and the explanation.
 */
function seen(page, selector) {
  return page.$eval(selector, (span) => {
    const lines = [...span.getClientRects()].filter((r) => r.width > 2);
    const shows = (r) => {
      const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 12), (r.top + r.bottom) / 2);
      return Boolean(hit && span.contains(hit));
    };
    const box = span.getBoundingClientRect();
    // The column's own area: its scrollport, where nothing of it is clipped.
    const col = span.closest('.column');
    const c = col.getBoundingClientRect();
    const top = c.top + col.clientTop;
    const inColumn = lines.every((r) => r.top >= top - 1 && r.bottom <= top + col.clientHeight + 1);
    const explain = document.querySelector('#explain');
    const e = explain.hidden ? null : explain.getBoundingClientRect();
    const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    return {
      lines: lines.length,
      shown: inColumn ? lines.filter(shows).length : 0,
      startShown: lines.length > 0 && shows(lines[0]),
      inViewport: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
      coversBox: e !== null && meets(box, e),
      coversLine: e !== null && lines.some((r) => meets(r, e)),
      explainOpen: e !== null,
      firstShown: lines.find(shows) ? (({ left, top, width, height }) => ({ left, top, width, height }))(lines.find(shows)) : null,
    };
  });
}

const sel = (s) => `#columns .s[data-article="${s.article}"][data-sentence="${s.sentence}"]`;

/**
 * The shared sentences a reader can click now: per column, the lowest and
 * the highest whose first line shows, in another group than `not`.
 */
function clickable(page, not = null) {
  return page.$$eval('#columns .column', (cols, not) => cols.flatMap((col, column) => {
    const shows = (span) => {
      const r = [...span.getClientRects()].find((x) => x.width > 2);
      if (!r) return false;
      const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 12), (r.top + r.bottom) / 2);
      return Boolean(hit && span.contains(hit)) && r.bottom <= innerHeight && r.right <= innerWidth;
    };
    const spans = [...col.querySelectorAll('p .s.shared[data-group]')].filter((s) => s.dataset.group !== not && shows(s));
    const pick = spans.length > 1 ? [spans[spans.length - 1], spans[0]] : spans;
    return pick.map((s) => ({ column, article: s.dataset.article, sentence: s.dataset.sentence, group: s.dataset.group }));
  }), not);
}

/**
 * Sentences to click with the explanation closed, each with the scrolling
 * of the columns it is seen with: those that show with every column at its
 * top, and in every column two more scrolled to show just above its bottom
 * edge (where the explanation would take the room).
 */
async function targets(page) {
  await setScroll(page, null);
  const found = (await clickable(page)).map((s) => ({ ...s, scroll: 0 }));
  // The tallest sentence that shows, wherever it is.
  const tallest = await page.$$eval('#columns .column p .s.shared[data-group]', (spans) => spans
    .filter((s) => { const r = s.getClientRects()[0]; return r && r.bottom < innerHeight && r.right < innerWidth; })
    .sort((x, y) => y.getBoundingClientRect().height - x.getBoundingClientRect().height)
    .slice(0, 1).map((s) => ({ column: [...document.querySelectorAll('#columns .column')].indexOf(s.closest('.column')),
      article: s.dataset.article, sentence: s.dataset.sentence, group: s.dataset.group, scroll: 0 })));
  found.push(...tallest);
  found.push(...await page.$$eval('#columns .column', (cols) => cols.flatMap((col, column) => {
    const edge = col.getBoundingClientRect();
    if (edge.left < 0 || edge.right > innerWidth) return []; // scrolled out of sight sideways
    const spans = [...col.querySelectorAll('p .s.shared[data-group]')];
    return [spans[0], spans[Math.floor(spans.length / 2)]].filter(Boolean).filter((s, k, all) => all.indexOf(s) === k).map((span) => {
      const line = [...span.getClientRects()].find((x) => x.width > 2);
      const top = line.top - col.getBoundingClientRect().top - col.clientTop + col.scrollTop;
      const scroll = Math.max(0, Math.round(top + line.height + 6 - col.clientHeight));
      return { column, article: span.dataset.article, sentence: span.dataset.sentence, group: span.dataset.group, scroll };
    });
  })));
  return found;
}

/**
 * Every column at its top, but `s.column` scrolled down by `s.scroll`
 * pixels. The pointer rests on the page's title first: a sentence that
 * scrolls under it would scroll the other columns to its copies.
 */
async function setScroll(page, s) {
  await page.mouse.move(2, 2);
  return page.$$eval('#columns .column', (cols, s) => cols.forEach((c, k) => {
    c.scrollTop = s && s.column === k ? s.scroll : 0;
  }), s);
}

/** Clicks sentence `s` where it shows, as a reader would (no scrolling first). */
async function clickWhereSeen(page, s) {
  const where = await seen(page, sel(s));
  if (!where.firstShown) {
    const why = await page.$eval(sel(s), (span) => {
      const r = span.getClientRects()[0];
      const hit = document.elementFromPoint(r.left + 5, (r.top + r.bottom) / 2);
      return { r: [r.top, r.bottom, r.left], hit: hit && hit.outerHTML.slice(0, 100), col: span.closest('.column').scrollTop, main: document.querySelector('main').scrollTop, cols: document.querySelector('#columns').scrollLeft, y: scrollY };
    });
    assert.fail(`sentence ${s.article}-${s.sentence} shows before the click: ${JSON.stringify({ s, why })}`);
  }
  const r = where.firstShown;
  await page.mouse.click(r.left + Math.min(r.width / 2, 12), r.top + r.height / 2);
}

describe('fit the room', () => {
  test('at 1280x720 the explanation never covers the sentence clicked', async () => {
    const { context, page, problems } = await open({ width: 1280, height: 720 });
    // With the explanation closed: the lowest and highest sentences of each
    // column, from the first column to the last (at the right edge).
    const first = await targets(page);
    assert.ok(first.length >= 7, `${first.length} sentences to click`);
    const articles = new Set(first.map((s) => s.article));
    assert.ok(articles.size >= 5, 'every column');
    const tries = [];
    for (const s of first) {
      await page.keyboard.press('Escape');
      await page.locator('#explain').waitFor({ state: 'hidden' });
      await setScroll(page, s);
      await clickWhereSeen(page, s);
      await page.locator('#explain').waitFor({ state: 'visible' });
      tries.push({ s, where: await seen(page, sel(s)) });
    }
    await page.screenshot({ path: join(shots, 'room-pinned-bottom.png') });
    // With the explanation open (shorter columns): the lowest sentence of
    // each column that is in another group than the pinned one.
    let again = 0;
    for (const column of new Set(first.map((s) => s.column))) {
      const pinned = await page.evaluate(() => wirediff.state.pinned);
      const s = (await clickable(page, pinned)).find((x) => x.column === column);
      if (!s) continue;
      again++;
      await clickWhereSeen(page, s);
      await page.waitForFunction((g) => wirediff.state.pinned === g, s.group);
      tries.push({ s, where: await seen(page, sel(s)) });
    }
    assert.ok(again >= 3, `${again} sentences clicked with the explanation open`);
    const bad = tries.filter(({ where: w }) => !w.explainOpen || w.coversBox || w.coversLine || !w.inViewport || w.shown < w.lines);
    assert.deepEqual(bad, [], `${bad.length} of ${tries.length} clicked sentences hidden or covered`);
    assert.ok(tries.length >= 10);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Large type at 1024x768 shows article text on the first screen, and the help unfolds', async () => {
    const { context, page, problems } = await open({ width: 1024, height: 768 });
    await page.click('#large-type');
    const check = async () => {
      const size = await page.$eval('#columns .column p', (p) => parseFloat(getComputedStyle(p).fontSize));
      assert.ok(size >= 20, `large text: ${size}px`);
      assert.equal(await page.evaluate(() => scrollY), 0);
      // Whole body sentences (not only titles) on screen, in view in their column.
      const whole = await page.$$eval('#columns .column p .s', (spans) => spans.filter((span) => {
        const b = span.getBoundingClientRect();
        const c = span.closest('.column').getBoundingClientRect();
        return b.height > 0 && b.top >= c.top && b.bottom <= c.bottom && b.top >= 0 && b.bottom <= innerHeight
          && b.left >= 0 && b.right <= innerWidth;
      }).length);
      assert.ok(whole >= 2, `${whole} whole body sentences on the first screen`);
    };
    await check();
    await page.screenshot({ path: join(shots, 'room-large-1024.png') });
    // The help and legend are folded under one summary, which unfolds them.
    assert.equal(await page.locator('#help').getAttribute('open'), null);
    assert.equal(await page.locator('.legend-item').first().isVisible(), false);
    await page.click('#help > summary');
    assert.match(await page.textContent('#help'), /^How to read it\s*One story/);
    assert.equal(await page.locator('.legend-item').first().isVisible(), true);
    // Remembered across a reload, folded again.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#columns .s.shared');
    await check();
    // Out of large type, the help shows as before, its summary hidden.
    await page.click('#large-type');
    assert.notEqual(await page.locator('#help').getAttribute('open'), null);
    assert.equal(await page.locator('#help > summary').isVisible(), false);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Large type at 1024x768: a clicked sentence stays in view beside the explanation', async () => {
    const { context, page, problems } = await open({ width: 1024, height: 768 });
    await page.click('#large-type');
    const list = await targets(page);
    assert.ok(list.length >= 7, `${list.length} sentences to click`);
    const bad = [];
    for (const s of list) {
      await page.keyboard.press('Escape');
      await setScroll(page, s);
      await clickWhereSeen(page, s);
      await page.locator('#explain').waitFor({ state: 'visible' });
      const w = await seen(page, sel(s));
      // The explanation itself is on screen too.
      const e = await page.$eval('#explain', (x) => x.getBoundingClientRect().bottom <= innerHeight && x.getBoundingClientRect().height > 40);
      if (w.coversBox || w.coversLine || !w.inViewport || w.shown < w.lines || !e) bad.push({ s, w, e });
    }
    assert.deepEqual(bad, []);
    await page.screenshot({ path: join(shots, 'room-large-pinned.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('messages float over the page, go by themselves (Undo later), errors that need action stay', async () => {
    const { context, page, problems } = await open({ width: 1280, height: 720 });
    await page.evaluate(() => Object.assign(wirediff.MESSAGE_MS, { short: 600, long: 3000 }));
    assert.equal(await page.getAttribute('#messages', 'aria-live'), 'polite');
    await page.click('#add-toggle');
    await page.fill('#new-name', 'Typed name');
    // Where the columns are in the page (the test's clicks may scroll it).
    const top = () => page.$eval('#columns', (c) => c.getBoundingClientRect().top + c.closest('main').scrollTop + scrollY);
    const count = () => page.locator('#messages .message').count();
    const top0 = await top();
    const most = [];
    // A refusal, an Undo, a plain notice, another refusal: four at once.
    await page.click('#add-article');
    await page.getByText('This article is empty').waitFor();
    most.push(await count());
    await page.locator('#columns .column').first().getByRole('button', { name: /^Remove/ }).click();
    await page.locator('.message', { hasText: /^Removed/ }).waitFor();
    most.push(await count());
    await page.click('#restore-samples');
    await page.locator('.message', { hasText: /^Restored 1 sample article/ }).waitFor();
    most.push(await count());
    assert.equal(await top(), top0, 'the columns did not move');
    await page.click('#add-article');
    most.push(await count());
    assert.ok(Math.max(...most) <= 3, `at most three at once: ${most}`);
    assert.equal(await top(), top0, 'the columns did not move');
    await page.screenshot({ path: join(shots, 'room-messages.png') });
    // The plain ones go by themselves; the Undo stays longer, then goes.
    await page.waitForFunction(() => ![...document.querySelectorAll('#messages .message')].some((m) => /empty|Restored/.test(m.textContent)));
    assert.equal(await page.locator('.message', { hasText: /^Removed/ }).count(), 1, 'the Undo is still there');
    await page.locator('.message', { hasText: /^Removed/ }).waitFor({ state: 'detached' });
    // A message pointed at or focused stays while it is.
    await page.locator('#columns .column').first().getByRole('button', { name: /^Remove/ }).click();
    const undo = page.locator('.message', { hasText: /^Removed/ }).getByRole('button', { name: 'Undo' });
    await undo.focus();
    await page.waitForTimeout(3600);
    assert.equal(await undo.count(), 1, 'kept while focused');
    await undo.click();
    await page.waitForFunction(() => document.querySelectorAll('#columns .column').length === 5);
    // An error that needs action stays until dismissed.
    for (let n = await page.locator('#columns .column').count(); n > 1; n--) {
      await page.locator('#columns .column').first().getByRole('button', { name: /^Remove/ }).click();
    }
    const lasting = page.locator('.message.error', { hasText: 'Add at least one more article' });
    await lasting.waitFor();
    assert.equal(await top(), top0, 'the columns did not move');
    await page.waitForTimeout(3600);
    assert.equal(await lasting.count(), 1, 'still there after the others went');
    assert.equal(await page.locator('.message', { hasText: /^Removed/ }).count(), 0);
    await lasting.getByRole('button', { name: 'Dismiss this message' }).click();
    assert.equal(await lasting.count(), 0);
    assert.equal(await page.inputValue('#new-name'), 'Typed name', 'nothing typed is lost');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('arrow keys step through the copies of a group and through groups; the explanation follows', async () => {
    const { context, page, problems } = await open({ width: 1280, height: 720 });
    const focused = () => page.evaluate(() => {
      const s = document.activeElement;
      return s && s.matches('.s.shared') ? { group: s.dataset.group, article: s.dataset.article, sentence: Number(s.dataset.sentence) } : null;
    });
    assert.match(await page.textContent('#help'), /\u2190.*\u2192.*copies.*\u2191.*\u2193/s, 'the help names the keys');
    const quote = page.locator('#columns .s.shared', { hasText: QUOTE }).first();
    await quote.click();
    await page.locator('#explain').waitFor({ state: 'visible' });
    const start = await focused();
    assert.ok(start, 'the clicked sentence has focus');
    const copies = await page.locator(`#columns .s.shared[data-group="${start.group}"]`).count();
    assert.ok(copies >= 3);
    // → goes round the copies, one per step, each in view, then back.
    const visited = [start.article];
    for (let k = 1; k < copies; k++) {
      await page.keyboard.press('ArrowRight');
      const now = await focused();
      assert.equal(now.group, start.group, 'another copy of the same group');
      assert.notEqual(now.article, visited[visited.length - 1]);
      visited.push(now.article);
      const w = await seen(page, `${sel(now)}`);
      assert.ok(w.inViewport && w.shown === w.lines && !w.coversBox, `copy in article ${now.article} in view: ${JSON.stringify(w)}`);
    }
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await focused(), start, 'round to the first copy');
    await page.keyboard.press('ArrowLeft');
    assert.equal((await focused()).article, visited[visited.length - 1]);
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => wirediff.state.pinned), start.group);
    // ↓ goes to the next shared sentence of the article, in another group;
    // the explanation follows it.
    await page.keyboard.press('ArrowDown');
    const down = await focused();
    assert.equal(down.article, start.article);
    assert.notEqual(down.group, start.group);
    assert.ok(down.sentence > start.sentence);
    assert.equal(await page.evaluate(() => wirediff.state.pinned), down.group);
    if (down.group.startsWith('c')) {
      assert.match(await page.textContent('#explain'), new RegExp(`^Shared sentence ${Number(down.group.slice(1)) + 1}:`));
    }
    const w = await seen(page, sel(down));
    assert.ok(w.inViewport && w.shown === w.lines && !w.coversBox, JSON.stringify(w));
    await page.keyboard.press('ArrowUp');
    const up = await focused();
    assert.equal(up.article, start.article);
    assert.ok(up.sentence < down.sentence && up.group !== down.group);
    await page.screenshot({ path: join(shots, 'room-arrows.png') });
    // The focused copy shows its own ring, unlike its lit and pinned copies.
    const ring = await page.evaluate(() => {
      const s = document.activeElement;
      return { visible: s.matches(':focus-visible'), outline: getComputedStyle(s).outlineColor };
    });
    assert.ok(ring.visible, 'focus is visible');
    assert.equal(ring.outline, 'rgb(0, 114, 178)');
    // Unpinned, the keys still move focus, each sentence starting clear of
    // the column's sticky heading (a sentence taller than the room under it
    // cannot show whole; with the explanation open the heading scrolls away).
    await page.keyboard.press('Escape');
    await page.locator('#explain').waitFor({ state: 'hidden' });
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
      await page.keyboard.press(key);
      const now = await focused();
      assert.ok(now, `${key} keeps focus on a sentence`);
      const w = await seen(page, sel(now));
      assert.ok(w.inViewport && w.startShown, `${key}: ${JSON.stringify({ now, w })}`);
    }
    assert.equal(await page.evaluate(() => wirediff.state.pinned), null, 'nothing pinned by moving');
    // Typing in a text box is left alone.
    const pinned = await page.evaluate(() => wirediff.state.pinned);
    await page.click('#add-toggle');
    await page.fill('#new-text', 'ab');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('c');
    assert.equal(await page.inputValue('#new-text'), 'acb');
    assert.equal(await page.evaluate(() => wirediff.state.pinned), pinned);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('errors that stay are never pushed out by newer notes', async () => {
    const { context, page, problems } = await open({ width: 1280, height: 720 });
    await page.evaluate(() => { for (const n of [1, 2, 3]) wirediff.say(`Lasting error ${n}`, 'error'); });
    await page.click('#add-toggle');
    await page.click('#add-article');
    await page.getByText('This article is empty').waitFor();
    await page.evaluate(() => wirediff.say('A plain note'));
    const texts = await page.$$eval('#messages .message > span', (ss) => ss.map((s) => s.textContent));
    assert.deepEqual(texts.slice(0, 3), ['Lasting error 1', 'Lasting error 2', 'Lasting error 3']);
    assert.equal(texts[3], 'A plain note', texts.join(' | '));
    // A newer lasting error takes the oldest one's place.
    await page.evaluate(() => wirediff.say('Lasting error 4', 'error'));
    const now = await page.$$eval('#messages .message > span', (ss) => ss.map((s) => s.textContent));
    assert.deepEqual(now, ['Lasting error 2', 'Lasting error 3', 'Lasting error 4'], now.join(' | '));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('axe: no serious or critical violations in Large type, help open and closed, with messages', async () => {
    const { context, page } = await open({ width: 1024, height: 768 }, { bypassCSP: true });
    await page.addScriptTag({ path: axePath });
    await page.click('#large-type');
    await page.locator('#columns .s.shared').first().click();
    await page.evaluate(() => wirediff.recompute());
    await page.click('#add-toggle');
    await page.click('#add-article');
    const found = [];
    for (const open of [false, true]) {
      await page.$eval('#help', (d, o) => { d.open = o; }, open);
      const result = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0]?.target }));
      });
      found.push(...result.filter((v) => v.impact === 'serious' || v.impact === 'critical'));
    }
    assert.deepEqual(found, []);
    await context.close();
  });
});
