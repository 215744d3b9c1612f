// What every LB's access log says about one request, in one shape: the
// parsers of nginx, HAProxy and Caddy (nginx-log.ts, haproxy-log.ts,
// caddy-log.ts) each read their own format into it.
import type { LbName } from '../scenarios/scenarios.js';

export interface AccessLogEntry {
  lb: LbName;
  /** Seconds since the epoch, millisecond resolution. */
  time_s: number;
  variant: string;
  request_method: string;
  /** The status the LB sent the client. */
  status: number;
  /** The lab's request id header as the client sent it ('' when absent). */
  request_id: string;
  /** The app's socket id header of the (last) upstream response ('' when none). */
  upstream_socket_id: string;
  /** How many more upstream attempts the LB made after the first (0: none, or an LB that does not log them). */
  retries: number;
  /** nginx's client connection number ($connection), which its error-log lines name (`*N`); absent elsewhere. */
  clientConnection?: number;
}

/** An access-log entry the LB sent to more than one upstream connection. */
export function wasRetried(entry: AccessLogEntry): boolean {
  return entry.retries > 0;
}
