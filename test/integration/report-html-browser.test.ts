// report.html as a reader sees it: built from real runs (test/fixtures/runs/)
// by the function `npm run report` uses, opened from file:// in headless
// Chromium. Every chart is there with as many marks as the summary has data,
// the page fetches nothing and logs no error; screenshots go to
// test-output/screenshots/ for a look.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import t, { type Test } from 'tap';
import { headlineText } from '../../harness/report/headline.js';
import { writeReport } from '../../harness/report/html/build.js';
import { readRunSummary } from '../../harness/report/html/run-files.js';
import { chromiumOrSkip, openInChromium } from '../helpers/browser.js';

const RUNS = fileURLToPath(new URL('../fixtures/runs/', import.meta.url));

/** A fixture run copied to a temporary directory with its report written there. */
function reportOf(t: Test, fixture: string): { dir: string; url: string } {
  const dir = mkdtempSync(join(tmpdir(), 'report-html-browser-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(RUNS, fixture), dir, { recursive: true });
  const { reportPath } = writeReport(dir);
  return { dir, url: pathToFileURL(reportPath).href };
}

// Without Chromium every test here skips, with the reason.
if (chromiumOrSkip(t)) {
  t.test('a classic run: cycles, 502s per variant, the hit timeline and who closed, no network', async (t) => {
    const { dir, url } = reportOf(t, '20261128-042022Z-docker');
    const summary = readRunSummary(dir);
    const opened = await openInChromium(url, { screenshot: 'report-classic' });
    t.teardown(() => opened.close());
    const { page } = opened;

    const cycles = page.locator('svg[data-chart="cycles"]');
    t.equal(
      await cycles.locator('[data-cycle-group]').count(),
      summary.schedule.cycles.length,
      'one group of squares per cycle',
    );
    const variants = Object.keys(summary.variants);
    t.equal(
      await cycles.locator('rect[data-count]').count(),
      summary.schedule.cycles.length * variants.length,
      'squares = cycles × variants',
    );
    t.match(await cycles.locator('title').first().textContent(), 'Failures per cycle', 'its requests: every failure');
    for (const name of variants) {
      // Behind nginx every failure is a 502: the cells' counts say so, and the row words them.
      const cells = summary.cells.filter((c) => c.variant === name);
      const failures = cells.reduce((n, c) => n + c.counts.status502, 0);
      t.equal(
        cells.reduce((n, c) => n + c.counts.emptyReply + c.counts.reset + c.counts.status503 + c.counts.status504, 0),
        0,
        `${name}: nginx answered with 502s only`,
      );
      const row = cycles.locator(`[data-variant-row="${name}"]`);
      t.match(
        await row.textContent(),
        `${name}${failures > 0 ? `${failures} × 502` : 'no failure'}`,
        `${name}: its failures shown in words beside its name`,
      );
      const bars = await cycles
        .locator(`rect[data-variant="${name}"]`)
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
      t.equal(
        bars.reduce((a, b) => a + b, 0),
        failures,
        `${name}: the squares add up to the cells' failures`,
      );
    }
    const box = await cycles.boundingBox();
    t.ok(box !== null && box.width > 300 && box.height > 150, 'the cycle chart is drawn at a readable size');

    const timeline = page.locator('svg[data-chart="hit-timeline"]');
    t.equal(await timeline.count(), 1, 'the hit timeline');
    t.equal(await timeline.locator('[data-step]').count(), 6, 'its six steps');
    t.equal(await timeline.locator('[data-lifeline]').count(), 3, 'client, LB, app');
    const closedBy = page.locator('svg[data-chart="closed-by"]');
    t.equal(await closedBy.locator('[data-closed-by-row]').count(), variants.length, 'who closed: a row per variant');
    t.equal(
      await page.locator('svg[data-chart="race-window"] [data-offset-ms]').count(),
      Object.keys(summary.raceWindow.byOffsetMs).length,
      'the race window: a bar per offset',
    );
    t.equal(await page.locator('svg[data-chart="matrix"]').count(), 0, 'no matrix grid for a classic run');
    t.match(await page.locator('[data-role="verdict"]').textContent(), summary.verdict.text);
    t.equal(
      await page.locator('[data-role="headline"]').textContent(),
      headlineText(summary, false),
      "the terminal's headline first",
    );

    t.same(opened.consoleErrors, [], 'no console errors');
    t.same(opened.requests, [url], 'the only request is the page itself');

    // The same page for print: it must still fit and say everything.
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({
      path: fileURLToPath(new URL('../../test-output/screenshots/report-classic-print.png', import.meta.url)),
      fullPage: true,
    });
  });

  t.test('a matrix run: one square per cell with its outcome word', async (t) => {
    const { dir, url } = reportOf(t, '20261127-221646Z-docker');
    const summary = readRunSummary(dir);
    const opened = await openInChromium(url, { screenshot: 'report-matrix' });
    t.teardown(() => opened.close());
    const { page } = opened;
    const grid = page.locator('svg[data-chart="matrix"]');
    t.equal(await grid.locator('[data-role="cell-square"]').count(), summary.cells.length, 'one square per cell');
    for (const c of summary.cells) {
      const text = await grid.locator(`[data-cell="${c.name}"]`).textContent();
      t.match(text, c.verdict.word, `${c.name}: says ${c.verdict.word}`);
      t.match(text, `${c.clientSaw} / ${c.counts.boundary}`, `${c.name}: and its counts`);
    }
    const cycles = page.locator('svg[data-chart="cycles"]');
    t.equal(
      await cycles.locator('[data-cycle-group]').count(),
      summary.schedule.cycles.length,
      'one group of squares per cycle',
    );
    t.equal(
      await page.locator('svg[data-chart="hit-timeline"] [data-step]').count(),
      6,
      'an older run has its hit timeline too',
    );
    t.same(opened.consoleErrors, [], 'no console errors');
    t.same(opened.requests, [url], 'the only request is the page itself');
  });

  t.test('a summary without its logs: the page says what it could not draw', async (t) => {
    const { url } = reportOf(t, '20261127-224243Z-docker-summary-only');
    const opened = await openInChromium(url, { screenshot: 'report-summary-only' });
    t.teardown(() => opened.close());
    const { page } = opened;
    t.equal(await page.locator('svg[data-chart="matrix"] [data-role="cell-square"]').count(), 30, '30 cells');
    t.equal(await page.locator('svg[data-chart="hit-timeline"]').count(), 0, 'no timeline to draw: none drawn');
    t.match(
      await page.locator('#hit-timeline [data-role="not-drawn"]').textContent(),
      /requests\.ndjson is missing/,
      'in its place, why',
    );
    t.match(await page.locator('#missing').textContent(), /requests\.ndjson/);
    t.same(opened.consoleErrors, []);
    t.same(opened.requests, [url]);
  });

  t.test('the chart files open on their own', async (t) => {
    const { dir } = reportOf(t, '20261128-042022Z-docker');
    for (const name of ['chart-cycles', 'chart-race-window', 'chart-hit-timeline', 'chart-closed-by']) {
      const url = pathToFileURL(join(dir, `${name}.svg`)).href;
      const opened = await openInChromium(url, { screenshot: `${name}-classic` });
      try {
        t.equal(
          await opened.page.evaluate(() => document.documentElement.namespaceURI),
          'http://www.w3.org/2000/svg',
          `${name}: an SVG document`,
        );
        const box = await opened.page.locator('svg').first().boundingBox();
        t.ok(box !== null && box.width > 300, `${name}: drawn`);
        t.same(opened.consoleErrors, [], `${name}: no errors`);
        t.same(opened.requests, [url], `${name}: nothing fetched`);
      } finally {
        await opened.close();
      }
    }
    const matrixDir = reportOf(t, '20261127-221646Z-docker').dir;
    const opened = await openInChromium(pathToFileURL(join(matrixDir, 'chart-matrix.svg')).href, {
      screenshot: 'chart-matrix',
    });
    t.teardown(() => opened.close());
    t.equal(await opened.page.locator('[data-role="cell-square"]').count(), 4);
  });
}
