// Where each aimed request landed relative to the app's real idle closes: the
// measured race window, and why a request hit or missed. Pure.
//
// Every aimed request ends one of three ways, and each has its own reference:
// - a hit (502, empty reply, reset): it met a socket the app was closing. Its
//   arrival is estimated (send + the send-to-app delay, the app never saw it)
//   and set against the app's nearest close;
// - served on a reused connection: the socket was still open. Its arrival is
//   the app's own stamp, set against the instant that socket would have
//   closed (its previous response's end + the app's close delay): negative,
//   it came early;
// - served on a new connection: the LB had no idle connection left (the app
//   had closed them, and the LB had seen it). Set against the app's last
//   close before it: positive, it came late.
// The window is where hits sit, between the latest early arrival and the
// earliest late one.
import type { SocketClosedRecord } from '../protocol.js';
import type { RaceModel } from '../results/schema.js';
import type { AppEvents } from '../traffic/engine.js';
import { clientSymptom, type RequestRecord } from '../traffic/records.js';
import { spreadOf } from './stats.js';
import { closeInstant } from './app-records.js';
import { NEAR_APP_CLOSE_MS } from './boundary.js';
import { roundMs as round } from '../clock.js';


const spread = (values: number[]) => {
  const s = spreadOf(values);
  return s === null ? null : { ...s, count: values.length };
};

/** A hit set against the app's close it met: the one nearest its estimated arrival. */
export interface HitMatch {
  /** The request's estimated arrival at the app, on the app's clock: its send + the send-to-app delay. */
  arrivalMs: number;
  /** The app's own close (closedBy 'app') nearest that arrival. */
  close: SocketClosedRecord;
  /** arrivalMs − the close's instant (closeInstant). */
  arrivalMinusCloseMs: number;
}

/**
 * The close a hit met: the app's own close nearest its estimated arrival
 * (ties go to the earlier), if within NEAR_APP_CLOSE_MS; null otherwise. The app
 * never saw the request, so its arrival is the send + sendToAppMs.
 */
export function matchHit(record: Pick<RequestRecord, 'startMonoMs'>, closes: readonly SocketClosedRecord[], sendToAppMs: number): HitMatch | null {
  const arrivalMs = record.startMonoMs + sendToAppMs;
  let best: SocketClosedRecord | null = null;
  for (const c of closes) {
    if (c.closedBy !== 'app') continue;
    const distance = Math.abs(arrivalMs - closeInstant(c));
    const bestDistance = best === null ? Infinity : Math.abs(arrivalMs - closeInstant(best));
    if (distance < bestDistance || (distance === bestDistance && best !== null && closeInstant(c) < closeInstant(best))) best = c;
  }
  if (best === null || Math.abs(arrivalMs - closeInstant(best)) >= NEAR_APP_CLOSE_MS) return null;
  return { arrivalMs, close: best, arrivalMinusCloseMs: arrivalMs - closeInstant(best) };
}

/**
 * records: one variant's aimed requests; closes: its app's closes; ends: when
 * the app finished each response (socket/request → its clock); sendToAppMs: a
 * send at harness time t reached the app at t + this; closeDelayMs: the app's
 * measured idle close.
 */
export function raceModel(
  records: readonly RequestRecord[],
  closes: readonly SocketClosedRecord[],
  responseEnd: AppEvents['responseEnd'],
  sendToAppMs: number,
  closeDelayMs: number | null,
): RaceModel {
  const appCloses = closes.filter((c) => c.closedBy === 'app').map(closeInstant).sort((a, b) => a - b);
  const lastBefore = (t: number) => appCloses.filter((c) => c <= t).at(-1) ?? null;
  const hits: number[] = [];
  const early: number[] = [];
  const late: number[] = [];
  for (const r of records) {
    if (clientSymptom(r) !== null) {
      const hit = matchHit(r, closes, sendToAppMs);
      if (hit !== null) hits.push(hit.arrivalMinusCloseMs);
    } else if (r.appStartMonoMs !== null && r.upstreamSocketId !== null && r.upstreamSocketRequest !== null) {
      if (r.upstreamSocketRequest > 1 && closeDelayMs !== null) {
        const previousEnd = responseEnd(r.upstreamSocketId, r.upstreamSocketRequest - 1);
        if (previousEnd !== undefined) {
          const delta = r.appStartMonoMs - (previousEnd + closeDelayMs);
          if (Math.abs(delta) < NEAR_APP_CLOSE_MS) early.push(delta);
        }
      } else if (r.upstreamSocketRequest === 1) {
        const close = lastBefore(r.appStartMonoMs);
        if (close !== null && r.appStartMonoMs - close < NEAR_APP_CLOSE_MS) late.push(r.appStartMonoMs - close);
      }
    }
  }
  const latestEarly = early.length > 0 ? Math.max(...early) : null;
  const earliestLate = late.length > 0 ? Math.min(...late) : null;
  return {
    hitsMs: spread(hits),
    servedBeforeCloseMs: spread(early),
    servedAfterCloseMs: spread(late),
    windowMs: latestEarly !== null && earliestLate !== null ? { from: round(latestEarly), to: round(earliestLate), width: round(earliestLate - latestEarly) } : null,
  };
}
