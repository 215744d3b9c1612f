// nginx's side of the story: its JSON access log (one object per request) and
// the error-log lines that explain a 502.

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

export function parseAccessLog(text: string): AccessLogEntry[] {
  const entries: AccessLogEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      entries.push(JSON.parse(line) as AccessLogEntry);
    } catch {
      // a torn last line; the rest still count
    }
  }
  return entries;
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
