// Hit and miss attribution against the app's real closes (harness/analysis/race-model.ts):
// on records shaped like a run's (sockets idle from 1000 ms, the app's timer
// armed for 6000 ms), and on the real runs kept as fixtures, where the window
// must hold every hit and never have a negative width.
import t from 'tap';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { keepAliveDue, loopDelayAtClose, parseAppRecords } from '../../harness/records/app-records.js';
import { drawableWindow, explainHits, raceModel, TIMER_RESOLUTION_MS } from '../../harness/analysis/race-model.js';
import type { SocketClosedRecord } from '../../harness/model/protocol.js';
import { readRunFiles, readRunSummary } from '../../harness/report/html/run-files.js';
import type { RequestRecord } from '../../harness/records/request-records.js';

const CLOSE_DELAY_MS = 6_000;
const SEND_TO_APP_MS = 500.5; // an app clock 499.5 ms ahead, 1 ms one way
const RUNS = fileURLToPath(new URL('../fixtures/runs/', import.meta.url));

/** A close by the app's keep-alive timer, due at `due` and fired `delay` ms later (the loop busy meanwhile). */
function closed(socketId: number, due: number, delay = 0, recordsDue = true): SocketClosedRecord {
  return {
    lab: 'socket-closed',
    variant: 'default',
    pid: 1,
    socketId,
    remote: 'lb',
    requests: 1,
    acceptedAtMonoMs: 0,
    // The 'close' event 5 ms after the timer, as when the app was busy: the timer's instant counts.
    lastResponseEndMonoMs: due - CLOSE_DELAY_MS,
    closedAtMonoMs: due + delay + 5,
    keepAliveTimerAtMonoMs: due + delay,
    ...(recordsDue ? { keepAliveTimerDueMonoMs: due } : {}),
    idleMs: CLOSE_DELAY_MS + delay,
    closedBy: 'app',
    reason: 'keep-alive-timeout',
    keepAliveTimeoutMs: 5_000,
    headersTimeoutMs: 60_000,
  };
}

function aimed(
  id: string,
  sentAt: number,
  outcome: { status: number; socket?: number; nth?: number; appStart?: number },
): RequestRecord {
  return {
    requestId: id,
    variant: 'default',
    method: 'POST',
    cycle: 1,
    phase: 'aimed',
    idleGapMs: 6000,
    offsetMs: 0,
    startMonoMs: sentAt,
    latencyMs: 2,
    status: outcome.status,
    error: null,
    upstreamSocketId: outcome.socket ?? null,
    upstreamSocketRequest: outcome.nth ?? null,
    appStartMonoMs: outcome.appStart ?? null,
    achievedIdleMs: null,
  };
}

const sentToArrive = (arrival: number) => arrival - SEND_TO_APP_MS;

t.test(
  "the loop delay at a close: the timer's firing − when it was due, as recorded or (an older preload) from the last response",
  async (t) => {
    t.equal(loopDelayAtClose(closed(1, 7_000, 12.5)), 12.5);
    t.equal(
      keepAliveDue(closed(1, 7_000, 12.5, false)),
      7_000,
      "last response + keepAliveTimeout + Node's 1000 ms buffer",
    );
    t.equal(loopDelayAtClose(closed(1, 7_000, 12.5, false)), 12.5);
    t.equal(
      loopDelayAtClose(closed(1, 7_000, -0.4)),
      0,
      'a timer a fraction of a ms early (Node counts whole ms) is on time',
    );
    t.equal(
      loopDelayAtClose({ ...closed(1, 7_000, 0, false), reason: 'server-close' }),
      null,
      'no keep-alive timer, no delay',
    );
    const old =
      '{"lab":"socket-closed","variant":"v","pid":1,"socketId":3,"remote":"x","requests":2,"acceptedAtMonoMs":1,"lastResponseEndMonoMs":10,"closedAtMonoMs":6012,"keepAliveTimerAtMonoMs":6011,"idleMs":6002,"closedBy":"app","reason":"keep-alive-timeout","keepAliveTimeoutMs":5000,"headersTimeoutMs":60000}';
    const [record] = parseAppRecords(old) as SocketClosedRecord[];
    t.equal(record?.keepAliveTimerDueMonoMs, null, "an older preload's record is read, the field it lacks as null");
    t.equal(loopDelayAtClose(record), 1);
  },
);

t.test(
  'hits before the close, within the loop delay and beyond it, and after it; the window holds them all',
  async (t) => {
    // Socket 1's timer was due at 7000 and fired at 7010: the loop was busy. Socket 2's fired on time at 8000.
    const closes = [closed(1, 7_000, 10), closed(2, 8_000)];
    const records = [
      aimed('unread', sentToArrive(7_003), { status: 502 }), // lay unread 7 ms: within the 10 ms delay
      // 15 ms before the close: the busy turn began before the due instant
      aimed('before-due', sentToArrive(6_995), { status: 502 }),
      aimed('in-flight', sentToArrive(8_000.5), { status: 502 }), // after the close: its FIN on the way
      // read in the busy turn, before the timers phase
      aimed('served-late-in-turn', sentToArrive(6_990), { status: 200, socket: 3, nth: 2, appStart: 7_009 }),
      aimed('far', 2_000, { status: 502 }), // nowhere near a close: left out
    ];
    const ends = new Map([['3/1', 1_004]]); // socket 3 would have closed at 7004
    const hits = explainHits(records, closes, SEND_TO_APP_MS);
    t.same(
      hits.map((h) => [h.arrivalMinusCloseMs, h.loopDelayMs, h.place, h.close.socketId]),
      [
        [-7, 10, 'unread', 1],
        [-15, 10, 'before-due', 1],
        [0.5, 0, 'in-flight', 2],
      ],
    );
    const m = raceModel(records, closes, (s, n) => ends.get(`${s}/${n}`), SEND_TO_APP_MS, CLOSE_DELAY_MS);
    t.same(m.hitsMs, { min: -15, median: -7, max: 0.5, count: 3 });
    t.same(
      m.servedBeforeCloseMs,
      { min: 5, median: 5, max: 5, count: 1 },
      'served 5 ms past its nominal close: it overlaps the hits, and bounds nothing',
    );
    t.same(m.windowMs, { from: -15, to: 0.5, width: 15.5 });
  },
);

t.test(
  'the window opens by the longest loop delay at a close a hit met, even when no hit came that early',
  async (t) => {
    const closes = [closed(1, 7_000, 20)];
    const m = raceModel(
      [aimed('a', sentToArrive(7_018), { status: 502 })],
      closes,
      () => undefined,
      SEND_TO_APP_MS,
      CLOSE_DELAY_MS,
    );
    t.same(m.windowMs, { from: -20, to: 0, width: 20 }, 'never before the close ends, never a negative width');
  },
);

t.test('a hit in one close’s unread stretch is its, not a nearer close’s it came after', async (t) => {
  // Socket 1 closed on time at 7000; socket 2's timer, due at 7001, fired at 7004.
  const closes = [closed(1, 7_000), closed(2, 7_001, 3)];
  const [hit] = explainHits([aimed('h', sentToArrive(7_001.5), { status: 502 })], closes, SEND_TO_APP_MS);
  t.equal(hit.close.socketId, 2);
  t.equal(hit.place, 'unread');
  t.equal(hit.arrivalMinusCloseMs, -2.5);
  const [onTime] = explainHits(
    [aimed('h', sentToArrive(6_999.2), { status: 502 })],
    [closed(1, 7_000)],
    SEND_TO_APP_MS,
  );
  t.equal(
    onTime.place,
    'unread',
    `within ${TIMER_RESOLUTION_MS} ms before a timer that fired on time: Node's whole-ms count`,
  );
});

t.test('nothing to attribute: nulls, not zeros', async (t) => {
  t.same(
    raceModel([], [], () => undefined, 0, null),
    { hitsMs: null, servedBeforeCloseMs: null, servedAfterCloseMs: null, windowMs: null },
  );
});

t.test('the real runs: the window holds every hit, its width is never negative, and each hit is placed', async (t) => {
  for (const [dir, expected] of [
    // schema v5: the preload recorded the timer's instant; due from the last response + 5000 + 1000.
    [
      '20261128-042022Z-docker',
      { hits: 33, unread: 28, beforeDue: 5, inFlight: 0, from: -15.498, to: 0, maxDelay: 15.498 },
    ],
    // schema v3: no timer instant, the close event stands in (its delay includes the wait for the loop).
    [
      '20261127-221646Z-docker',
      { hits: 1, unread: 1, beforeDue: 0, inFlight: 0, from: -23.927, to: 0, maxDelay: 23.927 },
    ],
  ] as const) {
    const files = readRunFiles(join(RUNS, dir));
    const v = files.summary.aimVariant;
    const app = files.apps[v]!;
    const records = files.records!.filter((r) => r.variant === v && r.phase === 'aimed');
    const sendToAppMs = files.summary.schedule.appClocks[v]?.sendToAppMs ?? files.summary.schedule.oneWayLatencyMs[v]!;
    const m = raceModel(
      records,
      app.closes,
      (s, n) => app.responseEnds.get(`${s}/${n}`),
      sendToAppMs,
      files.summary.variants[v].measured.appCloseDelayMedianMs,
    );
    const hits = explainHits(records, app.closes, sendToAppMs);
    t.equal(hits.length, expected.hits, `${dir}: every hit met a close`);
    t.equal(m.hitsMs!.count, expected.hits);
    t.ok(m.windowMs!.width >= 0, `${dir}: width ${m.windowMs!.width} ≥ 0`);
    t.ok(
      hits.every((h) => h.arrivalMinusCloseMs >= m.windowMs!.from && h.arrivalMinusCloseMs <= m.windowMs!.to),
      `${dir}: every hit inside ${m.windowMs!.from} … ${m.windowMs!.to}`,
    );
    t.same({ from: m.windowMs!.from, to: m.windowMs!.to }, { from: expected.from, to: expected.to });
    const count = (place: string) => hits.filter((h) => h.place === place).length;
    t.same(
      { unread: count('unread'), beforeDue: count('before-due'), inFlight: count('in-flight') },
      { unread: expected.unread, beforeDue: expected.beforeDue, inFlight: expected.inFlight },
    );
    t.equal(
      Math.max(...hits.map((h) => h.loopDelayMs!)),
      expected.maxDelay,
      `${dir}: the longest loop delay at a close a hit met`,
    );
    // What the summary written with the old rule said: a window the hits lie outside.
    const written = files.summary.raceWindow.model?.windowMs;
    if (written)
      t.notOk(
        m.hitsMs!.min >= written.from && m.hitsMs!.max <= written.to,
        `${dir}: the written window (${written.from} … ${written.to}) held no hit`,
      );
  }
});

t.test(
  'a summary written with the old rule: drawn from its hits when its window is negative or misses them',
  async (t) => {
    for (const [dir, expected] of [
      ['20261128-084831Z-docker-your-app-summary-only', { from: -45.994, to: 0, width: 45.994 }],
      ['20261128-085126Z-docker-your-app-summary-only', { from: -38, to: 6.831, width: 44.831 }],
      ['20261128-042022Z-docker', { from: -14.408, to: 1.657, width: 16.065 }],
    ] as const) {
      const model = readRunSummary(join(RUNS, dir)).raceWindow.model!;
      const drawn = drawableWindow(model.windowMs, model.hitsMs);
      t.equal(drawn!.from, 'hits', `${dir}: written window ${JSON.stringify(model.windowMs)} not drawn`);
      t.same(drawn!.windowMs, expected);
    }
    const kept = drawableWindow({ from: -3, to: 1, width: 4 }, { min: -2, max: 0.5 });
    t.same(
      kept,
      { windowMs: { from: -3, to: 1, width: 4 }, from: 'model' },
      'a window that holds its hits is drawn as written',
    );
    t.equal(drawableWindow(null, null), null);
  },
);
