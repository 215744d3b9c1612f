// What a matrix cell shows, in one word and one sentence, from what was
// counted: the client's 502s, the LB's retries, the boundary requests sent and
// who closed the upstream connections. Pure; the rules in the order they apply.
import type { CellOutcome, ClosedByTally } from '../results/schema.js';

export interface CellEvidence {
  status502: number;
  /** Requests the LB retried on another connection without a 502 to the client. */
  masked: number;
  /** Error-log lines of the race attributed to the cell. */
  raceLogLines: number;
  boundary: number;
  clientErrors: number;
  /** The app's connections, shared by its methods: a close another method's request hit still counts here. */
  closedBy: ClosedByTally;
  method: string;
}

export interface Classification {
  outcome: CellOutcome;
  reason: string;
}

/** Idle upstream connections closed while the traffic ran (the LB's closes at its shutdown are not a finding). */
export function closedWhileIdle(t: ClosedByTally): { app: number; lb: number; reset: number } {
  return { app: t.app, lb: t.lb - t.lbAtShutdown, reset: t.reset };
}

/**
 * reproduced: the client got a 502. masked: no 502, but the LB retried (or its
 * error log shows the race). inconclusive: too few boundary requests, client
 * errors, or the app closed upstream connections first without a request
 * hitting one. safe: enough boundary requests, no 502, and the app closed none
 * of the LB's idle connections.
 */
export function classifyCell(e: CellEvidence, minBoundary: number): Classification {
  const idle = closedWhileIdle(e.closedBy);
  if (e.status502 > 0) return { outcome: 'reproduced', reason: `${e.status502} × 502 to the client` };
  if (e.masked > 0) return { outcome: 'masked', reason: `the LB retried ${e.masked} request${e.masked === 1 ? '' : 's'} on a new connection; the client saw no 502` };
  if (e.raceLogLines > 0) return { outcome: 'masked', reason: `no 502, but the LB logged the race ${e.raceLogLines} time${e.raceLogLines === 1 ? '' : 's'}` };
  if (e.boundary < minBoundary) return { outcome: 'inconclusive', reason: `only ${e.boundary} boundary requests (at least ${minBoundary} needed)` };
  if (e.clientErrors > 0) return { outcome: 'inconclusive', reason: `${e.clientErrors} requests failed on the client side without a status` };
  if (idle.app + idle.reset > 0) {
    const n = idle.app + idle.reset;
    return { outcome: 'inconclusive', reason: `the app closed ${n} idle upstream connection${n === 1 ? '' : 's'} first: the race is there, no ${e.method} request hit it` };
  }
  const lbText = idle.lb > 0 ? `the LB closed every idle upstream connection (${idle.lb})` : 'the app closed no upstream connection';
  return { outcome: 'safe', reason: `0 × 502 in ${e.boundary} boundary requests; ${lbText}` };
}
