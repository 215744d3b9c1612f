// What each cycle leaves behind as it ends: its CycleRecord (summary.json's
// cycles, the live page's feed) and the progress line the terminal shows.
// Pure: the lane passes what it planned, estimated and recorded.
import { median } from '../model/stats.js';
import { clientSymptom, type RequestRecord } from '../records/request-records.js';
import type { CycleRecord } from '../records/summary-schema.js';
import type { LabOptions } from '../scenarios/run-options.js';
import { perVariant, type Scenario, type Variant, type VariantName } from '../scenarios/scenarios.js';
import type { CyclePlan } from './gap-scheduler.js';

/** A variant's 502s among the records: in one cycle, or in all of them without one. */
export function count502(records: readonly RequestRecord[], variant: VariantName, cycle?: number): number {
  return records.filter((r) => r.variant === variant && r.status === 502 && (cycle === undefined || r.cycle === cycle))
    .length;
}

/**
 * Requests that met the race as the client sees it behind any LB: a 502 (503, 504), or a connection closed without a
 * response.
 */
export function countFailed(records: readonly RequestRecord[], variant: VariantName): number {
  return records.filter((r) => r.variant === variant && clientSymptom(r) !== null).length;
}

/** What the lane planned and knew as a cycle ended; the per-variant values are its estimates at that moment. */
export interface CycleFacts {
  cycle: number;
  lane: CycleRecord['lane'];
  kind: CycleRecord['kind'];
  aimVariant: VariantName;
  closeDelayMs: number;
  /** The aim variant's plan: its center, its sends' offsets, its idle gap. */
  plan: CyclePlan;
  oneWayLatencyMs: Record<VariantName, number | null>;
  appClockOffsetMs: Record<VariantName, number | null>;
  boundaryMs: Record<VariantName, number>;
}

/**
 * A cycle's record: its facts, each variant's median idle gap achieved by the
 * cycle's sends (`sent`, app clock), and each variant's 502s in the cycle
 * among all the lane's records (`all`: its burst's count too).
 */
export function cycleRecordOf(
  facts: CycleFacts,
  variants: readonly Variant[],
  sent: readonly RequestRecord[],
  all: readonly RequestRecord[],
): CycleRecord {
  const achieved = (v: VariantName) =>
    median(sent.flatMap((r) => (r.variant === v && r.achievedIdleMs !== null ? [r.achievedIdleMs] : [])));
  return {
    cycle: facts.cycle,
    lane: facts.lane,
    kind: facts.kind,
    aimVariant: facts.aimVariant,
    closeDelayMs: facts.closeDelayMs,
    centerOffsetMs: facts.plan.centerOffsetMs,
    intendedGapMs: facts.plan.intendedGapMs,
    achievedGapMs: perVariant(variants, (v) => achieved(v.name)),
    oneWayLatencyMs: facts.oneWayLatencyMs,
    appClockOffsetMs: facts.appClockOffsetMs,
    boundaryMs: facts.boundaryMs,
    sendsPerVariant: facts.plan.sendOffsetsMs.length,
    count502: perVariant(variants, (v) => count502(all, v.name, facts.cycle)),
  };
}

/**
 * Where a cycle stands, after its number: out of its lane's planned count
 * (plannedCount), or which side of the bench's A/B it is.
 */
export type CyclePosition = { of: number | string } | { ab: 'aimed' | 'naive' };

/** An aimed cycle's planned count: --long-cycles, or --cycles, with a '+' past it (the lab still awaits a hit). */
export function plannedCount(
  lane: CycleRecord['lane'],
  cycle: number,
  options: Pick<LabOptions, 'cycles' | 'longCycles'>,
): number | string {
  if (lane === 'long') return options.longCycles;
  return cycle > options.cycles ? `${options.cycles}+` : options.cycles;
}

/**
 * The line a cycle prints as it ends: its lane (a matrix's), number, idle gap,
 * and per variant the failures and requests of the lane so far (`all`).
 */
export function cycleLine(
  c: CycleRecord,
  position: CyclePosition,
  scenarioKind: Scenario['kind'],
  variants: readonly Variant[],
  all: readonly RequestRecord[],
): string {
  // A matrix counts every failure the client saw (HAProxy answers with an empty reply, not a 502).
  const failed = (v: Variant) =>
    scenarioKind === 'matrix' ? `${countFailed(all, v.name)} failed` : `${count502(all, v.name)} × 502`;
  const perVariantText = variants
    .map((v) => `${v.name}: ${failed(v)} / ${all.filter((r) => r.variant === v.name).length} req`)
    .join(' · ');
  const gap =
    c.kind === 'long-gap' || c.lane === 'long'
      ? `${(c.intendedGapMs / 1000).toFixed(1)} s`
      : `${c.intendedGapMs.toFixed(1)} ms`;
  const lane = scenarioKind === 'matrix' ? `${c.lane} ` : '';
  const number = String(c.cycle).padStart(2);
  const where = 'ab' in position ? `${number} (A/B ${position.ab})` : `${number}/${position.of}`;
  return `${lane}cycle ${where} gap ${gap} · ${perVariantText}`;
}

/** The line before a --full long-gap cycle: its idle gap beside the LB's timeout. */
export function longGapLine(gapMs: number, lbTimeoutMs: number): string {
  return `long gap: ${(gapMs / 1000).toFixed(1)} s idle, around the LB's ${lbTimeoutMs / 1000} s`;
}
