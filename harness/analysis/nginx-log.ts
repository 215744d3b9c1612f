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
