// npm run bench's figures from a run's files (harness/bench/metrics.ts): the
// A/B after the first 502, the yield of hitting cycles, the cross-checks, and
// the spread over runs.
import t from 'tap';
import { benchResult, benchRun } from '../../harness/bench/metrics.js';
import { spreadOf } from '../../harness/model/stats.js';
import { benchMarkdown } from '../../harness/bench/report.js';
import type { CycleRecord, Summary } from '../../harness/results/schema.js';
import type { RequestRecord } from '../../harness/records/request-records.js';

const C = 8;

function cycle(n: number, kind: CycleRecord['kind'], hits: number): CycleRecord {
  return {
    cycle: n,
    lane: 'short',
    kind,
    aimVariant: 'default',
    closeDelayMs: 6001,
    centerOffsetMs: 0,
    intendedGapMs: 6001,
    achievedGapMs: {},
    oneWayLatencyMs: {},
    boundaryMs: {},
    sendsPerVariant: C,
    count502: { default: hits, fixed: 0 },
  };
}

function requests(cycles: CycleRecord[]): RequestRecord[] {
  return cycles.flatMap((c) =>
    Array.from({ length: C }, (_, i): RequestRecord => ({
      requestId: `c${c.cycle}-default-${c.kind}-${i}`,
      variant: 'default',
      method: 'POST',
      cycle: c.cycle,
      phase: c.kind === 'naive' ? 'naive' : 'aimed',
      idleGapMs: 6001,
      offsetMs: 0,
      startMonoMs: c.cycle * 6_300 + i,
      latencyMs: 2,
      status: i < c.count502.default ? 502 : 200,
      error: null,
      upstreamSocketId: null,
      upstreamSocketRequest: null,
      appStartMonoMs: null,
      achievedIdleMs: null,
    })),
  );
}

function summary(cycles: CycleRecord[], over: Partial<Summary> = {}): Summary {
  const firstHit = cycles.find((c) => c.count502.default > 0);
  return {
    runId: 'r1',
    complete: true,
    failure: null,
    interrupted: false,
    wallTimeMs: 95_000,
    aimVariant: 'default',
    runtime: 'docker',
    versions: { nginx: '1.22.1' },
    schedule: {
      closeDelayMs: 6001,
      oneWayLatencyMs: {},
      appClocks: {
        default: { offsetMs: 5000.5, uncertaintyMs: 1.2, sendToAppMs: 5001.5, samples: 40, consistent: true },
      },
      injectedAppClockOffsetMs: 5000,
      cycles,
    },
    cells: [
      {
        variant: 'default',
        firstHit: firstHit ? { cycle: firstHit.cycle, afterTrafficStartMs: 6_200 * firstHit.cycle } : null,
      },
    ],
    variants: {
      default: { name: 'default', requests: { boundary: 48 } },
      fixed: { name: 'fixed', requests: { boundary: 150 } },
    },
    nginx: { errorLog: {}, mismatches: [] },
    ...over,
  } as unknown as Summary;
}

t.test('one run: first hit, the A/B after it, hitting cycles, cross-checks', async (t) => {
  // Cycle 1 misses, cycle 2 hits; then pairs: aimed 4 hits, naive 0; naive 1, aimed 2.
  const cycles = [
    cycle(1, 'aimed', 0),
    cycle(2, 'aimed', 2),
    cycle(3, 'aimed', 4),
    cycle(4, 'naive', 0),
    cycle(5, 'naive', 1),
    cycle(6, 'aimed', 2),
  ];
  const r = benchRun(
    1,
    '/tmp/r1',
    summary(cycles),
    requests(cycles),
    'upstream prematurely closed connection\n'.repeat(0),
  );
  t.equal(r.firstHitCycle, 2, 'the number of the cycle that brought the first 502');
  t.equal(r.timeToFirst502Ms, 12_400);
  t.same(
    [r.ab.aimed.count502, r.ab.aimed.requests, r.ab.aimed.cycles, r.ab.aimed.hittingCycles],
    [6, 16, 2, 2],
    'A/B aimed: cycles 3 and 6',
  );
  t.same([r.ab.naive.count502, r.ab.naive.requests, r.ab.naive.hittingCycles], [1, 16, 1], 'A/B naive: cycles 4 and 5');
  t.equal(r.aimedOverNaive, 6, '6/16 ÷ 1/16');
  t.ok(r.aimedOverNaiveAtLeast! < 6, "against the naive rate's upper bound, less");
  t.equal(
    r.hitCycleYield,
    Math.round(((2 + 4 + 2) / 3 / C) * 1000) / 1000,
    'mean of 502s ÷ C over the hitting aimed cycles',
  );
  t.same([r.aimedRate.failures, r.aimedRate.trials], [8, 32], 'every aimed cycle');
  t.equal(r.appClockOffsetMs, 5000.5);
  t.equal(r.injectedAppClockOffsetMs, 5000);
  t.equal(r.checks.count502, 9);
  t.equal(r.checks.raceLinesCoverFailures, false, 'no race line for 9 × 502: disagree');
  t.equal(r.checks.harnessEqualsAccessLog, true);
});

t.test('a run whose naive side never hit: the ratio only as a lower bound; mismatched logs disagree', async (t) => {
  const cycles = [cycle(1, 'aimed', 3), cycle(2, 'aimed', 3), cycle(3, 'naive', 0)];
  const log =
    '2026/11/28 03:00:00 [error] 7#7: *5 upstream prematurely closed connection while reading response header from upstream, client: 172.18.0.1, server: , request: "POST /api/echo HTTP/1.1", upstream: "http://172.18.0.3:3000/api/echo", host: "127.0.0.1:8401"\n'.repeat(
      6,
    );
  const s = summary(cycles, {
    nginx: {
      errorLog: { prematurelyClosed: 6, connectionReset: 0, brokenPipe: 0, other: 0 },
      mismatches: [
        { variant: 'default', harness502: 6, accessLog502: 5, missingInAccessLog: ['x'], missingInHarness: [] },
      ],
    },
  });
  const r = benchRun(1, '/tmp/r', s, requests(cycles), log);
  t.equal(r.aimedOverNaive, null);
  t.ok(r.aimedOverNaiveAtLeast! > 0);
  t.equal(r.checks.raceLines, 6);
  t.equal(r.checks.raceLinesCoverFailures, true);
  t.equal(r.checks.harnessEqualsAccessLog, false);

  const result = benchResult(
    {
      benchId: 'b',
      startedAt: 'x',
      finishedAt: 'y',
      runtime: 'docker',
      cpuLoad: 1,
      loadAverage: { start: [1.5, 2.25, 3], end: [4, 5, 6] },
      sendingNice: -10,
      injectedAppClockOffsetMs: 0,
      versions: {},
    },
    [r, { ...r, run: 2, wallMs: 80_000 }],
  );
  t.equal(result.checksAgree, false);
  t.same(result.wallMs, { cold: 95_000, warm: { min: 80_000, median: 80_000, max: 80_000 } });
  t.equal(result.pooled.aimedOverNaive, null, 'no naive 502 in any run');
  t.same([result.pooled.aimedRate.failures, result.pooled.aimedRate.trials], [12, 32], "both runs' aimed requests");
  t.same(result.firstHitCycles, [{ cycle: 1, runs: 2 }]);
  t.match(
    benchMarkdown(result),
    /extra CPU load: 1 busy process\(es\); load average 1\.50 2\.25 3\.00 → 4\.00 5\.00 6\.00; sending thread's nice -10\./,
  );
  t.match(benchMarkdown(result), /- first 502 by cycle: cycle 1 in 2 of 2\n/);
  t.match(benchMarkdown(result), /DISAGREE/);
  t.match(
    benchMarkdown(result),
    /\| time to first 502 \(from traffic start\) \| 6\.2 s \| 6\.2 s \| 6\.2 s \| median ≤ 7 s \|/,
  );
});

t.test('spreadOf: min/median/max of the known values', async (t) => {
  t.same(spreadOf([3, null, 1, 2]), { min: 1, median: 2, max: 3 });
  t.equal(spreadOf([null]), null);
});

t.test("what an A/B proves at least: aimed's 95 % lower bound ÷ naive's 95 % upper bound", async (t) => {
  const { aimedOverNaiveAtLeastOf } = await import('../../harness/bench/metrics.js');
  const { proportion } = await import('../../harness/model/stats.js');
  // By hand (z = 1.95996): Wilson's interval of 124/200 starts at 0.55107; of 1/200 it ends at 0.027774. 19.84×.
  t.ok(Math.abs(aimedOverNaiveAtLeastOf(proportion(124, 200), proportion(1, 200))! - 19.84) < 0.01);
  // No naive 502 still bounds it: 0/200's exact one-sided bound is 1 − 0.05^(1/200) = 0.014867; 0.55107 ÷ it = 37.07.
  t.ok(Math.abs(aimedOverNaiveAtLeastOf(proportion(124, 200), proportion(0, 200))! - 37.07) < 0.01);
  t.equal(aimedOverNaiveAtLeastOf(proportion(0, 0), proportion(0, 200)), null, 'no aimed request, no answer');
});

t.test('the first-hit cycles over runs: counted per cycle, the runs without a 502 last, and in words', async (t) => {
  const { firstHitCyclesOf } = await import('../../harness/bench/metrics.js');
  const { firstHitCyclesText, pooledRateText } = await import('../../harness/bench/report.js');
  const { proportion } = await import('../../harness/model/stats.js');
  const counts = firstHitCyclesOf([2, 1, null, 1, 1, 3, 1]);
  t.same(counts, [
    { cycle: 1, runs: 4 },
    { cycle: 2, runs: 1 },
    { cycle: 3, runs: 1 },
    { cycle: null, runs: 1 },
  ]);
  t.equal(firstHitCyclesText(counts, 7), 'cycle 1 in 4 of 7; 2: 1; 3: 1; no 502: 1');
  t.equal(firstHitCyclesText(firstHitCyclesOf([2, 2]), 2), 'cycle 1 in 0 of 2; 2: 2');
  // By hand: Wilson's 95 % interval of 86/200 is 0.36334 … 0.49930.
  t.equal(pooledRateText(proportion(86, 200)), '86/200 = 43.0 % (36.3–49.9 %)');
});

t.test("a v2 bench file is read as v3: cpuLoad, each run's firstHitCycle, the pooled aimed rate", async (t) => {
  const { readBenchResult } = await import('../../harness/bench/metrics.js');
  const { proportion } = await import('../../harness/model/stats.js');
  const run = (n: number, cyclesToFirstHit: number | null, failures: number) => ({
    run: n,
    cyclesToFirstHit,
    aimedRate: proportion(failures, 40),
  });
  const v2 = {
    schemaVersion: 2,
    cpuLoadProcesses: 1,
    cyclesToFirstHit: { min: 1, median: 2, max: 3 },
    runs: [run(1, 1, 9), run(2, 3, 0), run(3, null, 0)],
    pooled: {
      aimed: proportion(124, 200),
      naive: proportion(1, 200),
      aimedOverNaive: 124,
      aimedOverNaiveAtLeast: 19.84,
    },
  };
  const read = readBenchResult(v2, 'bench-x.json');
  t.equal(read.schemaVersion, 3);
  t.equal(read.cpuLoad, 1);
  t.notOk('cpuLoadProcesses' in read, 'the old name is gone');
  t.same(
    read.runs.map((r) => r.firstHitCycle),
    [1, 3, null],
  );
  t.notOk('cyclesToFirstHit' in read.runs[0], "a run's old name is gone");
  t.same(read.firstHitCycle, { min: 1, median: 2, max: 3 });
  t.same(read.firstHitCycles, [
    { cycle: 1, runs: 1 },
    { cycle: 3, runs: 1 },
    { cycle: null, runs: 1 },
  ]);
  t.same([read.pooled.aimedRate.failures, read.pooled.aimedRate.trials], [9, 120]);
  t.equal(read.pooled.aimedOverNaiveAtLeast, 19.84, 'kept as v2 wrote it');
  t.equal(read.loadAverage, null, 'none was kept');
  t.equal(read.sendingNice, null, 'nor the sending nice');
  t.equal(readBenchResult({ ...read }, 'bench-y.json').cpuLoad, 1, 'a v3 file is read as it is');
  const { sendingNice: _, ...firstV3 } = read;
  t.equal(readBenchResult(firstV3, 'bench-z.json').sendingNice, null, 'a v3 file written before it was recorded');
});

t.test('a v1 bench file is read with the bound v2 stores; another kind of file is refused', async (t) => {
  const { readBenchResult } = await import('../../harness/bench/metrics.js');
  const { proportion } = await import('../../harness/model/stats.js');
  const v1 = {
    schemaVersion: 1,
    runs: [],
    pooled: { aimed: proportion(124, 200), naive: proportion(1, 200), aimedOverNaive: 124 },
  };
  const read = readBenchResult(v1, 'bench-x.json');
  t.equal(read.schemaVersion, 3);
  t.ok(Math.abs(read.pooled.aimedOverNaiveAtLeast! - 19.84) < 0.01, 'derived by the rule v2 writes it with');
  t.throws(
    () => readBenchResult({ schemaVersion: 8, runs: [] }, 'summary.json'),
    /summary\.json is not a bench result/,
  );
});
