// Where a lane aims and how long it cycles. In the talk-sized run every
// variant is aimed at the close of the variant that closes first (the fix
// shown safe at the very instant the default fails); in a matrix each variant
// at its own boundary: its app's close when that comes before the LB's, else
// just before the LB's own idle close (behind an LB without a per-connection
// idle timeout, HAProxy, at its own close even then: the LB still holds the
// connections). How many requests each variant sends per cycle, and when a
// short lane has shown enough to stop, are decided here too. Pure: the engine
// passes what it measured (Estimates, its records).
import { LabError } from '../model/errors.js';
import { roundMs } from '../model/clock.js';
import { closeInstant } from '../records/app-records.js';
import { testedBoundary } from '../records/boundary.js';
import { hasLbFixes, lbFixOf } from '../scenarios/lb-fixes.js';
import { clientSymptom, type RequestRecord } from '../records/request-records.js';
import type { CycleRecord } from '../records/summary-schema.js';
import type { LabOptions } from '../scenarios/run-options.js';
import type { Scenario, Variant, VariantName } from '../scenarios/scenarios.js';
import { lbRetries, LB_DRIVERS } from '../lb/drivers.js';
import { boundaryContextOf } from '../lb/boundary-context.js';
import { count502 } from './cycle-report.js';
import type { Estimates } from './estimates.js';
import {
  AT_CHECK_SCHEDULER,
  DEFAULT_SCHEDULER,
  densestCluster,
  PER_CONNECTION_SCHEDULER,
  spreadOffsets,
  type SchedulerSettings,
} from './gap-scheduler.js';
import { appEventsOf, type AppEvents } from './traffic-io.js';

/**
 * 'short': apps that close idle sockets clearly before the LB does, cycles of
 * their close delay; 'long': the rest, whose boundary is at the LB's timeout.
 */
export type LaneKind = CycleRecord['lane'];

/**
 * In the long lane, an app that closes no later than this after the LB's timeout
 * is aimed at its own close (the LB's timer may fire after the app's); later
 * ones at the LB's timeout.
 */
export const OWN_CLOSE_AFTER_LB_MS = 50;
/**
 * An app that outlives the LB is aimed this far before the LB's own idle close
 * (learned from the LB's closes the apps record): its requests then reuse
 * connections idle almost as long as the LB ever keeps them, the strongest
 * proof that the app holds its end. nginx 1.22 closed 60–160 ms early here.
 */
export const LB_CLOSE_LEAD_MS = 200;
/** Until the LB's real close is learned, a wider lead keeps the first cycles on reused connections. */
export const LB_CLOSE_UNKNOWN_LEAD_MS = 500;
/** --full: idle gaps this far either side of the LB's own timeout. */
export const LONG_GAP_AROUND_LB_MS = 1_000;
/** --full: sends of a long-gap cycle spread over ± this; the LB's timer is coarse, no aiming needed. */
export const LONG_GAP_SPREAD_MS = 2;
/**
 * In the talk-sized run, the variants shown safe beside the aim variant send
 * this many requests per cycle: 12 cycles of --quick then give them 300
 * boundary requests, and 0 × 502 in 300 bounds their rate ≤ 1 % (95 %) in the
 * same two minutes. Their LB pool (32 idle connections) holds them all.
 */
export const SAFE_VARIANT_SENDS_PER_CYCLE = 25;
/**
 * A run with LB-side fixes ends with this many price rounds per method
 * (CycleSteps.priceRound): one request per app after an idle gap, the
 * methods in turn, on a machine otherwise at rest. Its cycles' batches cannot
 * price a fix: every app's 32 requests at one instant queue for hundreds of
 * milliseconds on 2 cores (measured: aimed medians of 280–630 ms per app, in
 * no order the fixes explain). With 8 samples, a method's p99 is its slowest.
 */
export const PRICE_ROUNDS_PER_METHOD = 8;
/** A price round's idle gap: this much under the app's own close, over an LB-side fix's 4 s idle timeout. */
export const PRICE_GAP_UNDER_APP_CLOSE_MS = 1_000;
/** Idle starts within this window count as one cluster of sockets that close together. */
export const CLUSTER_WINDOW_MS = 2;

/** Whether a lane runs its cycles side by side: a long lane whose apps all have pools of their own (longPools). */
export function runsPooled(lane: LaneKind, variants: readonly Variant[]): boolean {
  return lane === 'long' && variants.length > 0 && variants.every((v) => (v.longPools ?? 0) > 0);
}

/** The run's options the policy reads. */
export type AimOptions = Pick<LabOptions, 'mode' | 'cycles' | 'maxCycles' | 'concurrency' | 'methods' | 'longCycles'> &
  Partial<Pick<LabOptions, 'minBoundaryRequests'>>;

/** A lane as the policy sees it. */
export interface AimPolicyInput {
  scenario: Scenario;
  /** The lane's variants. */
  variants: readonly Variant[];
  lane: LaneKind;
  options: AimOptions;
  estimates: Estimates;
  apps: ReadonlyMap<VariantName, AppEvents>;
  /** The variants whose probe sockets closed together (IdleCloseProbe.closesTogether); none unless given. */
  closingTogether?: ReadonlySet<VariantName>;
}

/** What a short lane does after a cycle: stop, or go on (with, at --cycles, a line saying what it still waits for). */
export interface AfterCycle {
  stop: boolean;
  continuing: string | null;
}

/** One lane's aim: its aim variant, each variant's boundary and sends, its stopping rule. */
export class AimPolicy {
  /**
   * The variant whose close the talk-sized run aims every variant at: the one that closes first (in a long lane where
   * none closes, its first).
   */
  readonly aim: Variant;
  /** The apps aimed one connection per pool (decidePerConnection). */
  private perConnection = new Set<VariantName>();

  constructor(private readonly input: AimPolicyInput) {
    const closing = input.variants
      .flatMap((v) => {
        const closeMs = input.estimates.closeDelayMs(v.name);
        return closeMs === undefined ? [] : [{ v, closeMs }];
      })
      .sort((a, b) => a.closeMs - b.closeMs);
    if (closing.length === 0 && input.lane === 'short') {
      throw new LabError('No variant closed its idle sockets during the probe; there is no close to aim at.');
    }
    this.aim = closing[0]?.v ?? input.variants[0];
  }

  /** The aim variant's close delay (the LB's timeout in a long lane where no app closes first). */
  get closeDelayMs(): number {
    return this.input.estimates.closeDelayMs(this.aim.name) ?? this.input.scenario.lb.upstreamKeepaliveTimeoutMs;
  }

  /**
   * Where a variant's boundary requests go: the idle gap, on its app's clock,
   * at which the race can happen. `records`: the lane's, whose sockets show
   * the LB's own idle close.
   */
  boundaryMs(v: Variant, records: readonly RequestRecord[]): number {
    const { scenario, estimates } = this.input;
    if (scenario.kind === 'classic') return this.closeDelayMs;
    const lbMs = scenario.lb.upstreamKeepaliveTimeoutMs;
    const own = estimates.closeDelayMs(v.name);
    if (own !== undefined && own <= lbMs + OWN_CLOSE_AFTER_LB_MS) return own;
    // An LB without a per-connection idle timeout (HAProxy) still holds its idle connections when the app closes them.
    if (own !== undefined && !LB_DRIVERS[v.lb].idleTimeoutBoundsConnections) return own;
    // A pooled lane's cycles all reuse held bursts' connections, which nginx closes up to 0.3 s early (its read timer
    // runs from the request, not the held response), and leave none for the LB to close: what it would learn is the
    // calibration's connections' close, 59.97 s, and aimed 200 ms before that a whole pool found its connections
    // closed (a matrix, 2026-12-06). It keeps the wide lead, as the talk-sized run's LB-boundary lane does.
    const learned = runsPooled(this.input.lane, this.input.variants) ? null : estimates.lbCloseDelayMs(v.lb, records);
    return learned === null ? lbMs - LB_CLOSE_UNKNOWN_LEAD_MS : roundMs(learned - LB_CLOSE_LEAD_MS);
  }

  /**
   * Requests per cycle (burst and batch) of a variant: C, or SAFE_VARIANT_SENDS_PER_CYCLE for the talk-sized run's safe
   * variants, or one per pool for an app aimed one connection per pool.
   */
  sendsPerCycle(v: Variant): number {
    const { scenario, lane, options } = this.input;
    const { concurrency } = options;
    if (this.perConnection.has(v.name)) return v.longPools ?? concurrency;
    // A long lane with pools of its own (a matrix's apps, yours) fills each pool's cache: its cycles side by side give
    // the "≤ 1 %" a SAFE verdict states in one idle gap.
    if (lane === 'long' && (v.longPools ?? 0) > 0)
      return Math.max(concurrency, scenario.lb.upstreamKeepaliveConnections);
    // An LB-side fix is shown by its boundary requests alone (no hit ends its lane): a full pool a cycle gets them
    // sooner. Its baselines send as many, so a fix's price is measured against the same traffic.
    if (hasLbFixes(scenario.variants)) return Math.max(concurrency, scenario.lb.upstreamKeepaliveConnections);
    return scenario.kind === 'classic' && v.name !== this.aim.name
      ? Math.max(concurrency, SAFE_VARIANT_SENDS_PER_CYCLE)
      : concurrency;
  }

  /**
   * Decides, once calibration has shown which apps stamp their answers, which go one connection per pool: an app with
   * no clock to aim by (it stamps no response: not a Node app, or run with --no-preload) in the short lane, with pools
   * of its own (Variant.longPools). Nothing holds such an app's answers to one instant, so a burst's connections go
   * idle, and close, over the milliseconds it takes to answer them (0.6–7.6 ms here); a batch at one instant met about
   * one closing connection a cycle. One request through each of its pools at one instant leaves one idle connection in
   * each, and each pool's next request is aimed at its own connection's close (docs/client-side-aim.md: aimed so, on
   * 24 pools at once, uvicorn failed 111 of 288 and Jetty 55 of 96 from the first round, where one batch at one
   * instant met about one closing connection a cycle). Every one of the app's cycles then sends one request a pool.
   *
   * Not an app whose probe sockets closed together (closingTogether): it closes idle connections at a periodic check,
   * not at each one's own time (gunicorn's threaded worker), so there is no close per connection to aim at. Its batch
   * at one instant meets the check instead: the first request read wakes its loop, which closes every other expired
   * connection under the requests right behind it (gunicorn, 15 cycles one per pool: 1 of 360 failed, 2026-12-07).
   */
  decidePerConnection(): readonly Variant[] {
    const { closingTogether } = this.input;
    const chosen = this.input.variants.filter((v) => this.clientSideShort(v) && !closingTogether?.has(v.name));
    this.perConnection = new Set(chosen.map((v) => v.name));
    return chosen;
  }

  /**
   * A user's app with no clock to aim by, in the short lane, with pools of its own: known once calibration has shown
   * whether it stamps its answers. Only a user's app can lack the preload (model/measurement.ts): the lab's own apps
   * stamp every answer, so nothing here applies to them.
   */
  private clientSideShort(v: Variant): boolean {
    const { lane, estimates } = this.input;
    return lane === 'short' && v.app !== undefined && estimates.appClock(v.name) === null && (v.longPools ?? 0) > 0;
  }

  /** Whether a variant is a client-side app in the short lane whose probe sockets closed together (closingTogether). */
  closesAtCheck(v: Variant): boolean {
    return this.clientSideShort(v) && (this.input.closingTogether?.has(v.name) ?? false);
  }

  /** Whether a variant goes one connection per pool (decidePerConnection; none before it). */
  aimsPerConnection(v: Variant): boolean {
    return this.perConnection.has(v.name);
  }

  /**
   * How a variant's sends spread around its aim: one per pool (PER_CONNECTION_SCHEDULER), at one instant for an app
   * that closes at a periodic check (closesAtCheck: AT_CHECK_SCHEDULER), else the lab's batch (DEFAULT_SCHEDULER).
   */
  schedulerSettings(v: Variant): SchedulerSettings {
    if (this.aimsPerConnection(v)) return PER_CONNECTION_SCHEDULER;
    return this.closesAtCheck(v) ? AT_CHECK_SCHEDULER : DEFAULT_SCHEDULER;
  }

  /**
   * A variant's share of a batch planned for C sends: the plan itself for C, else its own number of sends evenly
   * over the plan's core (the late-wake tail, `tailSends` at its end, is the aim variant's: a safe variant's 25, or
   * an LB-side fix's 32, would otherwise land mostly after the close they are there to test).
   */
  spreadFor(v: Variant, relativeOffsetsMs: number[], tailSends = 0): number[] {
    const n = this.sendsPerCycle(v);
    if (n === relativeOffsetsMs.length) return relativeOffsetsMs;
    const core = relativeOffsetsMs.slice(0, relativeOffsetsMs.length - tailSends);
    const low = Math.min(...core);
    const high = Math.max(...core);
    return spreadOffsets((low + high) / 2, (high - low) / 2, n);
  }

  /**
   * A pooled cycle's batch (Variant.pool): every request at one instant, the
   * pool's own offset of the plan. Spread over milliseconds, the later of 32
   * requests would get connections the earlier ones had just freed (the app
   * answers in about one), which test nothing; the lane's pools together
   * cover the plan's core instead, one offset each. The late-wake tail
   * (`tailSends` at the plan's end) is for one batch spread in time, not for
   * pools aimed each at one instant: they leave it out.
   */
  poolOffsets(v: Variant, relativeOffsetsMs: number[], tailSends = 0): number[] {
    if (v.pool === undefined) return this.spreadFor(v, relativeOffsetsMs, tailSends);
    const core = relativeOffsetsMs.slice(0, relativeOffsetsMs.length - tailSends);
    const offset = core[(v.pool - 1) % core.length];
    return Array.from({ length: this.sendsPerCycle(v) }, () => offset);
  }

  /**
   * Where to aim in each variant's set of idle sockets: the densest cluster of
   * idle starts. A near-simultaneous batch of sends takes the LB's cached
   * sockets most-recent-first, so it reaches every socket still open, including
   * those closing at that instant; the more of them close together, the more hit.
   */
  anchors(idleStarts: ReadonlyMap<VariantName, number[]>): Map<VariantName, number | null> {
    return new Map(
      this.input.variants.map((v) => [v.name, densestCluster(idleStarts.get(v.name) ?? [], CLUSTER_WINDOW_MS)]),
    );
  }

  /** The lane's last cycle, unless it stops sooner: --long-cycles, or a short lane's --max-cycles. */
  get lastCycle(): number {
    const { lane, options } = this.input;
    return lane === 'long' ? options.longCycles : options.maxCycles;
  }

  /**
   * A short lane runs at least --cycles, and on to --max-cycles while
   * something awaits its hits (awaitingHits); a long lane runs all its cycles.
   */
  afterCycle(cycle: number, records: readonly RequestRecord[]): AfterCycle {
    const { lane, options, scenario } = this.input;
    if (lane === 'long') return { stop: false, continuing: null };
    const waiting = this.awaitingHits(records);
    if (cycle >= options.cycles && waiting.length === 0) return { stop: true, continuing: null };
    if (cycle !== options.cycles) return { stop: false, continuing: null };
    const what =
      scenario.kind === 'classic'
        ? 'no 502 on'
        : 'no failure (or, where the LB retries or an LB-side fix is in front, too few boundary requests) on';
    return {
      stop: false,
      continuing: `${what} ${waiting.join(', ')} after ${cycle} cycles yet: continuing up to ${options.maxCycles}`,
    };
  }

  /**
   * What should show the race before a short lane stops: the aim variant's 502
   * in the talk-sized run; in a matrix every method on every app that closes
   * first (each is a cell of the result); for a method its LB retries (masked,
   * never a failure the client sees), enough boundary requests instead.
   */
  awaitingHits(records: readonly RequestRecord[]): string[] {
    const { scenario, options, estimates, apps } = this.input;
    if (scenario.kind === 'classic') return count502(records, this.aim.name) === 0 ? [this.aim.name] : [];
    const { methods, minBoundaryRequests = 0 } = options;
    const perCell = Math.ceil(minBoundaryRequests / methods.length);
    const cells = this.input.variants
      .filter((v) => estimates.closeDelayMs(v.name) !== undefined)
      .flatMap((v) => methods.map((m) => ({ v, m })));
    const mine = (v: Variant, m: string) => records.filter((r) => r.variant === v.name && r.method === m);
    // An LB-side fix may hide the race (a retry) or prevent it: either way what it shows is its boundary requests.
    const needsBoundary = (v: Variant, m: string) => lbRetries(scenario, v, m) || lbFixOf(v.lbFix) !== null;
    const hitless = cells
      .filter(({ v, m }) => !needsBoundary(v, m))
      .filter(({ v, m }) => !mine(v, m).some((r) => clientSymptom(r) !== null))
      .map(({ v, m }) => `${v.name} ${m}`);
    // A method the LB retries never fails at the client; what shows the race there
    // (its retries, or its silence while the app closed connections) needs enough boundary requests.
    const tested = (v: Variant, m: string) => {
      const context = boundaryContextOf(scenario, v, m, {
        appCloseInstants: appEventsOf(apps, v.name)
          .closes.filter((c) => c.closedBy === 'app')
          .map(closeInstant),
        sendToAppMs: estimates.sendToAppMs(v.name),
      });
      return mine(v, m).filter((r) => testedBoundary(r, context)).length;
    };
    const short = cells
      .filter(({ v, m }) => needsBoundary(v, m))
      .filter(({ v, m }) => tested(v, m) < perCell)
      .map(({ v, m }) => `${v.name} ${m} (boundary requests)`);
    return [...hitless, ...short];
  }

  /**
   * The idle gap of a short lane's price rounds (engine.ts), when the run has LB-side fixes: just under its apps'
   * earliest close, where a baseline still reuses its idle connection and a fix with a shorter idle timeout (4 s)
   * has closed it; null otherwise. A fix whose timeout is over the gap (5.9 s) reuses there too: no price at it.
   */
  get priceGapMs(): number | null {
    const { scenario, lane, variants, estimates } = this.input;
    if (lane !== 'short' || !hasLbFixes(scenario.variants)) return null;
    const closes = variants.flatMap((v) => estimates.closeDelayMs(v.name) ?? []);
    return closes.length === 0 ? null : roundMs(Math.min(...closes) - PRICE_GAP_UNDER_APP_CLOSE_MS);
  }

  /** --full, in the talk-sized run: one idle gap just under and one just over the LB's own timeout. */
  get longGapsMs(): number[] {
    const { scenario, options } = this.input;
    if (options.mode !== 'full' || scenario.kind !== 'classic') return [];
    const lbMs = scenario.lb.upstreamKeepaliveTimeoutMs;
    return [lbMs - LONG_GAP_AROUND_LB_MS, lbMs + LONG_GAP_AROUND_LB_MS];
  }
}
