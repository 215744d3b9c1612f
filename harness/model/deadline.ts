// Bounds a wait on something outside the lab (the Docker daemon, a runtime
// being torn down): one that hangs must turn into an error the user can read,
// never into a lab that hangs with it.

/** The bounded work did not settle in time. */
export class DeadlineExceeded extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${ms / 1000} s`);
    this.name = 'DeadlineExceeded';
  }
}

/** Settles as `work` does, or rejects with DeadlineExceeded after ms. */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(what, ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
