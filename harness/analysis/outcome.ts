// What a matrix cell shows, in one word and one sentence, from what was
// counted: what the client saw (502s; HAProxy's empty replies), the LB's
// retries, the boundary requests sent and who closed the upstream connections.
// Pure; the rules in the order they apply.
import { floorShortfall } from './verdict.js';
import type { CellOutcome, ClosedByTally } from '../records/summary-schema.js';

export interface CellEvidence {
  status502: number;
  /** The other gateway statuses an LB may answer the race with. */
  status503: number;
  status504: number;
  /** Requests whose client connection the LB closed without a response, or that were reset. */
  emptyReply: number;
  reset: number;
  /** Of those, requests tied to one of the app's idle closes (records/boundary.ts tiedToAppClose). */
  droppedAtAppClose: number;
  /** Of the gateway statuses, those not tied to an idle close of the app: something else made them. */
  untiedGateway: number;
  /** Aimed cycles of the cell's variant; null when not counted. */
  aimedCycles: number | null;
  /**
   * Your app only: its probed idle close when that comes before the LB's idle
   * timeout (null otherwise, and for the sample app, whose closes the preload
   * always sees): then no failure is no answer, the race is there unseen.
   */
  closesBeforeLb?: { appIdleCloseMs: number; lbIdleTimeoutMs: number } | null;
  /** Requests the LB retried on another connection without a 502 to the client. */
  masked: number;
  /** Error-log lines of the race attributed to the cell. */
  raceLogLines: number;
  boundary: number;
  clientErrors: number;
  /** The app's connections, shared by its methods: a close another method's request hit still counts here. */
  closedBy: ClosedByTally;
  method: string;
  /**
   * How the LB retries a request of this method without any log saying so
   * (Caddy: Go's transport replays idempotent requests); null when it does not.
   */
  silentRetry: string | null;
}

export interface Classification {
  outcome: CellOutcome;
  reason: string;
}

/**
 * Idle upstream connections closed while the traffic ran, by whom (the LB's
 * closes at its shutdown are not a finding). A reset is the LB's: the app's
 * socket saw the peer's RST (HAProxy purges idle server connections so; an
 * app that closes sends a FIN and records its own close).
 */
export function closedWhileIdle(t: ClosedByTally): { app: number; lb: number } {
  return { app: t.app, lb: t.lb - t.lbAtShutdown + t.reset };
}

/** '3 × 502, 1 × empty reply', or 'no failure'. */
export function clientSawText(
  e: Pick<CellEvidence, 'status502' | 'status503' | 'status504' | 'emptyReply' | 'reset'>,
): string {
  const parts = [
    [e.status502, '502'],
    [e.status503, '503'],
    [e.status504, '504'],
    [e.emptyReply, 'empty reply'],
    [e.reset, 'reset'],
  ] as const;
  const seen = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} × ${what}`);
  return seen.length > 0 ? seen.join(', ') : 'no failure';
}

/**
 * reproduced: the LB answered with a gateway error (502/503/504) tied to one
 * of the app's idle closes, or closed or reset the client's connection at one
 * (the race, as HAProxy shows it). masked: no failure, but the LB retried (or
 * its error log shows the race), or, with enough boundary requests, an LB that
 * replays the method without a log line held connections the app closed.
 * inconclusive: gateway errors none of which is tied to an app close, too few
 * boundary requests or aimed cycles (the evidence floor), other client errors,
 * or the app closed upstream connections first without a request hitting one.
 * safe: enough evidence, no failure, and the app closed none of the LB's idle
 * connections. The app's own 5xx never reach here (clientSymptom leaves them out).
 *
 * Long on purpose: one ladder, read top to bottom, whose first rule that applies
 * wins. The order is the rule (a tied 502 outweighs a retry, a retry the
 * evidence floor); split into functions, it would no longer be seen at once.
 */
export function classifyCell(e: CellEvidence, minBoundary: number): Classification {
  const idle = closedWhileIdle(e.closedBy);
  const gateway = e.status502 + e.status503 + e.status504;
  const tiedGateway = gateway - e.untiedGateway;
  const dropped = e.emptyReply + e.reset;
  if (tiedGateway > 0) {
    const tie =
      e.untiedGateway > 0
        ? `${tiedGateway} tied to an idle close of the app, ${e.untiedGateway} not`
        : 'each tied to an idle close of the app';
    return { outcome: 'reproduced', reason: `${clientSawText(e)} to the client (${tie})` };
  }
  // A dropped connection is the race's only when it came at one of the app's idle closes; otherwise something else
  // broke.
  if (dropped > 0 && e.droppedAtAppClose > 0) {
    return {
      outcome: 'reproduced',
      reason: `${clientSawText(e)} to the client (${e.droppedAtAppClose} at the instant the app closed an idle connection): the LB closed its connection without a response`,
    };
  }
  if (e.masked > 0)
    return {
      outcome: 'masked',
      reason: `the LB retried ${e.masked} request${e.masked === 1 ? '' : 's'} on a new connection; the client saw no 502`,
    };
  if (e.raceLogLines > 0)
    return {
      outcome: 'masked',
      reason: `no 502, but the LB logged the race ${e.raceLogLines} time${e.raceLogLines === 1 ? '' : 's'}`,
    };
  if (e.untiedGateway > 0) {
    return {
      outcome: 'inconclusive',
      reason: `${clientSawText(e)} to the client, none tied to an idle close of the app: not the race as far as the lab can see`,
    };
  }
  if (e.boundary < minBoundary)
    return { outcome: 'inconclusive', reason: `only ${e.boundary} boundary requests (at least ${minBoundary} needed)` };
  if (e.clientErrors > 0)
    return { outcome: 'inconclusive', reason: `${e.clientErrors} requests failed on the client side without a status` };
  // Enough boundary requests, none failed, while the app closed idle connections the LB held: this LB replays the
  // method, and says so nowhere.
  if (e.silentRetry !== null && idle.app > 0) {
    const n = idle.app;
    return {
      outcome: 'masked',
      reason: `no failure in ${e.boundary} boundary requests, while the app closed ${n} idle upstream connection${n === 1 ? '' : 's'} the LB held: ${e.silentRetry}`,
    };
  }
  if (idle.app > 0) {
    const n = idle.app;
    return {
      outcome: 'inconclusive',
      reason: `the app closed ${n} idle upstream connection${n === 1 ? '' : 's'} first: the race is there, no ${e.method} request hit it`,
    };
  }
  // What the probe saw when nothing else could (an app measured from the client side sees none of its closes).
  if (e.closesBeforeLb) {
    const { appIdleCloseMs, lbIdleTimeoutMs } = e.closesBeforeLb;
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    return {
      outcome: 'inconclusive',
      reason: `your app closes idle connections after ${s(appIdleCloseMs)}, before the LB's ${s(lbIdleTimeoutMs)}: the race is there, and none of ${e.boundary} requests aimed at it failed`,
    };
  }
  // The evidence floor is about a SAFE alone: whatever came before it stands on its own counts.
  const short = floorShortfall(e.boundary, e.aimedCycles);
  if (short !== null) return { outcome: 'inconclusive', reason: short };
  const lbText =
    idle.lb > 0 ? `the LB closed every idle upstream connection (${idle.lb})` : 'the app closed no upstream connection';
  return { outcome: 'safe', reason: `no failure in ${e.boundary} boundary requests; ${lbText}` };
}
