// A run's raw material as buildSummary takes it (request records, probes, the
// app's socket accounting, the LBs' logs), and the readings of it that more
// than one part of the summary shares: the traffic of a run that sent none,
// where each app's clock stands, the boundary rule's context. Pure.
import type { ResponseFinished, SocketClosedRecord } from '../model/protocol.js';
import type { IdleCloseProbe } from '../traffic/probe.js';
import type { LabPhase } from '../records/summary-schema.js';
import { perVariant, type LbName, type Scenario, type Variant, type VariantName } from '../scenarios/scenarios.js';
import type { TrafficResult } from '../traffic/engine.js';
import type { AccessLogEntry } from '../lb/access-log.js';
import type { AppCloseContext } from '../records/boundary.js';
import { closeInstant } from '../records/app-records.js';
import type { ImageIdentity } from '../runtime/app-image.js';
import type { LabOptions, Runtime } from '../scenarios/run-options.js';

/** Everything a run recorded that its summary is built from. */
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
   * Each app's response-finished records, for the cells' price (analysis/lb-fix-price.ts); missing (an input
   * built without them): the price reads as unknown.
   */
  appResponses?: Partial<Record<VariantName, ResponseFinished[]>>;
  /**
   * Every LB's access log, in one list; null when it could not be read (a failed run): then there is nothing to
   * cross-check.
   */
  accessLog: AccessLogEntry[] | null;
  /** Per LB, its error log (stderr), whose lines explain its 502s; none for an LB whose log could not be read. */
  lbErrorLogs: Partial<Record<LbName, string>>;
}

/** The traffic of a run that ended before any: nothing sent, nothing measured. */
export function noTraffic(scenario: Scenario): TrafficResult {
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

/**
 * A variant's app clock − the harness's; 0 when never estimated (the run ended
 * before calibration answered): comparisons across the clocks are then off by
 * the unknown offset, which is 0 on Linux, where host and containers share one.
 */
function appClockOffsetMs(traffic: Pick<TrafficResult, 'appClocks'>, variant: VariantName): number {
  return traffic.appClocks[variant]?.offsetMs ?? 0;
}

/** When a request sent at harness time t reached the variant's app: t + this, on the app's clock. */
export function sendToAppMs(traffic: Pick<TrafficResult, 'appClocks'>, variant: VariantName): number {
  return traffic.appClocks[variant]?.sendToAppMs ?? 0;
}

/** When the traffic ended, on the variant's app's clock. */
export function trafficEndOnAppClock(
  input: Pick<SummaryInput, 'trafficEndMonoMs'>,
  traffic: Pick<TrafficResult, 'appClocks'>,
  variant: VariantName,
): number {
  return input.trafficEndMonoMs + appClockOffsetMs(traffic, variant);
}

/** What the boundary rule reads of a variant's app, whatever the method: its idle closes, and where a send lands. */
export type { AppCloseContext };

/** A variant's own idle closes (closeInstant of those closedBy 'app', its clock), and its send-to-app delay. */
export function appCloseContextOf(
  input: Pick<SummaryInput, 'appCloses'>,
  traffic: Pick<TrafficResult, 'appClocks'>,
  v: Pick<Variant, 'name'>,
): AppCloseContext {
  return {
    appCloseInstants: (input.appCloses[v.name] ?? []).filter((c) => c.closedBy === 'app').map(closeInstant),
    sendToAppMs: sendToAppMs(traffic, v.name),
  };
}
