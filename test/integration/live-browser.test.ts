// --live end to end: a real run on the local runtime (system nginx + the built
// app as processes, the default app's timeout compressed to 1 s, as in
// lab-local.test.ts) with the live server attached, and the page opened in
// headless Chromium while it runs. What the page ends on must be what
// summary.json says, and the page must ask nothing of any other host.
// First: this file's own ports and Compose project (test/helpers/slot.ts).
import '../helpers/slot.js';
import t from 'tap';
import { headlineText } from '../../harness/report/headline.js';
import { verdictLine } from '../../harness/report/markdown.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countsOfSummary, type LabEvent } from '../../harness/live/lab-events.js';
import { runLab } from '../../harness/lab/lab.js';
import { startLiveServer } from '../../harness/live/server.js';
import { parseLabArgs } from '../../harness/cli/options.js';
import { defaultScenario, VARIANTS } from '../../harness/scenarios/scenarios.js';
import { chromiumOrSkip, openInChromium, SCREENSHOT_DIR } from '../helpers/browser.js';
import { nginxOrSkip } from '../helpers/require.js';

const COMPRESSED_KEEP_ALIVE_MS = 1_000;
/** How often the test reads the page while the run goes on. */
const SAMPLE_EVERY_MS = 200;
/** Bring-up, probe and a few one-second cycles on loopback take well under this. */
const PAGE_WAIT_MS = 180_000;

t.test('the live page follows a real run and ends on its summary', async (t) => {
  if (!(await nginxOrSkip(t)) || !chromiumOrSkip(t)) return;
  const resultsDir = mkdtempSync(join(tmpdir(), 'keepalive-lab-live-'));
  t.teardown(() => rmSync(resultsDir, { recursive: true, force: true }));
  const server = await startLiveServer();
  t.teardown(() => server.stop());

  const scenario = defaultScenario({
    variants: VARIANTS.map((v) => (v.name === 'default' ? { ...v, keepAliveTimeoutMs: COMPRESSED_KEEP_ALIVE_MS } : v)),
  });
  const options = {
    ...parseLabArgs(['--runtime', 'local', '--live', '--cycles', '3', '--max-cycles', '40', '--min-boundary', '16']),
    resultsDir,
  };
  const events: LabEvent[] = [];
  let bringingUp: () => void = () => {};
  const bringUp = new Promise<void>((resolve) => (bringingUp = resolve));
  const progress: string[] = [];
  const run = runLab(
    options,
    {
      progress: (l) => progress.push(l),
      signal: new AbortController().signal,
      onEvent: (e) => {
        events.push(e);
        server.publish(e);
        if (e.type === 'phase' && e.phase === 'bring-up') bringingUp();
      },
    },
    { scenario },
  );
  let finished = false;
  const outcome = run.finally(() => (finished = true));
  outcome.catch(() => bringingUp());

  // The page opens once the run is under way, as a speaker's would: what happened before is replayed to it.
  await bringUp;
  const opened = await openInChromium(server.url, { screenshot: 'live-page-opened' });
  t.teardown(() => opened.close());
  const { page } = opened;

  // While it runs: the phase and the chart, as the page shows them.
  const phasesSeen: string[] = [];
  const cyclesDrawn: number[] = [];
  const sample = async () => {
    const now = await page.evaluate(() => ({
      phase: document.getElementById('phase')?.textContent ?? '',
      cycles: document.querySelectorAll('#chart svg [data-cycle-group]').length,
    }));
    if (phasesSeen.at(-1) !== now.phase) phasesSeen.push(now.phase);
    if (cyclesDrawn.at(-1) !== now.cycles) cyclesDrawn.push(now.cycles);
  };
  while (!finished) {
    await sample();
    await new Promise((r) => setTimeout(r, SAMPLE_EVERY_MS));
  }
  const { summary } = await outcome;
  await page.waitForFunction(() => document.getElementById('connection')?.dataset.state === 'ended', null, {
    timeout: PAGE_WAIT_MS,
  });
  await sample();
  t.comment(`phases seen: ${phasesSeen.join(' → ')}; bar groups seen: ${cyclesDrawn.join(', ')}`);
  t.comment(summary.verdict.text);

  t.ok(phasesSeen.length >= 2, `the phase changed on the page (${phasesSeen.join(' → ')})`);
  t.ok(phasesSeen.includes('traffic'), 'traffic was shown');
  t.equal(phasesSeen.at(-1), 'results', 'it ends on results');
  t.ok(cyclesDrawn.filter((n) => n > 0).length >= 2, `the chart grew cycle by cycle (${cyclesDrawn.join(', ')})`);
  t.same(
    cyclesDrawn,
    [...cyclesDrawn].sort((a, b) => a - b),
    'and never shrank',
  );

  const groups = await page.locator('#chart svg [data-cycle-group]').count();
  t.equal(groups, summary.schedule.cycles.length, `the chart has a bar group per cycle (${groups})`);
  for (const [name, v] of Object.entries(summary.variants)) {
    const row = page.locator(`[data-variant="${name}"]`, { has: page.locator('.count502') });
    t.equal(
      Number(await row.locator('.count502').textContent()),
      v.rate502.failures,
      `${name}: the page's 502s = the summary's (${v.rate502.failures})`,
    );
    t.equal(
      Number(await row.locator('.sent').textContent()),
      v.requests.total,
      `${name}: requests sent = the summary's`,
    );
    t.equal(
      Number(await row.locator('.boundary').textContent()),
      v.requests.boundary,
      `${name}: boundary requests = the summary's`,
    );
  }
  const lastCycle = events.filter((e) => e.type === 'cycle').at(-1);
  t.same(
    lastCycle?.type === 'cycle' ? lastCycle.counts : null,
    countsOfSummary(summary),
    "the last cycle's live counts already were the summary's",
  );

  const firstHit = summary.variants.default.firstHit;
  const banner = page.locator('#first-502');
  if (firstHit) {
    t.ok(await banner.isVisible(), 'the first 502 is announced');
    t.equal(await banner.getAttribute('data-variant'), 'default');
    t.equal(
      Number(await banner.getAttribute('data-cycle')),
      firstHit.cycle,
      `in cycle ${firstHit.cycle}, as the summary says`,
    );
  } else {
    t.notOk(await banner.isVisible(), 'no 502, no announcement');
  }
  t.match(
    await page.locator('#verdict').textContent(),
    summary.verdict.text,
    "the verdict's counts are the summary's, word for word",
  );
  t.equal(
    await page.locator('#outcome').getAttribute('data-word'),
    summary.verdict.word,
    "the page shows summary.json's word",
  );
  t.equal(await page.locator('#outcome').getAttribute('data-tone'), summary.verdict.tone, 'in its tone');
  t.equal(
    await page.locator('#verdict').textContent(),
    verdictLine(summary),
    "the terminal's verdict line, word for word",
  );
  t.equal(
    await page.locator('#verdict-label').textContent(),
    headlineText(summary, false),
    "the headline is the terminal's",
  );

  t.same(opened.consoleErrors, [], 'no console errors');
  const origin = `http://127.0.0.1:${server.port}/`;
  t.ok(opened.requests.length > 0, `${opened.requests.length} requests`);
  t.same(
    opened.requests.filter((u) => !u.startsWith(origin)),
    [],
    `every request went to ${origin}`,
  );

  const screenshot = join(SCREENSHOT_DIR, 'live-page.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  t.comment(`screenshot: ${screenshot}`);
});
