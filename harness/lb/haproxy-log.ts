// HAProxy's side: the JSON log-format of haproxy/haproxy.cfg.template, one line
// per request it answered. A request lost on a reused server connection gets
// no line at all: HAProxy closes the client's connection without a response
// and logs nothing (measured on 2.6), so that symptom is the client's to count.
import type { AccessLogEntry } from './access-log.js';
import { readJsonLines } from '../model/json-lines.js';

interface HaproxyLogLine {
  time_s: number;
  variant: string;
  request_method: string;
  status: number;
  request_id: string;
  upstream_socket_id: string;
  /** %rc: retries, prefixed with '+' when redispatched. */
  retries: string;
}

function isHaproxyLogLine(object: object): object is HaproxyLogLine {
  const o = object as Record<string, unknown>;
  return typeof o.variant === 'string' && typeof o.status === 'number' && typeof o.request_method === 'string';
}

/** HAProxy writes "-" for a capture that caught nothing. */
const captured = (value: string) => (value === '-' ? '' : value);

export function parseHaproxyAccessLog(text: string): AccessLogEntry[] {
  return readJsonLines(text)
    .filter(isHaproxyLogLine)
    .map((l) => ({
      lb: 'haproxy',
      time_s: l.time_s,
      variant: l.variant,
      request_method: l.request_method,
      status: l.status,
      request_id: captured(l.request_id),
      upstream_socket_id: captured(l.upstream_socket_id),
      retries: Number(String(l.retries).replace('+', '')) || 0,
    }));
}

/**
 * HAProxy's own warnings and alerts (stderr), but the notices of its soft stop at the end of a run: none is expected.
 */
export function countHaproxyAlerts(stderr: string): number {
  return stderr
    .split('\n')
    .filter(
      (l) =>
        /^\[(WARNING|ALERT)\]/.test(l.trim()) &&
        !/stopped \(cumulated conns|Stopping (frontend|backend|proxy)|soft-stop/i.test(l),
    ).length;
}
