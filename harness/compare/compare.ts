// Two runs side by side: per variant (and per matrix cell), the counts, the
// change of the rate and whether it is beyond chance, and the regressions a
// CI job fails on. Pure.
//
// Rates are compared by cycle where both runs counted them: 502s cluster by
// cycle (one socket-close instant fails a whole batch), so 8 failures in one
// cycle are one event, not eight, and a per-request interval would call noise
// a change. Older summaries (cells before schema v6) fall back to requests,
// and say so.
import { expectationOf } from '../analysis/expectations.js';
import { failuresSeen } from '../analysis/outcome.js';
import { rateDifference, type RateDifference } from '../analysis/stats.js';
import { LabError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import type { CellSummary, Summary, VariantSummary } from '../results/schema.js';

/** One side of a compared row. */
export interface SideCounts {
  /** Failures the client saw (502s for a variant; every symptom for a cell), in all requests. */
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
  /** Current − baseline rate, by cycle when both counted cycles, else by boundary request. */
  change: (RateDifference & { unit: 'cycles' | 'requests' }) | null;
  /** What makes this row a regression (a fix failed, the race no longer shows); empty when none. */
  regressions: string[];
  /** Its rate moved beyond chance, either way: a benchmark flags it (the lab aims differently, or the app changed). */
  changed: string | null;
}

export interface Comparison {
  baseline: { runId: string };
  current: { runId: string };
  rows: ComparedRow[];
  /** Every row's regressions, in order. */
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

/** The rate change current − baseline, on the best unit both sides have. */
function changeOf(a: SideCounts, b: SideCounts): ComparedRow['change'] {
  if (a.cycles !== null && b.cycles !== null && a.cyclesHit !== null && b.cyclesHit !== null) {
    const d = rateDifference({ failures: b.cyclesHit, trials: b.cycles }, { failures: a.cyclesHit, trials: a.cycles });
    return d === null ? null : { ...d, unit: 'cycles' };
  }
  const d = rateDifference({ failures: b.boundaryFailures, trials: b.boundary }, { failures: a.boundaryFailures, trials: a.boundary });
  return d === null ? null : { ...d, unit: 'requests' };
}

const pct = (rate: number) => `${(rate * 100).toFixed(0)} %`;
const signedPct = (rate: number) => `${rate < 0 ? '−' : ''}${pct(Math.abs(rate))}`;

/** Why a row is a regression: the rule --assert applies, judged on the current run. */
function regressionsOf(name: string, fix: string, expected: ComparedRow['expected'], current: SideCounts, kind: ComparedRow['kind']): string[] {
  const found: string[] = [];
  const what = kind === 'variant' ? '502' : 'failure';
  if (expected === 'safe' && current.failures > 0) found.push(`${name} (fix ${fix}) shows ${current.failures} ${what}${current.failures === 1 ? '' : 's'}`);
  const shown = kind === 'variant' ? current.failures > 0 : current.outcome === 'reproduced' || current.outcome === 'masked';
  if (expected === 'race' && !shown) found.push(`${name} (Node's defaults) no longer shows the race (${current.outcome})`);
  return found;
}

/** A rate that moved beyond its interval, in words; null when it stayed within chance. */
function changedOf(name: string, change: ComparedRow['change']): string | null {
  if (!change?.significant) return null;
  return `${name}: its failure rate per ${change.unit === 'cycles' ? 'aimed cycle' : 'boundary request'} moved ${change.difference > 0 ? 'up' : 'down'} by ${pct(Math.abs(change.difference))} (95 % interval ${signedPct(change.low)} … ${signedPct(change.high)})`;
}

function row(kind: ComparedRow['kind'], name: string, fix: string, lb: string, a: SideCounts | null, b: SideCounts | null): ComparedRow {
  const expected = expectationOf(fix, lb);
  const change = a !== null && b !== null ? changeOf(a, b) : null;
  return { name, kind, fix, expected, baseline: a, current: b, change, regressions: b === null ? [] : regressionsOf(name, fix, expected, b, kind), changed: changedOf(name, change) };
}

/** The LB a variant ran behind: its cells'; the talk-sized run's is nginx. */
const lbOfVariant = (s: Summary, name: string) => s.cells.find((c) => c.variant === name)?.lb ?? 'nginx';

/** Names in either, baseline's order first. */
const unionOf = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** Compares `current` with `baseline`; a LabError (exit 2) when they share nothing to compare. */
export function compareSummaries(baseline: Summary, current: Summary): Comparison {
  const rows: ComparedRow[] = [];
  const notes: string[] = [];
  for (const name of unionOf(Object.keys(baseline.variants), Object.keys(current.variants))) {
    const a = baseline.variants[name];
    const b = current.variants[name];
    rows.push(row('variant', name, (b ?? a).fix, lbOfVariant(b ? current : baseline, name), a ? variantSide(a) : null, b ? variantSide(b) : null));
  }
  // A matrix's cells say more than its variants (each method, each LB); the talk-sized run's variants say it all.
  if (baseline.scenario.kind === 'matrix' || current.scenario.kind === 'matrix') {
    const cellsA = new Map(baseline.cells.map((c) => [c.name, c]));
    const cellsB = new Map(current.cells.map((c) => [c.name, c]));
    for (const name of unionOf([...cellsA.keys()], [...cellsB.keys()])) {
      const a = cellsA.get(name);
      const b = cellsB.get(name);
      const c = (b ?? a)!;
      rows.push(row('cell', name, c.fix, c.lb, a ? cellSide(a) : null, b ? cellSide(b) : null));
    }
  }
  if (!rows.some((r) => r.baseline !== null && r.current !== null)) {
    throw new LabError(
      `The two runs share no variant or cell (${Object.keys(baseline.variants).join(', ')} against ${Object.keys(current.variants).join(', ')}): nothing to compare.`,
      'Compare runs of the same scenario: the talk-sized run with another, or matrices with common cells.',
      EXIT.badInput,
    );
  }
  const named = (what: string, picked: ComparedRow[]) => (picked.length > 0 ? [`${what} (${picked.length}): ${picked.map((r) => r.name).join(', ')}`] : []);
  notes.push(...named('in the baseline only', rows.filter((r) => r.current === null)));
  notes.push(...named('new in the current run', rows.filter((r) => r.baseline === null)));
  notes.push(...named('compared by boundary request, since a summary older than v6 has no per-cycle count for them', rows.filter((r) => r.change?.unit === 'requests')));
  const lbA = baseline.scenario.lb.upstreamKeepaliveTimeoutMs;
  const lbB = current.scenario.lb.upstreamKeepaliveTimeoutMs;
  if (lbA !== lbB) notes.push(`the LB's upstream keep-alive differs: ${lbA} ms in the baseline, ${lbB} ms now`);
  // Settings that change what a run can show: nginx's retries hide GET failures, for one.
  const settings: Array<[string, (s: Summary) => string]> = [
    ['retry policy', (s) => s.scenario.retryPolicy],
    ['methods', (s) => s.options.methods.join('+')],
    ['mode', (s) => s.mode],
    ['runtime', (s) => s.runtime],
  ];
  for (const [what, of] of settings) {
    if (of(baseline) !== of(current)) notes.push(`${what}: ${of(baseline)} in the baseline, ${of(current)} now`);
  }
  for (const key of ['node', 'nginx'] as const) {
    const va = baseline.versions[key];
    const vb = current.versions[key];
    if (va !== undefined && vb !== undefined && va !== vb) notes.push(`${key} ${va} in the baseline, ${vb} now`);
  }
  if (!current.complete) notes.push('the current run is incomplete: its counts cover only what ran');
  const regressions = rows.flatMap((r) => r.regressions);
  const changes = rows.flatMap((r) => (r.changed === null ? [] : [r.changed]));
  return { baseline: { runId: baseline.runId }, current: { runId: current.runId }, rows, regressions, changes, passed: regressions.length === 0 && changes.length === 0, notes };
}
