// Two runs side by side: per variant (per cell in a matrix), the counts, the
// change of the rate and whether it is beyond chance, and the regressions a
// CI job fails on. Pure.
//
// Regressions are the current run's own --assert reasons (summary.assertion:
// a fix that must hold failed or was not shown safe, Node's defaults no
// longer show the race, too few boundary requests, harness and LB log
// disagree), so `compare` and `--assert` never disagree about a run.
//
// Rates are compared by cycle where both runs counted them: 502s cluster by
// cycle (one socket-close instant fails a whole batch), so 8 failures in one
// cycle are one event, not eight, and a per-request interval would call noise
// a change. Older summaries (cells before schema v6) fall back to requests,
// and say so. Every row is one more chance of a false alarm: the intervals
// are Bonferroni-corrected over the rows compared, so that the whole
// comparison, not each row, is wrong at most 5 % of the time.
import { failuresSeen } from '../analysis/outcome.js';
import { expectationOf } from '../analysis/expectations.js';
import { normalQuantile, rateDifference, type RateDifference } from '../analysis/stats.js';
import { LabError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import type { CellSummary, Summary, VariantSummary } from '../results/schema.js';

/** The chance that a comparison of two runs of the same lab reports a change. */
export const FAMILY_ALPHA = 0.05;

/** One side of a compared row. */
export interface SideCounts {
  /** Failures the client saw (502s for a talk-sized variant; every symptom for a cell), in all requests. */
  failures: number;
  /** Of those, at the close boundary, and the boundary requests. */
  boundaryFailures: number;
  boundary: number;
  /** Aimed cycles with a failure, and aimed cycles; null when the summary has no per-cycle count (cells before v6). */
  cyclesHit: number | null;
  cycles: number | null;
  /** A cell's outcome; a variant's is 'reproduced' with a 502, else 'no 502'. */
  outcome: string;
}

/** A variant or cell in both runs (or in one). */
export interface ComparedRow {
  name: string;
  kind: 'variant' | 'cell';
  fix: string;
  /** What the fix must show (analysis/expectations.ts). */
  expected: 'safe' | 'race' | null;
  baseline: SideCounts | null;
  current: SideCounts | null;
  /** Current − baseline rate, by cycle when both counted cycles, else by boundary request; its interval is the family's. */
  change: (RateDifference & { unit: 'cycles' | 'requests' }) | null;
  /** The current run's --assert reasons about this row. */
  regressions: string[];
  /** Its rate moved beyond chance, either way: a benchmark flags it (the lab aims differently, or the app changed). */
  changed: string | null;
}

export interface Comparison {
  baseline: { runId: string };
  current: { runId: string };
  rows: ComparedRow[];
  /** Rows whose rates were compared, and the two-sided level of each row's interval (Bonferroni: 95 % for the family). */
  family: { rows: number; rowLevel: number };
  /** The current run's --assert reasons, all of them (some concern no row: an interrupted run, a log mismatch). */
  regressions: string[];
  /** Every rate that moved beyond chance. CI fails on any of these or a regression. */
  changes: string[];
  /** No regression and no change: what exit 0 means. */
  passed: boolean;
  /** Differences worth knowing that are not regressions (a setting changed, a row in one run only). */
  notes: string[];
}

function variantSide(v: VariantSummary): SideCounts {
  return {
    failures: v.rate502.failures,
    boundaryFailures: v.boundaryRate502.failures,
    boundary: v.boundaryRate502.trials,
    cyclesHit: v.boundaryCycles.hitting,
    cycles: v.boundaryCycles.cycles,
    outcome: v.rate502.failures > 0 ? 'reproduced' : 'no 502',
  };
}

function cellSide(c: CellSummary): SideCounts {
  const rate = c.boundaryFailureRate ?? c.boundaryRate502;
  // Cells count their cycles from schema v6; older ones read with null.
  const cycles = c.boundaryCycles;
  return {
    failures: failuresSeen(c.counts),
    boundaryFailures: rate?.failures ?? 0,
    boundary: rate?.trials ?? 0,
    cyclesHit: cycles?.hitting ?? null,
    cycles: cycles?.cycles ?? null,
    outcome: c.outcome,
  };
}

/** The rate change current − baseline at `z`, on the best unit both sides have. */
function changeOf(a: SideCounts, b: SideCounts, z: number): ComparedRow['change'] {
  if (a.cycles !== null && b.cycles !== null && a.cyclesHit !== null && b.cyclesHit !== null) {
    const d = rateDifference({ failures: b.cyclesHit, trials: b.cycles }, { failures: a.cyclesHit, trials: a.cycles }, z);
    return d === null ? null : { ...d, unit: 'cycles' };
  }
  const d = rateDifference({ failures: b.boundaryFailures, trials: b.boundary }, { failures: a.boundaryFailures, trials: a.boundary }, z);
  return d === null ? null : { ...d, unit: 'requests' };
}

const pct = (rate: number) => `${(rate * 100).toFixed(0)} %`;
const signedPct = (rate: number) => `${rate < 0 ? '−' : ''}${pct(Math.abs(rate))}`;

/** A rate that moved beyond its interval, in words; null when it stayed within chance. */
function changedOf(name: string, change: ComparedRow['change'], rowLevel: number): string | null {
  if (!change?.significant) return null;
  const level = `${(rowLevel * 100).toFixed(rowLevel >= 0.995 ? 2 : 1)} %`;
  return `${name}: its failure rate per ${change.unit === 'cycles' ? 'aimed cycle' : 'boundary request'} moved ${change.difference > 0 ? 'up' : 'down'} by ${pct(Math.abs(change.difference))} (${level} interval ${signedPct(change.low)} … ${signedPct(change.high)})`;
}

/** A talk-sized run compares its variants; a matrix its cells (each method, each LB: where its outcomes are decided). */
function sidesOf(s: Summary): Map<string, { kind: ComparedRow['kind']; fix: string; lb: string; side: SideCounts }> {
  if (s.scenario.kind === 'matrix') return new Map(s.cells.map((c) => [c.name, { kind: 'cell', fix: c.fix, lb: c.lb, side: cellSide(c) }]));
  return new Map(Object.values(s.variants).map((v) => [v.name, { kind: 'variant', fix: v.fix, lb: 'nginx', side: variantSide(v) }]));
}

/** Settings that change what a run can show (nginx's retries hide GET failures; C sets how much of a cycle's batch can fail). */
const SETTINGS: Array<[string, (s: Summary) => string]> = [
  ['retry policy', (s) => s.scenario.retryPolicy],
  ['methods', (s) => s.options.methods.join('+')],
  ['concurrency', (s) => String(s.options.concurrency)],
  ['cycles', (s) => String(s.options.cycles)],
  ['server mode', (s) => s.scenario.serverMode],
  ['HAProxy http-reuse', (s) => s.scenario.haproxyReuse ?? 'safe'],
  ['mode', (s) => s.mode],
  ['runtime', (s) => s.runtime],
  ["the LB's upstream keep-alive (ms)", (s) => String(s.scenario.lb.upstreamKeepaliveTimeoutMs)],
];

/** The names a run's rows have: its variants (talk-sized) or cells (matrix). */
export function rowNamesOf(s: Summary): string[] {
  return [...sidesOf(s).keys()];
}

/** A few names and how many more: a matrix has dozens. */
const someOf = (names: readonly string[], shown = 4) => names.slice(0, shown).join(', ') + (names.length > shown ? ` and ${names.length - shown} more` : '');

/**
 * Throws a LabError (exit 2) when a run whose rows are `currentNames` would
 * share none with `baseline`: --baseline checks the run it is about to make
 * before it starts.
 */
export function assertComparable(baseline: Summary, currentNames: readonly string[]): void {
  const baselineNames = rowNamesOf(baseline);
  if (currentNames.some((n) => baselineNames.includes(n))) return;
  throw new LabError(
    `The two runs share no variant or cell (${someOf(baselineNames)} against ${someOf(currentNames)}): nothing to compare.`,
    'Compare runs of the same scenario: the talk-sized run with another, or matrices with common cells.',
    EXIT.badInput,
  );
}

/** Compares `current` with `baseline`; a LabError (exit 2) when they share nothing to compare. */
export function compareSummaries(baseline: Summary, current: Summary): Comparison {
  assertComparable(baseline, rowNamesOf(current));
  const sidesA = sidesOf(baseline);
  const sidesB = sidesOf(current);
  const names = [...new Set([...sidesA.keys(), ...sidesB.keys()])];
  const shared = names.filter((n) => sidesA.has(n) && sidesB.has(n));
  const rowLevel = 1 - FAMILY_ALPHA / shared.length;
  const z = normalQuantile(1 - FAMILY_ALPHA / (2 * shared.length));
  const regressions = current.assertion.reasons;
  const rows = names.map((name): ComparedRow => {
    const a = sidesA.get(name);
    const b = sidesB.get(name);
    const { kind, fix, lb } = (b ?? a)!;
    const change = a && b ? changeOf(a.side, b.side, z) : null;
    return {
      name,
      kind,
      fix,
      expected: expectationOf(fix, lb),
      baseline: a?.side ?? null,
      current: b?.side ?? null,
      change,
      // A reason names its variant or cell first (summarize.ts).
      regressions: regressions.filter((r) => r.startsWith(`${name} `)),
      changed: changedOf(name, change, rowLevel),
    };
  });

  const notes: string[] = [];
  const named = (what: string, picked: ComparedRow[]) => (picked.length > 0 ? [`${what} (${picked.length}): ${picked.map((r) => r.name).join(', ')}`] : []);
  notes.push(...named('in the baseline only', rows.filter((r) => r.current === null)));
  notes.push(...named('new in the current run', rows.filter((r) => r.baseline === null)));
  notes.push(...named('compared by boundary request, since a summary older than v6 has no per-cycle count for them', rows.filter((r) => r.change?.unit === 'requests')));
  for (const [what, of] of SETTINGS) {
    if (of(baseline) !== of(current)) notes.push(`${what}: ${of(baseline)} in the baseline, ${of(current)} now`);
  }
  for (const key of ['node', 'nginx'] as const) {
    const va = baseline.versions[key];
    const vb = current.versions[key];
    if (va !== undefined && vb !== undefined && va !== vb) notes.push(`${key} ${va} in the baseline, ${vb} now`);
  }
  const changes = rows.flatMap((r) => (r.changed === null ? [] : [r.changed]));
  return {
    baseline: { runId: baseline.runId },
    current: { runId: current.runId },
    rows,
    family: { rows: shared.length, rowLevel },
    regressions,
    changes,
    passed: regressions.length === 0 && changes.length === 0,
    notes,
  };
}
