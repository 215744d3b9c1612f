// One record per request the harness sent: generation (burst, precise sends)
// emits them; counting, statistics and reports consume them.
import { HEADERS } from '../protocol.js';
import type { VariantName } from '../scenarios.js';
import { EMPTY_REPLY } from './precise-client.js';

/** 'naive': npm run bench's client-side sweep, sent without the lab's aiming. */
export type Phase = 'calibration' | 'burst' | 'aimed' | 'long-gap' | 'naive';

export interface RequestRecord {
  requestId: string;
  variant: VariantName;
  method: string;
  cycle: number;
  phase: Phase;
  /** Intended idle gap of the upstream socket, on the app's clock (aimed and long-gap requests). */
  idleGapMs: number | null;
  /** Planned arrival at the app relative to the predicted close of the cluster of idle upstream sockets aimed at. */
  offsetMs: number | null;
  /** Client send time, on the harness's clock (CLOCK_MONOTONIC ms). */
  startMonoMs: number;
  latencyMs: number | null;
  /** HTTP status from the LB; null for a client-side error. */
  status: number | null;
  error: string | null;
  upstreamSocketId: number | null;
  upstreamSocketRequest: number | null;
  /** When the app started handling it, on its clock; null if it never did. */
  appStartMonoMs: number | null;
  /** Measured idle time of the upstream socket before this request reached the app. */
  achievedIdleMs: number | null;
}

/**
 * What the client saw of a request that failed in a way the race can cause:
 * the LB's gateway statuses (nginx and Caddy answer 502), or its connection
 * closed without a response (HAProxy) or reset. null for anything else: a
 * success, or a failure of the harness's own (a timeout).
 */
export type ClientSymptom = '502' | '503' | '504' | 'empty reply' | 'reset';
export const CLIENT_SYMPTOMS: readonly ClientSymptom[] = ['502', '503', '504', 'empty reply', 'reset'];

export function clientSymptom(r: Pick<RequestRecord, 'status' | 'error'>): ClientSymptom | null {
  if (r.status === 502 || r.status === 503 || r.status === 504) return String(r.status) as ClientSymptom;
  if (r.status !== null) return null;
  if (r.error === EMPTY_REPLY) return 'empty reply';
  if (r.error === 'ECONNRESET' || r.error === 'EPIPE') return 'reset';
  return null;
}

/** The app route each method exercises: the dynamic page for GET, the echo API for POST. */
export function pathFor(method: string): string {
  return method === 'GET' ? '/' : '/api/echo';
}

/**
 * A burst only leaves idle connections in the LB's pool, so it asks the
 * cheapest routes: all of its responses are then ready well before the
 * instant they are held to (HEADERS.holdUntilMonoMs).
 */
export function burstPathFor(method: string): string {
  return method === 'GET' ? '/api/health' : '/api/echo';
}

function headerNumber(headers: Record<string, string>, name: string): number | null {
  const raw = headers[name];
  if (raw === undefined) return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/** What the app's accounting tagged a response with (lower-cased header map); null where a tag is absent. */
export function upstreamTags(headers: Record<string, string>): Pick<RequestRecord, 'upstreamSocketId' | 'upstreamSocketRequest' | 'appStartMonoMs'> {
  return {
    upstreamSocketId: headerNumber(headers, HEADERS.socketId),
    upstreamSocketRequest: headerNumber(headers, HEADERS.socketRequest),
    appStartMonoMs: headerNumber(headers, HEADERS.requestStartMonoMs),
  };
}
