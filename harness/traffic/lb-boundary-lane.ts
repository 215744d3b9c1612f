// The talk-sized run's test of its fix where a fix can fail: at the LB's own
// idle timeout. The short lane aims every variant at the default app's close
// (about 6 s), where an app that outlives the LB cannot fail; this lane leaves
// upstream connections idle just under the LB's 60 s and then reuses them.
// It runs beside the short lane (LaneSet), through a pool of the LB's of its
// own (Variant.lbBoundaryPort): the short lane keeps the variant's own pool
// busy every few seconds, and nginx hands out its most recently used idle
// connection first, so no connection there ever idles that long.
//
// One cycle: a held burst opens as many upstream connections as the pool
// caches, all idle from one instant on the app's clock; a batch then reaches
// the app when they have been idle the gap, and each request reuses one.
import { roundMs } from '../model/clock.js';
import { median } from '../model/stats.js';
import type { Scenario, Variant } from '../scenarios/scenarios.js';
import { clockSampleOf, estimateAppClock, type ClockSample } from './app-clock.js';
import { CLUSTER_WINDOW_MS, LB_CLOSE_UNKNOWN_LEAD_MS } from './aim-policy.js';
import {
  APP_RESPONSE_MS,
  BURST_HOLD_MS,
  CALIBRATION_PATH,
  CALIBRATION_PAUSE_MS,
  CALIBRATION_SENDS,
  CLIENT_IDLE_MARGIN_MS,
  EVENT_WAIT_MS,
  LONG_SLEEP_STEP_MS,
  LONG_SLEEP_WAKE_EARLY_MS,
} from './cycle-steps.js';
import { densestCluster, spreadOffsets } from './gap-scheduler.js';
import { clientSymptom, type Phase, type RequestRecord } from '../records/request-records.js';
import type { AimedSend, AppEvents, TrafficIo } from './traffic-io.js';
import { burstPathFor, requestRecordOf, type RecordBase } from './record-of.js';
import type { Method } from '../scenarios/run-options.js';
import type { CycleRecord, AppClockEstimate } from '../records/summary-schema.js';

/**
 * Requests of the batch at the LB's boundary: 0 failures in 30 bound the rate
 * there at 9.5 % (one-sided 95 %), and the pool (32 idle connections) holds
 * them all, with a connection or two over for the LB to close on its own.
 */
export const LB_BOUNDARY_SENDS = 30;
/**
 * Where it aims: this far under the LB's idle timeout, the matrix's own lead
 * before the LB's close is learned (one cycle learns nothing). nginx closes a
 * held burst's connections early: its read timer, set when it sent the
 * request, outlives the response (measured in the matrix: 59.72 s).
 */
export const LB_BOUNDARY_LEAD_MS = LB_CLOSE_UNKNOWN_LEAD_MS;
/** Its requests' ids carry this after the variant's name: the short lane's cycle 1 has the plain ones. */
export const LB_BOUNDARY_ID_TAG = 'lb-pool';
/** The lane runs one cycle. */
const LB_BOUNDARY_CYCLE = 1;

/**
 * How long the lane takes: calibration, the burst and its events, the gap,
 * the batch. A run whose short lane ends sooner leaves it out (LaneSet).
 */
export function lbBoundaryLaneMs(lb: Scenario['lb']): number {
  return lb.upstreamKeepaliveTimeoutMs - LB_BOUNDARY_LEAD_MS + EVENT_WAIT_MS + BURST_HOLD_MS + LONG_SLEEP_WAKE_EARLY_MS;
}

export interface LbBoundaryLaneInput {
  scenario: Scenario;
  /** The variant's pool as a variant (lbBoundaryPoolOf): its name and app, the pool's LB port. */
  pool: Variant;
  methods: readonly Method[];
  app: AppEvents;
  io: TrafficIo;
  signal: AbortSignal;
  progress: (line: string) => void;
  /** Throws when a component of the stack stopped (a fault mid-run). */
  checkStillRunning?: () => Promise<void>;
  /** Its cycle's record, as it ends. */
  onCycle?: (record: CycleRecord) => void;
}

/** What the lane measured: its requests and its one cycle (none if it ended first). */
export interface LbBoundaryLaneResult {
  records: RequestRecord[];
  cycles: CycleRecord[];
}

export class LbBoundaryLane {
  private readonly records: RequestRecord[] = [];
  private readonly cycles: CycleRecord[] = [];
  private readonly clockSamples: ClockSample[] = [];

  constructor(private readonly input: LbBoundaryLaneInput) {}

  /** The idle gap its batch is aimed at, on the app's clock. */
  get gapMs(): number {
    return this.input.scenario.lb.upstreamKeepaliveTimeoutMs - LB_BOUNDARY_LEAD_MS;
  }

  async run(): Promise<LbBoundaryLaneResult> {
    const { signal, io } = this.input;
    try {
      await this.calibrate();
      if (signal.aborted) return this.result();
      const idleStart = await this.burst();
      if (idleStart === null || signal.aborted) return this.result();
      const batch = await this.batchAt(idleStart + this.gapMs - this.sendToAppMs);
      if (signal.aborted) return this.result();
      this.endCycle(batch);
      await this.input.checkStillRunning?.();
    } finally {
      io.close();
    }
    return this.result();
  }

  /** What was measured so far; also what a failed or interrupted run keeps. */
  result(): LbBoundaryLaneResult {
    return { records: this.records, cycles: this.cycles };
  }

  /** When a request sent at harness time t reaches the app: t + this, on its clock. */
  private get sendToAppMs(): number {
    return this.clock?.sendToAppMs ?? 0;
  }

  private get clock(): AppClockEstimate | null {
    return estimateAppClock(this.clockSamples);
  }

  /** A few requests through the pool measure when a send reaches the app (its clock's offset + the one-way latency). */
  private async calibrate(): Promise<void> {
    const { io, pool, signal } = this.input;
    await io.prepare(pool, 1);
    for (let i = 0; i < CALIBRATION_SENDS && !signal.aborted; i++) {
      const [record] = await this.fire([
        {
          at: io.now(),
          method: 'GET',
          path: CALIBRATION_PATH,
          base: this.base('calibration', 0, i, 'GET', null, null),
        },
      ]);
      if (!record) return;
      const sample = clockSampleOf(record);
      if (sample) this.clockSamples.push(sample);
      await io.sleep(CALIBRATION_PAUSE_MS, signal);
    }
  }

  /**
   * As many concurrent requests as the pool caches, every response held to one
   * instant: the LB then holds that many upstream connections, idle from
   * there. Returns that instant on the app's clock (null: nothing answered).
   */
  private async burst(): Promise<number | null> {
    const { io, pool, app, methods } = this.input;
    const connections = this.input.scenario.lb.upstreamKeepaliveConnections;
    const holdUntilAppMs = roundMs(io.now() + this.sendToAppMs + BURST_HOLD_MS);
    await io.prepare(pool, connections, this.clientMaxIdleMs);
    const at = io.now();
    const records = await this.fire(
      Array.from({ length: connections }, (_, i) => {
        const method = methods[i % methods.length];
        return {
          at,
          method,
          path: burstPathFor(method, pool),
          holdUntilAppMs,
          base: this.base('burst', LB_BOUNDARY_CYCLE, i, method, null, null),
        };
      }),
    );
    const keys = records.flatMap((r) =>
      r.upstreamSocketId === null || r.upstreamSocketRequest === null
        ? []
        : [{ socketId: r.upstreamSocketId, request: r.upstreamSocketRequest }],
    );
    const ends = await app.waitForResponseEnds(keys, EVENT_WAIT_MS);
    // Without the app's events (late), its start headers and the hold's instant are the next best clock.
    const starts =
      ends.size > 0
        ? [...ends.values()]
        : records.flatMap((r) =>
            r.appStartMonoMs === null ? [] : [Math.max(r.appStartMonoMs + APP_RESPONSE_MS, holdUntilAppMs)],
          );
    return densestCluster(
      starts.sort((a, b) => a - b),
      CLUSTER_WINDOW_MS,
    );
  }

  /**
   * The batch, every request at `centerMonoMs` (harness clock): all reach the
   * LB before the app has answered any, so none gets a connection another
   * request of the batch has just freed (nginx hands the most recent out first).
   */
  private async batchAt(centerMonoMs: number): Promise<RequestRecord[]> {
    const { io, pool, signal, methods } = this.input;
    const wakeAt = centerMonoMs - LONG_SLEEP_WAKE_EARLY_MS;
    // In steps, so an interrupt is honoured within one.
    while (!signal.aborted && io.now() < wakeAt)
      await io.sleep(Math.min(LONG_SLEEP_STEP_MS, wakeAt - io.now()), signal);
    if (signal.aborted) return [];
    // Fresh client connections: ones idle for the whole gap could be the LB's to close.
    await io.prepare(pool, LB_BOUNDARY_SENDS, this.clientMaxIdleMs);
    const offsets = spreadOffsets(0, 0, LB_BOUNDARY_SENDS);
    return this.fire(
      offsets.map((rel, i) => {
        const method = methods[i % methods.length];
        return {
          at: centerMonoMs + rel,
          method,
          base: this.base('long-gap', LB_BOUNDARY_CYCLE, i, method, roundMs(this.gapMs + rel), rel),
        };
      }),
    );
  }

  /** Client connections idle longer than this are replaced before they carry a request. */
  private get clientMaxIdleMs(): number {
    return this.input.scenario.lb.clientKeepaliveTimeoutMs - CLIENT_IDLE_MARGIN_MS;
  }

  private base(
    phase: Phase,
    cycle: number,
    n: number,
    method: Method,
    idleGapMs: number | null,
    offsetMs: number | null,
  ): RecordBase {
    const variant = this.input.pool.name;
    return {
      requestId: `c${cycle}-${variant}-${LB_BOUNDARY_ID_TAG}-${phase}-${n}`,
      variant,
      method,
      cycle,
      phase,
      idleGapMs,
      offsetMs,
    };
  }

  /** Sends each request at its instant on its own prepared connection; keeps and returns the records of those sent. */
  private async fire(
    sends: Array<{ at: number; method: Method; path?: string; holdUntilAppMs?: number; base: RecordBase }>,
  ): Promise<RequestRecord[]> {
    const { io, pool, app, signal } = this.input;
    const aimed: AimedSend[] = sends.map((s, i) => ({
      atMonoMs: s.at,
      variant: pool,
      connectionIndex: i,
      method: s.method,
      path: s.path,
      requestId: s.base.requestId,
      body: s.method === 'GET' ? '' : JSON.stringify({ cycle: s.base.cycle, i }),
      holdUntilAppMs: s.holdUntilAppMs,
    }));
    const outcomes = await io.fire(aimed, signal);
    const records = outcomes.flatMap((o, i) =>
      o ? [requestRecordOf(o, sends[i].base, (socketId, request) => app.responseEnd(socketId, request))] : [],
    );
    this.records.push(...records);
    return records;
  }

  /** The cycle's record, and a progress line: how the fix fared at the LB's boundary. */
  private endCycle(batch: RequestRecord[]): void {
    const { pool, scenario } = this.input;
    const failed = batch.filter((r) => clientSymptom(r) !== null).length;
    const achieved = median(batch.flatMap((r) => (r.achievedIdleMs === null ? [] : [r.achievedIdleMs])));
    const clock = this.clock;
    const record: CycleRecord = {
      cycle: LB_BOUNDARY_CYCLE,
      lane: 'long',
      kind: 'long-gap',
      aimVariant: pool.name,
      closeDelayMs: scenario.lb.upstreamKeepaliveTimeoutMs,
      centerOffsetMs: 0,
      intendedGapMs: this.gapMs,
      achievedGapMs: { [pool.name]: achieved },
      oneWayLatencyMs: { [pool.name]: clock === null ? null : roundMs(clock.sendToAppMs - clock.offsetMs) },
      appClockOffsetMs: { [pool.name]: clock?.offsetMs ?? null },
      boundaryMs: { [pool.name]: this.gapMs },
      sendsPerVariant: batch.length,
      count502: { [pool.name]: this.records.filter((r) => r.cycle === LB_BOUNDARY_CYCLE && r.status === 502).length },
    };
    this.cycles.push(record);
    const reused = batch.filter((r) => (r.upstreamSocketRequest ?? 0) > 1).length;
    const idle =
      achieved === null
        ? 'none reused an idle connection'
        : `${reused} reused connections idle ${(achieved / 1000).toFixed(2)} s`;
    this.input.progress(
      `LB boundary: ${pool.name} ${failed} failed / ${batch.length} req at the LB's ${scenario.lb.upstreamKeepaliveTimeoutMs / 1000} s (${idle})`,
    );
    this.input.onCycle?.(record);
  }
}
