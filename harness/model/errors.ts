import { EXIT, type ExitCode } from './exit-codes.js';

/**
 * A problem the user can act on (Docker not running, a port taken, a bad flag):
 * shown as one sentence and a hint, never a stack trace. Anything else is a bug.
 */
export class LabError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode: ExitCode = EXIT.couldNotRun,
  ) {
    super(message);
    this.name = 'LabError';
  }
}

/**
 * Prints a problem the user can act on as one line (and a hint) on stderr, after the command's name; returns its exit
 * code.
 */
export function reportLabError(err: LabError, command = 'keepalive-lab'): ExitCode {
  console.error(`${command}: ${err.message}${err.hint ? `\n  hint: ${err.hint}` : ''}`);
  return err.exitCode;
}

/** The run was interrupted (Ctrl-C) while `what`. */
export function interrupted(what: string): LabError {
  return new LabError(`Interrupted while ${what}.`, undefined, EXIT.interrupted);
}

/**
 * Runs a synchronous command's main and sets the exit code: a LabError is one
 * line (and a hint) and its own code; anything else is a bug, shown with its
 * stack trace, exit 1.
 */
export function runCommand(command: string, main: (argv: string[]) => ExitCode): void {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    if (err instanceof LabError) {
      process.exitCode = reportLabError(err, command);
      return;
    }
    console.error(err);
    process.exitCode = EXIT.couldNotRun;
  }
}

/** What went wrong, as text, whatever was thrown: an Error's message, else the thrown value itself. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The first line of it: Docker and parseArgs put their details after the first line. */
export function firstLineOf(err: unknown): string {
  return messageOf(err).split('\n')[0];
}
