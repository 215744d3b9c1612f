// An app with no clock to aim by (no preload) is aimed one connection per
// pool: each pool's burst request leaves one idle connection, and each aimed
// request goes at its own connection's close (AimPolicy.aimsPerConnection,
// CycleSteps, PER_CONNECTION_SCHEDULER).
import t from 'tap';
import { parseLabArgs } from '../../harness/cli/options.js';
import { LabError } from '../../harness/model/errors.js';
import { defaultScenario, withLongPools, type Scenario, type Variant } from '../../harness/scenarios/scenarios.js';
import { AimPolicy, type LaneKind } from '../../harness/traffic/aim-policy.js';
import { TrafficEngine } from '../../harness/traffic/engine.js';
import { clientSideIdleStartsPerRequest, CycleSteps } from '../../harness/traffic/cycle-steps.js';
import { Estimates } from '../../harness/traffic/estimates.js';
import {
  AT_CHECK_SCHEDULER,
  DEFAULT_SCHEDULER,
  GapScheduler,
  PER_CONNECTION_SCHEDULER,
} from '../../harness/traffic/gap-scheduler.js';
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
  // Each answer's arrival: 1003, 1007, 1004; the 502 left none.
  t.same(steps.idleStartsPerConnection('yours'), [1_003, 1_007, 1_004, null]);
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

t.test("idle starts per request: aligned with the burst, each the app's answer's arrival", async (t) => {
  const answered = (startMonoMs: number, latencyMs: number) => request({ startMonoMs, latencyMs, status: 200 });
  const lb502 = request({ ...LB_502, startMonoMs: 0, latencyMs: 1 });
  t.same(clientSideIdleStartsPerRequest([answered(0, 5), lb502, null, answered(0, 9)]), [5, null, null, 9]);
  t.same(clientSideIdleStartsPerRequest([lb502, null]), [null, null], 'no answer: no idle start');
});

function policyFor(scenario: Scenario, lane: LaneKind, flags: string[] = [], closingTogether?: Set<string>) {
  const { variants } = scenario;
  const apps = new Map(variants.map((v) => [v.name, appEvents()]));
  const estimates = new Estimates({ variants, probedCloseMs: { yours: 5_006 }, apps, lbTimeoutMs: 60_000 });
  const options = parseLabArgs(['--cycles', '3', ...flags]);
  return { policy: new AimPolicy({ scenario, variants, lane, options, estimates, apps, closingTogether }), estimates };
}

t.test(
  'who is aimed per connection: decided after calibration, the short lane, an app with no clock, its pools',
  async (t) => {
    const scenario = yoursScenario();
    const yours: Variant = scenario.variants[0];
    const short = policyFor(scenario, 'short');
    t.equal(short.policy.aimsPerConnection(yours), false, 'nobody before the decision');
    t.equal(short.policy.sendsPerCycle(yours), 8, 'before it: --concurrency');
    t.same(
      short.policy.decidePerConnection().map((v) => v.name),
      ['yours'],
    );
    t.equal(short.policy.aimsPerConnection(yours), true, 'no clock, 24 pools');
    t.equal(short.policy.sendsPerCycle(yours), 24, 'one send a pool, not --concurrency 8');
    const stamped = policyFor(scenario, 'short');
    stamped.estimates.keepClockSamples('yours', [request({ variant: 'yours', appStartMonoMs: 5_000, latencyMs: 2 })]);
    t.same(stamped.policy.decidePerConnection(), [], 'an app that stamps its answers has a clock to aim by');
    t.same(policyFor(scenario, 'long').policy.decidePerConnection(), [], 'the long lane fills whole pools');
    const noPools: Variant = { ...yours, longPools: undefined };
    t.same(
      policyFor({ ...scenario, variants: [noPools] }, 'short').policy.decidePerConnection(),
      [],
      'no pools of its own',
    );
    const matrixApp: Variant = { ...yours, app: undefined };
    t.same(
      policyFor({ ...scenario, variants: [matrixApp] }, 'short').policy.decidePerConnection(),
      [],
      "the lab's own apps always stamp their answers",
    );
    const together = policyFor(scenario, 'short', [], new Set(['yours']));
    t.same(
      together.policy.decidePerConnection(),
      [],
      'an app whose probe sockets closed together: its batch at one instant',
    );
    t.equal(together.policy.sendsPerCycle(yours), 8);
    t.equal(together.policy.closesAtCheck(yours), true);
    t.equal(together.policy.schedulerSettings(yours), AT_CHECK_SCHEDULER, 'its sends at one instant');
    t.equal(short.policy.schedulerSettings(yours), PER_CONNECTION_SCHEDULER);
    const labTogether = policyFor({ ...scenario, variants: [matrixApp] }, 'short', [], new Set(['yours']));
    t.equal(labTogether.policy.closesAtCheck(matrixApp), false, "a lab app's probe never changes its aim");
    t.equal(labTogether.policy.schedulerSettings(matrixApp), DEFAULT_SCHEDULER);
    const longTogether = policyFor(scenario, 'long', [], new Set(['yours']));
    t.equal(longTogether.policy.schedulerSettings(yours), DEFAULT_SCHEDULER, 'the long lane: its batches as ever');
    const many = policyFor(scenario, 'short', ['--concurrency', '30']);
    many.policy.decidePerConnection();
    t.equal(many.policy.sendsPerCycle(yours), 24, 'one a pool, whatever --concurrency');
  },
);

t.test('the per-connection scheduler: −7 … −1 ms until a hit, then ±2 ms around the mean of every hit', async (t) => {
  const s = new GapScheduler({ ...PER_CONNECTION_SCHEDULER, sendsPerCycle: 7 });
  const first = s.plan(5_006);
  t.same(first.sendOffsetsMs, [-7, -6, -5, -4, -3, -2, -1], '7 sends 1 ms apart, no late-wake tail');
  t.equal(first.tailSends, 0);
  t.equal(first.intendedGapMs, 5_002);
  s.record(first, [-6, -5]);
  const second = s.plan(5_006);
  t.equal(second.centerOffsetMs, -5.5);
  t.same([second.sendOffsetsMs[0], second.sendOffsetsMs.at(-1)], [-7.5, -3.5], '±2 ms after a hit');
  s.record(second, [-4]);
  t.equal(s.centerOffsetMs, -5, "the mean of all three hits, not the last cycle's -4");
  s.record(s.plan(5_006), []);
  t.equal(s.centerOffsetMs, -6, 'a miss after a hit sweeps a millisecond from there');
  const far = new GapScheduler(PER_CONNECTION_SCHEDULER);
  far.record(far.plan(5_006), [-40]);
  t.equal(far.centerOffsetMs, -25, 'never past ±25 ms');
});

t.test('the per-connection scheduler: until a hit, missed cycles move its 6 ms by half to either side', async (t) => {
  const s = new GapScheduler(PER_CONNECTION_SCHEDULER);
  const ranges: number[][] = [];
  for (let cycle = 0; cycle < 8; cycle++) {
    const plan = s.plan(5_006);
    ranges.push([plan.sendOffsetsMs[0], plan.sendOffsetsMs.at(-1)!]);
    s.record(plan, []);
  }
  t.same(ranges, [
    [-7, -1],
    [-10, -4],
    [-4, 2],
    [-13, -7],
    [-1, 5],
    [-16, -10],
    [2, 8],
    [-7, -1],
  ]);
});

/** Your app, no clock, 4 pools: a short lane of 3 cycles on a ScriptedIo; `failing` requests get the LB's 502. */
async function engineRun(failing: readonly string[] = [], closingTogether?: Set<string>) {
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
    scenario: yoursScenario(4),
    options: parseLabArgs(['--cycles', '3', '--max-cycles', '3']),
    lane: 'short',
    probedCloseMs: { yours: 5_006 },
    closingTogether,
    apps: new Map([['yours', appEvents()]]),
    io,
    signal: new AbortController().signal,
    progress: (line) => progress.push(line),
  });
  const result = await engine.run();
  return { io, progress, result };
}

/** Each cycle's aimed sends, as [pool, connection, instant less the cycle's burst instant]. */
function aimedOf(io: ScriptedIo, cycle: number): number[][] {
  const burst = io.sends.filter((s) => s.requestId.startsWith(`c${cycle}-yours-burst-`));
  return io.sends
    .filter((s) => s.requestId.startsWith(`c${cycle}-yours-aimed-`))
    .map((s) => [s.variant.pool!, s.connectionIndex, s.atMonoMs - burst[0].atMonoMs]);
}

t.test(
  'the engine: every cycle one request per pool, each at its own connection, sweeping while none fails',
  async (t) => {
    const { io, progress } = await engineRun();
    const index = (prefix: string) => io.sends.findIndex((s) => s.requestId.startsWith(prefix));
    t.same(
      io.sends.filter((s) => io.sends.indexOf(s) < index('c1-')).map((s) => [s.requestId, s.variant.pool]),
      [
        ...[0, 1, 2].map((n) => [`c0-yours-calibration-${n}`, undefined]),
        ...[1, 2, 3, 4].map((pool) => [`c0-yours-calibration-${pool + 2}`, pool]),
      ],
      "calibration's three, then one request through each of the 4 pools, before the first burst",
    );
    t.match(progress.join('\n'), /yours: no clock to aim by .* one request through each of 4 LB pools at one instant/);
    t.same(io.bursts, [], 'never an autocannon burst');
    for (const cycle of [1, 2, 3]) {
      const burst = io.sends.filter((s) => s.requestId.startsWith(`c${cycle}-yours-burst-`));
      t.same(
        burst.map((s) => [s.variant.pool, s.connectionIndex, s.atMonoMs - burst[0].atMonoMs]),
        [1, 2, 3, 4].map((pool) => [pool, 0, 0]),
        `cycle ${cycle}: the burst's request i through pool i + 1, on its own connection, all at one instant`,
      );
    }
    // Pool p answered 2 + p ms after the burst: idle from that arrival, burst + 3 + i for send i (pool i + 1). Cycle 1
    // aims at the probe's 5006 ms - 4, its 4 sends 2 ms apart from -3 to +3 around that: send i at burst + 3 + i +
    // 5002 - 3 + 2i. No failure: cycle 2 is 3 ms earlier, cycle 3 3 ms later than cycle 1.
    t.same(
      aimedOf(io, 1),
      [0, 1, 2, 3].map((i) => [i + 1, 0, 5_002 + 3 * i]),
      "each aimed request through its pool, at its own connection's close plus its offset",
    );
    t.same(
      aimedOf(io, 2),
      [0, 1, 2, 3].map((i) => [i + 1, 0, 4_999 + 3 * i]),
    );
    t.same(
      aimedOf(io, 3),
      [0, 1, 2, 3].map((i) => [i + 1, 0, 5_005 + 3 * i]),
    );
  },
);

t.test('the engine: after a failure, ±2 ms around it', async (t) => {
  // Cycle 1's send 1 went at offset -5 ms from its connection's estimated close.
  const { io, result } = await engineRun(['c1-yours-aimed-1']);
  t.same(
    result.records.filter((r) => r.variant === 'yours' && r.status === 502).map((r) => [r.requestId, r.offsetMs]),
    [['c1-yours-aimed-1', -5]],
  );
  // Cycle 2 is centered on -5: send i at burst + 3 + i + 5001 - 2 + 4i/3.
  t.same(
    aimedOf(io, 2).map(([pool, connection, ms]) => [pool, connection, Math.round(ms * 1000) / 1000]),
    [0, 1, 2, 3].map((i) => [i + 1, 0, Math.round((5_002 + i + (4 * i) / 3) * 1000) / 1000]),
  );
});

t.test('the engine: an app whose probe sockets closed together gets its batch at one instant', async (t) => {
  const { io, progress } = await engineRun([], new Set(['yours']));
  t.match(progress.join('\n'), /yours: its probe sockets, idle from 100 ms apart, closed together: .* one instant/);
  t.notMatch(progress.join('\n'), /one request through each of/, 'not one per pool');
  t.same(
    io.bursts.map((b) => [b.cycle, b.concurrency]),
    [
      [1, 8],
      [2, 8],
      [3, 8],
    ],
    "autocannon's burst of --concurrency through its main pool",
  );
  for (const cycle of [1, 2, 3]) {
    const aimed = io.sends.filter((s) => s.requestId.startsWith(`c${cycle}-yours-aimed-`));
    t.equal(aimed.length, 8);
    t.ok(
      aimed.every((s) => s.atMonoMs === aimed[0].atMonoMs && s.variant.pool === undefined),
      `cycle ${cycle}: all 8 at one instant, no pool`,
    );
  }
});
