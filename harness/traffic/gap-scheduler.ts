// Where to aim the next requests, relative to the predicted close of a cluster
// of the LB's idle upstream sockets (their idle start on the app's clock + the
// app's measured close delay). Pure and bounded: the engine feeds it outcomes.
//
// The window is a few milliseconds wide and drifts, so one cycle's sends are
// spread over ±spreadMs around a center. While nothing hits, the center walks a
// small sweep; a hit re-centers the sweep on the offsets that hit. Until the
// first hit, the last few sends trail the center (lateWakeTailMs): an app that
// wakes late finds them still on their way.

export interface SchedulerSettings {
  sendsPerCycle: number;
  spreadMs: number;
  /** Center offsets tried in turn, relative to the last hit (or 0). Starts with 0. */
  sweepMs: readonly number[];
  /** Bound on |center|, so adaptation can never wander off the close. */
  maxOffsetMs: number;
  /**
   * Until a cycle hits, this many sends (one per entry) go this far past the
   * center instead of within ±spreadMs; only for a plan of at least twice as
   * many sends, so the core keeps most of them.
   */
  lateWakeTailMs: readonly number[];
  /**
   * Whether a hit re-centers on the mean of every core hit so far (true) or of the last cycle's (false): the first
   * for a window whose place moves with each cycle's estimate more than with time, where the last cycle's hits would
   * only be followed into its own error.
   */
  centerOnAllHits?: boolean;
  /** Where the center starts, relative to the predicted close (0 unless set). */
  initialCenterMs?: number;
  /** Until the first hit, sends spread over ± this instead of spreadMs (spreadMs unless set). */
  spreadBeforeHitMs?: number;
  /** Until the first hit, the center walks this sweep instead of sweepMs (sweepMs unless set). */
  sweepBeforeHitMs?: readonly number[];
}

export const DEFAULT_SCHEDULER: SchedulerSettings = {
  sendsPerCycle: 8,
  // The race window is a few ms wide and the estimate of where it sits moves by
  // about as much between cycles: 8 sends over ±2 ms land about 0.6 ms apart.
  spreadMs: 2,
  // One step per missed cycle, alternating sides, out to ±3 ms: the drift of the
  // close estimate seen between cycles, before the first hit re-centers it.
  sweepMs: [0, -1, 1, -2, 2, -3, 3],
  // A hit far off is noise (a socket that closed for another reason): never follow it past ±10 ms.
  maxOffsetMs: 10,
  // The window opens when the app reads a request of the batch late enough that its timers are due by the end of that
  // turn of its loop: requests arriving during the turn lie unread until the timers close their sockets. An app asleep
  // past the close (its process not yet scheduled) reads every request that arrived meanwhile in one turn and serves
  // them all. In a 20-run bench (2026-12-06, 095743Z) the app began the first aimed request 0.8–4.5 ms after the
  // batch's first send when the cycle hit, and 6.8–9.4 ms after it in the cycles where all 8 were served, two of them
  // first cycles; until then no response frees a connection (nginx would hand it to the next send), so sends this late
  // still reach idle ones. After a hit the whole batch is the core again: the tail costs hits when the app is on time.
  lateWakeTailMs: [4, 7, 10],
};

/**
 * One request per connection, each aimed at its own connection's close (AimPolicy.aimsPerConnection): each send is a
 * shot of its own, so none trails as a late-wake tail (that is a held batch's app waking late). Where the window lies
 * is learnt from the client side only. Aimed so from each answer's arrival plus the probe's close, 15 cycles at 8 s
 * behind nginx failed at −5 … −1 ms for uvicorn, −7 … −2 for Go, −7 … −3 for the plain Node app (2026-12-07): the
 * request needs its way to the app, and the server's timer runs late by a few ms.
 */
export const PER_CONNECTION_SCHEDULER: SchedulerSettings = {
  ...DEFAULT_SCHEDULER,
  // After the first failure: ±2 ms around the mean of every failure so far, the width of the best bins above. The
  // window's place moves with each cycle's estimate more than with time: the last cycle's failures alone would be
  // followed into their own error. Tried against it side by side (each run's 24 pools split in two, one scheduler a
  // half, behind nginx, 15 cycles, 2026-12-07): ±0.75 ms failed 5 and 21 of 168 where ±2 failed 13 and 29 (uvicorn,
  // the LB at 8 s); ±3.5 ms 28, 25 and 26 of 168 against 24, 33 and 21 (uvicorn twice, plain Node; 20 s); centered
  // where the largest share of all sends failed, ±1.5 ms, 45, 19, 32, 8 against 47, 24, 52, 14 of 180 (uvicorn,
  // plain Node, uvicorn, Go; 20 s); half the pools sent straight to nginx's container instead of through Docker's
  // published port (its userland proxy), 26 of 168 where the others failed 39 (uvicorn; 20 s), and in the
  // client-window experiment's lab shape 38 and 23 of 144 against 39 and 24 (uvicorn, plain Node). This same aim
  // varied more between runs than any of these within one: at 20 s its half failed 24 of 168 uvicorn requests in one
  // run, 52 of 180 in another that hour.
  spreadMs: 2,
  lateWakeTailMs: [],
  centerOnAllHits: true,
  // Until the first failure, −7 … −1 ms covers every server's window above; a cycle without one moves that 6 ms
  // half its width to either side, out to −16 … +8 ms, then again. The window stays near the estimate, and a cycle
  // aimed right can still miss it (Go failed none of 24 in a cycle aimed at −7 … −1 ms, and 15 of 24 when aimed there
  // again seven cycles later, 2026-12-07): no sweep goes far from it.
  initialCenterMs: -4,
  spreadBeforeHitMs: 3,
  sweepBeforeHitMs: [0, -3, 3, -6, 6, -9, 9],
  maxOffsetMs: 25,
};

/**
 * An app that closes idle connections at a periodic check (gunicorn's threaded worker): every send at one instant.
 * Its check closes every connection whose keep-alive has run out at once, and the first request it reads wakes its
 * loop to such a check, under the requests right behind it; sends spread over ±2 ms, 0.6 ms apart, found each
 * connection closed well before them, and nginx opened new ones (gunicorn behind nginx: 0 of 120 failed in 15
 * cycles, 2026-12-07). The instant is not critical: from its keep-alive timeout after the burst's last answer up to
 * the check after that, hundreds of ms. No sweep, no tail.
 */
export const AT_CHECK_SCHEDULER: SchedulerSettings = {
  ...DEFAULT_SCHEDULER,
  spreadMs: 0,
  sweepMs: [0],
  lateWakeTailMs: [],
};

export interface CyclePlan {
  centerOffsetMs: number;
  /** Planned arrival of each send relative to the predicted close, ascending. */
  sendOffsetsMs: number[];
  /** How many of sendOffsetsMs, at its end, are the late-wake tail (lateWakeTailMs); 0 after a hit. */
  tailSends: number;
  /** Idle gap the center gives the upstream socket, on the app's clock. */
  intendedGapMs: number;
}

import { roundMs as round3 } from '../model/clock.js';

const clamp = (value: number, bound: number) => Math.max(-bound, Math.min(bound, value));

export function spreadOffsets(center: number, spreadMs: number, sends: number): number[] {
  if (sends <= 1) return [round3(center)];
  return Array.from({ length: sends }, (_, i) => round3(center - spreadMs + (2 * spreadMs * i) / (sends - 1)));
}

export class GapScheduler {
  private base: number;
  private sweepIndex = 0;
  private hitSeen = false;
  /** Every core hit so far (centerOnAllHits). */
  private readonly coreHitsMs: number[] = [];

  constructor(readonly settings: SchedulerSettings = DEFAULT_SCHEDULER) {
    if (settings.sendsPerCycle < 1 || settings.spreadMs < 0 || settings.sweepMs.length === 0) {
      throw new Error('invalid scheduler settings');
    }
    this.base = settings.initialCenterMs ?? 0;
  }

  /** The tail's offsets past the center in the next plan: none once a cycle has hit, or for a plan too small for it. */
  private get tailMs(): readonly number[] {
    const { lateWakeTailMs, sendsPerCycle } = this.settings;
    return this.hitSeen || sendsPerCycle < 2 * lateWakeTailMs.length ? [] : lateWakeTailMs;
  }

  get centerOffsetMs(): number {
    const { maxOffsetMs } = this.settings;
    const sweepMs = this.hitSeen ? this.settings.sweepMs : (this.settings.sweepBeforeHitMs ?? this.settings.sweepMs);
    return clamp(round3(this.base + sweepMs[this.sweepIndex % sweepMs.length]), maxOffsetMs);
  }

  plan(closeDelayMs: number): CyclePlan {
    const center = this.centerOffsetMs;
    const tail = this.tailMs;
    const { spreadMs, spreadBeforeHitMs = spreadMs, sendsPerCycle } = this.settings;
    const core = spreadOffsets(center, this.hitSeen ? spreadMs : spreadBeforeHitMs, sendsPerCycle - tail.length);
    return {
      centerOffsetMs: center,
      sendOffsetsMs: [...core, ...tail.map((ms) => round3(center + ms))],
      tailSends: tail.length,
      intendedGapMs: round3(closeDelayMs + center),
    };
  }

  /**
   * What a plan's sends hit: their offsets as planned. Only the core's hits move the center: a tail's hit says the
   * app woke late that cycle, not that its close moved. Sorted by the plan's own core, not the center now: pooled
   * cycles record side by side.
   */
  record(plan: CyclePlan, hitOffsetsMs: readonly number[]): void {
    if (hitOffsetsMs.length === 0) {
      this.sweepIndex += 1;
      return;
    }
    const coreTopMs = plan.sendOffsetsMs[plan.sendOffsetsMs.length - 1 - plan.tailSends] ?? plan.centerOffsetMs;
    // Offsets are rounded to the microsecond where planned and where recorded: within half of one is the same send.
    const coreHits = hitOffsetsMs.filter((o) => o <= coreTopMs + 0.0005);
    if (coreHits.length > 0) {
      this.coreHitsMs.push(...coreHits);
      const centeredOn = this.settings.centerOnAllHits ? this.coreHitsMs : coreHits;
      const mean = centeredOn.reduce((a, b) => a + b, 0) / centeredOn.length;
      this.base = clamp(round3(mean), this.settings.maxOffsetMs);
    } else {
      this.base = plan.centerOffsetMs;
    }
    this.sweepIndex = 0;
    this.hitSeen = true;
  }
}

/**
 * The mean of the largest group of values that fit in one window (ties: the
 * earliest group); null for none. Values must be ascending.
 */
export function densestCluster(ascending: readonly number[], windowMs: number): number | null {
  if (ascending.length === 0) return null;
  let best = { from: 0, to: 0 };
  for (let from = 0, to = 0; from < ascending.length; from++) {
    while (to + 1 < ascending.length && ascending[to + 1] - ascending[from] <= windowMs) to++;
    if (to - from > best.to - best.from) best = { from, to };
  }
  const group = ascending.slice(best.from, best.to + 1);
  return round3(group.reduce((a, b) => a + b, 0) / group.length);
}
