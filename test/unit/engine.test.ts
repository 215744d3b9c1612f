// The traffic engine against a simulated LB and apps (test/helpers/simulated-lab.ts):
// calibration and the apps' clocks, aiming at the densest cluster, adaptation
// after hits and misses, the stopping rules, faults, and the records it keeps.
import t from 'tap';
import { LabError } from '../../harness/model/errors.js';
import { parseLabArgs } from '../../harness/cli/options.js';
import { defaultScenario, type VariantName } from '../../harness/scenarios/scenarios.js';
import { SAFE_VARIANT_SENDS_PER_CYCLE } from '../../harness/traffic/aim-policy.js';
import { TrafficEngine, type EngineInput } from '../../harness/traffic/engine.js';
import { densestCluster } from '../../harness/traffic/gap-scheduler.js';
import { SimulatedLab, type SimulationSettings } from '../helpers/simulated-lab.js';

const CLOSE_DELAY_MS = 6_001;
const DEFAULT_APPS: SimulationSettings['apps'] = {
  default: { closeDelayMs: CLOSE_DELAY_MS },
  fixed: { closeDelayMs: null },
};

function engine(
  lab: SimulatedLab,
  flags: string[] = ['--cycles', '3', '--max-cycles', '8'],
  over: Partial<EngineInput> = {},
) {
  const progress: string[] = [];
  const options = parseLabArgs(flags);
  const e = new TrafficEngine({
    scenario: defaultScenario(),
    options,
    probedCloseMs: { default: CLOSE_DELAY_MS, fixed: null },
    apps: lab.events,
    io: lab,
    signal: new AbortController().signal,
    progress: (l) => progress.push(l),
    ...over,
  });
  return { e, progress };
}

t.test('reproduces: 502s on default, none on fixed, a record for every request', async (t) => {
  const lab = new SimulatedLab({ apps: DEFAULT_APPS });
  const { e, progress } = engine(lab);
  const r = await e.run();
  const count = (v: VariantName) => r.records.filter((x) => x.variant === v && x.status === 502).length;
  t.ok(count('default') > 0, `default: ${count('default')} × 502`);
  t.equal(count('fixed'), 0, 'fixed: none');
  t.equal(r.cycles.length, 3, 'stops at --cycles once default has hit');
  // 3 calibration requests per variant, then per cycle a burst and an aimed batch: 8 on default, 25 on fixed.
  t.equal(r.records.length, 2 * 3 + 3 * (2 * 8 + 2 * SAFE_VARIANT_SENDS_PER_CYCLE));
  const fixedAimed = r.records.filter((x) => x.variant === 'fixed' && x.phase === 'aimed');
  t.equal(
    fixedAimed.length,
    3 * SAFE_VARIANT_SENDS_PER_CYCLE,
    "fixed: 25 a cycle, so --quick's 12 cycles give it 300 boundary requests",
  );
  const span = (xs: typeof fixedAimed) =>
    Math.max(...xs.map((x) => x.offsetMs!)) - Math.min(...xs.map((x) => x.offsetMs!));
  const c1 = (v: string) => r.records.filter((x) => x.variant === v && x.phase === 'aimed' && x.cycle === 1);
  // Cycle 1, before any hit: default's 8 are a core of 5 over ±2 ms and a tail of 3; fixed's 25 spread over that core.
  const defaultCore = c1('default')
    .sort((a, b) => a.offsetMs! - b.offsetMs!)
    .slice(0, 5);
  t.ok(Math.abs(span(c1('fixed')) - span(defaultCore)) < 0.01, "fixed's sends span default's core");
  t.equal(span(defaultCore), 4, 'the core: ±2 ms');
  for (const x of r.records.filter((x) => x.phase === 'aimed')) {
    t.ok(
      // ±2 ms and a sweep of a few, or, until the first hit, a tail up to 10 ms behind the center.
      x.offsetMs !== null && x.idleGapMs !== null && Math.abs(x.idleGapMs - CLOSE_DELAY_MS) <= 11,
      `${x.requestId}: gap ${x.idleGapMs}, offset ${x.offsetMs}`,
    );
  }
  t.same(
    r.cycles.map((c) => c.count502.default),
    r.cycles.map(
      (c) => r.records.filter((x) => x.cycle === c.cycle && x.variant === 'default' && x.status === 502).length,
    ),
    'cycle counts match the records',
  );
  t.equal(r.aimVariant, 'default');
  t.same(r.oneWayLatencyMs, { default: 1, fixed: 1 }, 'one-way latency from the app clock');
  t.ok(lab.closed, 'connections closed at the end');
  t.match(progress.join('\n'), /cycle {2}1\/3 gap 6001\.0 ms · default: \d+ × 502/);
});

t.test('aims the batch at the densest cluster of idle starts, minus the one-way latency', async (t) => {
  const lab = new SimulatedLab({ apps: DEFAULT_APPS, latencyMs: 1.5 });
  const { e } = engine(lab, ['--cycles', '1', '--max-cycles', '1']);
  await e.run();
  const batch = lab.sends.filter((s) => s.requestId.startsWith('c1-default-aimed'));
  t.equal(batch.length, 8);
  // The burst's 8 responses are the last to end before the batch.
  const firstSend = Math.min(...batch.map((s) => s.atMonoMs));
  const burstEnds = [...lab.events.get('default')!.ends.values()]
    .filter((end) => end < firstSend)
    .sort((x, y) => x - y)
    .slice(-8);
  const anchor = densestCluster(burstEnds, 2)!;
  // The first cycle, before any hit: five sends over ±2 ms, three trailing the center by 4, 7 and 10 ms.
  const at = batch.map((s) => s.atMonoMs).sort((x, y) => x - y);
  const core = at.slice(0, 5);
  const center = core.reduce((sum, x) => sum + x, 0) / core.length;
  t.ok(
    Math.abs(center - (anchor + CLOSE_DELAY_MS - 1.5)) < 0.01,
    `batch centre ${center.toFixed(3)} = cluster ${anchor.toFixed(3)} + ${CLOSE_DELAY_MS} − 1.5`,
  );
  t.ok(Math.abs(core[4] - core[0] - 4) < 0.01, `the core spread over ±2 ms (${(core[4] - core[0]).toFixed(3)} ms)`);
  t.same(
    at.slice(5).map((x) => Math.round((x - center) * 1000) / 1000),
    [4, 7, 10],
    'the tail behind the centre',
  );
});

t.test(
  "without the app's response-end events, the burst's hold instant stands in (or the start header + 1 ms, if later)",
  async (t) => {
    const lab = new SimulatedLab({ apps: DEFAULT_APPS, reportsResponseEnds: false });
    const { e } = engine(lab, ['--cycles', '1', '--max-cycles', '1']);
    const r = await e.run();
    const batch = lab.sends.filter((s) => s.requestId.startsWith('c1-default-aimed'));
    const hold = lab.holds.find((h) => h.variant === 'default' && h.cycle === 1)!.untilAppMs;
    const starts = r.records
      .filter((x) => x.cycle === 1 && x.phase === 'burst' && x.variant === 'default')
      .map((x) => Math.max(x.appStartMonoMs! + 1, hold));
    t.ok(
      starts.every((s) => s === hold),
      'every burst response held to one instant',
    );
    const core = batch
      .map((s) => s.atMonoMs)
      .sort((x, y) => x - y)
      .slice(0, 5); // the tail trails it (first cycle)
    const center = core.reduce((sum, x) => sum + x, 0) / core.length;
    t.ok(Math.abs(center - (hold + CLOSE_DELAY_MS - 1)) < 0.01, `batch centre from the hold (${center.toFixed(3)})`);
  },
);

t.test("an app clock that is not the harness's (Docker Desktop's VM) aims exactly as a shared one", async (t) => {
  const run = async (clockOffsetMs: number) => {
    const lab = new SimulatedLab({
      apps: { default: { closeDelayMs: CLOSE_DELAY_MS, clockOffsetMs }, fixed: { closeDelayMs: null, clockOffsetMs } },
    });
    const { e } = engine(lab);
    return { r: await e.run(), lab };
  };
  const shared = await run(0);
  t.ok(
    shared.r.records.some((q) => q.status === 502),
    'reproduces with a shared clock',
  );
  for (const offset of [5_000, -123_456.789]) {
    const { r, lab } = await run(offset);
    // Cycle 1's sends at the same instants, to the microsecond the lab rounds to
    // (later cycles follow their hits). The harness sleeps on its clock, aims on the app's.
    const first = (sends: typeof lab.sends) => sends.filter((q) => q.requestId.startsWith('c1-'));
    t.same(
      first(lab.sends).map((q) => q.requestId),
      first(shared.lab.sends).map((q) => q.requestId),
      `offset ${offset} ms: the same sends`,
    );
    const drift = Math.max(
      ...first(lab.sends).map((q, i) => Math.abs(q.atMonoMs - first(shared.lab.sends)[i].atMonoMs)),
    );
    t.ok(drift <= 0.001, `offset ${offset} ms: each send within 1 µs of the shared clock's (${drift.toFixed(6)} ms)`);
    t.ok(
      r.records.some((q) => q.status === 502),
      'reproduces',
    );
    for (const v of ['default', 'fixed']) {
      const clock = r.appClocks[v]!;
      t.ok(
        Math.abs(clock.offsetMs - offset) <= clock.uncertaintyMs && clock.uncertaintyMs <= 1,
        `${v}: offset ${clock.offsetMs} ± ${clock.uncertaintyMs} ms`,
      );
      t.ok(
        Math.abs(r.oneWayLatencyMs[v]! - 1) <= 1,
        `${v}: one-way latency ${r.oneWayLatencyMs[v]} ms, not the offset`,
      );
    }
    t.same(
      r.cycles.at(-1)!.appClockOffsetMs,
      { default: r.appClocks.default!.offsetMs, fixed: r.appClocks.fixed!.offsetMs },
      'each cycle records the offset',
    );
    t.ok(lab.closed);
  }
});

t.test("the app's measured close delay replaces the probe's; hits re-centre the aim, misses sweep", async (t) => {
  const lab = new SimulatedLab({ apps: DEFAULT_APPS, raceWindowMs: 1 });
  const { e } = engine(lab, ['--cycles', '6', '--max-cycles', '6'], {
    probedCloseMs: { default: CLOSE_DELAY_MS + 3, fixed: null },
  });
  const r = await e.run();
  t.equal(r.cycles[0].intendedGapMs, CLOSE_DELAY_MS + 3, 'cycle 1 aims at the probe');
  t.equal(r.cycles[1].closeDelayMs, CLOSE_DELAY_MS, "then at the app's own account of its closes");
  for (let i = 1; i < r.cycles.length; i++) {
    const prev = r.cycles[i - 1];
    const hits = r.records
      .filter((x) => x.cycle === prev.cycle && x.variant === 'default' && x.status === 502 && x.phase === 'aimed')
      .map((x) => x.offsetMs!);
    if (hits.length > 0) {
      const mean = hits.reduce((a, b) => a + b, 0) / hits.length;
      t.ok(
        Math.abs(r.cycles[i].centerOffsetMs - mean) < 0.01,
        `cycle ${i + 1} re-centred on cycle ${i}'s hits (${mean.toFixed(2)} ms)`,
      );
    } else {
      t.not(r.cycles[i].centerOffsetMs, prev.centerOffsetMs, `cycle ${i + 1}: a miss moves the centre`);
    }
  }
  t.ok(
    r.cycles.every((c) => Math.abs(c.centerOffsetMs) <= 10),
    'the centre stays within ±10 ms',
  );
  // The talk-sized run steers one scheduler by the aim variant's hits: the fixed app's batch goes where they say.
  for (const c of r.cycles) {
    const fixed = r.records
      .filter((x) => x.cycle === c.cycle && x.variant === 'fixed' && x.phase === 'aimed')
      .map((x) => x.offsetMs!);
    t.ok(
      Math.abs((Math.min(...fixed) + Math.max(...fixed)) / 2 - c.centerOffsetMs) < 0.01,
      `cycle ${c.cycle}: the fixed app's batch centred on the default's aim (${c.centerOffsetMs} ms)`,
    );
  }
  const hitCycles = r.cycles.filter((c) => c.count502.default > 0).length;
  t.ok(
    hitCycles > 0 && hitCycles < r.cycles.length,
    `both cases were exercised (${hitCycles} of ${r.cycles.length} cycles hit)`,
  );
});

t.test('without a 502, the engine goes on to --max-cycles, and says so', async (t) => {
  const lab = new SimulatedLab({ apps: DEFAULT_APPS, raceWindowMs: -1 });
  const { e, progress } = engine(lab, ['--cycles', '2', '--max-cycles', '5']);
  const r = await e.run();
  t.equal(r.cycles.length, 5);
  t.match(progress.join('\n'), /no 502 on default after 2 cycles yet: continuing up to 5/);
  t.match(progress.join('\n'), /cycle {2}5\/2\+ /, 'cycles past --cycles are marked');
});

t.test('an abort stops after the cycle under way and keeps what was measured', async (t) => {
  const lab = new SimulatedLab({ apps: DEFAULT_APPS });
  const controller = new AbortController();
  const { e } = engine(lab, ['--cycles', '10', '--max-cycles', '10'], {
    signal: controller.signal,
    progress: (l) => {
      if (/cycle +2\//.test(l)) controller.abort();
    },
  });
  const r = await e.run();
  t.equal(r.cycles.length, 2);
  t.ok(r.records.length > 0 && lab.closed);
});

t.test('a component that dies mid-run ends the run with its error; what ran is kept', async (t) => {
  const lab = new SimulatedLab({ apps: DEFAULT_APPS });
  let checks = 0;
  const died = new LabError("The container of 'app-default' stopped during the run (exited, exit code 137, killed).");
  const { e } = engine(lab, ['--cycles', '5', '--max-cycles', '8'], {
    checkStillRunning: async () => {
      if (++checks === 2) throw died;
    },
  });
  await t.rejects(e.run(), died);
  t.equal(e.result().cycles.length, 2, 'two cycles ran');
  t.ok(e.result().records.some((x) => x.cycle === 2));
  t.ok(lab.closed);
});

t.test('--full: one idle gap just under and one just over the LB timeout', async (t) => {
  const lab = new SimulatedLab({ apps: DEFAULT_APPS });
  const { e } = engine(lab, ['--full', '--cycles', '1', '--max-cycles', '1']);
  const r = await e.run();
  t.same(
    r.cycles.map((c) => [c.kind, c.intendedGapMs]),
    [
      ['aimed', CLOSE_DELAY_MS],
      ['long-gap', 59_000],
      ['long-gap', 61_000],
    ],
  );
  const long = r.records.filter((x) => x.phase === 'long-gap' && x.variant === 'fixed');
  t.ok(
    long.length === 2 * SAFE_VARIANT_SENDS_PER_CYCLE && long.every((x) => x.status === 200),
    'fixed answers after 59 s and 61 s idle',
  );
});

t.test('no variant closes: nothing to aim at', async (t) => {
  const lab = new SimulatedLab({ apps: DEFAULT_APPS });
  t.throws(
    () => engine(lab, undefined, { probedCloseMs: { default: null, fixed: null } }),
    /No variant closed its idle sockets/,
  );
});

t.test('matrix lanes: who goes where', async (t) => {
  const { splitLanes } = await import('../../harness/traffic/lanes.js');
  const { matrixScenario, cellsByName } = await import('../../harness/scenarios/matrix.js');
  const s = matrixScenario(
    cellsByName(['node24-standalone-default', 'node24-standalone-too-short', 'node24-standalone-article']),
  );
  const lanes = splitLanes(
    s.variants,
    { 'node24-standalone-default': 6_002, 'node24-standalone-too-short': 60_004, 'node24-standalone-article': 62_010 },
    60_000,
  );
  t.same(
    lanes.short.map((v) => v.name),
    ['node24-standalone-default'],
  );
  t.same(
    lanes.long.map((v) => v.name),
    ['node24-standalone-too-short', 'node24-standalone-article'],
  );
  const open = splitLanes(
    s.variants,
    { 'node24-standalone-default': 6_002, 'node24-standalone-too-short': null, 'node24-standalone-article': null },
    60_000,
  );
  t.same(open.long.length, 2, 'an app still open after the probe is driven at the LB');
});

t.test(
  'a long lane: each app aimed at its own boundary (its close, or the LB timeout when that comes first)',
  async (t) => {
    const { matrixScenario, cellsByName } = await import('../../harness/scenarios/matrix.js');
    const lbMs = 12_000;
    const scenario = matrixScenario(cellsByName(['node24-standalone-too-short', 'node24-standalone-article']), 'alb', {
      ...defaultScenario().lb,
      upstreamKeepaliveTimeoutMs: lbMs,
    });
    const [tooShort, article] = scenario.variants.map((v) => v.name);
    // The too-short app closes 5 ms before the LB would; the fixed one would close 2 s after it.
    const lab = new SimulatedLab({
      apps: { [tooShort]: { closeDelayMs: lbMs - 5 }, [article]: { closeDelayMs: lbMs + 2_000 } },
      lbIdleMs: lbMs,
    });
    const { e, progress } = engine(lab, ['--scenario', `${tooShort},${article}`, '--long-cycles', '3'], {
      scenario,
      lane: 'long',
      probedCloseMs: { [tooShort]: lbMs - 5, [article]: lbMs + 2_000 },
      makeIo: () => lab,
    });
    const startMs = lab.now();
    const r = await e.run();
    const laneMs = lab.now() - startMs;
    t.equal(r.cycles.length, 3, 'exactly --long-cycles');
    t.ok(r.cycles.every((c) => c.lane === 'long'));
    t.equal(r.boundaryMs[tooShort], lbMs - 5, 'the too-short app: aimed at its own close');
    t.ok(
      r.boundaryMs[article] === lbMs - 500 || r.boundaryMs[article] === lbMs - 200,
      `the fixed app: just before the LB's close (${r.boundaryMs[article]})`,
    );
    const aimed = (v: string) => r.records.filter((x) => x.variant === v && x.phase === 'aimed');
    t.equal(
      aimed(article).length,
      3 * scenario.lb.upstreamKeepaliveConnections,
      "every aimed request of the fixed app was sent: a pool's cache a cycle",
    );
    // Side by side: one idle gap for all three cycles, not three one after another.
    t.ok(laneMs < 2 * lbMs, `the 3 cycles took ${laneMs} ms (virtual), under two of the LB's ${lbMs} ms gaps`);
    for (const cycle of [1, 2, 3]) {
      const sends = lab.sends.filter((x) => x.requestId.startsWith(`c${cycle}-`));
      t.ok(
        sends.length > 0 && sends.every((x) => x.variant.pool === cycle),
        `cycle ${cycle}'s requests all name pool ${cycle}`,
      );
    }
    const firstBatch = Math.min(...lab.sends.filter((x) => x.requestId.includes('-aimed-')).map((x) => x.atMonoMs));
    // A pooled cycle's burst goes out on the connections its batch uses next, every response held to one instant.
    const bursts = lab.sends.filter((x) => x.requestId.includes('-burst-'));
    t.same(
      [...new Set(bursts.map((x) => x.requestId.split('-')[0]))].sort(),
      ['c1', 'c2', 'c3'],
      'each cycle sent a burst on prepared connections',
    );
    t.ok(
      bursts.every((x) => x.holdUntilAppMs !== undefined && x.holdUntilAppMs < firstBatch),
      "every cycle's burst went idle before the first batch went out: the cycles' idle gaps overlap",
    );
    for (const x of aimed(article)) {
      t.ok(
        x.idleGapMs! >= lbMs - 505 && x.idleGapMs! <= lbMs - 195,
        `${x.requestId} aimed before the LB's close (${x.idleGapMs})`,
      );
      t.ok(x.upstreamSocketRequest! > 1, `${x.requestId} reused an idle upstream connection`);
    }
    t.ok(
      aimed(tooShort).some((x) => x.status === 502),
      'the too-short app loses requests to the race',
    );
    t.equal(aimed(article).filter((x) => x.status === 502).length, 0, 'the fixed app none');
    t.ok(
      lab.events.get(article)!.closes.every((c) => c.closedBy === 'peer'),
      'only the LB ever closed a socket of the fixed app',
    );
    t.match(progress.join('\n'), /long cycle {2}1\/3 gap 12\.0 s/);
  },
);

t.test('LaneSet: a matrix runs a short and a long lane at once and merges what they measured', async (t) => {
  const { LaneSet } = await import('../../harness/traffic/lanes.js');
  const { matrixScenario, cellsByName } = await import('../../harness/scenarios/matrix.js');
  const lbMs = 12_000;
  const scenario = matrixScenario(cellsByName(['node24-standalone-default', 'node24-standalone-article']), 'alb', {
    ...defaultScenario().lb,
    upstreamKeepaliveTimeoutMs: lbMs,
  });
  const [def, art] = scenario.variants.map((v) => v.name);
  const make = () => {
    // Each lane has its own connections (here: its own simulated lab and clock).
    const labs = [
      new SimulatedLab({ apps: { [def]: { closeDelayMs: CLOSE_DELAY_MS } }, lbIdleMs: lbMs }),
      new SimulatedLab({ apps: { [art]: { closeDelayMs: lbMs + 2_000 } }, lbIdleMs: lbMs }),
    ];
    const apps = new Map([...labs[0].events, ...labs[1].events]);
    let next = 0;
    // The long lane's pooled cycles each ask for connections of their own: the long lane's lab serves them too.
    return { labs, apps, makeIo: () => labs[Math.min(next++, 1)] };
  };
  const base = (m: ReturnType<typeof make>, checkStillRunning?: () => Promise<void>) => ({
    scenario,
    options: parseLabArgs(['--scenario', `${def},${art}`, '--cycles', '2', '--max-cycles', '20', '--long-cycles', '2']),
    probedCloseMs: { [def]: CLOSE_DELAY_MS, [art]: lbMs + 2_000 },
    apps: m.apps,
    makeIo: m.makeIo,
    signal: new AbortController().signal,
    progress: () => {},
    checkStillRunning,
  });

  const m = make();
  const lanes = new LaneSet(base(m));
  t.same(
    lanes.engines.map((e) => e.lane),
    ['short', 'long'],
  );
  const r = await lanes.run();
  t.same(r.lanes, { [def]: 'short', [art]: 'long' });
  t.equal(r.boundaryMs[def], CLOSE_DELAY_MS);
  t.ok(r.boundaryMs[art] < lbMs, "the fixed app is aimed before the LB's close");
  t.ok(
    r.records.some((x) => x.variant === def && x.status === 502),
    'the short lane reproduces',
  );
  t.equal(r.records.filter((x) => x.variant === art && x.status === 502).length, 0, 'the long lane stays safe');
  t.equal(r.cycles.filter((c) => c.lane === 'long').length, 2);
  t.ok(
    m.labs.every((l) => l.closed),
    'each lane closed its own connections',
  );

  // A component dying mid-run ends both lanes; the run rejects with its error and keeps what was measured.
  const f = make();
  let checks = 0;
  const failing = new LaneSet(
    base(f, async () => {
      if (++checks === 2) throw new LabError('The container of app-x stopped during the run.');
    }),
  );
  await t.rejects(failing.run(), { message: /stopped during the run/ });
  t.ok(failing.result().records.length > 0, 'what was measured before is kept');
  t.ok(
    f.labs.every((l) => l.closed),
    'both lanes ended and closed their connections',
  );
});

t.test(
  'behind an LB that retries GET (Caddy), the short lane waits for enough GET boundary requests, not a GET failure',
  async (t) => {
    const { matrixScenario, cellsByName } = await import('../../harness/scenarios/matrix.js');
    const scenario = matrixScenario(cellsByName(['caddy-node24-standalone-default']));
    const name = scenario.variants[0].name;
    const run = async (minBoundary: string) => {
      const lab = new SimulatedLab({ apps: { [name]: { closeDelayMs: CLOSE_DELAY_MS } } });
      // The stopping rule's own unit: one GET boundary request per cell, below what the CLI accepts (the evidence
      // floor).
      const flags = ['--scenario', name, '--cycles', '2', '--max-cycles', '6'];
      const options = { ...parseLabArgs(flags), minBoundaryRequests: Number(minBoundary) };
      const { e, progress } = engine(lab, flags, { scenario, options, probedCloseMs: { [name]: CLOSE_DELAY_MS } });
      return { r: await e.run(), progress: progress.join('\n') };
    };
    const enough = await run('2');
    const firstPostFailure = enough.r.records.find((x) => x.method === 'POST' && x.status === 502)?.cycle;
    t.ok(firstPostFailure !== undefined, `a POST fails (cycle ${firstPostFailure})`);
    t.equal(
      enough.r.cycles.length,
      Math.max(2, firstPostFailure ?? 0),
      'one GET boundary request per cell: the lane stops at --cycles or the first POST failure',
    );
    t.notMatch(enough.progress, /GET \(boundary requests\)/, 'not for a GET failure, which Caddy would hide');
    const tooMany = await run('1000');
    t.equal(tooMany.r.cycles.length, 6, 'never enough GET boundary requests: on to --max-cycles');
    t.match(tooMany.progress, new RegExp(`${name} GET \\(boundary requests\\) after 2 cycles yet: continuing up to 6`));
  },
);

t.test(
  "behind HAProxy's http-reuse safe, the burst goes out on the connections the aimed requests use next",
  async (t) => {
    const { matrixScenario, cellsByName } = await import('../../harness/scenarios/matrix.js');
    const scenario = matrixScenario(cellsByName(['haproxy-node24-standalone-default', 'node24-standalone-default']));
    const [haproxy, nginx] = scenario.variants;
    const lab = new SimulatedLab({
      apps: { [haproxy.name]: { closeDelayMs: CLOSE_DELAY_MS }, [nginx.name]: { closeDelayMs: CLOSE_DELAY_MS } },
    });
    const bursts: string[] = [];
    const prepared: string[] = [];
    const io = Object.assign(Object.create(lab) as SimulatedLab, {
      burst: (s: Parameters<SimulatedLab['burst']>[0]) => (bursts.push(s.variant), lab.burst(s)),
      prepare: (v: (typeof scenario.variants)[number], n: number) => (prepared.push(`${v.name}:${n}`), lab.prepare()),
    });
    const probed = { [haproxy.name]: CLOSE_DELAY_MS, [nginx.name]: CLOSE_DELAY_MS };
    const { e } = engine(lab, ['--scenario', `${haproxy.name},${nginx.name}`, '--cycles', '1', '--max-cycles', '1'], {
      scenario,
      io,
      probedCloseMs: probed,
    });
    const r = await e.run();
    t.same(bursts, [nginx.name], 'autocannon bursts only the app behind nginx');
    const burst = r.records.filter((x) => x.variant === haproxy.name && x.phase === 'burst');
    t.equal(burst.length, 8, 'the HAProxy app still gets its burst of 8, one per prepared connection');
    t.same(
      burst.map((x) => x.method),
      ['POST', 'GET', 'POST', 'GET', 'POST', 'GET', 'POST', 'GET'],
      'methods alternate as in an autocannon burst',
    );
    t.ok(prepared.includes(`${haproxy.name}:8`), 'its 8 connections prepared for the burst');
  },
);

t.test(
  'npm run bench: after the first 502, aimed and naive cycles in pairs, the naive batch by the client clock alone',
  async (t) => {
    const lab = new SimulatedLab({
      apps: {
        default: { closeDelayMs: CLOSE_DELAY_MS, clockOffsetMs: 777 },
        fixed: { closeDelayMs: null, clockOffsetMs: 777 },
      },
    });
    const options = { ...parseLabArgs(['--cycles', '1', '--max-cycles', '8']), naivePairs: 3 };
    const { e, progress } = engine(lab, [], { options });
    const r = await e.run();
    const firstHit = r.cycles.findIndex((c) => c.count502.default > 0) + 1;
    t.ok(firstHit >= 1, `first 502 in cycle ${firstHit}`);
    const ab = r.cycles.slice(firstHit).map((c) => c.kind);
    t.same(
      ab,
      ['aimed', 'naive', 'naive', 'aimed', 'aimed', 'naive'],
      'three pairs after the first hit, the order swapped every pair',
    );
    t.ok(
      r.cycles.slice(0, firstHit).every((c) => c.kind === 'aimed'),
      'only aimed cycles until then',
    );
    const naive = r.cycles.filter((c) => c.kind === 'naive');
    t.same(
      naive.map((c) => c.centerOffsetMs),
      [0, 5, -5],
      'the sweep, one step per naive cycle',
    );
    const heldCycles = new Set(lab.holds.filter((h) => h.variant === 'default').map((h) => h.cycle));
    t.ok(
      naive.every((c) => !heldCycles.has(c.cycle)) &&
        r.cycles.filter((c) => c.kind === 'aimed').every((c) => heldCycles.has(c.cycle)),
      "the naive client's bursts are not held; the lab's are",
    );
    for (const c of naive) {
      t.equal(c.intendedGapMs, CLOSE_DELAY_MS + c.centerOffsetMs, "the probe's close delay + the step");
      const lastAnswer = Math.max(
        ...r.records
          .filter((x) => x.cycle === c.cycle && x.phase === 'burst' && x.variant === 'default')
          .map((x) => x.startMonoMs + x.latencyMs!),
      );
      const sends = lab.sends.filter((s) => s.requestId.startsWith(`c${c.cycle}-default-naive`));
      t.equal(sends.length, 8);
      t.ok(
        sends.every((s) => s.atMonoMs === lastAnswer + c.intendedGapMs),
        `cycle ${c.cycle}: all at once, ${c.intendedGapMs} ms after the burst's last answer (harness clock)`,
      );
    }
    t.ok(
      r.records.filter((x) => x.phase === 'naive').length === 3 * (8 + SAFE_VARIANT_SENDS_PER_CYCLE),
      'naive requests are their own phase, never boundary requests',
    );
    t.match(progress.join('\n'), /cycle +\d+ \(A\/B naive\) gap 6001\.0 ms/);
  },
);

t.test(
  "the first cycle already aims at the app's own account of its close (the probe's connection), not the probe's client-side timing",
  async (t) => {
    const lab = new SimulatedLab({ apps: DEFAULT_APPS });
    // The probe's connection, closed by the app's timer before any traffic: 6001 ms on the app's clock (its 'close'
    // event 7 ms later).
    lab.events.get('default')!.closes.push({
      lab: 'socket-closed',
      variant: 'default',
      pid: 1,
      socketId: 99,
      remote: 'probe',
      requests: 1,
      acceptedAtMonoMs: 0,
      lastResponseEndMonoMs: 500,
      closedAtMonoMs: 500 + CLOSE_DELAY_MS + 7,
      keepAliveTimerAtMonoMs: 500 + CLOSE_DELAY_MS,
      idleMs: CLOSE_DELAY_MS,
      closedBy: 'app',
      reason: 'keep-alive-timeout',
      keepAliveTimeoutMs: 5_000,
      headersTimeoutMs: 60_000,
    });
    // The probe, timing from the client through Docker's proxy, read 10 ms more.
    const { e } = engine(lab, ['--cycles', '1', '--max-cycles', '1'], {
      probedCloseMs: { default: CLOSE_DELAY_MS + 10, fixed: null },
    });
    const r = await e.run();
    t.equal(r.cycles[0].intendedGapMs, CLOSE_DELAY_MS, "cycle 1 aims at the app's 6001 ms");
    t.ok(r.cycles[0].count502.default > 0, 'and hits');
  },
);

t.test(
  "LB-boundary lane: a held burst fills the fixed app's own pool, and a batch reuses its connections idle just under the LB's timeout",
  async (t) => {
    const { LbBoundaryLane, LB_BOUNDARY_LEAD_MS, LB_BOUNDARY_SENDS } =
      await import('../../harness/traffic/lb-boundary-lane.js');
    const { lbBoundaryPoolOf, LB_BOUNDARY_PORT } = await import('../../harness/scenarios/scenarios.js');
    const scenario = defaultScenario();
    const lbMs = scenario.lb.upstreamKeepaliveTimeoutMs;
    const pool = lbBoundaryPoolOf(scenario.variants.find((v) => v.name === 'fixed')!)!;
    t.equal(pool.lbPort, LB_BOUNDARY_PORT, "through the pool's own LB port");
    t.equal(
      lbBoundaryPoolOf(scenario.variants.find((v) => v.name === 'default')!),
      null,
      "Node's defaults get no pool",
    );
    const lab = new SimulatedLab({
      apps: { fixed: { closeDelayMs: lbMs + 2_000, clockOffsetMs: 86_400_000.25 } },
      lbIdleMs: lbMs,
    });
    const progress: string[] = [];
    const cycles: unknown[] = [];
    const lane = new LbBoundaryLane({
      scenario,
      pool,
      methods: ['POST', 'GET'],
      app: lab.events.get('fixed')!,
      io: lab,
      signal: new AbortController().signal,
      progress: (l) => progress.push(l),
      onCycle: (c) => cycles.push(c),
    });
    const r = await lane.run();
    const batch = r.records.filter((x) => x.phase === 'long-gap');
    const burst = r.records.filter((x) => x.phase === 'burst');
    t.equal(burst.length, scenario.lb.upstreamKeepaliveConnections, 'a burst as large as the pool caches');
    t.equal(
      new Set(burst.map((x) => x.upstreamSocketId)).size,
      scenario.lb.upstreamKeepaliveConnections,
      'each on its own upstream connection',
    );
    t.equal(batch.length, LB_BOUNDARY_SENDS);
    t.ok(
      batch.every((x) => x.status === 200 && x.upstreamSocketRequest! >= 2),
      'every request reused a connection of the burst (one also carried the calibration)',
    );
    for (const x of batch)
      t.ok(
        Math.abs(x.achievedIdleMs! - (lbMs - LB_BOUNDARY_LEAD_MS)) <= 3,
        `${x.requestId}: idle ${x.achievedIdleMs} ms on the app's clock`,
      );
    t.ok(
      batch.every((x) => x.idleGapMs! < lbMs),
      "aimed under the LB's timeout",
    );
    t.ok(
      r.records.every((x) => x.requestId.startsWith(`c${x.cycle}-fixed-lb-pool-`)),
      "ids of its own, apart from the short lane's",
    );
    t.equal(new Set(r.records.map((x) => x.requestId)).size, r.records.length, 'no id twice');
    t.match(r.cycles, [
      {
        cycle: 1,
        lane: 'long',
        kind: 'long-gap',
        intendedGapMs: lbMs - LB_BOUNDARY_LEAD_MS,
        count502: { fixed: 0 },
        sendsPerVariant: LB_BOUNDARY_SENDS,
      },
    ]);
    t.same(cycles, r.cycles, 'its cycle reported as it ended');
    t.ok(lab.closed, 'its connections closed');
    t.match(
      progress.join('\n'),
      /LB boundary: fixed 0 failed \/ 30 req at the LB's 60 s \(30 reused connections idle 59\.50 s\)/,
    );

    // A fix that falls short: the app closes an idle connection as the batch arrives at the LB's boundary.
    const short = new SimulatedLab({
      apps: { fixed: { closeDelayMs: lbMs - LB_BOUNDARY_LEAD_MS + 0.5 } },
      lbIdleMs: lbMs,
    });
    const failing = await new LbBoundaryLane({
      scenario,
      pool,
      methods: ['POST', 'GET'],
      app: short.events.get('fixed')!,
      io: short,
      signal: new AbortController().signal,
      progress: () => {},
    }).run();
    t.ok(
      failing.records.some((x) => x.phase === 'long-gap' && x.status === 502),
      'the race at the LB boundary: a 502',
    );
    t.ok(failing.cycles[0].count502.fixed >= 1);

    // An interrupt during the long gap ends the lane at once, with what it sent.
    const stop = new AbortController();
    const slow = new SimulatedLab({ apps: { fixed: { closeDelayMs: null } }, lbIdleMs: lbMs });
    const sleep = slow.sleep;
    slow.sleep = async (ms, signal) => {
      if (ms > 1_000) stop.abort();
      return sleep(ms, signal);
    };
    const interrupted = await new LbBoundaryLane({
      scenario,
      pool,
      methods: ['POST'],
      app: slow.events.get('fixed')!,
      io: slow,
      signal: stop.signal,
      progress: () => {},
    }).run();
    t.equal(interrupted.cycles.length, 0, 'no cycle recorded');
    t.equal(interrupted.records.filter((x) => x.phase === 'long-gap').length, 0, 'no batch sent');
    t.ok(slow.closed);
  },
);

t.test(
  'LaneSet: the talk-sized run gets the LB-boundary lane beside its short lane when its cycles leave room, and says so when not',
  async (t) => {
    const { LaneSet, lbBoundaryFits } = await import('../../harness/traffic/lanes.js');
    const { classicVariants } = await import('../../harness/scenarios/scenarios.js');
    const lbMs = 12_000;
    const lb = { ...defaultScenario().lb, upstreamKeepaliveTimeoutMs: lbMs };
    const scenario = defaultScenario({ lb, variants: classicVariants('standalone', lb) });
    const probedCloseMs = { default: 1_001, fixed: null };
    const make = (flags: string[]) => {
      const labs = [
        new SimulatedLab({
          apps: { default: { closeDelayMs: 1_001 }, fixed: { closeDelayMs: lbMs + 1_000 } },
          lbIdleMs: lbMs,
        }),
      ];
      const progress: string[] = [];
      const lanes = new LaneSet({
        scenario,
        options: parseLabArgs(flags),
        probedCloseMs,
        apps: labs[0].events,
        // The LB-boundary lane's own connections: its own simulated pool, the same app's events.
        makeIo: () =>
          labs.length === 1
            ? (labs.push(new SimulatedLab({ apps: { fixed: { closeDelayMs: lbMs + 1_000 } }, lbIdleMs: lbMs })),
              labs[0])
            : labs[1],
        signal: new AbortController().signal,
        progress: (l) => progress.push(l),
      });
      return { lanes, labs, progress };
    };
    t.notOk(lbBoundaryFits(scenario, { cycles: 3 }, probedCloseMs), '3 cycles of 2.5 s end before a 12 s gap');
    t.ok(lbBoundaryFits(scenario, { cycles: 6 }, probedCloseMs), '6 cycles of 2.5 s leave room for it');
    t.notOk(
      lbBoundaryFits({ ...scenario, kind: 'matrix' }, { cycles: 60 }, probedCloseMs),
      'a matrix tests fixes at the LB in its long lane',
    );

    const few = make(['--cycles', '3', '--max-cycles', '3']);
    t.equal(few.lanes.lbBoundaryLanes.length, 0);
    t.match(
      few.progress.join('\n'),
      /LB boundary: not tested in this run \(3 short cycles end before an idle gap of the LB's 12 s would/,
    );

    const enough = make(['--cycles', '6', '--max-cycles', '6']);
    t.equal(enough.lanes.lbBoundaryLanes.length, 1);
    const r = await enough.lanes.run();
    t.same(r.lanes, { default: 'short', fixed: 'short' }, "the fixed app's lane stays the short one");
    t.equal(r.boundaryMs.fixed, 1_001, "and its boundary, default's close");
    t.equal(r.cycles.filter((c) => c.lane === 'short').length, 6);
    t.match(
      r.cycles.filter((c) => c.lane === 'long'),
      [{ kind: 'long-gap', intendedGapMs: 11_500 }],
    );
    const atLb = r.records.filter((x) => x.phase === 'long-gap');
    t.equal(atLb.length, 30);
    // (Each simulated lane has its own app events here, so the idle time measured on the app is the lane test's above.)
    t.ok(
      atLb.every((x) => x.variant === 'fixed' && x.upstreamSocketRequest! >= 2 && x.idleGapMs === 11_500),
      "the fixed app's connections, reused after an 11.5 s gap",
    );
    t.equal(
      new Set(r.records.map((x) => x.requestId)).size,
      r.records.length,
      'every request id once across the lanes',
    );
    t.ok(enough.labs.every((l) => l.closed));
  },
);

t.test('a pooled long lane: waves, a failing cycle, an interrupt in the gap', async (t) => {
  const { matrixScenario, cellsByName } = await import('../../harness/scenarios/matrix.js');
  const { withLongPools } = await import('../../harness/scenarios/scenarios.js');
  const { longLaneMs, longPoolStaggerMs } = await import('../../harness/traffic/engine.js');
  const lbMs = 12_000;
  const base = matrixScenario(cellsByName(['node24-standalone-article']), 'alb', {
    ...defaultScenario().lb,
    upstreamKeepaliveTimeoutMs: lbMs,
  });
  // Two pools: five cycles run as waves of 2, 2 and 1.
  const scenario = { ...base, variants: base.variants.map((v) => withLongPools(v, 2)) };
  const [article] = scenario.variants.map((v) => v.name);
  const labOf = () => new SimulatedLab({ apps: { [article]: { closeDelayMs: lbMs + 2_000 } }, lbIdleMs: lbMs });
  const run = (lab: SimulatedLab, over: Partial<EngineInput> = {}) =>
    engine(lab, ['--scenario', article, '--long-cycles', '5'], {
      scenario,
      lane: 'long',
      probedCloseMs: { [article]: lbMs + 2_000 },
      makeIo: () => lab,
      ...over,
    });

  const lab = labOf();
  const { e, progress } = run(lab);
  const startMs = lab.now();
  const r = await e.run();
  const laneMs = lab.now() - startMs;
  t.same(
    r.cycles.map((c) => c.cycle),
    [1, 2, 3, 4, 5],
    'every cycle, in order',
  );
  t.ok(laneMs > 3 * lbMs && laneMs < 4 * lbMs, `three waves, an idle gap each (${laneMs} ms)`);
  const pools = new Set(
    lab.sends
      .filter((x) => !x.requestId.startsWith('c0-'))
      .map((x) => `${x.requestId.split('-')[0]}:${x.variant.pool}`),
  );
  t.same([...pools].sort(), ['c1:1', 'c2:2', 'c3:1', 'c4:2', 'c5:1'], 'each wave reuses the pools, one cycle each');
  t.match(progress.join('\n'), /5 cycles side by side, each through pools of its own \(2 per app, in 3 waves\)/);
  t.ok(
    Math.abs(longLaneMs(scenario.variants, 5, lbMs) - (3 * (lbMs + 1_500) + 5 * longPoolStaggerMs(1))) < 1,
    "the lab's estimate: three gaps, and each cycle's stagger once",
  );

  // A component dies once cycle 1 has ended: its wave stops, the run rejects, and no cycle without a batch is kept.
  const failing = labOf();
  let checks = 0;
  const f = run(failing, {
    checkStillRunning: async () => {
      checks += 1;
      throw new Error('nginx stopped');
    },
  });
  await t.rejects(f.e.run(), /nginx stopped/);
  const kept = f.e.result().cycles;
  t.same(
    kept.map((c) => c.cycle),
    [1],
    'only the cycle that sent its batch is an aimed cycle',
  );
  t.equal(checks, 1, 'the other cycle of the wave stopped before its batch');

  // Interrupted in the idle gap: no cycle sent its batch, none is counted.
  const stopped = labOf();
  const controller = new AbortController();
  const sleep = stopped.sleep;
  stopped.sleep = (ms, signal) => {
    // The first step of the long sleep before the batches (LONG_SLEEP_STEP_MS, 5 s).
    if (ms >= 4_000) controller.abort();
    return sleep(ms, signal);
  };
  const i = run(stopped, { signal: controller.signal });
  const ri = await i.e.run();
  t.same(ri.cycles, [], 'an interrupt in the gap leaves no empty aimed cycle');
  t.ok(
    ri.records.every((x) => x.phase !== 'aimed'),
    'and no aimed request',
  );
});
