// The shards of one matrix run (--shard i/n, each a run of its own, perhaps on
// another machine) joined into one summary: exactly the union of their cells,
// and the run's verdict, text and assertion computed by the functions a whole
// run's summary is computed by (analysis/verdict.ts, verdict-text.ts,
// assertion.ts), never decided here. Shards that cannot be joined (another
// matrix, other settings or versions, a shard twice or missing) are refused in
// one line, exit 2, before anything is written. Pure.
import { judgeRun } from '../analysis/judge-run.js';
import { LabError } from '../model/errors.js';
import { EXIT } from '../model/exit-codes.js';
import { appCellName } from '../scenarios/matrix.js';
import type { ShardOptions } from '../scenarios/shard.js';
import { SCHEMA_VERSION, validateSummary, type Summary, type SummaryOptions } from './schema.js';

/** One shard's run as merge reads it. */
export interface ShardRun {
  /** Where it was read from, as the user gave it (named in every refusal). */
  path: string;
  summary: Summary;
  /** The schema version its summary.json was written in. */
  writtenSchemaVersion: number;
}

/** A shard run whose summary has its shard record (checked by shardOf). */
type Sharded = ShardRun & { shard: ShardOptions };

/**
 * Versions of the machine a shard ran on, not of what was measured: CI runners of one workflow may differ in them
 * without moving any outcome. Kept, every value seen; every other version (each LB, Node in the apps and the harness,
 * Next) must agree.
 */
export const MACHINE_VERSION_KEYS: readonly string[] = ['kernel', 'docker', 'compose'];

/** Options that change nothing measured (where output goes, --baseline): shards may differ in them. */
const OPTIONS_FREE_PER_SHARD = ['cells', 'shard', 'keep', 'json', 'baseline'] as const satisfies ReadonlyArray<
  keyof SummaryOptions
>;

function refuse(message: string): LabError {
  return new LabError(message, 'See npm run merge -- --help.', EXIT.badInput);
}

/** `2/4`, as the user typed it. */
const label = (s: Pick<ShardOptions, 'index' | 'count'>) => `${s.index}/${s.count}`;

/** The summary version --shard came with (options.shard); an older summary was never a shard. */
const SHARD_SCHEMA_VERSION = 9;

/** The shard record of a run, or why it is not a shard. */
function shardOf(run: ShardRun): ShardOptions {
  if (run.writtenSchemaVersion < SHARD_SCHEMA_VERSION)
    throw refuse(
      `${run.path} is not a shard: its summary is schema v${run.writtenSchemaVersion}, from a lab before --shard (v${SHARD_SCHEMA_VERSION}).`,
    );
  const shard = run.summary.options.shard;
  if (shard === null)
    throw refuse(`${run.path} is not a shard: it ran without --shard (a whole run, nothing to merge).`);
  return shard;
}

/** JSON with object keys sorted, so two values compare equal whatever order their keys were written in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** What must be the same in every shard: the matrix, the settings that move outcomes, the versions, the schema. */
function refuseMismatches(first: Sharded, runs: readonly Sharded[]): void {
  const free: readonly string[] = OPTIONS_FREE_PER_SHARD;
  const settings = (r: Sharded) => ({
    options: Object.fromEntries(Object.entries(r.summary.options).filter(([key]) => !free.includes(key))),
    runtime: r.summary.runtime,
    mode: r.summary.mode,
    retryPolicy: r.summary.scenario.retryPolicy,
    haproxyReuse: r.summary.scenario.haproxyReuse,
    lb: r.summary.scenario.lb,
    injectedAppClockOffsetMs: r.summary.schedule.injectedAppClockOffsetMs,
  });
  const matrix = (r: Sharded) => r.shard.matrixCells.map(appCellName).join(',');
  for (const r of runs) {
    if (r.writtenSchemaVersion !== first.writtenSchemaVersion)
      throw refuse(
        `${r.path} has schema v${r.writtenSchemaVersion}, ${first.path} v${first.writtenSchemaVersion}: shards of one run come from one lab.`,
      );
    if (r.shard.count !== first.shard.count || matrix(r) !== matrix(first))
      throw refuse(
        `${r.path} (shard ${label(r.shard)} of ${r.shard.matrixCells.length} apps) and ${first.path} (shard ${label(first.shard)} of ${first.shard.matrixCells.length} apps) are shards of different matrices: give the shards of one --matrix run.`,
      );
    const [a, b] = [settings(first), settings(r)];
    const differing = (Object.keys(a) as Array<keyof typeof a>).flatMap((key) =>
      key === 'options'
        ? Object.keys({ ...a.options, ...b.options }).filter(
            (k) => canonicalJson(a.options[k]) !== canonicalJson(b.options[k]),
          )
        : canonicalJson(a[key]) === canonicalJson(b[key])
          ? []
          : [key],
    );
    if (differing.length > 0)
      throw refuse(
        `${r.path} and ${first.path} ran with different settings (${differing.join(', ')}): shards of one run share every flag but --shard.`,
      );
    for (const [key, value] of Object.entries(r.summary.versions)) {
      const other = first.summary.versions[key];
      if (other !== undefined && other !== value && !MACHINE_VERSION_KEYS.includes(key))
        throw refuse(
          `${r.path} ran ${key} ${value}, ${first.path} ${key} ${other}: shards of one run measure the same versions.`,
        );
    }
  }
}

/** Every shard of 1..n exactly once: a shard given twice, or missing, is named. */
function refuseDuplicatesAndGaps(runs: readonly Sharded[]): void {
  const count = runs[0].shard.count;
  for (const [i, r] of runs.entries()) {
    const twin = runs.slice(0, i).find((o) => o.shard.index === r.shard.index);
    if (twin) throw refuse(`shard ${label(r.shard)} is given twice: ${twin.path} and ${r.path}.`);
  }
  const given = new Set(runs.map((r) => r.shard.index));
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !given.has(i));
  if (missing.length > 0)
    throw refuse(
      `shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} missing: a merged run has every shard of its matrix.`,
    );
  // Each shard's cells, as it ran them: exactly the matrix's, each once (the shards dealt them so: shard.ts).
  const ran = runs.flatMap((r) => (r.summary.options.cells ?? []).map(appCellName));
  const matrix = runs[0].shard.matrixCells.map(appCellName);
  if (ran.length !== new Set(ran).size || ran.length !== matrix.length || !matrix.every((name) => ran.includes(name)))
    throw refuse(
      `the shards' cells are not the matrix's, each once (a lab that dealt them otherwise?): ${ran.length} cells run for ${matrix.length} apps.`,
    );
}

/** The shard runs, checked (each a shard; one matrix, settings and versions; every shard once), in shard order. */
export function checkShards<R extends ShardRun>(runs: readonly R[]): Array<R & { shard: ShardOptions }> {
  if (runs.length === 0) throw refuse("Which runs? Give the shards' run directories.");
  const sharded = runs.map((r) => ({ ...r, shard: shardOf(r) }));
  refuseMismatches(sharded[0], sharded);
  refuseDuplicatesAndGaps(sharded);
  return [...sharded].sort((a, b) => a.shard.index - b.shard.index);
}

/** Per-variant records of every shard, in one object (the shards' variants are disjoint). */
function union<T>(parts: ReadonlyArray<Record<string, T>>): Record<string, T> {
  return Object.assign({}, ...parts) as Record<string, T>;
}

/** The versions of every shard; a machine's version that differed keeps every value seen, in shard order. */
function mergedVersions(runs: readonly Sharded[]): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const r of runs) {
    for (const [key, value] of Object.entries(r.summary.versions)) {
      const seen = versions[key]?.split(', ') ?? [];
      versions[key] = seen.includes(value) ? versions[key] : [...seen, value].join(', ');
    }
  }
  return versions;
}

/** Each LB's version and log counts over the shards that ran it. */
function mergedLbs(runs: readonly Sharded[]): Summary['lbs'] {
  const lbs: Summary['lbs'] = {};
  for (const r of runs) {
    for (const [lb, counts] of Object.entries(r.summary.lbs)) {
      const seen = lbs[lb];
      lbs[lb] = {
        version: seen?.version ?? counts.version,
        accessEntries: (seen?.accessEntries ?? 0) + counts.accessEntries,
        errorLines: (seen?.errorLines ?? 0) + counts.errorLines,
      };
    }
  }
  return lbs;
}

/** nginx's error-log counts summed over the shards; every shard's access-log mismatches. */
function mergedNginx(runs: readonly Sharded[]): Summary['nginx'] {
  const errorLog = { ...runs[0].summary.nginx.errorLog };
  for (const r of runs.slice(1)) {
    for (const key of Object.keys(errorLog) as Array<keyof typeof errorLog>)
      errorLog[key] += r.summary.nginx.errorLog[key];
  }
  return { errorLog, mismatches: runs.flatMap((r) => r.summary.nginx.mismatches) };
}

/**
 * The failure of the first shard (by index) that failed, named; null when none did. A shard interrupted is the merged
 * run's `interrupted`.
 */
function mergedFailure(runs: readonly Sharded[]): Summary['failure'] {
  const failed = runs.find((r) => r.summary.failure !== null);
  if (failed === undefined || failed.summary.failure === null) return null;
  return {
    phase: failed.summary.failure.phase,
    message: `shard ${label(failed.shard)}: ${failed.summary.failure.message}`,
  };
}

/**
 * The shards' summaries as one run's: its cells and variants the union of theirs, in the matrix's order (the order a
 * whole run lists them in); its counts their sums; its verdict, text and assertion by the rules a whole run's are
 * made by. The aim variant (and its race window, close delay) is the shard's whose aim comes first in the matrix.
 * Throws a LabError (exit 2) for shards that cannot be joined.
 */
export function mergeShardSummaries(shardRuns: readonly ShardRun[], runId: string): Summary {
  const runs = checkShards(shardRuns);
  const first = runs[0];
  const order = first.shard.matrixCells.map(appCellName);
  const position = (variant: string) => order.indexOf(variant);
  const variantsInOrder = (o: Record<string, unknown>) => Object.keys(o).sort((a, b) => position(a) - position(b));

  const allVariants = union(runs.map((r) => r.summary.variants));
  const names = variantsInOrder(allVariants);
  const variants = Object.fromEntries(names.map((n) => [n, allVariants[n]]));
  // A cell's variant is its app; the methods keep the order their shard wrote them in.
  const cells = runs
    .flatMap((r) => r.summary.cells)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => position(a.c.variant) - position(b.c.variant) || a.i - b.i)
    .map(({ c }) => c);
  const aimRun = [...runs].sort((a, b) => position(a.summary.aimVariant) - position(b.summary.aimVariant))[0];
  const aim = aimRun.summary.aimVariant;

  const complete = runs.every((r) => r.summary.complete);
  const interrupted = runs.some((r) => r.summary.interrupted);
  const failure = mergedFailure(runs);
  const mismatches = runs.flatMap((r) => r.summary.nginx.mismatches);
  const yourApp = null;
  const options: SummaryOptions = { ...first.summary.options, cells: [...first.shard.matrixCells], shard: null };
  const lbTimeoutMs = first.summary.scenario.lb.upstreamKeepaliveTimeoutMs;

  // By the rules a whole run's summary is judged by: one function, the same cells, the same words.
  const judged = judgeRun({
    kind: 'matrix',
    lbTimeoutMs,
    complete,
    interrupted,
    failure,
    aim,
    names,
    variants,
    mismatches,
    cells,
    yourApp,
    assert: options.assert,
    assertSafe: options.assertSafe,
  });
  const startedAt = runs.map((r) => r.summary.startedAt).sort()[0];
  const finishedAt = runs.map((r) => r.summary.finishedAt).sort()[runs.length - 1];
  const merged: Summary = {
    $schema: first.summary.$schema,
    schemaVersion: SCHEMA_VERSION,
    runId,
    startedAt,
    finishedAt,
    // The span from the first shard's start to the last one's end: the wall time of shards run side by side.
    wallTimeMs: Date.parse(finishedAt) - Date.parse(startedAt),
    complete,
    failure,
    interrupted,
    runtime: first.summary.runtime,
    mode: first.summary.mode,
    options,
    versions: mergedVersions(runs),
    scenario: {
      ...first.summary.scenario,
      kind: 'matrix',
      serverMode: [...new Set(names.map((n) => variants[n].serverMode))].join(','),
    },
    variants,
    cells,
    aimVariant: aim,
    raceWindow: aimRun.summary.raceWindow,
    schedule: {
      closeDelayMs: aimRun.summary.schedule.closeDelayMs,
      oneWayLatencyMs: union(runs.map((r) => r.summary.schedule.oneWayLatencyMs)),
      appClocks: union(runs.map((r) => r.summary.schedule.appClocks)),
      injectedAppClockOffsetMs: first.summary.schedule.injectedAppClockOffsetMs,
      // Each shard's cycles as it ran them (numbered per shard and lane): their per-variant counts name only its apps.
      cycles: runs.flatMap((r) => r.summary.schedule.cycles),
    },
    lbs: mergedLbs(runs),
    nginx: mergedNginx(runs),
    yourApp,
    ...judged,
  };
  const problems = validateSummary(merged);
  // Every part came from a valid summary: a merged one that is not valid is the merge's bug, not the user's.
  if (problems.length > 0) throw new Error(`the merged summary is not valid: ${problems.slice(0, 3).join('; ')}`);
  return merged;
}
