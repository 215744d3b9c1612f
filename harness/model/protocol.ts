// The harness's side of the wire protocol with the app (app/lab/protocol.cjs is
// its one home): header names, record kinds, and the record types. The types
// below are checked against the protocol's field lists at compile time, both
// ways, so neither side can add, drop or rename a field alone.
import protocol from '../../app/lab/protocol.cjs';

export const { HEADERS, KIND_KEY, RECORDS, ADDED_FIELDS, CLOSED_BY, APP_CLOCK_OFFSET_ENV } = protocol;

export type RecordKind = keyof typeof RECORDS;
export type ClosedBy = (typeof CLOSED_BY)[number];

/** The preload has loaded: the app is instrumented. */
export interface AccountingReady {
  lab: 'accounting-ready';
  variant: string | null;
  pid: number;
  /** process.version of the app, e.g. "v24.21.0". */
  node: string;
}

/** One response finished on one of the app's sockets: the socket's idle time starts at endMonoMs. */
export interface ResponseFinished {
  lab: 'response-finished';
  socketId: number;
  /** The nth request on that socket. */
  request: number;
  method: string;
  status: number;
  endMonoMs: number;
  /**
   * The request's HEADERS.requestId: the harness's id for it, so one the app
   * answered twice (an LB replayed it) shows. null when the request had none;
   * absent (read as null) from an older preload's records (ADDED_FIELDS).
   */
  requestId?: string | null;
}

/** One of the app's sockets closed: who closed it, after how long idle. */
export interface SocketClosedRecord {
  lab: 'socket-closed';
  variant: string | null;
  pid: number;
  socketId: number;
  remote: string;
  requests: number;
  acceptedAtMonoMs: number;
  lastResponseEndMonoMs: number | null;
  closedAtMonoMs: number;
  /**
   * When the socket's timer fired, if it did: the instant the app decided to
   * close (its 'close' event, closedAtMonoMs, follows only once the event loop
   * is free, milliseconds later while the app renders a page).
   */
  keepAliveTimerAtMonoMs: number | null;
  /**
   * When that timer was due: the instant it was last armed (after the last
   * response) plus its duration (keepAliveTimeout + Node's buffer). The timer
   * fires only in the event loop's timers phase, so keepAliveTimerAtMonoMs −
   * this is the loop's delay: all that while the app read none of its sockets.
   * null when no timer fired; absent (read as null) from an older preload's
   * records (ADDED_FIELDS).
   */
  keepAliveTimerDueMonoMs?: number | null;
  idleMs: number;
  closedBy: ClosedBy;
  /** e.g. 'keep-alive-timeout', 'server-close', 'fin', 'ECONNRESET'. */
  reason: string;
  keepAliveTimeoutMs: number | null;
  headersTimeoutMs: number | null;
}

export type AppRecord = AccountingReady | ResponseFinished | SocketClosedRecord;

// Compile-time contract: each record type has exactly the protocol's fields.
type FieldsOf<K extends RecordKind> = (typeof RECORDS)[K][number];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const fieldsAgree: {
  ready: Same<FieldsOf<'accounting-ready'>, keyof AccountingReady>;
  response: Same<FieldsOf<'response-finished'>, keyof ResponseFinished>;
  closed: Same<FieldsOf<'socket-closed'>, keyof SocketClosedRecord>;
} = { ready: true, response: true, closed: true };
void fieldsAgree;
