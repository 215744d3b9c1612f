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
  /** --assert: the run finished but its assertions failed. */
  assertionFailed: 99,
  /** Interrupted (Ctrl-C, SIGTERM). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** For --help and the README. */
export const EXIT_CODES_HELP = `Exit codes: ${EXIT.ok} done (and --assert held), ${EXIT.couldNotRun} the lab could not run or finish, ${EXIT.badInput} bad flags,
            ${EXIT.assertionFailed} --assert failed, ${EXIT.interrupted} interrupted.`;
