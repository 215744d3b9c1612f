// summary.json: the stable, versioned record of one run. Reports and baseline
// comparisons are rebuilt from it (and requests.ndjson), never from the console.
// Its field names are an interface: a change bumps SCHEMA_VERSION, and
// readSummary keeps reading every older version.
//
// v2 (from v1): `complete` and `failure` (a run that ended early still writes
// its summary, marked incomplete); `options` typed; `schedule.closeDelayMs` and
// one-way latencies null when never measured.
import type { Proportion } from '../analysis/stats.js';
import type { ErrorLogCounts } from '../analysis/nginx-log.js';
import type { LabOptions } from '../options.js';
import type { VariantName } from '../scenarios.js';
import type { Runtime } from '../runtime/stack.js';

export const SCHEMA_VERSION = 2;
/** Versions readSummary accepts; older ones are upgraded on reading. */
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [1, 2];

/** The phases of a run, in order; a failed run names the one it failed in. */
export const LAB_PHASES = ['preflight', 'bring-up', 'probe', 'traffic', 'collect', 'results'] as const;
export type LabPhase = (typeof LAB_PHASES)[number];

/** One traffic cycle as the engine ran it. */
export interface CycleRecord {
  cycle: number;
  kind: 'aimed' | 'long-gap';
  aimVariant: VariantName;
  closeDelayMs: number;
  centerOffsetMs: number;
  intendedGapMs: number;
  /** Per variant: the idle gap measured on the app for requests that reused a socket (median). */
  achievedGapMs: Record<VariantName, number | null>;
  oneWayLatencyMs: Record<VariantName, number | null>;
  sendsPerVariant: number;
  count502: Record<VariantName, number>;
}

/** The options a run was made with, as the summary keeps them (where results go and --help are left out). */
export type SummaryOptions = Omit<LabOptions, 'resultsDir' | 'help' | 'version'>;

export interface ClosedByTally {
  /** LB upstream sockets the app closed (its keep-alive timer, or another server-side close). */
  app: number;
  /** Closed by the LB's FIN (its own idle timeout, or its shutdown). */
  lb: number;
  /** Of those, closed when the LB was stopped at the end of the run. */
  lbAtShutdown: number;
  reset: number;
  /** Still open when the app's account was read. */
  open: number;
  total: number;
}

export interface VariantSummary {
  name: string;
  description: string;
  configured: { keepAliveTimeoutMs: number | null; headersTimeoutMs: number | null };
  measured: {
    /** Raw-socket probe straight at the app: idle ms until it closed; null if still open. */
    probeIdleCloseMs: number | null;
    probeWatchedMs: number;
    probeAdvertisedKeepAlive: string | null;
    /** The app's own figures, from its socket-closed records. */
    serverKeepAliveTimeoutMs: number | null;
    serverHeadersTimeoutMs: number | null;
    appCloseDelayMedianMs: number | null;
  };
  requests: {
    total: number;
    byStatus: Record<string, number>;
    clientErrors: number;
    byMethod: Record<string, { total: number; count502: number }>;
    /** Requests aimed at the close boundary (aimed phase). */
    boundary: number;
  };
  rate502: Proportion;
  boundaryRate502: Proportion;
  firstHit: { cycle: number; elapsedMs: number } | null;
  closedBy: ClosedByTally;
  nginx: { access502: number; accessTotal: number };
}

export interface RaceWindow {
  hits: number;
  /** Planned arrival of the hits relative to the predicted close (ms). */
  plannedOffsetMs: { min: number; median: number; max: number } | null;
  /** Estimated arrival at the app minus the app's close of the nearest socket (ms). */
  arrivalMinusAppCloseMs: { min: number; median: number; max: number } | null;
  byOffsetMs: Record<string, { sent: number; hit: number }>;
}

export interface Summary {
  schemaVersion: typeof SCHEMA_VERSION;
  runId: string;
  startedAt: string;
  finishedAt: string;
  wallTimeMs: number;
  /** False when the run ended early (a fault, an interrupt): the counts cover only what ran. */
  complete: boolean;
  /** Why and where an incomplete run ended; null for a complete one. */
  failure: { phase: LabPhase; message: string } | null;
  interrupted: boolean;
  runtime: Runtime;
  mode: 'quick' | 'full';
  options: SummaryOptions;
  versions: Record<string, string>;
  scenario: {
    retryPolicy: string;
    serverMode: string;
    lb: Record<string, number>;
  };
  variants: Record<VariantName, VariantSummary>;
  aimVariant: VariantName;
  raceWindow: RaceWindow;
  schedule: {
    /** The app's close delay the aiming used last; null when traffic never started. */
    closeDelayMs: number | null;
    oneWayLatencyMs: Record<VariantName, number | null>;
    cycles: CycleRecord[];
  };
  nginx: {
    errorLog: ErrorLogCounts;
    /** Every 502 the harness counted must be in the access log, and the reverse. */
    mismatches: Array<{ variant: string; harness502: number; accessLog502: number; missingInAccessLog: string[]; missingInHarness: string[] }>;
  };
  verdict: { ok: boolean; text: string };
  assertion: { requested: boolean; passed: boolean; reasons: string[] };
}

/** Shape check for readers of summary.json (reports, baselines, tests); the current version only. */
export function validateSummary(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null) return ['not an object'];
  const s: Partial<Summary> = value;
  if (s.schemaVersion !== SCHEMA_VERSION) problems.push(`schemaVersion is ${String(s.schemaVersion)}, expected ${SCHEMA_VERSION}`);
  if (typeof s.complete !== 'boolean') problems.push('complete missing');
  if (s.complete === false && (typeof s.failure !== 'object' || s.failure === null) && !s.interrupted) problems.push('an incomplete run without failure');
  for (const key of ['runId', 'startedAt', 'finishedAt', 'runtime', 'mode', 'aimVariant'] as const) {
    if (typeof s[key] !== 'string') problems.push(`${key} missing`);
  }
  for (const key of ['versions', 'scenario', 'variants', 'raceWindow', 'schedule', 'nginx', 'verdict', 'assertion'] as const) {
    if (typeof s[key] !== 'object' || s[key] === null) problems.push(`${key} missing`);
  }
  for (const [name, v] of Object.entries(s.variants ?? {})) {
    if (typeof v.requests?.total !== 'number') problems.push(`variants.${name}.requests.total missing`);
    if (typeof v.rate502?.high !== 'number') problems.push(`variants.${name}.rate502 missing`);
    if (typeof v.closedBy?.total !== 'number') problems.push(`variants.${name}.closedBy missing`);
    if (!('probeIdleCloseMs' in (v.measured ?? {}))) problems.push(`variants.${name}.measured missing`);
  }
  // A run that failed before the stack answered cannot know every version.
  for (const key of s.complete === false ? [] : ['node', 'nginx', 'kernel']) {
    if (typeof s.versions?.[key] !== 'string') problems.push(`versions.${key} missing`);
  }
  return problems;
}

/**
 * Reads a parsed summary.json of any readable version as the current one:
 * v1 had no `complete`/`failure` (a v1 summary was complete unless interrupted).
 * Returns the problems instead when it is not a summary this lab can read.
 */
export function readSummary(value: unknown): { summary: Summary; problems: [] } | { summary: null; problems: string[] } {
  if (typeof value !== 'object' || value === null) return { summary: null, problems: ['not an object'] };
  const version: unknown = (value as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !READABLE_SCHEMA_VERSIONS.includes(version)) {
    return { summary: null, problems: [`schemaVersion ${String(version)} is not one this lab reads (${READABLE_SCHEMA_VERSIONS.join(', ')})`] };
  }
  const upgraded: unknown =
    version === 1
      ? { ...value, schemaVersion: SCHEMA_VERSION, complete: !(value as { interrupted?: unknown }).interrupted, failure: null }
      : value;
  const problems = validateSummary(upgraded);
  return problems.length > 0 ? { summary: null, problems } : { summary: upgraded as Summary, problems: [] };
}
