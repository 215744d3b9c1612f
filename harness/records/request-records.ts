// One record per request the harness sent: generation (burst, precise sends)
// emits them (traffic/record-of.ts); counting, statistics and reports consume them.
import { Type, type Static } from '@sinclair/typebox';
import { Nullable, OneOf } from './schema-kit.js';

/** The error of a request whose connection the LB closed without sending a byte (HAProxy's answer to the race). */
export const EMPTY_REPLY = 'connection closed before a response';

/** The phases a request is sent in; 'naive': npm run bench's client-side sweep, sent without the lab's aiming. */
export const PHASES = ['calibration', 'burst', 'aimed', 'long-gap', 'naive', 'price'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * One line of requests.ndjson. The schema is the source: RequestRecord derives
 * from it, and schemas/request-record.schema.json is generated from it (npm run schema).
 */
export const RequestRecordSchema = Type.Object(
  {
    requestId: Type.String({
      description:
        "c<cycle>-<variant>-<phase>-<n> (the LB-boundary lane's: c<cycle>-<variant>-lb-pool-<phase>-<n>): also the request-id header the LB logs.",
    }),
    variant: Type.String({
      description: "The app variant it was sent to ('default', 'fixed' or a matrix cell's name).",
    }),
    method: Type.String(),
    cycle: Type.Integer({ minimum: 0, description: 'The cycle it belongs to, numbered within its lane.' }),
    phase: OneOf(PHASES, { description: "'naive': npm run bench's client-side sweep, sent without the lab's aiming." }),
    idleGapMs: Nullable(Type.Number(), {
      description: "Intended idle gap of the upstream socket, on the app's clock (aimed and long-gap requests).",
    }),
    offsetMs: Nullable(Type.Number(), {
      description:
        'Planned arrival at the app relative to the predicted close of the cluster of idle upstream sockets aimed at.',
    }),
    startMonoMs: Type.Number({ description: "Client send time, on the harness's clock (CLOCK_MONOTONIC ms)." }),
    latencyMs: Nullable(Type.Number(), { description: 'Send to the end of the response; null when none came.' }),
    status: Nullable(Type.Integer(), { description: 'HTTP status from the LB; null for a client-side error.' }),
    error: Nullable(Type.String(), {
      description: "The client-side error (an errno such as ECONNRESET, or 'empty reply'); null with a status.",
    }),
    upstreamSocketId: Nullable(Type.Integer(), {
      description: "The app's id of the upstream socket that served it (its response header); null without one.",
    }),
    upstreamSocketRequest: Nullable(Type.Integer({ minimum: 1 }), {
      description: 'Which request on that socket it was (1: a new connection).',
    }),
    appStartMonoMs: Nullable(Type.Number(), {
      description: 'When the app started handling it, on its clock; null if it never did.',
    }),
    achievedIdleMs: Nullable(Type.Number(), {
      description: 'Measured idle time of the upstream socket before this request reached the app.',
    }),
  },
  {
    title: 'keepalive-lab requests.ndjson line',
    description: 'One request the harness sent, as requests.ndjson has it (one JSON object a line).',
    additionalProperties: false,
  },
);
/** One request the harness sent (a line of requests.ndjson). */
export type RequestRecord = Static<typeof RequestRecordSchema>;

/**
 * What the client saw of a request that failed in a way the race can cause:
 * the LB's gateway statuses (nginx and Caddy answer 502), or its connection
 * closed without a response (HAProxy) or reset. null for anything else: a
 * success, or a failure of the harness's own (a timeout).
 */
export type ClientSymptom = '502' | '503' | '504' | 'empty reply' | 'reset';
export const CLIENT_SYMPTOMS: readonly ClientSymptom[] = ['502', '503', '504', 'empty reply', 'reset'];

export function clientSymptom(
  r: Pick<RequestRecord, 'status' | 'error'> & Partial<Pick<RequestRecord, 'upstreamSocketId'>>,
): ClientSymptom | null {
  // A gateway status the app stamped (its socket id header came back) is the app's own answer, not the LB's: never the
  // race.
  if (isAppError(r)) return null;
  if (r.status === 502 || r.status === 503 || r.status === 504) return String(r.status) as ClientSymptom;
  if (r.status !== null) return null;
  if (r.error === EMPTY_REPLY) return 'empty reply';
  if (r.error === 'ECONNRESET' || r.error === 'EPIPE') return 'reset';
  return null;
}

/**
 * A 5xx the app answered itself: the response carries the app's stamp
 * (HEADERS.socketId), which a response the LB makes up never has. Only an app
 * with the lab's preload stamps; without it, no response is known as the app's.
 */
export function isAppError(
  r: Pick<RequestRecord, 'status'> & Partial<Pick<RequestRecord, 'upstreamSocketId'>>,
): boolean {
  return r.status !== null && r.status >= 500 && r.upstreamSocketId !== undefined && r.upstreamSocketId !== null;
}
