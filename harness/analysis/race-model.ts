// Where each aimed request landed relative to the app's real idle closes: the
// measured race window, and why a request hit or missed. Pure.
//
// Every aimed request ends one of three ways, and each has its own reference:
// - a hit (502, empty reply, reset): it met a socket the app was closing. Its
//   arrival is estimated (send + the send-to-app delay, the app never saw it)
//   and set against the app's close it met (explainHits);
// - served on a reused connection: the socket was still open. Its arrival is
//   the app's own stamp, set against the instant that socket would have
//   closed (its previous response's end + the app's close delay): negative,
//   it came early;
// - served on a new connection: the LB had no idle connection left (the app
//   had closed them, and the LB had seen it). Set against the app's last
//   close before it: positive, it came late.
//
// The race is not decided at an instant but by the order of two things in
// the app's event loop: the keep-alive timer fires in the timers phase, which
// runs before the loop next polls its sockets (libuv's uv_run). While the loop
// is busy (a page render), a request that reaches an idle socket lies unread;
// when the loop comes round, the timer fires first and closes the socket with
// the request in it (Linux then resets the connection: the LB's 502). So the
// window opens before the close, by as long as the loop was busy past the
// timer's due instant (the preload's loop delay, loopDelayAtClose), and stays
// open after it until the app's FIN reaches the LB. A served request, read in
// a turn that came before the timers phase, can land after a hit: the served
// arrivals do not bound the window, they overlap it.
import type { SocketClosedRecord } from '../model/protocol.js';
import type { AppEvents } from '../traffic/traffic-io.js';
import { clientSymptom, type RequestRecord } from '../records/request-records.js';
import { spreadOf } from '../model/stats.js';
import { closeInstant, loopDelayAtClose } from '../records/app-records.js';
import { NEAR_APP_CLOSE_MS } from '../records/boundary.js';
import { roundMs as round } from '../model/clock.js';
import type { RaceModel } from '../records/summary-schema.js';

type SpreadCount = NonNullable<RaceModel['hitsMs']>;

const spread = (values: number[]): SpreadCount | null => {
  const s = spreadOf(values);
  return s === null ? null : { ...s, count: values.length };
};

/**
 * Node counts a timer in whole ms of its loop's clock (lib/internal/timers.js,
 * insert: _idleStart = getLibuvNow()), so it may fire up to this much before
 * its armed instant + duration: a measured loop delay is short by as much.
 */
export const TIMER_RESOLUTION_MS = 1;

/**
 * Where a hit met the app's close:
 * - 'unread': before the close, within the app's event-loop delay at it: the
 *   request reached the socket while the loop was busy past the timer's due
 *   instant, and the timer, run before the next poll, closed it unread;
 * - 'before-due': before the close by more than that delay: the loop's busy
 *   turn had begun before the timer was due (scripts/race-window-experiment.ts
 *   loses such requests too), or the request reached the app later than its
 *   estimate (sent in a burst, it can wait on the way);
 * - 'in-flight': after the close: the app's FIN was still on its way to the LB,
 *   which reused the connection meanwhile.
 */
export type HitPlace = 'unread' | 'before-due' | 'in-flight';

/** A hit set against the app's close it met. */
export interface HitMatch {
  /** The request's estimated arrival at the app, on the app's clock: its send + the send-to-app delay. */
  arrivalMs: number;
  /** The app's own close (closedBy 'app') it met. */
  close: SocketClosedRecord;
  /** arrivalMs − the close's instant (closeInstant). */
  arrivalMinusCloseMs: number;
  /**
   * The app's event-loop delay at that close (loopDelayAtClose); null when the records do not say when its timer was
   * due.
   */
  loopDelayMs: number | null;
  place: HitPlace;
}

/**
 * Whether an arrival lies in the close's unread stretch: after the loop stopped reading (as far as measured), up to the
 * close.
 */
function unreadAt(arrivalMs: number, c: SocketClosedRecord): boolean {
  const delay = loopDelayAtClose(c);
  const at = closeInstant(c);
  return delay !== null && arrivalMs <= at && arrivalMs >= at - delay - TIMER_RESOLUTION_MS;
}

/**
 * The close a hit met, if one of the app's own closes is within
 * NEAR_APP_CLOSE_MS of its estimated arrival (null otherwise): one whose
 * unread stretch holds the arrival, else the nearest (ties go to the earlier).
 * The app never saw the request, so its arrival is the send + sendToAppMs.
 */
export function matchHit(
  record: Pick<RequestRecord, 'startMonoMs'>,
  closes: readonly SocketClosedRecord[],
  sendToAppMs: number,
): HitMatch | null {
  const arrivalMs = record.startMonoMs + sendToAppMs;
  const near = closes.filter((c) => c.closedBy === 'app' && Math.abs(arrivalMs - closeInstant(c)) < NEAR_APP_CLOSE_MS);
  const byDistance = (a: SocketClosedRecord, b: SocketClosedRecord) =>
    Math.abs(arrivalMs - closeInstant(a)) - Math.abs(arrivalMs - closeInstant(b)) || closeInstant(a) - closeInstant(b);
  const close = [...near.filter((c) => unreadAt(arrivalMs, c))].sort(byDistance)[0] ?? [...near].sort(byDistance)[0];
  if (close === undefined) return null;
  const arrivalMinusCloseMs = arrivalMs - closeInstant(close);
  const place: HitPlace = arrivalMinusCloseMs > 0 ? 'in-flight' : unreadAt(arrivalMs, close) ? 'unread' : 'before-due';
  return { arrivalMs, close, arrivalMinusCloseMs, loopDelayMs: loopDelayAtClose(close), place };
}

/**
 * The hits among records (any failure the race causes), each with the close it met; those near no close are left out.
 */
export function explainHits(
  records: readonly RequestRecord[],
  closes: readonly SocketClosedRecord[],
  sendToAppMs: number,
): HitMatch[] {
  return records.filter((r) => clientSymptom(r) !== null).flatMap((r) => matchHit(r, closes, sendToAppMs) ?? []);
}

/**
 * The window the hits support, relative to the app's close (ms): it opens as
 * early as the earliest hit, or the longest event-loop delay at a close a hit
 * met, whichever is earlier; it closes at the latest hit, and never before the
 * close itself. It holds every hit, and its width is never negative. null
 * without a hit: nothing was lost near a close.
 */
export function windowOfHits(
  hits: readonly Pick<HitMatch, 'arrivalMinusCloseMs' | 'loopDelayMs'>[],
): NonNullable<RaceModel['windowMs']> | null {
  if (hits.length === 0) return null;
  const margins = hits.map((h) => h.arrivalMinusCloseMs);
  const delays = hits.flatMap((h) => (h.loopDelayMs === null ? [] : [h.loopDelayMs]));
  const from = Math.min(0, ...margins, ...delays.map((d) => -d));
  const to = Math.max(0, ...margins);
  return { from: round(from), to: round(to), width: round(to - from) };
}

/**
 * The window a summary states, as it can be drawn: its own when it holds every
 * hit with a width ≥ 0; else (a summary of schema v5–v7, whose window ran from
 * the latest early served arrival to the earliest late one, negative where a
 * busy app served past its nominal close) the stretch from the earliest hit to
 * the latest, the close included. null with neither.
 */
export function drawableWindow(
  windowMs: RaceModel['windowMs'] | undefined,
  hitsMs: { min: number; max: number } | null,
): { windowMs: NonNullable<RaceModel['windowMs']>; from: 'model' | 'hits' } | null {
  const holds = (w: NonNullable<RaceModel['windowMs']>) =>
    w.width >= 0 && (hitsMs === null || (w.from <= hitsMs.min && w.to >= hitsMs.max));
  if (windowMs && holds(windowMs)) return { windowMs, from: 'model' };
  if (hitsMs === null) return null;
  const from = Math.min(0, hitsMs.min);
  const to = Math.max(0, hitsMs.max);
  return { windowMs: { from: round(from), to: round(to), width: round(to - from) }, from: 'hits' };
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
  const appCloses = closes
    .filter((c) => c.closedBy === 'app')
    .map(closeInstant)
    .sort((a, b) => a - b);
  const lastBefore = (t: number) => appCloses.filter((c) => c <= t).at(-1) ?? null;
  const hits = explainHits(records, closes, sendToAppMs);
  const early: number[] = [];
  const late: number[] = [];
  for (const r of records) {
    if (
      clientSymptom(r) !== null ||
      r.appStartMonoMs === null ||
      r.upstreamSocketId === null ||
      r.upstreamSocketRequest === null
    )
      continue;
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
  return {
    hitsMs: spread(hits.map((h) => h.arrivalMinusCloseMs)),
    servedBeforeCloseMs: spread(early),
    servedAfterCloseMs: spread(late),
    windowMs: windowOfHits(hits),
  };
}
