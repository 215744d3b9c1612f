// The steps on the wire a lane's cycles are made of (harness/traffic/cycle-steps.ts):
// calibration, the burst and when its connections went idle, the batch sent
// around each variant's instant; every record kept.
import t from 'tap';
import { LabError } from '../../harness/model/errors.js';
import { cellsByName, matrixScenario } from '../../harness/scenarios/matrix.js';
import { defaultScenario, type Scenario, type Variant } from '../../harness/scenarios/scenarios.js';
import { CycleSteps } from '../../harness/traffic/cycle-steps.js';
import { Estimates } from '../../harness/traffic/estimates.js';
import type { AppEvents } from '../../harness/traffic/traffic-io.js';
import { appEvents, ScriptedIo, stamped } from '../helpers/traffic-records.js';

interface Setup {
  scenario?: Scenario;
  apps?: Record<string, AppEvents>;
  signal?: AbortSignal;
}

/** The talk-sized run's lane (C = 8, the fixed app 25 a cycle) on a ScriptedIo. */
function steps(s: Setup = {}) {
  const io = new ScriptedIo();
  const scenario = s.scenario ?? defaultScenario();
  const { variants } = scenario;
  const apps = new Map(variants.map((v) => [v.name, s.apps?.[v.name] ?? appEvents()]));
  const probedCloseMs = Object.fromEntries(variants.map((v) => [v.name, 6_001]));
  const estimates = new Estimates({ variants, probedCloseMs, apps, lbTimeoutMs: 60_000 });
  const input = { scenario, variants, methods: ['POST', 'GET'] as const, apps, io, estimates };
  const sendsPerCycle = (v: Variant) => (v.name === 'fixed' ? 25 : 8);
  const lane = new CycleSteps({ ...input, signal: s.signal ?? new AbortController().signal, sendsPerCycle });
  return { lane, io, estimates, variants };
}

t.test('calibration: three GETs per app through the LB, 20 ms apart, measure when a send reaches it', async (t) => {
  const { lane, io, estimates } = steps();
  // Each reaches the app 1 ms after it went out, on a clock 5000 ms ahead.
  io.answer = (s) => stamped(200, 1, Number(s.requestId.at(-1)) + 1, s.atMonoMs + 5_001);
  await lane.calibrate();
  t.same(
    io.sends.map((s) => [s.requestId, s.method, s.path, s.atMonoMs]),
    [
      ['c0-default-calibration-0', 'GET', '/api/health', 1_000],
      ['c0-default-calibration-1', 'GET', '/api/health', 1_020],
      ['c0-default-calibration-2', 'GET', '/api/health', 1_040],
      ['c0-fixed-calibration-0', 'GET', '/api/health', 1_060],
      ['c0-fixed-calibration-1', 'GET', '/api/health', 1_080],
      ['c0-fixed-calibration-2', 'GET', '/api/health', 1_100],
    ],
  );
  t.same(io.prepared, [
    { variant: 'default', connections: 1, maxIdleMs: undefined },
    { variant: 'fixed', connections: 1, maxIdleMs: undefined },
  ]);
  t.equal(estimates.sendToAppMs('default'), 5_001);
  t.equal(estimates.oneWayLatencyMs('fixed'), 1);
  t.same(
    lane.records.map((r) => [r.phase, r.cycle, r.idleGapMs, r.offsetMs]),
    Array.from({ length: 6 }, () => ['calibration', 0, null, null]),
  );
});

t.test('calibration: no answer from an app through the LB is a clear error', async (t) => {
  const { lane, io } = steps();
  io.answer = () => ({ status: 502, headers: {}, length: 0 });
  await t.rejects(lane.calibrate(), new LabError('No answer through the LB for default (calibration): status 502.'));
  const untagged = steps();
  await untagged.lane.calibrate();
  t.equal(untagged.lane.records.length, 6, 'an app without the preload answering 200 answered');
});

t.test('calibration: an interrupt ends it with what was sent', async (t) => {
  const stop = new AbortController();
  const { lane, io } = steps({ signal: stop.signal });
  io.answer = (s) => {
    if (s.requestId === 'c0-default-calibration-1') stop.abort();
    return { status: 200, headers: {}, length: 0 };
  };
  await lane.calibrate();
  t.equal(io.sends.length, 2);
});

t.test("a held burst: every variant's responses held to 250 ms after its sends reach the app", async (t) => {
  const { lane, io } = steps();
  const idleStarts = await lane.burst(4);
  t.same(
    io.bursts.map((b) => [b.variant, b.cycle, b.concurrency, b.holdUntilAppMs, b.methods]),
    [
      ['default', 4, 8, 1_250, ['POST', 'GET']],
      ['fixed', 4, 25, 1_250, ['POST', 'GET']],
    ],
    'no clock measured yet: the hold is on the harness clock',
  );
  t.same(idleStarts.get('fixed'), [], 'an app that says nothing of its connections: no idle start');
  t.equal(lane.records.length, 33, 'every burst request kept');
  t.same(idleStarts.get('default'), [], "the ScriptedIo's burst tags no upstream socket: no response end to ask for");
});

t.test("idle starts: the app's response ends, else its start headers + 1 ms (not before the hold)", async (t) => {
  const s = matrixScenario(cellsByName(['haproxy-node24-standalone-default']));
  const [haproxy] = s.variants;
  // Behind HAProxy's http-reuse safe, the burst goes out on the lane's own connections: its answers are tagged.
  const ends = { '1/1': 1_252.5, '2/1': 1_251 };
  const { lane, io } = steps({ scenario: s, apps: { [haproxy.name]: appEvents([], ends) } });
  io.answer = (send) => stamped(200, send.connectionIndex + 1, 1, send.atMonoMs + 1 + send.connectionIndex);
  t.same(
    await lane.burst(2).then((m) => m.get(haproxy.name)),
    [1_251, 1_252.5],
    'the ends the app reported, ascending',
  );

  const late = steps({ scenario: s });
  late.io.answer = (send) =>
    stamped(200, send.connectionIndex + 1, 1, send.atMonoMs + 300 - 100 * send.connectionIndex);
  t.same(
    await late.lane.burst(2, false).then((m) => m.get(haproxy.name)?.slice(0, 3)),
    [601, 701, 801],
    'without ends: each start header + 1 ms, ascending',
  );
  const held = steps({ scenario: s });
  held.io.answer = (send) =>
    stamped(200, send.connectionIndex + 1, 1, send.atMonoMs + 300 - 100 * send.connectionIndex);
  t.same(
    await held.lane.burst(2).then((m) => m.get(haproxy.name)),
    [1_250, 1_250, 1_250, 1_250, 1_250, 1_250, 1_250, 1_301],
    'held to 1250: no earlier than the hold',
  );
});

t.test(
  "behind HAProxy's http-reuse safe, the burst goes out on the connections the aimed requests use next",
  async (t) => {
    const s = matrixScenario(cellsByName(['haproxy-node24-standalone-default']));
    const [haproxy] = s.variants;
    const { lane, io } = steps({ scenario: s });
    await lane.burst(3);
    t.same(io.bursts, [], 'no autocannon');
    t.same(io.prepared, [{ variant: haproxy.name, connections: 8, maxIdleMs: 73_000 }]);
    t.same(
      io.sends.map((x) => [x.requestId, x.connectionIndex, x.method, x.path, x.atMonoMs, x.holdUntilAppMs, x.body]),
      Array.from({ length: 8 }, (_, i) => [
        `c3-${haproxy.name}-burst-${i}`,
        i,
        i % 2 === 0 ? 'POST' : 'GET',
        i % 2 === 0 ? '/api/echo' : '/api/health',
        1_000,
        1_250,
        i % 2 === 0 ? `{"cycle":3,"index":${i}}` : '',
      ]),
    );
    t.same(
      lane.records.map((r) => r.phase),
      Array.from({ length: 8 }, () => 'burst'),
    );
  },
);

t.test("an app without the preload: idle starts from the client's side", async (t) => {
  const app = {
    image: 'mine',
    buildDir: null,
    containerPort: 3000,
    healthPath: '/h',
    startTimeoutMs: 1,
    trafficPath: '/p',
  };
  const base = defaultScenario().variants[0];
  const yours: Variant = { ...base, name: 'yours', app: { ...app, env: {}, preload: false } };
  const { lane, io } = steps({ scenario: { ...defaultScenario(), kind: 'matrix', variants: [yours] } });
  const starts = await lane.burst(1, false);
  t.equal(io.bursts[0].trafficPath, '/p', 'its --path');
  // Answered after 3, 5, 4, 3, 5, 4, 3, 5 ms: each answer's arrival.
  t.same(starts.get('yours'), [1_003, 1_003, 1_003, 1_004, 1_004, 1_005, 1_005, 1_005]);
});

t.test("the batch: one request per offset around each variant's instant, after sleeping in steps", async (t) => {
  const { lane, io, variants } = steps();
  const [def, fixed] = variants;
  const sent = await lane.sendAround(3, 'aimed', [
    { variant: def, aim: { gapMs: 6_000, centerOffsetMs: 0.5, relativeOffsetsMs: [-1, 0, 1] }, centerMonoMs: 10_000 },
    { variant: fixed, aim: { gapMs: 6_000, centerOffsetMs: 0.5, relativeOffsetsMs: [0] }, centerMonoMs: null },
  ]);
  t.same(io.sleeps, [5_000, 3_000], 'slept in steps of 5 s until a second before');
  t.same(
    io.prepared,
    [{ variant: 'default', connections: 3, maxIdleMs: 73_000 }],
    "fresh connections: the LB's 75 s less 2 s",
  );
  t.same(
    io.sends.map((s) => [s.requestId, s.connectionIndex, s.method, s.atMonoMs, s.body, s.path]),
    [
      ['c3-default-aimed-0', 0, 'POST', 9_999, '{"cycle":3,"i":0}', undefined],
      ['c3-default-aimed-1', 1, 'GET', 10_000, '', undefined],
      ['c3-default-aimed-2', 2, 'POST', 10_001, '{"cycle":3,"i":2}', undefined],
    ],
    'a variant without an instant sends nothing',
  );
  t.same(
    sent.map((r) => [r.requestId, r.phase, r.cycle, r.idleGapMs, r.offsetMs, r.status]),
    [
      ['c3-default-aimed-0', 'aimed', 3, 5_999, -0.5, 200],
      ['c3-default-aimed-1', 'aimed', 3, 6_000, 0.5, 200],
      ['c3-default-aimed-2', 'aimed', 3, 6_001, 1.5, 200],
    ],
  );
  t.same(lane.records, sent, "kept with the lane's");
});

t.test('the batch: an interrupt while sleeping sends nothing', async (t) => {
  const stop = new AbortController();
  const { lane, io, variants } = steps({ signal: stop.signal });
  io.sleep = async () => {
    stop.abort();
  };
  const aim = { gapMs: 60_000, centerOffsetMs: 0, relativeOffsetsMs: [0] };
  t.same(await lane.sendAround(1, 'long-gap', [{ variant: variants[0], aim, centerMonoMs: 61_000 }]), []);
  t.same(io.sends, []);
  t.same(io.prepared, []);
});
