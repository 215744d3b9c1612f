// Who closed the LB's upstream connections to an app, and after how long idle:
// the app's socket accounting read against the requests that went through the
// LB. Times are on the app's clock, like the closes. Pure.
import type { SocketClosedRecord } from '../model/protocol.js';
import type { ClosedByTally } from '../records/summary-schema.js';
import type { RequestRecord } from '../records/request-records.js';
import { roundMs as round } from '../model/clock.js';
import { median } from '../model/stats.js';

/** The sockets that served a request through the LB. */
function lbSocketsOf(records: readonly RequestRecord[]): Set<number> {
  return new Set(records.map((r) => r.upstreamSocketId).filter((id): id is number => id !== null));
}

/**
 * Who closed the LB's upstream sockets: those that served a request through the LB.
 * trafficEndMs is on the app's clock, like the closes.
 */
export function tallyClosedBy(
  records: RequestRecord[],
  closes: SocketClosedRecord[],
  trafficEndMs: number,
): ClosedByTally {
  const lbSockets = lbSocketsOf(records);
  const tally: ClosedByTally = { app: 0, lb: 0, lbAtShutdown: 0, reset: 0, open: 0, total: lbSockets.size };
  const closed = new Set<number>();
  for (const c of closes) {
    // One close per socket: a socket the app recorded closing twice (its timer, then the 'close' event) is still one
    // socket.
    if (!lbSockets.has(c.socketId) || closed.has(c.socketId)) continue;
    closed.add(c.socketId);
    if (c.closedBy === 'app') tally.app++;
    else if (c.closedBy === 'peer' || c.closedAtMonoMs > trafficEndMs) {
      // After the traffic, the LB is stopping: nginx closes its idle connections
      // with a FIN, HAProxy resets them. Neither is the app ending a connection.
      tally.lb++;
      if (c.closedAtMonoMs > trafficEndMs) tally.lbAtShutdown++;
    } else tally.reset++;
  }
  tally.open = lbSockets.size - closed.size;
  return tally;
}

/** The idle closes during traffic an effective close needs before it is stated. */
export const MIN_CLOSES_FOR_EFFECTIVE_CLOSE = 3;

/** A close after a response: one whose idle time is known. */
type IdleClose = SocketClosedRecord & { lastResponseEndMonoMs: number };

/**
 * Behind the LB: the median idle time at which the variant's upstream
 * connections closed while traffic ran, and who closed most of them (a reset
 * counts as the LB's: the app's socket saw the peer's RST, as when HAProxy
 * purges its idle server connections). trafficEndMs is on the app's clock.
 */
export function effectiveClose(
  records: RequestRecord[],
  closes: SocketClosedRecord[],
  trafficEndMs: number,
): { ms: number | null; by: 'app' | 'lb' | null } {
  const lbSockets = lbSocketsOf(records);
  const idleCloses = closes.filter(
    (c): c is IdleClose =>
      lbSockets.has(c.socketId) && c.lastResponseEndMonoMs !== null && c.closedAtMonoMs <= trafficEndMs,
  );
  const idleMs = median(idleCloses.map((c) => c.closedAtMonoMs - c.lastResponseEndMonoMs));
  // One or two odd closes are no idle timeout: a Caddy cell once read "43 ms by the LB" from one close, the rest at
  // shutdown.
  if (idleCloses.length < MIN_CLOSES_FOR_EFFECTIVE_CLOSE || idleMs === null) return { ms: null, by: null };
  const byApp = idleCloses.filter((c) => c.closedBy === 'app').length;
  return { ms: round(idleMs), by: byApp * 2 >= idleCloses.length ? 'app' : 'lb' };
}
