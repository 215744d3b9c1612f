// A matrix run drives two lanes at once: the apps that close idle sockets well
// before the LB (cycles as long as their close delay) and those whose boundary
// is at the LB's timeout (cycles of about a minute). The talk-sized run is one
// short lane with every variant. Each lane is a TrafficEngine with its own
// connections; a lane that fails stops the other, and what both measured is kept.
import { setMaxListeners } from 'node:events';
import type { Variant, VariantName } from '../scenarios.js';
import { SHORT_LANE_MARGIN_MS, TrafficEngine, type EngineInput, type LaneKind, type TrafficResult } from './engine.js';
import type { TrafficIo } from './traffic-io.js';

/** Which lane each variant runs in, from its probed close (null: still open when the probe gave up). */
export function splitLanes(variants: readonly Variant[], probedCloseMs: Record<VariantName, number | null>, lbTimeoutMs: number): Record<LaneKind, Variant[]> {
  const closesEarly = (v: Variant) => {
    const close = probedCloseMs[v.name];
    return close !== null && close !== undefined && close + SHORT_LANE_MARGIN_MS <= lbTimeoutMs;
  };
  return { short: variants.filter(closesEarly), long: variants.filter((v) => !closesEarly(v)) };
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
  private readonly stopBoth = new AbortController();

  constructor(private readonly input: LaneSetInput) {
    const { scenario, probedCloseMs, signal } = input;
    const lanes: Array<[LaneKind, readonly Variant[]]> =
      scenario.kind === 'classic'
        ? [['short', scenario.variants]]
        : Object.entries(splitLanes(scenario.variants, probedCloseMs, scenario.lb.upstreamKeepaliveTimeoutMs)).filter(([, vs]) => vs.length > 0) as Array<[LaneKind, Variant[]]>;
    const laneSignal = AbortSignal.any([signal, this.stopBoth.signal]);
    // Every variant's burst (autocannon) listens on it at once, besides the
    // lane's own sleeps and sends: a matrix has more listeners than Node's
    // default warning threshold (10) expects, none of them leaked.
    setMaxListeners(LISTENERS_PER_VARIANT * scenario.variants.length + LISTENERS_PER_LANE, laneSignal);
    this.engines = lanes.map(([lane, variants]) => new TrafficEngine({ ...input, variants, lane, io: input.makeIo(), signal: laneSignal }));
  }

  async run(): Promise<TrafficResult> {
    const outcomes = await Promise.allSettled(
      this.engines.map((e) =>
        e.run().catch((err: unknown) => {
          this.stopBoth.abort();
          throw err;
        }),
      ),
    );
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
    return this.result();
  }

  /** Every lane's records and cycles; the aim and close delay of the first lane (the short one). */
  result(): TrafficResult {
    const parts = this.engines.map((e) => e.result());
    return {
      records: parts.flatMap((p) => p.records),
      cycles: parts.flatMap((p) => p.cycles),
      aimVariant: parts[0].aimVariant,
      closeDelayMs: parts[0].closeDelayMs,
      oneWayLatencyMs: Object.assign({}, ...parts.map((p) => p.oneWayLatencyMs)),
      appClocks: Object.assign({}, ...parts.map((p) => p.appClocks)),
      boundaryMs: Object.assign({}, ...parts.map((p) => p.boundaryMs)),
      lanes: Object.assign({}, ...parts.map((p) => p.lanes)),
    };
  }
}
