// The LBs' error-log lines of the race (the app closed or reset the upstream
// connection under a request), in one shape: what the client side cannot see.
// nginx's and Caddy's parsers (nginx-log.ts, caddy-log.ts) read their own
// format into it; HAProxy writes none.
import type { AccessLogEntry } from './access-log.js';

/**
 * An error-log line of the race (the app closed or reset a connection the LB had just reused), with where it came from.
 */
export interface RaceLogLine {
  /** The LB port the client used (from the line's host), which names the variant. */
  lbPort: number | null;
  method: string | null;
  /** The failed request's id, where the line names it (Caddy's logs its headers); null for nginx's. */
  requestId: string | null;
  /** nginx's: its client connection's number (`*N`, the access log's client_connection) and the line's second. */
  connection?: { number: number; timeS: number };
}

/**
 * How far an nginx access-log entry (milliseconds) may come after its error line's second (truncated), in seconds:
 * the error is written as the upstream fails, the access entry when the 502 has gone out.
 */
const ACCESS_AFTER_ERROR_S = { min: -0.5, max: 2 };

/**
 * The requests an LB's error log names as failed under the app's close or reset. Caddy's lines carry the request's
 * id; an nginx line names its client connection and second, and the 502 of the line's method its access log has
 * on that connection then is the request: the first one in that second, each entry taken once (a connection carries
 * its requests one after another).
 */
export function requestsNamedBy(lines: readonly RaceLogLine[], accessLog: readonly AccessLogEntry[]): Set<string> {
  const named = new Set<string>();
  const taken = new Set<AccessLogEntry>();
  for (const line of lines) {
    if (line.requestId !== null) named.add(line.requestId);
    if (line.connection === undefined) continue;
    const { number, timeS } = line.connection;
    const entry = accessLog
      .filter((e) => e.status === 502 && e.clientConnection === number && e.request_id !== '' && !taken.has(e))
      .filter((e) => line.method === null || e.request_method === line.method)
      .map((e) => ({ e, afterS: e.time_s - timeS }))
      .filter(({ afterS }) => afterS >= ACCESS_AFTER_ERROR_S.min && afterS <= ACCESS_AFTER_ERROR_S.max)
      .sort((a, b) => a.afterS - b.afterS)[0];
    if (entry) {
      taken.add(entry.e);
      named.add(entry.e.request_id);
    }
  }
  return named;
}
