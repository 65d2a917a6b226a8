// End-to-end tests of fact drift: the numbers, amounts, percentages, dates
// and names of a sentence, found by form and normalised, and the Facts tab,
// which flags the outlets of a group that print one otherwise than most.
// On the five samples and on real sets (tests/data/eval/second, an air
// fryer recall; tests/data/eval/events/mexico-quake-2022, seven outlets'
// versions of one Associated Press story). Run with `node --test
// tests/e2e/` after scripts/build.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, openPage } from './browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

const open = () => openPage(browser, { bypassCSP: true });

/** No serious or critical axe violation in the fact panel. */
async function accessible(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => window.axe.run(document.querySelector('#view-facts'), { resultTypes: ['violations'] }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.map((x) => x.target).join(' ')}`), []);
}

/** The page with only the articles of `dir`, the samples removed. */
async function only(page, dir) {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((name) => ({ name, mimeType: 'text/plain', buffer: readFileSync(join(dir, name)) }));
  for (let i = 0; i < 5; i++) {
    await page.locator('#columns .column').first().getByRole('button', { name: /^Remove/ }).click();
  }
  await page.setInputFiles('#add-files', files);
  await page.waitForFunction((n) => document.querySelectorAll('#columns .column:not(.plain)').length === n, files.length, { timeout: 20000 });
}

/** The Facts tab's cards: heading and rows [outlet, change, majority, theirs], one per fact. */
async function cards(page) {
  await page.click('#tab-facts');
  await page.locator('#fact-list > li').first().waitFor();
  return page.$$eval('#fact-list > li', (lis) => lis.map((l) => ({
    head: l.querySelector('h3')?.textContent ?? l.textContent,
    rows: [...l.querySelectorAll('li')].flatMap((r) => [...r.querySelectorAll('.reason')].map((x) => [r.querySelector('b').textContent.replace(/: $/, ''),
      x.textContent.replace(/: $/, ''), x.nextElementSibling.textContent, x.nextElementSibling.nextElementSibling.textContent])),
  })));
}

test('facts are found by form and normalised: money, percentages, numbers with approximators, days, dates, names; no apostrophe year, page number or sentence-initial word', async () => {
  const { context, page, problems } = await open();
  const facts = (t) => page.evaluate((x) => window.wirediff.factsOf(x).map((f) => [f.type, f.value, f.approx ? 'approx' : '', f.text]), t);
  const one = async (t) => (await facts(t))[0];
  // "$2.5 billion" = "$2,500 million" = "$2.5bn" = "US$2.5bn"; "$2.4bn" is another amount.
  const billions = await facts('It lost $2.5 billion, $2,500 million, $2.5bn, US$2.5bn and 2.5 billion dollars, then $2.4bn.');
  assert.deepEqual(billions.map((f) => f[1]), [...Array(5).fill('$2500000000'), '$2400000000']);
  assert.deepEqual(billions.map((f) => f[0]), Array(6).fill('money'));
  assert.deepEqual(await one('A fine of \u20ac40 million was set.'), ['money', '\u20ac40000000', '', '\u20ac40 million']);
  assert.deepEqual(await one('Sales rose by US$3m last year.'), ['money', '$3000000', '', 'US$3m']);
  // Percentages in figures and words.
  for (const t of ['Prices rose 5% in May.', 'Prices rose 5 per cent.', 'Prices rose five percent.']) {
    assert.deepEqual((await one(t)).slice(0, 2), ['percent', '5'], t);
  }
  // "9,000" = "9000"; "nine" = "9"; "over 9,000" the same number, approximate.
  assert.deepEqual(await one('Some said 9,000 came.'), ['number', '9000', '', '9,000']);
  assert.deepEqual((await one('Some said 9000 came.')).slice(0, 3), ['number', '9000', '']);
  assert.deepEqual(await one('Some said over 9,000 came.'), ['number', '9000', 'approx', 'over 9,000']);
  assert.deepEqual((await one('Then nine people left.')).slice(0, 2), ['number', '9']);
  assert.deepEqual((await one('It has 1.2 million users.')).slice(0, 2), ['number', '1200000']);
  for (const a of ['about', 'nearly', 'more than', 'up to', 'almost', 'around', 'roughly']) {
    assert.deepEqual((await one(`It has ${a} 40 staff.`)).slice(0, 3), ['number', '40', 'approx'], a);
  }
  // Days, dates and years; "Tuesday" and "Monday" differ.
  const tuesday = await one('The vote was held on Tuesday.');
  const monday = await one('The vote was held on Monday.');
  assert.equal(tuesday[0], 'day');
  assert.notEqual(tuesday[1], monday[1]);
  assert.deepEqual((await facts('It opened on July 16, 2025, and 3 May.')).map((f) => f.slice(0, 2)), [['date', 'july 16'], ['year', '2025'], ['date', 'may 3']]);
  // Names: capitalised words in the sentence, not its first word alone.
  assert.deepEqual((await facts('Speaking in Beijing, Jensen Huang met Mr. Lee on Monday.')).filter((f) => f[0] === 'name').map((f) => f[3]),
    ['Beijing', 'Jensen Huang', 'Mr. Lee']);
  assert.deepEqual(await facts('Officials agreed.'), []);
  assert.deepEqual(await facts('He and they left.'), []);
  // No apostrophe year, page number, code or clock time; no "one of".
  assert.deepEqual(await facts('music of the \u201990s and \'80s'), []);
  assert.deepEqual(await facts('as shown on page 12 of the report'), []);
  assert.deepEqual(await facts('the h20 chip left at 1:19 a.m. with one of them'), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('drift aligns each version\u2019s facts against the version most print: a value, a day, an approximator, names; a fact left out is a cut', async () => {
  const { context, page, problems } = await open();
  const rows = await page.evaluate(() => {
    const versions = [
      'Acme lost $2.5 billion on Tuesday, when over 9,000 staff of Ann Berg left.',
      'Acme lost $2.5bn on Tuesday, when over 9,000 staff of Ann Berg left.',
      'Acme lost $2,500 million on Tuesday, when over 9,000 staff of Ann Berg left.',
      'Acme lost $2.4bn on Monday, when 9,000 staff of Ann Borg left.',
      'Acme lost $2.5 billion, when staff left.',
    ];
    const analysis = {
      articles: versions.map((text, i) => ({ name: `n${i}`, outlet: `Outlet ${i}`, sentences: [{ text }] })),
      clusters: [{ members: versions.map((_, i) => ({ article: i, sentence: 0 })) }],
    };
    const [d] = window.wirediff.drift(analysis);
    return [d.reference.article, d.diffs.map((x) => [x.article, x.want.text, x.got.text]), window.wirediff.drift(analysis) === window.wirediff.drift(analysis)];
  });
  const [reference, diffs, cached] = rows;
  assert.equal(reference, 0);
  assert.deepEqual(diffs.sort(), [[3, '$2.5 billion', '$2.4bn'], [3, 'Ann Berg', 'Ann Borg'], [3, 'Tuesday', 'Monday'], [3, 'over 9,000', '9,000']].sort());
  assert.ok(cached, 'found once per analysis');
  // Several names changed, each where the other stood; a name in another place is none.
  const names = await page.evaluate(() => {
    const drifted = (versions) => {
      const analysis = {
        articles: versions.map((text, i) => ({ name: `n${i}`, sentences: [{ text }] })),
        clusters: [{ members: versions.map((_, i) => ({ article: i, sentence: 0 })) }],
      };
      return window.wirediff.drift(analysis).flatMap((d) => d.diffs.map((x) => [x.article, x.want.text, x.got.text]));
    };
    const met = 'Mayor Ann Berg told Tom Reed in Paris that the plant would close.';
    return [
      drifted([met, met, 'Mayor Ann Borg told Tom Hill in Paris that the plant would close.']),
      drifted(['Huang, on his third visit to China this year, is investing in AI and chips.',
        'Huang, on his third visit to China this year, is investing in AI and chips.',
        'The expo, which runs through Sunday in Beijing, marked his third trip to the capital this year.']),
    ];
  });
  assert.deepEqual(names, [[[2, 'Mayor Ann Berg', 'Mayor Ann Borg'], [2, 'Tom Reed', 'Tom Hill']], []]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Facts tab: the samples have no drift (said so); a real recall set flags a price another outlet rounds', async () => {
  const { context, page, problems } = await open();
  const empty = await cards(page);
  assert.equal(empty.length, 1);
  assert.match(empty[0].head, /^No shared sentence has outlets that disagree on a fact/);
  await accessible(page);
  await page.click('#tab-articles');
  await only(page, join(root, 'tests/data/eval/second'));
  const all = await cards(page);
  const card = all.find((c) => c.head.includes('$129'));
  assert.ok(card, JSON.stringify(all));
  assert.match(card.head, /\u201c\$129\u201d \(4 of 5 articles\)/);
  assert.deepEqual(card.rows.find((r) => r[2] === '$129'), ['Consumer Watch', 'amount differs', '$129', '$130']);
  assert.deepEqual(card.rows.find((r) => r[2] === '$79'), ['Consumer Watch', 'amount differs', '$79', 'roughly $80']);
  await accessible(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Facts tab on seven outlets of one story: another day, another death toll, a distance, an approximator dropped', async () => {
  const { context, page, problems } = await open();
  await only(page, join(root, 'tests/data/eval/events/mexico-quake-2022'));
  const rows = (await cards(page)).flatMap((c) => c.rows);
  const has = (row) => assert.ok(rows.some((r) => r.join('|') === row.join('|')), `${row.join('|')} in ${JSON.stringify(rows)}`);
  has(['Business Standard', 'day differs', 'Thursday', 'Friday']);
  has(['The Hill', 'number differs', 'at least one', 'at least two']);
  has(['Stuff', 'number differs', 'one', 'two']);
  has(['The Hill', 'number differs', 'about 29', '31']);
  has(['The Hill', 'number differs', '46', '50']);
  has(['News Americas Now', 'approximator dropped', 'about 29', '29']);
  // One row per outlet, its facts in it: The Hill's three distances in one.
  const hill = await page.$$eval('#fact-list > li > ul > li', (lis) => lis.filter((l) => /^The Hill: .*about 29/.test(l.textContent)).map((l) => l.querySelectorAll('.reason').length));
  assert.deepEqual(hill, [3]);
  // No name is flagged where outlets only word a place otherwise.
  assert.ok(!rows.some((r) => r[1] === 'name differs'), JSON.stringify(rows));
  await accessible(page);
  assert.deepEqual(problems, []);
  await context.close();
});
