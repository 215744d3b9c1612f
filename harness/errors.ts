/**
 * A problem the user can act on (Docker not running, a port taken, a bad flag):
 * shown as one sentence and a hint, never a stack trace. Anything else is a bug.
 */
export class LabError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'LabError';
  }
}
