// Idle-gap traffic through the LB, every variant at once on the same schedule:
// each cycle, an autocannon burst leaves the LB holding idle upstream sockets;
// the app's clock says when each went idle; the next requests are aimed to
// reach the app when the variant with the shortest close delay closes them.
import { LabError } from '../errors.js';
import type { LabOptions } from '../options.js';
import { median } from '../analysis/stats.js';
import type { Stack } from '../runtime/stack.js';
import type { Scenario, Variant, VariantName } from '../scenarios.js';
import type { AppMonitor } from './app-monitor.js';
import { autocannonBurst } from './burst.js';
import { DEFAULT_SCHEDULER, densestCluster, GapScheduler, spreadOffsets, type CyclePlan } from './gap-scheduler.js';
import { monoMs, roundMs } from '../clock.js';
import { fireAt, PreciseClient, requestBytes, type Outcome, type PlannedSend } from './precise-client.js';
import { headerNumber, pathFor, type Phase, type RequestRecord } from './records.js';

export interface CycleRecord {
  cycle: number;
  kind: 'aimed' | 'long-gap';
  aimVariant: VariantName;
  closeDelayMs: number;
  centerOffsetMs: number;
  intendedGapMs: number;
  /** Per variant: the idle gap measured on the app for requests that reused a socket (median). */
  achievedGapMs: Record<string, number | null>;
  oneWayLatencyMs: Record<string, number>;
  sendsPerVariant: number;
  count502: Record<string, number>;
}

export interface TrafficResult {
  records: RequestRecord[];
  cycles: CycleRecord[];
  aimVariant: VariantName;
  closeDelayMs: number;
  oneWayLatencyMs: Record<string, number>;
}

export interface EngineInput {
  stack: Stack;
  scenario: Scenario;
  options: LabOptions;
  /** Measured idle-close delay per variant (probe), null when it did not close. */
  probedCloseMs: Record<string, number | null>;
  monitors: Map<VariantName, AppMonitor>;
  signal: AbortSignal;
  progress: (line: string) => void;
}

const LONG_GAP_AROUND_LB_MS = 1_000;
const EVENT_WAIT_MS = 1_500;
const CALIBRATION_SENDS = 3;
/** Idle starts within this window count as one cluster of sockets that close together. */
const CLUSTER_WINDOW_MS = 2;

function abortable(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export class TrafficEngine {
  private readonly records: RequestRecord[] = [];
  private readonly cycles: CycleRecord[] = [];
  private readonly clients = new Map<VariantName, PreciseClient>();
  private readonly latency = new Map<VariantName, number>();
  private readonly scheduler: GapScheduler;
  private readonly aim: Variant;
  private closeDelayMs: number;
  private readonly latencyMinima = new Map<VariantName, number[]>();

  constructor(private readonly input: EngineInput) {
    const closing = input.scenario.variants
      .filter((v) => input.probedCloseMs[v.name] !== null)
      .sort((a, b) => input.probedCloseMs[a.name]! - input.probedCloseMs[b.name]!);
    if (closing.length === 0) {
      throw new LabError('No variant closed its idle sockets during the probe; there is no close to aim at.');
    }
    this.aim = closing[0];
    this.closeDelayMs = input.probedCloseMs[this.aim.name]!;
    this.scheduler = new GapScheduler({ ...DEFAULT_SCHEDULER, sendsPerCycle: input.options.concurrency });
    for (const v of input.scenario.variants) this.clients.set(v.name, new PreciseClient(v.lbPort));
  }

  private get variants(): readonly Variant[] {
    return this.input.scenario.variants;
  }

  private count502(variant: VariantName, cycle?: number): number {
    return this.records.filter((r) => r.variant === variant && r.status === 502 && (cycle === undefined || r.cycle === cycle)).length;
  }

  async run(): Promise<TrafficResult> {
    const { options, signal, progress } = this.input;
    try {
      await this.calibrate();
      for (let cycle = 1; cycle <= options.maxCycles && !signal.aborted; cycle++) {
        await this.aimedCycle(cycle);
        const hits = this.count502(this.aim.name);
        if (cycle >= options.cycles && hits > 0) break;
        if (cycle === options.cycles && hits === 0) {
          progress(`no 502 on ${this.aim.name} after ${cycle} cycles yet: continuing up to ${options.maxCycles}`);
        }
      }
      if (options.mode === 'full' && !signal.aborted) {
        const lbMs = this.input.scenario.lb.upstreamKeepaliveTimeoutMs;
        let cycle = this.cycles.length;
        for (const gap of [lbMs - LONG_GAP_AROUND_LB_MS, lbMs + LONG_GAP_AROUND_LB_MS]) {
          if (signal.aborted) break;
          await this.longGapCycle(++cycle, gap);
        }
      }
    } finally {
      for (const client of this.clients.values()) client.close();
    }
    return this.result();
  }

  /** What was measured so far; also what a failed or interrupted run keeps. */
  result(): TrafficResult {
    return {
      records: this.records,
      cycles: this.cycles,
      aimVariant: this.aim.name,
      closeDelayMs: this.closeDelayMs,
      oneWayLatencyMs: Object.fromEntries(this.latency),
    };
  }

  /** One-way latency client → LB → app, from the app's clock (one clock for host and containers). */
  private async calibrate(): Promise<void> {
    for (const v of this.variants) {
      const client = this.clients.get(v.name)!;
      await client.prepare(1);
      const samples: number[] = [];
      for (let i = 0; i < CALIBRATION_SENDS; i++) {
        const requestId = `c0-${v.name}-calibration-${i}`;
        const [outcome] = await fireAt([{ atMonoMs: monoMs(), client, connectionIndex: 0, request: requestBytes('GET', '/api/health', v.lbPort, requestId) }]);
        const record = this.toRecord(outcome!, { requestId, variant: v.name, method: 'GET', cycle: 0, phase: 'calibration', idleGapMs: null, offsetMs: null });
        if (record.appStartMonoMs !== null) samples.push(record.appStartMonoMs - record.startMonoMs);
        await abortable(20, this.input.signal);
      }
      if (samples.length === 0) {
        throw new LabError(`No answer through the LB for ${v.name} (calibration): ${this.records.at(-1)?.error ?? `status ${this.records.at(-1)?.status}`}.`);
      }
      const fastest = Math.min(...samples);
      // Aiming needs the app's clock to be the harness's (CLOCK_MONOTONIC, shared
      // by a Linux host and its containers). Docker Desktop's VM has its own.
      if (!(fastest > 0 && fastest < 50)) {
        throw new LabError(
          `The app's clock and the harness's disagree (one-way latency measured as ${fastest.toFixed(1)} ms).`,
          'The lab needs Docker on a Linux host (one monotonic clock for host and containers), or --runtime local.',
        );
      }
      this.latency.set(v.name, fastest);
      this.latencyMinima.set(v.name, [fastest]);
    }
  }

  private toRecord(
    outcome: Outcome,
    base: Pick<RequestRecord, 'requestId' | 'variant' | 'method' | 'cycle' | 'phase' | 'idleGapMs' | 'offsetMs'>,
  ): RequestRecord {
    const headers = outcome.response?.headers ?? {};
    const socketId = headerNumber(headers, 'x-lab-socket-id');
    const socketRequest = headerNumber(headers, 'x-lab-socket-request');
    const appStart = headerNumber(headers, 'x-lab-request-start-mono-ms');
    let achievedIdleMs: number | null = null;
    if (socketId !== null && socketRequest !== null && socketRequest > 1 && appStart !== null) {
      const previousEnd = this.input.monitors.get(base.variant)?.responseEnd(socketId, socketRequest - 1);
      if (previousEnd !== undefined) achievedIdleMs = roundMs((appStart - previousEnd));
    }
    const record: RequestRecord = {
      ...base,
      startMonoMs: outcome.sentAtMonoMs,
      latencyMs: roundMs((outcome.doneAtMonoMs - outcome.sentAtMonoMs)),
      status: outcome.response?.status ?? null,
      error: outcome.error,
      upstreamSocketId: socketId,
      upstreamSocketRequest: socketRequest,
      appStartMonoMs: appStart,
      achievedIdleMs,
    };
    this.records.push(record);
    return record;
  }

  /** Burst on every variant at once; returns each variant's upstream idle starts (app clock), ascending. */
  private async burst(cycle: number): Promise<Map<VariantName, number[]>> {
    const { options, signal } = this.input;
    const bursts = await Promise.all(
      this.variants.map((v) =>
        autocannonBurst({ port: v.lbPort, variant: v.name, cycle, concurrency: options.concurrency, methods: options.methods, signal }),
      ),
    );
    const idleStarts = new Map<VariantName, number[]>();
    await Promise.all(
      this.variants.map(async (v, i) => {
        this.records.push(...bursts[i]);
        const keys = bursts[i]
          .filter((r) => r.upstreamSocketId !== null && r.upstreamSocketRequest !== null)
          .map((r) => ({ socketId: r.upstreamSocketId!, request: r.upstreamSocketRequest! }));
        const ends = await this.input.monitors.get(v.name)!.waitForResponseEnds(keys, EVENT_WAIT_MS);
        // Without the app's events (they were late), its start headers are the next best clock.
        const starts = ends.size > 0 ? [...ends.values()] : bursts[i].flatMap((r) => (r.appStartMonoMs === null ? [] : [r.appStartMonoMs + 1]));
        idleStarts.set(v.name, starts.sort((a, b) => a - b));
      }),
    );
    return idleStarts;
  }

  /**
   * Where to aim in each variant's set of idle sockets: the densest cluster of
   * idle starts. A near-simultaneous batch of sends takes the LB's cached
   * sockets most-recent-first, so it reaches every socket still open, including
   * those closing at that instant; the more of them close together, the more hit.
   */
  private anchors(idleStarts: Map<VariantName, number[]>): Map<VariantName, number | null> {
    return new Map(this.variants.map((v) => [v.name, densestCluster(idleStarts.get(v.name) ?? [], CLUSTER_WINDOW_MS)]));
  }

  /** Sends, per variant, one request per offset, arriving at idleStart + gap + offset. */
  private async sendAround(
    cycle: number,
    phase: Phase,
    idleStarts: Map<VariantName, number | null>,
    gapMs: number,
    relativeOffsetsMs: number[],
    centerOffsetMs: number,
  ): Promise<RequestRecord[]> {
    const { options } = this.input;
    const plan: PlannedSend[] = [];
    const meta: Array<Pick<RequestRecord, 'requestId' | 'variant' | 'method' | 'cycle' | 'phase' | 'idleGapMs' | 'offsetMs'>> = [];
    for (const v of this.variants) {
      const idleStart = idleStarts.get(v.name);
      if (idleStart === null || idleStart === undefined) continue;
      const client = this.clients.get(v.name)!;
      await client.prepare(relativeOffsetsMs.length);
      relativeOffsetsMs.forEach((rel, i) => {
        const method = options.methods[i % options.methods.length];
        const requestId = `c${cycle}-${v.name}-${phase}-${i}`;
        const body = method === 'GET' ? '' : JSON.stringify({ cycle, i });
        plan.push({
          atMonoMs: idleStart + gapMs + rel - (this.latency.get(v.name) ?? 1),
          client,
          connectionIndex: i,
          request: requestBytes(method, pathFor(method), v.lbPort, requestId, body),
        });
        meta.push({ requestId, variant: v.name, method, cycle, phase, idleGapMs: roundMs((gapMs + rel)), offsetMs: roundMs((centerOffsetMs + rel)) });
      });
    }
    const outcomes = await fireAt(plan, this.input.signal);
    const records: RequestRecord[] = [];
    outcomes.forEach((o, i) => {
      if (o) records.push(this.toRecord(o, meta[i]));
    });
    return records;
  }

  private updateEstimates(records: RequestRecord[]): void {
    for (const v of this.variants) {
      // The app serves one request at a time, so later ones queue: only the
      // fastest of a cycle measures the path itself. Smoothed over recent cycles.
      const samples = records
        .filter((r) => r.variant === v.name && r.appStartMonoMs !== null)
        .map((r) => r.appStartMonoMs! - r.startMonoMs);
      if (samples.length === 0) continue;
      const minima = this.latencyMinima.get(v.name) ?? [];
      minima.push(Math.min(...samples));
      this.latencyMinima.set(v.name, minima.slice(-5));
      const m = median(minima.slice(-5))!;
      if (m > 0 && m < 50) this.latency.set(v.name, roundMs(m));
    }
    // The app's own account of its close delay beats the probe's, once there is one.
    const delays = this.input.monitors
      .get(this.aim.name)!
      .closes.filter((c) => c.reason === 'keep-alive-timeout' && c.lastResponseEndMonoMs !== null)
      .slice(-20)
      .map((c) => c.closedAtMonoMs - c.lastResponseEndMonoMs!);
    const m = median(delays);
    if (m !== null) this.closeDelayMs = roundMs(m);
  }

  private cycleRecord(cycle: number, kind: CycleRecord['kind'], plan: CyclePlan, records: RequestRecord[]): CycleRecord {
    const achieved = (v: VariantName) =>
      median(records.filter((r) => r.variant === v && r.achievedIdleMs !== null).map((r) => r.achievedIdleMs!));
    return {
      cycle,
      kind,
      aimVariant: this.aim.name,
      closeDelayMs: this.closeDelayMs,
      centerOffsetMs: plan.centerOffsetMs,
      intendedGapMs: plan.intendedGapMs,
      achievedGapMs: Object.fromEntries(this.variants.map((v) => [v.name, achieved(v.name)])),
      oneWayLatencyMs: Object.fromEntries(this.latency),
      sendsPerVariant: plan.sendOffsetsMs.length,
      count502: Object.fromEntries(this.variants.map((v) => [v.name, this.count502(v.name, cycle)])),
    };
  }

  private reportCycle(c: CycleRecord, of: number | string): void {
    const perVariant = this.variants
      .map((v) => {
        const total = this.records.filter((r) => r.variant === v.name).length;
        return `${v.name}: ${this.count502(v.name)} × 502 / ${total} req`;
      })
      .join(' · ');
    const gap = c.kind === 'long-gap' ? `${(c.intendedGapMs / 1000).toFixed(1)} s` : `${c.intendedGapMs.toFixed(1)} ms`;
    this.input.progress(`cycle ${String(c.cycle).padStart(2)}/${of} gap ${gap} · ${perVariant}`);
  }

  private async aimedCycle(cycle: number): Promise<void> {
    const idleStarts = this.anchors(await this.burst(cycle));
    if (this.input.signal.aborted) return;
    const plan = this.scheduler.plan(this.closeDelayMs);
    const relative = plan.sendOffsetsMs.map((o) => o - plan.centerOffsetMs);
    const records = await this.sendAround(cycle, 'aimed', idleStarts, plan.intendedGapMs, relative, plan.centerOffsetMs);
    const hits = records.filter((r) => r.variant === this.aim.name && r.status === 502).map((r) => r.offsetMs!);
    this.scheduler.record(plan, hits);
    this.updateEstimates(records);
    const record = this.cycleRecord(cycle, 'aimed', plan, records);
    this.cycles.push(record);
    // Past --cycles the lab is still waiting for its first 502: say so with a '+'.
    const { cycles } = this.input.options;
    this.reportCycle(record, cycle > cycles ? `${cycles}+` : cycles);
  }

  /** --full: one idle gap just under and one just over the LB's own timeout. */
  private async longGapCycle(cycle: number, gapMs: number): Promise<void> {
    this.input.progress(`long gap: ${(gapMs / 1000).toFixed(1)} s idle, around the LB's ${this.input.scenario.lb.upstreamKeepaliveTimeoutMs / 1000} s`);
    const idleStarts = this.anchors(await this.burst(cycle));
    const relative = spreadOffsets(0, 2, this.input.options.concurrency);
    const known = [...idleStarts.values()].filter((t): t is number => t !== null);
    if (known.length === 0 || this.input.signal.aborted) return;
    const earliest = Math.min(...known);
    // Sleep most of the gap in bounded steps, so an interrupt is honoured quickly.
    while (!this.input.signal.aborted && monoMs() < earliest + gapMs - 1_000) {
      await abortable(Math.min(5_000, earliest + gapMs - 1_000 - monoMs()), this.input.signal);
    }
    const records = await this.sendAround(cycle, 'long-gap', idleStarts, gapMs, relative, 0);
    const plan: CyclePlan = { centerOffsetMs: 0, sendOffsetsMs: relative, intendedGapMs: gapMs };
    const record = this.cycleRecord(cycle, 'long-gap', plan, records);
    this.cycles.push(record);
    this.reportCycle(record, 'long');
  }
}
