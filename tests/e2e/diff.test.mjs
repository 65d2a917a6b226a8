// End-to-end tests of the paragraph diff on the page: paragraphs paired
// through the sentences the analysis links, so that moved paragraphs read
// as moves and split or merged ones as splits and merges; stepping through
// the changes; ignoring case and punctuation. On the samples and on a
// second set of real articles (tests/data/eval/events/mexico-quake-2022).
// Run with `node --test tests/e2e/` after scripts/build.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffShown, launchChromium, openPage } from './browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const eventDir = join(root, 'tests/data/eval/events/mexico-quake-2022');

let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

// axe is injected as a script, which the page's own policy forbids.
const open = () => openPage(browser, { bypassCSP: true });

/** Each row of the diff: its kind, its label and the text of each side. */
function rows(page) {
  return page.$$eval('#diff-table .diff-row:not(.head)', (rs) => rs.map((r) => ({
    tag: r.classList[1],
    label: r.querySelector('.tag')?.textContent ?? '',
    old: r.querySelector('.old').textContent,
    new: r.querySelector('.new').textContent,
  })));
}

async function pick(page, a, b) {
  await page.click('#tab-diff');
  await page.selectOption('#diff-a', String(a));
  await page.selectOption('#diff-b', String(b));
  await diffShown(page);
}

test('real articles: a swapped lead and a moved quote read as moves, a paragraph cut in two as a split; the ribbon; an article against the common source', async () => {
  const { context, page, problems } = await open();
  for (let i = 0; i < 5; i++) {
    await page.locator('#columns .column').first().getByRole('button', { name: /^Remove/ }).click();
  }
  const files = readdirSync(eventDir).filter((f) => f.endsWith('.txt')).sort()
    .map((name) => ({ name, mimeType: 'text/plain', buffer: readFileSync(join(eventDir, name)) }));
  await page.setInputFiles('#add-files', files);
  await page.waitForFunction(() => document.querySelectorAll('#columns .column:not(.plain)').length === 7, null, { timeout: 20000 });
  // Stuff (5) against News Americas Now (6).
  await pick(page, 5, 6);
  const all = await rows(page);
  // Stuff opens with its second sentence; the other outlet with the lead.
  const away = all.find((r) => r.tag === 'moved_from' && /^A powerful magnitude 6\.8/.test(r.old.replace(/^moved.*?\u00b6\d+/, '')));
  assert.ok(away, JSON.stringify(all.map((r) => [r.tag, r.label])));
  assert.match(away.label, /^moved \u2193 to new \u00b61$/);
  assert.equal(away.new, '', 'where it was, the new side is empty');
  const lead = all.findIndex((r) => r.tag === 'moved_to' && /moved here \u2191 from old \u00b62/.test(r.label));
  assert.equal(lead, 0, 'the lead is the first paragraph of the new article');
  assert.match(all[lead].old, /A powerful magnitude 6\.8 earthquake struck Mexico early Thursday/, 'its old text beside it');
  assert.match(all[lead].new, /A powerful 6\.8 magnitude earthquake has struck Mexico/);
  // The mayor's quote moved up, with its word changes.
  const quote = all.find((r) => r.tag === 'moved_to' && /Claudia Sheinbaum/.test(r.new));
  assert.ok(quote && /from old \u00b6\d+ \u00b7 \d+% alike/.test(quote.label), JSON.stringify(quote));
  assert.ok(await page.locator('#diff-table .diff-row.moved_to del').count() >= 1, 'changed words marked in a moved paragraph');
  // One paragraph of Stuff is two of the other.
  assert.ok(all.some((r) => r.tag === 'split' && /^split \u00b7 into new \u00b6\d+\u2013\d+/.test(r.label)));
  assert.match(await page.textContent('#diff-summary'), /1 split, 2 moved/);
  // The ribbon: seven columns in order, Stuff's swapped lead a crossing band.
  assert.deepEqual(await page.$$eval('#ribbon text', (ts) => ts.map((t) => t.textContent)),
    ['Richmond', 'Cbsnews', 'Business Standard', 'Shropshire Star', 'The Hill', 'Stuff', 'News Americas Now']);
  assert.deepEqual(await page.$$eval('#ribbon text.pair', (ts) => ts.map((t) => t.textContent)), ['Stuff', 'News Americas Now']);
  const bands = await page.$$eval('#ribbon path', (ps) => ps.map((p) => p.getAttribute('d').match(/-?[\d.]+/g).map(Number)));
  const fifth = bands.filter((b) => b[0] === bands.map((x) => x[0]).sort((x, y) => x - y).filter((v, i, a) => a.indexOf(v) === i)[5]);
  assert.ok(fifth.some((p) => fifth.some((q) => p[1] < q[1] && p[7] > q[7])), 'two bands cross between Stuff and News Americas Now');
  assert.equal(await page.locator('#ribbon rect').count(), await page.evaluate(() => window.wirediff.state.analysis.articles
    .reduce((n, a) => n + a.paragraphs.filter((p) => !window.wirediff.asideReason(p)).length, 0)), 'a block per compared paragraph');
  // Merges the other way round.
  await pick(page, 6, 5);
  assert.match(await page.textContent('#diff-summary'), /1 merged, 0 split, 2 moved/);
  assert.ok((await rows(page)).some((r) => r.tag === 'merge' && /^merged \u00b7 old \u00b6\d+\u2013\d+ became one/.test(r.label)));
  // The common source: the version most members print of each widely
  // shared group, one a line; an article against it: kept, reworded, cut.
  const lines = await page.evaluate(() => {
    const { state, commonSource } = window.wirediff;
    const a = state.analysis;
    const source = commonSource(a);
    return source.groups.map((c, k) => {
      const texts = a.clusters[c].members.map((m) => a.articles[m.article].sentences[m.sentence].text);
      const most = Math.max(...texts.map((t) => texts.filter((x) => x === t).length));
      return [a.clusters[c].articles, texts.filter((x) => x === source.text.split('\n')[k]).length === most];
    });
  });
  assert.ok(lines.length >= 5, JSON.stringify(lines));
  assert.ok(lines.every(([articles, most]) => articles >= 2 && most), JSON.stringify(lines));
  await page.selectOption('#diff-a', 'source');
  await page.selectOption('#diff-b', '4');
  await diffShown(page);
  assert.match(await page.textContent('#diff-summary'), /^[1-9]\d* kept, [1-9]\d* reworded, .*, [1-9]\d* cut, \d+ added/);
  assert.equal(await page.textContent('#diff-table .diff-row.head .diff-cell'), 'Common source');
  const labels = (await rows(page)).map((r) => r.label.split(' \u00b7 ')[0]);
  for (const label of ['kept', 'reworded', 'cut']) assert.ok(labels.includes(label), `${label} in ${labels}`);
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run('#view-diff'));
  assert.deepEqual(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('next and previous step through the changes, by button and by key; the samples pair through their groups', async () => {
  const { context, page, problems } = await open();
  await pick(page, 0, 2);
  const total = await page.locator('#diff-table [data-step]').count();
  assert.ok(total >= 3);
  // Sample 002 carries sentences of 000 in another order: moves.
  assert.ok(await page.locator('#diff-table .diff-row.moved_to').count() >= 1);
  assert.equal(await page.locator('#diff-table .diff-row.moved_to').count(), await page.locator('#diff-table .diff-row.moved_from').count());
  await page.click('#diff-next');
  const at = () => page.evaluate(() => document.activeElement.dataset.step);
  assert.equal(await at(), '1');
  assert.equal(await page.textContent('#diff-at'), `Change 1 of ${total}`);
  await page.keyboard.press('n');
  assert.equal(await at(), '2');
  await page.keyboard.press('p');
  await page.keyboard.press('p');
  assert.equal(await at(), String(total), 'previous from the first goes round to the last');
  assert.ok(await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight;
  }), 'the change stepped to is in view');
  assert.deepEqual(problems, []);
  await context.close();
});

test('ignoring case or punctuation makes paragraphs that differ only so the same', async () => {
  const { context, page, problems } = await open();
  const tags = (a, b, options) => page.evaluate(([x, y, o]) => window.wirediff.core.local('diffTexts', x, y, o).ops.map((op) => op.tag), [a, b, options]);
  const a = 'The Council met on Monday.\n\nIt voted for the plan, 5-2.\n';
  const b = 'The council met on Monday\n\nIt voted for the plan 5-2.\n';
  assert.deepEqual(await tags(a, b, {}), ['change', 'change']);
  assert.deepEqual(await tags(a, b, { diff_ignore_case: true }), ['change', 'change']);
  assert.deepEqual(await tags(a, b, { diff_ignore_punctuation: true }), ['change', 'equal']);
  assert.deepEqual(await tags(a, b, { diff_ignore_case: true, diff_ignore_punctuation: true }), ['equal', 'equal']);
  // The same sentences under other line breaks: a split, not deletions and insertions.
  const joined = 'One long opening sentence about the vote tonight. A second sentence on the reaction after it.\n';
  const cut = 'One long opening sentence about the vote tonight.\nA second sentence on the reaction after it.\n';
  assert.deepEqual(await tags(joined, cut, {}), ['split']);
  // The switches redraw the diff.
  await pick(page, 0, 1);
  const before = await page.textContent('#diff-summary');
  await page.check('#diff-case');
  await page.check('#diff-punct');
  await diffShown(page);
  assert.match(await page.textContent('#diff-summary'), /\d+ same/);
  assert.ok(before.length > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the common source stands as a first column: what most articles share, as most word it, pinned like any sentence; kept across a reload', async () => {
  const { context, page, problems } = await open();
  assert.equal(await page.locator('#columns .column.source').count(), 0, 'off at first');
  await page.click('#source-column');
  const column = page.locator('#columns .column').first();
  assert.equal(await column.locator('h2').textContent(), 'Probable common source');
  const lines = await column.locator('p .s').evaluateAll((ss) => ss.map((x) => x.firstChild.textContent));
  const expected = await page.evaluate(() => wirediff.commonSource(wirediff.state.analysis).text.split('\n'));
  assert.ok(expected.length >= 3, expected.join(' | '));
  assert.deepEqual(lines, expected);
  assert.equal(await column.locator('p .s.shared').count(), expected.length, 'every line is a shared sentence');
  // A line pins its group: the articles' copies light with it.
  await column.locator('p .s').first().click();
  await page.waitForSelector('#explain:not([hidden])');
  assert.ok(await page.locator('#columns .column:not(.source) .s.shared.lit').count() >= 2);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#columns .column.source');
  assert.equal(await page.getAttribute('#source-column', 'aria-pressed'), 'true');
  await page.locator('#columns .column.source').getByRole('button', { name: 'Hide the common source' }).click();
  assert.equal(await page.locator('#columns .column.source').count(), 0);
  await page.addScriptTag({ path: axePath });
  await page.click('#source-column');
  const result = await page.evaluate(async () => window.axe.run(document.querySelector('#columns'), { resultTypes: ['violations'] }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 200)).join(' ')}`), []);
  assert.deepEqual(problems, []);
  await context.close();
});
