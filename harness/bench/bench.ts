// `npm run bench`: the talk-sized lab, --runs times, each with its A/B after
// the first 502; bench-<id>.json and .md rewritten after every run, so an
// interrupted or failed bench keeps what it measured.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { getPriority, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { readJsonLines } from '../model/json-lines.js';
import { runLab, type LabIo } from '../lab/lab.js';
import { injectedAppClockOffsetMs } from '../model/clock.js';
import { timestampId, writeRunFile } from '../records/writer.js';
import type { RequestRecord } from '../records/request-records.js';
import { benchResult, benchRun, type BenchResult, type BenchRun } from './metrics.js';
import { benchMarkdown } from './report.js';
import type { BenchOptions } from './options.js';
import { DEFAULT_OPTIONS, type LabOptions } from '../scenarios/run-options.js';

/**
 * A busy process never outlives the bench's runs × this many ms, whatever happens to the bench (it is also killed when
 * the bench exits).
 */
const CPU_LOAD_MAX_MS_PER_RUN = 15 * 60_000;

export interface BenchOutcome {
  result: BenchResult;
  jsonPath: string;
  mdPath: string;
  /** The error that stopped the bench early; null when every run was made. */
  error: unknown;
}

/** Busy processes, one core each, bounded in time; stopped with the bench. */
function startCpuLoad(processes: number, maxMs: number): ChildProcess[] {
  return Array.from({ length: processes }, () =>
    spawn(process.execPath, ['-e', `const end = Date.now() + ${maxMs}; while (Date.now() < end) {}`], {
      stdio: 'ignore',
    }),
  );
}

function readRunFiles(runDir: string): { records: RequestRecord[]; errorLog: string } {
  const text = (file: string) => {
    try {
      return readFileSync(join(runDir, file), 'utf8');
    } catch {
      return '';
    }
  };
  return { records: readJsonLines(text('requests.ndjson')) as RequestRecord[], errorLog: text('nginx-error.log') };
}

function describeRun(r: BenchRun, of: number): string {
  const first =
    r.timeToFirst502Ms === null
      ? 'no 502'
      : `first 502 after ${(r.timeToFirst502Ms / 1000).toFixed(1)} s (aimed cycle ${r.firstHitCycle})`;
  const { aimed, naive } = r.ab;
  return `bench run ${r.run}/${of}: ${first}; A/B aimed ${aimed.count502}/${aimed.requests}, naive ${naive.count502}/${naive.requests}; cross-checks ${r.checks.harnessEqualsAccessLog && r.checks.raceLinesCoverFailures ? 'agree' : 'DISAGREE'}`;
}

/**
 * Each bench run is a talk-sized lab run that stops at its first 502 (one
 * cycle, cycling on to the lab's bound without one) and then sends its A/B pairs.
 */
export function benchLabOptions(options: Pick<BenchOptions, 'runtime' | 'resultsDir' | 'pairs'>): LabOptions {
  return {
    ...DEFAULT_OPTIONS,
    cycles: 1,
    runtime: options.runtime,
    resultsDir: options.resultsDir,
    naivePairs: options.pairs,
  };
}

export async function runBench(options: BenchOptions, io: LabIo): Promise<BenchOutcome> {
  const startedAt = new Date();
  // Other work on the machine moves the figures as much as --cpu-load does: the bench keeps the load it ran under.
  const loadAtStart = loadavg().map((l) => Math.round(l * 100) / 100);
  const benchId = timestampId(startedAt);
  const resultsDir = resolve(options.resultsDir);
  const labOptions = benchLabOptions(options);
  const runs: BenchRun[] = [];
  let versions: Record<string, string> = {};
  let runtime: string = options.runtime;
  const jsonPath = join(resultsDir, `bench-${benchId}.json`);
  const mdPath = join(resultsDir, `bench-${benchId}.md`);
  const write = (): BenchResult => {
    const result = benchResult(
      {
        benchId,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        runtime,
        cpuLoad: options.cpuLoad,
        loadAverage: { start: loadAtStart, end: loadavg().map((l) => Math.round(l * 100) / 100) },
        // This thread sent every run's requests (fireAt): its nice is theirs. Linux: the calling thread's.
        sendingNice: runs.length > 0 ? getPriority() : null,
        injectedAppClockOffsetMs: injectedAppClockOffsetMs(),
        versions,
      },
      runs,
    );
    writeRunFile(resultsDir, `bench-${benchId}.json`, `${JSON.stringify(result, null, 2)}\n`);
    writeRunFile(resultsDir, `bench-${benchId}.md`, benchMarkdown(result));
    return result;
  };

  const load = startCpuLoad(options.cpuLoad, CPU_LOAD_MAX_MS_PER_RUN * options.runs);
  // A forced exit (a second Ctrl-C) skips the finally below.
  const killLoad = () => load.forEach((p) => p.kill('SIGKILL'));
  process.once('exit', killLoad);
  if (load.length > 0) io.progress(`bench: ${load.length} busy process(es) beside the lab`);
  let error: unknown = null;
  try {
    for (let i = 1; i <= options.runs && !io.signal.aborted; i++) {
      io.progress(`bench run ${i}/${options.runs}`);
      const { summary, runDir } = await runLab(labOptions, {
        progress: (l) => io.progress(`  ${l}`),
        signal: io.signal,
      });
      const files = readRunFiles(runDir);
      const run = benchRun(i, runDir, summary, files.records, files.errorLog);
      runs.push(run);
      versions = summary.versions;
      runtime = summary.runtime;
      write();
      io.progress(describeRun(run, options.runs));
    }
  } catch (err) {
    error = err;
  } finally {
    killLoad();
    process.removeListener('exit', killLoad);
  }
  return { result: write(), jsonPath, mdPath, error };
}
