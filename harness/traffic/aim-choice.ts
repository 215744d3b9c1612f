// Which way an app with no clock to aim by (AimPolicy.aimsPerConnection) is
// aimed in its next cycle: one connection per pool, each request at its own
// connection's close, or one batch at the densest cluster of the burst's
// closes. Neither won on every server: behind nginx at the LB's 60 s
// (2026-12-06, alternating, 6 cycles of each), uvicorn's cycles one per pool
// failed 7 of 48 aimed requests and its batches none, the plain Node app's 6
// and none, Go's none and 8. So the lab alternates until one way has failed
// more often, then favours it: each way's rate counts one imagined failure and
// one imagined miss (Laplace's rule of succession), so a way that stops
// failing loses its lead and the other gets its turn again. Pure: the engine
// says what each cycle did.
import type { VariantName } from '../scenarios/scenarios.js';

/** The two ways an app with no clock to aim by is aimed. */
export type AimKind = 'per-connection' | 'batch';

interface Tally {
  cycles: number;
  failed: number;
}

/** Per app, how often each way's cycles failed; and so which way goes next. */
export class AimChoice {
  private readonly tallies = new Map<VariantName, Record<AimKind, Tally>>();

  /** The way an app goes in cycle `cycle`: the one whose cycles failed more often; on a tie, per pool if odd. */
  next(variant: VariantName, cycle: number): AimKind {
    const perConnection = this.rate(variant, 'per-connection');
    const batch = this.rate(variant, 'batch');
    if (perConnection !== batch) return perConnection > batch ? 'per-connection' : 'batch';
    return cycle % 2 === 1 ? 'per-connection' : 'batch';
  }

  /** What an app's cycle aimed `kind` did: whether any of its aimed requests failed. */
  record(variant: VariantName, kind: AimKind, failed: boolean): void {
    const tally = this.tallies.get(variant) ?? {
      'per-connection': { cycles: 0, failed: 0 },
      batch: { cycles: 0, failed: 0 },
    };
    tally[kind] = { cycles: tally[kind].cycles + 1, failed: tally[kind].failed + (failed ? 1 : 0) };
    this.tallies.set(variant, tally);
  }

  /** A way's rate of failing cycles, with one imagined failure and one imagined miss. */
  private rate(variant: VariantName, kind: AimKind): number {
    const tally = this.tallies.get(variant)?.[kind] ?? { cycles: 0, failed: 0 };
    return (tally.failed + 1) / (tally.cycles + 2);
  }
}
