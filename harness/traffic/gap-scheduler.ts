// Where to aim the next requests, relative to the predicted close of a cluster
// of the LB's idle upstream sockets (their idle start on the app's clock + the
// app's measured close delay). Pure and bounded: the engine feeds it outcomes.
//
// The window is a few milliseconds wide and drifts, so one cycle's sends are
// spread over ±spreadMs around a center. While nothing hits, the center walks a
// small sweep; a hit re-centers the sweep on the offsets that hit.

export interface SchedulerSettings {
  sendsPerCycle: number;
  spreadMs: number;
  /** Center offsets tried in turn, relative to the last hit (or 0). Starts with 0. */
  sweepMs: readonly number[];
  /** Bound on |center|, so adaptation can never wander off the close. */
  maxOffsetMs: number;
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
};

export interface CyclePlan {
  centerOffsetMs: number;
  /** Planned arrival of each send relative to the predicted close, ascending. */
  sendOffsetsMs: number[];
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
  private base = 0;
  private sweepIndex = 0;

  constructor(readonly settings: SchedulerSettings = DEFAULT_SCHEDULER) {
    if (settings.sendsPerCycle < 1 || settings.spreadMs < 0 || settings.sweepMs.length === 0) {
      throw new Error('invalid scheduler settings');
    }
  }

  get centerOffsetMs(): number {
    const { sweepMs, maxOffsetMs } = this.settings;
    return clamp(this.base + sweepMs[this.sweepIndex % sweepMs.length], maxOffsetMs);
  }

  plan(closeDelayMs: number): CyclePlan {
    const center = this.centerOffsetMs;
    return {
      centerOffsetMs: center,
      sendOffsetsMs: spreadOffsets(center, this.settings.spreadMs, this.settings.sendsPerCycle),
      intendedGapMs: round3(closeDelayMs + center),
    };
  }

  /** Offsets (as planned) of the sends of the last plan that hit the race. */
  record(hitOffsetsMs: readonly number[]): void {
    if (hitOffsetsMs.length > 0) {
      const mean = hitOffsetsMs.reduce((a, b) => a + b, 0) / hitOffsetsMs.length;
      this.base = clamp(round3(mean), this.settings.maxOffsetMs);
      this.sweepIndex = 0;
    } else {
      this.sweepIndex += 1;
    }
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
