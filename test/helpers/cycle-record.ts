// One aimed cycle as the engine records it, for tests of what consumes cycle
// records (lab events, the live page): a 1 s boundary, C = 8, the given 502s.
import type { CycleRecord } from '../../harness/results/schema.js';

/** Cycle `cycle` of the short lane with `count502` per variant (its keys are the cycle's variants). */
export function aimedCycle(cycle: number, count502: Record<string, number>): CycleRecord {
  const each = (value: number) => Object.fromEntries(Object.keys(count502).map((v) => [v, value]));
  return {
    cycle,
    lane: 'short',
    kind: 'aimed',
    aimVariant: 'default',
    closeDelayMs: 1_000,
    centerOffsetMs: 0,
    intendedGapMs: 1_000,
    achievedGapMs: each(1_000),
    oneWayLatencyMs: each(0.2),
    boundaryMs: each(1_000),
    sendsPerVariant: 8,
    count502,
  };
}
