// Idle-gap traffic through the LB, every variant of a lane at once: each cycle,
// a burst leaves the LB holding idle upstream sockets; the app's clock says
// when each went idle; the next requests are aimed to reach the app at the
// boundary where the race can happen (aim-policy.ts says which). A short lane
// drives the apps that close early, a long lane those whose boundary is at the
// LB's timeout, concurrently (LaneSet, lanes.ts).
//
// TrafficEngine is the loop: calibrate, then cycle until the policy says stop.
// Its parts: the steps on the wire (cycle-steps.ts), what it estimates of each
// app (estimates.ts), where it aims (aim-policy.ts, gap-scheduler.ts), what
// each cycle leaves behind (cycle-report.ts), and the bench's A/B
// (naive-cycles.ts). Everything outside (clock, sleeps, sends, the apps'
// events) comes in through TrafficIo and AppEvents, so the whole loop runs
// against a simulated lab in the unit tests.
import { setMaxListeners } from 'node:events';
import { perVariant, poolOf, type Scenario, type Variant, type VariantName } from '../scenarios/scenarios.js';
import { clientSymptom, type RequestRecord } from '../records/request-records.js';
import type { LabOptions } from '../scenarios/run-options.js';
import type { CycleRecord, AppClockEstimate } from '../records/summary-schema.js';
import { AimPolicy, LONG_GAP_SPREAD_MS, PRICE_ROUNDS_PER_METHOD, runsPooled, type LaneKind } from './aim-policy.js';

export { runsPooled };
import { cycleLine, cycleRecordOf, longGapLine, plannedCount, type CyclePosition } from './cycle-report.js';
import { CycleSteps, type AimedVariant, type CycleStepsInput, type VariantAim } from './cycle-steps.js';
import { Estimates } from './estimates.js';
import { DEFAULT_SCHEDULER, GapScheduler, spreadOffsets, type CyclePlan } from './gap-scheduler.js';
import { naiveComparison, naivePairsOf } from './naive-cycles.js';
import { PROBE_SOCKET_STAGGER_MS } from './probe.js';
import type { AppEvents, TrafficIo } from './traffic-io.js';

/** What a lane measured: its requests and cycles, and where it aimed each variant with what estimates. */
export interface TrafficResult {
  records: RequestRecord[];
  cycles: CycleRecord[];
  aimVariant: VariantName;
  closeDelayMs: number;
  /**
   * Per variant, client → LB → app (estimated: the app's clock is not the harness's); null until calibration measured
   * it.
   */
  oneWayLatencyMs: Record<VariantName, number | null>;
  /** Per variant, how its app's clock lines up with the harness's; null until calibration measured it. */
  appClocks: Record<VariantName, AppClockEstimate | null>;
  /** Per variant: the idle gap its boundary requests were aimed at last (app clock). */
  boundaryMs: Record<VariantName, number>;
  /** Per variant: the lane that drove it. */
  lanes: Record<VariantName, LaneKind>;
}

/** The run's options the engine reads. */
export type EngineOptions = Pick<
  LabOptions,
  'mode' | 'cycles' | 'maxCycles' | 'concurrency' | 'methods' | 'longCycles'
> &
  Partial<Pick<LabOptions, 'minBoundaryRequests' | 'naivePairs'>>;

/** One lane's engine: its variants, the run's options and measurements, and the world outside. */
export interface EngineInput {
  scenario: Scenario;
  /** The variants this engine drives; all of the scenario's by default. */
  variants?: readonly Variant[];
  lane?: LaneKind;
  options: EngineOptions;
  /** Measured idle-close delay per variant (probe), null when it did not close. */
  probedCloseMs: Record<VariantName, number | null>;
  /** The variants whose probe sockets, idle from apart, closed together (IdleCloseProbe.closesTogether). */
  closingTogether?: ReadonlySet<VariantName>;
  apps: ReadonlyMap<VariantName, AppEvents>;
  io: TrafficIo;
  /** A fresh TrafficIo: the long lane's pooled cycles each have their own connections (pooledLongCycles). */
  makeIo?: () => TrafficIo;
  signal: AbortSignal;
  progress: (line: string) => void;
  /** Called after every cycle; throws when a component of the stack stopped (a fault mid-run). */
  checkStillRunning?: () => Promise<void>;
  /** Called with every cycle's record as it ends, beside its progress line (the live page's structured feed). */
  onCycle?: (record: CycleRecord) => void;
}

/**
 * What a cycle adds to its idle gap: the burst, waiting for the apps' events,
 * the sends and the check that every component still runs. Measured here:
 * 0.5–1.5 s (more with more apps); for the estimates of how long a lane runs.
 */
export const CYCLE_OVERHEAD_MS = 1_500;
/**
 * A matrix app whose close comes this long before the LB's or more is in the
 * short lane; the others are driven at the LB's timeout. Two seconds: far more
 * than the spread of any close measured here, short enough for compressed tests.
 */
export const SHORT_LANE_MARGIN_MS = 2_000;
/**
 * In a pooled long lane each app's burst (32 requests) gets this slot to
 * itself, one app after another and cycle after cycle, and so, a gap later,
 * does its batch: the cycles start this times the lane's apps apart (the
 * default matrix's 11: about 5 s; your app alone: 0.45 s). Measured here: a
 * Next.js app served a pooled burst's 32 in about 130 ms of a core; 352 at
 * once (11 apps) took 1.4 s, and a request the LB had written meanwhile lay
 * unread in a fixed app's socket past its own close.
 */
export const LONG_POOL_APP_SLOT_MS = 450;

/** How far apart a pooled long lane's cycles start: a slot per app. */
export function longPoolStaggerMs(apps: number): number {
  return LONG_POOL_APP_SLOT_MS * apps;
}

/** Abort listeners a pooled cycle holds at once per app (burst, prepare, send), with room to spare, and of its own. */
const LISTENERS_PER_POOLED_APP = 4;
const LISTENERS_PER_POOLED_CYCLE = 10;

/**
 * How long a long lane takes: pooled, its cycles in waves of as many as the
 * apps have pools, each wave one idle gap plus its stagger; else one cycle
 * after another.
 */
export function longLaneMs(variants: readonly Variant[], longCycles: number, lbTimeoutMs: number): number {
  const cycleMs = lbTimeoutMs + CYCLE_OVERHEAD_MS;
  if (!runsPooled('long', variants)) return longCycles * cycleMs;
  const pools = Math.min(...variants.map((v) => v.longPools ?? 0));
  let total = 0;
  for (let left = longCycles; left > 0; left -= pools)
    total += cycleMs + Math.min(pools, left) * longPoolStaggerMs(variants.length);
  return total;
}

/** One lane's loop: calibration, aimed cycles until the policy stops it, the bench's A/B, --full's long gaps. */
export class TrafficEngine {
  private readonly cycles: CycleRecord[] = [];
  private readonly estimates: Estimates;
  private readonly policy: AimPolicy;
  private readonly steps: CycleSteps;
  /** What every CycleSteps of the lane is made of (a pooled cycle's has its own variants and connections). */
  private readonly stepsInput: CycleStepsInput;
  /** The talk-sized run steers one scheduler by the aim variant's hits; a matrix one per app, by its own. */
  private readonly schedulers = new Map<VariantName, GapScheduler>();
  readonly lane: LaneKind;

  constructor(private readonly input: EngineInput) {
    const { scenario, options, probedCloseMs, apps, io, signal } = input;
    const variants = this.variants;
    this.lane = input.lane ?? 'short';
    const lbTimeoutMs = scenario.lb.upstreamKeepaliveTimeoutMs;
    this.estimates = new Estimates({ variants, probedCloseMs, apps, lbTimeoutMs });
    const closingTogether = input.closingTogether ?? new Set<VariantName>();
    this.policy = new AimPolicy({
      ...{ scenario, variants, lane: this.lane, options, estimates: this.estimates, apps },
      closingTogether,
    });
    const { estimates, policy } = this;
    const sendsPerCycle = (v: Variant) => policy.sendsPerCycle(v);
    const aimsPerConnection = (v: Variant) => policy.aimsPerConnection(v);
    this.stepsInput = {
      ...{ scenario, variants, methods: options.methods, apps, io, signal, estimates },
      ...{ sendsPerCycle, aimsPerConnection },
    };
    this.steps = new CycleSteps(this.stepsInput);
  }

  private get variants(): readonly Variant[] {
    return this.input.variants ?? this.input.scenario.variants;
  }

  /**
   * Runs the cycles. A short lane: at least --cycles, and on to --max-cycles
   * while an app that closes first has shown no 502. A long lane: --long-cycles.
   */
  async run(): Promise<TrafficResult> {
    const { options, signal, progress, scenario } = this.input;
    try {
      await this.steps.calibrate();
      this.estimates.learnCloseDelays();
      await this.openPools();
      if (runsPooled(this.lane, this.variants)) await this.pooledLongCycles();
      for (let cycle = 1; cycle <= this.policy.lastCycle && !signal.aborted && !this.pooled; cycle++) {
        await this.aimedCycle(cycle);
        await this.input.checkStillRunning?.();
        const { stop, continuing } = this.policy.afterCycle(cycle, this.steps.records);
        if (stop) break;
        if (continuing !== null) progress(continuing);
      }
      await naiveComparison(
        {
          variants: this.variants,
          steps: this.steps,
          estimates: this.estimates,
          policy: this.policy,
          probedCloseMs: this.input.probedCloseMs,
          signal,
          cyclesSoFar: () => this.cycles.length,
          aimedCycle: (cycle) => this.aimedCycle(cycle, { ab: 'aimed' }),
          endCycle: (...cycleEnd) => this.endCycle(...cycleEnd),
          checkStillRunning: this.input.checkStillRunning,
        },
        naivePairsOf(scenario.kind, this.lane, options.naivePairs),
      );
      let cycle = this.cycles.length;
      for (const gapMs of this.policy.longGapsMs) {
        if (signal.aborted) break;
        await this.longGapCycle(++cycle, gapMs);
        await this.input.checkStillRunning?.();
      }
      await this.priceRounds();
    } finally {
      this.input.io.close();
    }
    return this.result();
  }

  /**
   * After calibration: which apps have no clock to aim by; each of them gets its pools opened (CycleSteps.openPools)
   * and a line saying how its cycles go.
   */
  private async openPools(): Promise<void> {
    const clientSide = this.policy.decidePerConnection();
    await this.steps.openPools();
    for (const v of clientSide) {
      const pools = this.policy.sendsPerCycle(v);
      this.input.progress(
        `${v.name}: no clock to aim by (its answers carry no stamp): a cycle sends one request through each of ${pools} LB pools at one instant, then one more on each at that connection's own close`,
      );
    }
    for (const v of this.variants.filter((x) => this.policy.closesAtCheck(x)))
      this.input.progress(
        `${v.name}: its probe sockets, idle from ${PROBE_SOCKET_STAGGER_MS} ms apart, closed together: it closes idle connections at a periodic check, not each at its own time, so a cycle sends its batch at one instant`,
      );
  }

  /** A run with LB-side fixes: PRICE_ROUNDS_PER_METHOD rounds a method that price each fix beside its baseline. */
  private async priceRounds(): Promise<void> {
    const gapMs = this.policy.priceGapMs;
    if (gapMs === null) return;
    const rounds = PRICE_ROUNDS_PER_METHOD * this.input.options.methods.length;
    this.input.progress(
      `price: ${rounds} rounds of one request per app, one at a time, the methods in turn, each after ${(gapMs / 1000).toFixed(1)} s idle`,
    );
    for (let round = 0; round < rounds && !this.input.signal.aborted; round++) {
      await this.steps.priceRound(round, gapMs);
      await this.input.checkStillRunning?.();
    }
  }

  private get pooled(): boolean {
    return runsPooled(this.lane, this.variants);
  }

  /**
   * The long lane's cycles side by side: cycle n through pool n of every app
   * (Variant.longPools), each with idle connections no other cycle touches, so
   * one idle gap as long as the LB's timeout serves them all. Their bursts
   * start longPoolStaggerMs apart; more cycles than pools run in waves. A
   * cycle that fails stops its wave's others.
   */
  private async pooledLongCycles(): Promise<void> {
    const { signal, progress, scenario } = this.input;
    const pools = Math.min(...this.variants.map((v) => v.longPools ?? 0));
    const last = this.policy.lastCycle;
    const lbS = scenario.lb.upstreamKeepaliveTimeoutMs / 1000;
    const waves = Math.ceil(last / pools);
    progress(
      `long lane: ${last} cycles side by side, each through pools of its own (${Math.min(pools, last)} per app${waves > 1 ? `, in ${waves} waves` : ''}), one app's burst every ${LONG_POOL_APP_SLOT_MS} ms, then one idle gap of about ${lbS} s${waves > 1 ? ' a wave' : ''}`,
    );
    try {
      for (let first = 1; first <= last && !signal.aborted; first += pools) await this.pooledWave(first, pools);
    } finally {
      // Cycles end in the order their batches come back; a failed or interrupted lane keeps them in order too.
      this.cycles.sort((a, b) => a.cycle - b.cycle);
    }
  }

  /** One wave of pooled cycles from `first`, as many as the apps have pools; the first failure stops the others. */
  private async pooledWave(first: number, pools: number): Promise<void> {
    const { signal } = this.input;
    const last = this.policy.lastCycle;
    const staggerMs = longPoolStaggerMs(this.variants.length);
    const stopWave = new AbortController();
    const waveSignal = AbortSignal.any([signal, stopWave.signal]);
    // Each cycle's bursts, sends and sleeps listen on it at once: many listeners, none leaked.
    setMaxListeners(pools * (LISTENERS_PER_POOLED_APP * this.variants.length + LISTENERS_PER_POOLED_CYCLE), waveSignal);
    // The first failure in time is the wave's (the others may fail from the stop it causes).
    let firstFailure: { reason: unknown } | null = null;
    const wave = Array.from({ length: Math.min(pools, last - first + 1) }, (_, i) =>
      this.pooledCycle(first + i, i + 1, i * staggerMs, waveSignal).catch((err: unknown) => {
        firstFailure ??= { reason: err };
        stopWave.abort();
      }),
    );
    await Promise.all(wave);
    if (firstFailure !== null) throw (firstFailure as { reason: unknown }).reason;
  }

  /** One pooled cycle: after its stagger, a cycle of the lab's through pool `pool` on connections of its own. */
  private async pooledCycle(cycle: number, pool: number, startAfterMs: number, signal: AbortSignal): Promise<void> {
    const { makeIo } = this.input;
    if (!makeIo) throw new Error('a pooled long lane needs makeIo: each cycle has its own connections');
    await this.input.io.sleep(startAfterMs, signal);
    if (signal.aborted) return;
    const io = makeIo();
    try {
      const steps = new CycleSteps({
        ...this.stepsInput,
        variants: this.variants.map((v) => poolOf(v, pool)),
        io,
        signal,
        records: this.steps.records,
        burstSpreadMs: longPoolStaggerMs(this.variants.length),
      });
      await this.aimedCycle(cycle, undefined, steps);
      if (!signal.aborted) await this.input.checkStillRunning?.();
    } finally {
      io.close();
    }
  }

  /** What was measured so far; also what a failed or interrupted run keeps. */
  result(): TrafficResult {
    return {
      records: this.steps.records,
      cycles: this.cycles,
      aimVariant: this.policy.aim.name,
      closeDelayMs: this.policy.closeDelayMs,
      oneWayLatencyMs: perVariant(this.variants, (v) => this.estimates.oneWayLatencyMs(v.name)),
      appClocks: perVariant(this.variants, (v) => this.estimates.appClock(v.name)),
      boundaryMs: perVariant(this.variants, (v) => this.boundaryMs(v)),
      lanes: perVariant(this.variants, () => this.lane),
    };
  }

  /** Where a variant's boundary requests go: the idle gap, on its app's clock, at which the race can happen. */
  boundaryMs(v: Variant): number {
    return this.policy.boundaryMs(v, this.steps.records);
  }

  /**
   * The scheduler that steers a variant's aim (the talk-sized run's variants share one), with the policy's settings
   * for it (AimPolicy.schedulerSettings). Made at its first cycle, after calibration.
   */
  private scheduler(name: VariantName): GapScheduler {
    const shared = this.input.scenario.kind === 'classic' ? this.policy.aim.name : name;
    let scheduler = this.schedulers.get(shared);
    if (!scheduler) {
      const variant = this.variants.find((v) => v.name === shared);
      const settings = variant === undefined ? DEFAULT_SCHEDULER : this.policy.schedulerSettings(variant);
      // A plan of C sends, or one a pool: planned as few as --concurrency 1, 24 sends would all go at its center.
      const perConnection = variant !== undefined && this.policy.aimsPerConnection(variant);
      const sendsPerCycle = perConnection ? this.policy.sendsPerCycle(variant) : this.input.options.concurrency;
      scheduler = new GapScheduler({ ...settings, sendsPerCycle });
      this.schedulers.set(shared, scheduler);
    }
    return scheduler;
  }

  /**
   * One of the lab's cycles: a held burst, every variant's batch aimed at its
   * boundary around its densest cluster of idle starts (an app with no clock
   * to aim by, one connection per pool: each request at its own connection's
   * close), then what the hits and the apps' accounts teach the schedulers
   * and the estimates.
   */
  private async aimedCycle(cycle: number, position?: CyclePosition, steps: CycleSteps = this.steps): Promise<void> {
    const idleStarts = this.policy.anchors(await steps.burst(cycle));
    if (steps.aborted) return;
    // The steps' own variants: a pooled cycle's name their pool.
    const plans = steps.variants.map((v) => ({ v, plan: this.scheduler(v.name).plan(this.boundaryMs(v)) }));
    const targets = plans.map(({ v, plan }) => {
      const relative = plan.sendOffsetsMs.map((o) => o - plan.centerOffsetMs);
      const aim = { gapMs: plan.intendedGapMs, centerOffsetMs: plan.centerOffsetMs };
      const relativeOffsetsMs = this.policy.poolOffsets(v, relative, plan.tailSends);
      return this.target(v, { ...aim, relativeOffsetsMs }, idleStarts, steps);
    });
    const sent = await steps.sendAround(cycle, 'aimed', targets);
    // Stopped before its batch went (a pooled wave another cycle failed, an interrupt): no aimed cycle to count.
    if (steps.aborted && sent.length === 0) return;
    // Each scheduler learns from the hits of the variant it steers: in the
    // talk-sized run the aim variant's (one scheduler for all), in a matrix each app's own.
    const hitsOf = (name: VariantName) =>
      sent.flatMap((r) => (r.variant === name && clientSymptom(r) !== null && r.offsetMs !== null ? [r.offsetMs] : []));
    const { aim } = this.policy;
    const steering = this.input.scenario.kind === 'classic' ? [aim] : this.variants;
    for (const v of steering) {
      const plan = plans.find((p) => p.v.name === v.name)?.plan;
      if (plan) this.scheduler(v.name).record(plan, hitsOf(v.name));
    }
    this.estimates.learnFromCycle(sent);
    const aimPlan = plans.find((p) => p.v.name === aim.name)?.plan;
    if (!aimPlan) throw new Error(`the aim variant ${aim.name} is not among the lane's`);
    // Past --cycles the lab is still waiting for its first 502: plannedCount says so with a '+'.
    const of = plannedCount(this.lane, cycle, this.input.options);
    this.endCycle(cycle, 'aimed', aimPlan, sent, position ?? { of });
  }

  /** --full: one idle gap just under and one just over the LB's own timeout. */
  private async longGapCycle(cycle: number, gapMs: number): Promise<void> {
    const { scenario, options, signal, progress } = this.input;
    progress(longGapLine(gapMs, scenario.lb.upstreamKeepaliveTimeoutMs));
    const idleStarts = this.policy.anchors(await this.steps.burst(cycle));
    const relative = spreadOffsets(0, LONG_GAP_SPREAD_MS, options.concurrency);
    const targets = this.variants.map((v) =>
      this.target(v, { gapMs, centerOffsetMs: 0, relativeOffsetsMs: this.policy.spreadFor(v, relative) }, idleStarts),
    );
    const known = [...idleStarts.values()].filter((t): t is number => t !== null);
    if (known.length === 0 || signal.aborted) return;
    const sent = await this.steps.sendAround(cycle, 'long-gap', targets);
    const plan: CyclePlan = { centerOffsetMs: 0, sendOffsetsMs: relative, tailSends: 0, intendedGapMs: gapMs };
    this.endCycle(cycle, 'long-gap', plan, sent, { of: 'long' });
  }

  /**
   * A variant's sends of a cycle: its aim, and when, on the harness's clock,
   * its center send must go to reach the app at idleStart + the gap (idle
   * starts are on the app's clock); null without an idle start.
   */
  private target(
    v: Variant,
    aim: VariantAim,
    idleStarts: ReadonlyMap<VariantName, number | null>,
    steps: CycleSteps = this.steps,
  ): AimedVariant {
    const sendAt = (idleStart: number) => idleStart + aim.gapMs - this.estimates.sendToAppMs(v.name);
    // Aimed one per connection: each send at its own connection's close, the earliest of them the cycle's center.
    const perConnection = steps.idleStartsPerConnection(v.name);
    if (perConnection !== null) {
      const connectionCentersMonoMs = perConnection.map((s) => (s === null ? null : sendAt(s)));
      const known = connectionCentersMonoMs.filter((c): c is number => c !== null);
      return { variant: v, aim, centerMonoMs: known.length === 0 ? null : Math.min(...known), connectionCentersMonoMs };
    }
    const idleStart = idleStarts.get(v.name);
    return { variant: v, aim, centerMonoMs: idleStart === null || idleStart === undefined ? null : sendAt(idleStart) };
  }

  /** Keeps a cycle's record and reports it: its progress line, and the live page's feed. */
  private endCycle(
    cycle: number,
    kind: CycleRecord['kind'],
    plan: CyclePlan,
    sent: readonly RequestRecord[],
    position: CyclePosition,
  ): void {
    const { scenario, progress, onCycle } = this.input;
    const { variants, estimates, policy } = this;
    const facts = {
      cycle,
      lane: this.lane,
      kind,
      aimVariant: policy.aim.name,
      closeDelayMs: policy.closeDelayMs,
      plan,
      oneWayLatencyMs: perVariant(variants, (v) => estimates.oneWayLatencyMs(v.name)),
      appClockOffsetMs: perVariant(variants, (v) => estimates.appClock(v.name)?.offsetMs ?? null),
      boundaryMs: perVariant(variants, (v) => this.boundaryMs(v)),
    };
    const record = cycleRecordOf(facts, variants, sent, this.steps.records);
    this.cycles.push(record);
    progress(cycleLine(record, position, scenario.kind, variants, this.steps.records));
    onCycle?.(record);
  }
}
