// The charts as PNG files beside their SVGs (chart-cycles.svg → chart-cycles.png),
// for slide tools that take no SVG: each SVG file opened alone in headless
// Chromium and photographed at twice its own size (sharp on a slide), so a PNG
// is what the page shows.
// The system's Chromium, driven by playwright-core (nothing downloaded): the
// one the browser tests use.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { LabError, firstLineOf } from '../../model/errors.js';
import { EXIT } from '../../model/exit-codes.js';

/** Debian's package (apt-get install chromium); LAB_CHROMIUM, read by the CLI, names another. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Headless, and no sandbox: it opens only the lab's own SVG files from disk, and the sandbox refuses to start as root
 * (a container, CI). No GPU, no network of its own.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Refuses, before anything is written, when there is no browser at `chromiumPath`: the lab's environment lacks a
 * tool, as when Docker is missing (exit 1), not the user's input.
 */
export function assertChromium(chromiumPath: string): void {
  if (!existsSync(chromiumPath))
    throw new LabError(
      `--png draws the charts with Chromium, and there is none at ${chromiumPath} (Debian: apt-get install chromium; or set LAB_CHROMIUM to its path).`,
      undefined,
      EXIT.couldNotRun,
    );
}

/** The PNG file's name for a chart's SVG file. */
export const pngNameOf = (svgName: string) => `${basename(svgName, '.svg')}.png`;

/**
 * Device pixels per CSS pixel of a PNG: twice the chart's size, so a chart scaled up on a slide (or shown on a
 * high-density screen) stays sharp.
 */
export const PNG_SCALE = 2;

/** A started Chromium that photographs chart SVGs; close it when done. */
export interface ChartBrowser {
  /**
   * Writes a PNG beside each of `svgNames` (files in `dir`), each PNG_SCALE times the chart's own size (its width and
   * height in CSS px), atomically like every run file; returns the PNGs' names.
   */
  writePngs(dir: string, svgNames: readonly string[]): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Chromium started, or one line saying it could not be (exit 1): a missing file, or one that is no Chromium
 * (LAB_CHROMIUM=/bin/false). Playwright's own text (a page of launch log) never reaches the user.
 */
export async function startChartBrowser(chromiumPath: string): Promise<ChartBrowser> {
  assertChromium(chromiumPath);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  } catch {
    throw new LabError(
      `--png draws the charts with Chromium, and ${chromiumPath} did not start as one (Debian: apt-get install chromium; or set LAB_CHROMIUM to its path).`,
      undefined,
      EXIT.couldNotRun,
    );
  }
  return {
    writePngs: (dir, svgNames) => photograph(browser, dir, svgNames),
    close: () => browser.close(),
  };
}

/** Each SVG file opened alone and photographed at PNG_SCALE × its own size, the PNG written beside it. */
async function photograph(browser: Browser, dir: string, svgNames: readonly string[]): Promise<string[]> {
  const page = await browser.newPage({ deviceScaleFactor: PNG_SCALE });
  try {
    const written: string[] = [];
    for (const svgName of svgNames) {
      await page.goto(pathToFileURL(join(dir, svgName)).href, { waitUntil: 'load' });
      // An SVG document has no page to scroll: the viewport is the drawing's size.
      const size = await page.evaluate(() => {
        const box = document.documentElement.getBoundingClientRect();
        return { width: Math.ceil(box.width), height: Math.ceil(box.height) };
      });
      await page.setViewportSize({ width: Math.max(1, size.width), height: Math.max(1, size.height) });
      const name = pngNameOf(svgName);
      const temporary = join(dir, `.${name}.${process.pid}.tmp.png`);
      try {
        await page.screenshot({ path: temporary, type: 'png' });
        renameSync(temporary, join(dir, name));
      } catch (err) {
        rmSync(temporary, { force: true });
        throw new LabError(`Could not write ${join(dir, name)}: ${firstLineOf(err)}`, undefined, EXIT.couldNotRun);
      }
      written.push(name);
    }
    return written;
  } finally {
    await page.close();
  }
}
