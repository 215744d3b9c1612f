// summary.json: the stable, versioned record of one run. Reports and baseline
// comparisons are rebuilt from it (and requests.ndjson), never from the console.
import type { Proportion } from '../analysis/stats.js';
import type { ErrorLogCounts } from '../analysis/nginx-log.js';
import type { CycleRecord } from '../traffic/engine.js';

export const SCHEMA_VERSION = 1;

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
  interrupted: boolean;
  runtime: 'docker' | 'local';
  mode: 'quick' | 'full';
  options: Record<string, unknown>;
  versions: Record<string, string>;
  scenario: {
    retryPolicy: string;
    serverMode: string;
    lb: Record<string, number>;
  };
  variants: Record<string, VariantSummary>;
  aimVariant: string;
  raceWindow: RaceWindow;
  schedule: {
    closeDelayMs: number;
    oneWayLatencyMs: Record<string, number>;
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

/** Shape check for readers of summary.json (reports, baselines, tests). */
export function validateSummary(value: unknown): string[] {
  const problems: string[] = [];
  const s = value as Partial<Summary>;
  if (typeof value !== 'object' || value === null) return ['not an object'];
  if (s.schemaVersion !== SCHEMA_VERSION) problems.push(`schemaVersion is ${String(s.schemaVersion)}, expected ${SCHEMA_VERSION}`);
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
  for (const key of ['node', 'nginx', 'kernel']) {
    if (typeof s.versions?.[key] !== 'string') problems.push(`versions.${key} missing`);
  }
  return problems;
}
