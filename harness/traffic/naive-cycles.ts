// npm run bench's A/B, run by the talk-sized run's short lane after its own
// cycles: pairs of one of the lab's aimed cycles and one naive cycle, the
// naive one being what a careful client without the lab's instruments would
// do. The lab's own runs have none (naivePairs 0).
import { roundMs } from '../model/clock.js';
import type { RequestRecord } from '../records/request-records.js';
import type { Scenario, Variant, VariantName } from '../scenarios/scenarios.js';
import type { AimPolicy, LaneKind } from './aim-policy.js';
import type { CyclePosition } from './cycle-report.js';
import type { CycleSteps, VariantAim } from './cycle-steps.js';
import type { Estimates } from './estimates.js';
import type { CyclePlan } from './gap-scheduler.js';

/**
 * The naive client's idle gaps, from the probe's close delay: the delay first,
 * then 5 ms steps either side out to ±30 ms (the sweep a careful engineer
 * without the app's clock would run), one step per naive cycle.
 */
export const NAIVE_SWEEP_MS = [0, 5, -5, 10, -10, 15, -15, 20, -20, 25, -25, 30, -30];

/** What the A/B needs of the lane it runs in. */
export interface NaiveLane {
  variants: readonly Variant[];
  steps: CycleSteps;
  estimates: Estimates;
  policy: AimPolicy;
  probedCloseMs: Record<VariantName, number | null>;
  signal: AbortSignal;
  /** How many cycles the lane has run: the A/B's are numbered after them. */
  cyclesSoFar: () => number;
  /** The lane's own aimed cycle: the A/B's aimed side. */
  aimedCycle: (cycle: number) => Promise<void>;
  /** Keeps and reports a cycle's record, as the lane does its own. */
  endCycle: (
    cycle: number,
    kind: 'naive',
    plan: CyclePlan,
    sent: readonly RequestRecord[],
    position: CyclePosition,
  ) => void;
  checkStillRunning?: () => Promise<void>;
}

/** The A/B pairs a lane runs: the bench's count, in the talk-sized run's short lane only. */
export function naivePairsOf(kind: Scenario['kind'], lane: LaneKind, naivePairs = 0): number {
  return kind === 'classic' && lane === 'short' ? naivePairs : 0;
}

/**
 * The A/B: `pairs` pairs of one aimed and one naive cycle, the order swapped
 * every pair so that drift in the machine's load favours neither.
 */
export async function naiveComparison(lane: NaiveLane, pairs: number): Promise<void> {
  let naiveCycles = 0;
  for (let pair = 0; pair < pairs && !lane.signal.aborted; pair++) {
    const order = pair % 2 === 0 ? (['aimed', 'naive'] as const) : (['naive', 'aimed'] as const);
    for (const kind of order) {
      if (lane.signal.aborted) break;
      const cycle = lane.cyclesSoFar() + 1;
      if (kind === 'aimed') await lane.aimedCycle(cycle);
      else await naiveCycle(lane, cycle, NAIVE_SWEEP_MS[naiveCycles++ % NAIVE_SWEEP_MS.length]);
      await lane.checkStillRunning?.();
    }
  }
}

/**
 * What a client without the lab's instruments does: it knows the app's idle
 * close (the probe's) and its own clock only, and cannot hold the app's
 * responses. After its burst's last answer it waits that long plus a step
 * of its sweep, then sends the whole batch at once.
 */
async function naiveCycle(lane: NaiveLane, cycle: number, sweepMs: number): Promise<void> {
  const { steps, policy, variants } = lane;
  await steps.burst(cycle, false);
  if (lane.signal.aborted) return;
  const gapMs = roundMs((lane.probedCloseMs[policy.aim.name] ?? policy.closeDelayMs) + sweepMs);
  const together = (v: Variant) => Array.from({ length: policy.sendsPerCycle(v) }, () => 0);
  const sent = await steps.sendAround(
    cycle,
    'naive',
    variants.map((v) => {
      const answered = lastAnswer(steps.records, v.name, cycle);
      const aim: VariantAim = { gapMs, centerOffsetMs: sweepMs, relativeOffsetsMs: together(v) };
      return { variant: v, aim, centerMonoMs: answered === null ? null : answered + gapMs };
    }),
  );
  lane.estimates.learnFromCycle(sent);
  const plan = { centerOffsetMs: sweepMs, sendOffsetsMs: together(policy.aim), tailSends: 0, intendedGapMs: gapMs };
  lane.endCycle(cycle, 'naive', plan, sent, { ab: 'naive' });
}

/** When (harness clock) the client got the last answer of a variant's burst in a cycle; null for none. */
export function lastAnswer(records: readonly RequestRecord[], variant: VariantName, cycle: number): number | null {
  const answeredAt = records.flatMap((r) =>
    r.variant === variant && r.cycle === cycle && r.phase === 'burst' && r.latencyMs !== null
      ? [r.startMonoMs + r.latencyMs]
      : [],
  );
  return answeredAt.length === 0 ? null : Math.max(...answeredAt);
}
