// Two runs side by side: per variant (per cell in a matrix), each run's
// verdict words, the counts, the change of the rate with its interval, the
// smallest change the sample could have seen, and what the row comes to. Pure.
//
// compare renders the verdicts summary.json keeps (analysis/verdict.ts) and
// never decides a word: it reads what the words on both sides mean for a row
// (status.ts). "Regression" is kept for worse than the baseline; a run that
// fails as its baseline did is "still failing", an unfinished run
// "incomplete", and runs whose settings move a rate "not comparable" — each
// with its own exit code (exit-codes.ts), so CI can tell them apart.
//
// Rates are compared by cycle where both runs counted them: 502s cluster by
// cycle (one socket-close instant fails a whole batch), so 8 failures in one
// cycle are one event, not eight, and a per-request interval would call noise
// a change. Older summaries (cells before schema v6) fall back to requests,
// and say so. Every row is one more chance of a false alarm: the intervals
// are Bonferroni-corrected over the rows compared, so that the whole
// comparison, not each row, is wrong at most 5 % of the time. That makes each
// row's test weak with a few cycles, so each row states the smallest change
// its sample finds at 80 % power (power.ts): an "ok" is no larger change, not
// no change.
import { expectationOf } from '../analysis/expectations.js';
import { NO_LB_FIX } from '../scenarios/lb-fixes.js';
import { showedRace } from '../analysis/verdict.js';
import { normalQuantile, rateDifference, type RateDifference } from '../model/stats.js';
import { LabError } from '../model/errors.js';
import { EXIT, type ExitCode } from '../model/exit-codes.js';
import type { VerdictTone, VerdictWord } from '../model/verdict.js';
import type { CellSummary, Summary, VariantSummary } from '../results/schema.js';
import { YOUR_APP_FIX } from '../scenarios/scenarios.js';
import { detectableChange, POWER, type DetectableChange } from './power.js';
import { settingDifferences } from './settings.js';
import {
  COMPARISON_EXIT,
  comparisonStatusOf,
  rowStatusOf,
  runFails,
  standingOf,
  wordsChange,
  worseDirection,
  type ComparisonStatus,
  type MustShow,
  type RowStatus,
} from './status.js';
import { failuresSeen } from '../records/failures.js';

/** The chance that a comparison of two runs of the same lab reports a change. */
export const FAMILY_ALPHA = 0.05;

/** A cell's verdict as summary.json keeps it. */
export interface CellWord {
  cell: string;
  word: VerdictWord;
  tone: VerdictTone;
}

/** One side of a compared row. */
export interface SideCounts {
  /** The verdict of each of the row's cells: one for a cell, one per method for a talk-sized variant. */
  verdicts: CellWord[];
  /**
   * Its app (variant) showed the race in a cell of any method (analysis/verdict.ts showedRace): what Node's defaults
   * must show.
   */
  appShowedRace: boolean;
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
  lb: string;
  /**
   * What the row must show: its fix's expectation (analysis/expectations.ts), 'safe' for your app; null: either answer
   * is a finding.
   */
  expected: MustShow;
  baseline: SideCounts | null;
  current: SideCounts | null;
  /**
   * Current − baseline rate, by cycle when both counted cycles, else by boundary request; its interval is the family's.
   * Null when rates were not compared.
   */
  change: (RateDifference & { unit: 'cycles' | 'requests' }) | null;
  /**
   * The smallest change of the rate, up and down from the baseline's, the two samples find at 80 % power and the row's
   * level; null when rates were not compared.
   */
  detectable: (DetectableChange & { unit: 'cycles' | 'requests' }) | null;
  status: RowStatus;
  /** Why, in words: the verdicts on both sides, and a rate that moved beyond chance. */
  why: string;
}

/** A compared run: its id and its own verdict, as summary.json has it. */
export interface ComparedRun {
  runId: string;
  verdict: { word: VerdictWord; tone: VerdictTone; reasons: string[] };
}

export interface Comparison {
  baseline: ComparedRun;
  current: ComparedRun;
  /** What the comparison comes to; its exit code is exitCode. */
  status: ComparisonStatus;
  exitCode: ExitCode;
  /**
   * What the status rests on, one line each: the rows (and the run's own verdict) behind it, the unfinished run, the
   * settings that differ.
   */
  reasons: string[];
  rows: ComparedRow[];
  /**
   * Rows whose rates were compared, the two-sided level of each row's interval (Bonferroni: 95 % for the family), and
   * the power the detectable change is stated at.
   */
  family: { rows: number; rowLevel: number; power: number };
  /** status 'ok': what exit 0 means (--baseline reads it). */
  passed: boolean;
  /**
   * Differences worth knowing that conclude nothing (a setting that changes only the sample, a release, old counts by
   * request).
   */
  notes: string[];
}

function variantSide(v: VariantSummary, cells: readonly CellSummary[], racy: ReadonlySet<string>): SideCounts {
  return {
    verdicts: cells.filter((c) => c.variant === v.name).map(cellWord),
    appShowedRace: racy.has(v.name),
    failures: v.rate502.failures,
    boundaryFailures: v.boundaryRate502.failures,
    boundary: v.boundaryRate502.trials,
    cyclesHit: v.boundaryCycles.hitting,
    cycles: v.boundaryCycles.cycles,
    outcome: v.rate502.failures > 0 ? 'reproduced' : 'no 502',
  };
}

const cellWord = (c: CellSummary): CellWord => ({ cell: c.name, word: c.verdict.word, tone: c.verdict.tone });

function cellSide(c: CellSummary, racy: ReadonlySet<string>): SideCounts {
  const rate = c.boundaryFailureRate ?? c.boundaryRate502;
  // Cells count their cycles from schema v6; older ones read with null.
  const cycles = c.boundaryCycles;
  return {
    verdicts: [cellWord(c)],
    appShowedRace: racy.has(c.variant),
    failures: failuresSeen(c.counts),
    boundaryFailures: rate?.failures ?? 0,
    boundary: rate?.trials ?? 0,
    cyclesHit: cycles?.hitting ?? null,
    cycles: cycles?.cycles ?? null,
    outcome: c.outcome,
  };
}

/** The counts a row's rate is compared on: aimed cycles when both sides counted them, else boundary requests. */
function unitOf(a: SideCounts, b: SideCounts): 'cycles' | 'requests' {
  return a.cycles !== null && b.cycles !== null && a.cyclesHit !== null && b.cyclesHit !== null ? 'cycles' : 'requests';
}

// 'cycles' only when both sides counted them (unitOf).
const countsIn = (s: SideCounts, unit: 'cycles' | 'requests') =>
  unit === 'cycles' && s.cyclesHit !== null && s.cycles !== null
    ? { failures: s.cyclesHit, trials: s.cycles }
    : { failures: s.boundaryFailures, trials: s.boundary };

/** The rate change current − baseline at `z`, on the best unit both sides have. */
function changeOf(a: SideCounts, b: SideCounts, z: number): ComparedRow['change'] {
  const unit = unitOf(a, b);
  const d = rateDifference(countsIn(b, unit), countsIn(a, unit), z);
  return d === null ? null : { ...d, unit };
}

/** The smallest change the row's two samples find (power.ts), from the baseline's rate, at the row's level `alpha`. */
function detectableOf(a: SideCounts, b: SideCounts, alpha: number): ComparedRow['detectable'] {
  const unit = unitOf(a, b);
  const base = countsIn(a, unit);
  const now = countsIn(b, unit);
  const d = base.trials > 0 ? detectableChange(base.failures / base.trials, base.trials, now.trials, alpha) : null;
  return d === null ? null : { ...d, unit };
}

const pct = (rate: number) => `${(rate * 100).toFixed(0)} %`;
const signedPct = (rate: number) => `${rate < 0 ? '−' : ''}${pct(Math.abs(rate))}`;
export const levelText = (level: number) => `${(level * 100).toFixed(level >= 0.995 ? 2 : 1)} %`;

/** A rate that moved beyond its interval, in words. */
function movedText(change: NonNullable<ComparedRow['change']>, rowLevel: number): string {
  return `its failure rate per ${change.unit === 'cycles' ? 'aimed cycle' : 'boundary request'} moved ${change.difference > 0 ? 'up' : 'down'} by ${pct(Math.abs(change.difference))} (${levelText(rowLevel)} interval ${signedPct(change.low)} … ${signedPct(change.high)})`;
}

/** A side's verdict words: one word when its cells agree, else each with its cell. */
export function wordsOf(s: SideCounts): string {
  const words = [...new Set(s.verdicts.map((v) => v.word))];
  if (words.length === 0) return 'no verdict';
  return words.length === 1 ? words[0] : s.verdicts.map((v) => `${v.word} (${v.cell})`).join(', ');
}

interface Side {
  kind: ComparedRow['kind'];
  fix: string;
  lb: string;
  lbFix: string;
  side: SideCounts;
}

/**
 * A talk-sized run compares its variants; a matrix its cells (each method, each LB: where its outcomes are decided).
 */
function sidesOf(s: Summary): Map<string, Side> {
  const racy = showedRace(s.cells);
  if (s.scenario.kind === 'matrix')
    return new Map(
      s.cells.map((c) => [c.name, { kind: 'cell', fix: c.fix, lb: c.lb, lbFix: c.lbFix, side: cellSide(c, racy) }]),
    );
  return new Map(
    Object.values(s.variants).map((v) => [
      v.name,
      { kind: 'variant', fix: v.fix, lb: 'nginx', lbFix: NO_LB_FIX, side: variantSide(v, s.cells, racy) },
    ]),
  );
}

/** Your app must be shown safe (what --assert safe asks); the sample app's fixes what expectations.ts says. */
const mustShowOf = (fix: string, lb: string, lbFix: string): MustShow =>
  fix === YOUR_APP_FIX ? 'safe' : expectationOf(fix, lb, lbFix);

/** The names a run's rows have: its variants (talk-sized) or cells (matrix). */
export function rowNamesOf(s: Summary): string[] {
  return [...sidesOf(s).keys()];
}

/** A few names and how many more: a matrix has dozens. */
const someOf = (names: readonly string[], shown = 4) =>
  names.slice(0, shown).join(', ') + (names.length > shown ? ` and ${names.length - shown} more` : '');

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

const runOf = (s: Summary): ComparedRun => ({
  runId: s.runId,
  verdict: { word: s.verdict.word, tone: s.verdict.tone, reasons: s.verdict.reasons },
});

/** Why a run is INCOMPLETE, in a line; null for a finished one. */
function unfinished(which: string, s: Summary): string | null {
  if (s.verdict.word !== 'INCOMPLETE') return null;
  return `${which} did not finish (${s.verdict.reasons.join('; ') || 'INCOMPLETE'}): its counts cover only what ran`;
}

/** A row's sides: the baseline's, the current run's, and the one that names it (the current's when it has one). */
interface RowSides {
  name: string;
  a?: Side;
  b?: Side;
  named: Side;
}

/** Every row of either run, the baseline's first, each with the sides it has. */
function rowSidesOf(sidesA: ReadonlyMap<string, Side>, sidesB: ReadonlyMap<string, Side>): RowSides[] {
  const rows = new Map<string, RowSides>();
  for (const [name, a] of sidesA) rows.set(name, { name, a, named: a });
  for (const [name, b] of sidesB) rows.set(name, { name, a: rows.get(name)?.a, b, named: b });
  return [...rows.values()];
}

/** A row both runs have. */
type SharedRow = RowSides & { a: Side; b: Side };

/**
 * Why no row can be judged: a run that did not finish, or settings (an LB among them) that move the rates; and the
 * differences that only deserve a note.
 */
function unjudgedWhy(baseline: Summary, current: Summary, shared: readonly SharedRow[]) {
  const incomplete = [unfinished('the baseline', baseline), unfinished('the current run', current)].filter(
    (r): r is string => r !== null,
  );
  const lbs = new Set(shared.flatMap(({ a, b }) => [a.lb, b.lb]));
  const settings = settingDifferences(baseline, current, lbs);
  // A cell's name leaves out its LB for your app (yours-get): the same name behind another LB is another measurement.
  const movedLb = shared
    .filter(({ a, b }) => a.lb !== b.lb)
    .map(({ name, a, b }) => `${name}: behind ${a.lb} in the baseline, ${b.lb} now`);
  return { incomplete, notComparable: [...settings.movingRates, ...movedLb], noted: settings.noted };
}

/** The family's error rate split over the rows compared (Bonferroni): each row's alpha, level and z. */
interface RowLevel {
  alpha: number;
  rowLevel: number;
  z: number;
}

/** A row both runs have, judged: the words on both sides, the rate's change, what they come to. */
function judgedRow(row: Omit<ComparedRow, 'status' | 'why'>, a: Side, b: Side, level: RowLevel): ComparedRow {
  const words = { baseline: wordsOf(a.side), current: wordsOf(b.side) };
  const change = changeOf(a.side, b.side, level.z);
  const moved = change?.significant ? (change.difference > 0 ? 'up' : 'down') : null;
  const standing = (s: SideCounts) =>
    standingOf(
      s.verdicts.map((v) => v.word),
      row.expected,
      s.appShowedRace,
    );
  const { status, why } = rowStatusOf(standing(a.side), standing(b.side), words, {
    moved,
    worse: worseDirection(row.expected),
    text: change === null ? '' : movedText(change, level.rowLevel),
  });
  return { ...row, change, detectable: detectableOf(a.side, b.side, level.alpha), status, why };
}

/** One row of the comparison; `judged` set when no row can be judged on its rates (and why not, in a word). */
function comparedRow({ name, a, b, named }: RowSides, judged: RowStatus | null, level: RowLevel): ComparedRow {
  const { kind, fix, lb, lbFix } = named;
  const row = {
    name,
    kind,
    // An LB-side fix's row names it: its app's own fix (Node's defaults) is not what the row tests.
    fix: lbFix === NO_LB_FIX ? fix : `lbfix ${lbFix}`,
    lb,
    expected: mustShowOf(fix, lb, lbFix),
    baseline: a?.side ?? null,
    current: b?.side ?? null,
    change: null,
    detectable: null,
  };
  if (!a) return { ...row, status: 'no baseline', why: `${wordsOf(named.side)} now; not in the baseline` };
  if (!b) return { ...row, status: 'baseline only', why: `${wordsOf(a.side)} in the baseline; not in the current run` };
  const words = { baseline: wordsOf(a.side), current: wordsOf(b.side) };
  if (judged !== null) return { ...row, status: judged, why: wordsChange(words) };
  return judgedRow(row, a, b, level);
}

/** What the comparison's status rests on, one line each. */
function reasonsOf(
  status: ComparisonStatus,
  why: { incomplete: string[]; notComparable: string[] },
  rows: readonly ComparedRow[],
  run: { baselineFails: boolean; currentFails: boolean; words: string },
): string[] {
  const rowsWith = (s: RowStatus) => rows.filter((r) => r.status === s).map((r) => `${r.name}: ${r.why}`);
  switch (status) {
    case 'incomplete':
      return why.incomplete;
    case 'not comparable':
      return why.notComparable;
    case 'regression':
      return [
        ...(run.currentFails && !run.baselineFails ? [`the run's verdict: ${run.words}`] : []),
        ...rowsWith('regression'),
      ];
    case 'still failing':
      return [`the run's verdict: ${run.words}`, ...rowsWith('still failing')];
    default:
      return [];
  }
}

/** The settings' notes, and the rows compared by request for want of cycle counts. */
function notesOf(noted: readonly string[], rows: readonly ComparedRow[]): string[] {
  const notes = [...noted];
  const byRequest = rows.filter((r) => r.change?.unit === 'requests');
  if (byRequest.length > 0) {
    notes.push(
      `compared by boundary request, since a summary older than v6 has no per-cycle count (${byRequest.length}: ${someOf(byRequest.map((r) => r.name))}); failures cluster by cycle, so these rows claim more precision than they have`,
    );
  }
  return notes;
}

/** Compares `current` with `baseline`; a LabError (exit 2) when they share nothing to compare. */
export function compareSummaries(baseline: Summary, current: Summary): Comparison {
  assertComparable(baseline, rowNamesOf(current));
  const sides = rowSidesOf(sidesOf(baseline), sidesOf(current));
  const shared = sides.filter((r): r is SharedRow => r.a !== undefined && r.b !== undefined);
  const why = unjudgedWhy(baseline, current, shared);
  const judged: RowStatus | null =
    why.incomplete.length > 0 ? 'incomplete' : why.notComparable.length > 0 ? 'not comparable' : null;
  const alpha = FAMILY_ALPHA / shared.length;
  const level = { alpha, rowLevel: 1 - alpha, z: normalQuantile(1 - alpha / 2) };
  const rows = sides.map((r) => comparedRow(r, judged, level));
  const run = {
    baselineFails: runFails(baseline),
    currentFails: runFails(current),
    words: wordsChange({ baseline: baseline.verdict.word, current: current.verdict.word }),
  };
  const status = comparisonStatusOf({
    incomplete: why.incomplete.length > 0,
    notComparable: why.notComparable.length > 0,
    rows: rows.map((r) => r.status),
    run,
  });
  return {
    baseline: runOf(baseline),
    current: runOf(current),
    status,
    exitCode: COMPARISON_EXIT[status],
    reasons: reasonsOf(status, why, rows, run),
    rows,
    family: { rows: judged === null ? shared.length : 0, rowLevel: level.rowLevel, power: POWER },
    passed: status === 'ok',
    notes: notesOf(why.noted, rows),
  };
}
