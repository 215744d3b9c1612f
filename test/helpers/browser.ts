// Headless Chromium for tests that look at a page the way a reader does:
// Debian's chromium driven by playwright-core (no browser download), a fresh
// profile each time, and a record of what the page did that it should not
// (console errors, page errors) and of every URL it asked for (a report must
// need no network).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import type { Test } from 'tap';
import { DEFAULT_CHROMIUM_PATH } from '../../harness/report/html/png.js';

/** Debian's package, the one `npm run report -- --png` draws with; CI installs it (.ci/run). */
export const CHROMIUM_PATH = DEFAULT_CHROMIUM_PATH;

/** No GPU, no QUIC, no background traffic of the browser's own: every request seen is the page's. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether Chromium is here; without it the test skips with the reason (.ci/run installs it and fails on any skip). */
export function chromiumOrSkip(t: Test): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  t.plan(0, `${CHROMIUM_PATH} is missing (Debian: apt-get install chromium)`);
  return false;
}

/** Where screenshots go: test-output/ at the repository's root (git-ignored). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

/** An open page and what it did; close() ends the browser and removes its profile. */
export interface OpenedPage {
  page: Page;
  /** Console messages of type error, and uncaught page errors. */
  consoleErrors: string[];
  /** Every request URL the page (and its frames and workers) made, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A full-page screenshot of an HTML page; an SVG document (a standalone chart)
 * has no page to scroll, and Chromium never finishes a full-page shot of one:
 * the viewport is set to the drawing's size instead.
 */
async function fullPageOptions(page: Page): Promise<{ fullPage: boolean }> {
  const svgSize = await page.evaluate(() => {
    const root = document.documentElement;
    if (root.namespaceURI !== 'http://www.w3.org/2000/svg') return null;
    const box = root.getBoundingClientRect();
    return { width: Math.ceil(box.width), height: Math.ceil(box.height) };
  });
  if (svgSize === null) return { fullPage: true };
  await page.setViewportSize({ width: Math.max(1, svgSize.width), height: Math.max(1, svgSize.height) });
  return { fullPage: false };
}

/**
 * Opens `url` in headless Chromium and waits for its load event. With
 * `screenshot`, a full-page PNG is saved as test-output/screenshots/<name>.png;
 * with `viewport`, the window is that size (a slide's: 1920 × 1080), one device pixel per CSS pixel.
 */
export async function openInChromium(
  url: string,
  options: { screenshot?: string; viewport?: { width: number; height: number } } = {},
): Promise<OpenedPage> {
  const profileDir = mkdtempSync(join(tmpdir(), 'keepalive-lab-chromium-'));
  let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>>;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      ...(options.viewport ? { viewport: options.viewport, deviceScaleFactor: 1 } : {}),
    });
  } catch (err) {
    rmSync(profileDir, { recursive: true, force: true });
    throw err;
  }
  const close = async () => {
    try {
      await context.close();
    } finally {
      rmSync(profileDir, { recursive: true, force: true });
    }
  };
  try {
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.goto(url, { waitUntil: 'load' });
    if (options.screenshot !== undefined) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({
        path: join(SCREENSHOT_DIR, `${basename(options.screenshot, '.png')}.png`),
        ...(await fullPageOptions(page)),
      });
    }
    return { page, consoleErrors, requests, close };
  } catch (err) {
    await close();
    throw err;
  }
}
