// nginx's side of the story: its JSON access log (one object per request) and
// the error-log lines that explain a 502.
import { readJsonLines } from './json-lines.js';

export interface AccessLogEntry {
  /** Seconds since the epoch, millisecond resolution ($msec). */
  time_s: number;
  variant: string;
  request_method: string;
  uri: string;
  status: number;
  upstream_status: string;
  upstream_addr: string;
  request_id: string;
  upstream_socket_id: string;
  request_time: number;
}

/** An access-log line of the lab's log_format: it names the variant and the status. */
function isAccessLogEntry(object: object): object is AccessLogEntry {
  const o = object as Record<string, unknown>;
  return typeof o.variant === 'string' && typeof o.status === 'number';
}

export function parseAccessLog(text: string): AccessLogEntry[] {
  return readJsonLines(text).filter(isAccessLogEntry);
}

export interface ErrorLogCounts {
  prematurelyClosed: number;
  connectionReset: number;
  brokenPipe: number;
  other: number;
}

export function countErrorLog(text: string): ErrorLogCounts {
  const counts: ErrorLogCounts = { prematurelyClosed: 0, connectionReset: 0, brokenPipe: 0, other: 0 };
  for (const line of text.split('\n')) {
    if (!/\[(error|crit|alert|emerg)\]/.test(line)) continue;
    if (line.includes('upstream prematurely closed connection')) counts.prematurelyClosed++;
    else if (line.includes('Connection reset by peer')) counts.connectionReset++;
    else if (line.includes('Broken pipe')) counts.brokenPipe++;
    else counts.other++;
  }
  return counts;
}

/** An access-log entry the LB sent to more than one upstream connection ($upstream_status "502, 200"). */
export function wasRetried(entry: AccessLogEntry): boolean {
  return entry.upstream_status.includes(',');
}

/** An error-log line of the race (the app closed or reset a connection the LB had just reused), with where it came from. */
export interface RaceLogLine {
  /** The LB port the client used (from the line's host), which names the variant. */
  lbPort: number | null;
  method: string | null;
}

/** Error lines of the race, attributed by the client's Host header ("127.0.0.1:8401") and request line. */
export function raceLogLines(text: string): RaceLogLine[] {
  const lines: RaceLogLine[] = [];
  for (const line of text.split('\n')) {
    if (!/\[(error|crit|alert|emerg)\]/.test(line)) continue;
    if (!/upstream prematurely closed connection|Connection reset by peer|Broken pipe/.test(line)) continue;
    const host = /host: "[^":]*:(\d+)"/.exec(line);
    const request = /request: "([A-Z]+) /.exec(line);
    lines.push({ lbPort: host ? Number(host[1]) : null, method: request ? request[1] : null });
  }
  return lines;
}
