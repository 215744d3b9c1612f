// What one bench run measured, from the files the lab wrote (summary.json,
// requests.ndjson, nginx's error log), and the spread over runs. Pure.
//
// A bench run is a talk-sized lab run that stops at its first 502 and then runs
// pairs of one aimed and one naive cycle (traffic/naive-cycles.ts): the A/B
// compares the lab's aiming with a client-side sweep on the same stack, at the
// same time, on the same variant.
import { raceLogLines } from '../lb/nginx-log.js';
import { proportion, spreadOf, type Proportion, type Spread } from '../model/stats.js';
import { roundMs } from '../model/clock.js';
import type { CycleRecord, Summary } from '../results/schema.js';
import type { RequestRecord } from '../records/request-records.js';

/**
 * bench-<id>.json's version: 2 added `pooled.aimedOverNaiveAtLeast`; 3 renamed `cpuLoadProcesses` to `cpuLoad` and each
 * run's `cyclesToFirstHit` to `firstHitCycle`, and added `firstHitCycles`, `pooled.aimedRate`, `loadAverage` and
 * `sendingNice`
 * (readBenchResult upgrades 1 and 2).
 */
export const BENCH_SCHEMA_VERSION = 3;

/** One side of the A/B: the aim variant's requests in those cycles. */
export interface AbSide {
  cycles: number;
  hittingCycles: number;
  requests: number;
  count502: number;
  /** 502s per request, with its 95 % interval. */
  rate: Proportion;
}

export interface BenchRun {
  run: number;
  runId: string;
  runDir: string;
  complete: boolean;
  /** Why the run ended early; null for a complete one. */
  failure: string | null;
  /** The test-only shift of the apps' clocks; 0 in real use. */
  injectedAppClockOffsetMs: number;
  /** The aim variant's app clock − the harness's, as the lab estimated it. */
  appClockOffsetMs: number | null;
  appClockUncertaintyMs: number | null;
  /** From the first traffic request to the first 502; null without one. */
  timeToFirst502Ms: number | null;
  /** The number of the aimed cycle that brought the first 502 (1: the first cycle hit); null without one. */
  firstHitCycle: number | null;
  /** Every aimed cycle of the aim variant: 502s per aimed request. */
  aimedRate: Proportion;
  /** Per hitting aimed cycle, its 502s ÷ its sends (C); the mean over those cycles. */
  hitCycleYield: number | null;
  /** The A/B after the first 502. */
  ab: { aimed: AbSide; naive: AbSide };
  /** The A/B's aimed 502 rate ÷ its naive rate; null when the naive side had no 502 (see aimedOverNaiveAtLeast). */
  aimedOverNaive: number | null;
  /**
   * The aimed rate ÷ the naive rate's 95 % upper bound: what the run proves at least, defined even without a naive 502.
   */
  aimedOverNaiveAtLeast: number | null;
  /**
   * Boundary requests of the variants that must stay safe, per minute of the lab's own cycles (the naive ones left
   * out).
   */
  boundaryPerMinute: number | null;
  wallMs: number;
  /** Cross-checks that must agree exactly. */
  checks: {
    /** Every 502 the harness counted is in the LB's access log, and no other. */
    harnessEqualsAccessLog: boolean;
    /** nginx logged a race line (upstream closed or reset) for every 502, at least. */
    raceLinesCoverFailures: boolean;
    count502: number;
    raceLines: number;
  };
}

const aimVariantCycles = (summary: Summary) => summary.schedule.cycles.filter((c) => summary.aimVariant in c.count502);

/**
 * The aim variant's 502s among a cycle's aimed or naive requests (a cycle's count502 would take its burst's in too).
 */
function batch502(summary: Summary, records: readonly RequestRecord[], c: CycleRecord): number {
  return records.filter(
    (r) => r.variant === summary.aimVariant && r.cycle === c.cycle && r.phase === c.kind && r.status === 502,
  ).length;
}

function side(
  summary: Summary,
  records: readonly RequestRecord[],
  cycles: readonly CycleRecord[],
  phase: 'aimed' | 'naive',
): AbSide {
  const numbers = new Set(cycles.map((c) => c.cycle));
  const sent = records.filter((r) => r.variant === summary.aimVariant && r.phase === phase && numbers.has(r.cycle));
  const count502 = sent.filter((r) => r.status === 502).length;
  return {
    cycles: cycles.length,
    hittingCycles: cycles.filter((c) => batch502(summary, records, c) > 0).length,
    requests: sent.length,
    count502,
    rate: proportion(count502, sent.length),
  };
}

/** The A/B after the first 502: the aimed and the naive cycles that followed it. */
function abOf(
  summary: Summary,
  records: readonly RequestRecord[],
  afterFirstHit: readonly CycleRecord[],
): BenchRun['ab'] {
  return {
    aimed: side(
      summary,
      records,
      afterFirstHit.filter((c) => c.kind === 'aimed'),
      'aimed',
    ),
    naive: side(
      summary,
      records,
      afterFirstHit.filter((c) => c.kind === 'naive'),
      'naive',
    ),
  };
}

/**
 * Boundary requests of the variants that must stay safe, per minute of the lab's own cycles (the naive ones' share of
 * the traffic's time left out); null without the traffic to time.
 */
function boundaryPerMinuteOf(
  summary: Summary,
  records: readonly RequestRecord[],
  cycles: readonly CycleRecord[],
): number | null {
  const traffic = records.map((r) => r.startMonoMs);
  const ownShare = cycles.length === 0 ? 0 : cycles.filter((c) => c.kind !== 'naive').length / cycles.length;
  const trafficMinutes = traffic.length < 2 ? 0 : ((Math.max(...traffic) - Math.min(...traffic)) / 60_000) * ownShare;
  const others = Object.values(summary.variants).filter((v) => v.name !== summary.aimVariant);
  const boundary = others.reduce((n, v) => n + v.requests.boundary, 0);
  return trafficMinutes > 0 ? Math.round(boundary / trafficMinutes) : null;
}

/** The cross-checks that must agree exactly: the access log, and nginx's race lines against the 502s. */
function checksOf(summary: Summary, records: readonly RequestRecord[], errorLogText: string): BenchRun['checks'] {
  const count502 = records.filter((r) => r.status === 502).length;
  const raceLines = raceLogLines(errorLogText).length;
  return {
    harnessEqualsAccessLog: summary.nginx.mismatches.length === 0,
    raceLinesCoverFailures: raceLines >= count502,
    count502,
    raceLines,
  };
}

/** Why the run ended early, in a line; null for a complete one. */
function failureOf(summary: Summary): string | null {
  if (summary.failure) return `${summary.failure.phase}: ${summary.failure.message}`;
  return summary.interrupted ? 'interrupted' : null;
}

/** How fast the lab reached its first 502, how hard it hit, and how it compared with the naive sweep. */
export function benchRun(
  run: number,
  runDir: string,
  summary: Summary,
  records: readonly RequestRecord[],
  errorLogText: string,
): BenchRun {
  const aim = summary.aimVariant;
  const cycles = aimVariantCycles(summary);
  const aimedCycles = cycles.filter((c) => c.kind === 'aimed');
  const firstHitIndex = cycles.findIndex((c) => c.count502[aim] > 0);
  const ab = abOf(summary, records, firstHitIndex < 0 ? [] : cycles.slice(firstHitIndex + 1));
  const yields = aimedCycles.map((c) => batch502(summary, records, c) / c.sendsPerVariant).filter((y) => y > 0);
  const firstHits = summary.cells.flatMap((c) =>
    c.variant === aim && c.firstHit !== null ? [c.firstHit.afterTrafficStartMs] : [],
  );
  const aimedRecords = records.filter((r) => r.variant === aim && r.phase === 'aimed');
  const clock = summary.schedule.appClocks[aim] ?? null;
  return {
    run,
    runId: summary.runId,
    runDir,
    complete: summary.complete,
    failure: failureOf(summary),
    injectedAppClockOffsetMs: summary.schedule.injectedAppClockOffsetMs,
    appClockOffsetMs: clock?.offsetMs ?? null,
    appClockUncertaintyMs: clock?.uncertaintyMs ?? null,
    timeToFirst502Ms: firstHits.length > 0 ? Math.min(...firstHits) : null,
    firstHitCycle: firstHitIndex < 0 ? null : cycles[firstHitIndex].cycle,
    aimedRate: proportion(aimedRecords.filter((r) => r.status === 502).length, aimedRecords.length),
    hitCycleYield: yields.length > 0 ? roundMs(yields.reduce((a, b) => a + b, 0) / yields.length) : null,
    ab,
    aimedOverNaive:
      ab.naive.count502 > 0 && ab.aimed.requests > 0 ? roundMs(ab.aimed.rate.rate / ab.naive.rate.rate) : null,
    aimedOverNaiveAtLeast: aimedOverNaiveAtLeastOf(ab.aimed.rate, ab.naive.rate),
    boundaryPerMinute: boundaryPerMinuteOf(summary, records, cycles),
    wallMs: summary.wallTimeMs,
    checks: checksOf(summary, records, errorLogText),
  };
}

/** Runs whose first 502 came in one cycle (null: no 502 at all). */
export interface FirstHitCycleCount {
  cycle: number | null;
  runs: number;
}

/** How many runs first hit in each cycle: ascending by cycle, the runs without a hit last. */
export function firstHitCyclesOf(firstHitCycles: ReadonlyArray<number | null>): FirstHitCycleCount[] {
  const cycles = [...new Set(firstHitCycles)].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  return cycles.map((cycle) => ({ cycle, runs: firstHitCycles.filter((c) => c === cycle).length }));
}

export interface BenchResult {
  schemaVersion: typeof BENCH_SCHEMA_VERSION;
  benchId: string;
  startedAt: string;
  finishedAt: string;
  runtime: string;
  /** Extra CPU load while the runs ran: busy processes beside the lab (--cpu-load). */
  cpuLoad: number;
  /** The machine's load averages (1, 5, 15 min) when the bench started and when it last wrote; null before v3. */
  loadAverage: { start: number[]; end: number[] } | null;
  /**
   * The nice value the harness's sending thread ran at (fireAt asks for −10, granted to root or CAP_SYS_NICE): it moves
   * how late a batch goes out on a busy machine. Null when not recorded (before v3 and the first v3 files).
   */
  sendingNice: number | null;
  injectedAppClockOffsetMs: number;
  versions: Record<string, string>;
  runs: BenchRun[];
  timeToFirst502Ms: Spread | null;
  firstHitCycle: Spread | null;
  /** How many runs first hit in each cycle, by cycle (ascending), the runs without a 502 last (cycle null). */
  firstHitCycles: FirstHitCycleCount[];
  /** 502s ÷ C in hitting aimed cycles. */
  hitCycleYield: Spread | null;
  aimedRate: Spread | null;
  aimedOverNaive: Spread | null;
  aimedOverNaiveAtLeast: Spread | null;
  /** Every run's A/B pooled: aimed 502s per request ÷ naive 502s per request, and what that proves at least. */
  pooled: {
    aimed: Proportion;
    naive: Proportion;
    aimedOverNaive: number | null;
    aimedOverNaiveAtLeast: number | null;
    /** Every run's aimed requests (its first cycles and its A/B's aimed side): 502s per aimed request. */
    aimedRate: Proportion;
  };
  boundaryPerMinute: Spread | null;
  wallMs: { cold: number | null; warm: Spread | null };
  /** Runs that ran to the end, and whether every cross-check of every run agreed. */
  completeRuns: number;
  checksAgree: boolean;
}

/**
 * What an A/B proves at least: the aimed rate's 95 % lower bound ÷ the naive
 * rate's 95 % upper bound (each side's interval, summary.json's rule: Wilson,
 * or the exact one-sided bound at zero). A handful of naive 502s make the
 * plain ratio a wide guess (one more 502 halves it); this bound holds with or
 * without one. Null with no requests.
 */
export function aimedOverNaiveAtLeastOf(aimed: Proportion, naive: Proportion): number | null {
  return naive.trials > 0 && aimed.trials > 0 ? roundMs(aimed.low / naive.high) : null;
}

/** The bench over its runs: min/median/max of each figure, and the pooled A/B. */
export function benchResult(
  meta: Pick<
    BenchResult,
    | 'benchId'
    | 'startedAt'
    | 'finishedAt'
    | 'runtime'
    | 'cpuLoad'
    | 'loadAverage'
    | 'sendingNice'
    | 'injectedAppClockOffsetMs'
    | 'versions'
  >,
  runs: BenchRun[],
): BenchResult {
  const pool = (pick: (r: BenchRun) => AbSide) =>
    proportion(
      runs.reduce((n, r) => n + pick(r).count502, 0),
      runs.reduce((n, r) => n + pick(r).requests, 0),
    );
  const aimed = pool((r) => r.ab.aimed);
  const naive = pool((r) => r.ab.naive);
  return {
    schemaVersion: BENCH_SCHEMA_VERSION,
    ...meta,
    runs,
    timeToFirst502Ms: spreadOf(runs.map((r) => r.timeToFirst502Ms)),
    firstHitCycle: spreadOf(runs.map((r) => r.firstHitCycle)),
    firstHitCycles: firstHitCyclesOf(runs.map((r) => r.firstHitCycle)),
    hitCycleYield: spreadOf(runs.map((r) => r.hitCycleYield)),
    aimedRate: spreadOf(runs.map((r) => r.aimedRate.rate)),
    aimedOverNaive: spreadOf(runs.map((r) => r.aimedOverNaive)),
    aimedOverNaiveAtLeast: spreadOf(runs.map((r) => r.aimedOverNaiveAtLeast)),
    pooled: {
      aimed,
      naive,
      aimedOverNaive: naive.failures > 0 && aimed.trials > 0 ? roundMs(aimed.rate / naive.rate) : null,
      aimedOverNaiveAtLeast: aimedOverNaiveAtLeastOf(aimed, naive),
      aimedRate: pooledAimedRate(runs),
    },
    boundaryPerMinute: spreadOf(runs.map((r) => r.boundaryPerMinute)),
    // The first run may build images and warm caches; the others show a speaker's second run.
    wallMs: { cold: runs[0]?.wallMs ?? null, warm: spreadOf(runs.slice(1).map((r) => r.wallMs)) },
    completeRuns: runs.filter((r) => r.complete).length,
    checksAgree: runs.every((r) => r.checks.harnessEqualsAccessLog && r.checks.raceLinesCoverFailures),
  };
}

/** Every run's aimed requests pooled: 502s per aimed request over the bench. */
function pooledAimedRate(runs: ReadonlyArray<Pick<BenchRun, 'aimedRate'>>): Proportion {
  return proportion(
    runs.reduce((n, r) => n + r.aimedRate.failures, 0),
    runs.reduce((n, r) => n + r.aimedRate.trials, 0),
  );
}

/** A v1 or v2 bench file as written (the fields v3 renamed or added differ). */
type OldBenchResult = Omit<
  BenchResult,
  'schemaVersion' | 'cpuLoad' | 'loadAverage' | 'sendingNice' | 'firstHitCycle' | 'firstHitCycles' | 'runs' | 'pooled'
> & {
  schemaVersion: 1 | 2;
  cpuLoadProcesses: number;
  cyclesToFirstHit: Spread | null;
  runs: Array<Omit<BenchRun, 'firstHitCycle'> & { cyclesToFirstHit: number | null }>;
  pooled: Omit<BenchResult['pooled'], 'aimedOverNaiveAtLeast' | 'aimedRate'> & {
    aimedOverNaiveAtLeast?: number | null;
  };
};

/**
 * A v1 or v2 file as v3: its runs' `cyclesToFirstHit` counted the aimed cycles up to the first hit, and every cycle
 * before it was aimed (the A/B's naive cycles come after), so it is the first hit's cycle number; v1 lacks
 * `pooled.aimedOverNaiveAtLeast`, derived by the rule v2 wrote it with; no load average was kept.
 */
function upgradeBenchResult(b: OldBenchResult): BenchResult {
  const { cpuLoadProcesses, cyclesToFirstHit, runs: oldRuns, pooled, ...rest } = b;
  const runs = oldRuns.map(({ cyclesToFirstHit: firstHitCycle, ...run }) => ({ ...run, firstHitCycle }));
  return {
    ...rest,
    schemaVersion: BENCH_SCHEMA_VERSION,
    cpuLoad: cpuLoadProcesses,
    loadAverage: null,
    sendingNice: null,
    runs,
    firstHitCycle: cyclesToFirstHit,
    firstHitCycles: firstHitCyclesOf(runs.map((r) => r.firstHitCycle)),
    pooled: {
      ...pooled,
      aimedOverNaiveAtLeast: pooled.aimedOverNaiveAtLeast ?? aimedOverNaiveAtLeastOf(pooled.aimed, pooled.naive),
      aimedRate: pooledAimedRate(runs),
    },
  };
}

/** A bench-<id>.json as the current version (1 and 2 upgraded); a file of another kind or a newer one is refused. */
export function readBenchResult(value: unknown, file: string): BenchResult {
  const b = value as { schemaVersion?: unknown; runs?: unknown };
  if (typeof b !== 'object' || b === null || ![1, 2, 3].includes(b.schemaVersion as number) || !Array.isArray(b.runs))
    throw new Error(`${file} is not a bench result this lab reads (schemaVersion 1, 2 or 3)`);
  if (b.schemaVersion !== BENCH_SCHEMA_VERSION) return upgradeBenchResult(b as OldBenchResult);
  // The first v3 files were written before the sending thread's nice was recorded.
  const v3 = b as Omit<BenchResult, 'sendingNice'> & { sendingNice?: number | null };
  return { ...v3, sendingNice: v3.sendingNice ?? null };
}
