// Reads the app's connection accounting (app/lab/connection-accounting.cjs)
// from its output, by the protocol's record kinds and fields: a line counts
// as a record only when it carries every field its kind names (a field the
// kind gained later, ADDED_FIELDS, may be missing: an older preload's; it is
// read as null).
import {
  ADDED_FIELDS,
  KIND_KEY,
  RECORDS,
  type AppRecord,
  type RecordKind,
  type ResponseFinished,
  type SocketClosedRecord,
} from '../model/protocol.js';
import { readJsonLines } from '../model/json-lines.js';
import { roundMs } from '../model/clock.js';

function isKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && Object.hasOwn(RECORDS, value);
}

const addedFields = (kind: RecordKind): readonly string[] =>
  Object.hasOwn(ADDED_FIELDS, kind) ? ADDED_FIELDS[kind as keyof typeof ADDED_FIELDS] : [];

/**
 * Whether a parsed line is an app record: a known kind with every field the kind names (those it gained later aside).
 */
function isAppRecord(object: object): object is AppRecord {
  const kind: unknown = (object as Record<string, unknown>)[KIND_KEY];
  return (
    isKind(kind) && RECORDS[kind].every((field) => Object.hasOwn(object, field) || addedFields(kind).includes(field))
  );
}

/** The record with the fields its kind gained later, null where an older preload printed none. */
function withAddedFields(record: AppRecord): AppRecord {
  const missing = addedFields(record.lab).filter((field) => !Object.hasOwn(record, field));
  return missing.length === 0 ? record : { ...record, ...Object.fromEntries(missing.map((field) => [field, null])) };
}

/** Every app record in a stretch of the app's output, in order. */
export function parseAppRecords(output: string): AppRecord[] {
  return readJsonLines(output).filter(isAppRecord).map(withAddedFields);
}

export function socketClosedRecords(output: string): SocketClosedRecord[] {
  return parseAppRecords(output).filter((r): r is SocketClosedRecord => r.lab === 'socket-closed');
}

/** Every response the app finished, in order. */
export function responseFinishedRecords(output: string): ResponseFinished[] {
  return parseAppRecords(output).filter((r): r is ResponseFinished => r.lab === 'response-finished');
}

/** When the app decided to close a socket: its timer's instant when that fired, else the close itself. */
export function closeInstant(c: SocketClosedRecord): number {
  return c.keepAliveTimerAtMonoMs ?? c.closedAtMonoMs;
}

/**
 * What Node adds to keepAliveTimeout when it arms a socket's idle timer
 * (lib/_http_server.js, HTTP_SERVER_KEEP_ALIVE_TIMEOUT_BUFFER; configurable as
 * server.keepAliveTimeoutBuffer in later releases). Only for records of a
 * preload that did not yet say when the timer was due.
 */
export const NODE_KEEP_ALIVE_BUFFER_MS = 1_000;

/**
 * When a socket's keep-alive timer was due, on the app's clock: as the preload
 * recorded it, else (an older preload) its last response's end +
 * keepAliveTimeout + Node's buffer. null for a close that was no keep-alive timeout.
 */
export function keepAliveDue(c: SocketClosedRecord): number | null {
  if (c.keepAliveTimerDueMonoMs !== undefined && c.keepAliveTimerDueMonoMs !== null) return c.keepAliveTimerDueMonoMs;
  if (c.reason !== 'keep-alive-timeout' || c.lastResponseEndMonoMs === null || c.keepAliveTimeoutMs === null)
    return null;
  return c.lastResponseEndMonoMs + c.keepAliveTimeoutMs + NODE_KEEP_ALIVE_BUFFER_MS;
}

/**
 * The app's event-loop delay at a close: how long after its keep-alive timer
 * was due the app closed the socket (closeInstant). Timers run only in the
 * loop's timers phase, before it next polls its sockets: a request that
 * reached the socket in that time lay unread, and the close lost it. ≥ 0
 * (Node counts the timer in whole ms of its loop's clock, so it may fire up to
 * a ms before armed + duration); null when the due instant is unknown.
 */
export function loopDelayAtClose(c: SocketClosedRecord): number | null {
  const due = keepAliveDue(c);
  return due === null ? null : roundMs(Math.max(0, closeInstant(c) - due));
}

/** When the app finished each response, on its clock, by `socketId/request`. */
export function responseEnds(output: string): Map<string, number> {
  return new Map(
    parseAppRecords(output).flatMap((r) =>
      r.lab === 'response-finished' ? [[`${r.socketId}/${r.request}`, r.endMonoMs] as const] : [],
    ),
  );
}

/** The Node release the preload's ready line reports, or null when the app printed none (it did not load). */
export function preloadReadyNode(output: string): string | null {
  const ready = parseAppRecords(output).find((r) => r.lab === 'accounting-ready');
  return ready?.lab === 'accounting-ready' ? ready.node : null;
}
