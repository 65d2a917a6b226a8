// The headless Chromium every end-to-end test file drives: Debian's, as root
// (no sandbox), with the background networking a closed network refuses
// turned off.
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** The built page, dist/index.html, as a file:// address. */
export const pageUrl = new URL('../../dist/index.html', import.meta.url).href;

/**
 * Opens the built page (or `url`) in a new context of `browser` (1280x720
 * unless `contextOptions` say otherwise) and waits until it is ready;
 * `problems` collects console errors and uncaught exceptions.
 */
export async function openPage(browser, contextOptions = {}, url = pageUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...contextOptions });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return { context, page, problems };
}

/** Waits for the diff view to show the pair chosen (the worker computes it). */
export async function diffShown(page) {
  await page.waitForSelector('#diff-table[data-pair]');
}
