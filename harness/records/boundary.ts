// Which aimed requests tested the close boundary: the engine counts them to
// know when a cell has enough, and the summary classifies by the same rule.
import { clientSymptom, type RequestRecord } from './request-records.js';

/** Only closes this near count: an estimated arrival further from any app close met something else. */
export const NEAR_APP_CLOSE_MS = 100;

/**
 * Whether a request sent at startMonoMs (harness clock) reached the app's side within NEAR_APP_CLOSE_MS of one of its
 * idle closes (app clock).
 */
export function arrivedAtAppClose(
  startMonoMs: number,
  sendToAppMs: number,
  appCloseInstants: readonly number[],
): boolean {
  const arrivalMs = startMonoMs + sendToAppMs;
  return appCloseInstants.some((t) => Math.abs(arrivalMs - t) < NEAR_APP_CLOSE_MS);
}

export interface BoundaryContext {
  /** The LB replays this method on a new connection when a reused one dies, and logs nothing (Caddy's GET). */
  replaysUnseen: boolean;
  /** The app's own idle closes, on its clock (closeInstant of those closedBy 'app'). */
  appCloseInstants: readonly number[];
  /** A send at harness time t reached the app at t + this. */
  sendToAppMs: number;
  /**
   * A fix on the LB's side is in front of the app (scenarios/lb-fixes.ts):
   * its aimed requests go out at the app's idle close, where the LB without
   * the fix hands them connections idle that long. One answered there on a
   * new connection is the fix at work (the LB closed or never kept the idle
   * one), and tested it as much as one that reused a connection.
   */
  lbFixed?: boolean;
}

/** The app's side of a BoundaryContext: its own idle closes and how late a send reaches it. */
export type AppCloseContext = Pick<BoundaryContext, 'appCloseInstants' | 'sendToAppMs'>;

/**
 * An aimed request tested the boundary when it met the race (any failure the
 * client saw) or reused an idle upstream connection there; one that went out
 * on a new connection after the close tested nothing. Behind an LB that
 * replays the method unseen, a request that won the race looks like that too:
 * there, one that arrived as the app closed an idle connection counts, since
 * the replay is exactly what hid it. (Counting only reused connections there
 * made the better aim the rarer count: a CI run found 3 where 8 were needed.)
 * An app without the preload says nothing of its connections: there every
 * answered aimed request counts.
 */
export function testedBoundary(r: RequestRecord, context: BoundaryContext): boolean {
  if (r.phase !== 'aimed') return false;
  if (metRaceOrReused(r) && !reusedAFreedConnection(r)) return true;
  if (context.lbFixed && r.status !== null && !reusedAFreedConnection(r)) return true;
  return context.replaysUnseen && arrivedAtAppClose(r.startMonoMs, context.sendToAppMs, context.appCloseInstants);
}

/**
 * A request answered on a reused connection that had idled far less than the
 * gap it was aimed at: another request of the same batch had just freed it
 * (the LB hands out its most recent idle connection first), and it tested
 * nothing. A batch larger than the app's answer is quick sees some (a long
 * lane's 32 per pool).
 */
function reusedAFreedConnection(r: RequestRecord): boolean {
  return (
    clientSymptom(r) === null &&
    (r.upstreamSocketRequest ?? 0) > 1 &&
    r.achievedIdleMs !== null &&
    r.idleGapMs !== null &&
    r.achievedIdleMs < r.idleGapMs - LB_BOUNDARY_IDLE_SLACK_MS
  );
}

/**
 * A request that failed, or reused an idle upstream connection (or, from an app without the preload, was answered at
 * all).
 */
function metRaceOrReused(r: RequestRecord): boolean {
  if (clientSymptom(r) !== null || (r.upstreamSocketRequest ?? 0) > 1) return true;
  // An app without the preload tags no response: aimed at the boundary is all that is known (the client-side method's
  // limit).
  return r.status !== null && r.upstreamSocketRequest === null;
}

/**
 * A request aimed at an idle gap just under the LB's own timeout: the
 * talk-sized run's LB-boundary lane (traffic/lb-boundary-lane.ts), and
 * --full's gap a second under it. There an app that outlives the LB is
 * tested where such a fix can fail; the gap over the LB's timeout tests nothing.
 */
export function aimedAtLbBoundary<R extends Pick<RequestRecord, 'phase' | 'idleGapMs'>>(
  r: R,
  lbTimeoutMs: number,
): r is R & { idleGapMs: number } {
  return r.phase === 'long-gap' && r.idleGapMs !== null && r.idleGapMs < lbTimeoutMs;
}

/**
 * A reused connection tested the LB's boundary when it had idled within this
 * of the gap aimed at (app clock); one that another request of the same batch
 * had just freed tested nothing there.
 */
export const LB_BOUNDARY_IDLE_SLACK_MS = 1_000;

/**
 * Whether a request aimed at the LB's boundary tested it: it met the race, or
 * reused a connection idle that long. One on a new connection found the
 * connections closed already, by the LB or the app (the tally says which).
 */
export function testedLbBoundary(r: RequestRecord, lbTimeoutMs: number): boolean {
  if (!aimedAtLbBoundary(r, lbTimeoutMs) || !metRaceOrReused(r)) return false;
  return (
    clientSymptom(r) !== null ||
    r.achievedIdleMs === null ||
    r.achievedIdleMs >= r.idleGapMs - LB_BOUNDARY_IDLE_SLACK_MS
  );
}

/** How a failure is tied to the app's idle closes: what the run could see of them. */
export interface TieContext {
  /** The app's idle closes are known (the preload recorded them); false for an app measured from the client side. */
  appClosesKnown: boolean;
  appCloseInstants: readonly number[];
  sendToAppMs: number;
  /**
   * Requests the LB's error log names as failed under the app's close or reset (lb/race-lines.ts): for an app
   * measured from the client side, the evidence of who closed. None by default.
   */
  lbNamedRequestIds?: ReadonlySet<string>;
}

/**
 * A failure the LB's error log names as the app's close or reset, and quick as the race's are (back within
 * NEAR_APP_CLOSE_MS): a crash or a timeout under a request that took longer is not taken for the race.
 */
function namedByLbLog(r: Pick<RequestRecord, 'requestId' | 'latencyMs'>, context: TieContext): boolean {
  return (
    (context.lbNamedRequestIds?.has(r.requestId) ?? false) && r.latencyMs !== null && r.latencyMs < NEAR_APP_CLOSE_MS
  );
}

/**
 * Whether a failure the client saw is the race's: it reached the app's side
 * within NEAR_APP_CLOSE_MS of one of the app's idle closes, or it was in
 * flight when one came and its failure came back within NEAR_APP_CLOSE_MS
 * after it. The second catches a request that lay unread while the app's
 * event loop ran late: on a busy machine a fixed app 2.4 s behind its
 * requests closed a socket with one in it, 2.4 s after it had arrived, and the
 * LB's reset came back 49 ms later (a Caddy cell of a matrix). Without the
 * preload no close is seen: there, a request aimed at the idle close the probe
 * measured is tied (by its aim), and any other only where the LB's error log
 * names it (a burst's 502 behind Caddy, Jetty's 30 s close, in a CI run).
 */
export function tiedToAppClose(
  r: Pick<RequestRecord, 'requestId' | 'phase' | 'startMonoMs' | 'latencyMs'>,
  context: TieContext,
): boolean {
  if (!context.appClosesKnown) return r.phase === 'aimed' || namedByLbLog(r, context);
  if (arrivedAtAppClose(r.startMonoMs, context.sendToAppMs, context.appCloseInstants)) return true;
  if (r.latencyMs === null) return false;
  // On the app's clock: the request reached it at `arrival`, and its answer was back at the client by `answered`
  // (an upper bound: sendToAppMs includes the one-way delay the answer's own return does not add).
  const arrival = r.startMonoMs + context.sendToAppMs;
  const answered = arrival + r.latencyMs;
  return context.appCloseInstants.some((t) => t >= arrival && t <= answered && answered - t < NEAR_APP_CLOSE_MS);
}
