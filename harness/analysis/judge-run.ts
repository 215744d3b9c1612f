// A run's verdict (verdict.ts), its text and --assert's answer, from what the
// run found: one place for a whole run's summary (summarize.ts) and a merged
// one's (results/merge.ts), so the two can never judge the same cells apart.
import type { Summary } from '../records/summary-schema.js';
import type { Scenario } from '../scenarios/scenarios.js';
import { assertionOf } from './assertion.js';
import type { Mismatch } from './lb-logs.js';
import { verdictText } from './verdict-text.js';
import { runVerdict, verdictOk } from './verdict.js';

/** What a run found and was asked, as its verdict reads it. */
export interface RunFindings {
  kind: Scenario['kind'];
  lbTimeoutMs: number;
  complete: boolean;
  interrupted: boolean;
  failure: Summary['failure'];
  /** The aim variant, whose race window the text names. */
  aim: string;
  names: string[];
  variants: Summary['variants'];
  mismatches: Mismatch[];
  cells: Summary['cells'];
  yourApp: Summary['yourApp'];
  assert: boolean;
  assertSafe: boolean;
}

export function judgeRun(f: RunFindings): Pick<Summary, 'verdict' | 'assertion'> {
  const { kind, complete, interrupted, failure, variants, mismatches, cells, yourApp } = f;
  const verdict = runVerdict({ complete, interrupted, failure, yourApp, variants, nginx: { mismatches }, cells });
  const text = verdictText({
    kind,
    lbTimeoutMs: f.lbTimeoutMs,
    failure,
    aim: f.aim,
    names: f.names,
    variants,
    cells,
    yourApp,
  });
  return {
    verdict: { ok: verdictOk(verdict.word, kind, yourApp !== null), text, ...verdict },
    assertion: assertionOf({
      kind,
      assert: f.assert,
      assertSafe: f.assertSafe,
      complete,
      interrupted,
      failure,
      cells,
      yourApp,
      verdict,
      mismatches: mismatches.length,
    }),
  };
}
