// The one rule that turns what a run counted into its verdict: a word per
// cell, then one for the run. buildSummary calls it once and summary.json keeps
// the result (verdict.word, verdict.tone, cells[].verdict); readSummary calls
// it for summaries written before v8. Every surface renders what it finds
// there and never decides a word of its own. Pure.
import { EVIDENCE_FLOOR, verdictOf, type Verdict, type VerdictWord } from '../model/verdict.js';
import type { CellSummary, Summary } from '../records/summary-schema.js';
import { expectationOf } from './expectations.js';
import { invariantProblems } from './invariants.js';
import { percent, type Proportion } from '../model/stats.js';

/** What the cell rule reads of a cell: its outcome and the counts behind it. */
export type CellVerdictInput = Pick<
  CellSummary,
  'outcome' | 'reason' | 'fix' | 'lbFix' | 'lb' | 'clientSaw' | 'counts' | 'boundaryFailureRate' | 'boundaryCycles'
>;

/** "≤ 2.5 %": a zero-failure bound, or the rate with its interval. */
const rateText = (p: Proportion) =>
  p.failures === 0 ? `≤ ${percent(p.high)}` : `${percent(p.rate)}, 95 % CI ${percent(p.low)}–${percent(p.high)}`;

/**
 * The counts a cell's word rests on, in one line. Zero failures state both
 * bounds, per boundary request and per aimed cycle (one-sided 95 %): failures
 * cluster by cycle, so the per-cycle bound is the honest one, and it is wide.
 */
export function cellEvidence(
  c: Pick<CellSummary, 'clientSaw' | 'counts' | 'boundaryFailureRate' | 'boundaryCycles'>,
): string {
  const rate = c.boundaryFailureRate;
  const cycles = c.boundaryCycles;
  const cycleText =
    cycles === null
      ? 'aimed cycles not counted (summary before v6)'
      : `${cycles.hitting}/${cycles.cycles} aimed cycles`;
  const appErrors = (c.counts.appErrors ?? 0) > 0 ? `; the app's own 5xx: ${c.counts.appErrors} (not the race)` : '';
  const untied = (c.counts.untied ?? 0) > 0 ? `; ${c.counts.untied} not tied to an idle close of the app` : '';
  if (rate === null)
    return `${c.clientSaw} in ${c.counts.requests} requests (no boundary counts: summary before v3)${appErrors}`;
  // Failures outside the boundary requests (a burst's, a calibration's) are no zero to bound.
  if (rate.failures === 0 && c.clientSaw !== 'no failure')
    return `0 of ${rate.trials} boundary requests failed; ${c.clientSaw} outside them${untied}${appErrors}`;
  if (rate.failures === 0) {
    const perCycle =
      cycles === null || cycles.cycles === 0
        ? ''
        : `, ${cycles.cycles} aimed cycles (≤ ${percent(cycles.rate.high)} per cycle)`;
    return `0 failures in ${rate.trials} boundary requests (≤ ${percent(rate.high)} per request)${perCycle}, one-sided 95 %${appErrors}`;
  }
  const all = c.clientSaw === 'no failure' ? '' : ` (${c.clientSaw} in all)`;
  return `${rate.failures} of ${rate.trials} boundary requests failed (${rateText(rate)}) in ${cycleText}${all}${untied}${appErrors}`;
}

/**
 * A cell's word, from its outcome and what its fix must show
 * (analysis/expectations.ts): a fix that must hold and did not is FIX FAILED
 * (hidden by a retry too: the race is there); Node's defaults shown safe are
 * NOT REPRODUCED. A SAFE needs the evidence floor whatever the outcome says.
 */
export function cellVerdict(c: CellVerdictInput): Verdict {
  const expected = expectationOf(c.fix, c.lb, c.lbFix);
  const evidence = cellEvidence(c);
  switch (c.outcome) {
    case 'reproduced':
      return verdictOf(expected === 'safe' ? 'FIX FAILED' : 'REPRODUCED', evidence, [c.reason]);
    case 'masked':
      return verdictOf(expected === 'safe' ? 'FIX FAILED' : 'MASKED', evidence, [c.reason]);
    case 'inconclusive':
      return verdictOf('INCONCLUSIVE', evidence, [c.reason]);
    case 'safe': {
      const short = belowFloor(c);
      if (short !== null) return verdictOf('INCONCLUSIVE', evidence, [short]);
      return expected === 'race' ? verdictOf('NOT REPRODUCED', evidence, [c.reason]) : verdictOf('SAFE', evidence);
    }
  }
}

/** Why a cell without failures still says too little to be SAFE; null when it clears the floor. */
export function belowFloor(c: Pick<CellSummary, 'counts' | 'boundaryCycles'>): string | null {
  return floorShortfall(c.counts.boundary ?? 0, c.boundaryCycles?.cycles ?? null);
}

/**
 * The evidence floor (model/verdict.ts EVIDENCE_FLOOR) applied to a count of
 * boundary requests and aimed cycles (null: not counted, as before v6); null
 * when both clear it. classifyCell and cellVerdict both ask here.
 */
export function floorShortfall(boundary: number, aimedCycles: number | null): string | null {
  if (boundary < EVIDENCE_FLOOR.boundaryRequestsPerCell)
    return `only ${boundary} boundary requests (a SAFE needs at least ${EVIDENCE_FLOOR.boundaryRequestsPerCell})`;
  if (aimedCycles !== null && aimedCycles < EVIDENCE_FLOOR.aimedCycles)
    return `only ${aimedCycles} aimed cycles (a SAFE needs at least ${EVIDENCE_FLOOR.aimedCycles})`;
  return null;
}

/** What the run rule reads of a summary: everything but the verdict and the assertion built on it. */
export type RunVerdictInput = Pick<Summary, 'complete' | 'interrupted' | 'failure' | 'yourApp' | 'variants'> & {
  nginx: Pick<Summary['nginx'], 'mismatches'>;
} & {
  cells: Array<CellSummary>;
  /**
   * The version the summary was written in, for the invariants that older versions could not keep
   * (analysis/invariants.ts).
   */
  schemaVersion?: number;
};

/**
 * Words in the order they win: a failed fix outweighs the bug showing, and any missing answer outweighs a clean one.
 */
const RUN_PRECEDENCE: readonly VerdictWord[] = [
  'FIX FAILED',
  'INCONCLUSIVE',
  'NOT REPRODUCED',
  'REPRODUCED',
  'MASKED',
  'SAFE',
];

/**
 * The run's word: INCOMPLETE for a run that did not finish; your app's verdict
 * when it ran one; otherwise the weightiest of its cells' words (a talk-sized
 * run's two variants are cells too), with the cells that decided it as reasons.
 */
export function runVerdict(s: RunVerdictInput): Verdict {
  const cellEvidenceText = s.cells.map((c) => `${c.name}: ${c.verdict.word} (${c.verdict.evidence})`).join('; ');
  if (!s.complete) {
    const why = s.interrupted
      ? 'the run was interrupted'
      : `the run failed during ${s.failure?.phase ?? 'an unknown phase'}: ${s.failure?.message ?? ''}`;
    return verdictOf('INCOMPLETE', cellEvidenceText, [why]);
  }
  // Counts that do not add up (the harness and the LB's log disagreeing among them) leave no answer: the lab
  // miscounted.
  const broken = invariantProblems(s);
  if (broken.length > 0)
    return verdictOf(
      'INCONCLUSIVE',
      cellEvidenceText,
      broken.map((p) => `the counts do not add up: ${p}`),
    );
  // Your app: its word is its cell's, mapped (APP_WORD_OF); yourApp[0] was made from that cell by the same mapping.
  const yours = s.yourApp?.[0];
  if (yours) return verdictOf(yours.verdict, yours.line, yours.verdict === 'SAFE' ? [] : [yours.line]);
  // An app shows the race once, in any method: its other methods' NOT REPRODUCED or INCONCLUSIVE (a GET none of which
  // hit) does not outweigh its POST's REPRODUCED. matrixReasons asks the same of Node's defaults (showedRace).
  const showed = showedRace(s.cells);
  const weighed = s.cells.filter(
    (c) => !((c.verdict.word === 'NOT REPRODUCED' || c.verdict.word === 'INCONCLUSIVE') && showed.has(c.variant)),
  );
  for (const word of RUN_PRECEDENCE) {
    const deciding = weighed.filter((c) => c.verdict.word === word);
    if (deciding.length === 0) continue;
    const reasons =
      word === 'REPRODUCED' || word === 'SAFE' || word === 'MASKED'
        ? []
        : deciding.map((c) => `${c.name}: ${c.verdict.reasons.join('; ')}`);
    return verdictOf(word, cellEvidenceText, reasons);
  }
  return verdictOf('INCONCLUSIVE', 'no cell was measured', ['the run sent no traffic']);
}

/** The variants (apps) with a cell that showed the race: REPRODUCED, MASKED or FIX FAILED, in any method. */
export function showedRace(
  cells: ReadonlyArray<Pick<CellSummary, 'variant'> & { verdict: Pick<Verdict, 'word'> }>,
): Set<string> {
  return new Set(
    cells.filter((c) => ['REPRODUCED', 'MASKED', 'FIX FAILED'].includes(c.verdict.word)).map((c) => c.variant),
  );
}

/**
 * Whether the run came to the answer it exists to give: the talk-sized run
 * when it REPRODUCED the race with the fix holding; a matrix when every cell
 * has an answer and no fix failed; your app when it has a SAFE or UNSAFE.
 */
export function verdictOk(word: VerdictWord, kind: 'classic' | 'matrix', yourApp: boolean): boolean {
  if (yourApp) return word === 'SAFE' || word === 'UNSAFE';
  if (kind === 'classic') return word === 'REPRODUCED';
  return word === 'REPRODUCED' || word === 'MASKED' || word === 'SAFE';
}
