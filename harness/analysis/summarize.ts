// Turns one run's raw material (request records, probes, the app's socket
// accounting, nginx's logs) into the summary: counts, rates with intervals,
// who closed what, the race window, and the verdict. Pure.
import type { SocketClosedRecord } from '../model/protocol.js';
import type { IdleCloseProbe } from '../traffic/probe.js';
import {
  summaryOptionsOf,
  type LbBoundary,
  DEFAULT_SUMMARY_SCHEMA_REF,
  SCHEMA_VERSION,
  type AppUnderTestSummary,
  type BoundaryCycles,
  type CellSummary,
  type ClosedByTally,
  type CycleRecord,
  type LabPhase,
  type RaceWindow,
  type Summary,
  type VariantSummary,
} from '../records/summary-schema.js';
import { nodeVersionKey } from '../runtime/stack.js';
import {
  lbPortsOf,
  perVariant,
  YOUR_APP_FIX,
  YOUR_APP_VARIANT,
  type Scenario,
  type Variant,
  type VariantName,
} from '../scenarios/scenarios.js';
import type { TrafficResult } from '../traffic/engine.js';
import type { RequestRecord } from '../records/request-records.js';
import { countErrorLog, raceLogLines } from '../lb/nginx-log.js';
import { wasRetried, type AccessLogEntry } from '../lb/access-log.js';
import { classifyCell, clientSawText } from './outcome.js';
import { expectationOf } from './expectations.js';
import { matchHit, raceModel } from './race-model.js';
import {
  aimedAtLbBoundary,
  testedBoundary,
  testedLbBoundary,
  tiedToAppClose,
  type BoundaryContext,
} from '../records/boundary.js';
import { cellVerdict, runVerdict, showedRace, verdictOk } from './verdict.js';
import { VERDICT_WORDS } from '../model/verdict.js';
import { closeInstant } from '../records/app-records.js';
import { clientSymptom, isAppError } from '../records/request-records.js';
import { LB_DRIVERS, lbsOf } from '../lb/drivers.js';
import type { LbName } from '../scenarios/scenarios.js';
import { roundMs as round } from '../model/clock.js';
import type { ImageIdentity } from '../runtime/app-image.js';
import { appVerdict } from './your-app-verdict.js';
import { median, percent, proportion, spreadOf, type Proportion } from '../model/stats.js';
import type { LabOptions, Runtime } from '../scenarios/run-options.js';
import { aimedCyclesOf, boundaryCyclesOf } from '../records/cycles.js';

export interface SummaryInput {
  runId: string;
  startedAt: Date;
  finishedAt: Date;
  interrupted: boolean;
  /** Where and why the run ended early; null when it ran to the end (or was interrupted). */
  failure: { phase: LabPhase; message: string } | null;
  runtime: Runtime;
  /** CLOCK_MONOTONIC ms at the start of the run, for time-to-first-502. */
  runStartMonoMs: number;
  /** CLOCK_MONOTONIC ms when traffic started (null: it never did), for the cells' time to first 502. */
  trafficStartMonoMs: number | null;
  /** CLOCK_MONOTONIC ms when traffic ended: LB closes after it are the LB shutting down. */
  trafficEndMonoMs: number;
  /** The test-only shift of the apps' clocks (LAB_APP_CLOCK_OFFSET_MS); 0 in real runs. */
  injectedAppClockOffsetMs: number;
  options: LabOptions;
  versions: Record<string, string>;
  scenario: Scenario;
  /**
   * A user's apps: each image's identity, and the Node release its preload reported (null: no preload, measured
   * client-side). Null for the sample app.
   */
  yourApp?: { images: Record<VariantName, ImageIdentity>; preloadNode: Record<VariantName, string | null> } | null;
  /** Per variant; missing when the run ended before the probe. */
  probes: Partial<Record<VariantName, IdleCloseProbe>>;
  /** Null when the run ended before any traffic. */
  traffic: TrafficResult | null;
  appCloses: Partial<Record<VariantName, SocketClosedRecord[]>>;
  /** When each app finished each response (its clock), by `socketId/request`. */
  appResponseEnds: Partial<Record<VariantName, Map<string, number>>>;
  /**
   * Every LB's access log, in one list; null when it could not be read (a failed run): then there is nothing to
   * cross-check.
   */
  accessLog: AccessLogEntry[] | null;
  /** nginx's error log, whose lines explain its 502s. */
  errorLogText: string;
  /** Per LB, the error lines of its log. */
  lbErrorLines: Partial<Record<LbName, number>>;
}

const spread = spreadOf;

/**
 * A variant's app clock − the harness's; 0 when never estimated (the run ended
 * before calibration answered): comparisons across the clocks are then off by
 * the unknown offset, which is 0 on Linux, where host and containers share one.
 */
function appClockOffsetMs(traffic: TrafficResult, variant: VariantName): number {
  return traffic.appClocks[variant]?.offsetMs ?? 0;
}

/** When a request sent at harness time t reached the variant's app: t + this, on the app's clock. */
function sendToAppMs(traffic: TrafficResult, variant: VariantName): number {
  return traffic.appClocks[variant]?.sendToAppMs ?? 0;
}

/** When the traffic ended, on the variant's app's clock. */
function trafficEndOnAppClock(input: SummaryInput, traffic: TrafficResult, variant: VariantName): number {
  return input.trafficEndMonoMs + appClockOffsetMs(traffic, variant);
}

/**
 * Who closed the LB's upstream sockets: those that served a request through the LB.
 * trafficEndMs is on the app's clock, like the closes.
 */
export function tallyClosedBy(
  records: RequestRecord[],
  closes: SocketClosedRecord[],
  trafficEndMs: number,
): ClosedByTally {
  const lbSockets = new Set(records.map((r) => r.upstreamSocketId).filter((id): id is number => id !== null));
  const tally: ClosedByTally = { app: 0, lb: 0, lbAtShutdown: 0, reset: 0, open: 0, total: lbSockets.size };
  const closed = new Set<number>();
  for (const c of closes) {
    // One close per socket: a socket the app recorded closing twice (its timer, then the 'close' event) is still one
    // socket.
    if (!lbSockets.has(c.socketId) || closed.has(c.socketId)) continue;
    closed.add(c.socketId);
    if (c.closedBy === 'app') tally.app++;
    else if (c.closedBy === 'peer' || c.closedAtMonoMs > trafficEndMs) {
      // After the traffic, the LB is stopping: nginx closes its idle connections
      // with a FIN, HAProxy resets them. Neither is the app ending a connection.
      tally.lb++;
      if (c.closedAtMonoMs > trafficEndMs) tally.lbAtShutdown++;
    } else tally.reset++;
  }
  tally.open = lbSockets.size - closed.size;
  return tally;
}

/**
 * sendToAppMs: a request sent at harness time t reached the app at t + this on its clock (offset + one-way latency).
 */
export function raceWindow(records: RequestRecord[], closes: SocketClosedRecord[], sendToAppMs: number): RaceWindow {
  const aimed = records.filter((r) => r.phase === 'aimed' && r.offsetMs !== null);
  const hits = aimed.filter((r) => clientSymptom(r) === '502');
  // Each hit set against the close it met by the race model's own rule (race-model.ts matchHit), so the two never
  // disagree.
  const deltas = hits.flatMap((r) => matchHit(r, closes, sendToAppMs)?.arrivalMinusCloseMs ?? []);
  const byOffsetMs: RaceWindow['byOffsetMs'] = {};
  for (const r of aimed) {
    const bucket = String(Math.round(r.offsetMs!));
    byOffsetMs[bucket] ??= { sent: 0, hit: 0 };
    byOffsetMs[bucket].sent++;
    if (clientSymptom(r) === '502') byOffsetMs[bucket].hit++;
  }
  return {
    hits: hits.length,
    plannedOffsetMs: spread(hits.map((r) => r.offsetMs!)),
    arrivalMinusAppCloseMs: spread(deltas),
    byOffsetMs,
  };
}

/** The idle closes during traffic an effective close needs before it is stated. */
export const MIN_CLOSES_FOR_EFFECTIVE_CLOSE = 3;

/**
 * Behind the LB: the median idle time at which the variant's upstream
 * connections closed while traffic ran, and who closed most of them (a reset
 * counts as the LB's: the app's socket saw the peer's RST, as when HAProxy
 * purges its idle server connections). trafficEndMs is on the app's clock.
 */
export function effectiveClose(
  records: RequestRecord[],
  closes: SocketClosedRecord[],
  trafficEndMs: number,
): { ms: number | null; by: 'app' | 'lb' | null } {
  const lbSockets = new Set(records.map((r) => r.upstreamSocketId).filter((id): id is number => id !== null));
  const idleCloses = closes.filter(
    (c) => lbSockets.has(c.socketId) && c.lastResponseEndMonoMs !== null && c.closedAtMonoMs <= trafficEndMs,
  );
  // One or two odd closes are no idle timeout: a Caddy cell once read "43 ms by the LB" from one close, the rest at
  // shutdown.
  if (idleCloses.length < MIN_CLOSES_FOR_EFFECTIVE_CLOSE) return { ms: null, by: null };
  const byApp = idleCloses.filter((c) => c.closedBy === 'app').length;
  return {
    ms: round(median(idleCloses.map((c) => c.closedAtMonoMs - c.lastResponseEndMonoMs!))!),
    by: byApp * 2 >= idleCloses.length ? 'app' : 'lb',
  };
}

/**
 * A cell's aimed cycles (its variant's: boundaryCyclesOf's) and those in which
 * an aimed request of the cell's method showed the client a symptom of the race
 * (502/503/504, empty reply, reset): hits cluster by cycle, so a cycle is the
 * honest unit, and a cell counts its own method's (the variant's count mixes them).
 * Given the LB's timeout, the cycles aimed just under it count too (the
 * LB-boundary lane's, --full's gap under the LB).
 */
export function cellBoundaryCyclesOf(
  cycles: readonly CycleRecord[],
  records: readonly RequestRecord[],
  variant: VariantName,
  method: string,
  lbTimeoutMs?: number,
): BoundaryCycles {
  const hitCyclesOf = (aimedHere: (r: RequestRecord) => boolean) =>
    new Set(
      records
        .filter((r) => r.variant === variant && r.method === method && aimedHere(r) && clientSymptom(r) !== null)
        .map((r) => r.cycle),
    );
  const aimed = aimedCyclesOf(cycles, variant);
  const hitCycles = hitCyclesOf((r) => r.phase === 'aimed');
  // Cycles aimed just under the LB's timeout number within their own lane: their hits are matched among them.
  const atLb =
    lbTimeoutMs === undefined
      ? []
      : cycles.filter((c) => c.kind === 'long-gap' && c.intendedGapMs < lbTimeoutMs && variant in c.count502);
  const lbHitCycles =
    lbTimeoutMs === undefined ? new Set<number>() : hitCyclesOf((r) => aimedAtLbBoundary(r, lbTimeoutMs));
  const hitting =
    aimed.filter((c) => hitCycles.has(c.cycle)).length + atLb.filter((c) => lbHitCycles.has(c.cycle)).length;
  const all = aimed.length + atLb.length;
  return { cycles: all, hitting, rate: proportion(hitting, all) };
}

/**
 * The variant at the LB's own idle timeout, from its requests aimed just under
 * it; null when none was. idleGapMs: the median idle time (app clock) of the
 * upstream connections they reused.
 */
export function lbBoundaryOf(records: readonly RequestRecord[], lbTimeoutMs: number): LbBoundary | null {
  const aimed = records.filter((r) => aimedAtLbBoundary(r, lbTimeoutMs));
  if (aimed.length === 0) return null;
  const tested = aimed.filter((r) => testedLbBoundary(r, lbTimeoutMs));
  const idle = tested.flatMap((r) => (r.achievedIdleMs === null ? [] : [r.achievedIdleMs]));
  return {
    aimed: aimed.length,
    boundary: tested.length,
    failures: aimed.filter((r) => clientSymptom(r) !== null).length,
    idleGapMs: idle.length > 0 ? round(median(idle)!) : null,
  };
}

function variantSummary(input: SummaryInput, traffic: TrafficResult, v: Variant): VariantSummary {
  const mine = traffic.records.filter((r) => r.variant === v.name);
  const closes = input.appCloses[v.name] ?? [];
  const byStatus: Record<string, number> = {};
  const byMethod: Record<string, { total: number; count502: number }> = {};
  for (const r of mine) {
    if (r.status !== null) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    byMethod[r.method] ??= { total: 0, count502: 0 };
    byMethod[r.method].total++;
    if (clientSymptom(r) === '502') byMethod[r.method].count502++;
  }
  // The aimed requests that tested the boundary, by the rule the cells count theirs (their short-lane part): one
  // meaning of "boundary" everywhere.
  const boundary = mine.filter(
    (r) => r.phase === 'aimed' && testedBoundary(r, boundaryContextOf(input, traffic, v, r.method)),
  );
  const probe = input.probes[v.name];
  const withServer = closes.find((c) => c.keepAliveTimeoutMs !== null);
  // From the timer's instant, as the engine aims: the 'close' event trails it while the app is busy.
  const appDelays = closes
    .filter((c) => c.reason === 'keep-alive-timeout' && c.lastResponseEndMonoMs !== null)
    .map((c) => closeInstant(c) - c.lastResponseEndMonoMs!);
  const accessMine = (input.accessLog ?? []).filter((e) => e.variant === v.name);
  const firstHit = mine.find((r) => clientSymptom(r) === '502');
  return {
    name: v.name,
    description: v.description,
    nodeLine: v.nodeLine,
    serverMode: v.serverMode,
    fix: v.app ? YOUR_APP_FIX : v.fix,
    lane: traffic.lanes[v.name] ?? 'short',
    configured: { keepAliveTimeoutMs: v.keepAliveTimeoutMs ?? null, headersTimeoutMs: v.headersTimeoutMs ?? null },
    measured: {
      probeIdleCloseMs: probe?.idleCloseMs === null || probe === undefined ? null : round(probe.idleCloseMs),
      probeWatchedMs: probe ? round(probe.watchedMs) : 0,
      probeAdvertisedKeepAlive: probe?.advertisedKeepAlive ?? null,
      serverKeepAliveTimeoutMs: withServer?.keepAliveTimeoutMs ?? null,
      serverHeadersTimeoutMs: withServer?.headersTimeoutMs ?? null,
      appCloseDelayMedianMs: appDelays.length > 0 ? round(median(appDelays)!) : null,
    },
    requests: {
      total: mine.length,
      byStatus,
      clientErrors: mine.filter((r) => r.status === null).length,
      byMethod,
      boundary: boundary.length,
    },
    // Client-side errors are neither a 502 nor a success: they are counted apart.
    rate502: proportion(
      mine.filter((r) => clientSymptom(r) === '502').length,
      mine.filter((r) => r.status !== null).length,
    ),
    boundaryRate502: proportion(
      boundary.filter((r) => clientSymptom(r) === '502').length,
      boundary.filter((r) => r.status !== null).length,
    ),
    boundaryCycles: boundaryCyclesOf(traffic.cycles, v.name),
    firstHit: firstHit
      ? { cycle: firstHit.cycle, elapsedMs: Math.round(firstHit.startMonoMs - input.runStartMonoMs) }
      : null,
    closedBy: tallyClosedBy(mine, closes, trafficEndOnAppClock(input, traffic, v.name)),
    nginx: { access502: accessMine.filter((e) => e.status === 502).length, accessTotal: accessMine.length },
    lbBoundary: lbBoundaryOf(mine, input.scenario.lb.upstreamKeepaliveTimeoutMs),
  };
}

function describeRate(p: Proportion): string {
  if (p.failures === 0) return `0 in ${p.trials} (95 % upper bound ${percent(p.high, 2)})`;
  return `${p.failures} × 502 in ${p.trials} (${percent(p.rate)}, 95 % CI ${percent(p.low)}–${percent(p.high)})`;
}

/**
 * The verdict counts requests aimed at the close boundary; the others come in
 * all. A zero also states its bound per aimed cycle, the unit 502s cluster in.
 * A variant also aimed just under the LB's timeout says how it fared there.
 */
function describeVariant(v: VariantSummary, lbTimeoutMs: number, isAim: boolean): string {
  const c = v.boundaryCycles;
  const perCycle =
    v.boundaryRate502.failures === 0 && c.cycles > 0
      ? `, ${c.cycles} aimed cycles (95 % upper bound ${percent(c.rate.high, 1)} per cycle)`
      : '';
  // A fix without a failure that never met the LB's own timeout says so: at the aim variant's close alone it cannot
  // fail.
  const untested =
    !isAim && v.lbBoundary === null && v.boundaryRate502.failures === 0
      ? `, not tested at the LB's ${lbTimeoutMs / 1000} s`
      : '';
  return `${v.name}: ${describeRate(v.boundaryRate502)} at the close boundary${perCycle}${describeLbBoundary(v.lbBoundary, lbTimeoutMs)}${untested} (${v.rate502.failures} × 502 in ${v.rate502.trials} in all)`;
}

/** ", 0 in 30 at the LB's 60 s (…)": the requests aimed just under the LB's timeout; '' when none was. */
function describeLbBoundary(b: LbBoundary | null, lbTimeoutMs: number): string {
  if (b === null) return '';
  const counted = b.failures === 0 ? `0 in ${b.boundary}` : `${b.failures} failed in ${b.boundary}`;
  const bound =
    b.failures === 0 && b.boundary > 0 ? `, 95 % upper bound ${percent(proportion(0, b.boundary).high, 1)}` : '';
  const idle =
    b.idleGapMs === null
      ? 'no idle connection reused'
      : `reusing connections idle ${(b.idleGapMs / 1000).toFixed(2)} s`;
  return `, ${counted} at the LB's ${lbTimeoutMs / 1000} s (${idle}${bound}; ${b.aimed} aimed)`;
}

/** Rounded down, so 99.5 % never reads as 100 %. */
function share(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${Math.floor((100 * part) / whole)} %`;
}

/** The traffic of a run that ended before any: nothing sent, nothing measured. */
function noTraffic(scenario: Scenario): TrafficResult {
  return {
    records: [],
    cycles: [],
    aimVariant: scenario.variants[0].name,
    closeDelayMs: 0,
    oneWayLatencyMs: perVariant(scenario.variants, () => null),
    appClocks: perVariant(scenario.variants, () => null),
    boundaryMs: {},
    lanes: {},
  };
}

/** Your app's probed idle close when it comes before the LB's timeout; null otherwise (and for the sample app). */
function closesBeforeLbOf(v: Variant, input: SummaryInput): { appIdleCloseMs: number; lbIdleTimeoutMs: number } | null {
  const appIdleCloseMs = input.probes[v.name]?.idleCloseMs ?? null;
  const lbIdleTimeoutMs = input.scenario.lb.upstreamKeepaliveTimeoutMs;
  return v.app && appIdleCloseMs !== null && appIdleCloseMs < lbIdleTimeoutMs
    ? { appIdleCloseMs: round(appIdleCloseMs), lbIdleTimeoutMs }
    : null;
}

/**
 * What testedBoundary needs of a variant's requests of one method: whether its LB replays them unseen, and the app's
 * closes.
 */
function boundaryContextOf(input: SummaryInput, traffic: TrafficResult, v: Variant, method: string): BoundaryContext {
  const appCloseInstants = (input.appCloses[v.name] ?? []).filter((c) => c.closedBy === 'app').map(closeInstant);
  return {
    replaysUnseen: LB_DRIVERS[v.lb].silentRetry(input.scenario, method) !== null,
    appCloseInstants,
    sendToAppMs: sendToAppMs(traffic, v.name),
  };
}

/** One cell per variant × method the run sent. */
function cellSummaries(
  input: SummaryInput,
  traffic: TrafficResult,
  variants: Record<VariantName, VariantSummary>,
): CellSummary[] {
  const minBoundary = Math.ceil(input.options.minBoundaryRequests / input.options.methods.length);
  const raceLines = raceLogLines(input.errorLogText);
  return input.scenario.variants.flatMap((v) => {
    const mine = traffic.records.filter((r) => r.variant === v.name);
    const closes = input.appCloses[v.name] ?? [];
    const close = effectiveClose(mine, closes, trafficEndOnAppClock(input, traffic, v.name));
    const summary = variants[v.name];
    return input.options.methods.map((method): CellSummary => {
      const sent = mine.filter((r) => r.method === method);
      // Aimed at its boundary, or just under the LB's timeout (a fix tested where it can fail): the cell's evidence
      // holds both.
      const lbMs = input.scenario.lb.upstreamKeepaliveTimeoutMs;
      const aimed = sent.filter((r) => r.phase === 'aimed' || aimedAtLbBoundary(r, lbMs));
      const driver = LB_DRIVERS[v.lb];
      const context = boundaryContextOf(input, traffic, v, method);
      const boundary = aimed.filter((r) => testedBoundary(r, context) || testedLbBoundary(r, lbMs));
      // The same closes and lead the boundary rule reads; whether they are known at all depends on the preload.
      const tie = { ...context, appClosesKnown: !v.app || (input.yourApp?.preloadNode[v.name] ?? null) !== null };
      const symptoms = sent.map(clientSymptom);
      const saw = (what: string) => symptoms.filter((s) => s === what).length;
      const seen = {
        status502: saw('502'),
        status503: saw('503'),
        status504: saw('504'),
        emptyReply: saw('empty reply'),
        reset: saw('reset'),
      };
      const retried = driver.loggedRetriesAreRace
        ? (input.accessLog ?? []).filter(
            (e) => e.variant === v.name && e.request_method === method && e.status !== 502 && wasRetried(e),
          )
        : [];
      // Failures tied to one of the app's idle closes are the race's; the rest came from something else
      // (records/boundary.ts).
      const failed = sent.filter((r) => clientSymptom(r) !== null);
      const tied = new Set(failed.filter((r) => tiedToAppClose(r, tie)));
      const isGateway = (r: RequestRecord) => ['502', '503', '504'].includes(clientSymptom(r) ?? '');
      const untiedGateway = failed.filter((r) => isGateway(r) && !tied.has(r)).length;
      const droppedAtAppClose = failed.filter((r) => !isGateway(r) && tied.has(r)).length;
      const retriedIds = new Set(retried.map((e) => e.request_id));
      const maskedLatencies = sent
        .filter((r) => retriedIds.has(r.requestId) && r.latencyMs !== null)
        .map((r) => r.latencyMs!);
      const masked = retried.length;
      const clientErrors = sent.filter((r) => r.status === null).length;
      const ports = lbPortsOf(v);
      const raceLogLineCount = raceLines.filter(
        (l) => l.lbPort !== null && ports.includes(l.lbPort) && l.method === method,
      ).length;
      const boundaryCycles = cellBoundaryCyclesOf(traffic.cycles, aimed, v.name, method, lbMs);
      const { outcome, reason } = classifyCell(
        {
          ...seen,
          masked,
          raceLogLines: seen.status502 > 0 ? 0 : raceLogLineCount,
          boundary: boundary.length,
          clientErrors,
          closedBy: summary.closedBy,
          method,
          droppedAtAppClose,
          untiedGateway,
          aimedCycles: boundaryCycles.cycles,
          closesBeforeLb: closesBeforeLbOf(v, input),
          silentRetry: driver.silentRetry(input.scenario, method),
        },
        minBoundary,
      );
      const firstHit = sent.find((r) => clientSymptom(r) !== null);
      const cell: Omit<CellSummary, 'verdict'> = {
        name: `${v.name}-${method.toLowerCase()}`,
        variant: v.name,
        lb: v.lb,
        lbVersion: input.versions[v.lb] ?? null,
        retryPolicy: driver.policy(input.scenario),
        ...(v.app
          ? {
              node: input.yourApp?.preloadNode[v.name] ?? null,
              nodeLine: YOUR_APP_FIX,
              serverMode: YOUR_APP_FIX,
              fix: YOUR_APP_FIX,
            }
          : {
              node: input.versions[nodeVersionKey(v.nodeLine)] ?? input.versions.node ?? null,
              nodeLine: v.nodeLine,
              serverMode: v.serverMode,
              fix: v.fix,
            }),
        keepAliveTimeoutMs: v.keepAliveTimeoutMs ?? null,
        headersTimeoutMs: v.headersTimeoutMs ?? null,
        method,
        lane: traffic.lanes[v.name] ?? 'short',
        boundaryMs: traffic.boundaryMs[v.name] ?? null,
        outcome,
        reason,
        counts: {
          requests: sent.length,
          aimed: aimed.length,
          boundary: boundary.length,
          ...seen,
          clientErrors,
          masked,
          appErrors: sent.filter(isAppError).length,
          untied: failed.length - tied.size,
        },
        clientSaw: clientSawText(seen),
        maskedLatencyMs:
          maskedLatencies.length > 0
            ? { median: round(median(maskedLatencies)!), max: round(Math.max(...maskedLatencies)) }
            : null,
        boundaryRate502: proportion(
          boundary.filter((r) => clientSymptom(r) === '502').length,
          boundary.filter((r) => r.status !== null).length,
        ),
        boundaryFailureRate: proportion(boundary.filter((r) => clientSymptom(r) !== null).length, boundary.length),
        boundaryCycles,
        appIdleCloseMs: summary.measured.probeIdleCloseMs,
        effectiveCloseMs: close.ms,
        effectiveCloseBy: close.by,
        closedBy: summary.closedBy,
        firstHit: firstHit
          ? {
              cycle: firstHit.cycle,
              afterTrafficStartMs: Math.round(
                firstHit.startMonoMs - (input.trafficStartMonoMs ?? input.runStartMonoMs),
              ),
            }
          : null,
      };
      return { ...cell, verdict: cellVerdict(cell) };
    });
  });
}

/**
 * A fix that must hold must be shown safe; Node's defaults must still show the
 * race (a 502, or the LB masking it). Cells without an expectation (too-short:
 * either outcome is a finding) never fail the assertion.
 */
function matrixReasons(cells: CellSummary[]): string[] {
  const reasons: string[] = [];
  // Node's defaults show the race once per app, in any method (the run's verdict weighs its cells so too).
  const racy = showedRace(cells);
  // A user's app has no expectation: --assert safe asks about it (yourAppReasons).
  for (const c of cells.filter((cell) => cell.fix !== YOUR_APP_FIX)) {
    const expected = expectationOf(c.fix, c.lb);
    if (expected === 'safe' && c.outcome !== 'safe')
      reasons.push(`${c.name} (fix ${c.fix}) is ${c.outcome}: ${c.reason}`);
    if (expected === 'race' && !racy.has(c.variant) && (c.outcome === 'safe' || c.outcome === 'inconclusive'))
      reasons.push(`${c.name} no longer shows the race (${c.outcome}: ${c.reason})`);
  }
  return reasons;
}

/** How many cells ended on each word, as their verdicts say: '14 REPRODUCED, 16 SAFE'. */
function cellWordCounts(cells: ReadonlyArray<Pick<CellSummary, 'verdict'>>): string {
  return VERDICT_WORDS.flatMap((w) => {
    const n = cells.filter((c) => c.verdict.word === w).length;
    return n > 0 ? [`${n} ${w}`] : [];
  }).join(', ');
}

/** Each user's app of the run with its verdict; null for the sample app. */
function yourAppSummaries(input: SummaryInput, cells: CellSummary[]): AppUnderTestSummary[] | null {
  const apps = input.scenario.variants.filter((v) => v.app);
  if (apps.length === 0) return null;
  return apps.map((v): AppUnderTestSummary => {
    const app = v.app!;
    const method = input.options.methods[0];
    const cell = cells.find((c) => c.variant === v.name && c.method === method)!;
    const probe = input.probes[v.name];
    const node = input.yourApp?.preloadNode[v.name] ?? null;
    const measurement = node === null ? 'client-side' : 'preload';
    const incomplete = input.interrupted
      ? 'interrupted'
      : input.failure
        ? `failed during ${input.failure.phase}`
        : null;
    const { verdict, line } = appVerdict({
      cell,
      appIdleCloseMs: probe?.idleCloseMs ?? null,
      lbIdleTimeoutMs: input.scenario.lb.upstreamKeepaliveTimeoutMs,
      measurement,
      incomplete,
    });
    return {
      variant: v.name,
      image: input.yourApp?.images[v.name] ?? { ref: app.image, id: null, repoDigests: [] },
      buildDir: app.buildDir,
      containerPort: app.containerPort,
      healthPath: app.healthPath,
      trafficPath: app.trafficPath,
      method,
      envKeys: Object.keys(app.env),
      measurement,
      node,
      appIdleCloseMs: probe?.idleCloseMs ?? null,
      advertisedKeepAlive: probe?.advertisedKeepAlive ?? null,
      lbIdleTimeoutMs: input.scenario.lb.upstreamKeepaliveTimeoutMs,
      verdict,
      line,
    };
  });
}

/** --assert safe: your app (not the comparison beside it) must be shown SAFE. */
function yourAppReasons(apps: AppUnderTestSummary[]): string[] {
  return apps
    .filter((a) => a.variant === YOUR_APP_VARIANT && a.verdict !== 'SAFE')
    .map((a) => `${a.variant} is ${a.verdict}: ${a.line}`);
}

export function buildSummary(input: SummaryInput): Summary {
  const traffic = input.traffic ?? noTraffic(input.scenario);
  const variants = perVariant(input.scenario.variants, (v) => variantSummary(input, traffic, v));
  const aim = traffic.aimVariant;
  const others = input.scenario.variants.filter((v) => v.name !== aim);
  const complete = input.failure === null && !input.interrupted;

  // Without the access log (a failed run could not read it) there is nothing to cross-check.
  const accessLog = input.accessLog;
  const mismatches = (accessLog === null ? [] : input.scenario.variants)
    .map((v) => {
      const harness = traffic.records.filter((r) => r.variant === v.name && r.status === 502).map((r) => r.requestId);
      const logged = (accessLog ?? []).filter((e) => e.variant === v.name && e.status === 502).map((e) => e.request_id);
      const loggedSet = new Set(logged);
      const harnessSet = new Set(harness);
      return {
        variant: v.name,
        harness502: harness.length,
        accessLog502: logged.length,
        missingInAccessLog: harness.filter((id) => !loggedSet.has(id)),
        missingInHarness: logged.filter((id) => !harnessSet.has(id)),
      };
    })
    .filter((m) => m.harness502 !== m.accessLog502 || m.missingInAccessLog.length > 0 || m.missingInHarness.length > 0);

  const aimSummary = variants[aim];
  // The aim variant's share leaves out what the LB closed only because the run ended.
  const a = aimSummary.closedBy;
  const aimClosedWhileIdle = a.app + a.reset + a.lb - a.lbAtShutdown;
  const closedText = [
    `app closed ${share(a.app, aimClosedWhileIdle)} of idle upstream connections in ${aim} (${a.app}/${aimClosedWhileIdle})`,
    ...others.map((v) => {
      const t = variants[v.name].closedBy;
      const when =
        t.lb > 0 && t.lbAtShutdown === t.lb
          ? ', at shutdown'
          : t.lbAtShutdown > 0
            ? `, ${t.lbAtShutdown} at shutdown`
            : '';
      return `LB closed ${share(t.lb, t.app + t.lb + t.reset)} in ${v.name} (${t.lb}/${t.app + t.lb + t.reset}${when})`;
    }),
  ].join(', ');
  const cells = cellSummaries(input, traffic, variants);
  const yourApp = yourAppSummaries(input, cells);
  const counts =
    input.scenario.kind === 'matrix'
      ? `${cells.length} cells: ${cellWordCounts(cells)}`
      : [
          ...input.scenario.variants.map((v) =>
            describeVariant(variants[v.name], input.scenario.lb.upstreamKeepaliveTimeoutMs, v.name === aim),
          ),
          closedText,
        ].join('; ');
  const verdictCounts = yourApp ? yourApp.map((a) => `${a.variant}: ${a.line}`).join('; ') : counts;
  const text = input.failure
    ? `the run failed during ${input.failure.phase}: ${input.failure.message}; so far: ${verdictCounts}`
    : verdictCounts;

  const verdict = runVerdict({
    complete,
    interrupted: input.interrupted,
    failure: input.failure,
    yourApp,
    variants,
    nginx: { mismatches },
    cells,
  });
  const reasons: string[] = input.scenario.kind === 'matrix' ? matrixReasons(cells) : [];
  if (input.options.assertSafe) reasons.push(...yourAppReasons(yourApp ?? []));
  // The talk-sized run's --assert asks for its verdict: REPRODUCED, the fix holding (analysis/verdict.ts).
  if (input.scenario.kind === 'classic' && complete && verdict.word !== 'REPRODUCED')
    reasons.push(...(verdict.reasons.length > 0 ? verdict.reasons : [`the verdict is ${verdict.word}`]));
  if (input.interrupted) reasons.push('the run was interrupted');
  if (input.failure) reasons.push(`the run failed during ${input.failure.phase}`);
  if (mismatches.length > 0) reasons.push('harness and nginx access log disagree on 502s');

  return {
    // Where the lab writes it (results/<run-id>/); a writer elsewhere sets its own (schemaRefFrom).
    $schema: DEFAULT_SUMMARY_SCHEMA_REF,
    schemaVersion: SCHEMA_VERSION,
    runId: input.runId,
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    wallTimeMs: input.finishedAt.getTime() - input.startedAt.getTime(),
    complete,
    failure: input.failure,
    interrupted: input.interrupted,
    runtime: input.runtime,
    mode: input.options.mode,
    options: summaryOptionsOf(input.options),
    versions: input.versions,
    scenario: {
      kind: input.scenario.kind,
      retryPolicy: input.scenario.retryPolicy,
      haproxyReuse: input.scenario.haproxyReuse,
      serverMode: [...new Set(input.scenario.variants.map((v) => v.serverMode))].join(','),
      lb: { ...input.scenario.lb },
    },
    variants,
    cells,
    aimVariant: aim,
    raceWindow: {
      ...raceWindow(
        traffic.records.filter((r) => r.variant === aim),
        input.appCloses[aim] ?? [],
        sendToAppMs(traffic, aim),
      ),
      model: raceModel(
        traffic.records.filter((r) => r.variant === aim && r.phase === 'aimed'),
        input.appCloses[aim] ?? [],
        (socketId, request) => input.appResponseEnds[aim]?.get(`${socketId}/${request}`),
        sendToAppMs(traffic, aim),
        variants[aim].measured.appCloseDelayMedianMs,
      ),
    },
    schedule: {
      closeDelayMs: input.traffic?.closeDelayMs ?? null,
      oneWayLatencyMs: traffic.oneWayLatencyMs,
      appClocks: traffic.appClocks,
      injectedAppClockOffsetMs: input.injectedAppClockOffsetMs,
      cycles: traffic.cycles,
    },
    lbs: Object.fromEntries(
      lbsOf(input.scenario).map(({ driver }) => [
        driver.name,
        {
          version: input.versions[driver.name] ?? null,
          accessEntries: (input.accessLog ?? []).filter((e) => e.lb === driver.name).length,
          errorLines: input.lbErrorLines[driver.name] ?? 0,
        },
      ]),
    ),
    nginx: { errorLog: countErrorLog(input.errorLogText), mismatches },
    yourApp,
    verdict: { ok: verdictOk(verdict.word, input.scenario.kind, yourApp !== null), text, ...verdict },
    assertion: { requested: input.options.assert || input.options.assertSafe, passed: reasons.length === 0, reasons },
  };
}
