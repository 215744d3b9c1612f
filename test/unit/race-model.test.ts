// Hit and miss attribution against the app's real closes (harness/analysis/race-model.ts),
// on records shaped like a run's: sockets idle from 1000 ms, the app closing them 6000 ms later.
import t from 'tap';
import { raceModel } from '../../harness/analysis/race-model.js';
import type { SocketClosedRecord } from '../../harness/protocol.js';
import type { RequestRecord } from '../../harness/traffic/records.js';

const CLOSE_DELAY_MS = 6_000;
const SEND_TO_APP_MS = 500.5; // an app clock 499.5 ms ahead, 1 ms one way

function closed(socketId: number, at: number): SocketClosedRecord {
  return {
    lab: 'socket-closed', variant: 'default', pid: 1, socketId, remote: 'lb', requests: 1, acceptedAtMonoMs: 0,
    // The 'close' event 5 ms after the timer, as when the app was busy: the timer's instant counts.
    lastResponseEndMonoMs: at - CLOSE_DELAY_MS, closedAtMonoMs: at + 5, keepAliveTimerAtMonoMs: at, idleMs: CLOSE_DELAY_MS, closedBy: 'app', reason: 'keep-alive-timeout',
    keepAliveTimeoutMs: 5_000, headersTimeoutMs: 60_000,
  };
}

function aimed(id: string, sentAt: number, outcome: { status: number; socket?: number; nth?: number; appStart?: number }): RequestRecord {
  return {
    requestId: id, variant: 'default', method: 'POST', cycle: 1, phase: 'aimed', idleGapMs: 6000, offsetMs: 0, startMonoMs: sentAt, latencyMs: 2,
    status: outcome.status, error: null, upstreamSocketId: outcome.socket ?? null, upstreamSocketRequest: outcome.nth ?? null,
    appStartMonoMs: outcome.appStart ?? null, achievedIdleMs: null,
  };
}

t.test('hits, early and late arrivals, each against the close it met; the window between', async (t) => {
  // The app closed sockets 1 and 2 at 7000 and 7000.4 (its clock).
  const closes = [closed(1, 7_000), closed(2, 7_000.4)];
  // Socket 3 went idle at 1001 (its 1st response): it would close at 7001.
  const ends = new Map([['3/1', 1_001]]);
  const records = [
    aimed('hit-a', 7_000.2 - SEND_TO_APP_MS, { status: 502 }), // arrives 0.2 after socket 1's close
    aimed('hit-b', 7_000.3 - SEND_TO_APP_MS, { status: 502 }), // −0.1 before socket 2's
    aimed('early', 6_999 - SEND_TO_APP_MS, { status: 200, socket: 3, nth: 2, appStart: 6_999.4 }), // 1.6 before socket 3 would close
    aimed('late', 7_000 - SEND_TO_APP_MS, { status: 200, socket: 9, nth: 1, appStart: 7_001.2 }), // new connection, 0.8 after the last close
    aimed('far', 2_000, { status: 502 }), // nowhere near a close: left out
  ];
  const m = raceModel(records, closes, (s, n) => ends.get(`${s}/${n}`), SEND_TO_APP_MS, CLOSE_DELAY_MS);
  t.same(m.hitsMs, { min: -0.1, median: 0.05, max: 0.2, count: 2 });
  t.same(m.servedBeforeCloseMs, { min: -1.6, median: -1.6, max: -1.6, count: 1 });
  t.same(m.servedAfterCloseMs, { min: 0.8, median: 0.8, max: 0.8, count: 1 });
  t.same(m.windowMs, { from: -1.6, to: 0.8, width: 2.4 });
  t.ok(m.hitsMs!.min >= m.windowMs!.from && m.hitsMs!.max <= m.windowMs!.to, 'the hits sit inside the window');
});

t.test('nothing to attribute: nulls, not zeros', async (t) => {
  t.same(raceModel([], [], () => undefined, 0, null), { hitsMs: null, servedBeforeCloseMs: null, servedAfterCloseMs: null, windowMs: null });
});
