// The verdict's vocabulary: the words a run or a cell can end on, the tone each
// is drawn in, and the evidence floor below which no run may call anything
// safe. Plain data at the bottom of the house: the rule that picks a word is
// analysis/verdict.ts; every surface (terminal, report.md, report.html, live
// page, compare, your app's line) renders the word it finds in summary.json.

/** Every word a verdict can be, run or cell. */
export const VERDICT_WORDS = [
  'REPRODUCED',
  'FIX FAILED',
  'NOT REPRODUCED',
  'INCONCLUSIVE',
  'INCOMPLETE',
  'SAFE',
  'UNSAFE',
  'MASKED',
] as const;
export type VerdictWord = (typeof VERDICT_WORDS)[number];

/**
 * How a verdict is drawn: 'bad' when the app is exposed to the race (it showed,
 * a fix failed, your app is unsafe), 'good' when it was shown safe, 'warn' for
 * everything that is not an answer yet (hidden, unfinished, too little evidence).
 */
export const VERDICT_TONES = ['good', 'bad', 'warn'] as const;
export type VerdictTone = (typeof VERDICT_TONES)[number];

/** The one place a word gets its tone: no surface picks a colour of its own. */
export const TONE_OF: Readonly<Record<VerdictWord, VerdictTone>> = {
  REPRODUCED: 'bad',
  'FIX FAILED': 'bad',
  UNSAFE: 'bad',
  SAFE: 'good',
  MASKED: 'warn',
  'NOT REPRODUCED': 'warn',
  INCONCLUSIVE: 'warn',
  INCOMPLETE: 'warn',
};

/** What each word means, for --help, the README's table and the report's legend. */
export const VERDICT_MEANING: Readonly<Record<VerdictWord, string>> = {
  REPRODUCED:
    "the LB answered requests with the race's failure, each tied to an idle close of the app (and every fix in the run held)",
  'FIX FAILED': 'an app with a fix that must hold showed the race (or the LB hid it on a retry)',
  'NOT REPRODUCED': "Node's defaults were aimed at and showed no failure tied to the race",
  INCONCLUSIVE:
    'too little evidence for an answer: too few boundary requests or aimed cycles, failures not tied to an app close, client-side errors',
  INCOMPLETE: 'the run did not finish (interrupted, or a component failed): its counts cover only what ran',
  SAFE: 'enough boundary requests and aimed cycles, no failure, and no idle connection closed by the app under the LB',
  UNSAFE: 'your app closes idle connections the LB still holds: the race showed, or the LB hid it with a retry',
  MASKED: 'the race is there, but the LB retried the request on a new connection and the client saw no failure',
};

/** A verdict as summary.json keeps it, once, for every surface to render. */
export interface Verdict {
  word: VerdictWord;
  tone: VerdictTone;
  /** Why this word, one sentence each; empty for an answer that needs no reason beyond its evidence. */
  reasons: string[];
  /** The counts the word rests on, in one line (with the bounds for a SAFE). */
  evidence: string;
}

/**
 * Below these, zero failures say too little to be called safe: a cell needs
 * this many boundary requests (8 in a row without a failure bound the rate at
 * ≤ 31 %, one-sided 95 %) and this many aimed cycles (3 cycles: ≤ 63 % per
 * cycle). They are floors, not targets: the lab's defaults ask far more
 * (--min-boundary 40, 12 cycles), and --min-boundary below the run's floor is
 * refused.
 */
export const EVIDENCE_FLOOR = { boundaryRequestsPerCell: 8, aimedCycles: 3 } as const;

/** The verdict of a word, with its tone from TONE_OF. */
export function verdictOf(word: VerdictWord, evidence: string, reasons: string[] = []): Verdict {
  return { word, tone: TONE_OF[word], reasons, evidence };
}

/** The README's table of the words, as `npm run docs` writes it: word, tone, meaning. */
export function verdictTableMarkdown(): string {
  return [
    '| word | tone | means |',
    '|---|---|---|',
    ...VERDICT_WORDS.map((w) => `| ${w} | ${TONE_OF[w]} | ${VERDICT_MEANING[w]} |`),
  ].join('\n');
}

/** The words your app's verdict can be (--app-image, --app-build): an answer about the app, from its cell's word. */
export const APP_VERDICT_WORDS = [
  'UNSAFE',
  'SAFE',
  'INCONCLUSIVE',
  'INCOMPLETE',
] as const satisfies readonly VerdictWord[];
export type AppVerdictWord = (typeof APP_VERDICT_WORDS)[number];

/**
 * Your app's word from its cell's: the race shown or hidden by a retry is
 * UNSAFE; a SAFE cell is SAFE; no answer stays no answer. The one mapping, so
 * the app's line and its cell can never disagree.
 */
export const APP_WORD_OF: Readonly<Record<VerdictWord, AppVerdictWord>> = {
  REPRODUCED: 'UNSAFE',
  MASKED: 'UNSAFE',
  'FIX FAILED': 'UNSAFE',
  SAFE: 'SAFE',
  'NOT REPRODUCED': 'INCONCLUSIVE',
  INCONCLUSIVE: 'INCONCLUSIVE',
  INCOMPLETE: 'INCOMPLETE',
  UNSAFE: 'UNSAFE',
};
