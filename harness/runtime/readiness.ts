// "Ready" as one wait strategy for every runtime: look until everything is
// ready, every intervalMs, bounded in time and in looks; a timeout names what
// was awaited and what it was still waiting for. A look may throw to end the
// wait at once (a component that died will not become ready).
import http from 'node:http';
import { monoMs } from '../model/clock.js';
import { interrupted, LabError } from '../model/errors.js';

/** What one look found: whether everything is ready, and if not, what is still awaited (for the timeout's message). */
export interface Look {
  ready: boolean;
  waitingFor: string;
}

export interface ReadyWait {
  /** What is awaited, as the messages name it: 'the stack'. */
  what: string;
  timeoutMs: number;
  intervalMs: number;
  /** Bound on looks; by default as many as timeoutMs holds at intervalMs, and one more. */
  maxLooks?: number;
  signal?: AbortSignal;
  /** The timeout's message, given the last look's waitingFor; a default one names `what` and it. */
  timeoutMessage?: (waitingFor: string) => string;
}

/**
 * Resolves once a look finds everything ready; rejects when time or looks run out, when aborted, or when a look throws.
 */
export async function waitUntilReady(look: () => Promise<Look>, wait: ReadyWait): Promise<void> {
  const { what, timeoutMs, intervalMs, signal } = wait;
  const deadline = monoMs() + timeoutMs;
  const maxLooks = wait.maxLooks ?? Math.ceil(timeoutMs / intervalMs) + 1;
  for (let looks = 1; ; looks++) {
    if (signal?.aborted) throw interrupted(`waiting for ${what}`);
    const { ready, waitingFor } = await look();
    if (ready) return;
    if (monoMs() > deadline || looks >= maxLooks) {
      throw new LabError(
        wait.timeoutMessage?.(waitingFor) ??
          `${what} was not ready within ${timeoutMs / 1000} s (${looks} looks); still waiting for ${waitingFor}.`,
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** One request's bound: a component that accepts but does not answer is not ready. */
export const ANSWER_TIMEOUT_MS = 2_000;

/**
 * Whether GET http://127.0.0.1:port/path answers with a status `accepts` takes, within timeoutMs; false when nothing
 * listens, the connection resets or it takes too long. node:http on a fresh connection, not fetch: Node 20's fetch
 * never settles when Docker's proxy resets the connection (nothing listens on that port in the container), and with
 * no other handle the process just exits; and no idle keep-alive socket is left behind to the component.
 */
export function answersHttp(
  port: number,
  path: string,
  accepts: (status: number) => boolean,
  timeoutMs = ANSWER_TIMEOUT_MS,
): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent: false, timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(accepts(response.statusCode ?? 500));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}
