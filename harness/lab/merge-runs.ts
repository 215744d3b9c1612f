// `npm run merge`: the run directories of a matrix's shards (--shard i/n)
// joined into one new run directory that report and compare read as any
// run's: summary.json merged (results/merge.ts), requests.ndjson and the logs
// joined, report.md and report.html drawn from them. The shards' directories
// are only read; whatever the merged run does not join (each shard's LB
// configs, Compose file, its own summary and report) is copied, byte for
// byte, under shards/<i>-of-<n>/, so nothing of a shard is lost.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LabError } from '../model/errors.js';
import { EXIT } from '../model/exit-codes.js';
import { createRunDir, timestampId, writeRunFile } from '../records/writer.js';
import { checkShards, mergeShardSummaries, type ShardRun } from '../results/merge.js';
import { schemaRefFrom, type Summary } from '../results/schema.js';
import { readRunSummary, runPathsOf, variantsForLogs } from '../report/html/run-files.js';
import { writeReport } from '../report/html/build.js';
import { reportMarkdown } from '../report/markdown.js';

/**
 * The LB logs joined: nginx's and HAProxy's access logs name each request's variant, the error logs are counted
 * whole; Caddy's access log names it by the LB port, which is the variant's place in the run (caddyLinesForMerged).
 */
const JOINABLE_LB_LOGS = [
  'nginx-access.log',
  'nginx-error.log',
  'haproxy-access.log',
  'haproxy-error.log',
  'caddy-access.log',
  'caddy-error.log',
];

/** The Host of a Caddy access-log line, as the lab sends it (127.0.0.1:<LB port>), and the port. */
const CADDY_HOST = /("host":"127\.0\.0\.1:)(\d+)"/;

/**
 * A shard's Caddy access log as the merged run's: each line's LB port (which names its variant: run-files.ts
 * variantsForLogs) moved from the variant's place in the shard to its place in the merged run; only that number
 * changes, every other byte of the line is kept. A line whose port names no variant of the shard stays as it was.
 */
function caddyLinesForMerged(text: string, shard: Summary, merged: Summary): string {
  const nameOfPort = new Map(variantsForLogs(shard).map((v) => [v.lbPort, v.name]));
  const portOfName = new Map(variantsForLogs(merged).map((v) => [v.name, v.lbPort]));
  return text.replace(new RegExp(CADDY_HOST.source, 'g'), (whole, prefix: string, port: string) => {
    const name = nameOfPort.get(Number(port));
    const moved = name === undefined ? undefined : portOfName.get(name);
    return moved === undefined ? whole : `${prefix}${moved}"`;
  });
}

/** A shard's files the merged run joins at its top; every other one (its summary too) is kept under shards/. */
const MERGED_AT_TOP = (name: string) =>
  name === 'requests.ndjson' || /^app-.+\.log$/.test(name) || JOINABLE_LB_LOGS.includes(name);

/** A shard's run directory read: its summary (as the current version) and the version it was written in. */
function readShard(path: string): ShardRun & { dir: string } {
  const { dir, summaryPath } = runPathsOf(path);
  if (!statSync(path).isDirectory())
    throw new LabError(
      `${path} is a file: give each shard's run directory (its logs are merged too).`,
      undefined,
      EXIT.badInput,
    );
  const summary = readRunSummary(dir);
  const writtenSchemaVersion = (JSON.parse(readFileSync(summaryPath, 'utf8')) as { schemaVersion: number })
    .schemaVersion;
  return { path, dir, summary, writtenSchemaVersion };
}

/** A text file's content, ending with a newline unless empty, or '' when the file is missing. */
function textOf(path: string): string {
  if (!existsSync(path)) return '';
  const text = readFileSync(path, 'utf8');
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** What merging wrote, for the command to print. */
export interface MergedRun {
  dir: string;
  summary: Summary;
}

/**
 * Merges the shards' run directories into a new run directory under `resultsDir`. Every check first (results/merge.ts:
 * exit 2 for shards that cannot be joined), so a refusal writes nothing; then the files, summary.json last of the
 * run's own (as the lab writes a complete one), then report.html, best effort like the lab's.
 */
export function mergeRuns(
  paths: readonly string[],
  resultsDir: string,
  progress: (line: string) => void,
  now = new Date(),
): MergedRun {
  const shards = paths.map(readShard);
  for (const s of shards) {
    const shard = s.summary.options.shard;
    progress(
      `read ${s.path}: ${shard === null ? 'no shard' : `shard ${shard.index}/${shard.count}`}, ${s.summary.cells.length} cells, ${s.summary.verdict.word}`,
    );
  }
  const ordered = checkShards(shards);
  const first = ordered[0].summary;
  const run = createRunDir(resultsDir, `${timestampId(now)}-${first.runtime}-merged`);
  const summary = mergeShardSummaries(shards, run.runId);
  progress(`merging ${ordered.length} shards into ${run.dir}`);

  // requests.ndjson and the LB logs that name their variants: the shards' lines one after another, in shard order.
  for (const name of ['requests.ndjson', ...JOINABLE_LB_LOGS]) {
    const parts = ordered.map((s) => {
      const text = textOf(join(s.dir, name));
      return name === 'caddy-access.log' ? caddyLinesForMerged(text, s.summary, summary) : text;
    });
    if (parts.some((p) => p !== '') || name === 'requests.ndjson') writeRunFile(run.dir, name, parts.join(''));
  }
  for (const s of ordered) {
    const part = `${s.shard.index}-of-${s.shard.count}`;
    const sub = join(run.dir, 'shards', part);
    mkdirSync(sub, { recursive: true });
    let kept = 0;
    for (const name of readdirSync(s.dir)) {
      const from = join(s.dir, name);
      if (!statSync(from).isFile()) continue;
      // Each app ran in one shard: its log keeps its name at the top, where the report looks for it.
      if (/^app-.+\.log$/.test(name)) copyFileSync(from, join(run.dir, name));
      if (MERGED_AT_TOP(name)) continue;
      copyFileSync(from, join(sub, name));
      kept++;
    }
    progress(
      `shard ${s.shard.index}/${s.shard.count}: ${kept} file${kept === 1 ? '' : 's'} kept as they were under shards/${part}/`,
    );
  }
  writeRunFile(run.dir, 'report.md', reportMarkdown(summary));
  writeRunFile(
    run.dir,
    'summary.json',
    `${JSON.stringify({ ...summary, $schema: schemaRefFrom(run.dir) }, null, 2)}\n`,
  );
  try {
    writeReport(run.dir);
  } catch (err) {
    progress(`could not draw report.html: ${(err as Error).message} (npm run report -- ${run.dir} tries again)`);
  }
  return { dir: run.dir, summary };
}
