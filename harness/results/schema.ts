// summary.json: the stable, versioned record of one run. Reports and baseline
// comparisons are rebuilt from it (and requests.ndjson), never from the console.
// Its field names are an interface: a change bumps SCHEMA_VERSION, and
// readSummary keeps reading every older version.
//
// v2 (from v1): `complete` and `failure` (a run that ended early still writes
// its summary, marked incomplete); `options` typed; `schedule.closeDelayMs` and
// one-way latencies null when never measured.
// v3 (from v2): `cells`, one per app variant × request method, with its
// outcome (reproduced / safe / masked / inconclusive); variants carry their
// Node line, server mode, fix and lane; cycles their lane and each variant's
// boundary. Older summaries are read with cells derived from their variants.
// v4 (from v3): cells behind HAProxy and Caddy as well as nginx. A cell counts
// every symptom the client saw (503, 504, an empty reply, a reset beside the
// 502) and says it in `clientSaw`; `maskedLatencyMs` is what the LB's retries
// cost; `lbs` has each LB's version and log counts. v3 cells read with zero
// counts for the new symptoms (v3 ran nginx only, which answers the race with 502).
// v5 (from v4): the apps' clocks are no longer assumed to be the harness's:
// `schedule.appClocks` has each app's estimated clock offset and its
// uncertainty, cycles their offset as estimated then. Variants count their
// aimed cycles and those with a 502 (`boundaryCycles`: 502s cluster by cycle).
// Cycles may be 'naive' (npm run bench's client-side sweep, options.naivePairs);
// `schedule.injectedAppClockOffsetMs` is a test's shift of the apps' clocks;
// `raceWindow.model` sets each aimed request against the app's real closes.
// v4 summaries read with empty appClocks (their apps shared the harness's
// clock), no shift, no A/B, and boundaryCycles derived from their cycles.
import type { AppClockEstimate } from '../traffic/app-clock.js';
import { proportion, type Proportion } from '../analysis/stats.js';
import type { ErrorLogCounts } from '../analysis/nginx-log.js';
import type { LabOptions } from '../options.js';
import type { VariantName } from '../scenarios.js';
import type { Runtime } from '../runtime/stack.js';

export const SCHEMA_VERSION = 5;
/** Versions readSummary accepts; older ones are upgraded on reading. */
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [1, 2, 3, 4, 5];

/** The phases of a run, in order; a failed run names the one it failed in. */
export const LAB_PHASES = ['preflight', 'bring-up', 'probe', 'traffic', 'collect', 'results'] as const;
export type LabPhase = (typeof LAB_PHASES)[number];

/** One traffic cycle as the engine ran it. */
export interface CycleRecord {
  cycle: number;
  /** 'short': apps that close well before the LB; 'long': boundary at the LB's timeout (matrix runs). */
  lane: 'short' | 'long';
  /** 'naive': npm run bench's comparison, sent by the harness's clock alone at a swept idle gap. */
  kind: 'aimed' | 'long-gap' | 'naive';
  aimVariant: VariantName;
  closeDelayMs: number;
  centerOffsetMs: number;
  intendedGapMs: number;
  /** Per variant: the idle gap measured on the app for requests that reused a socket (median). */
  achievedGapMs: Record<VariantName, number | null>;
  oneWayLatencyMs: Record<VariantName, number | null>;
  /** v5: per variant, its app's clock − the harness's, as estimated after this cycle. */
  appClockOffsetMs?: Record<VariantName, number | null>;
  /** Per variant: the idle gap (app clock) its boundary requests were aimed at, before the center offset. */
  boundaryMs: Record<VariantName, number>;
  /** The aim variant's sends (C); the talk-sized run's safe variants send more (engine.ts, SAFE_VARIANT_SENDS_PER_CYCLE). */
  sendsPerVariant: number;
  /** Per variant, every 502 of the cycle, its burst's included. */
  count502: Record<VariantName, number>;
}

/** The options a run was made with, as the summary keeps them (where results go, --help, --version and --list-scenarios are left out). */
export type SummaryOptions = Omit<LabOptions, 'resultsDir' | 'help' | 'version' | 'listScenarios'>;

export interface ClosedByTally {
  /** LB upstream sockets the app closed (its keep-alive timer, or another server-side close). */
  app: number;
  /** Closed by the LB: its FIN (its own idle timeout, or its shutdown), or a reset once the traffic ended (HAProxy stopping). */
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
  /** What the variant is in the matrix (v3). */
  nodeLine: string;
  serverMode: string;
  fix: string;
  lane: 'short' | 'long';
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
  /** v5: aimed cycles and those with a 502 among them, with the rate's interval: 502s cluster by cycle, so this is the honest unit. */
  boundaryCycles: { cycles: number; hitting: number; rate: Proportion };
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
  /** v5: every aimed request against the app's real closes (analysis/race-model.ts); absent before v5. */
  model?: RaceModel;
}

type SpreadCount = { min: number; median: number; max: number; count: number } | null;

/** Aimed requests by how they ended, each as its arrival at the app − the close it met (ms). */
export interface RaceModel {
  /** Hits: estimated arrival − the app's nearest close. */
  hitsMs: SpreadCount;
  /** Served on a reused connection: the app's stamp − when that socket would have closed (negative: early). */
  servedBeforeCloseMs: SpreadCount;
  /** Served on a new connection: the app's stamp − its last close before (positive: late). */
  servedAfterCloseMs: SpreadCount;
  /**
   * From the latest early arrival to the earliest late one: where a request
   * can still meet the race. The width is negative when they overlap (a busy
   * app serves early requests past its nominal close): kept as measured.
   */
  windowMs: { from: number; to: number; width: number } | null;
}

/** What a cell shows, from what the client got, the LB's log and who closed each upstream connection. */
export const CELL_OUTCOMES = ['reproduced', 'safe', 'masked', 'inconclusive'] as const;
export type CellOutcome = (typeof CELL_OUTCOMES)[number];

/** One app variant × one request method: the row of the matrix table downstream tools read. */
export interface CellSummary {
  /** `<variant>-<method>`, e.g. node24-standalone-default-post. */
  name: string;
  variant: string;
  /** The LB in front (nginx, haproxy, caddy) and what it ran. */
  lb: string;
  lbVersion: string | null;
  retryPolicy: string;
  /** The Node release measured in the app's container (or process); null when never read. */
  node: string | null;
  nodeLine: string;
  serverMode: string;
  fix: string;
  /** Configured; null = Node's default. */
  keepAliveTimeoutMs: number | null;
  headersTimeoutMs: number | null;
  method: string;
  lane: 'short' | 'long';
  /** The idle gap its boundary requests were aimed at (app clock); null when traffic never ran. */
  boundaryMs: number | null;
  outcome: CellOutcome;
  /** Why, in one sentence. */
  reason: string;
  counts: {
    requests: number;
    /** Requests aimed at the boundary; null in summaries older than v3. */
    aimed: number | null;
    /** Of those, the ones that met the race (a 502) or reused an idle upstream connection: the ones that tested it. */
    boundary: number | null;
    status502: number;
    /** v4: the other gateway statuses. */
    status503: number;
    status504: number;
    /** Requests without any status (clientErrors includes emptyReply and reset). */
    clientErrors: number;
    /** v4: the LB closed the client's connection without a response (HAProxy's answer to the race). */
    emptyReply: number;
    /** v4: the connection was reset under the request. */
    reset: number;
    /** Requests the LB retried on another connection without a 502 to the client (its access log). */
    masked: number;
  };
  /** v4: what the client saw, in words: '3 × 502', '2 × empty reply', 'no failure'. */
  clientSaw: string;
  /** v4: the client's latency of the requests the LB retried (the price of masking); null when none was. */
  maskedLatencyMs: { median: number; max: number } | null;
  boundaryRate502: Proportion | null;
  /** v4: every failure the client saw (502/503/504, empty reply, reset) among the boundary requests; in v3 and before, the 502s. */
  boundaryFailureRate: Proportion | null;
  /** The app's idle close measured straight at it (probe); null when it outlived the probe. */
  appIdleCloseMs: number | null;
  /** Behind the LB: median idle time at which upstream connections closed during traffic, and who closed most. */
  effectiveCloseMs: number | null;
  effectiveCloseBy: 'app' | 'lb' | null;
  /** The variant's upstream connections (shared by its methods). */
  closedBy: ClosedByTally;
  /** The first 502: its cycle (in its lane) and when, counted from the start of traffic (not of the run, which includes building). */
  firstHit: { cycle: number; afterTrafficStartMs: number } | null;
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
    /** 'classic' (default/fixed, one schedule) or 'matrix' (v3; absent before). */
    kind?: 'classic' | 'matrix';
    retryPolicy: string;
    /** v4: HAProxy's http-reuse (absent in older summaries). */
    haproxyReuse?: string;
    /** The server modes of the variants, comma-separated. */
    serverMode: string;
    lb: Record<string, number>;
  };
  variants: Record<VariantName, VariantSummary>;
  cells: CellSummary[];
  aimVariant: VariantName;
  raceWindow: RaceWindow;
  schedule: {
    /** The app's close delay the aiming used last; null when traffic never started. */
    closeDelayMs: number | null;
    /** Estimated: the send-to-app delay less the app clock's offset. */
    oneWayLatencyMs: Record<VariantName, number | null>;
    /** v5: per variant, how its app's clock lines up with the harness's (null: never measured; empty before v5). */
    appClocks: Record<VariantName, AppClockEstimate | null>;
    /** v5: the test-only shift given to the apps' clocks (LAB_APP_CLOCK_OFFSET_MS); 0 in real runs and before v5. */
    injectedAppClockOffsetMs: number;
    cycles: CycleRecord[];
  };
  /** v4: each LB of the run: its version, the requests its access log has, the error lines it wrote. */
  lbs: Record<string, { version: string | null; accessEntries: number; errorLines: number }>;
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
  for (const key of ['versions', 'scenario', 'variants', 'raceWindow', 'schedule', 'lbs', 'nginx', 'verdict', 'assertion'] as const) {
    if (typeof s[key] !== 'object' || s[key] === null) problems.push(`${key} missing`);
  }
  if (!Array.isArray(s.cells)) problems.push('cells missing');
  if (typeof s.schedule?.appClocks !== 'object' || s.schedule.appClocks === null) problems.push('schedule.appClocks missing');
  for (const [i, c] of (Array.isArray(s.cells) ? s.cells : []).entries()) {
    if (typeof c.name !== 'string' || typeof c.method !== 'string') problems.push(`cells[${i}] has no name or method`);
    if (!CELL_OUTCOMES.includes(c.outcome)) problems.push(`cells[${i}].outcome is ${String(c.outcome)}`);
    if (typeof c.counts?.status502 !== 'number' || typeof c.counts?.emptyReply !== 'number') problems.push(`cells[${i}].counts missing`);
    if (typeof c.clientSaw !== 'string') problems.push(`cells[${i}].clientSaw missing`);
  }
  for (const [name, v] of Object.entries(s.variants ?? {})) {
    if (typeof v.requests?.total !== 'number') problems.push(`variants.${name}.requests.total missing`);
    if (typeof v.rate502?.high !== 'number') problems.push(`variants.${name}.rate502 missing`);
    if (typeof v.closedBy?.total !== 'number') problems.push(`variants.${name}.closedBy missing`);
    if (typeof v.boundaryCycles?.hitting !== 'number') problems.push(`variants.${name}.boundaryCycles missing`);
    if (!('probeIdleCloseMs' in (v.measured ?? {}))) problems.push(`variants.${name}.measured missing`);
  }
  // A run that failed before the stack answered cannot know every version.
  for (const key of s.complete === false ? [] : ['node', 'kernel', ...Object.keys(s.lbs ?? {})]) {
    if (typeof s.versions?.[key] !== 'string') problems.push(`versions.${key} missing`);
  }
  return problems;
}

/** The fix of a v1/v2 variant: those runs had Node's defaults ('default') and the article's fix ('fixed'). */
const OLD_VARIANT_FIX: Record<string, string> = { default: 'default', fixed: 'article' };

interface OldSummary {
  variants?: Record<string, VariantSummary>;
  versions?: Record<string, string>;
  scenario?: { retryPolicy?: string; serverMode?: string };
  options?: object;
  schedule?: { cycles?: CycleRecord[]; closeDelayMs?: number | null };
}

/** A v1/v2 summary's variants as v3 cells: what was counted per method; no boundary split by method, no outcome beyond a 502. */
function cellsFromVariants(old: OldSummary): CellSummary[] {
  return Object.values(old.variants ?? {}).flatMap((v) =>
    Object.entries(v.requests?.byMethod ?? {}).map(([method, m]): CellSummary => ({
      name: `${v.name}-${method.toLowerCase()}`,
      variant: v.name,
      lb: 'nginx',
      lbVersion: old.versions?.nginx ?? null,
      retryPolicy: old.scenario?.retryPolicy ?? 'alb',
      node: old.versions?.node ?? null,
      nodeLine: (old.versions?.node ?? '').split('.')[0],
      serverMode: old.scenario?.serverMode ?? 'standalone',
      fix: OLD_VARIANT_FIX[v.name] ?? 'unknown',
      keepAliveTimeoutMs: v.configured?.keepAliveTimeoutMs ?? null,
      headersTimeoutMs: v.configured?.headersTimeoutMs ?? null,
      method,
      lane: 'short',
      boundaryMs: null,
      outcome: m.count502 > 0 ? 'reproduced' : 'inconclusive',
      reason: m.count502 > 0 ? `${m.count502} × 502` : 'read from an older summary without per-method boundary counts',
      counts: { requests: m.total, aimed: null, boundary: null, status502: m.count502, status503: 0, status504: 0, clientErrors: 0, emptyReply: 0, reset: 0, masked: 0 },
      clientSaw: clientSawOf(m.count502),
      maskedLatencyMs: null,
      boundaryFailureRate: null,
      boundaryRate502: null,
      appIdleCloseMs: v.measured?.probeIdleCloseMs ?? null,
      // Older runs measured the app's own close delay, not the close behind the LB.
      effectiveCloseMs: null,
      effectiveCloseBy: null,
      closedBy: v.closedBy,
      firstHit: null,
    })),
  );
}

/** v1/v2 → v3: every such run was the talk-sized one, on one schedule (the short lane). */
function upgradeToV3(old: OldSummary & Record<string, unknown>): Record<string, unknown> {
  const nodeLine = (old.versions?.node ?? '').split('.')[0];
  const variants = Object.fromEntries(
    Object.entries(old.variants ?? {}).map(([name, v]) => [
      name,
      { ...v, nodeLine, serverMode: old.scenario?.serverMode ?? 'standalone', fix: OLD_VARIANT_FIX[name] ?? 'unknown', lane: 'short' },
    ]),
  );
  const names = Object.keys(old.variants ?? {});
  const cycles = (old.schedule?.cycles ?? []).map((c) => ({ ...c, lane: 'short', boundaryMs: Object.fromEntries(names.map((n) => [n, c.closeDelayMs])) }));
  return {
    ...old,
    schemaVersion: SCHEMA_VERSION,
    scenario: { ...old.scenario, kind: 'classic' },
    // Not a matrix run: no cells asked for, no long lane.
    options: { ...old.options, cells: null, longCycles: 0 },
    variants,
    schedule: { ...old.schedule, cycles },
    cells: cellsFromVariants(old),
  };
}

/** A v3 (or older) cell's clientSaw: nginx answered the race with 502 only. */
const clientSawOf = (status502: number) => (status502 > 0 ? `${status502} × 502` : 'no failure');

/** v3 → v4: every v3 cell was behind nginx; the symptoms nginx never shows are zero. */
function upgradeToV4(old: Record<string, unknown>): Record<string, unknown> {
  // A malformed v3 summary passes through unchanged here; validateSummary then says what is wrong with it.
  const cells = Array.isArray(old.cells)
    ? (old.cells as Array<Record<string, unknown> & { counts?: Record<string, number> }>).map((c) =>
        typeof c?.counts !== 'object' || c.counts === null
          ? c
          : {
              ...c,
              counts: { status503: 0, status504: 0, emptyReply: 0, reset: 0, ...c.counts },
              clientSaw: c.clientSaw ?? clientSawOf(c.counts.status502),
              maskedLatencyMs: c.maskedLatencyMs ?? null,
              boundaryFailureRate: c.boundaryFailureRate ?? c.boundaryRate502 ?? null,
            },
      )
    : old.cells;
  const versions = (old.versions ?? {}) as Record<string, string>;
  const nginx = old.nginx as { errorLog?: Record<string, number> } | undefined;
  const errorLines = Object.values(nginx?.errorLog ?? {}).reduce((a, b) => a + b, 0);
  const accessEntries = Object.values((old.variants ?? {}) as Record<string, VariantSummary>).reduce((n, v) => n + (v.nginx?.accessTotal ?? 0), 0);
  return { ...old, schemaVersion: SCHEMA_VERSION, cells, lbs: { nginx: { version: versions.nginx ?? null, accessEntries, errorLines } } };
}

/** Aimed cycles and those with a 502, per variant: from the cycles' own counts. */
export function boundaryCyclesOf(cycles: readonly CycleRecord[], variant: VariantName): VariantSummary['boundaryCycles'] {
  const aimed = cycles.filter((c) => c.kind === 'aimed' && variant in c.count502);
  const hitting = aimed.filter((c) => c.count502[variant] > 0).length;
  return { cycles: aimed.length, hitting, rate: proportion(hitting, aimed.length) };
}

/** v4 → v5: the apps shared the harness's clock (no estimate was made); cycle counts come from the cycles. */
function upgradeToV5(old: Record<string, unknown>): Record<string, unknown> {
  const schedule = old.schedule as { cycles?: CycleRecord[] } | undefined;
  // A malformed v4 summary passes through unchanged here; validateSummary then says what is wrong with it.
  if (typeof schedule !== 'object' || schedule === null || typeof old.variants !== 'object' || old.variants === null) return old;
  const cycles = Array.isArray(schedule.cycles) ? schedule.cycles : [];
  const variants = Object.fromEntries(
    Object.entries(old.variants as Record<string, VariantSummary>).map(([name, v]) => [name, { ...v, boundaryCycles: v.boundaryCycles ?? boundaryCyclesOf(cycles, name) }]),
  );
  const options = typeof old.options === 'object' && old.options !== null ? { naivePairs: 0, ...old.options } : old.options;
  return { ...old, schemaVersion: SCHEMA_VERSION, options, variants, schedule: { appClocks: {}, injectedAppClockOffsetMs: 0, ...schedule } };
}

/**
 * Reads a parsed summary.json of any readable version as the current one:
 * v1 had no `complete`/`failure` (a v1 summary was complete unless interrupted);
 * v1 and v2 had no `cells` (derived from their variants).
 * Returns the problems instead when it is not a summary this lab can read.
 */
export function readSummary(value: unknown): { summary: Summary; problems: [] } | { summary: null; problems: string[] } {
  if (typeof value !== 'object' || value === null) return { summary: null, problems: ['not an object'] };
  const version: unknown = (value as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !READABLE_SCHEMA_VERSIONS.includes(version)) {
    return { summary: null, problems: [`schemaVersion ${String(version)} is not one this lab reads (${READABLE_SCHEMA_VERSIONS.join(', ')})`] };
  }
  let upgraded: Record<string, unknown> = value as Record<string, unknown>;
  if (version === 1) upgraded = { ...upgraded, complete: !upgraded.interrupted, failure: null };
  if (version < 3) upgraded = upgradeToV3(upgraded as OldSummary & Record<string, unknown>);
  if (version < 4) upgraded = upgradeToV4(upgraded);
  if (version < 5) upgraded = upgradeToV5(upgraded);
  const problems = validateSummary(upgraded);
  return problems.length > 0 ? { summary: null, problems } : { summary: upgraded as unknown as Summary, problems: [] };
}
