// report.html and its charts as slides: a default-matrix report (19 apps, 38
// cells, nginx, HAProxy and Caddy) and a classic run's, looked at in Chromium
// in a 1920 × 1080 window, one CSS pixel per device pixel. The rule:
//   - every chart, in the page and opened alone, fits 1920 × 1080 whole;
//   - its smallest text renders at 14 px or more (the computed font size times
//     the SVG's scale on screen): legible on a projected 1080p slide;
//   - the page's first screen shows the verdict and, under it, the whole
//     outcome grid: every square, its legend beside it.
// And `npm run report -- <run> --png` writes a PNG per chart, at twice the chart's size.
// Screenshots go to test-output/screenshots/ (slide-*.png) for a look.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import t, { type Test } from 'tap';
import type { Page } from 'playwright-core';
import { writeReport } from '../../harness/report/html/build.js';
import { readRunSummary } from '../../harness/report/html/run-files.js';
import { EXIT } from '../../harness/model/exit-codes.js';
import { chromiumOrSkip, openInChromium, SCREENSHOT_DIR } from '../helpers/browser.js';
import { defaultMatrixSummary } from '../helpers/default-matrix.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = join(ROOT, 'test/fixtures/runs');
const SLIDE = { width: 1920, height: 1080 };
const MIN_TEXT_PX = 14;
/** The real default matrices committed for the docs: measured on a quiet machine, and on a busy one. */
const COMMITTED_MATRICES = ['matrix', 'matrix-busy'].map((what) => ({
  what,
  summary: join(ROOT, 'docs/measurements', what, 'summary.json'),
}));

/** A directory holding a summary (and whatever else), its report written there. */
function reportDir(t: Test, fill: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-slides-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  fill(dir);
  writeReport(dir);
  return dir;
}

/** The default matrices looked at: the committed measurements, and a made-up one (its 18-cycle lanes are wider). */
const DEFAULT_MATRICES: Array<{ name: string; write: (dir: string) => void }> = [
  ...COMMITTED_MATRICES.map(({ what, summary }) => ({
    name: what,
    write: (dir: string) => cpSync(summary, join(dir, 'summary.json')),
  })),
  {
    name: 'synthetic-matrix',
    write: (dir: string) => writeFileSync(join(dir, 'summary.json'), JSON.stringify(defaultMatrixSummary())),
  },
];

/** Per chart on the page: its box on screen, and its smallest text as rendered (font size × the SVG's scale). */
async function chartsOnScreen(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGSVGElement>('svg[data-chart]')].map((svg) => {
      const box = svg.getBoundingClientRect();
      const scale = svg.getScreenCTM()?.a ?? 1;
      const sizes = [...svg.querySelectorAll('text')]
        .filter((el) => (el.textContent ?? '').trim() !== '')
        .map((el) => ({ px: parseFloat(getComputedStyle(el).fontSize) * scale, text: el.textContent ?? '' }));
      const smallest = sizes.reduce((a, b) => (b.px < a.px ? b : a), { px: Infinity, text: '' });
      return { chart: svg.dataset.chart ?? '', width: box.width, height: box.height, smallest };
    }),
  );
}

/** Every chart of the page fits a slide and reads at MIN_TEXT_PX; each photographed alone. */
async function assertSlides(t: Test, page: Page, name: string, expected: string[]): Promise<void> {
  const charts = await chartsOnScreen(page);
  t.same(charts.map((c) => c.chart).sort(), [...expected].sort(), `${name}: its charts`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const c of charts) {
    t.ok(
      c.width <= SLIDE.width && c.height <= SLIDE.height,
      `${name} ${c.chart}: ${Math.round(c.width)} × ${Math.round(c.height)} fits 1920 × 1080`,
    );
    t.ok(
      c.smallest.px >= MIN_TEXT_PX - 0.01,
      `${name} ${c.chart}: smallest text ${c.smallest.px.toFixed(1)} px ('${c.smallest.text.slice(0, 40)}') ≥ ${MIN_TEXT_PX} px`,
    );
    await page
      .locator(`svg[data-chart="${c.chart}"]`)
      .screenshot({ path: join(SCREENSHOT_DIR, `slide-${name}-${c.chart}.png`) });
  }
}

/** Each chart file opened alone in a slide-sized window: whole in it, and legible. */
async function assertChartFiles(t: Test, dir: string, name: string): Promise<void> {
  for (const file of readdirSync(dir).filter((f) => /^chart-.*\.svg$/.test(f))) {
    const url = pathToFileURL(join(dir, file)).href;
    const opened = await openInChromium(url, { viewport: SLIDE });
    try {
      const [c] = await chartsOnScreen(opened.page);
      t.ok(c.width <= SLIDE.width && c.height <= SLIDE.height, `${name} ${file} alone: fits 1920 × 1080`);
      t.ok(c.smallest.px >= MIN_TEXT_PX - 0.01, `${name} ${file} alone: smallest text ${c.smallest.px.toFixed(1)} px`);
      t.same(opened.consoleErrors, [], `${name} ${file}: no errors`);
    } finally {
      await opened.close();
    }
  }
}

/** A PNG's width and height, from its IHDR chunk; null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const report = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['--import=tsx', 'harness/cli/report.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...env },
  });

// Without Chromium every test here skips, with the reason.
if (chromiumOrSkip(t)) {
  for (const { name, write } of DEFAULT_MATRICES)
    t.test(
      `${name}, a default matrix: every chart fits a slide, legible; the first screen shows the outcome grid`,
      async (t) => {
        const dir = reportDir(t, write);
        const url = pathToFileURL(join(dir, 'report.html')).href;
        const opened = await openInChromium(url, { viewport: SLIDE });
        t.teardown(() => opened.close());
        const { page } = opened;
        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        await page.screenshot({ path: join(SCREENSHOT_DIR, `slide-${name}-first-screen.png`) });

        // The first screen: the verdict, then the grid's title, its first LB and its first row of squares.
        const grid = page.locator('svg[data-chart="matrix"]');
        const verdict = await page.locator('[data-role="verdict"]').boundingBox();
        const gridBox = await grid.boundingBox();
        const firstGroup = await grid.locator('[data-lb-group]').first().boundingBox();
        const firstSquare = await grid.locator('[data-role="cell-square"]').first().boundingBox();
        t.ok(verdict && verdict.y + verdict.height <= SLIDE.height, 'the verdict on the first screen');
        t.ok(gridBox && verdict && gridBox.y > verdict.y && gridBox.y < SLIDE.height / 3, 'the grid right under it');
        t.ok(
          firstGroup && firstSquare && firstSquare.y + firstSquare.height <= SLIDE.height,
          'its first LB and first cell on the first screen',
        );
        t.equal(await grid.locator('[data-role="cell-square"]').count(), 38, '38 cells');
        const summary = readRunSummary(dir);
        // The whole grid on the first screen (scrolled to the top): the rows at the bottom (HAProxy, Caddy) hold the
        // cells a speaker most needs, e.g. the busy run's only FIX FAILED.
        const squares = await grid.locator('[data-role="cell-square"]').evaluateAll((els) =>
          els.map((e) => {
            const b = e.getBoundingClientRect();
            return {
              cell: e.parentElement?.getAttribute('data-cell') ?? '',
              inside: b.top >= 0 && b.left >= 0 && b.bottom <= window.innerHeight && b.right <= window.innerWidth,
              bottom: Math.round(b.bottom),
            };
          }),
        );
        t.equal(await page.evaluate(() => window.scrollY), 0, 'at the top of the page');
        t.same(
          squares.filter((s) => !s.inside),
          [],
          `every square inside the first ${SLIDE.width} × ${SLIDE.height} screen (the lowest ends at ${Math.max(...squares.map((s) => s.bottom))} px)`,
        );
        const notable = summary.cells.filter((c) => c.verdict.word !== 'REPRODUCED' && c.verdict.word !== 'SAFE');
        for (const c of notable)
          t.ok(squares.find((s) => s.cell === c.name)?.inside, `${c.name} (${c.verdict.word}) on the first screen`);
        if (name === 'matrix-busy')
          t.ok(
            notable.some((c) => c.verdict.word === 'FIX FAILED' && (c.lb === 'haproxy' || c.lb === 'caddy')),
            'the busy run has its FIX FAILED cell behind HAProxy or Caddy (what this check is for)',
          );
        const legend = await grid.locator('[data-role="legend"]').boundingBox();
        t.ok(legend && legend.y + legend.height <= SLIDE.height, 'the legend on the first screen too');
        t.same(
          await grid
            .locator('[data-role="outcome"]')
            .evaluateAll((els) => els.map((e) => [e.parentElement?.getAttribute('data-cell'), e.textContent])),
          summary.cells.map((c) => [c.name, c.verdict.word]),
          "each square says its cell's verdict word (FIX FAILED too)",
        );
        t.same(
          await grid.locator('[data-lb-group]').evaluateAll((els) => els.map((e) => e.getAttribute('data-lb-group'))),
          ['nginx', 'haproxy', 'caddy'],
          'grouped by LB',
        );
        const firstScreenTables = await page.evaluate(
          (h) =>
            [...document.querySelectorAll('#facts, #table')].filter((el) => el.getBoundingClientRect().top < h).length,
          SLIDE.height,
        );
        t.equal(firstScreenTables, 0, "the run's facts and the cell table further down");

        await assertSlides(t, page, name, ['matrix', 'cycles', 'race-window', 'closed-by']);
        const cycles = page.locator('svg[data-chart="cycles"]');
        t.equal(await cycles.locator('[data-variant-row]').count(), 19, 'the heat map: a row per app');
        // A cell that failed has a row that shows it: a count, or (502s only, from a summary alone) a note saying
        // where.
        const rows = await cycles.locator('[data-variant-row]').evaluateAll((els) =>
          els.map((e) => ({
            variant: e.getAttribute('data-variant-row') ?? '',
            total: Number(e.getAttribute('data-total')),
            noted: e.querySelector('[data-note="true"]') !== null,
          })),
        );
        for (const c of summary.cells.filter(
          (x) => x.verdict.word === 'REPRODUCED' || x.verdict.word === 'FIX FAILED',
        )) {
          if (c.counts.status502 + c.counts.emptyReply + c.counts.reset === 0) continue;
          const row = rows.find((r) => r.variant === c.variant);
          t.ok(row && (row.total > 0 || row.noted), `${c.name} (${c.verdict.word}): its heat-map row is not clean`);
        }
        t.same(opened.consoleErrors, []);
        await assertChartFiles(t, dir, name);
      },
    );

  t.test('a classic run: its five charts fit a slide, legible', async (t) => {
    const dir = reportDir(t, (d) => cpSync(join(RUNS, '20261128-042022Z-docker'), d, { recursive: true }));
    const opened = await openInChromium(pathToFileURL(join(dir, 'report.html')).href, { viewport: SLIDE });
    t.teardown(() => opened.close());
    await opened.page.screenshot({ path: join(SCREENSHOT_DIR, 'slide-classic-first-screen.png') });
    await assertSlides(t, opened.page, 'classic', ['cycles', 'race-window', 'hit-timeline', 'closed-by']);
    await assertChartFiles(t, dir, 'classic');
  });

  t.test('npm run report -- <summary.json> --png: a PNG per chart, at twice the size the page shows it', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'report-png-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(join(RUNS, '20261128-042022Z-docker'), dir, { recursive: true });
    const run = report([join(dir, 'summary.json'), '--png']);
    t.equal(run.status, EXIT.ok, run.stderr);
    t.equal(run.stdout, `${join(dir, 'report.html')}\n`);
    const svgs = readdirSync(dir).filter((f) => /^chart-.*\.svg$/.test(f));
    t.equal(svgs.length, 4, 'four charts');
    t.same(
      readdirSync(dir)
        .filter((f) => f.endsWith('.png'))
        .sort(),
      svgs.map((f) => f.replace(/\.svg$/, '.png')).sort(),
      'a PNG beside each SVG, and no other',
    );
    for (const svg of svgs) {
      const size = pngSize(readFileSync(join(dir, svg.replace(/\.svg$/, '.png'))));
      t.ok(size, `${svg}: a PNG`);
      const root = /<svg [^>]*>/.exec(readFileSync(join(dir, svg), 'utf8'))![0];
      const expected = {
        width: Number(/ width="([\d.]+)"/.exec(root)![1]),
        height: Number(/ height="([\d.]+)"/.exec(root)![1]),
      };
      // Twice the chart's size (PNG_SCALE written out: the test states the size a slide tool gets, it does not ask).
      t.same(
        size,
        { width: expected.width * 2, height: expected.height * 2 },
        `${svg}: its PNG ${expected.width * 2} × ${expected.height * 2}, twice the chart's size`,
      );
      t.ok(expected.width <= SLIDE.width && expected.height <= SLIDE.height, `${svg}: a slide's size at most`);
    }
  });

  t.test('--png and no Chromium: one line, exit 1, nothing written', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'report-png-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(join(RUNS, '20261127-224243Z-docker-summary-only'), dir, { recursive: true });
    const missing = join(dir, 'no-such-chromium');
    const run = report([dir, '--png'], { LAB_CHROMIUM: missing });
    t.equal(run.status, EXIT.couldNotRun, 'the environment lacks a tool (as when Docker is missing): exit 1');
    t.equal(run.stderr.trimEnd().split('\n').length, 1, `one line: ${run.stderr}`);
    t.match(run.stderr, `keepalive-lab report: --png draws the charts with Chromium, and there is none at ${missing}`);
    t.equal(run.stdout, '');
    t.same(readdirSync(dir), ['summary.json'], 'nothing written');
  });

  t.test(
    '--png and a Chromium that does not start (LAB_CHROMIUM=/bin/false): one line, exit 1, nothing written',
    async (t) => {
      const dir = mkdtempSync(join(tmpdir(), 'report-png-'));
      t.teardown(() => rmSync(dir, { recursive: true, force: true }));
      cpSync(join(RUNS, '20261128-042022Z-docker'), dir, { recursive: true });
      const before = readdirSync(dir).sort();
      const run = report([dir, '--png'], { LAB_CHROMIUM: '/bin/false' });
      t.equal(run.status, EXIT.couldNotRun, 'exit 1');
      t.same(
        run.stderr.trimEnd().split('\n'),
        [
          'keepalive-lab report: --png draws the charts with Chromium, and /bin/false did not start as one (Debian: apt-get install chromium; or set LAB_CHROMIUM to its path).',
        ],
        "one line of ours, none of Playwright's launch log",
      );
      t.equal(run.stdout, '');
      t.same(readdirSync(dir).sort(), before, 'nothing written: no report.html, no SVG, no PNG');
    },
  );

  t.test('--png and a run path that is wrong: the path is the error (exit 2), before any browser', async (t) => {
    const run = report([join(tmpdir(), 'no-such-run-dir'), '--png'], { LAB_CHROMIUM: '/bin/false' });
    t.equal(run.status, EXIT.badInput);
    t.match(run.stderr, /^keepalive-lab report: No run directory or summary at /);
  });
}
