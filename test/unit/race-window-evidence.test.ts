// The numbers docs/race-window.md rests on, each computed here from a
// committed file: the real runs in test/fixtures/runs/ and the loopback
// experiment's trials (docs/measurements/race-window/loopback.ndjson, written
// by scripts/race-window-experiment.ts). Change the data and this says which
// sentence of the finding no longer holds.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeInstant, loopDelayAtClose } from '../../harness/records/app-records.js';
import { readJsonLines } from '../../harness/model/json-lines.js';
import { explainHits, raceModel } from '../../harness/analysis/race-model.js';
import { readRunFiles, readRunSummary } from '../../harness/report/html/run-files.js';
import type { Trial } from '../../scripts/race-window-experiment.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = join(ROOT, 'test/fixtures/runs');
const CLASSIC = join(RUNS, '20261128-042022Z-docker');
const r3 = (v: number) => Math.round(v * 1000) / 1000;
const range = (xs: number[]) => [r3(Math.min(...xs)), r3(Math.max(...xs))];

t.test(
  'the classic run: every hit before the close, within the loop delay or just before the due instant',
  async (t) => {
    const files = readRunFiles(CLASSIC);
    const app = files.apps.default!;
    const aimed = files.records!.filter((r) => r.variant === 'default' && r.phase === 'aimed');
    const sendToAppMs = files.summary.schedule.appClocks.default!.sendToAppMs;
    const hits = explainHits(aimed, app.closes, sendToAppMs);
    t.equal(hits.length, 33);
    t.same(range(hits.map((h) => h.arrivalMinusCloseMs)), [-14.408, -1.572], 'hits: ms before the close they met');
    t.same(range(hits.map((h) => h.loopDelayMs!)), [3.154, 15.498], "the app's timer was late by this at those closes");
    t.equal(hits.filter((h) => h.place === 'unread').length, 28, 'within the loop delay');
    const beforeDue = hits.filter((h) => h.place === 'before-due');
    t.equal(beforeDue.length, 5);
    t.same(
      range(beforeDue.map((h) => h.arrivalMs - (closeInstant(h.close) - h.loopDelayMs!))),
      [-3.138, -1.274],
      'before the due instant by',
    );
    // The preload's close event trails the timer while the loop is busy: measured against it, hits would sit earlier
    // still.
    const timerToClose = app.closes
      .filter((c) => c.keepAliveTimerAtMonoMs !== null)
      .map((c) => c.closedAtMonoMs - c.keepAliveTimerAtMonoMs!);
    t.same(range(timerToClose), [0.087, 22.205], "the 'close' event after the timer");
    const delays = app.closes.flatMap((c) => (c.closedBy === 'app' ? [loopDelayAtClose(c)!] : []));
    t.same(range(delays), [0, 15.498], 'the loop delay at every app close of the run');

    const model = raceModel(
      aimed,
      app.closes,
      (s, n) => app.responseEnds.get(`${s}/${n}`),
      sendToAppMs,
      files.summary.variants.default.measured.appCloseDelayMedianMs,
    );
    t.same(model.windowMs, { from: -15.498, to: 0, width: 15.498 }, 'the window now');
    t.same(
      files.summary.raceWindow.model!.windowMs,
      { from: 0.674, to: 2.437, width: 1.763 },
      'the window the summary was written with',
    );
    t.same(files.summary.raceWindow.model!.servedBeforeCloseMs, { min: -9.728, median: -5.536, max: 0.674, count: 7 });
  },
);

t.test("nginx's side of the classic run: resets, and how long it waited on the reused connection", async (t) => {
  const summary = readRunSummary(CLASSIC);
  t.same(
    summary.nginx.errorLog,
    { prematurelyClosed: 6, connectionReset: 27, brokenPipe: 0, other: 0 },
    '33 502s: 27 resets (request unread at the close), 6 FIN first',
  );
  const access = new Map(
    readJsonLines(readFileSync(join(CLASSIC, 'nginx-access.log'), 'utf8')).map((o) => {
      const l = o as { request_id: string; upstream_response_time: string };
      return [l.request_id, Number(l.upstream_response_time) * 1000] as const;
    }),
  );
  const files = readRunFiles(CLASSIC);
  const app = files.apps.default!;
  const hits = files.records!.filter((r) => r.variant === 'default' && r.phase === 'aimed' && r.status === 502);
  // Per cycle: how long nginx waited on the reused connection before it failed ($upstream_response_time, its own clock,
  // ms), and the longest loop delay among the app's closes within 20 ms of that cycle's hits (app clock).
  const perCycle: Record<number, { nginxWaitedMs: number[]; loopDelayMs: number }> = {};
  for (const cycle of [...new Set(hits.map((r) => r.cycle))]) {
    const mine = hits.filter((r) => r.cycle === cycle);
    const arrivals = mine.map((r) => r.startMonoMs + files.summary.schedule.appClocks.default!.sendToAppMs);
    const near = app.closes.filter(
      (c) => c.closedBy === 'app' && arrivals.some((a) => Math.abs(closeInstant(c) - a) <= 20),
    );
    perCycle[cycle] = {
      nginxWaitedMs: range(mine.map((r) => access.get(r.requestId)!)),
      loopDelayMs: Math.max(...near.map((c) => loopDelayAtClose(c)!)),
    };
  }
  t.same(perCycle, {
    2: { nginxWaitedMs: [4, 5], loopDelayMs: 8.507 },
    3: { nginxWaitedMs: [2, 8], loopDelayMs: 6.919 },
    6: { nginxWaitedMs: [5, 15], loopDelayMs: 11.716 },
    7: { nginxWaitedMs: [1, 10], loopDelayMs: 7.67 },
    10: { nginxWaitedMs: [2, 2], loopDelayMs: 3.154 },
    11: { nginxWaitedMs: [14, 14], loopDelayMs: 15.498 },
  });
});

t.test(
  'the runs of your app and the older matrix: hits before the close, and every one of them a reset at nginx',
  async (t) => {
    for (const [dir, expected] of [
      [
        '20261128-084831Z-docker-your-app-summary-only',
        { hits: 34, resets: 34, premature: 0, min: -45.994, max: -2.3, width: -29.949 },
      ],
      [
        '20261128-085126Z-docker-your-app-summary-only',
        { hits: 32, resets: 32, premature: 0, min: -38, max: 6.831, width: -21.045 },
      ],
    ] as const) {
      const s = readRunSummary(join(RUNS, dir));
      const m = s.raceWindow.model!;
      t.same(
        {
          hits: m.hitsMs!.count,
          resets: s.nginx.errorLog.connectionReset,
          premature: s.nginx.errorLog.prematurelyClosed,
          min: m.hitsMs!.min,
          max: m.hitsMs!.max,
          width: m.windowMs!.width,
        },
        expected,
        dir,
      );
    }
    const matrix = readRunFiles(join(RUNS, '20261127-221646Z-docker'));
    const v = matrix.summary.aimVariant;
    const [hit] = explainHits(
      matrix.records!.filter((r) => r.variant === v && r.phase === 'aimed'),
      matrix.apps[v]!.closes,
      matrix.summary.schedule.oneWayLatencyMs[v]!,
    );
    t.same(
      [r3(hit.arrivalMinusCloseMs), hit.loopDelayMs, r3(hit.arrivalMs - (closeInstant(hit.close) - hit.loopDelayMs!))],
      [-19.804, 23.927, 4.123],
      'the hit 19.8 ms early: its socket closed 23.9 ms after its timer was due, 4.1 ms after the request came',
    );
  },
);

t.test(
  'the loopback experiment: a request is lost from the start of the busy turn to the timer, never before with an idle loop',
  async (t) => {
    const trials = readFileSync(join(ROOT, 'docs/measurements/race-window/loopback.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Trial);
    const idle = trials.filter((x) => x.busyMs === 0);
    const busy = trials.filter((x) => x.busyMs > 0);
    const count = (xs: Trial[], outcome: Trial['outcome']) => xs.filter((x) => x.outcome === outcome).length;
    t.same(
      [trials[0].node, trials[0].keepAliveTimeoutMs, busy[0].busyMs, busy[0].busyLeadMs],
      ['v20.20.2', 1000, 20, 5],
    );
    t.same(
      {
        trials: idle.length,
        served: count(idle, 'served'),
        reset: count(idle, 'reset'),
        fin: count(idle, 'fin'),
        none: count(idle, 'none'),
      },
      { trials: 27, served: 18, reset: 0, fin: 9, none: 0 },
      'idle loop: no reset',
    );
    t.same(
      {
        trials: busy.length,
        served: count(busy, 'served'),
        reset: count(busy, 'reset'),
        fin: count(busy, 'fin'),
        none: count(busy, 'none'),
      },
      { trials: 57, served: 11, reset: 35, fin: 11, none: 0 },
      'busy loop',
    );
    const fired = (x: Trial) => x.timerAtMonoMs!;
    const resets = busy.filter((x) => x.outcome === 'reset');
    t.ok(
      resets.every(
        (x) => x.busyStartMonoMs !== null && x.sentAtMonoMs > x.busyStartMonoMs && x.sentAtMonoMs < fired(x),
      ),
      'every reset: sent after the busy request began, before the timer fired',
    );
    t.same(
      range(resets.map((x) => x.sentAtMonoMs - x.busyStartMonoMs!)),
      [0.641, 21.026],
      'reset: sent − the busy request’s start',
    );
    t.same(range(resets.map((x) => x.sentMinusDueMs)), [-3.866, 18.064], 'reset: sent − the timer’s due instant');
    t.same(range(resets.map((x) => x.loopDelayMs!)), [15.895, 29.568], 'reset: the loop delay at the timer');
    const servedBusy = busy.filter((x) => x.outcome === 'served');
    t.ok(
      servedBusy.every((x) => x.sentAtMonoMs < x.busyStartMonoMs!),
      'busy, served: every one sent before the busy request began',
    );
    const fins = trials.filter((x) => x.outcome === 'fin');
    t.ok(
      fins.every((x) => x.sentAtMonoMs > fired(x)),
      'every FIN: sent after the timer fired',
    );
    t.same(range(fins.map((x) => x.sentAtMonoMs - fired(x))), [0.092, 26.508], 'FIN: sent − the timer');
    t.same(
      range(idle.filter((x) => x.outcome === 'served').map((x) => x.sentMinusDueMs)),
      [-2.267, 14.865],
      'idle, served: sent − due (the timer not yet run)',
    );
    t.same(
      range(idle.filter((x) => x.loopDelayMs !== null).map((x) => x.loopDelayMs!)),
      [-0.379, 2.036],
      'idle: the loop delay at the timer',
    );
    const withDue = trials.filter((x) => x.timerDueMonoMs !== null);
    t.same(
      range(withDue.map((x) => x.timerDueMonoMs! - (x.responseEndMonoMs + x.keepAliveTimeoutMs + 1000))),
      [0.018, 0.528],
      "the recorded due instant − (response end + keepAliveTimeout + Node's 1000 ms)",
    );
  },
);
