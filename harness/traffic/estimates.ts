// What a lane estimates of each of its apps as the run goes, per variant: how
// the app's clock lines up with the harness's (so when a send reaches it), and
// how long it keeps an idle connection open. Both start from a measurement
// before the first cycle (the calibration's exchanges, the probe's close) and
// then follow the app's own accounts, cycle by cycle. The LB's own idle close
// is learned the same way, from the closes the apps saw.
import { median } from '../model/stats.js';
import { roundMs } from '../model/clock.js';
import { closeInstant } from '../records/app-records.js';
import type { RequestRecord } from '../records/request-records.js';
import type { AppClockEstimate } from '../records/summary-schema.js';
import type { Variant, VariantName } from '../scenarios/scenarios.js';
import { clockSampleOf, estimateAppClock, type ClockSample } from './app-clock.js';
import { appEventsOf, type AppEvents } from './traffic-io.js';

/**
 * Aiming uses each app's send-to-app delay (app-clock.ts: its clock's offset +
 * the one-way latency) and the offset from the exchanges of the last few
 * cycles: they follow drift (Docker's proxy, CPU load, a VM's clock) within
 * about half a minute.
 */
export const CLOCK_SAMPLE_CYCLES_KEPT = 5;
/**
 * The close delay used is the median of the app's most recent keep-alive closes:
 * two to three cycles' worth of sockets, recent enough to follow the app under
 * load, enough that one late timer tick cannot move it.
 */
export const CLOSE_DELAYS_KEPT = 20;

/** A lane's variants and what was measured of them before its first cycle. */
export interface EstimatesInput {
  variants: readonly Variant[];
  /** Measured idle-close delay per variant (probe), null when it did not close. */
  probedCloseMs: Record<VariantName, number | null>;
  apps: ReadonlyMap<VariantName, AppEvents>;
  /** The LB's idle timeout: only the LB's closes near it tell its real idle close. */
  lbTimeoutMs: number;
}

/** Per variant: its app's clock and its idle close delay, as measured so far. */
export class Estimates {
  /** Per variant, the clock samples of its last cycles (calibration first), one list per cycle. */
  private readonly clockSamples = new Map<VariantName, ClockSample[][]>();
  /** Per variant, its app's idle close delay: the probe's, then the app's own account. */
  private readonly closeDelays = new Map<VariantName, number>();

  constructor(private readonly input: EstimatesInput) {
    for (const v of input.variants) {
      const probed = input.probedCloseMs[v.name];
      if (probed !== null && probed !== undefined) this.closeDelays.set(v.name, probed);
    }
  }

  /** The app's idle close delay (app clock); undefined while neither the probe nor the app saw it close. */
  closeDelayMs(variant: VariantName): number | undefined {
    return this.closeDelays.get(variant);
  }

  /** How the app's clock lines up with the harness's, from its recent exchanges; null before any. */
  appClock(variant: VariantName): AppClockEstimate | null {
    return estimateAppClock((this.clockSamples.get(variant) ?? []).flat());
  }

  /**
   * When a request sent at harness time t reaches the app: t + this, on the
   * app's clock (offset + one-way latency); 0 before any exchange. The fastest
   * exchange of the last few cycles: queueing (the app serves one request at a
   * time, a busy CPU) only ever adds delay, so the minimum is the path itself,
   * and one slow cycle (the first page renders) cannot move it; a median of
   * per-cycle minima could, by 4 ms here, and sent a cycle that much early.
   */
  sendToAppMs(variant: VariantName): number {
    return this.appClock(variant)?.sendToAppMs ?? 0;
  }

  /** The one-way latency client → LB → app: the send-to-app delay less the app clock's offset. */
  oneWayLatencyMs(variant: VariantName): number | null {
    const clock = this.appClock(variant);
    return clock === null ? null : roundMs(clock.sendToAppMs - clock.offsetMs);
  }

  /** Keeps one cycle's exchanges with an app (those it stamped): the last few cycles' estimate its clock. */
  keepClockSamples(variant: VariantName, records: readonly RequestRecord[]): void {
    const samples = records.flatMap((r) => {
      const sample = clockSampleOf(r);
      return sample ? [sample] : [];
    });
    if (samples.length === 0) return;
    this.clockSamples.set(
      variant,
      [...(this.clockSamples.get(variant) ?? []), samples].slice(-CLOCK_SAMPLE_CYCLES_KEPT),
    );
  }

  /**
   * The app's own account of its close delay beats the probe's, once there is
   * one: the probe times the close from the client, through Docker's proxy,
   * and read 6010.7 ms here where the app's timer closed at 6001. The probe's
   * own connections (probe.ts: several per app) give the app's first account,
   * before the first cycle.
   *
   * Timed to the keep-alive timer's due instant where the app records it, not
   * to when the timer ran: the race window opens at the due instant (a request
   * then lies unread while the loop is busy) and closes when the timer runs,
   * and how late it runs changes from close to close (1–26 ms with one core
   * busy, bench --cpu-load 1). Aimed at the timer's instants, a cycle went
   * where the last cycles' timers had fired: the first at the probe's close
   * (8 ms late in one run), the next after a late cycle past its own closes.
   */
  learnCloseDelays(): void {
    for (const v of this.input.variants) {
      const delays = appEventsOf(this.input.apps, v.name)
        .closes.flatMap((c) =>
          c.reason === 'keep-alive-timeout' && c.lastResponseEndMonoMs !== null
            ? [(c.keepAliveTimerDueMonoMs ?? closeInstant(c)) - c.lastResponseEndMonoMs]
            : [],
        )
        .slice(-CLOSE_DELAYS_KEPT);
      const m = median(delays);
      if (m !== null) this.closeDelays.set(v.name, roundMs(m));
    }
  }

  /** After a cycle: its exchanges join each app's clock samples, and the apps' latest closes give their delays. */
  learnFromCycle(records: readonly RequestRecord[]): void {
    for (const v of this.input.variants)
      this.keepClockSamples(
        v.name,
        records.filter((r) => r.variant === v.name),
      );
    this.learnCloseDelays();
  }

  /**
   * An LB's own idle close as its apps saw it: the median of its recent closes
   * of idle sockets that carried the lane's requests (`records`); null until
   * one came.
   */
  lbCloseDelayMs(lb: Variant['lb'], records: readonly RequestRecord[]): number | null {
    const { lbTimeoutMs } = this.input;
    // Only sockets that carried the LB's requests: a health check's connection closes on its own schedule.
    const lbSockets = new Set(
      records.flatMap((r) => (r.upstreamSocketId === null ? [] : [`${r.variant}/${r.upstreamSocketId}`])),
    );
    const delays = this.input.variants
      .filter((v) => v.lb === lb)
      .flatMap((v) =>
        appEventsOf(this.input.apps, v.name).closes.filter((c) => lbSockets.has(`${v.name}/${c.socketId}`)),
      )
      .flatMap((c) =>
        c.closedBy === 'peer' && c.lastResponseEndMonoMs !== null ? [c.closedAtMonoMs - c.lastResponseEndMonoMs] : [],
      )
      // Only idle closes near the LB's timeout: not the LB stopping, nor a client's close.
      .filter((d) => Math.abs(d - lbTimeoutMs) < lbTimeoutMs / 10)
      .slice(-CLOSE_DELAYS_KEPT);
    return median(delays);
  }
}
