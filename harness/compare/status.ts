// What compare concludes: a row's standing from its verdict words, the status
// of a row against its baseline, and the status of the whole comparison with
// its exit code. The words come from summary.json (analysis/verdict.ts); this
// module never picks a word, it only reads what a word means for a row that
// must show a fix holding, the race, or either (a finding). Pure.
import { verdictOk } from '../analysis/verdict.js';
import { EXIT, type ExitCode } from '../model/exit-codes.js';
import type { VerdictWord } from '../model/verdict.js';
import type { Summary } from '../results/schema.js';

/**
 * What a row must show: its fix's expectation (analysis/expectations.ts), 'safe' for your app (what --assert safe
 * asks).
 */
export type MustShow = 'safe' | 'race' | null;

/** Shows what it must; does not, or has no answer; or either answer is a finding (a too-short fix). */
export type Standing = 'holds' | 'fails' | 'finding';

/** A row compared with its baseline, worst first; the last four are the rows nothing is concluded on. */
export const ROW_STATUSES = [
  'regression',
  'still failing',
  'changed',
  'improved',
  'ok',
  'incomplete',
  'not comparable',
  'no baseline',
  'baseline only',
] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

/** The comparison's answer, and the exit code a CI job reads it by. */
export const COMPARISON_EXIT = {
  ok: EXIT.ok,
  regression: EXIT.assertionFailed,
  'still failing': EXIT.stillFailing,
  incomplete: EXIT.incomplete,
  'not comparable': EXIT.notComparable,
} as const satisfies Record<string, ExitCode>;
export type ComparisonStatus = keyof typeof COMPARISON_EXIT;

/** Words that are no answer: a row showing one does not show what it must. */
const NO_ANSWER: ReadonlySet<VerdictWord> = new Set(['INCONCLUSIVE', 'INCOMPLETE']);

/**
 * A row's standing from its verdict words (a cell has one; a talk-sized
 * variant one per method) and whether its app showed the race in any cell
 * (analysis/verdict.ts showedRace). As the run's own verdict does, an app
 * shows the race once, in any method: for Node's defaults that is what the
 * row must show, and a GET that missed it (NOT REPRODUCED, INCONCLUSIVE)
 * beside a POST that showed it fails nothing; nor is a finding's missing
 * answer a failure then.
 */
export function standingOf(words: readonly VerdictWord[], mustShow: MustShow, appShowedRace: boolean): Standing {
  if (mustShow === 'race') return appShowedRace ? 'holds' : 'fails';
  if (words.length === 0 || words.some((w) => w === 'INCOMPLETE')) return 'fails';
  if (mustShow === 'safe') return words.every((w) => w === 'SAFE') ? 'holds' : 'fails';
  return words.some((w) => NO_ANSWER.has(w)) && !appShowedRace ? 'fails' : 'finding';
}

/**
 * Whether a run's own verdict is a failure for compare: for your app anything
 * but SAFE (UNSAFE is an answer, but the one CI must not pass); for the sample
 * app anything but the answer the run exists to give (verdictOk).
 */
export function runFails(s: Summary): boolean {
  if ((s.yourApp?.length ?? 0) > 0) return s.verdict.word !== 'SAFE';
  return !verdictOk(s.verdict.word, s.scenario.kind ?? 'classic', false);
}

/**
 * The direction in which a rate moving beyond chance is worse: up for a row that must be safe, down for Node's
 * defaults.
 */
export function worseDirection(mustShow: MustShow): 'up' | 'down' | null {
  return mustShow === 'safe' ? 'up' : mustShow === 'race' ? 'down' : null;
}

/** A row's words on both sides, in a line: "SAFE in both", "SAFE → FIX FAILED". */
export function wordsChange(words: { baseline: string; current: string }): string {
  return words.baseline === words.current ? `${words.current} in both` : `${words.baseline} → ${words.current}`;
}

/** What a row in both runs comes to: its standings first, then its rate, then its words. */
export function rowStatusOf(
  a: Standing,
  b: Standing,
  words: { baseline: string; current: string },
  rate: { moved: 'up' | 'down' | null; worse: 'up' | 'down' | null; text: string },
): { status: RowStatus; why: string } {
  const why = wordsChange(words) + (rate.moved === null ? '' : `; ${rate.text}`);
  if (b === 'fails') return { status: a === 'fails' ? 'still failing' : 'regression', why };
  if (a === 'fails') return { status: 'improved', why };
  if (rate.moved !== null) return { status: rate.moved === rate.worse ? 'regression' : 'changed', why };
  return { status: words.baseline === words.current ? 'ok' : 'changed', why };
}

/**
 * The whole comparison: an unfinished run, then settings that move a rate, then the worst row (or the run's own
 * verdict).
 */
export function comparisonStatusOf(input: {
  incomplete: boolean;
  notComparable: boolean;
  rows: readonly RowStatus[];
  run: { baselineFails: boolean; currentFails: boolean };
}): ComparisonStatus {
  if (input.incomplete) return 'incomplete';
  if (input.notComparable) return 'not comparable';
  const { baselineFails, currentFails } = input.run;
  if (input.rows.includes('regression') || (currentFails && !baselineFails)) return 'regression';
  if (input.rows.includes('still failing') || currentFails) return 'still failing';
  return 'ok';
}
