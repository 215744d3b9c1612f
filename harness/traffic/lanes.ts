// A matrix run drives two lanes at once: the apps that close idle sockets well
// before the LB (cycles as long as their close delay) and those whose boundary
// is at the LB's timeout (cycles of about a minute). The talk-sized run is one
// short lane with every variant, and beside it, for its fixed app, the
// LB-boundary lane (lb-boundary-lane.ts): one idle gap just under the LB's
// timeout, through a pool of its own. Each lane has its own connections; a
// lane that fails stops the others, and what all measured is kept.
import { setMaxListeners } from 'node:events';
import { lbBoundaryPoolOf, type Scenario, type Variant, type VariantName } from '../scenarios/scenarios.js';
import type { LaneKind } from './aim-policy.js';
import {
  CYCLE_OVERHEAD_MS,
  SHORT_LANE_MARGIN_MS,
  TrafficEngine,
  type EngineInput,
  type EngineOptions,
  type TrafficResult,
} from './engine.js';
import { LbBoundaryLane, lbBoundaryLaneMs } from './lb-boundary-lane.js';
import type { TrafficIo } from './traffic-io.js';

/** Which lane each variant runs in, from its probed close (null: still open when the probe gave up). */
export function splitLanes(
  variants: readonly Variant[],
  probedCloseMs: Record<VariantName, number | null>,
  lbTimeoutMs: number,
): Record<LaneKind, Variant[]> {
  const closesEarly = (v: Variant) => {
    const close = probedCloseMs[v.name];
    return close !== null && close !== undefined && close + SHORT_LANE_MARGIN_MS <= lbTimeoutMs;
  };
  return { short: variants.filter(closesEarly), long: variants.filter((v) => !closesEarly(v)) };
}

/**
 * Whether the talk-sized run has room for the LB-boundary lane: its --cycles
 * short cycles (each the aim variant's close delay and the cycle's overhead)
 * last at least as long as the lane, which then costs no wall time. A shorter
 * run (a test's, the bench's single cycle) leaves it out and says so.
 */
export function lbBoundaryFits(
  scenario: Scenario,
  options: Pick<EngineOptions, 'cycles'>,
  probedCloseMs: Record<VariantName, number | null>,
): boolean {
  const closes = scenario.variants
    .map((v) => probedCloseMs[v.name])
    .filter((ms): ms is number => ms !== null && ms !== undefined);
  if (scenario.kind !== 'classic' || closes.length === 0) return false;
  return options.cycles * (Math.min(...closes) + CYCLE_OVERHEAD_MS) >= lbBoundaryLaneMs(scenario.lb);
}

/** Abort listeners one variant may hold on its lane's signal at a time (burst, prepare, send), with room to spare... */
const LISTENERS_PER_VARIANT = 4;
/** ...and those of the lane itself (sleeps, Promise.all over variants). */
const LISTENERS_PER_LANE = 10;

export interface LaneSetInput extends Omit<EngineInput, 'variants' | 'lane' | 'io'> {
  /** A fresh TrafficIo per lane: each closes its own connections when it ends. */
  makeIo: () => TrafficIo;
}

export class LaneSet {
  readonly engines: TrafficEngine[];
  /** The talk-sized run's LB-boundary lanes (one per variant with a pool), when the run has room for them. */
  readonly lbBoundaryLanes: LbBoundaryLane[];
  private readonly stopBoth = new AbortController();

  constructor(private readonly input: LaneSetInput) {
    const { scenario, probedCloseMs, signal } = input;
    const lanes: Array<[LaneKind, readonly Variant[]]> =
      scenario.kind === 'classic'
        ? [['short', scenario.variants]]
        : (Object.entries(splitLanes(scenario.variants, probedCloseMs, scenario.lb.upstreamKeepaliveTimeoutMs)).filter(
            ([, vs]) => vs.length > 0,
          ) as Array<[LaneKind, Variant[]]>);
    const laneSignal = AbortSignal.any([signal, this.stopBoth.signal]);
    // Every variant's burst (autocannon) listens on it at once, besides the
    // lane's own sleeps and sends: a matrix has more listeners than Node's
    // default warning threshold (10) expects, none of them leaked.
    const laneCount = lanes.length + scenario.variants.filter((v) => v.lbBoundaryPort !== undefined).length;
    setMaxListeners(LISTENERS_PER_VARIANT * scenario.variants.length + LISTENERS_PER_LANE * laneCount, laneSignal);
    this.engines = lanes.map(
      ([lane, variants]) => new TrafficEngine({ ...input, variants, lane, io: input.makeIo(), signal: laneSignal }),
    );
    this.lbBoundaryLanes = this.makeLbBoundaryLanes(laneSignal);
  }

  /** The LB-boundary lane of each variant with a pool (the talk-sized run's fixed app), or why there is none. */
  private makeLbBoundaryLanes(signal: AbortSignal): LbBoundaryLane[] {
    const { scenario, options, probedCloseMs, apps, progress } = this.input;
    const pools = scenario.variants.flatMap((v) => lbBoundaryPoolOf(v) ?? []);
    if (pools.length === 0) return [];
    const lbS = scenario.lb.upstreamKeepaliveTimeoutMs / 1000;
    if (!lbBoundaryFits(scenario, options, probedCloseMs)) {
      progress(
        `LB boundary: not tested in this run (${options.cycles} short cycles end before an idle gap of the LB's ${lbS} s would; --quick's cycles leave room)`,
      );
      return [];
    }
    progress(
      `LB boundary: ${pools.map((p) => p.name).join(', ')} also reused after an idle gap just under the LB's ${lbS} s, through a pool of its own on port ${pools.map((p) => p.lbPort).join(', ')}, beside the short cycles`,
    );
    return pools.map((pool) => {
      const app = apps.get(pool.name);
      if (!app) throw new Error(`no app events for variant ${pool.name}`);
      return new LbBoundaryLane({
        ...this.input,
        pool,
        methods: options.methods,
        app,
        io: this.input.makeIo(),
        signal,
      });
    });
  }

  async run(): Promise<TrafficResult> {
    const stopOthers = (err: unknown) => {
      this.stopBoth.abort();
      throw err;
    };
    const outcomes = await Promise.allSettled([
      ...this.engines.map((e) => e.run().catch(stopOthers)),
      ...this.lbBoundaryLanes.map((l) => l.run().catch(stopOthers)),
    ]);
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
    return this.result();
  }

  /**
   * Every lane's records and cycles; the aim and close delay of the first lane
   * (the short one). The LB-boundary lanes add their records and cycles only:
   * their variants' aim, clocks and lane are the short lane's.
   */
  result(): TrafficResult {
    const parts = this.engines.map((e) => e.result());
    const boundary = this.lbBoundaryLanes.map((l) => l.result());
    return {
      records: [...parts, ...boundary].flatMap((p) => p.records),
      cycles: [...parts, ...boundary].flatMap((p) => p.cycles),
      aimVariant: parts[0].aimVariant,
      closeDelayMs: parts[0].closeDelayMs,
      oneWayLatencyMs: merged(parts.map((p) => p.oneWayLatencyMs)),
      appClocks: merged(parts.map((p) => p.appClocks)),
      boundaryMs: merged(parts.map((p) => p.boundaryMs)),
      lanes: merged(parts.map((p) => p.lanes)),
    };
  }
}

/** The lanes' per-variant values in one record (each variant is in one lane). */
function merged<T>(perLane: ReadonlyArray<Record<VariantName, T>>): Record<VariantName, T> {
  return Object.fromEntries(perLane.flatMap((values) => Object.entries(values)));
}
