// One cell per variant × method the run sent: its requests (aimed, and those
// that tested the boundary), what the client saw, which failures are tied to
// the app's idle closes, what the LB masked, and the outcome and verdict the
// rules read from them. What a variant's cells share is read once per variant.
// Pure.
import { measurementOf } from '../model/measurement.js';
import type { BoundaryCycles, CellSummary, CycleRecord, VariantSummary } from '../records/summary-schema.js';
import { nodeVersionKey } from '../runtime/stack.js';
import { NO_LB_FIX } from '../scenarios/lb-fixes.js';
import { lbPortsOf, YOUR_APP_FIX, type Variant, type VariantName } from '../scenarios/scenarios.js';
import type { TrafficResult } from '../traffic/engine.js';
import { clientSymptom, isAppError, type ClientSymptom, type RequestRecord } from '../records/request-records.js';
import { requestsNamedBy, type RaceLogLine } from '../lb/race-lines.js';
import { wasRetried, type AccessLogEntry } from '../lb/access-log.js';
import { LB_DRIVERS, lbsOf, type LbDriver } from '../lb/drivers.js';
import { classifyCell, clientSawText, type CellEvidence, type Classification } from './outcome.js';
import {
  aimedAtLbBoundary,
  testedBoundary,
  testedLbBoundary,
  tiedToAppClose,
  type BoundaryContext,
  type TieContext,
} from '../records/boundary.js';
import { cellVerdict } from './verdict.js';
import { boundaryContextOf } from '../lb/boundary-context.js';
import { roundMs as round } from '../model/clock.js';
import { proportion } from '../model/stats.js';
import { aimedCyclesOf } from '../records/cycles.js';
import { effectiveClose } from './connection-closes.js';
import { appCloseContextOf, trafficEndOnAppClock, type AppCloseContext, type SummaryInput } from './summary-input.js';
import { medianMs, rate502Of } from './variant-summary.js';
import { addedLatencyOf, baselineOf, connectionsPer1000Of, duplicatesOf } from './lb-fix-price.js';
import type { ResponseFinished } from '../model/protocol.js';

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

/** Your app's probed idle close when it comes before the LB's timeout; null otherwise (and for the sample app). */
export function closesBeforeLbOf(
  v: Variant,
  input: Pick<SummaryInput, 'probes' | 'scenario'>,
): { appIdleCloseMs: number; lbIdleTimeoutMs: number } | null {
  const appIdleCloseMs = input.probes[v.name]?.idleCloseMs ?? null;
  const lbIdleTimeoutMs = input.scenario.lb.upstreamKeepaliveTimeoutMs;
  return v.app && appIdleCloseMs !== null && appIdleCloseMs < lbIdleTimeoutMs
    ? { appIdleCloseMs: round(appIdleCloseMs), lbIdleTimeoutMs }
    : null;
}

/** What a cell says of its app and LB, the same for each of a variant's methods. */
type CellIdentity = Pick<
  CellSummary,
  | 'variant'
  | 'lb'
  | 'lbVersion'
  | 'retryPolicy'
  | 'node'
  | 'nodeLine'
  | 'serverMode'
  | 'fix'
  | 'lbFix'
  | 'keepAliveTimeoutMs'
  | 'headersTimeoutMs'
>;

/** The app and LB of a variant's cells: a user's app names no Node line, server mode or fix of the sample app's. */
export function cellIdentityOf(
  input: Pick<SummaryInput, 'versions' | 'scenario' | 'yourApp'>,
  v: Variant,
): CellIdentity {
  return {
    variant: v.name,
    lb: v.lb,
    lbVersion: input.versions[v.lb] ?? null,
    retryPolicy: LB_DRIVERS[v.lb].policy(input.scenario),
    lbFix: v.lbFix ?? NO_LB_FIX,
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
  };
}

/** What a variant's cells share: read once per variant, whatever the method. */
interface VariantCells {
  input: SummaryInput;
  v: Variant;
  driver: LbDriver;
  /** The variant's requests, every method's. */
  mine: RequestRecord[];
  summary: VariantSummary;
  identity: CellIdentity;
  lane: CellSummary['lane'];
  boundaryMs: number | null;
  close: ReturnType<typeof effectiveClose>;
  /** The LB's own idle timeout. */
  lbMs: number;
  cycles: readonly CycleRecord[];
  /** The app's idle closes, as the boundary rule reads them. */
  app: AppCloseContext;
  /** Whether the app's idle closes are known at all: that depends on the preload. */
  appClosesKnown: boolean;
  /** The retries the LB's access log shows of this variant that can be the race's (any method). */
  retried: AccessLogEntry[];
  /** The race's error-log lines at the variant's LB ports (any method); null behind an LB that writes none. */
  raceLines: RaceLogLine[] | null;
  /** The requests those lines name (lb/race-lines.ts): what ties a failure to the race without the preload. */
  lbNamedRequestIds: ReadonlySet<string>;
  closesBeforeLb: ReturnType<typeof closesBeforeLbOf>;
  /** Where the cells' time to a first failure counts from. */
  trafficStartMonoMs: number;
  /** The boundary requests a cell needs (the run's, shared among its methods). */
  minBoundary: number;
  /** The responses the app finished (its preload's records; none without it), every method's. */
  responses: readonly ResponseFinished[];
  /** The app's upstream connections per 1,000 responses, the same for every method. */
  connectionsPer1000: number | null;
  /** The requests of the variant an LB-side fix is measured against (every method's); null without one. */
  baselineRequests: RequestRecord[] | null;
}

function variantCellsOf(
  input: SummaryInput,
  traffic: TrafficResult,
  variants: Record<VariantName, VariantSummary>,
  v: Variant,
  raceLines: readonly RaceLogLine[] | null,
): VariantCells {
  const mine = traffic.records.filter((r) => r.variant === v.name);
  const driver = LB_DRIVERS[v.lb];
  const ports = lbPortsOf(v);
  const myRaceLines = raceLines?.filter((l) => l.lbPort !== null && ports.includes(l.lbPort)) ?? null;
  const responses = input.appResponses?.[v.name] ?? [];
  const baseline = baselineOf(v, input.scenario.variants);
  return {
    input,
    v,
    driver,
    mine,
    summary: variants[v.name],
    identity: cellIdentityOf(input, v),
    lane: traffic.lanes[v.name] ?? 'short',
    boundaryMs: traffic.boundaryMs[v.name] ?? null,
    close: effectiveClose(mine, input.appCloses[v.name] ?? [], trafficEndOnAppClock(input, traffic, v.name)),
    lbMs: input.scenario.lb.upstreamKeepaliveTimeoutMs,
    cycles: traffic.cycles,
    app: appCloseContextOf(input, traffic, v),
    appClosesKnown: measurementOf(v.app !== undefined, input.yourApp?.preloadNode[v.name]) === 'preload',
    retried: driver.loggedRetriesAreRace(v)
      ? (input.accessLog ?? []).filter((e) => e.variant === v.name && e.status !== 502 && wasRetried(e))
      : [],
    raceLines: myRaceLines,
    lbNamedRequestIds: requestsNamedBy(myRaceLines ?? [], input.accessLog ?? []),
    closesBeforeLb: closesBeforeLbOf(v, input),
    trafficStartMonoMs: input.trafficStartMonoMs ?? input.runStartMonoMs,
    minBoundary: Math.ceil(input.options.minBoundaryRequests / input.options.methods.length),
    responses,
    connectionsPer1000: connectionsPer1000Of(input.appCloses[v.name] ?? [], responses),
    baselineRequests: baseline && traffic.records.filter((r) => r.variant === baseline.name),
  };
}

/** What the client saw, by symptom. */
type Seen = Pick<CellEvidence, 'status502' | 'status503' | 'status504' | 'emptyReply' | 'reset'>;

export function seenOf(sent: readonly RequestRecord[]): Seen {
  const symptoms = sent.map(clientSymptom);
  const saw = (what: ClientSymptom) => symptoms.filter((s) => s === what).length;
  return {
    status502: saw('502'),
    status503: saw('503'),
    status504: saw('504'),
    emptyReply: saw('empty reply'),
    reset: saw('reset'),
  };
}

/**
 * Failures tied to one of the app's idle closes are the race's; the rest came from something else
 * (records/boundary.ts): the gateway statuses not tied, the dropped connections that were, and all untied.
 */
export function raceTiesOf(
  sent: readonly RequestRecord[],
  tie: TieContext,
): { untiedGateway: number; droppedAtAppClose: number; untied: number } {
  const failed = sent.filter((r) => clientSymptom(r) !== null);
  const tied = new Set(failed.filter((r) => tiedToAppClose(r, tie)));
  const isGateway = (r: RequestRecord) => ['502', '503', '504'].includes(clientSymptom(r) ?? '');
  return {
    untiedGateway: failed.filter((r) => isGateway(r) && !tied.has(r)).length,
    droppedAtAppClose: failed.filter((r) => !isGateway(r) && tied.has(r)).length,
    untied: failed.length - tied.size,
  };
}

/** The requests the LB retried unseen (its access log says so) and what the retry cost them. */
export function maskingOf(
  retried: readonly AccessLogEntry[],
  sent: readonly RequestRecord[],
): { masked: number; maskedLatencyMs: CellSummary['maskedLatencyMs'] } {
  const retriedIds = new Set(retried.map((e) => e.request_id));
  const latencies = sent.flatMap((r) => (retriedIds.has(r.requestId) && r.latencyMs !== null ? [r.latencyMs] : []));
  const median = medianMs(latencies);
  return {
    masked: retried.length,
    maskedLatencyMs: median === null ? null : { median, max: round(Math.max(...latencies)) },
  };
}

/** A cell's requests and what was counted of them: the evidence its outcome is read from. */
interface CellRecords {
  method: string;
  sent: RequestRecord[];
  /** Aimed at its boundary, or just under the LB's timeout (a fix tested where it can fail). */
  aimed: RequestRecord[];
  boundary: RequestRecord[];
  seen: Seen;
  ties: ReturnType<typeof raceTiesOf>;
  masking: ReturnType<typeof maskingOf>;
  clientErrors: number;
  /** Null behind an LB that writes none. */
  raceLogLines: number | null;
  boundaryCycles: BoundaryCycles;
}

function cellRecordsOf(cells: VariantCells, method: string): CellRecords {
  const { input, v, lbMs } = cells;
  const sent = cells.mine.filter((r) => r.method === method);
  // Aimed at its boundary, or just under the LB's timeout: the cell's evidence holds both.
  const aimed = sent.filter((r) => r.phase === 'aimed' || aimedAtLbBoundary(r, lbMs));
  const context: BoundaryContext = boundaryContextOf(input.scenario, v, method, cells.app);
  return {
    method,
    sent,
    aimed,
    boundary: aimed.filter((r) => testedBoundary(r, context) || testedLbBoundary(r, lbMs)),
    seen: seenOf(sent),
    // The same closes and lead the boundary rule reads.
    ties: raceTiesOf(sent, {
      ...context,
      appClosesKnown: cells.appClosesKnown,
      lbNamedRequestIds: cells.lbNamedRequestIds,
    }),
    masking: maskingOf(
      cells.retried.filter((e) => e.request_method === method),
      sent,
    ),
    clientErrors: sent.filter((r) => r.status === null).length,
    raceLogLines: cells.raceLines?.filter((l) => l.method === method).length ?? null,
    boundaryCycles: cellBoundaryCyclesOf(cells.cycles, aimed, v.name, method, lbMs),
  };
}

function classify(cells: VariantCells, c: CellRecords): Classification {
  return classifyCell(
    {
      ...c.seen,
      masked: c.masking.masked,
      raceLogLines: c.seen.status502 > 0 ? 0 : (c.raceLogLines ?? 0),
      boundary: c.boundary.length,
      clientErrors: c.clientErrors,
      closedBy: cells.summary.closedBy,
      method: c.method,
      droppedAtAppClose: c.ties.droppedAtAppClose,
      untiedGateway: c.ties.untiedGateway,
      aimedCycles: c.boundaryCycles.cycles,
      closesBeforeLb: cells.closesBeforeLb,
      silentRetry: cells.driver.silentRetry(cells.input.scenario, c.method, cells.v),
    },
    cells.minBoundary,
  );
}

function cellSummary(cells: VariantCells, method: string): CellSummary {
  const c = cellRecordsOf(cells, method);
  const { outcome, reason } = classify(cells, c);
  const firstHit = c.sent.find((r) => clientSymptom(r) !== null);
  const cell: Omit<CellSummary, 'verdict'> = {
    name: `${cells.v.name}-${method.toLowerCase()}`,
    ...cells.identity,
    method,
    lane: cells.lane,
    boundaryMs: cells.boundaryMs,
    outcome,
    reason,
    counts: {
      requests: c.sent.length,
      aimed: c.aimed.length,
      boundary: c.boundary.length,
      ...c.seen,
      clientErrors: c.clientErrors,
      masked: c.masking.masked,
      appErrors: c.sent.filter(isAppError).length,
      untied: c.ties.untied,
    },
    clientSaw: clientSawText(c.seen),
    maskedLatencyMs: c.masking.maskedLatencyMs,
    boundaryRate502: rate502Of(c.boundary),
    boundaryFailureRate: proportion(c.boundary.filter((r) => clientSymptom(r) !== null).length, c.boundary.length),
    boundaryCycles: c.boundaryCycles,
    appIdleCloseMs: cells.summary.measured.probeIdleCloseMs,
    effectiveCloseMs: cells.close.ms,
    effectiveCloseBy: cells.close.by,
    closedBy: cells.summary.closedBy,
    connectionsPer1000: cells.connectionsPer1000,
    addedLatencyMs: addedLatencyOf(c.sent, cells.baselineRequests?.filter((r) => r.method === method) ?? null),
    duplicates: duplicatesOf(cells.responses, method),
    lbLogAppCloses: c.raceLogLines,
    firstHit: firstHit
      ? { cycle: firstHit.cycle, afterTrafficStartMs: Math.round(firstHit.startMonoMs - cells.trafficStartMonoMs) }
      : null,
  };
  return { ...cell, verdict: cellVerdict(cell) };
}

/** One cell per variant × method the run sent. */
export function cellSummaries(
  input: SummaryInput,
  traffic: TrafficResult,
  variants: Record<VariantName, VariantSummary>,
): CellSummary[] {
  // Per LB, its lines of the race; null for one that writes none, or whose log could not be read (a failed run).
  const raceLines = new Map(
    lbsOf(input.scenario).map(({ driver }) => {
      const log = input.lbErrorLogs[driver.name];
      return [driver.name, log === undefined ? null : driver.raceLogLines(log)];
    }),
  );
  return input.scenario.variants.flatMap((v) => {
    const cells = variantCellsOf(input, traffic, variants, v, raceLines.get(v.lb) ?? null);
    return input.options.methods.map((method) => cellSummary(cells, method));
  });
}
