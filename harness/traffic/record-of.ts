// A sent request's record, built from its outcome and the app's tags on the
// response; the paths each method asks.
import { HEADERS } from '../model/protocol.js';
import type { Variant } from '../scenarios/scenarios.js';
import { roundMs } from '../model/clock.js';
import type { RequestRecord } from '../records/request-records.js';
import type { Outcome } from './precise-client.js';

/** The app route each method exercises: the dynamic page for GET, the echo API for POST; a user's app, its --path. */
export function pathFor(method: string, variant?: Pick<Variant, 'app'>): string {
  if (variant?.app) return variant.app.trafficPath;
  return method === 'GET' ? '/' : '/api/echo';
}

/**
 * A burst only leaves idle connections in the LB's pool, so it asks the
 * cheapest routes: all of its responses are then ready well before the
 * instant they are held to (HEADERS.holdUntilMonoMs).
 */
export function burstPathFor(method: string, variant?: Pick<Variant, 'app'>): string {
  if (variant?.app) return variant.app.trafficPath;
  return method === 'GET' ? '/api/health' : '/api/echo';
}

function headerNumber(headers: Record<string, string>, name: string): number | null {
  const raw = headers[name];
  if (raw === undefined) return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/** What a record says before its outcome is known: which request it is, and where it was aimed. */
export type RecordBase = Pick<
  RequestRecord,
  'requestId' | 'variant' | 'method' | 'cycle' | 'phase' | 'idleGapMs' | 'offsetMs'
>;

/**
 * The record of a sent request's outcome. Its upstream socket's idle time
 * before it (achievedIdleMs) is measured on the app's clock: when the app
 * started it less when the app finished the socket's previous response
 * (responseEnd, from the app's accounting); null on a new connection.
 */
export function requestRecordOf(
  outcome: Outcome,
  base: RecordBase,
  responseEnd: (socketId: number, request: number) => number | undefined,
): RequestRecord {
  const tags = upstreamTags(outcome.response?.headers ?? {});
  let achievedIdleMs: number | null = null;
  const { upstreamSocketId: socketId, upstreamSocketRequest: nth, appStartMonoMs: appStart } = tags;
  if (socketId !== null && nth !== null && nth > 1 && appStart !== null) {
    const previousEnd = responseEnd(socketId, nth - 1);
    if (previousEnd !== undefined) achievedIdleMs = roundMs(appStart - previousEnd);
  }
  return {
    ...base,
    startMonoMs: outcome.sentAtMonoMs,
    latencyMs: roundMs(outcome.doneAtMonoMs - outcome.sentAtMonoMs),
    status: outcome.response?.status ?? null,
    error: outcome.error,
    ...tags,
    achievedIdleMs,
  };
}

/** What the app's accounting tagged a response with (lower-cased header map); null where a tag is absent. */
export function upstreamTags(
  headers: Record<string, string>,
): Pick<RequestRecord, 'upstreamSocketId' | 'upstreamSocketRequest' | 'appStartMonoMs'> {
  return {
    upstreamSocketId: headerNumber(headers, HEADERS.socketId),
    upstreamSocketRequest: headerNumber(headers, HEADERS.socketRequest),
    appStartMonoMs: headerNumber(headers, HEADERS.requestStartMonoMs),
  };
}
