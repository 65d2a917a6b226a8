// The page at scale, timed in headless Chromium (issue 10's page targets):
//
//   node bench/page.mjs [--articles N] [--seed S]
//
// Opens dist/index.html from file:// and reports, as one JSON line:
// - `openMs`: from navigation start until the five samples are compared
//   and shown (the summary line reads "5 articles … compared in …");
// - for N - 5 generated articles (scripts/corpus.mjs) chosen at once in the
//   file input, so that N articles (default 1000, the page's most) are
//   compared with the five samples: `progressMs` (input change -> progress
//   bar visible), `resultsMs` (input change -> "N articles … compared"),
//   `longestTaskMs` and `longTasks` (main-thread tasks over 50 ms from the
//   input change until the results, from the Long Tasks API);
// - `cancelMs`: for the same files chosen in a fresh page, from the click on
//   Cancel (once the worker is matching) until the "Cancelled" message
//   shows (the worker is terminated before it; the run also waits for
//   Chromium to report the worker closed).
// Needs `scripts/build` first.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from '../tests/e2e/browser.mjs';
import { generate } from '../scripts/corpus.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const index = join(root, 'dist', 'index.html');

function parseArgs(argv) {
  const o = { articles: 1000, seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--articles' || a === '--seed') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${a} needs a whole number`);
      o[a.slice(2)] = v;
    } else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(index)) throw new Error('dist/index.html is missing: run scripts/build first');
  if (o.articles < 6) throw new Error('--articles must be at least 6 (the five samples and one file)');
  const { articles } = generate({ articles: o.articles - 5, seed: o.seed });
  const files = articles.map((a) => ({ name: a.name, mimeType: 'text/plain', buffer: Buffer.from(a.text) }));
  const total = o.articles;
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
      // When the summary line first says the five samples are compared.
      document.addEventListener('DOMContentLoaded', () => {
        const summary = document.querySelector('#summary');
        new MutationObserver(() => {
          if (window.__openedAt === undefined && / compared in \d+ ms$/.test(summary.textContent)) window.__openedAt = performance.now();
        }).observe(summary, { childList: true, characterData: true, subtree: true });
      });
    });
    await page.goto(pathToFileURL(index).href);
    await page.waitForFunction(() => window.__openedAt !== undefined, null, { timeout: 30000 });
    const openMs = await page.evaluate(() => window.__openedAt);
    await page.evaluate(() => {
      document.querySelector('#add-files').addEventListener('change', () => {
        window.__changeAt = performance.now();
        window.__shownAt = undefined;
      }, { capture: true });
      const bar = document.querySelector('#progress');
      new MutationObserver(() => {
        if (!bar.hidden && window.__shownAt === undefined) window.__shownAt = performance.now();
      }).observe(bar, { attributes: true, attributeFilter: ['hidden'] });
      const summary = document.querySelector('#summary');
      new MutationObserver(() => { window.__summaryAt = performance.now(); })
        .observe(summary, { childList: true, characterData: true, subtree: true });
    });

    // N files at once, to the results.
    await page.setInputFiles('#add-files', files);
    await page.waitForFunction((n) => new RegExp(`^${n} articles .* compared in \\d+ ms$`).test(document.querySelector('#summary').textContent),
      total, { timeout: 120000 }).catch(async (e) => {
      const seen = await page.evaluate(() => [document.querySelector('#summary').textContent,
        ...[...document.querySelectorAll('.message')].map((m) => m.textContent)]);
      throw new Error(`no results for ${total} articles: ${seen.join(' | ')} (${e.message.split('\n')[0]})`);
    });
    const run = await page.evaluate(() => {
      const tasks = window.__longTasks.filter((t) => t.start >= window.__changeAt && t.start <= window.__summaryAt);
      return {
        progressMs: window.__shownAt - window.__changeAt,
        resultsMs: window.__summaryAt - window.__changeAt,
        longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
        longTasks: tasks.length,
        longTasksSinceOpen: window.__longTasks.length,
      };
    });

    // The same files in a fresh page, cancelled while matching.
    await page.context().close();
    const again = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await again.goto(pathToFileURL(index).href);
    await again.waitForFunction(() => / compared in \d+ ms$/.test(document.querySelector('#summary').textContent), null, { timeout: 30000 });
    await again.setInputFiles('#add-files', files);
    await again.waitForFunction(() => ['matching', 'summarising'].includes(document.querySelector('#progress').dataset.stage),
      null, { timeout: 120000 });
    const worker = again.workers()[0];
    const closed = new Promise((ok) => worker.once('close', ok));
    await again.evaluate(() => {
      document.querySelector('#cancel').addEventListener('click', () => { window.__cancelAt = performance.now(); }, { capture: true });
      new MutationObserver(() => {
        if (window.__cancelledAt === undefined && [...document.querySelectorAll('.message')].some((m) => /^Cancelled/.test(m.textContent))) {
          window.__cancelledAt = performance.now();
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    await again.click('#cancel');
    await Promise.all([closed, again.waitForFunction(() => window.__cancelledAt !== undefined)]);
    const cancelMs = await again.evaluate(() => window.__cancelledAt - window.__cancelAt);

    console.log(JSON.stringify({ articles: total, openMs, ...run, cancelMs }));
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(`bench/page.mjs: ${e.message}`);
  process.exit(1);
});
