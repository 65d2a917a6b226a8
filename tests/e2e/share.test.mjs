// End-to-end tests of a comparison that travels: a copied link opened in a
// fresh browser restores the same state; a tampered link says so and the
// samples show; the page saved as one HTML file opens offline from file://
// with the same comparison; the JSON and CSV exports parse and their
// offsets slice the texts; the print view's PDF holds every article whole.
// Run with `node --test tests/e2e/` after scripts/build.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocumentProxy } from 'unpdf';
import { diffShown, launchChromium, openPage, pageUrl } from './browser.mjs';

let browser;
before(async () => { browser = await launchChromium(); });
after(async () => { await browser?.close(); });

const scratch = mkdtempSync(join(tmpdir(), 'wirediff-share-'));

/** Waits until the comparison is done (nothing running). */
const compared = (page) => page.waitForFunction(() => wirediff.state.analysis && !wirediff.state.job && document.querySelector('#columns .s.shared'));

/** What defines the comparison on screen, to compare two pages. */
function snapshot(page) {
  return page.evaluate(() => {
    const s = wirediff.state;
    return {
      articles: s.articles.map((a) => [a.name, a.text, a.aside || []]),
      side: s.articles.map((a) => s.side.has(a)),
      groups: s.analysis.clusters.map((c) => c.members.map((m) => [m.article, m.sentence])),
      links: s.analysis.links.map((l) => [l.a.article, l.a.sentence, l.b.article, l.b.sentence, l.kind]),
      view: s.view,
      threshold: document.querySelector('#threshold').value,
      paraphrases: document.querySelector('#paraphrases').checked,
      pinned: document.querySelector('#explain:not([hidden]) h3')?.textContent ?? null,
      diff: s.view === 'diff' ? [document.querySelector('#diff-a').value, document.querySelector('#diff-b').value,
        document.querySelector('#diff-case').checked, document.querySelector('#diff-table').textContent] : null,
    };
  });
}

async function copyLink(page) {
  await page.click('#share-toggle');
  await page.click('#copy-link');
  await page.waitForSelector('#share-out:not([hidden])');
  return page.inputValue('#share-link');
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = join(scratch, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

test('a copied link opened in a fresh browser restores the same comparison: articles, marks, settings, view, pin, diff', async () => {
  const { context, page, problems } = await openPage(browser);
  await compared(page);
  // Settings, a rename, a paragraph set aside, a hidden column and a pinned group.
  await page.$eval('#threshold', (input) => { input.value = '0.5'; input.dispatchEvent(new Event('input', { bubbles: true })); });
  await page.waitForFunction(() => wirediff.state.analysis.options.threshold === 0.5 && !wirediff.state.job);
  await page.uncheck('#paraphrases');
  await page.waitForFunction(() => !wirediff.state.analysis.options.paraphrases && !wirediff.state.job);
  await page.evaluate(() => {
    const a = wirediff.state.articles[2];
    a.name = 'The Renamed Daily';
    a.aside = [3];
    wirediff.recompute();
  });
  await compared(page);
  await page.locator('#columns .column').nth(4).getByRole('button', { name: /^Hide/ }).click();
  await page.locator('#answers button').first().click();
  await page.waitForSelector('#explain:not([hidden])');
  const before = await snapshot(page);
  assert.ok(before.pinned && before.side.includes(false));
  const link = await copyLink(page);
  assert.ok(link.startsWith(`${pageUrl}#c=`), link.slice(0, 80));
  await context.close();

  const fresh = await openPage(browser, {}, link);
  await compared(fresh.page);
  await fresh.page.waitForSelector('#explain:not([hidden])');
  assert.deepEqual(await snapshot(fresh.page), before);
  assert.match(await fresh.page.textContent('#messages'), /Opened the linked comparison of 5 articles/);
  assert.equal(new URL(fresh.page.url()).hash, '', 'the fragment is dropped once read');
  // The diff view and its pair travel too.
  await fresh.page.click('#tab-diff');
  await fresh.page.selectOption('#diff-a', '3');
  await fresh.page.selectOption('#diff-b', '1');
  await fresh.page.check('#diff-case');
  await diffShown(fresh.page);
  const inDiff = await snapshot(fresh.page);
  const again = await copyLink(fresh.page);
  await fresh.context.close();
  const third = await openPage(browser, {}, again);
  await compared(third.page).catch(() => {});
  await diffShown(third.page);
  assert.deepEqual(await snapshot(third.page), { ...inDiff, pinned: null });
  assert.deepEqual([...problems, ...fresh.problems, ...third.problems], []);
  await third.context.close();
});

test('a tampered or cut link says why and shows the samples; the page still opens', async () => {
  const { context, page } = await openPage(browser);
  const link = await copyLink(page);
  await context.close();
  const code = link.split('#c=')[1];
  for (const [bad, why] of [
    [`${code.slice(0, code.length >> 1)}`, /cut short or altered/],
    [`${code.slice(0, 40)}A${code.slice(41)}`, /cut short or altered|altered|holds/],
    ['not*base64', /characters this page\u2019s links never have/],
    [Buffer.from('{"wirediff": 1}').toString('base64url'), /cut short or altered/],
  ]) {
    const opened = await openPage(browser, {}, `${pageUrl}#c=${bad}`);
    await opened.page.locator('.message.error', { hasText: 'comparison could not be opened' }).waitFor();
    assert.match(await opened.page.textContent('#messages'), why);
    assert.match(await opened.page.textContent('#messages'), /The sample articles are shown instead/);
    assert.equal(await opened.page.locator('#columns .column').count(), 5);
    assert.deepEqual(opened.problems, []);
    await opened.context.close();
  }
});

test('saved as one HTML file, the comparison opens offline from file:// the same, under the same policy', async () => {
  const { context, page, problems } = await openPage(browser);
  await compared(page);
  await page.evaluate(() => { wirediff.state.articles.splice(1, 1); wirediff.recompute(); });
  await compared(page);
  await page.locator('#answers button').first().click();
  const before = await snapshot(page);
  await page.click('#share-toggle');
  const path = await download(page, '#save-file');
  await context.close();
  const html = readFileSync(path, 'utf8');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'wasm-unsafe-eval' 'sha256-/);
  assert.ok(html.includes('id="wirediff-saved"'));
  const offline = await browser.newContext({ viewport: { width: 1280, height: 720 }, offline: true });
  const opened = await offline.newPage();
  const errors = [];
  opened.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  opened.on('pageerror', (e) => errors.push(e.message));
  await opened.goto(pathToFileURL(path).href);
  await opened.waitForSelector('body[data-ready="true"]');
  await compared(opened);
  await opened.waitForSelector('#explain:not([hidden])');
  assert.deepEqual(await snapshot(opened), before);
  assert.deepEqual([...problems, ...errors], []);
  await offline.close();
});

/** RFC 4180 rows of a CSV text. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  return rows;
}

test('the JSON and CSV exports parse, name the version and settings, and their byte offsets slice the texts', async () => {
  const { context, page, problems } = await openPage(browser);
  await compared(page);
  await page.click('#share-toggle');
  const json = JSON.parse(readFileSync(await download(page, '#export-json'), 'utf8'));
  assert.match(json.wirediff.version, /^\d+\.\d+\.\d+/);
  assert.match(json.wirediff.settings, /^threshold 0\.60, rewrites linked/);
  const slice = (text, start, end) => Buffer.from(text, 'utf8').subarray(start, end).toString('utf8');
  json.analysis.articles.forEach((a, i) => {
    for (const s of a.sentences) assert.equal(slice(json.texts[i], s.start, s.end), s.text);
  });
  const rows = parseCsv(readFileSync(await download(page, '#export-csv'), 'utf8'));
  const head = rows[0];
  assert.deepEqual(head.slice(0, 7), ['group', 'article_a', 'outlet_a', 'sentence_a', 'start_a', 'end_a', 'text_a']);
  const members = json.analysis.clusters.reduce((n, c) => n + c.members.length - 1, 0);
  assert.equal(rows.length - 1, members + json.analysis.links.length);
  const at = (name) => head.indexOf(name);
  const byName = new Map(json.analysis.articles.map((a, i) => [a.name, i]));
  for (const r of rows.slice(1)) {
    for (const x of ['a', 'b']) {
      const text = json.texts[byName.get(r[at(`article_${x}`)])];
      assert.equal(slice(text, Number(r[at(`start_${x}`)]), Number(r[at(`end_${x}`)])), r[at(`text_${x}`)]);
    }
    assert.ok(['verbatim', 'near', 'paraphrase'].includes(r[at('kind')]));
    assert.equal(r[at('wirediff')], json.wirediff.version);
  }
  // The paragraph order as a picture.
  const svg = readFileSync(await download(page, '#export-svg'), 'utf8');
  assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /<title>Paragraph order of 5 articles: wirediff \d/);
  const png = readFileSync(await download(page, '#export-png'));
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the print view holds every article whole, without the controls', async () => {
  const { context, page, problems } = await openPage(browser);
  await compared(page);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#threshold').isVisible(), false);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  // The text of each half of the page, page after page: two articles side
  // by side are two runs of text, each article whole in its half.
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const halves = ['', ''];
  for (let n = 1; n <= doc.numPages; n++) {
    const sheet = await doc.getPage(n);
    const middle = sheet.view[2] / 2;
    for (const item of (await sheet.getTextContent()).items) halves[item.transform[4] < middle ? 0 : 1] += item.str;
  }
  const flat = (t) => t.replace(/[\s\u00ad-]+/g, '');
  const printed = halves.map(flat).join('\n');
  const sentences = await page.evaluate(() => wirediff.state.analysis.articles.flatMap((a) => a.sentences
    .filter((s) => !wirediff.asideReason(a.paragraphs[s.paragraph])).map((s) => s.text)));
  const missing = sentences.filter((s) => !printed.includes(flat(s)));
  assert.deepEqual(missing, []);
  assert.ok(!printed.includes('Matchthreshold'), 'the controls are not printed');
  assert.deepEqual(problems, []);
  await context.close();
});
