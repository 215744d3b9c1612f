// The lab's exit codes: what a CI job can tell apart without reading the output.
// A failed --assert (the fix regressed, or the bug no longer reproduces) is not
// "the lab could not run" (Docker down, a port taken): k6 makes the same split
// (99 for failed thresholds).
export const EXIT = {
  /** Done; with --assert, the assertions held. */
  ok: 0,
  /** The lab could not run or finish: Docker down, a port taken, a component died mid-run, results not writable. */
  couldNotRun: 1,
  /** Bad flags or input. */
  badInput: 2,
  /**
   * --assert: the run finished but its assertions failed; npm run compare: the current run is worse than its baseline
   * (--baseline: any answer but ok).
   */
  assertionFailed: 99,
  /**
   * npm run compare: the current run fails as its baseline did, and nothing got worse (a known failure, not a new one).
   */
  stillFailing: 100,
  /** npm run compare: a run did not finish (interrupted, or a component failed): its counts cover only what ran. */
  incomplete: 101,
  /**
   * npm run compare: the runs differ in a setting that moves a failure rate (retry policy, concurrency, …): nothing to
   * conclude.
   */
  notComparable: 102,
  /** Interrupted (Ctrl-C, SIGTERM). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** For --help and the README (each line within --help's 100 columns). */
export const EXIT_CODES_HELP = `Exit codes: ${EXIT.ok} done (and --assert held), ${EXIT.couldNotRun} the lab could not run or finish, ${EXIT.badInput} bad flags,
            ${EXIT.assertionFailed} --assert failed (or --baseline: worse than the baseline),
            ${EXIT.stillFailing} --baseline: failing as the baseline did, ${EXIT.incomplete} --baseline: a run incomplete,
            ${EXIT.notComparable} --baseline: settings that move a rate differ, ${EXIT.interrupted} interrupted.`;
