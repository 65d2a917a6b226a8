// "Why, and why not" (issue 12, point 8): with a sentence pinned, Shift+click
// or "Compare with…" then another sentence says why the two are or are not
// linked, in the terms of the explanations: the measures against their
// thresholds, the kind, the shared words, the run, and the reason.
// Run with `node --test tests/e2e/whynot.test.mjs` after scripts/build.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { launchChromium, openPage } from './browser.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

async function open() {
  const opened = await openPage(browser, { bypassCSP: true });
  await opened.page.waitForSelector('#columns .s.shared');
  return opened;
}

const sel = (a, s) => `#columns .s[data-article="${a}"][data-sentence="${s}"]`;

/** The analysis's facts the tests pick from: a leftover link, and an unlinked pair with words. */
function facts(page) {
  return page.evaluate(() => {
    const a = wirediff.state.analysis;
    const shared = (x, s) => a.articles[x].sentences[s].cluster !== null || a.articles[x].sentences[s].links.length > 0;
    const story = (x, s) => ['story', 'headline'].includes(a.articles[x].paragraphs[a.articles[x].sentences[s].paragraph].role);
    const first = a.articles[0].sentences.findIndex((s, i) => shared(0, i));
    const other = a.articles[1].sentences.findIndex((s, i) => !shared(1, i) && story(1, i) && s.words > 10);
    const aside = a.articles.flatMap((art, x) => art.sentences.map((s, i) => [x, i])).find(([x, i]) => x > 0 && !story(x, i));
    return { link: a.links[0], first, other, aside, threshold: a.options.threshold };
  });
}

test('two unlinked sentences say why not, by keyboard; a linked pair agrees with the analysis', async () => {
  const { context, page, problems } = await open();
  const f = await facts(page);
  assert.ok(f.first >= 0 && f.other >= 0 && f.link, JSON.stringify(f));
  // Pin a shared sentence of the first article; the card offers the comparison.
  await page.focus(sel(0, f.first));
  await page.keyboard.press('Enter');
  const button = page.locator('#explain button', { hasText: 'Compare with' });
  await button.focus();
  await page.keyboard.press('Enter');
  // Every sentence takes focus now: the unshared one of the second article.
  assert.equal(await page.getAttribute(sel(1, f.other), 'tabindex'), '0');
  await page.focus(sel(1, f.other));
  await page.keyboard.press('Enter');
  await page.waitForSelector('#explain h3:text("Why not linked")');
  const card = await page.textContent('#explain');
  const texts = await page.evaluate(([p, q]) => [p, q].map(([x, s]) => wirediff.state.analysis.articles[x].sentences[s].text),
    [[0, f.first], [1, f.other]]);
  for (const t of texts) assert.ok(card.includes(t), `${t} in ${card}`);
  const reason = await page.textContent('#explain h3 + p');
  assert.match(reason, /^Not linked: word similarity (0\.\d+) < threshold (0\.\d+)/, reason);
  const [, sim, thr] = reason.match(/similarity (0\.\d+) < threshold (0\.\d+)/);
  assert.ok(Number(sim) < Number(thr) && Number(thr).toFixed(2) === f.threshold.toFixed(2), reason);
  // The rest of the reason names the rewrite model's part.
  assert.match(reason, /rewrite model (gives 0\.\d+ < cut-off 0\.\d+|is not asked)|quote different words|headline|side by side/, reason);
  assert.match(card, /As a link: .*words in a row the same \(underlined\)\. Shared words: /, card);
  // The same from the core itself: the page shows its measures.
  const why = await page.evaluate(([x, y]) => wirediff.core.local('explainPair', wirediff.state.compared.inputs,
    wirediff.state.analysis.options, 0, x, 1, y), [f.first, f.other]);
  assert.ok(!['near', 'rewrite'].includes(why.reason), JSON.stringify(why));
  assert.equal(sim, why.link.similarity.toFixed(sim.length - 2));
  assert.equal(await page.getAttribute('#explain', 'hidden'), null);

  // A linked pair: the link's two ends, by Shift+click from a pinned one.
  const { a, b } = f.link;
  await page.click(sel(a.article, a.sentence));
  await page.click(sel(b.article, b.sentence), { modifiers: ['Shift'] });
  await page.waitForSelector('#explain h3:text("Why linked")');
  const linked = await page.textContent('#explain');
  const kind = await page.evaluate((k) => ({ verbatim: 'copied word for word', near: 'lightly edited', paraphrase: 'rewritten (same facts)' })[k], f.link.kind);
  assert.ok(linked.includes(`As a link: ${kind}`), linked);
  assert.ok(linked.includes(`${f.link.run_words} words in a row the same`), linked);
  assert.ok(linked.includes(f.link.similarity.toFixed(3)), linked);
  assert.ok(!linked.includes('The analysis does not'), 'the analysis links them too');
  if (f.link.kind === 'paraphrase') assert.match(linked, /rewrite model gives 0\.\d+ \u2265 cut-off 0\.\d+/);
  else assert.match(linked, /Linked: word similarity [.\d]+ \u2265 threshold /);
  for (const w of b.shared) assert.ok(linked.includes(w), w);

  // axe on the card.
  await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async () => (await axe.run('#view-articles', { resultTypes: ['violations'] })).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id));
  assert.deepEqual(found, []);
  await page.keyboard.press('Escape');
  assert.equal(await page.getAttribute('#explain', 'hidden'), '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a sentence set aside is not compared', async () => {
  const { context, page, problems } = await open();
  const f = await facts(page);
  assert.ok(f.aside, 'a sample has a line set aside');
  await page.click(sel(0, f.first));
  await page.click('#explain button:text("Compare with")');
  const [x, s] = f.aside;
  await page.$eval(sel(x, s), (span) => { span.closest('details').open = true; });
  await page.click(sel(x, s));
  await page.waitForSelector('#explain h3:text("Why not linked")');
  assert.match(await page.textContent('#explain h3 + p'), /^Not linked: one is set aside, not compared\.$/);
  // Picking ended: the sentences that were made focusable are not any more.
  assert.equal(await page.$$eval('#columns [data-pick]', (n) => n.length), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
