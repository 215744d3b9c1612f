// nginx's side of the story: its JSON access log (one object per request) and
// the error-log lines that explain a 502.
import type { AccessLogEntry } from './access-log.js';
import { readJsonLines } from '../model/json-lines.js';
import type { ErrorLogCounts } from '../records/summary-schema.js';
import type { RaceLogLine } from './race-lines.js';

/** A line of the lab's log_format (nginx/nginx.conf.template). */
interface NginxLogLine {
  time_s: number;
  variant: string;
  request_method: string;
  status: number;
  /** "502" or, retried on another connection, "502, 200". */
  upstream_status: string;
  request_id: string;
  upstream_socket_id: string;
  /** nginx's $connection: the client connection's serial number. */
  client_connection?: number;
}

/** An access-log line of the lab's log_format: it names the variant and the status. */
function isNginxLogLine(object: object): object is NginxLogLine {
  const o = object as Record<string, unknown>;
  return typeof o.variant === 'string' && typeof o.status === 'number';
}

export function parseAccessLog(text: string): AccessLogEntry[] {
  return readJsonLines(text)
    .filter(isNginxLogLine)
    .map((l) => ({
      lb: 'nginx',
      time_s: l.time_s,
      variant: l.variant,
      request_method: l.request_method,
      status: l.status,
      request_id: l.request_id,
      upstream_socket_id: l.upstream_socket_id,
      ...(typeof l.client_connection === 'number' && { clientConnection: l.client_connection }),
      // Each upstream attempt adds one status to $upstream_status.
      retries: typeof l.upstream_status === 'string' ? (l.upstream_status.match(/,/g) ?? []).length : 0,
    }));
}

/** Every error line of the log, whatever its kind. */
export function countErrorLines(text: string): number {
  const counts: Record<keyof ErrorLogCounts, number> = countErrorLog(text);
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** The error lines of nginx's error log, by kind. */
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

/** Error lines of the race, attributed by the client's Host header ("127.0.0.1:8401") and request line. */
export function raceLogLines(text: string): RaceLogLine[] {
  const lines: RaceLogLine[] = [];
  for (const line of text.split('\n')) {
    if (!/\[(error|crit|alert|emerg)\]/.test(line)) continue;
    if (!/upstream prematurely closed connection|Connection reset by peer|Broken pipe/.test(line)) continue;
    const host = /host: "[^":]*:(\d+)"/.exec(line);
    const request = /request: "([A-Z]+) /.exec(line);
    const at = /^(\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d) \[\w+\] \d+#\d+: \*(\d+) /.exec(line);
    lines.push({
      lbPort: host ? Number(host[1]) : null,
      method: request ? request[1] : null,
      requestId: null,
      // The lab's images and hosts keep nginx's clock in UTC; a line it cannot place names no request.
      ...(at && {
        connection: {
          number: Number(at[7]),
          timeS: Date.UTC(+at[1], +at[2] - 1, +at[3], +at[4], +at[5], +at[6]) / 1000,
        },
      }),
    });
  }
  return lines;
}
