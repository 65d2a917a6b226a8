// End-to-end tests of the parts of an article on the page: outlets named
// from file names, headlines shown first, bylines and dates above the text,
// site furniture greyed with its reason and included again with one click.
// On the five samples and on a second set of real articles (seven outlets'
// versions of one Associated Press story, tests/data/eval/events/
// mexico-quake-2022). Run with `node --test tests/e2e/` after scripts/build.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, openPage } from './browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const eventDir = join(root, 'tests/data/eval/events/mexico-quake-2022');

let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

// axe is injected as a script, which the page's own policy forbids.
const open = (viewport = { width: 1280, height: 720 }) => openPage(browser, { viewport, bypassCSP: true });

/** The set-aside paragraphs of each column: `{reason, text}`. */
function asides(page) {
  return page.$$eval('#columns .column', (cols) => cols.map((c) => [...c.querySelectorAll('p.aside')].map((p) => ({
    reason: p.querySelector('.reason').textContent,
    text: p.textContent,
  }))));
}

test('the samples: furniture greyed with its reason, out of the counts, and one click includes it again', async () => {
  const { context, page, problems } = await open();
  const before = await asides(page);
  // The disclaimer that opens sample 003, the cookie banner of 002, the
  // comment prompts of 000 and the related headlines of 001.
  assert.ok(before[3].some((a) => /disclaimer/.test(a.reason) && /investment advice/.test(a.text)), JSON.stringify(before[3]));
  assert.ok(before[2].filter((a) => /cookie/.test(a.reason)).length >= 5);
  assert.ok(before[1].some((a) => /headline/.test(a.reason)));
  assert.ok(before[0].some((a) => /prompt/.test(a.reason)));
  // Set-aside text is never a shared sentence.
  assert.equal(await page.locator('#columns p.aside .s.shared').count(), 0);
  // Runs of them are closed boxes that say what is inside.
  const summaries = await page.locator('#columns .column').nth(2).locator('details.asides summary').allTextContents();
  assert.equal(summaries[0], '2 lines set aside: page timestamp', summaries.join(' | '));
  assert.ok(summaries.some((t) => /^\d+ lines set aside: .*cookie banner/.test(t)), summaries.join(' | '));
  const stats = async () => page.locator('#columns .column').nth(3).locator('.stats').textContent();
  const countBefore = Number((await stats()).match(/^(\d+) sentences/)[1]);
  // Include the disclaimer again: it is compared and counted.
  const column = page.locator('#columns .column').nth(3);
  await column.locator('details.asides summary').first().click();
  await column.getByRole('button', { name: /^Include paragraph 1 of/ }).click();
  await page.waitForFunction(() => !document.querySelectorAll('#columns .column')[3].querySelector('p.aside'));
  const countAfter = Number((await stats()).match(/^(\d+) sentences/)[1]);
  assert.equal(countAfter, countBefore + 2, 'the disclaimer\u2019s two sentences count again');
  assert.match(await column.locator('p').first().textContent(), /investment advice/);
  // The mark survives a reload.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.locator('#columns .column').nth(3).locator('p.aside').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a second set of real articles: outlets by name, headline, byline and date, related headlines set aside', async () => {
  const { context, page, problems } = await open({ width: 1920, height: 1080 });
  const files = readdirSync(eventDir).filter((f) => f.endsWith('.txt')).sort()
    .map((name) => ({ name, mimeType: 'text/plain', buffer: readFileSync(join(eventDir, name)) }));
  // Start from these seven alone: remove the samples first.
  for (let i = 0; i < 5; i++) {
    await page.locator('#columns .column').first().getByRole('button', { name: /^Remove/ }).click();
  }
  await page.setInputFiles('#add-files', files);
  await page.waitForFunction(() => document.querySelectorAll('#columns .column:not(.plain)').length === 7, null, { timeout: 20000 });
  const names = await page.$$eval('#columns .column h2', (hs) => hs.map((h) => h.textContent.trim()));
  assert.deepEqual(names, ['Richmond', 'Cbsnews', 'Business Standard', 'Shropshire Star', 'The Hill', 'Stuff', 'News Americas Now']);
  const hill = page.locator('#columns .column').nth(4);
  assert.match(await hill.locator('p.headline').textContent(), /earthquake shakes Mexico/);
  assert.match(await hill.locator('.meta').textContent(), /The Associated Press/);
  assert.match(await page.locator('#columns .column').nth(2).locator('.meta').textContent(), /September 22 2022/);
  const all = await asides(page);
  // Stuff's "READ MORE:" list of other stories.
  assert.ok(all[5].some((a) => /prompt/.test(a.reason) && /READ MORE/.test(a.text)));
  assert.equal(all[5].filter((a) => /headline/.test(a.reason)).length, 3, JSON.stringify(all[5]));
  // Richmond's copyright line; the photo captions with their credits.
  assert.ok(all[0].some((a) => /copyright/.test(a.reason)));
  assert.ok(all[3].some((a) => /photo caption/.test(a.reason) && /Verdugo\/AP/.test(a.text)), JSON.stringify(all[3]));
  assert.ok(all[6].some((a) => /photo caption/.test(a.reason) && /Romero\/Reuters/.test(a.text)), JSON.stringify(all[6]));
  // The All articles list names the outlets too, with their headlines.
  await page.click('#tab-list');
  await page.waitForSelector('#article-list tbody th');
  const rows = await page.$$eval('#article-list tbody tr', (trs) => trs.map((t) => [t.querySelector('th').textContent, t.querySelector('td.title').textContent]));
  assert.deepEqual(rows.find((r) => r[0] === 'The Hill'), ['The Hill', '6.8 magnitude earthquake shakes Mexico, 2 dead']);
  await page.click('#tab-articles');
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.length}`), []);
  await page.screenshot({ path: join(root, 'test-results', 'parts-real-event.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the reader names the headline, byline and date line, and the names survive a reload', async () => {
  const { context, page, problems } = await open();
  const column = () => page.locator('#columns .column').nth(1);
  await column().getByRole('button', { name: /^Parts of .*: headline, byline, date$/ }).click();
  const pick = (label) => column().locator('.parts label', { hasText: label }).locator('select');
  // The picker shows what the page found: the headline shown first.
  const shown = await column().locator('p.headline').textContent();
  const chosen = await pick('Headline').evaluate((s) => s.selectedOptions[0].textContent);
  assert.ok(shown.startsWith(chosen.replace(/^\u00b6\d+ /, '').replace(/\u2026$/, '')), `${chosen} | ${shown}`);
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => window.axe.run(document.querySelector('#columns'), { resultTypes: ['violations'] }));
  assert.deepEqual(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), []);
  // A story paragraph named the byline leaves the compared text.
  const options = await pick('Byline').locator('option').allTextContents();
  const story = await column().locator(':scope > p:not(.headline)').nth(1).textContent();
  const at = options.findIndex((o) => story.startsWith(o.replace(/^\u00b6\d+ /, '').replace(/\u2026$/, '')));
  assert.ok(at > 0, options.join(' | '));
  await pick('Byline').selectOption({ index: at });
  await page.waitForFunction((t) => document.querySelectorAll('#columns .column')[1].querySelector('.meta')?.textContent.includes(t.slice(0, 30)), story);
  assert.match(await page.textContent('#messages'), /is the byline now/);
  // None for the headline: it is story text, the first story paragraph above it.
  await column().getByRole('button', { name: /^Parts of .*: headline, byline, date$/ }).click();
  await pick('Headline').selectOption('-1');
  await page.waitForFunction(() => !document.querySelectorAll('#columns .column')[1].querySelector('p.headline'));
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await column().locator('p.headline').count(), 0);
  assert.ok((await column().locator('.meta').textContent()).includes(story.slice(0, 30)));
  assert.deepEqual(problems, []);
  await context.close();
});

/** Each group number shown in the columns, with the texts of its sentences. */
function numbered(page) {
  return page.$$eval('#columns .s.shared .badge', (badges) => {
    const out = {};
    for (const b of badges) (out[b.textContent] ||= []).push(b.parentElement.firstChild.textContent);
    return out;
  });
}

test('the class\u2019s first questions are answered above the columns, and a click shows the widest group', async () => {
  const { context, page, problems } = await open();
  const line = await page.textContent('#answers');
  // The samples' widest group is in four of the five.
  assert.match(line, /^Most widely shared \(in 4 of 5\): #\d+/);
  assert.match(line, /most found elsewhere: \S+ \(\d+%\)$/);
  const number = (await page.locator('#answers button').first().textContent()).slice(1);
  await page.locator('#answers button').first().click();
  await page.waitForSelector('#explain:not([hidden])');
  assert.match(await page.textContent('#explain h3'), new RegExp(`^Shared sentence ${number}: .* in 4 articles$`));
  assert.equal(await page.locator('#columns .s.shared.lit').count() >= 4, true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('groups keep their numbers when an article is added and when one is removed', async () => {
  const { context, page, problems } = await open({ width: 1920, height: 1080 });
  const before = await numbered(page);
  const numbers = Object.keys(before).map(Number);
  assert.ok(numbers.length >= 10, `${numbers.length} groups`);
  // A sixth article copying sentences of sample 000, among them one that no
  // other sample has (a new group), and the world-class quote (an old one).
  const first = await page.$$eval('#columns .column:first-child .s', (ss) => ss.map((s) => s.firstChild.textContent));
  const alone = await page.$$eval('#columns .column:first-child .s:not(.shared)', (ss) => ss.map((s) => s.textContent).filter((t) => t.split(' ').length > 8));
  assert.ok(alone.length > 0);
  await page.click('#add-toggle');
  await page.fill('#new-name', 'Copy desk');
  await page.fill('#new-text', `A wire copy\n\n${first.slice(1, 6).join(' ')}\n\n${alone[0]}`);
  await page.click('#add-article');
  await page.waitForFunction(() => document.querySelectorAll('#columns .column').length === 6);
  await page.waitForFunction((n) => document.querySelectorAll('#columns .column:last-child .s.shared').length > 0, null);
  const after = await numbered(page);
  // Every old number still marks the group holding most of the sentences
  // it held (a new article may move a sentence from one group to another).
  for (const n of numbers) {
    assert.ok(after[n], `group ${n} is gone`);
    const kept = before[n].filter((t) => after[n].includes(t)).length;
    assert.ok(2 * kept > before[n].length, `group ${n} kept ${kept} of ${before[n].length}`);
  }
  // The new group takes a number above all the old ones.
  const fresh = Object.keys(after).map(Number).filter((n) => !numbers.includes(n));
  assert.ok(fresh.length >= 1 && fresh.every((n) => n > Math.max(...numbers)), `new numbers ${fresh}`);
  assert.ok(Object.entries(after).some(([n, ts]) => fresh.includes(Number(n)) && ts.includes(alone[0])));
  // Removing it again: the old groups keep their numbers still.
  await page.locator('#columns .column').last().getByRole('button', { name: /^Remove/ }).click();
  await page.waitForFunction(() => document.querySelectorAll('#columns .column').length === 5);
  await page.waitForTimeout(300);
  const again = await numbered(page);
  assert.deepEqual(Object.keys(again).sort(), Object.keys(before).sort());
  assert.deepEqual(problems, []);
  await context.close();
});

test('only what each added: every sentence found elsewhere is hidden, the rest stays, the choice survives a reload; the list ranks outlets by kind and by what only they have', async () => {
  const { context, page, problems } = await open();
  const visible = () => page.$$eval('#columns .column', (cols) => cols.map((c) => [...c.querySelectorAll(':scope > p .s')]
    .filter((s) => s.offsetParent !== null).map((s) => s.classList.contains('shared'))));
  const own = () => page.$$eval('#columns .column', (cols) => cols.map((c) => Number(c.querySelector('.stats').textContent.match(/(\d+) only here$/)[1])));
  const before = await visible();
  assert.ok(before.every((col) => col.includes(true)), 'every sample shares something');
  await page.click('#added-only');
  assert.equal(await page.getAttribute('#added-only', 'aria-pressed'), 'true');
  const shown = await visible();
  assert.ok(shown.every((col) => !col.includes(true)), 'no shared sentence is shown');
  // What is left is each column's own sentences, as many as its stats say
  // (set-aside lines are in their closed boxes, not counted).
  assert.deepEqual(shown.map((col) => col.length), await own());
  assert.deepEqual(shown.map((col) => col.length), before.map((col) => col.filter((x) => !x).length));
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getAttribute('#added-only', 'aria-pressed'), 'true');
  assert.ok((await visible()).every((col) => !col.includes(true)));
  await page.click('#added-only');
  assert.deepEqual(await visible(), before);
  // The ranking: sorted by "Only here", most first, the counts are the stats'.
  await page.click('#tab-list');
  await page.getByRole('button', { name: 'Only here' }).click();
  const firstOrder = await page.$$eval('#article-list tbody tr', (rows) => rows.map((r) => Number(r.cells[10].textContent)));
  if (firstOrder[0] < firstOrder[firstOrder.length - 1]) await page.getByRole('button', { name: 'Only here' }).click();
  const ranked = await page.$$eval('#article-list tbody tr', (rows) => rows.map((r) => Number(r.cells[10].textContent)));
  assert.deepEqual(ranked, [...ranked].sort((a, b) => b - a));
  const up = (xs) => [...xs].sort((a, b) => a - b);
  assert.deepEqual(up(ranked), up(await own()));
  // Copied + edited + rewritten + only here = the compared sentences.
  const sums = await page.$$eval('#article-list tbody tr', (rows) => rows.map((r) => [4, 7, 8, 9, 10].map((i) => Number(r.cells[i].textContent.replace(/,/g, '')))));
  for (const [n, a, b, c, d] of sums) assert.equal(a + b + c + d, n);
  assert.deepEqual(problems, []);
  await context.close();
});

test('colour by reach: each shared sentence is coloured and patterned by how many articles carry it, the legend says which is which, and the choice survives a reload', async () => {
  const { context, page, problems } = await open();
  await page.click('#by-reach');
  assert.equal(await page.getAttribute('#by-reach', 'aria-pressed'), 'true');
  assert.ok(await page.isVisible('.reach-legend'));
  assert.ok(!(await page.isVisible('.group-legend')));
  // Every grouped sentence's class matches the number of columns holding its group.
  const seen = await page.$$eval('#columns .s.shared[data-group^="c"]', (ss) => {
    const holders = new Map();
    for (const s of ss) (holders.get(s.dataset.group) || holders.set(s.dataset.group, new Set()).get(s.dataset.group)).add(s.dataset.article);
    const n = document.querySelectorAll('#columns .column').length;
    return ss.map((s) => {
      const k = holders.get(s.dataset.group).size;
      const want = k === n ? 'all' : k * 2 > n ? 'most' : k > 2 ? 'few' : 'two';
      const style = getComputedStyle(s);
      return { want, has: s.classList.contains(`reach-${want}`), pattern: style.backgroundImage !== 'none', colour: style.getPropertyValue('--c').trim() };
    });
  });
  assert.ok(seen.every((x) => x.has), JSON.stringify(seen.filter((x) => !x.has)));
  const wants = new Set(seen.map((x) => x.want));
  assert.ok(wants.has('most') && wants.has('two'), [...wants].join());
  // One colour per reach, a pattern on all but the widest.
  for (const want of wants) {
    const of = seen.filter((x) => x.want === want);
    assert.equal(new Set(of.map((x) => x.colour)).size, 1, want);
    assert.ok(of.every((x) => x.pattern === (want !== 'all')), want);
  }
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getAttribute('#by-reach', 'aria-pressed'), 'true');
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target).join(' ')}`), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('moving the threshold says which sentences stopped or started being shared, one note at a time', async () => {
  const { context, page, problems } = await open();
  const sharedCount = () => page.locator('#columns .s.shared').count();
  const set = async (v) => {
    await page.$eval('#threshold', (input, x) => { input.value = x; input.dispatchEvent(new Event('input', { bubbles: true })); }, String(v));
    await page.waitForFunction((x) => document.querySelector('#messages').textContent.includes(`At threshold ${x}`), Number(v).toFixed(2));
  };
  const before = await sharedCount();
  await set(0.95);
  const note = await page.textContent('#messages');
  const went = Number(note.match(/(\d+) sentences? no longer shared/)[1]);
  assert.equal(await sharedCount(), before - went, note);
  await set(0.6);
  const back = await page.textContent('#messages');
  assert.match(back, /At threshold 0\.60: (\d+) sentences? newly shared/);
  assert.equal(Number(back.match(/(\d+) sentences? newly shared/)[1]), went);
  assert.ok(!back.includes('0.95'), 'the earlier note is gone');
  assert.equal(await sharedCount(), before);
  // The whole list, by outlet, in the explanation's place.
  await page.locator('#messages').getByRole('button', { name: 'List them' }).click();
  assert.equal(await page.textContent('#explain h2'), 'At threshold 0.60');
  assert.equal(await page.textContent('#explain h3'), `Newly shared (${went})`);
  const more = page.locator('#explain li.more button');
  if (await more.count()) await more.click();
  assert.equal(await page.locator('#explain li:not(.more)').count(), went);
  assert.match(await page.textContent('#explain li'), /^[^:]+: \S/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the reader sets aside a paragraph the page took for story text: from the explanation, kept across a reload, included again', async () => {
  const { context, page, problems } = await open();
  const column = page.locator('#columns .column').nth(1);
  const stats = async () => Number((await column.locator('.stats').textContent()).match(/^(\d+) sentences/)[1]);
  const before = await stats();
  const sentence = column.locator('.s.shared').first();
  const text = await sentence.evaluate((s) => window.wirediff.state.analysis.articles[s.dataset.article].sentences[s.dataset.sentence].text);
  await sentence.click();
  await page.getByRole('button', { name: 'Not story text: set its paragraph aside' }).click();
  await page.waitForFunction((t) => [...document.querySelectorAll('#columns .column')[1].querySelectorAll('p.aside')]
    .some((p) => p.textContent.includes(t)), text);
  const marked = await asides(page);
  assert.ok(marked[1].some((a) => a.reason.includes('set aside by you') && a.text.includes(text)), JSON.stringify(marked[1]));
  assert.ok(await stats() < before, 'its sentences no longer count');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.ok((await asides(page))[1].some((a) => a.text.includes(text)), 'the mark survives a reload');
  const again = page.locator('#columns .column').nth(1);
  await again.locator('details.asides summary').filter({ hasText: /set aside by you|paragraph/ }).last().click();
  await again.getByRole('button', { name: /^Include paragraph/ }).last().click();
  await page.waitForFunction((t) => ![...document.querySelectorAll('#columns .column')[1].querySelectorAll('p.aside')]
    .some((p) => p.textContent.includes(t)), text);
  assert.equal(await stats(), before);
  assert.deepEqual(problems, []);
  await context.close();
});

test('two articles of one outlet are told apart by their file names', async () => {
  const { context, page, problems } = await open();
  const hill = readFileSync(join(eventDir, '004_the_hill.txt'));
  await page.setInputFiles('#add-files', [
    { name: '010_the_hill.txt', mimeType: 'text/plain', buffer: hill },
    { name: '011_the_hill.txt', mimeType: 'text/plain', buffer: Buffer.from(hill.toString('utf8').replace(/\n[^\n]*\n*$/, '\n')) },
  ]);
  await page.waitForFunction(() => document.querySelectorAll('#columns .column:not(.plain)').length === 7, null, { timeout: 20000 });
  const names = await page.$$eval('#columns .column h2', (hs) => hs.map((h) => h.textContent.trim()));
  assert.deepEqual(names.slice(5), ['The Hill (010_the_hill.txt)', 'The Hill (011_the_hill.txt)']);
  assert.deepEqual(problems, []);
  await context.close();
});
