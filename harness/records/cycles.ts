// Per-variant views of the run's cycle records, read the same way when a run
// is summarised and when an old summary is upgraded.
import { proportion } from '../model/stats.js';
import type { VariantName } from '../scenarios/scenarios.js';
import type { BoundaryCycles, CycleRecord } from './summary-schema.js';

/** A variant's aimed cycles: those of its lane (the ones that count its 502s), the bench's naive ones left out. */
export function aimedCyclesOf(cycles: readonly CycleRecord[], variant: VariantName): CycleRecord[] {
  return cycles.filter((c) => c.kind === 'aimed' && variant in c.count502);
}

/** Aimed cycles and those with a 502, per variant: from the cycles' own counts. */
export function boundaryCyclesOf(cycles: readonly CycleRecord[], variant: VariantName): BoundaryCycles {
  const aimed = aimedCyclesOf(cycles, variant);
  const hitting = aimed.filter((c) => c.count502[variant] > 0).length;
  return { cycles: aimed.length, hitting, rate: proportion(hitting, aimed.length) };
}
