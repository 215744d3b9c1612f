// The numbers docs/race-window.md rests on, each computed here from a
// committed file: the real runs in test/fixtures/runs/ and the loopback
// experiment's trials (docs/measurements/race-window/loopback.ndjson, written
// by scripts/race-window-experiment.ts). Change the data and this says which
// sentence of the finding no longer holds. Each figure is pinned twice: against
// a hand-derived expected value (the computation), and as a fragment of prose
// built from the computed value that docs/race-window.md must contain word for
// word (the doc), so a number edited by hand in the doc fails here.
import t, { type Test } from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_KEEP_ALIVE_BUFFER_MS, closeInstant, loopDelayAtClose } from '../../harness/records/app-records.js';
import { readJsonLines } from '../../harness/model/json-lines.js';
import { explainHits, raceModel } from '../../harness/analysis/race-model.js';
import { readRunFiles, readRunSummary } from '../../harness/report/html/run-files.js';
import type { Trial } from '../../scripts/race-window-experiment.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = join(ROOT, 'test/fixtures/runs');
const CLASSIC = join(RUNS, '20261128-042022Z-docker');
const r3 = (v: number) => Math.round(v * 1000) / 1000;
const range = (xs: number[]) => [r3(Math.min(...xs)), r3(Math.max(...xs))];

/** The doc's text with every run of whitespace as one space: a sentence may wrap anywhere. */
const flat = (markdown: string) => markdown.replace(/\s+/g, ' ');
const DOC = flat(readFileSync(join(ROOT, 'docs/race-window.md'), 'utf8'));
/** An offset from an instant as the doc writes it: a true minus sign, a plus for after. */
const signed = (v: number) => (v < 0 ? `−${-v}` : v > 0 ? `+${v}` : '0');
/** How the doc names a run directory it cites by its time: `…084831Z…`. */
const runTime = (dir: string) => `\`…${/-(\d{6}Z)-/.exec(dir)![1]}…\``;

/** The fragments a doc's (flattened) text does not contain word for word. */
function unstated(doc: string, fragments: string[]): string[] {
  return fragments.filter((f) => !doc.includes(f));
}

/** Each number written in a text (digits, a decimal point, version dots), where it stands. */
function numbersIn(text: string): { index: number; text: string }[] {
  return [...text.matchAll(/\d+(?:\.\d+)*/g)].map((m) => ({ index: m.index, text: m[0] }));
}

/** The numbers of a doc's text that lie in no occurrence of the fragments, each with a little of the text around it. */
function unaccounted(doc: string, fragments: string[]): string[] {
  const covered: [number, number][] = [];
  for (const f of fragments)
    for (let at = doc.indexOf(f); at !== -1; at = doc.indexOf(f, at + 1)) covered.push([at, at + f.length]);
  return numbersIn(doc)
    .filter(({ index, text }) => !covered.some(([from, to]) => index >= from && index + text.length <= to))
    .map(({ index, text }) => `${text} in "…${doc.slice(Math.max(0, index - 12), index + text.length + 12)}…"`);
}

/** Every fragment the tests below built from their computed values; the last test checks the doc against all. */
const stated: string[] = [];
function docStates(t: Test, fragments: string[]): void {
  stated.push(...fragments);
  t.same(unstated(DOC, fragments), [], 'docs/race-window.md states these figures as computed');
}

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
    const old = files.summary.raceWindow.model!;
    t.same(old.windowMs, { from: 0.674, to: 2.437, width: 1.763 }, 'the window the summary was written with');
    t.same(old.servedBeforeCloseMs, { min: -9.728, median: -5.536, max: 0.674, count: 7 });
    // The closes the hits met carry no due instant (an older preload): due is the fallback the doc spells out.
    t.ok(
      hits.every((h) => h.close.keepAliveTimerDueMonoMs === undefined || h.close.keepAliveTimerDueMonoMs === null),
      'no recorded due instant at the closes the hits met',
    );
    const keepAliveTimeoutsMs = [...new Set(hits.map((h) => h.close.keepAliveTimeoutMs))];
    t.same(keepAliveTimeoutsMs, [5000], "the app's keepAliveTimeout at those closes");
    t.equal(files.summary.versions.node, '24.21.0');

    const [arrivedFrom, arrivedTo] = range(hits.map((h) => h.arrivalMinusCloseMs));
    const [lateFrom, lateTo] = range(hits.map((h) => h.loopDelayMs!));
    const [earlyFrom, earlyTo] = range(beforeDue.map((h) => h.arrivalMs - (closeInstant(h.close) - h.loopDelayMs!)));
    const [eventFrom, eventTo] = range(timerToClose);
    const unread = hits.filter((h) => h.place === 'unread').length;
    docStates(t, [
      `Classic run, \`${CLASSIC.slice(ROOT.length)}\` (the app on Node v${files.summary.versions.node}, behind nginx)`,
      `The ${hits.length} hits reached the app ${-arrivedFrom} … ${-arrivedTo} ms before the close they met.`,
      `At those closes the app's timer fired ${lateFrom} … ${lateTo} ms after it was due`,
      `(due = last response + keepAliveTimeout ${keepAliveTimeoutsMs[0]} + Node's ${NODE_KEEP_ALIVE_BUFFER_MS}).`,
      `${unread} hits fall within that delay; ${beforeDue.length} came ${-earlyTo} … ${-earlyFrom} ms before the due instant.`,
      `The summary's window was ${signed(old.windowMs!.from)} … ${signed(old.windowMs!.to)} ms: after the close`,
      `(up to ${signed(old.servedBeforeCloseMs!.max)} ms here)`,
      `the 'close' event comes ${eventFrom} … ${eventTo} ms later in the classic run`,
      `every hit in it, width never negative (classic run: ${signed(model.windowMs!.from)} … ${signed(model.windowMs!.to)} ms).`,
      `the model falls back to last response + keepAliveTimeout + ${NODE_KEEP_ALIVE_BUFFER_MS}.`,
      `the app's records place all ${hits.length} before the close`,
      `so the ${beforeDue.length} *before-due* hits are explained by the experiment`,
    ]);
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
  // ms), and the longest loop delay among the app's closes within nearMs of that cycle's hits (app clock).
  const nearMs = 20;
  const perCycle: Record<number, { hits: number; nginxWaitedMs: number[]; loopDelayMs: number }> = {};
  for (const cycle of [...new Set(hits.map((r) => r.cycle))]) {
    const mine = hits.filter((r) => r.cycle === cycle);
    const arrivals = mine.map((r) => r.startMonoMs + files.summary.schedule.appClocks.default!.sendToAppMs);
    const near = app.closes.filter(
      (c) => c.closedBy === 'app' && arrivals.some((a) => Math.abs(closeInstant(c) - a) <= nearMs),
    );
    perCycle[cycle] = {
      hits: mine.length,
      nginxWaitedMs: range(mine.map((r) => access.get(r.requestId)!)),
      loopDelayMs: Math.max(...near.map((c) => loopDelayAtClose(c)!)),
    };
  }
  t.same(perCycle, {
    2: { hits: 2, nginxWaitedMs: [4, 5], loopDelayMs: 8.507 },
    3: { hits: 4, nginxWaitedMs: [2, 8], loopDelayMs: 6.919 },
    6: { hits: 7, nginxWaitedMs: [5, 15], loopDelayMs: 11.716 },
    7: { hits: 7, nginxWaitedMs: [1, 10], loopDelayMs: 7.67 },
    10: { hits: 6, nginxWaitedMs: [2, 2], loopDelayMs: 3.154 },
    11: { hits: 7, nginxWaitedMs: [14, 14], loopDelayMs: 15.498 },
  });
  const [waitedFrom, waitedTo] = range(hits.map((r) => access.get(r.requestId)!));
  const { connectionReset, prematurelyClosed } = summary.nginx.errorLog;
  const waited = ([from, to]: number[]) => (from === to ? `${from}` : `${from}–${to}`);
  docStates(t, [
    `closes within ${nearMs} ms of the hits:`,
    // Latest cycle first, as the doc lists them.
    Object.entries(perCycle)
      .reverse()
      .map(([cycle, c]) => `cycle ${cycle}, ${c.hits} hits: ${waited(c.nginxWaitedMs)} vs ${c.loopDelayMs}`)
      .join('; ') + '.',
    `${connectionReset} of the ${hits.length} were resets`,
    `In the other ${prematurelyClosed} the FIN came first`,
    `nginx's wait puts the requests at the app ${waitedFrom}–${waitedTo} ms before the reset`,
    `Which ${prematurelyClosed} of the classic run's hits met the FIN`,
  ]);
});

t.test(
  'the runs of your app and the older matrix: hits before the close, and every one of them a reset at nginx',
  async (t) => {
    const yours: {
      dir: string;
      hits: number;
      resets: number;
      premature: number;
      min: number;
      max: number;
      width: number;
    }[] = [];
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
      const got = {
        hits: m.hitsMs!.count,
        resets: s.nginx.errorLog.connectionReset,
        premature: s.nginx.errorLog.prematurelyClosed,
        min: m.hitsMs!.min,
        max: m.hitsMs!.max,
        width: m.windowMs!.width,
      };
      t.same(got, expected, dir);
      yours.push({ dir, ...got });
    }
    const [a, b] = yours;
    docStates(t, [
      `Your app's two runs (${runTime(a.dir)}, ${runTime(b.dir)}): the hits were ${signed(a.min)} … ${signed(a.max)} and ` +
        `${signed(b.min)} … ${signed(b.max)} ms`,
      `nginx logged every 502 as a reset (${a.resets} of ${a.hits}, ${b.resets} of ${b.hits}, ` +
        `${a.premature + b.premature === 0 ? 'none' : a.premature + b.premature} prematurely closed)`,
      `had negative widths (${signed(a.width)}, ${signed(b.width)} ms)`,
    ]);
    const matrixDir = '20261127-221646Z-docker';
    const matrix = readRunFiles(join(RUNS, matrixDir));
    const v = matrix.summary.aimVariant;
    const [hit] = explainHits(
      matrix.records!.filter((r) => r.variant === v && r.phase === 'aimed'),
      matrix.apps[v]!.closes,
      matrix.summary.schedule.oneWayLatencyMs[v]!,
    );
    const early = [
      r3(hit.arrivalMinusCloseMs),
      hit.loopDelayMs!,
      r3(hit.arrivalMs - (closeInstant(hit.close) - hit.loopDelayMs!)),
    ];
    t.same(
      early,
      [-19.804, 23.927, 4.123],
      'the hit 19.8 ms early: its socket closed 23.9 ms after its timer was due, 4.1 ms after the request came',
    );
    t.equal(hit.close.keepAliveTimerAtMonoMs ?? null, null, 'no timer instant in its log');
    const [beforeCloseMs, lateMs, afterArrivalMs] = early;
    docStates(t, [
      `The matrix run's hit ${-beforeCloseMs} ms early (${runTime(matrixDir)}, no timer instant in its log): ` +
        `its socket closed ${lateMs} ms after its timer was due, ${afterArrivalMs} ms after the request arrived.`,
    ]);
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
    const resetAfterBusy = range(resets.map((x) => x.sentAtMonoMs - x.busyStartMonoMs!));
    t.same(resetAfterBusy, [0.641, 21.026], 'reset: sent − the busy request’s start');
    const resetAfterDue = range(resets.map((x) => x.sentMinusDueMs));
    t.same(resetAfterDue, [-3.866, 18.064], 'reset: sent − the timer’s due instant');
    const resetLate = range(resets.map((x) => x.loopDelayMs!));
    t.same(resetLate, [15.895, 29.568], 'reset: the loop delay at the timer');
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
    const idleServedAfterDue = range(idle.filter((x) => x.outcome === 'served').map((x) => x.sentMinusDueMs));
    t.same(idleServedAfterDue, [-2.267, 14.865], 'idle, served: sent − due (the timer not yet run)');
    const idleLate = range(idle.filter((x) => x.loopDelayMs !== null).map((x) => x.loopDelayMs!));
    t.same(idleLate, [-0.379, 2.036], 'idle: the loop delay at the timer');
    const withDue = trials.filter((x) => x.timerDueMonoMs !== null);
    const dueAfterFallback = range(
      withDue.map((x) => x.timerDueMonoMs! - (x.responseEndMonoMs + x.keepAliveTimeoutMs + NODE_KEEP_ALIVE_BUFFER_MS)),
    );
    t.same(
      dueAfterFallback,
      [0.018, 0.528],
      "the recorded due instant − (response end + keepAliveTimeout + Node's 1000 ms)",
    );

    docStates(t, [
      `(data: \`docs/measurements/race-window/loopback.ndjson\`, Node ${trials[0].node})`,
      `runs a plain \`http.Server\` with keepAliveTimeout ${trials[0].keepAliveTimeoutMs} behind the lab's preload.`,
      `holds the app's loop for ${busy[0].busyMs} ms, starting ${busy[0].busyLeadMs} ms before that instant.`,
      `Idle loop, ${idle.length} trials: ${count(idle, 'served')} served, ${count(idle, 'fin')} FIN, ` +
        `**${count(idle, 'reset') === 0 ? 'no' : count(idle, 'reset')} reset**`,
      `The timer fired ${signed(idleLate[0])} … ${signed(idleLate[1])} ms from its due instant; ` +
        `a request sent ${idleServedAfterDue[1]} ms after it was served (the timer had not run).`,
      `Busy loop, ${busy.length} trials: ${resets.length} resets.`,
      `Each was sent after the busy request began (${resetAfterBusy[0]} … ${resetAfterBusy[1]} ms after)`,
      `from ${-resetAfterDue[0]} ms before the due instant to ${resetAfterDue[1]} ms after it.`,
      `The timer fired ${resetLate[0]} … ${resetLate[1]} ms late.`,
      `All ${servedBusy.length} served requests were sent before the busy request began.`,
      `All ${fins.length} FIN trials (both conditions) were sent after the timer fired.`,
      `The recorded due instant falls ${dueAfterFallback[0]} … ${dueAfterFallback[1]} ms after response end + ` +
        `${trials[0].keepAliveTimeoutMs + NODE_KEEP_ALIVE_BUFFER_MS} ms`,
    ]);
  },
);

t.test(
  'docs/race-window.md: every figure in it is one the tests above computed, and an edit by hand is caught',
  async (t) => {
    // Figures that are no measurement (a status code): listed so that they too are pinned and none slips in unlisted.
    const notMeasured = ['nginx answers 502'];
    const check = (doc: string) => [
      ...unstated(doc, [...stated, ...notMeasured]),
      ...unaccounted(doc, [...stated, ...notMeasured]),
    ];
    t.ok(stated.length > 30, 'the tests above built the fragments (run this file whole, not one test of it)');
    t.same(check(DOC), [], 'the doc as committed');

    // A made-up hand edit, two digits of one figure swapped: the sentence that held it is named, and its figures no
    // longer stand in any computed fragment.
    const edited = DOC.replace('14.408 … 1.572 ms before', '14.408 … 1.527 ms before');
    t.not(edited, DOC, 'the edit applies to the doc as committed');
    t.same(
      check(edited),
      [
        'The 33 hits reached the app 14.408 … 1.572 ms before the close they met.',
        '33 in "…inx): - The 33 hits reache…"',
        '14.408 in "…hed the app 14.408 … 1.527 ms …"',
        '1.527 in "…pp 14.408 … 1.527 ms before t…"',
      ],
      'a figure edited by hand',
    );
    // A made-up figure added by hand to a sentence, computed nowhere.
    t.same(
      check(DOC.replace('The timer fired 15.895', 'Once it fired 42.5 ms late. The timer fired 15.895')),
      ['42.5 in "…ce it fired 42.5 ms late. Th…"'],
      'a figure added by hand',
    );

    // Every figure, edited one at a time (its last digit changed), is caught.
    const figures = numbersIn(DOC);
    t.ok(figures.length >= 90, `the doc's ${figures.length} numbers, each edited in turn`);
    const missed = figures.filter(({ index, text }) => {
      const last = text.length - 1;
      const changed = text.slice(0, last) + ((Number(text[last]) + 1) % 10);
      return check(DOC.slice(0, index) + changed + DOC.slice(index + text.length)).length === 0;
    });
    t.same(missed, [], 'no figure of the doc can change unnoticed');
  },
);
