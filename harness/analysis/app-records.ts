// Reads the app's connection accounting (app/lab/connection-accounting.cjs)
// from its output, by the protocol's record kinds and fields: a line counts
// as a record only when it carries every field its kind names.
import { KIND_KEY, RECORDS, type AppRecord, type RecordKind, type SocketClosedRecord } from '../protocol.js';
import { readJsonLines } from './json-lines.js';

function isKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && Object.hasOwn(RECORDS, value);
}

/** Whether a parsed line is an app record: a known kind with every field the kind names. */
function isAppRecord(object: object): object is AppRecord {
  const kind: unknown = (object as Record<string, unknown>)[KIND_KEY];
  return isKind(kind) && RECORDS[kind].every((field) => Object.hasOwn(object, field));
}

/** Every app record in a stretch of the app's output, in order. */
export function parseAppRecords(output: string): AppRecord[] {
  return readJsonLines(output).filter(isAppRecord);
}

export function socketClosedRecords(output: string): SocketClosedRecord[] {
  return parseAppRecords(output).filter((r): r is SocketClosedRecord => r.lab === 'socket-closed');
}

/** When the app decided to close a socket: its timer's instant when that fired, else the close itself. */
export function closeInstant(c: SocketClosedRecord): number {
  return c.keepAliveTimerAtMonoMs ?? c.closedAtMonoMs;
}

/** When the app finished each response, on its clock, by `socketId/request`. */
export function responseEnds(output: string): Map<string, number> {
  return new Map(parseAppRecords(output).flatMap((r) => (r.lab === 'response-finished' ? [[`${r.socketId}/${r.request}`, r.endMonoMs] as const] : [])));
}


/** The Node release the preload's ready line reports, or null when the app printed none (it did not load). */
export function preloadReadyNode(output: string): string | null {
  const ready = parseAppRecords(output).find((r) => r.lab === 'accounting-ready');
  return ready?.lab === 'accounting-ready' ? ready.node : null;
}
