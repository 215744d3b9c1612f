// What --assert and --assert safe ask of a run, and the reasons it failed
// them: a matrix's fixes must hold and Node's defaults still show the race;
// your app must be shown SAFE; the talk-sized run must be REPRODUCED; and any
// run must finish with the harness and the access log agreeing. Pure.
import type { AppUnderTestSummary, CellSummary, Summary } from '../records/summary-schema.js';
import type { Verdict } from '../model/verdict.js';
import { YOUR_APP_FIX, YOUR_APP_VARIANT, type Scenario } from '../scenarios/scenarios.js';
import { expectationOf } from './expectations.js';
import { showedRace } from './verdict.js';

/** What matrixReasons reads of a cell. */
export type AssertedCell = Pick<CellSummary, 'name' | 'variant' | 'fix' | 'lbFix' | 'lb' | 'outcome' | 'reason'> & {
  verdict: Pick<Verdict, 'word'>;
};

/**
 * A fix that must hold must be shown safe; Node's defaults must still show the
 * race (a 502, or the LB masking it). Cells without an expectation (too-short:
 * either outcome is a finding) never fail the assertion.
 */
export function matrixReasons(cells: readonly AssertedCell[]): string[] {
  const reasons: string[] = [];
  // Node's defaults show the race once per app, in any method (the run's verdict weighs its cells so too).
  const racy = showedRace(cells);
  // A user's app has no expectation: --assert safe asks about it (yourAppReasons).
  for (const c of cells.filter((cell) => cell.fix !== YOUR_APP_FIX)) {
    const expected = expectationOf(c.fix, c.lb, c.lbFix);
    if (expected === 'safe' && c.outcome !== 'safe')
      reasons.push(`${c.name} (fix ${c.fix}) is ${c.outcome}: ${c.reason}`);
    if (expected === 'race' && !racy.has(c.variant) && (c.outcome === 'safe' || c.outcome === 'inconclusive'))
      reasons.push(`${c.name} no longer shows the race (${c.outcome}: ${c.reason})`);
  }
  return reasons;
}

/** --assert safe: your app (not the comparison beside it) must be shown SAFE. */
export function yourAppReasons(
  apps: ReadonlyArray<Pick<AppUnderTestSummary, 'variant' | 'verdict' | 'line'>>,
): string[] {
  return apps
    .filter((a) => a.variant === YOUR_APP_VARIANT && a.verdict !== 'SAFE')
    .map((a) => `${a.variant} is ${a.verdict}: ${a.line}`);
}

/** What the assertion reads of a run: its kind, what was asked, how it ended, and what it found. */
export interface AssertionInput {
  kind: Scenario['kind'];
  /** --assert. */
  assert: boolean;
  /** --assert safe. */
  assertSafe: boolean;
  complete: boolean;
  interrupted: boolean;
  failure: { phase: string } | null;
  cells: readonly AssertedCell[];
  yourApp: ReadonlyArray<Pick<AppUnderTestSummary, 'variant' | 'verdict' | 'line'>> | null;
  verdict: Pick<Verdict, 'word' | 'reasons'>;
  /** Variants on which the harness and the access log disagree on 502s. */
  mismatches: number;
}

/**
 * Whether --assert (or --assert safe) was asked for, and every reason the run fails it, in this order: a matrix's
 * expectations, your app's word, the talk-sized run's word, an unfinished run, the counts disagreeing. The reasons
 * are listed whether or not the assertion was asked for.
 */
export function assertionOf(a: AssertionInput): Summary['assertion'] {
  const reasons: string[] = a.kind === 'matrix' ? matrixReasons(a.cells) : [];
  if (a.assertSafe) reasons.push(...yourAppReasons(a.yourApp ?? []));
  // The talk-sized run's --assert asks for its verdict: REPRODUCED, the fix holding (analysis/verdict.ts).
  if (a.kind === 'classic' && a.complete && a.verdict.word !== 'REPRODUCED')
    reasons.push(...(a.verdict.reasons.length > 0 ? a.verdict.reasons : [`the verdict is ${a.verdict.word}`]));
  if (a.interrupted) reasons.push('the run was interrupted');
  if (a.failure) reasons.push(`the run failed during ${a.failure.phase}`);
  if (a.mismatches > 0) reasons.push('harness and nginx access log disagree on 502s');
  return { requested: a.assert || a.assertSafe, passed: reasons.length === 0, reasons };
}
