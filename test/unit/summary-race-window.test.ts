// analysis/race-window.ts: where the aim variant's aimed requests landed
// relative to the close they were aimed at, and the race model beside it.
// Expected values are worked out by hand from the records below.
import t from 'tap';
import { aimRaceWindow, raceWindow } from '../../harness/analysis/race-window.js';
import { appClose, lbFailure, request } from '../helpers/summary-records.js';

t.test('raceWindow: planned offsets of the 502s, each set against the app close it met', async (t) => {
  const records = [
    request({ offsetMs: -1.4, status: 200 }),
    lbFailure({ offsetMs: -0.6, startMonoMs: 10_000 }),
    // Meets no close: the nearest (10 s) is 10 s away.
    lbFailure({ offsetMs: 0.5, startMonoMs: 20_000 }),
    // A reset is no 502: sent, not a hit.
    lbFailure({ offsetMs: 2, status: null, error: 'ECONNRESET' }),
    // Neither a burst's nor an unplanned aimed request counts.
    lbFailure({ phase: 'burst', offsetMs: 0 }),
    lbFailure({ offsetMs: null }),
  ];
  const closes = [appClose({ keepAliveTimerAtMonoMs: 10_000 }), appClose({ closedBy: 'peer', closedAtMonoMs: 20_001 })];
  t.same(raceWindow(records, closes, 2), {
    hits: 2,
    plannedOffsetMs: { min: -0.6, median: -0.05, max: 0.5 },
    // Sent at 10 000 + 2 to reach the app, its close at 10 000.
    arrivalMinusAppCloseMs: { min: 2, median: 2, max: 2 },
    byOffsetMs: { '-1': { sent: 2, hit: 1 }, '1': { sent: 1, hit: 1 }, '2': { sent: 1, hit: 0 } },
  });
  t.same(
    raceWindow([], closes, 2),
    { hits: 0, plannedOffsetMs: null, arrivalMinusAppCloseMs: null, byOffsetMs: {} },
    'nothing aimed',
  );
});

t.test("aimRaceWindow: the aim variant's window and its race model, other variants left out", async (t) => {
  const input = {
    // Its timer was due at 9 990 and fired at 10 000: the loop 10 ms late.
    appCloses: { default: [appClose({ keepAliveTimerDueMonoMs: 9_990 })] },
    appResponseEnds: { default: new Map([['8/1', 9_000]]) },
  };
  const traffic = {
    aimVariant: 'default',
    appClocks: { default: { offsetMs: 1, uncertaintyMs: 0, sendToAppMs: 2, samples: 3, consistent: true } },
    records: [
      lbFailure({ requestId: 'hit', startMonoMs: 10_000 }),
      // Served on socket 8's 2nd request, 1 ms after it would have closed (its 1st ended at 9 000, + 6 000).
      request({ requestId: 'early', startMonoMs: 15_000, upstreamSocketId: 8, appStartMonoMs: 15_001 }),
      // Served on a new connection 52 ms after the app's close at 10 000.
      request({
        requestId: 'late',
        startMonoMs: 10_050,
        upstreamSocketId: 9,
        upstreamSocketRequest: 1,
        appStartMonoMs: 10_052,
      }),
      lbFailure({ requestId: 'burst', phase: 'burst' }),
      lbFailure({ requestId: 'other', variant: 'fixed' }),
    ],
  };
  t.same(aimRaceWindow(input, traffic, 6_000), {
    hits: 1,
    plannedOffsetMs: { min: 0, median: 0, max: 0 },
    arrivalMinusAppCloseMs: { min: 2, median: 2, max: 2 },
    byOffsetMs: { '0': { sent: 3, hit: 1 } },
    model: {
      hitsMs: { min: 2, median: 2, max: 2, count: 1 },
      servedBeforeCloseMs: { min: 1, median: 1, max: 1, count: 1 },
      servedAfterCloseMs: { min: 52, median: 52, max: 52, count: 1 },
      // From 10 ms before the close (the loop's delay) to the hit 2 ms after it.
      windowMs: { from: -10, to: 2, width: 12 },
    },
  });
});
