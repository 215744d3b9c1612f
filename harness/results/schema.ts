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
// v6 (from v5): the shape is a JSON Schema (summary-schema.ts, committed as
// schemas/summary.schema.json), and every summary names it in `$schema`, its
// first key: the schema file's path relative to the summary's directory.
// Cells count their variant's aimed cycles and those in which an aimed request
// of the cell's method failed (`boundaryCycles`); `options.baseline` (--baseline).
// v5 summaries read with the default `$schema` (results/<run-id>/), cells'
// boundaryCycles null (never counted per method), and no baseline.
// v7 (from v6): `yourApp`, the user's apps behind the LB (--app-image,
// --app-build): image and digest, how it was measured, its verdict line; and
// `options.assertSafe` (--assert safe). v6 summaries read with yourApp null.
// v8 (from v7): one verdict, computed once (analysis/verdict.ts) and rendered
// by every surface: `verdict.word`, `verdict.tone`, `verdict.reasons`,
// `verdict.evidence` for the run, and the same `verdict` object on each cell.
// Cells count the app's own 5xx apart (`counts.appErrors`) and the failures
// not tied to an app idle close (`counts.untied`). v7 summaries read with both
// counts 0 (they counted every gateway status as the race) and their verdicts
// computed on reading by the same rule. A variant's `requests.boundary` and
// `boundaryRate502` count the aimed requests that tested the boundary, as its
// cells do (before v8: every aimed request); `lbBoundary` is the fixed
// variant's test at the LB's own timeout (null before v8). Your app's verdict
// may be INCOMPLETE (an unfinished run; INCONCLUSIVE before) and is its cell's
// word mapped (model/verdict.ts APP_WORD_OF): v7 apps are re-read so.
// v9 (from v8): `options.shard`, a run that is one part of a matrix (--shard
// i/n, with the whole matrix's cells), so npm run merge can join the parts.
// v8 summaries read with shard null: every run before v9 was whole.
// v10 (from v9): LB-side fixes (--only lbfix=…): `cells[].lbFix` names the
// fix in front of the app ('none': the LB as the lab sets it) and each cell
// has its price: `connectionsPer1000`, `addedLatencyMs {median, p99}` against
// its baseline, and `duplicates` (requests the app answered twice). v9 cells
// read with lbFix 'none' and the three prices null (never measured). A v10
// run's requests.ndjson may also hold phase 'price' lines (its price rounds).
// Older summaries are upgraded step by step, then checked against the schema.
import { cellVerdict, runVerdict, verdictOk } from '../analysis/verdict.js';
import { appVerdict } from '../analysis/your-app-verdict.js';
import { TONE_OF } from '../model/verdict.js';
import { DEFAULT_HAPROXY_REUSE, DEFAULT_LB } from '../scenarios/scenarios.js';
import { schemaProblems } from './schema-problems.js';
import {
  SCHEMA_VERSION,
  SummarySchema,
  type AppUnderTestSummary,
  type CellSummary,
  type CycleRecord,
  type Summary,
  type VariantSummary,
  DEFAULT_SUMMARY_SCHEMA_REF,
} from '../records/summary-schema.js';
import { boundaryCyclesOf } from '../records/cycles.js';

// Every name readers of summary.json import from here, wherever it is defined.
export {
  CELL_OUTCOMES,
  LAB_PHASES,
  SCHEMA_VERSION,
  type AppUnderTestSummary,
  type BoundaryCycles,
  type CellOutcome,
  type CellSummary,
  type ClosedByTally,
  type CycleRecord,
  type LabPhase,
  type RaceModel,
  type RaceWindow,
  type Summary,
  type SummaryOptions,
  type VariantSummary,
} from '../records/summary-schema.js';
export { schemaRefFrom, SUMMARY_SCHEMA_PATH } from './schema-files.js';

/** Versions readSummary accepts; older ones are upgraded on reading. */
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/**
 * Problems a summary of the current version has, one readable line each: where
 * it departs from the schema (`cells[0].outcome is "fine", expected one of …`),
 * then what a schema cannot say. Empty when it is valid.
 */
export function validateSummary(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['not an object'];
  return [...schemaProblems(SummarySchema, value), ...semanticProblems(value)];
}

/** What the schema cannot express: one field's requirement depending on another's value. */
function semanticProblems(s: Partial<Summary>): string[] {
  const problems: string[] = [];
  if (s.complete === false && (typeof s.failure !== 'object' || s.failure === null) && !s.interrupted)
    problems.push('an incomplete run without failure');
  // The stored word is what every surface renders: it must agree with the run it describes.
  const word = s.verdict?.word;
  if (s.complete === false && word !== undefined && word !== 'INCOMPLETE')
    problems.push(`an incomplete run whose verdict is ${word}, not INCOMPLETE`);
  if (s.complete === true && word === 'INCOMPLETE') problems.push('a complete run whose verdict is INCOMPLETE');
  for (const v of [s.verdict, ...(Array.isArray(s.cells) ? s.cells.map((c) => c?.verdict) : [])]) {
    if (v && typeof v === 'object' && v.word in TONE_OF && v.tone !== TONE_OF[v.word])
      problems.push(`the verdict ${v.word} drawn ${v.tone}, not ${TONE_OF[v.word]}`);
  }
  // A run that failed before the stack answered cannot know every version.
  const lbs = typeof s.lbs === 'object' && s.lbs !== null ? Object.keys(s.lbs) : [];
  // A user's app need not be a Node app: no sample app, no node version.
  for (const key of s.complete === false ? [] : [...(s.yourApp ? [] : ['node']), 'kernel', ...lbs]) {
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

/**
 * A v1/v2 summary's variants as v3 cells: what was counted per method; no boundary split by method, no outcome beyond a
 * 502.
 */
function cellsFromVariants(old: OldSummary): Array<Omit<CellSummary, 'verdict'>> {
  return Object.values(old.variants ?? {}).flatMap((v) =>
    Object.entries(v.requests?.byMethod ?? {}).map(([method, m]): Omit<CellSummary, 'verdict'> => ({
      name: `${v.name}-${method.toLowerCase()}`,
      variant: v.name,
      lb: 'nginx',
      lbVersion: old.versions?.nginx ?? null,
      retryPolicy: old.scenario?.retryPolicy ?? 'alb',
      node: old.versions?.node ?? null,
      nodeLine: (old.versions?.node ?? '').split('.')[0],
      serverMode: old.scenario?.serverMode ?? 'standalone',
      fix: OLD_VARIANT_FIX[v.name] ?? 'unknown',
      lbFix: 'none',
      keepAliveTimeoutMs: v.configured?.keepAliveTimeoutMs ?? null,
      headersTimeoutMs: v.configured?.headersTimeoutMs ?? null,
      method,
      lane: 'short',
      boundaryMs: null,
      outcome: m.count502 > 0 ? 'reproduced' : 'inconclusive',
      reason: m.count502 > 0 ? `${m.count502} × 502` : 'read from an older summary without per-method boundary counts',
      counts: {
        requests: m.total,
        aimed: null,
        boundary: null,
        status502: m.count502,
        status503: 0,
        status504: 0,
        clientErrors: 0,
        emptyReply: 0,
        reset: 0,
        masked: 0,
        appErrors: 0,
        untied: 0,
      },
      clientSaw: clientSawOf(m.count502),
      maskedLatencyMs: null,
      boundaryFailureRate: null,
      boundaryRate502: null,
      boundaryCycles: null,
      appIdleCloseMs: v.measured?.probeIdleCloseMs ?? null,
      // Older runs measured the app's own close delay, not the close behind the LB.
      effectiveCloseMs: null,
      effectiveCloseBy: null,
      closedBy: v.closedBy,
      connectionsPer1000: null,
      addedLatencyMs: null,
      duplicates: null,
      lbLogAppCloses: null,
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
      {
        ...v,
        nodeLine,
        serverMode: old.scenario?.serverMode ?? 'standalone',
        fix: OLD_VARIANT_FIX[name] ?? 'unknown',
        lane: 'short',
      },
    ]),
  );
  const names = Object.keys(old.variants ?? {});
  const cycles = (old.schedule?.cycles ?? []).map((c) => ({
    ...c,
    lane: 'short',
    boundaryMs: Object.fromEntries(names.map((n) => [n, c.closeDelayMs])),
  }));
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
              // The first v3 summaries did not count aimed requests per cell yet: null, as for v1/v2.
              counts: { aimed: null, status503: 0, status504: 0, emptyReply: 0, reset: 0, ...c.counts },
              clientSaw: c.clientSaw ?? clientSawOf(c.counts.status502),
              maskedLatencyMs: c.maskedLatencyMs ?? null,
              boundaryFailureRate: c.boundaryFailureRate ?? c.boundaryRate502 ?? null,
            },
      )
    : old.cells;
  const versions = (old.versions ?? {}) as Record<string, string>;
  const nginx = old.nginx as { errorLog?: Record<string, number> } | undefined;
  const errorLines = Object.values(nginx?.errorLog ?? {}).reduce((a, b) => a + b, 0);
  const accessEntries = Object.values((old.variants ?? {}) as Record<string, VariantSummary>).reduce(
    (n, v) => n + (v.nginx?.accessTotal ?? 0),
    0,
  );
  return {
    ...old,
    schemaVersion: SCHEMA_VERSION,
    options: optionsAsV4(old.options),
    cells,
    lbs: { nginx: { version: versions.nginx ?? null, accessEntries, errorLines } },
  };
}

/**
 * A v3 (or older) run's options as v4 keeps them: its matrix cells were all
 * behind nginx; HAProxy's http-reuse did not exist yet (its default stands in);
 * early v3 summaries kept --list-scenarios, which a summary leaves out.
 */
function optionsAsV4(options: unknown): unknown {
  if (typeof options !== 'object' || options === null) return options;
  const { listScenarios: _listScenarios, ...kept } = options as Record<string, unknown>;
  const cells = Array.isArray(kept.cells)
    ? kept.cells.map((c: unknown) => (typeof c === 'object' && c !== null ? { lb: DEFAULT_LB, ...c } : c))
    : kept.cells;
  return { haproxyReuse: DEFAULT_HAPROXY_REUSE, ...kept, cells };
}

/** v4 → v5: the apps shared the harness's clock (no estimate was made); cycle counts come from the cycles. */
function upgradeToV5(old: Record<string, unknown>): Record<string, unknown> {
  const schedule = old.schedule as { cycles?: CycleRecord[] } | undefined;
  // A malformed v4 summary passes through unchanged here; validateSummary then says what is wrong with it.
  if (typeof schedule !== 'object' || schedule === null || typeof old.variants !== 'object' || old.variants === null)
    return old;
  const cycles = Array.isArray(schedule.cycles) ? schedule.cycles : [];
  const variants = Object.fromEntries(
    Object.entries(old.variants as Record<string, VariantSummary>).map(([name, v]) => [
      name,
      { ...v, boundaryCycles: v.boundaryCycles ?? boundaryCyclesOf(cycles, name) },
    ]),
  );
  const options =
    typeof old.options === 'object' && old.options !== null ? { naivePairs: 0, ...old.options } : old.options;
  return {
    ...old,
    schemaVersion: SCHEMA_VERSION,
    options,
    variants,
    schedule: { appClocks: {}, injectedAppClockOffsetMs: 0, ...schedule },
  };
}

/**
 * v5 → v6: `$schema` first, as the lab writes it in results/<run-id>/ (where
 * every older summary was written); cells never counted cycles per method
 * (null, not a guess from the variant's 502s); no run had --baseline.
 */
/** v6 → v7: no user's app (`yourApp: null`), and no --assert safe. */
function upgradeToV7(old: Record<string, unknown>): Record<string, unknown> {
  const upgraded: Record<string, unknown> = { ...old, schemaVersion: SCHEMA_VERSION, yourApp: null };
  if (typeof old.options === 'object' && old.options !== null) upgraded.options = { ...old.options, assertSafe: false };
  return upgraded;
}

/**
 * A v7 summary's cells in v8: no count of the app's own errors nor of untied failures (0: those runs counted every
 * gateway status as the race), and each cell's verdict by v8's rule.
 */
function v8Cells(cells: readonly CellSummary[], yourApps: readonly AppUnderTestSummary[]): CellSummary[] {
  return cells.map((c) => {
    // A v7 app found INCONCLUSIVE by its probe (it closes before the LB, yet nothing failed) kept a 'safe' cell; v8
    // says so in the cell.
    const app = yourApps.find((a) => a.variant === c.variant);
    const unseen = app?.verdict === 'INCONCLUSIVE' && c.outcome === 'safe';
    const cell = {
      ...c,
      counts: { ...c.counts, appErrors: 0, untied: 0 },
      ...(unseen ? { outcome: 'inconclusive' as const, reason: app.line.replace(/^INCONCLUSIVE: /, '') } : {}),
    };
    return { ...cell, verdict: cellVerdict(cell) };
  });
}

/** Your apps' words and lines by v8's rule, from their cells (v7 decided them apart); one without a cell as it was. */
function v8YourApps(
  old: Record<string, unknown>,
  yourApps: readonly AppUnderTestSummary[],
  cells: readonly CellSummary[],
): AppUnderTestSummary[] {
  const incomplete =
    old.complete !== false
      ? null
      : old.interrupted
        ? 'interrupted'
        : `failed during ${(old.failure as { phase?: string } | null)?.phase ?? 'the run'}`;
  return yourApps.map((a) => {
    const cell = cells.find((c) => c.variant === a.variant && c.method === a.method);
    return cell === undefined
      ? a
      : {
          ...a,
          ...appVerdict({
            cell,
            appIdleCloseMs: a.appIdleCloseMs,
            lbIdleTimeoutMs: a.lbIdleTimeoutMs,
            measurement: a.measurement,
            incomplete,
          }),
        };
  });
}

/** Whether an older summary has what upgradeToV8 reads: its cells' counts, a verdict, nginx's counts, its variants. */
function readableForV8(
  old: Record<string, unknown>,
): old is Record<string, unknown> & { cells: CellSummary[]; verdict: object; variants: object } {
  const readableCell = (c: unknown) =>
    typeof c === 'object' &&
    c !== null &&
    typeof (c as CellSummary).counts === 'object' &&
    (c as CellSummary).counts !== null;
  const wellFormed = (v: unknown) =>
    typeof v === 'object' &&
    v !== null &&
    ['requests', 'closedBy', 'rate502'].every((k) => typeof (v as Record<string, unknown>)[k] === 'object');
  return (
    Array.isArray(old.cells) &&
    typeof old.verdict === 'object' &&
    old.verdict !== null &&
    typeof old.nginx === 'object' &&
    old.nginx !== null &&
    old.cells.every(readableCell) &&
    typeof old.variants === 'object' &&
    old.variants !== null &&
    Object.values(old.variants).every(wellFormed)
  );
}

/**
 * v7 → v8: no count of the app's own errors nor of untied failures, no
 * variant tested at the LB's own timeout apart (lbBoundary null), and the
 * verdicts computed now by the rule a v8 run uses (analysis/verdict.ts), from
 * what was stored.
 */
function upgradeToV8(old: Record<string, unknown>, writtenVersion: number): Record<string, unknown> {
  // A malformed older summary passes through unchanged here; validateSummary then says what is wrong with it.
  if (!readableForV8(old)) return old;
  const yourApps = Array.isArray(old.yourApp) ? (old.yourApp as AppUnderTestSummary[]) : [];
  const cells = v8Cells(old.cells, yourApps);
  const yourApp = Array.isArray(old.yourApp) ? v8YourApps(old, yourApps, cells) : old.yourApp;
  const s = { ...(old as unknown as Summary), cells, yourApp: yourApp as Summary['yourApp'] };
  const verdict = runVerdict({ ...s, schemaVersion: writtenVersion });
  const kind = s.scenario?.kind === 'matrix' ? 'matrix' : 'classic';
  // No run before v8 aimed at the LB's own timeout through a pool of its own; --full's gap there was never summarized
  // apart.
  const variants = Object.fromEntries(
    Object.entries(s.variants).map(([name, v]) => [name, { ...v, lbBoundary: null }]),
  );
  return {
    ...old,
    schemaVersion: SCHEMA_VERSION,
    variants,
    cells,
    yourApp,
    verdict: {
      ...old.verdict,
      ...verdict,
      ok: verdictOk(verdict.word, kind, (s.yourApp?.length ?? 0) > 0),
    },
  };
}

/** v8 → v9: no run before v9 was a shard of a matrix. */
function upgradeToV9(old: Record<string, unknown>): Record<string, unknown> {
  const upgraded: Record<string, unknown> = { ...old, schemaVersion: SCHEMA_VERSION };
  if (typeof old.options === 'object' && old.options !== null) upgraded.options = { ...old.options, shard: null };
  return upgraded;
}

/** v9 → v10: no run before v10 put an LB-side fix in front of an app, nor priced one. */
function upgradeToV10(old: Record<string, unknown>): Record<string, unknown> {
  const upgraded: Record<string, unknown> = { ...old, schemaVersion: SCHEMA_VERSION };
  if (Array.isArray(old.cells))
    upgraded.cells = old.cells.map((c: unknown) =>
      typeof c === 'object' && c !== null
        ? { ...c, lbFix: 'none', connectionsPer1000: null, addedLatencyMs: null, duplicates: null }
        : c,
    );
  return upgraded;
}

/** v11 added what the LB's error log says of who closed (cells' lbLogAppCloses): older summaries did not read it. */
function upgradeToV11(old: Record<string, unknown>): Record<string, unknown> {
  const upgraded: Record<string, unknown> = { ...old, schemaVersion: SCHEMA_VERSION };
  if (Array.isArray(old.cells))
    upgraded.cells = old.cells.map((c: unknown) =>
      typeof c === 'object' && c !== null ? { ...c, lbLogAppCloses: null } : c,
    );
  return upgraded;
}

function upgradeToV6(old: Record<string, unknown>): Record<string, unknown> {
  // A malformed v5 summary passes through unchanged here; validateSummary then says what is wrong with it.
  const upgraded: Record<string, unknown> = {
    $schema: DEFAULT_SUMMARY_SCHEMA_REF,
    ...old,
    schemaVersion: SCHEMA_VERSION,
  };
  if (Array.isArray(old.cells))
    upgraded.cells = old.cells.map((c: unknown) =>
      typeof c === 'object' && c !== null ? { ...c, boundaryCycles: null } : c,
    );
  // The first v5 summaries came before the bench's A/B (naivePairs).
  if (typeof old.options === 'object' && old.options !== null)
    upgraded.options = { naivePairs: 0, ...old.options, baseline: null };
  return upgraded;
}

/**
 * The first v1 summaries did not split the LB's closes at its shutdown from
 * those during traffic: read as none at shutdown (every LB close counted as
 * during traffic, as those runs reported it).
 */
function withShutdownCloses(old: Record<string, unknown>): Record<string, unknown> {
  if (typeof old.variants !== 'object' || old.variants === null) return old;
  const variants = Object.fromEntries(
    Object.entries(old.variants as Record<string, { closedBy?: object }>).map(([name, v]) => [
      name,
      typeof v?.closedBy === 'object' && v.closedBy !== null
        ? { ...v, closedBy: { lbAtShutdown: 0, ...v.closedBy } }
        : v,
    ]),
  );
  return { ...old, variants };
}

/**
 * Reads a parsed summary.json of any readable version as the current one:
 * v1 had no `complete`/`failure` (a v1 summary was complete unless interrupted);
 * v1 and v2 had no `cells` (derived from their variants); each later version
 * fills in what the one before lacked (see the history above).
 * Returns the problems instead when it is not a summary this lab can read.
 */
export function readSummary(
  value: unknown,
): { summary: Summary; problems: [] } | { summary: null; problems: string[] } {
  if (typeof value !== 'object' || value === null) return { summary: null, problems: ['not an object'] };
  const version: unknown = (value as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !READABLE_SCHEMA_VERSIONS.includes(version)) {
    return {
      summary: null,
      problems: [`schemaVersion ${String(version)} is not one this lab reads (${READABLE_SCHEMA_VERSIONS.join(', ')})`],
    };
  }
  let upgraded: Record<string, unknown> = value as Record<string, unknown>;
  if (version === 1) upgraded = { ...upgraded, complete: !upgraded.interrupted, failure: null };
  if (version < 3) upgraded = withShutdownCloses(upgraded);
  if (version < 3) upgraded = upgradeToV3(upgraded);
  if (version < 4) upgraded = upgradeToV4(upgraded);
  if (version < 5) upgraded = upgradeToV5(upgraded);
  if (version < 6) upgraded = upgradeToV6(upgraded);
  if (version < 7) upgraded = upgradeToV7(upgraded);
  if (version < 8) upgraded = upgradeToV8(upgraded, version);
  if (version < 9) upgraded = upgradeToV9(upgraded);
  if (version < 10) upgraded = upgradeToV10(upgraded);
  if (version < 11) upgraded = upgradeToV11(upgraded);
  const problems = validateSummary(upgraded);
  return problems.length > 0 ? { summary: null, problems } : { summary: upgraded as unknown as Summary, problems: [] };
}
