// What a lane estimates of each app (harness/traffic/estimates.ts): its idle
// close delay (the probe's, then the app's own account), its clock from the
// last few cycles' exchanges, and the LB's own idle close as the apps saw it.
import t from 'tap';
import { defaultScenario, type Variant } from '../../harness/scenarios/scenarios.js';
import { Estimates, type EstimatesInput } from '../../harness/traffic/estimates.js';
import { appClose, appEvents, lbClose, request } from '../helpers/traffic-records.js';

const [DEFAULT, FIXED] = defaultScenario().variants;

function estimates(over: Partial<EstimatesInput> = {}): Estimates {
  return new Estimates({
    variants: [DEFAULT, FIXED],
    probedCloseMs: { default: 6_010, fixed: null },
    apps: new Map([
      ['default', appEvents()],
      ['fixed', appEvents()],
    ]),
    lbTimeoutMs: 60_000,
    ...over,
  });
}

/** One exchange: sent at `sentMs` (harness clock), stamped by the app at `appAtMs` (its clock), back `rttMs` later. */
const exchange = (sentMs: number, appAtMs: number, rttMs: number, variant = 'default') =>
  request({ variant, startMonoMs: sentMs, appStartMonoMs: appAtMs, latencyMs: rttMs });

t.test("close delays: the probe's until the app accounts for its own closes", async (t) => {
  const e = estimates();
  t.equal(e.closeDelayMs('default'), 6_010, "the probe's");
  t.equal(e.closeDelayMs('fixed'), undefined, 'a variant the probe never saw close has none');
  e.learnCloseDelays();
  t.equal(e.closeDelayMs('default'), 6_010, 'no close of the app yet: still the probe');
});

t.test("the app's keep-alive closes replace the probe's: their median, timed by the timer's instant", async (t) => {
  const closes = [
    appClose(1, 1_000, 6_001),
    appClose(2, 2_000, 6_003),
    appClose(3, 3_000, 6_000),
    // The LB's close and a reset are not the app's idle timer.
    lbClose(4, 4_000, 60_000),
    { ...appClose(5, 5_000, 100), reason: 'ECONNRESET' },
    // No timer instant (an older preload): the close itself.
    { ...appClose(6, 6_000, 6_002), keepAliveTimerAtMonoMs: null, closedAtMonoMs: 12_002 },
  ];
  const e = estimates({
    apps: new Map([
      ['default', appEvents(closes)],
      ['fixed', appEvents()],
    ]),
  });
  e.learnCloseDelays();
  // 6001, 6003, 6000, 6002 → median 6001.5
  t.equal(e.closeDelayMs('default'), 6_001.5);
  t.equal(e.closeDelayMs('fixed'), undefined, 'the fixed app closed nothing: it has none');
});

t.test("close delays run to the timer's due instant where the app records it, not to when the timer ran", async (t) => {
  // Due at 6000.1 … 6000.3 after the last response; the loop ran the timers 1.2 … 25 ms late (one core busy).
  const due = (socketId: number, lastEndMs: number, dueMs: number, lateMs: number) => ({
    ...appClose(socketId, lastEndMs, dueMs + lateMs),
    keepAliveTimerDueMonoMs: lastEndMs + dueMs,
  });
  const closes = [due(1, 1_000, 6_000.1, 25), due(2, 2_000, 6_000.2, 1.2), due(3, 3_000, 6_000.3, 18)];
  const e = estimates({
    apps: new Map([
      ['default', appEvents(closes)],
      ['fixed', appEvents()],
    ]),
  });
  e.learnCloseDelays();
  // The timers ran at 6025.1, 6001.4 and 6018.3 (median 6018.3): the window opens at the due instants, median 6000.2.
  t.equal(e.closeDelayMs('default'), 6_000.2);
});

t.test('close delays follow the last 20 closes, rounded to the microsecond', async (t) => {
  const old = Array.from({ length: 21 }, (_, i) => appClose(i, i * 10_000, 9_000));
  const recent = Array.from({ length: 20 }, (_, i) => appClose(100 + i, 1_000_000 + i * 10_000, 6_000.12345));
  const e = estimates({
    apps: new Map([
      ['default', appEvents([...old, ...recent])],
      ['fixed', appEvents()],
    ]),
  });
  e.learnCloseDelays();
  t.equal(e.closeDelayMs('default'), 6_000.123, 'the 21 older closes at 9 s count no more');
});

t.test("the app's clock: nothing known before an exchange", async (t) => {
  const e = estimates();
  t.equal(e.appClock('default'), null);
  t.equal(e.sendToAppMs('default'), 0, 'a send reaches the app at once, as far as anyone knows');
  t.equal(e.oneWayLatencyMs('default'), null);
  e.keepClockSamples('default', [request({ appStartMonoMs: null })]);
  t.equal(e.appClock('default'), null, 'an exchange the app did not stamp tells nothing');
});

t.test('one exchange bounds the offset: its midpoint, the send-to-app delay, the one-way latency', async (t) => {
  const e = estimates();
  // Sent at 1000, stamped at 6001 on a clock 5000 ahead (1 ms on the way), back at 1002.
  e.keepClockSamples('default', [exchange(1_000, 6_001, 2)]);
  t.same(e.appClock('default'), {
    offsetMs: 5_000,
    uncertaintyMs: 1,
    sendToAppMs: 5_001,
    samples: 1,
    consistent: true,
  });
  t.equal(e.sendToAppMs('default'), 5_001);
  t.equal(e.oneWayLatencyMs('default'), 1);
  t.equal(e.appClock('fixed'), null, "the other app's clock is its own");
});

t.test("the clock is estimated from the last 5 cycles' exchanges", async (t) => {
  const e = estimates();
  // Cycle 1 bounds the offset to [4999.5, 5000.5]; each later cycle only to [4999, 5001].
  e.learnFromCycle([exchange(0, 5_000.5, 1)]);
  for (let cycle = 2; cycle <= 5; cycle++) e.learnFromCycle([exchange(cycle * 10_000, cycle * 10_000 + 5_001, 2)]);
  t.equal(e.appClock('default')?.uncertaintyMs, 0.5, 'five cycles: the first still counts');
  t.equal(e.sendToAppMs('default'), 5_000.5);
  e.learnFromCycle([exchange(60_000, 65_001, 2)]);
  t.equal(e.appClock('default')?.uncertaintyMs, 1, 'a sixth: the first one dropped');
  t.equal(e.sendToAppMs('default'), 5_001);
  t.equal(e.appClock('default')?.samples, 5);
});

t.test("a cycle's exchanges go to their own variant's clock; a cycle without any keeps the last", async (t) => {
  const e = estimates();
  e.learnFromCycle([exchange(1_000, 6_001, 2, 'default'), exchange(1_000, 1_003, 4, 'fixed')]);
  t.equal(e.sendToAppMs('default'), 5_001);
  t.equal(e.sendToAppMs('fixed'), 3);
  e.learnFromCycle([request({ appStartMonoMs: null })]);
  t.equal(e.appClock('default')?.samples, 1, 'an unstamped cycle adds nothing and drops nothing');
});

t.test("learnFromCycle also takes the apps' latest closes", async (t) => {
  const closes = [appClose(1, 1_000, 6_001)];
  const e = estimates({
    apps: new Map([
      ['default', appEvents(closes)],
      ['fixed', appEvents()],
    ]),
  });
  e.learnFromCycle([]);
  t.equal(e.closeDelayMs('default'), 6_001);
});

t.test("the LB's own idle close: the median of its closes of the lane's sockets near its timeout", async (t) => {
  const haproxyApp: Variant = { ...FIXED, name: 'behind-haproxy', lb: 'haproxy' };
  const closes = [
    lbClose(1, 0, 59_800),
    lbClose(2, 0, 59_700),
    lbClose(3, 0, 59_900),
    // A connection the lane never sent on (the LB's health check): its own schedule.
    lbClose(4, 0, 59_000),
    // The app's own close, and the LB stopping (far from its timeout), are not its idle close.
    appClose(5, 0, 59_950),
    lbClose(6, 0, 1_000),
  ];
  const sentOn = (variant: string, ...sockets: number[]) =>
    sockets.map((s) => request({ variant, upstreamSocketId: s }));
  const e = estimates({
    variants: [DEFAULT, haproxyApp],
    probedCloseMs: { default: 6_001, 'behind-haproxy': null },
    apps: new Map([
      ['default', appEvents(closes)],
      ['behind-haproxy', appEvents([lbClose(1, 0, 59_000)])],
    ]),
  });
  t.equal(e.lbCloseDelayMs('nginx', []), null, 'none of its sockets carried a request: not learned yet');
  const records = [
    ...sentOn('default', 1, 2, 3, 5, 6),
    ...sentOn('behind-haproxy', 1),
    request({ upstreamSocketId: null }),
  ];
  t.equal(e.lbCloseDelayMs('nginx', records), 59_800);
  t.equal(e.lbCloseDelayMs('haproxy', records), 59_000, "each LB's from its own apps");
  t.equal(e.lbCloseDelayMs('caddy', records), null, 'an LB without apps in the lane');
});
