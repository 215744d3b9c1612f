// Idle-gap traffic through the LB, every variant of a lane at once: each cycle,
// an autocannon burst leaves the LB holding idle upstream sockets; the app's
// clock says when each went idle; the next requests are aimed to reach the app
// at the boundary where the race can happen. In the talk-sized run that is the
// close of the variant that closes first, for every variant (the fix shown safe
// at the very instant the default fails). In a matrix each variant has its own:
// its app's close when that comes before the LB's, else the LB's idle timeout;
// a short lane drives the apps that close early, a long lane those whose
// boundary is at the LB's timeout, concurrently (LaneSet, lanes.ts). Behind an
// LB without a per-connection idle timeout (HAProxy) every app is aimed at its
// own close: the LB still holds the connections then.
//
// Everything outside (clock, sleeps, sends, the apps' events) comes in through
// TrafficIo and AppEvents, so the whole loop runs against a simulated lab in
// the unit tests.
import { LabError } from '../model/errors.js';
import { closeInstant } from '../records/app-records.js';
import { testedBoundary } from '../records/boundary.js';
import { median } from '../model/stats.js';
import type { SocketClosedRecord } from '../model/protocol.js';
import { lbRetries, LB_DRIVERS } from '../lb/drivers.js';
import { perVariant, type Scenario, type Variant, type VariantName } from '../scenarios/scenarios.js';
import { roundMs } from '../model/clock.js';
import { clockSampleOf, estimateAppClock, type ClockSample } from './app-clock.js';
import { DEFAULT_SCHEDULER, densestCluster, GapScheduler, spreadOffsets, type CyclePlan } from './gap-scheduler.js';
import type { Outcome } from './precise-client.js';
import { clientSymptom, type Phase, type RequestRecord } from '../records/request-records.js';
import type { AimedSend, TrafficIo } from './traffic-io.js';
import { burstPathFor, requestRecordOf, type RecordBase } from './record-of.js';
import type { LabOptions } from '../scenarios/run-options.js';
import type { CycleRecord, AppClockEstimate } from '../records/summary-schema.js';

/** What the engine reads of an app's connection accounting (AppMonitor, live). */
export interface AppEvents {
  /** When the app finished the nth response on a socket (its clock), if it said so yet. */
  responseEnd(socketId: number, request: number): number | undefined;
  /** Waits, at most timeoutMs, until the app has reported the end of every listed response. */
  waitForResponseEnds(
    keys: ReadonlyArray<{ socketId: number; request: number }>,
    timeoutMs: number,
  ): Promise<Map<string, number>>;
  /** Every socket the app closed so far, in order. */
  readonly closes: readonly SocketClosedRecord[];
}

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

export type EngineOptions = Pick<
  LabOptions,
  'mode' | 'cycles' | 'maxCycles' | 'concurrency' | 'methods' | 'longCycles'
> &
  Partial<Pick<LabOptions, 'minBoundaryRequests' | 'naivePairs'>>;

/**
 * 'short': apps that close idle sockets clearly before the LB does, cycles of
 * their close delay; 'long': the rest, whose boundary is at the LB's timeout.
 */
export type LaneKind = CycleRecord['lane'];

export interface EngineInput {
  scenario: Scenario;
  /** The variants this engine drives; all of the scenario's by default. */
  variants?: readonly Variant[];
  lane?: LaneKind;
  options: EngineOptions;
  /** Measured idle-close delay per variant (probe), null when it did not close. */
  probedCloseMs: Record<VariantName, number | null>;
  apps: ReadonlyMap<VariantName, AppEvents>;
  io: TrafficIo;
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
 * In the long lane, an app that closes no later than this after the LB's timeout
 * is aimed at its own close (the LB's timer may fire after the app's); later
 * ones at the LB's timeout.
 */
const OWN_CLOSE_AFTER_LB_MS = 50;
/**
 * An app that outlives the LB is aimed this far before the LB's own idle close
 * (learned from the LB's closes the apps record): its requests then reuse
 * connections idle almost as long as the LB ever keeps them, the strongest
 * proof that the app holds its end. nginx 1.22 closed 60–160 ms early here.
 */
const LB_CLOSE_LEAD_MS = 200;
/** Until the LB's real close is learned, a wider lead keeps the first cycles on reused connections. */
export const LB_CLOSE_UNKNOWN_LEAD_MS = 500;
/** --full: idle gaps this far either side of the LB's own timeout. */
const LONG_GAP_AROUND_LB_MS = 1_000;
/** --full: sends of a long-gap cycle spread over ± this; the LB's timer is coarse, no aiming needed. */
export const LONG_GAP_SPREAD_MS = 2;
/**
 * The engine's own client connections are replaced before a send once idle
 * this close to the LB's client keep-alive (65 s): a long-lane cycle whose
 * apps are aimed past the LB's timeout (behind HAProxy) runs over a minute,
 * and the LB would close them under the send (measured: 17 sends lost so).
 */
export const CLIENT_IDLE_MARGIN_MS = 2_000;
/** Long gaps are slept in steps of at most this, so an interrupt is honoured quickly... */
export const LONG_SLEEP_STEP_MS = 5_000;
/** ...and the last second before the sends is left to fireAt's precise wait. */
export const LONG_SLEEP_WAKE_EARLY_MS = 1_000;
/**
 * How long to wait after a burst for the app's response-finished lines. They come
 * through Docker's log stream within about 100 ms here; past this, the response's
 * start header stands in (see APP_RESPONSE_MS).
 */
export const EVENT_WAIT_MS = 1_500;
/**
 * The sample app answers in about a millisecond: start header + this ≈ the idle start (or the hold's instant, if
 * later).
 */
export const APP_RESPONSE_MS = 1;
/**
 * A burst's responses are held to an instant this far after its sends would
 * reach the app: long enough for the app to have handled all of them, short
 * beside a cycle. Measured here (Docker, both apps bursting at once on 2
 * cores): with 100 ms, handlers still running at the instant ended up to 25 ms
 * after it in a third of the cycles (autocannon's start-up and the other
 * app's burst take their share), and those cycles' closes spread as before.
 */
export const BURST_HOLD_MS = 250;
/** Calibration asks the app's cheapest route: its start header then measures the path, not the page. */
export const CALIBRATION_PATH = '/api/health';
/**
 * Requests per variant that measure the send-to-app delay and the app clock before the first cycle, and the pause
 * between them.
 */
export const CALIBRATION_SENDS = 3;
export const CALIBRATION_PAUSE_MS = 20;
/**
 * Aiming uses each app's send-to-app delay (app-clock.ts: its clock's offset +
 * the one-way latency) and the offset from the exchanges of the last few
 * cycles: they follow drift (Docker's proxy, CPU load, a VM's clock) within
 * about half a minute.
 */
const CLOCK_SAMPLE_CYCLES_KEPT = 5;
/**
 * The close delay used is the median of the app's most recent keep-alive closes:
 * two to three cycles' worth of sockets, recent enough to follow the app under
 * load, enough that one late timer tick cannot move it.
 */
const CLOSE_DELAYS_KEPT = 20;
/**
 * In the talk-sized run, the variants shown safe beside the aim variant send
 * this many requests per cycle: 12 cycles of --quick then give them 300
 * boundary requests, and 0 × 502 in 300 bounds their rate ≤ 1 % (95 %) in the
 * same two minutes. Their LB pool (32 idle connections) holds them all.
 */
export const SAFE_VARIANT_SENDS_PER_CYCLE = 25;
/**
 * Your app, driven at the LB's timeout (it outlives it), sends this many per
 * cycle: the default 10 long cycles give 300 boundary requests, and 0 in 300
 * is the "≤ 1 %" a SAFE verdict states. The LB's pool (32) holds them all.
 */
export const YOUR_APP_LONG_LANE_SENDS_PER_CYCLE = 30;
/** Idle starts within this window count as one cluster of sockets that close together. */
export const CLUSTER_WINDOW_MS = 2;
/**
 * The naive client's idle gaps, from the probe's close delay: the delay first,
 * then 5 ms steps either side out to ±30 ms (the sweep a careful engineer
 * without the app's clock would run), one step per naive cycle.
 */
export const NAIVE_SWEEP_MS = [0, 5, -5, 10, -10, 15, -15, 20, -20, 25, -25, 30, -30];

/** Where one variant's sends of a cycle go: the idle gap of their center, and each send's offset from it. */
interface VariantAim {
  gapMs: number;
  centerOffsetMs: number;
  relativeOffsetsMs: number[];
}

export class TrafficEngine {
  private readonly records: RequestRecord[] = [];
  private readonly cycles: CycleRecord[] = [];
  /** Per variant, the clock samples of its last cycles (calibration first), one list per cycle. */
  private readonly clockSamples = new Map<VariantName, ClockSample[][]>();
  /** Per variant, its app's idle close delay: the probe's, then the app's own account. */
  private readonly closeDelay = new Map<VariantName, number>();
  /** The talk-sized run steers one scheduler by the aim variant's hits; a matrix one per app, by its own. */
  private readonly schedulers = new Map<VariantName, GapScheduler>();
  private readonly aim: Variant;
  readonly lane: LaneKind;

  constructor(private readonly input: EngineInput) {
    this.lane = input.lane ?? 'short';
    for (const v of this.variants) {
      const probed = input.probedCloseMs[v.name];
      if (probed !== null && probed !== undefined) this.closeDelay.set(v.name, probed);
    }
    const closing = this.variants
      .filter((v) => this.closeDelay.has(v.name))
      .sort((a, b) => this.closeDelay.get(a.name)! - this.closeDelay.get(b.name)!);
    if (closing.length === 0 && this.lane === 'short') {
      throw new LabError('No variant closed its idle sockets during the probe; there is no close to aim at.');
    }
    this.aim = closing[0] ?? this.variants[0];
    const newScheduler = () => new GapScheduler({ ...DEFAULT_SCHEDULER, sendsPerCycle: input.options.concurrency });
    const shared = newScheduler();
    for (const v of this.variants)
      this.schedulers.set(v.name, input.scenario.kind === 'classic' ? shared : newScheduler());
  }

  /**
   * Requests per cycle (burst and batch) of a variant: C, or SAFE_VARIANT_SENDS_PER_CYCLE for the talk-sized run's safe
   * variants.
   */
  private sendsPerCycle(v: Variant): number {
    const { concurrency } = this.input.options;
    // A user's app driven at the LB's timeout is there to be shown safe: a tight bound needs more requests than C.
    if (v.app && this.lane === 'long') return Math.max(concurrency, YOUR_APP_LONG_LANE_SENDS_PER_CYCLE);
    return this.input.scenario.kind === 'classic' && v.name !== this.aim.name
      ? Math.max(concurrency, SAFE_VARIANT_SENDS_PER_CYCLE)
      : concurrency;
  }

  /** A variant's share of a batch planned for C sends: the same span, its own number of sends, evenly spread. */
  private spreadFor(v: Variant, relativeOffsetsMs: number[]): number[] {
    const n = this.sendsPerCycle(v);
    if (n === relativeOffsetsMs.length) return relativeOffsetsMs;
    const low = Math.min(...relativeOffsetsMs);
    const high = Math.max(...relativeOffsetsMs);
    return spreadOffsets((low + high) / 2, (high - low) / 2, n);
  }

  /** Client connections idle longer than this are replaced before they carry a request (CLIENT_IDLE_MARGIN_MS). */
  private get clientMaxIdleMs(): number {
    return this.input.scenario.lb.clientKeepaliveTimeoutMs - CLIENT_IDLE_MARGIN_MS;
  }

  private get variants(): readonly Variant[] {
    return this.input.variants ?? this.input.scenario.variants;
  }

  /** The aim variant's close delay (the LB's timeout in a long lane where no app closes first). */
  private get closeDelayMs(): number {
    return this.closeDelay.get(this.aim.name) ?? this.input.scenario.lb.upstreamKeepaliveTimeoutMs;
  }

  /** Where a variant's boundary requests go: the idle gap, on its app's clock, at which the race can happen. */
  boundaryMs(v: Variant): number {
    if (this.input.scenario.kind === 'classic') return this.closeDelayMs;
    const lbMs = this.input.scenario.lb.upstreamKeepaliveTimeoutMs;
    const own = this.closeDelay.get(v.name);
    if (own !== undefined && own <= lbMs + OWN_CLOSE_AFTER_LB_MS) return own;
    // An LB without a per-connection idle timeout (HAProxy) still holds its idle connections when the app closes them.
    if (own !== undefined && !LB_DRIVERS[v.lb].idleTimeoutBoundsConnections) return own;
    const learned = this.lbCloseDelayMs(v.lb);
    return learned === null ? lbMs - LB_CLOSE_UNKNOWN_LEAD_MS : roundMs(learned - LB_CLOSE_LEAD_MS);
  }

  /** An LB's own idle close as its apps saw it (median of its recent closes of idle sockets); null until one came. */
  private lbCloseDelayMs(lb: Variant['lb']): number | null {
    const lbMs = this.input.scenario.lb.upstreamKeepaliveTimeoutMs;
    // Only sockets that carried the LB's requests: a health check's connection closes on its own schedule.
    const lbSockets = new Set(
      this.records.flatMap((r) => (r.upstreamSocketId === null ? [] : [`${r.variant}/${r.upstreamSocketId}`])),
    );
    const delays = this.variants
      .filter((v) => v.lb === lb)
      .flatMap((v) => this.app(v.name).closes.filter((c) => lbSockets.has(`${v.name}/${c.socketId}`)))
      .flatMap((c) =>
        c.closedBy === 'peer' && c.lastResponseEndMonoMs !== null ? [c.closedAtMonoMs - c.lastResponseEndMonoMs] : [],
      )
      // Only idle closes near the LB's timeout: not the LB stopping, nor a client's close.
      .filter((d) => Math.abs(d - lbMs) < lbMs / 10)
      .slice(-CLOSE_DELAYS_KEPT);
    return median(delays);
  }

  private app(variant: VariantName): AppEvents {
    const app = this.input.apps.get(variant);
    if (!app) throw new Error(`no app events for variant ${variant}`);
    return app;
  }

  private count502(variant: VariantName, cycle?: number): number {
    return this.records.filter(
      (r) => r.variant === variant && r.status === 502 && (cycle === undefined || r.cycle === cycle),
    ).length;
  }

  /**
   * Requests that met the race as the client sees it behind any LB: a 502 (503, 504), or a connection closed without a
   * response.
   */
  private countFailed(variant: VariantName): number {
    return this.records.filter((r) => r.variant === variant && clientSymptom(r) !== null).length;
  }

  /**
   * What should show the race before a short lane stops: the aim variant's 502
   * in the talk-sized run; in a matrix every method on every app that closes
   * first (each is a cell of the result); for a method its LB retries (masked,
   * never a failure the client sees), enough boundary requests instead.
   */
  private get awaitingHits(): string[] {
    if (this.input.scenario.kind === 'classic') return this.count502(this.aim.name) === 0 ? [this.aim.name] : [];
    const { methods, minBoundaryRequests = 0 } = this.input.options;
    const perCell = Math.ceil(minBoundaryRequests / methods.length);
    const cells = this.variants
      .filter((v) => this.closeDelay.has(v.name))
      .flatMap((v) => methods.map((m) => ({ v, m })));
    const mine = (v: Variant, m: string) => this.records.filter((r) => r.variant === v.name && r.method === m);
    const hitless = cells
      .filter(({ v, m }) => !lbRetries(this.input.scenario, v, m))
      .filter(({ v, m }) => !mine(v, m).some((r) => clientSymptom(r) !== null))
      .map(({ v, m }) => `${v.name} ${m}`);
    // A method the LB retries never fails at the client; what shows the race there
    // (its retries, or its silence while the app closed connections) needs enough boundary requests.
    const tested = (v: Variant, m: string) => {
      const context = {
        replaysUnseen: LB_DRIVERS[v.lb].silentRetry(this.input.scenario, m) !== null,
        appCloseInstants: this.app(v.name)
          .closes.filter((c) => c.closedBy === 'app')
          .map(closeInstant),
        sendToAppMs: this.sendToAppMs(v.name),
      };
      return mine(v, m).filter((r) => testedBoundary(r, context)).length;
    };
    const short = cells
      .filter(({ v, m }) => lbRetries(this.input.scenario, v, m))
      .filter(({ v, m }) => tested(v, m) < perCell)
      .map(({ v, m }) => `${v.name} ${m} (boundary requests)`);
    return [...hitless, ...short];
  }

  /**
   * Runs the cycles. A short lane: at least --cycles, and on to --max-cycles
   * while an app that closes first has shown no 502. A long lane: --long-cycles.
   */
  async run(): Promise<TrafficResult> {
    const { options, signal, progress } = this.input;
    try {
      await this.calibrate();
      this.learnCloseDelays();
      const last = this.lane === 'long' ? options.longCycles : options.maxCycles;
      for (let cycle = 1; cycle <= last && !signal.aborted; cycle++) {
        await this.aimedCycle(cycle);
        await this.input.checkStillRunning?.();
        if (this.lane === 'long') continue;
        const waiting = this.awaitingHits;
        if (cycle >= options.cycles && waiting.length === 0) break;
        if (cycle === options.cycles && waiting.length > 0) {
          const what =
            this.input.scenario.kind === 'classic'
              ? 'no 502 on'
              : 'no failure (or, where the LB retries, too few boundary requests) on';
          progress(`${what} ${waiting.join(', ')} after ${cycle} cycles yet: continuing up to ${options.maxCycles}`);
        }
      }
      await this.naiveComparison();
      if (options.mode === 'full' && this.input.scenario.kind === 'classic' && !signal.aborted) {
        const lbMs = this.input.scenario.lb.upstreamKeepaliveTimeoutMs;
        let cycle = this.cycles.length;
        for (const gap of [lbMs - LONG_GAP_AROUND_LB_MS, lbMs + LONG_GAP_AROUND_LB_MS]) {
          if (signal.aborted) break;
          await this.longGapCycle(++cycle, gap);
          await this.input.checkStillRunning?.();
        }
      }
    } finally {
      this.input.io.close();
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
      oneWayLatencyMs: perVariant(this.variants, (v) => this.oneWayLatencyMs(v.name)),
      appClocks: perVariant(this.variants, (v) => this.appClock(v.name)),
      boundaryMs: perVariant(this.variants, (v) => this.boundaryMs(v)),
      lanes: perVariant(this.variants, () => this.lane),
    };
  }

  /** How the app's clock lines up with the harness's, from its recent exchanges; null before any. */
  private appClock(variant: VariantName): AppClockEstimate | null {
    return estimateAppClock((this.clockSamples.get(variant) ?? []).flat());
  }

  /**
   * When a request sent at harness time t reaches the app: t + this, on the
   * app's clock (offset + one-way latency). The fastest exchange of the last
   * few cycles: queueing (the app serves one request at a time, a busy CPU)
   * only ever adds delay, so the minimum is the path itself, and one slow
   * cycle (the first page renders) cannot move it; a median of per-cycle
   * minima could, by 4 ms here, and sent a cycle that much early.
   */
  private sendToAppMs(variant: VariantName): number {
    return this.appClock(variant)?.sendToAppMs ?? 0;
  }

  /** The one-way latency client → LB → app: the send-to-app delay less the app clock's offset. */
  private oneWayLatencyMs(variant: VariantName): number | null {
    const clock = this.appClock(variant);
    return clock === null ? null : roundMs(clock.sendToAppMs - clock.offsetMs);
  }

  /** Keeps a cycle's exchanges with an app: the last few cycles' estimate its clock. */
  private keepClockSamples(variant: VariantName, records: readonly RequestRecord[]): void {
    const samples = records.flatMap((r) => {
      const sample = clockSampleOf(r);
      return sample ? [sample] : [];
    });
    if (samples.length === 0) return;
    this.clockSamples.set(
      variant,
      [...(this.clockSamples.get(variant) ?? []), samples].slice(-CLOCK_SAMPLE_CYCLES_KEPT),
    );
  }

  /**
   * Before the first cycle, a few requests per app measure when a send reaches
   * it (its clock's offset + the one-way latency): no clock is assumed shared.
   */
  private async calibrate(): Promise<void> {
    const { io, signal } = this.input;
    for (const v of this.variants) {
      await io.prepare(v, 1);
      const calibration: RequestRecord[] = [];
      for (let i = 0; i < CALIBRATION_SENDS; i++) {
        const requestId = `c0-${v.name}-calibration-${i}`;
        const [outcome] = await io.fire(
          [
            {
              atMonoMs: io.now(),
              variant: v,
              connectionIndex: 0,
              method: 'GET',
              path: v.app?.healthPath ?? CALIBRATION_PATH,
              requestId,
              body: '',
            },
          ],
          signal,
        );
        if (!outcome) return; // aborted
        const record = this.toRecord(outcome, {
          requestId,
          variant: v.name,
          method: 'GET',
          cycle: 0,
          phase: 'calibration',
          idleGapMs: null,
          offsetMs: null,
        });
        calibration.push(record);
        await io.sleep(CALIBRATION_PAUSE_MS, signal);
      }
      // The app answered when a response came from it: stamped by the preload, or (an app without it) any status but
      // the LB's own errors.
      if (calibration.every((r) => r.appStartMonoMs === null && (r.status === null || r.status >= 502))) {
        const last = this.records.at(-1);
        throw new LabError(
          `No answer through the LB for ${v.name} (calibration): ${last?.error ?? `status ${last?.status}`}.`,
        );
      }
      this.keepClockSamples(v.name, calibration);
    }
  }

  /** A record of an outcome, kept with the run's. */
  private toRecord(outcome: Outcome, base: RecordBase): RequestRecord {
    const record = this.recordOf(outcome, base);
    this.records.push(record);
    return record;
  }

  private recordOf(outcome: Outcome, base: RecordBase): RequestRecord {
    const app = this.app(base.variant);
    return requestRecordOf(outcome, base, (socketId, request) => app.responseEnd(socketId, request));
  }

  /** Burst on every variant at once; returns each variant's upstream idle starts (app clock), ascending. */
  private async burst(cycle: number, held = true): Promise<Map<VariantName, number[]>> {
    // Every response of a burst is held to one instant on its app's clock, so its connections go idle (and close)
    // together.
    const holdUntil = new Map(
      this.variants.map((v) => [
        v.name,
        held ? roundMs(this.input.io.now() + this.sendToAppMs(v.name) + BURST_HOLD_MS) : undefined,
      ]),
    );
    const bursts = await Promise.all(this.variants.map((v) => this.burstOf(v, cycle, holdUntil.get(v.name))));
    const idleStarts = new Map<VariantName, number[]>();
    await Promise.all(
      this.variants.map(async (v, i) => {
        this.records.push(...bursts[i]);
        const keys = bursts[i].flatMap((r) =>
          r.upstreamSocketId === null || r.upstreamSocketRequest === null
            ? []
            : [{ socketId: r.upstreamSocketId, request: r.upstreamSocketRequest }],
        );
        const ends = await this.app(v.name).waitForResponseEnds(keys, EVENT_WAIT_MS);
        // Without the app's events (they were late), its start headers are the next best clock;
        // without either (an app with no preload), the client's own view.
        const appStarts = bursts[i].flatMap((r) =>
          r.appStartMonoMs === null
            ? []
            : [Math.max(r.appStartMonoMs + APP_RESPONSE_MS, holdUntil.get(v.name) ?? -Infinity)],
        );
        const clientSide = v.app ? clientSideIdleStarts(bursts[i]) : [];
        const starts = ends.size > 0 ? [...ends.values()] : appStarts.length > 0 ? appStarts : clientSide;
        idleStarts.set(
          v.name,
          starts.sort((a, b) => a - b),
        );
      }),
    );
    return idleStarts;
  }

  /**
   * One variant's burst: autocannon's connections, or, behind an LB that never
   * gives the first request of a client connection an idle upstream connection
   * (HAProxy's http-reuse safe), the very connections the aimed requests go out
   * on next, so that each aimed request is the second on its client connection
   * and may get the upstream connection its burst request left idle.
   */
  private async burstOf(v: Variant, cycle: number, holdUntilAppMs: number | undefined): Promise<RequestRecord[]> {
    const { options, signal, io } = this.input;
    if (LB_DRIVERS[v.lb].firstRequestReusesIdle(this.input.scenario)) {
      return io.burst({
        port: v.lbPort,
        variant: v.name,
        cycle,
        concurrency: this.sendsPerCycle(v),
        methods: options.methods,
        holdUntilAppMs,
        trafficPath: v.app?.trafficPath,
        signal,
      });
    }
    await io.prepare(v, this.sendsPerCycle(v), this.clientMaxIdleMs);
    const at = io.now();
    const bases: RecordBase[] = [];
    const sends: AimedSend[] = Array.from({ length: this.sendsPerCycle(v) }, (_, i) => {
      const method = options.methods[i % options.methods.length];
      const requestId = `c${cycle}-${v.name}-burst-${i}`;
      bases.push({ requestId, variant: v.name, method, cycle, phase: 'burst', idleGapMs: null, offsetMs: null });
      return {
        atMonoMs: at,
        variant: v,
        connectionIndex: i,
        method,
        path: burstPathFor(method, v),
        requestId,
        body: method === 'GET' ? '' : JSON.stringify({ cycle, index: i }),
        holdUntilAppMs,
      };
    });
    const outcomes = await io.fire(sends, signal);
    return outcomes.flatMap((o, i) => (o ? [this.recordOf(o, bases[i])] : []));
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

  /**
   * When, on the harness's clock, each variant's center send must go for it to
   * reach the app at idleStart + the gap, idle starts being on the app's clock.
   */
  private sendTimesFromIdle(
    idleStarts: Map<VariantName, number | null>,
    aimOf: (v: Variant) => VariantAim,
  ): Map<VariantName, number | null> {
    return new Map(
      this.variants.map((v) => {
        const idleStart = idleStarts.get(v.name);
        return [
          v.name,
          idleStart === null || idleStart === undefined ? null : idleStart + aimOf(v).gapMs - this.sendToAppMs(v.name),
        ];
      }),
    );
  }

  /**
   * Sends, per variant, one request per offset, at its center send time (the
   * harness's clock) + the offset. Connections are prepared after the long
   * sleep, a second before: a client connection idle for a minute would be the
   * LB's to close.
   */
  private async sendAround(
    cycle: number,
    phase: Phase,
    centers: Map<VariantName, number | null>,
    aimOf: (v: Variant) => VariantAim,
  ): Promise<RequestRecord[]> {
    const { options, io, signal } = this.input;
    const sends: AimedSend[] = [];
    const bases: RecordBase[] = [];
    await this.sleepUntilShortlyBefore(Math.min(...this.variants.map((v) => centers.get(v.name) ?? Infinity)));
    if (signal.aborted) return [];
    for (const v of this.variants) {
      const center = centers.get(v.name);
      if (center === null || center === undefined) continue;
      const { gapMs, relativeOffsetsMs, centerOffsetMs } = aimOf(v);
      await io.prepare(v, relativeOffsetsMs.length, this.clientMaxIdleMs);
      relativeOffsetsMs.forEach((rel, i) => {
        const method = options.methods[i % options.methods.length];
        const requestId = `c${cycle}-${v.name}-${phase}-${i}`;
        sends.push({
          atMonoMs: center + rel,
          variant: v,
          connectionIndex: i,
          method,
          requestId,
          body: method === 'GET' ? '' : JSON.stringify({ cycle, i }),
        });
        bases.push({
          requestId,
          variant: v.name,
          method,
          cycle,
          phase,
          idleGapMs: roundMs(gapMs + rel),
          offsetMs: roundMs(centerOffsetMs + rel),
        });
      });
    }
    const outcomes = await io.fire(sends, signal);
    return outcomes.flatMap((o, i) => (o ? [this.toRecord(o, bases[i])] : []));
  }

  /** Sleeps in interruptible steps until a second before `atMonoMs`; fireAt's precise wait does the rest. */
  private async sleepUntilShortlyBefore(atMonoMs: number): Promise<void> {
    const { io, signal } = this.input;
    const wakeAt = atMonoMs - LONG_SLEEP_WAKE_EARLY_MS;
    while (Number.isFinite(wakeAt) && !signal.aborted && io.now() < wakeAt) {
      await io.sleep(Math.min(LONG_SLEEP_STEP_MS, wakeAt - io.now()), signal);
    }
  }

  private updateEstimates(records: RequestRecord[]): void {
    for (const v of this.variants)
      this.keepClockSamples(
        v.name,
        records.filter((r) => r.variant === v.name),
      );
    this.learnCloseDelays();
  }

  /**
   * The app's own account of its close delay beats the probe's, once there is
   * one: the probe times the close from the client, through Docker's proxy,
   * and read 6010.7 ms here where the app's timer closed at 6001. The probe's
   * own connection gives the app's first account, before the first cycle.
   */
  private learnCloseDelays(): void {
    for (const v of this.variants) {
      const delays = this.app(v.name)
        .closes.flatMap((c) =>
          c.reason === 'keep-alive-timeout' && c.lastResponseEndMonoMs !== null
            ? [closeInstant(c) - c.lastResponseEndMonoMs]
            : [],
        )
        .slice(-CLOSE_DELAYS_KEPT);
      const m = median(delays);
      if (m !== null) this.closeDelay.set(v.name, roundMs(m));
    }
  }

  private cycleRecord(
    cycle: number,
    kind: CycleRecord['kind'],
    plan: CyclePlan,
    records: RequestRecord[],
  ): CycleRecord {
    const achieved = (v: VariantName) =>
      median(records.flatMap((r) => (r.variant === v && r.achievedIdleMs !== null ? [r.achievedIdleMs] : [])));
    return {
      cycle,
      lane: this.lane,
      kind,
      aimVariant: this.aim.name,
      closeDelayMs: this.closeDelayMs,
      centerOffsetMs: plan.centerOffsetMs,
      intendedGapMs: plan.intendedGapMs,
      achievedGapMs: perVariant(this.variants, (v) => achieved(v.name)),
      oneWayLatencyMs: perVariant(this.variants, (v) => this.oneWayLatencyMs(v.name)),
      appClockOffsetMs: perVariant(this.variants, (v) => this.appClock(v.name)?.offsetMs ?? null),
      boundaryMs: perVariant(this.variants, (v) => this.boundaryMs(v)),
      sendsPerVariant: plan.sendOffsetsMs.length,
      count502: perVariant(this.variants, (v) => this.count502(v.name, cycle)),
    };
  }

  /** `of` follows the cycle's number after a slash (its planned count); an A/B cycle of the bench is named instead. */
  private reportCycle(c: CycleRecord, of: number | string, abKind?: 'aimed' | 'naive'): void {
    // A matrix counts every failure the client saw (HAProxy answers with an empty reply, not a 502).
    const failed = (v: Variant) =>
      this.input.scenario.kind === 'matrix' ? `${this.countFailed(v.name)} failed` : `${this.count502(v.name)} × 502`;
    const perVariantText = this.variants
      .map((v) => `${v.name}: ${failed(v)} / ${this.records.filter((r) => r.variant === v.name).length} req`)
      .join(' · ');
    const gap =
      c.kind === 'long-gap' || this.lane === 'long'
        ? `${(c.intendedGapMs / 1000).toFixed(1)} s`
        : `${c.intendedGapMs.toFixed(1)} ms`;
    const lane = this.input.scenario.kind === 'matrix' ? `${this.lane} ` : '';
    const position = abKind ? `${String(c.cycle).padStart(2)} (A/B ${abKind})` : `${String(c.cycle).padStart(2)}/${of}`;
    this.input.progress(`${lane}cycle ${position} gap ${gap} · ${perVariantText}`);
    this.input.onCycle?.(c);
  }

  private async aimedCycle(cycle: number, abComparison = false): Promise<void> {
    const idleStarts = this.anchors(await this.burst(cycle));
    if (this.input.signal.aborted) return;
    const plans = new Map(this.variants.map((v) => [v.name, this.schedulers.get(v.name)!.plan(this.boundaryMs(v))]));
    const aimOf = (v: Variant): VariantAim => {
      const plan = plans.get(v.name)!;
      const relative = plan.sendOffsetsMs.map((o) => o - plan.centerOffsetMs);
      return {
        gapMs: plan.intendedGapMs,
        centerOffsetMs: plan.centerOffsetMs,
        relativeOffsetsMs: this.spreadFor(v, relative),
      };
    };
    const records = await this.sendAround(cycle, 'aimed', this.sendTimesFromIdle(idleStarts, aimOf), aimOf);
    // Each scheduler learns from the hits of the variant it steers: in the
    // talk-sized run the aim variant's (one scheduler for all), in a matrix each app's own.
    const hitsOf = (name: VariantName) =>
      records.flatMap((r) =>
        r.variant === name && clientSymptom(r) !== null && r.offsetMs !== null ? [r.offsetMs] : [],
      );
    const steering = this.input.scenario.kind === 'classic' ? [this.aim.name] : this.variants.map((v) => v.name);
    for (const name of steering) this.schedulers.get(name)!.record(hitsOf(name));
    this.updateEstimates(records);
    const record = this.cycleRecord(cycle, 'aimed', plans.get(this.aim.name)!, records);
    this.cycles.push(record);
    // Past --cycles the lab is still waiting for its first 502: say so with a '+'.
    const { cycles, longCycles } = this.input.options;
    this.reportCycle(
      record,
      this.lane === 'long' ? longCycles : cycle > cycles ? `${cycles}+` : cycles,
      abComparison ? 'aimed' : undefined,
    );
  }

  /**
   * npm run bench: pairs of one aimed and one naive cycle, the order swapped
   * every pair so that drift in the machine's load favours neither.
   */
  private async naiveComparison(): Promise<void> {
    const { options, signal } = this.input;
    const pairs = this.input.scenario.kind === 'classic' && this.lane === 'short' ? (options.naivePairs ?? 0) : 0;
    let naiveCycles = 0;
    for (let pair = 0; pair < pairs && !signal.aborted; pair++) {
      const order = pair % 2 === 0 ? (['aimed', 'naive'] as const) : (['naive', 'aimed'] as const);
      for (const kind of order) {
        if (signal.aborted) break;
        const cycle = this.cycles.length + 1;
        if (kind === 'aimed') await this.aimedCycle(cycle, true);
        else await this.naiveCycle(cycle, NAIVE_SWEEP_MS[naiveCycles++ % NAIVE_SWEEP_MS.length]);
        await this.input.checkStillRunning?.();
      }
    }
  }

  /**
   * What a client without the lab's instruments does: it knows the app's idle
   * close (the probe's) and its own clock only, and cannot hold the app's
   * responses. After its burst's last answer it waits that long plus a step
   * of its sweep, then sends the whole batch at once.
   */
  private async naiveCycle(cycle: number, sweepMs: number): Promise<void> {
    await this.burst(cycle, false);
    if (this.input.signal.aborted) return;
    const gapMs = roundMs((this.input.probedCloseMs[this.aim.name] ?? this.closeDelayMs) + sweepMs);
    const lastAnswer = (v: Variant) => {
      const answered = this.records.filter(
        (r) => r.variant === v.name && r.cycle === cycle && r.phase === 'burst' && r.latencyMs !== null,
      );
      return answered.length === 0 ? null : Math.max(...answered.map((r) => r.startMonoMs + r.latencyMs!));
    };
    const together = (v: Variant) => Array.from({ length: this.sendsPerCycle(v) }, () => 0);
    const aim = (v: Variant): VariantAim => ({ gapMs, centerOffsetMs: sweepMs, relativeOffsetsMs: together(v) });
    const centers = new Map(this.variants.map((v) => [v.name, lastAnswer(v) === null ? null : lastAnswer(v)! + gapMs]));
    const records = await this.sendAround(cycle, 'naive', centers, aim);
    this.updateEstimates(records);
    const record = this.cycleRecord(
      cycle,
      'naive',
      { centerOffsetMs: sweepMs, sendOffsetsMs: together(this.aim), intendedGapMs: gapMs },
      records,
    );
    this.cycles.push(record);
    this.reportCycle(record, '', 'naive');
  }

  /** --full: one idle gap just under and one just over the LB's own timeout. */
  private async longGapCycle(cycle: number, gapMs: number): Promise<void> {
    this.input.progress(
      `long gap: ${(gapMs / 1000).toFixed(1)} s idle, around the LB's ${this.input.scenario.lb.upstreamKeepaliveTimeoutMs / 1000} s`,
    );
    const idleStarts = this.anchors(await this.burst(cycle));
    const relative = spreadOffsets(0, LONG_GAP_SPREAD_MS, this.input.options.concurrency);
    const aim = (v: Variant): VariantAim => ({
      gapMs,
      centerOffsetMs: 0,
      relativeOffsetsMs: this.spreadFor(v, relative),
    });
    const known = [...idleStarts.values()].filter((t): t is number => t !== null);
    if (known.length === 0 || this.input.signal.aborted) return;
    const records = await this.sendAround(cycle, 'long-gap', this.sendTimesFromIdle(idleStarts, aim), aim);
    const plan: CyclePlan = { centerOffsetMs: 0, sendOffsetsMs: relative, intendedGapMs: gapMs };
    const record = this.cycleRecord(cycle, 'long-gap', plan, records);
    this.cycles.push(record);
    this.reportCycle(record, 'long');
  }
}

/**
 * An app without the preload tells nothing: each response's idle start is
 * taken as its arrival at the client less the burst's fastest round trip
 * (there is no app clock, so the send-to-app delay is 0 and the round trip
 * stands for both ways). The probe measured the idle close the same way, from
 * the client, so the two errors largely cancel.
 */
export function clientSideIdleStarts(burst: readonly RequestRecord[]): number[] {
  // Only the app's own answers: an LB's 502 left no idle connection to the app.
  const answered = burst.filter((r) => r.status !== null && clientSymptom(r) === null && r.latencyMs !== null);
  if (answered.length === 0) return [];
  const fastestMs = Math.min(...answered.map((r) => r.latencyMs!));
  return answered.map((r) => r.startMonoMs + r.latencyMs! - fastestMs);
}
