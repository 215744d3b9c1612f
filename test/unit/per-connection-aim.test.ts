// An app with no clock to aim by (no preload) is aimed one connection per
// pool: each pool's burst request leaves one idle connection, and each aimed
// request goes at its own connection's close (AimPolicy.aimsPerConnection,
// CycleSteps, PER_CONNECTION_SCHEDULER).
import t from 'tap';
import { parseLabArgs } from '../../harness/cli/options.js';
import { LabError } from '../../harness/model/errors.js';
import { defaultScenario, withLongPools, type Scenario, type Variant } from '../../harness/scenarios/scenarios.js';
import { AimPolicy, type LaneKind } from '../../harness/traffic/aim-policy.js';
import { AimChoice } from '../../harness/traffic/aim-choice.js';
import { TrafficEngine } from '../../harness/traffic/engine.js';
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
    io.prepared.map((p) => [p.pool, p.connections, p.maxIdleMs]),
    [1, 2, 3, 4].map((pool) => [pool, 1, 73_000]),
    "one connection a pool, replaced once idle 2 s short of the LB's client keep-alive (75 s)",
  );
  t.same(
    io.sends.map((s) => [s.requestId, s.variant.pool, s.connectionIndex, s.method, s.path, s.atMonoMs]),
    [1, 2, 3, 4].map((pool) => [`c0-yours-calibration-${pool + 2}`, pool, 0, 'GET', '/h', 1_000]),
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

t.test('pools opened: no answer through any pool is a clear error, as in calibration', async (t) => {
  const { io, steps } = lane(yoursScenario());
  io.answer = () => ({ status: 502, headers: {}, length: 0 });
  await t.rejects(steps.openPools(), new LabError("No answer through the LB's pools for yours: status 502."));
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
  const manyPools = yoursScenario(40);
  t.equal(
    policyFor(manyPools, 'long').policy.aimsPerConnection(manyPools.variants[0]),
    false,
    'the long lane fills whole pools, however many',
  );
  const few = yoursScenario(4);
  t.equal(policyFor(few, 'short').policy.aimsPerConnection(few.variants[0]), false, '8 sends, 4 pools');
  const matrixApp: Variant = { ...yours, app: undefined };
  const lab = policyFor({ ...scenario, variants: [matrixApp] }, 'short');
  t.equal(lab.policy.aimsPerConnection(matrixApp), false, "the lab's own apps always stamp their answers");
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

t.test('the per-connection scheduler: until a hit, missed cycles walk its 14 ms out to either side', async (t) => {
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

/** A short lane of your app with no clock, 3 cycles on a ScriptedIo; `failing` requests get the LB's 502. */
async function engineRun(failing: readonly string[] = []) {
  const io = new ScriptedIo();
  // A burst's request through pool p is answered 2 + p ms after it went out; every other request 2 ms.
  io.fire = async (sends: readonly AimedSend[], signal: AbortSignal) =>
    sends.map((s) => {
      if (signal.aborted) return null;
      io.sends.push(s);
      const latencyMs = s.requestId.includes('-burst-') && s.variant.pool !== undefined ? 2 + s.variant.pool : 2;
      const response = { status: failing.includes(s.requestId) ? 502 : 200, headers: {}, length: 0 };
      return { sentAtMonoMs: s.atMonoMs, doneAtMonoMs: s.atMonoMs + latencyMs, response, error: null };
    });
  const progress: string[] = [];
  const engine = new TrafficEngine({
    scenario: yoursScenario(),
    options: parseLabArgs(['--cycles', '3', '--max-cycles', '3']),
    lane: 'short',
    probedCloseMs: { yours: 5_006 },
    apps: new Map([['yours', appEvents()]]),
    io,
    signal: new AbortController().signal,
    progress: (line) => progress.push(line),
  });
  const result = await engine.run();
  return { io, progress, result };
}

t.test('the engine: no failure, so the ways alternate: one per pool, one batch, one per pool', async (t) => {
  const { io, progress, result } = await engineRun();
  const sent = (prefix: string) => io.sends.filter((s) => s.requestId.startsWith(prefix));
  const index = (prefix: string) => io.sends.findIndex((s) => s.requestId.startsWith(prefix));
  t.same(
    sent('c0-yours-calibration-')
      .filter((s) => io.sends.indexOf(s) < index('c1-'))
      .map((s) => s.variant.pool),
    [undefined, undefined, undefined, 1, 2, 3, 4, 5, 6, 7, 8],
    "calibration's three, then one request through each of the 8 pools",
  );
  t.ok(index('c0-yours-calibration-10') < index('c1-'), 'the pools are open before the first burst');
  t.match(progress.join('\n'), /yours: no clock to aim by .* a cycle sends one request through each of 8 LB pools/);
  for (const cycle of [1, 3]) {
    const burst = sent(`c${cycle}-yours-burst-`);
    t.same(
      burst.map((s) => [s.variant.pool, s.connectionIndex]),
      [1, 2, 3, 4, 5, 6, 7, 8].map((pool) => [pool, 0]),
      `cycle ${cycle}: the burst's request i through pool i + 1, on its own connection`,
    );
    const at = burst[0].atMonoMs;
    t.ok(
      burst.every((s) => s.atMonoMs === at),
      'all at one instant',
    );
    // Pool p answered at at + 2 + p: idle from at + p - 1 (arrival less the fastest round trip, pool 1's 3 ms). The
    // first cycle aims at the probe's 5006 ms - 4, its sends 2 ms apart from -7 to +7 around that: send i (pool i + 1)
    // at at + i + 5002 - 7 + 2i.
    if (cycle === 1)
      t.same(
        sent('c1-yours-aimed-').map((s) => [s.variant.pool, s.connectionIndex, s.atMonoMs - at]),
        [0, 1, 2, 3, 4, 5, 6, 7].map((i) => [i + 1, 0, 4_995 + 3 * i]),
        "each aimed request through its pool, at its own connection's close plus its offset",
      );
    else t.equal(sent('c3-yours-aimed-').length, 8);
  }
  t.same(
    io.bursts.map((b) => [b.cycle, b.concurrency, b.pool]),
    [[2, 8, undefined]],
    "the even cycle's burst: autocannon's 8 connections through the app's own pool",
  );
  t.same(
    sent('c2-yours-aimed-').map((s) => [s.variant.pool, s.connectionIndex]),
    [0, 1, 2, 3, 4, 5, 6, 7].map((i) => [undefined, i]),
    'and its batch on 8 connections of the main pool',
  );
  // Its burst (ScriptedIo's autocannon: answered after 3, 5, 4, 3, 5, 4, 3, 5 ms) went idle from start + 0 … 2, its
  // densest cluster's mean start + 1; the batch's own scheduler's first plan: 5 sends over ±2 ms, 3 trailing by 4, 7
  // and 10, around start + 1 + the probe's 5006.
  const start = result.records.find((r) => r.requestId === 'c2-yours-burst-0')!.startMonoMs;
  t.same(
    sent('c2-yours-aimed-').map((s) => s.atMonoMs - start),
    [5_005, 5_006, 5_007, 5_008, 5_009, 5_011, 5_014, 5_017],
    "the batch at its own burst's cluster, on the batch's scheduler",
  );
  // Cycle 3, after a batch: its pools opened again before its burst; aimed on the per-pool scheduler's second step.
  t.ok(index('c3-yours-calibration-') === -1, 'no new ids');
  const reopened = io.sends.filter((s) => s.requestId.startsWith('c0-yours-calibration-') && s.variant.pool === 1);
  t.equal(reopened.length, 2, 'pool 1 opened before cycle 1 and again before cycle 3');
  t.ok(
    io.sends.indexOf(reopened[1]) > index('c2-yours-aimed-') &&
      io.sends.indexOf(reopened[1]) < index('c3-yours-burst-'),
    "between cycle 2's batch and cycle 3's burst",
  );
  const burst3 = sent('c3-yours-burst-');
  t.same(
    sent('c3-yours-aimed-').map((s) => s.atMonoMs - burst3[0].atMonoMs),
    // Send i (pool i + 1): idle from burst + i, aimed at 5006 + 10 with its offset -7 + 2i around that.
    [0, 1, 2, 3, 4, 5, 6, 7].map((i) => i + 5_006 + 10 - 7 + 2 * i),
    'its sends from +3 to +17 ms: the sweep after one miss (+14), 2 ms apart',
  );
});

t.test('the way an app with no clock goes: in turn, then the one whose cycles failed more often', async (t) => {
  const fresh = new AimChoice();
  t.same(
    [1, 2, 3, 4].map((c) => fresh.next('yours', c)),
    ['per-connection', 'batch', 'per-connection', 'batch'],
  );
  const uvicorn = new AimChoice();
  uvicorn.record('yours', 'per-connection', true);
  t.equal(uvicorn.next('yours', 2), 'per-connection', 'failed once in one cycle (2/3) beats an untried batch (1/2)');
  t.equal(uvicorn.next('compared', 2), 'batch', 'each app its own');
  uvicorn.record('yours', 'per-connection', false);
  t.equal(uvicorn.next('yours', 3), 'per-connection', '2/4 against 1/2: a tie, and cycle 3 is odd');
  uvicorn.record('yours', 'per-connection', false);
  t.equal(uvicorn.next('yours', 4), 'batch', 'a way that stops failing loses its lead (2/5)');
  const go = new AimChoice();
  go.record('yours', 'per-connection', false);
  t.equal(go.next('yours', 2), 'batch', 'a miss (1/3) hands the next cycle to the batch');
  go.record('yours', 'batch', true);
  go.record('yours', 'batch', false);
  t.equal(go.next('yours', 4), 'batch', 'which failed once in two (2/4) against 1/3');
});

t.test('the engine: a cycle one per pool that failed keeps the next one per pool', async (t) => {
  const { io } = await engineRun(['c1-yours-aimed-3']);
  t.same(
    io.bursts.map((b) => b.cycle),
    [],
    'no autocannon burst: cycle 2 went one per pool again (2/3 against 1/2), and cycle 3 too (2/4 against 1/2, odd)',
  );
  t.same(
    io.sends.filter((s) => s.requestId.startsWith('c2-yours-burst-')).map((s) => s.variant.pool),
    [1, 2, 3, 4, 5, 6, 7, 8],
  );
});
