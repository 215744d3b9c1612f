// How an app's clock lines up with the harness's, from request exchanges alone.
//
// The app stamps each request with the time it started handling it, on its own
// clock (x-lab-request-start-mono-ms). The harness knows when it sent the
// request and when the answer came back, on its clock. At the instant of the
// stamp the harness's clock read somewhere between the two, so each exchange
// bounds the offset (app clock − harness clock):
//
//     appAt − receivedAt  ≤  offset  ≤  appAt − sentAt
//
// whatever the delays on the way, however asymmetric. Every exchange's bounds
// hold at once, so their intersection is the tightest statement the samples
// make; its middle is the estimate and its half-width the uncertainty (NTP's
// reasoning, without its assumption that one exchange is enough). A slow
// exchange (queueing, a loaded CPU) only gives wide bounds and cannot pull the
// estimate. The bounds disagree only when a clock drifted within the samples'
// span; the estimate then falls back to the fastest exchanges'.
//
// Aiming needs less than the offset: when a request sent at harness time t
// reaches the app, on the app's clock. The fastest exchanges measure exactly
// that sum, offset + one-way latency (sendToAppMs, the upper bound above),
// with no clock shared. The offset itself is what lines the app's events up
// with the harness's (time to first 502, closes after the traffic ended).
import { median } from '../model/stats.js';
import { roundMs } from '../model/clock.js';
import type { RequestRecord } from '../records/request-records.js';
import type { AppClockEstimate } from '../records/summary-schema.js';

/** One exchange with an app. */
export interface ClockSample {
  /** Harness clock: the request's first byte went out. */
  sentAtMs: number;
  /** App clock: the app started handling it. */
  appAtMs: number;
  /** Harness clock: the answer was complete. */
  receivedAtMs: number;
}

/** With disagreeing bounds, the estimate is the median of this many fastest exchanges' midpoints. */
const FASTEST_KEPT = 3;

/** The offset of an app's clock from the harness's; null without a usable sample. */
export function estimateAppClock(samples: readonly ClockSample[]): AppClockEstimate | null {
  const usable = samples.filter(
    (s) => [s.sentAtMs, s.appAtMs, s.receivedAtMs].every(Number.isFinite) && s.receivedAtMs >= s.sentAtMs,
  );
  if (usable.length === 0) return null;
  const low = Math.max(...usable.map((s) => s.appAtMs - s.receivedAtMs));
  const high = Math.min(...usable.map((s) => s.appAtMs - s.sentAtMs));
  if (low <= high) {
    return {
      offsetMs: roundMs((low + high) / 2),
      uncertaintyMs: roundMs((high - low) / 2),
      sendToAppMs: roundMs(high),
      samples: usable.length,
      consistent: true,
    };
  }
  const fastest = [...usable]
    .sort((a, b) => a.receivedAtMs - a.sentAtMs - (b.receivedAtMs - b.sentAtMs))
    .slice(0, FASTEST_KEPT);
  // Never null: `fastest` holds at least one usable sample.
  const offset = median(fastest.map((s) => s.appAtMs - (s.sentAtMs + s.receivedAtMs) / 2));
  if (offset === null) return null;
  const uncertainty = Math.max(...fastest.map((s) => (s.receivedAtMs - s.sentAtMs) / 2));
  return {
    offsetMs: roundMs(offset),
    uncertaintyMs: roundMs(uncertainty),
    sendToAppMs: roundMs(Math.min(...fastest.map((s) => s.appAtMs - s.sentAtMs))),
    samples: usable.length,
    consistent: false,
  };
}

/** A request's exchange, when the app stamped it and the answer came back. */
export function clockSampleOf(
  r: Pick<RequestRecord, 'startMonoMs' | 'latencyMs' | 'appStartMonoMs'>,
): ClockSample | null {
  if (r.appStartMonoMs === null || r.latencyMs === null) return null;
  return { sentAtMs: r.startMonoMs, appAtMs: r.appStartMonoMs, receivedAtMs: r.startMonoMs + r.latencyMs };
}
