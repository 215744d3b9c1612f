// One app variant over the whole run, whatever the method: what it was
// configured and measured to do, its requests by status and method, its 502
// rates (all, and at the close boundary), who closed its connections, and how
// it fared at the LB's own idle timeout. Pure.
import type { SocketClosedRecord } from '../model/protocol.js';
import type { IdleCloseProbe } from '../traffic/probe.js';
import type { LbBoundary, VariantSummary } from '../records/summary-schema.js';
import { perVariant, YOUR_APP_FIX, type Variant, type VariantName } from '../scenarios/scenarios.js';
import type { TrafficResult } from '../traffic/engine.js';
import { clientSymptom, type RequestRecord } from '../records/request-records.js';
import { aimedAtLbBoundary, testedBoundary, testedLbBoundary, type BoundaryContext } from '../records/boundary.js';
import { closeInstant } from '../records/app-records.js';
import { roundMs as round } from '../model/clock.js';
import { median, proportion, type Proportion } from '../model/stats.js';
import { boundaryCyclesOf } from '../records/cycles.js';
import { tallyClosedBy } from './connection-closes.js';
import { appCloseContextOf, trafficEndOnAppClock, type SummaryInput } from './summary-input.js';
import { boundaryContextOf } from '../lb/boundary-context.js';

/** The median of some durations, rounded; null without any. */
export function medianMs(values: readonly number[]): number | null {
  const m = median(values);
  return m === null ? null : round(m);
}

/** 502s among the requests answered with a status: client-side errors are neither a 502 nor a success. */
export function rate502Of(records: readonly RequestRecord[]): Proportion {
  return proportion(
    records.filter((r) => clientSymptom(r) === '502').length,
    records.filter((r) => r.status !== null).length,
  );
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
  return {
    aimed: aimed.length,
    boundary: tested.length,
    failures: aimed.filter((r) => clientSymptom(r) !== null).length,
    idleGapMs: medianMs(tested.flatMap((r) => (r.achievedIdleMs === null ? [] : [r.achievedIdleMs]))),
  };
}

/** A close the app's keep-alive timer made after a response: its delay is known. */
type TimedClose = SocketClosedRecord & { lastResponseEndMonoMs: number };

/** What the probe and the app's own accounting measured of a variant. */
export function measuredOf(
  probe: IdleCloseProbe | undefined,
  closes: readonly SocketClosedRecord[],
): VariantSummary['measured'] {
  const withServer = closes.find((c) => c.keepAliveTimeoutMs !== null);
  // From the timer's instant, as the engine aims: the 'close' event trails it while the app is busy.
  const appDelays = closes
    .filter((c): c is TimedClose => c.reason === 'keep-alive-timeout' && c.lastResponseEndMonoMs !== null)
    .map((c) => closeInstant(c) - c.lastResponseEndMonoMs);
  return {
    probeIdleCloseMs: probe?.idleCloseMs === null || probe === undefined ? null : round(probe.idleCloseMs),
    probeWatchedMs: probe ? round(probe.watchedMs) : 0,
    probeAdvertisedKeepAlive: probe?.advertisedKeepAlive ?? null,
    serverKeepAliveTimeoutMs: withServer?.keepAliveTimeoutMs ?? null,
    serverHeadersTimeoutMs: withServer?.headersTimeoutMs ?? null,
    appCloseDelayMedianMs: medianMs(appDelays),
  };
}

/** A variant's requests by status and by method, its client-side errors, and how many tested the boundary. */
export function requestCountsOf(
  mine: readonly RequestRecord[],
  boundary: readonly RequestRecord[],
): VariantSummary['requests'] {
  const byStatus: Record<string, number> = {};
  const byMethod: Record<string, { total: number; count502: number }> = {};
  for (const r of mine) {
    if (r.status !== null) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    byMethod[r.method] ??= { total: 0, count502: 0 };
    byMethod[r.method].total++;
    if (clientSymptom(r) === '502') byMethod[r.method].count502++;
  }
  return {
    total: mine.length,
    byStatus,
    clientErrors: mine.filter((r) => r.status === null).length,
    byMethod,
    boundary: boundary.length,
  };
}

/**
 * The aimed requests that tested the boundary, by the rule the cells count theirs (their short-lane part): one
 * meaning of "boundary" everywhere. contextOf: the rule's context for a method.
 */
function boundaryRequestsOf(
  mine: readonly RequestRecord[],
  contextOf: (method: string) => BoundaryContext,
): RequestRecord[] {
  return mine.filter((r) => r.phase === 'aimed' && testedBoundary(r, contextOf(r.method)));
}

function variantSummary(input: SummaryInput, traffic: TrafficResult, v: Variant): VariantSummary {
  const mine = traffic.records.filter((r) => r.variant === v.name);
  const closes = input.appCloses[v.name] ?? [];
  const app = appCloseContextOf(input, traffic, v);
  const boundary = boundaryRequestsOf(mine, (method) => boundaryContextOf(input.scenario, v, method, app));
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
    measured: measuredOf(input.probes[v.name], closes),
    requests: requestCountsOf(mine, boundary),
    rate502: rate502Of(mine),
    boundaryRate502: rate502Of(boundary),
    boundaryCycles: boundaryCyclesOf(traffic.cycles, v.name),
    firstHit: firstHit
      ? { cycle: firstHit.cycle, elapsedMs: Math.round(firstHit.startMonoMs - input.runStartMonoMs) }
      : null,
    closedBy: tallyClosedBy(mine, closes, trafficEndOnAppClock(input, traffic, v.name)),
    nginx: { access502: accessMine.filter((e) => e.status === 502).length, accessTotal: accessMine.length },
    lbBoundary: lbBoundaryOf(mine, input.scenario.lb.upstreamKeepaliveTimeoutMs),
  };
}

/** Every variant of the run, summarised. */
export function variantSummaries(input: SummaryInput, traffic: TrafficResult): Record<VariantName, VariantSummary> {
  return perVariant(input.scenario.variants, (v) => variantSummary(input, traffic, v));
}
