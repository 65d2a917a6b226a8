// End-to-end tests of the quote panel: each quotation of a group across
// outlets, with how each version differs from the wording most print.
// Run with `node --test tests/e2e/` after scripts/build.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { launchChromium, openPage } from './browser.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

const open = () => openPage(browser, { bypassCSP: true });

test('speakers and quotations are found by form: verbs of saying, "according to", quotations over several sentences; days and pronouns are no speakers', async () => {
  const { context, page, problems } = await open();
  const q = (t) => page.evaluate((x) => { const r = window.wirediff.quotationsOf(x); return [r.quotes, r.speaker]; }, t);
  assert.deepEqual(await q('\u201cWe are building a world-class team,\u201d Smith said Tuesday.'), [['We are building a world-class team'], 'Smith']);
  assert.deepEqual(await q('\u201cCuts are coming soon,\u201d said Mr. Lee on Monday.'), [['Cuts are coming soon'], 'Mr. Lee']);
  assert.deepEqual(await q('The plan is bold, according to Jane Doe.'), [[], 'Jane Doe']);
  assert.deepEqual(await q('Lee also said Chinese firms were growing.'), [[], 'Lee']);
  assert.deepEqual(await q('He said Chinese firms were growing.'), [[], null]);
  assert.deepEqual(await q('\u201cThis is the first part of it.'), [['This is the first part of it.'], null]);
  assert.deepEqual(await q('It ends here and now,\u201d he said.'), [['It ends here and now'], null]);
  // An apostrophe is no quotation mark; two words are too short to count.
  assert.deepEqual(await q('It\u2019s the firm\u2019s plan, \u201cvery bold\u201d, said Ann.'), [[], 'Ann']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the quote panel groups a quotation across outlets and says which are truncated, altered, reattributed or reported', async () => {
  const { context, page, problems } = await open();
  const story = (quote, rest) => `Harbour plan approved\n\nThe council approved the harbour plan on Monday after a long debate about costs and the timetable for the works.\n\n${quote}\n\n${rest}`;
  const articles = [
    ['Daily One', story('\u201cWe will build the finest harbour on this whole coast for our children,\u201d said Mayor Ruth Okafor.', 'Work starts in spring.')],
    ['Daily Two', story('\u201cWe will build the finest harbour on this whole coast for our children,\u201d said Mayor Ruth Okafor.', 'Boats will be moved.')],
    ['Daily Three', story('\u201cWe will build the finest harbour on this whole coast,\u201d said Mayor Ruth Okafor.', 'A vote follows.')],
    ['Daily Four', story('\u201cWe will build the finest harbour on this whole coast for our children,\u201d said councillor Tom Berg.', 'Fishermen object.')],
    ['Daily Five', story('\u201cWe shall build the best harbour on this entire coast for our children,\u201d said Mayor Ruth Okafor.', 'Costs are rising.')],
    ['Daily Six', story('Mayor Ruth Okafor said they will build the finest harbour on this whole coast for their children.', 'Tides matter.')],
  ];
  // Replace the samples with these five.
  await page.evaluate(() => { localStorage.clear(); });
  await page.click('#add-toggle');
  for (const [name, text] of articles) {
    await page.fill('#new-name', name);
    await page.fill('#new-text', text);
    await page.click('#add-article');
  }
  await page.waitForFunction(() => document.querySelectorAll('#columns .column').length >= 8 || document.querySelector('#tab-list').textContent.includes('11'));
  await page.click('#tab-quotes');
  // The last comparison, of all eleven articles, has the sixth one's version.
  await page.waitForFunction(() => document.querySelector('#quote-list').textContent.includes('Daily Six'));
  const cards = await page.$$eval('#quote-list > li', (lis) => lis.map((l) => ({
    head: l.querySelector('h3').textContent,
    rows: [...l.querySelectorAll('li')].map((r) => [r.querySelector('b').textContent.replace(/: $/, ''), r.querySelector('.reason')?.textContent.replace(/: $/, '') ?? '']),
  })));
  const card = cards.find((c) => c.head.includes('finest harbour'));
  assert.ok(card, JSON.stringify(cards.map((c) => c.head)));
  assert.match(card.head, /\u201cWe will build the finest harbour on this whole coast for our children\u201d \u2014 Mayor Ruth Okafor/);
  const rows = Object.fromEntries(card.rows);
  assert.equal(rows['Daily One'], '');
  assert.equal(rows['Daily Two'], '');
  assert.equal(rows['Daily Three'], 'truncated');
  assert.equal(rows['Daily Four'], 'attribution changed');
  assert.equal(rows['Daily Five'], 'words altered');
  assert.equal(rows['Daily Six'], 'turned into reported speech');
  // The altered words are marked, not told.
  assert.ok(await page.locator('#quote-list del').count() > 0);
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => window.axe.run(document.querySelector('#view-quotes'), { resultTypes: ['violations'] }));
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target).join(' ')}`), []);
  assert.deepEqual(problems, []);
  await context.close();
});
