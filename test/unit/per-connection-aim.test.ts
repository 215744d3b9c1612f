// An app with no clock to aim by (no preload) is aimed one connection per
// pool: each pool's burst request leaves one idle connection, and each aimed
// request goes at its own connection's close (AimPolicy.aimsPerConnection,
// CycleSteps, PER_CONNECTION_SCHEDULER).
import t from 'tap';
import { parseLabArgs } from '../../harness/cli/options.js';
import { defaultScenario, withLongPools, type Scenario, type Variant } from '../../harness/scenarios/scenarios.js';
import { AimPolicy, type LaneKind } from '../../harness/traffic/aim-policy.js';
import { clientSideIdleStartsPerRequest, CycleSteps } from '../../harness/traffic/cycle-steps.js';
import { Estimates } from '../../harness/traffic/estimates.js';
import { GapScheduler, PER_CONNECTION_SCHEDULER } from '../../harness/traffic/gap-scheduler.js';
import type { AimedSend } from '../../harness/traffic/traffic-io.js';
import { appEvents, LB_502, request, ScriptedIo } from '../helpers/traffic-records.js';

const APP = {
  image: 'mine',
  buildDir: null,
  containerPort: 8000,
  healthPath: '/h',
  startTimeoutMs: 1,
  trafficPath: '/p',
  env: {},
  preload: false,
};

/** Your app as the lab runs it without a preload: pools of its own on its LB port (`pools`, 24 unless given). */
function yoursScenario(pools?: number): Scenario {
  const base = defaultScenario().variants[0];
  const yours = withLongPools({ ...base, name: 'yours', app: { ...APP } }, pools);
  return { ...defaultScenario(), kind: 'matrix', variants: [yours] };
}

function lane(scenario: Scenario, sends = 4) {
  const io = new ScriptedIo();
  const { variants } = scenario;
  const apps = new Map(variants.map((v) => [v.name, appEvents()]));
  const estimates = new Estimates({ variants, probedCloseMs: { yours: 5_006 }, apps, lbTimeoutMs: 60_000 });
  const steps = new CycleSteps({
    ...{ scenario, variants, methods: ['POST'] as const, apps, io, estimates },
    ...{ signal: new AbortController().signal, sendsPerCycle: () => sends, aimsPerConnection: () => true },
  });
  return { io, steps, estimates, yours: variants[0] };
}

t.test('pools opened: one GET through each pool at once, on its own client connection', async (t) => {
  const { io, steps } = lane(yoursScenario());
  await steps.openPools();
  t.same(
    io.prepared.map((p) => [p.pool, p.connections]),
    [
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
    ],
  );
  t.same(
    io.sends.map((s) => [s.requestId, s.variant.pool, s.connectionIndex, s.method, s.path, s.atMonoMs]),
    [1, 2, 3, 4].map((pool) => [`c0-yours-pool-${pool}`, pool, 0, 'GET', '/h', 1_000]),
  );
  t.same(
    steps.records.map((r) => [r.phase, r.cycle]),
    Array.from({ length: 4 }, () => ['calibration', 0]),
  );
});

t.test('the burst: request i through pool i + 1; each connection idle from its own answer', async (t) => {
  const { io, steps } = lane(yoursScenario());
  // Answered 3, 7, 4 ms after the send; the last one is the LB's 502 (no idle connection to the app is left).
  const latencies = [3, 7, 4, 2];
  io.fire = async (sends: readonly AimedSend[]) =>
    sends.map((s, i) => {
      io.sends.push(s);
      const response = i === 3 ? { status: 502, headers: {}, length: 0 } : { status: 200, headers: {}, length: 0 };
      return { sentAtMonoMs: s.atMonoMs, doneAtMonoMs: s.atMonoMs + latencies[i], response, error: null };
    });
  await steps.burst(1, false);
  t.same(
    io.sends.map((s) => [s.requestId, s.variant.pool, s.connectionIndex, s.path]),
    [0, 1, 2, 3].map((i) => [`c1-yours-burst-${i}`, i + 1, 0, '/p']),
  );
  t.same(io.bursts, [], "not autocannon's connections: each pool's own");
  // Arrival less the fastest answer's round trip (3 ms): 1000, 1004, 1001; the 502 left none.
  t.same(steps.idleStartsPerConnection('yours'), [1_000, 1_004, 1_001, null]);
  t.equal(steps.idleStartsPerConnection('other'), null);
});

t.test("the batch: each send at its own connection's center, through its pool; none where no idle start", async (t) => {
  const { io, steps, yours } = lane(yoursScenario(), 3);
  const sent = await steps.sendAround(2, 'aimed', [
    {
      variant: yours,
      aim: { gapMs: 5_000, centerOffsetMs: -6, relativeOffsetsMs: [-2, 0, 2] },
      centerMonoMs: 6_000,
      connectionCentersMonoMs: [6_010, null, 6_000],
    },
  ]);
  t.same(
    io.prepared.map((p) => [p.pool, p.connections]),
    [
      [1, 1],
      [2, 1],
      [3, 1],
    ],
  );
  t.same(
    io.sends.map((s) => [s.requestId, s.variant.pool, s.connectionIndex, s.atMonoMs]),
    [
      ['c2-yours-aimed-0', 1, 0, 6_008],
      ['c2-yours-aimed-2', 3, 0, 6_002],
    ],
  );
  t.same(
    sent.map((r) => [r.requestId, r.idleGapMs, r.offsetMs]),
    [
      ['c2-yours-aimed-0', 4_998, -8],
      ['c2-yours-aimed-2', 5_002, -4],
    ],
  );
});

t.test('idle starts per request: aligned with the burst, the fastest answer of the app its round trip', async (t) => {
  const answered = (startMonoMs: number, latencyMs: number) => request({ startMonoMs, latencyMs, status: 200 });
  const lb502 = request({ ...LB_502, startMonoMs: 0, latencyMs: 1 });
  t.same(clientSideIdleStartsPerRequest([answered(0, 5), lb502, null, answered(0, 9)]), [0, null, null, 4]);
  t.same(clientSideIdleStartsPerRequest([lb502, null]), [null, null], 'no answer: no idle start');
});

function policyFor(scenario: Scenario, lane: LaneKind, flags: string[] = []) {
  const { variants } = scenario;
  const apps = new Map(variants.map((v) => [v.name, appEvents()]));
  const estimates = new Estimates({ variants, probedCloseMs: { yours: 5_006 }, apps, lbTimeoutMs: 60_000 });
  const options = parseLabArgs(['--cycles', '3', ...flags]);
  return { policy: new AimPolicy({ scenario, variants, lane, options, estimates, apps }), estimates };
}

t.test('who is aimed per connection: the short lane, an app with no clock, a pool for each send', async (t) => {
  const scenario = yoursScenario();
  const yours: Variant = scenario.variants[0];
  const short = policyFor(scenario, 'short');
  t.equal(short.policy.aimsPerConnection(yours), true, 'no clock, 24 pools, 8 sends');
  short.estimates.keepClockSamples('yours', [request({ variant: 'yours', appStartMonoMs: 5_000, latencyMs: 2 })]);
  t.equal(short.policy.aimsPerConnection(yours), false, 'an app that stamps its answers has a clock to aim by');
  t.equal(policyFor(scenario, 'long').policy.aimsPerConnection(yours), false, 'the long lane fills whole pools');
  const few = yoursScenario(4);
  t.equal(policyFor(few, 'short').policy.aimsPerConnection(few.variants[0]), false, '8 sends, 4 pools');
  const matrixApp: Variant = { ...yours, app: undefined };
  t.equal(short.policy.aimsPerConnection(matrixApp), false, "the lab's own apps always stamp their answers");
  t.equal(
    policyFor(scenario, 'short', ['--concurrency', '30']).policy.aimsPerConnection(yours),
    false,
    '30 sends, 24 pools',
  );
});

t.test('the per-connection scheduler: wide until a hit, then ±3 ms around the mean of every hit', async (t) => {
  const s = new GapScheduler(PER_CONNECTION_SCHEDULER);
  const first = s.plan(5_006);
  t.same(first.sendOffsetsMs, [-11, -9, -7, -5, -3, -1, 1, 3], '8 sends 2 ms apart, no late-wake tail');
  t.equal(first.tailSends, 0);
  t.equal(first.intendedGapMs, 5_002);
  s.record(first, [-9, -7]);
  const second = s.plan(5_006);
  t.equal(second.centerOffsetMs, -8);
  t.same([second.sendOffsetsMs[0], second.sendOffsetsMs.at(-1)], [-11, -5]);
  s.record(second, [-5]);
  t.equal(s.centerOffsetMs, -7, "the mean of all three hits, not the last cycle's -5");
  s.record(s.plan(5_006), []);
  t.equal(s.centerOffsetMs, -8, 'a miss after a hit sweeps a millisecond from there');
  const far = new GapScheduler(PER_CONNECTION_SCHEDULER);
  far.record(far.plan(5_006), [-40]);
  t.equal(far.centerOffsetMs, -25, 'never past ±25 ms');
});

t.test('the per-connection scheduler: until a hit, each missed cycle moves its 14 ms by whole widths', async (t) => {
  const s = new GapScheduler(PER_CONNECTION_SCHEDULER);
  const ranges: number[][] = [];
  for (let cycle = 0; cycle < 7; cycle++) {
    const plan = s.plan(5_006);
    ranges.push([plan.sendOffsetsMs[0], plan.sendOffsetsMs.at(-1)!]);
    s.record(plan, []);
  }
  t.same(ranges, [
    [-11, 3],
    [3, 17],
    [-25, -11],
    [-4, 10],
    [-18, -4],
    [10, 24],
    [-32, -18],
  ]);
});
