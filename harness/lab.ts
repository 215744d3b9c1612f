// One run of the lab, phase by phase: preflight, bring up, probe, traffic,
// collect, results, tear down. Whatever happens (an error, a component dying
// mid-run, an interrupt), what was measured is written, summary.json says
// whether the run completed, and the same teardown runs once.
import { monoMs } from './clock.js';
import { withDeadline } from './deadline.js';
import { socketClosedRecords } from './analysis/app-records.js';
import { parseAccessLog } from './analysis/nginx-log.js';
import { buildSummary } from './analysis/summarize.js';
import { interrupted, LabError } from './errors.js';
import { EXIT } from './exit-codes.js';
import type { LabOptions } from './options.js';
import { checkPorts, resolveRuntime } from './preflight.js';
import { probeIdleClose, type IdleCloseProbe } from './probe.js';
import type { SocketClosedRecord } from './protocol.js';
import { reportMarkdown } from './report.js';
import type { LabPhase, Summary } from './results/schema.js';
import { createRunDir, newRunId, toNdjson, writeRunFile } from './results/writer.js';
import { createStack, LB_CONFIG_FILE } from './runtime/create-stack.js';
import { keepNeedsDocker } from './runtime/local-stack.js';
import type { LogStreams, Runtime, Stack } from './runtime/stack.js';
import { defaultScenario, NODE_DEFAULT_KEEP_ALIVE_TIMEOUT_MS, perVariant, type Scenario, type VariantName } from './scenarios.js';
import { AppMonitor } from './traffic/app-monitor.js';
import { TrafficEngine, type TrafficResult } from './traffic/engine.js';
import { liveTrafficIo } from './traffic/traffic-io.js';

/** A cold Docker build (npm ci + next build in the image) takes about a minute here; 4 leaves room for a slow laptop. */
const READY_TIMEOUT_MS = 240_000;
/** Node (20–26) closes idle sockets about a second after keepAliveTimeout; only used to bound the probe. */
const NODE_CLOSE_BUFFER_MS = 1_000;
/** After the LB's graceful stop, time for the apps to print the closes it caused. */
const CLOSE_RECORDS_SETTLE_MS = 300;
/** A failed run reads what it can before teardown, but never waits long on a runtime that is gone. */
const SALVAGE_TIMEOUT_MS = 15_000;

/** Compose and docker build talk a lot; these lines are enough to show progress (v1 and v2 wording). */
function showBuildLine(line: string): boolean {
  return /^(Step \d+\/\d+ : (FROM|RUN)|Building |Creating |Recreating |Successfully built)|\bRUN\b|Container .* (Started|Healthy|Created)/.test(line.trim());
}

export interface LabIo {
  progress: (line: string) => void;
  signal: AbortSignal;
}

export interface LabOutcome {
  summary: Summary;
  runDir: string;
}

/** What a test may swap: the scenario (compressed timeouts) and how the stack is made (injected faults). */
export interface LabOverrides {
  scenario?: Scenario;
  createStack?: typeof createStack;
}

/** Everything one run knows, filled in phase by phase; a failed run's summary is built from what is here. */
interface Run {
  readonly options: LabOptions;
  readonly io: LabIo;
  readonly scenario: Scenario;
  readonly runtime: Runtime;
  readonly runId: string;
  readonly dir: string;
  readonly startedAt: Date;
  readonly runStartMonoMs: number;
  phase: LabPhase;
  versions: Record<string, string>;
  readonly monitors: Map<VariantName, AppMonitor>;
  probes: Partial<Record<VariantName, IdleCloseProbe>>;
  engine: TrafficEngine | null;
  trafficEndMonoMs: number | null;
  /** Set once the results are written: only a finished run may be kept up (--keep). */
  finished: boolean;
}

/** How long to watch an idle socket: past the earliest expected close, well short of the LB's. */
function probeWatchMs(scenario: Scenario): number {
  const expected = Math.min(
    ...scenario.variants.map((v) => (v.keepAliveTimeoutMs ?? NODE_DEFAULT_KEEP_ALIVE_TIMEOUT_MS) + NODE_CLOSE_BUFFER_MS),
  );
  return Math.min(scenario.lb.upstreamKeepaliveTimeoutMs - 1_000, Math.max(3_000, Math.round(expected * 1.5)));
}

export async function runLab(options: LabOptions, io: LabIo, overrides: LabOverrides = {}): Promise<LabOutcome> {
  const run = await preflight(options, io, overrides.scenario);
  const say = io.progress;
  const stack = (overrides.createStack ?? createStack)(run.runtime, {
    scenario: run.scenario,
    runDir: run.dir,
    onProgress: (l) => showBuildLine(l) && say(`  ${l.trim()}`),
    signal: io.signal,
  });
  try {
    run.phase = 'bring-up';
    writeRunFile(run.dir, LB_CONFIG_FILE, stack.lbConfig);
    await bringUp(run, stack);
    run.phase = 'probe';
    run.probes = await probePhase(run, stack);
    run.phase = 'traffic';
    const traffic = await trafficPhase(run, stack);
    run.phase = 'collect';
    const collected = await collectPhase(run, stack);
    run.phase = 'results';
    const summary = summarize(run, traffic, collected, null);
    writeSummary(run, summary, traffic);
    run.finished = true;
    return { summary, runDir: run.dir };
  } catch (err) {
    await saveIncomplete(run, stack, err);
    throw err;
  } finally {
    await teardown(run, stack);
  }
}

/** Phase 1: a runtime to run on, its ports free, a results directory to write to. */
async function preflight(options: LabOptions, io: LabIo, scenarioOverride?: Scenario): Promise<Run> {
  const startedAt = new Date();
  const runStartMonoMs = monoMs();
  const scenario = scenarioOverride ?? defaultScenario({ retryPolicy: options.retryPolicy, serverMode: options.serverMode });
  io.progress(`preflight: runtime ${options.runtime}`);
  const runtime = await resolveRuntime(options.runtime);
  if (options.keep && runtime === 'local') {
    throw keepNeedsDocker();
  }
  await checkPorts(scenario, runtime);
  const { dir, runId } = createRunDir(options.resultsDir, newRunId(runtime, startedAt));
  io.progress(`run ${runId} on ${runtime}; results in ${dir}`);
  return {
    options,
    io,
    scenario,
    runtime,
    runId,
    dir,
    startedAt,
    runStartMonoMs,
    phase: 'preflight',
    versions: { harnessNode: process.versions.node },
    monitors: new Map(),
    probes: {},
    engine: null,
    trafficEndMonoMs: null,
    finished: false,
  };
}

/** Phase 2: build and start the stack, wait until healthy, follow the apps' accounting from here on. */
async function bringUp(run: Run, stack: Stack): Promise<void> {
  const { io } = run;
  io.progress(run.runtime === 'docker' ? 'bringing up the stack (compose build + up)' : 'bringing up nginx and the app locally');
  await stack.up();
  await stack.ready(READY_TIMEOUT_MS, io.signal);
  io.progress('stack healthy');
  if (io.signal.aborted) throw interrupted('bringing up the stack');
  run.versions = { ...(await stack.versions()), harnessNode: process.versions.node };
  for (const v of run.scenario.variants) {
    const monitor = new AppMonitor(v);
    await monitor.start(stack);
    run.monitors.set(v.name, monitor);
  }
}

/** Phase 3: how long each app really keeps an idle socket, straight at it (no LB). */
async function probePhase(run: Run, stack: Stack): Promise<Record<VariantName, IdleCloseProbe>> {
  const { scenario, io } = run;
  const say = io.progress;
  const watchMs = probeWatchMs(scenario);
  say(`probing idle close straight at each app (watching up to ${(watchMs / 1000).toFixed(1)} s)`);
  const results = await Promise.all(
    scenario.variants.map(async (v) => {
      try {
        return await probeIdleClose(stack.appPort(v), { maxWaitMs: watchMs });
      } catch (err) {
        throw new LabError(`The idle-close probe of ${v.name} on 127.0.0.1:${stack.appPort(v)} failed: ${(err as Error).message}.`, `Is the app up? See app-${v.name}.log in the results.`);
      }
    }),
  );
  const probes = perVariant(scenario.variants, (v) => results[scenario.variants.indexOf(v)]);
  // The story in two lines per variant, before the traffic shows it.
  const lbIdleS = scenario.lb.upstreamKeepaliveTimeoutMs / 1000;
  for (const v of scenario.variants) {
    const p = probes[v.name];
    say(
      p.idleCloseMs === null
        ? `  ${v.name}: still open after ${(p.watchedMs / 1000).toFixed(1)} s (advertises ${p.advertisedKeepAlive}): the LB keeps idle connections ${lbIdleS} s and this app longer, so the LB always closes first`
        : `  ${v.name}: the app closed the idle socket after ${(p.idleCloseMs / 1000).toFixed(3)} s (advertises ${p.advertisedKeepAlive}): the LB keeps idle connections ${lbIdleS} s, so a request sent on one as it closes gets a 502`,
    );
  }
  if (io.signal.aborted) throw interrupted('probing');
  return probes;
}

/** Phase 4: idle-gap traffic through the LB, every variant at once; a dead component ends it. */
async function trafficPhase(run: Run, stack: Stack): Promise<TrafficResult> {
  const { options, io, scenario } = run;
  io.progress(`traffic: bursts of ${options.concurrency} (${options.methods.join('+')}) through the LB, idle gaps aimed at the app's close`);
  run.engine = new TrafficEngine({
    scenario,
    options,
    probedCloseMs: perVariant(scenario.variants, (v) => run.probes[v.name]?.idleCloseMs ?? null),
    apps: run.monitors,
    io: liveTrafficIo(),
    signal: io.signal,
    progress: (l) => io.progress(`  ${l}`),
    checkStillRunning: () => stack.checkRunning(),
  });
  const traffic = await run.engine.run();
  run.trafficEndMonoMs = monoMs();
  return traffic;
}

interface Collected {
  lbLogs: LogStreams;
  appCloses: Partial<Record<VariantName, SocketClosedRecord[]>>;
}

/**
 * Phase 5: stop the LB gracefully (it then closes its idle upstream sockets,
 * which the apps record), read every log and save it.
 */
async function collectPhase(run: Run, stack: Stack): Promise<Collected> {
  run.io.progress('collecting: stopping the LB gracefully, reading logs');
  await stack.stopLb();
  await new Promise((r) => setTimeout(r, CLOSE_RECORDS_SETTLE_MS));
  return readLogs(run, stack);
}

/** Reads and saves the LB's and every app's logs. */
async function readLogs(run: Run, stack: Stack): Promise<Collected> {
  const lbLogs = await stack.lbLogs();
  writeRunFile(run.dir, 'nginx-access.log', lbLogs.stdout);
  writeRunFile(run.dir, 'nginx-error.log', lbLogs.stderr);
  const appCloses: Collected['appCloses'] = {};
  for (const v of run.scenario.variants) {
    const logs = await stack.appLogs(v);
    writeRunFile(run.dir, `app-${v.name}.log`, logs.stdout + (logs.stderr ? `\n--- stderr ---\n${logs.stderr}` : ''));
    appCloses[v.name] = socketClosedRecords(logs.stdout);
  }
  return { lbLogs, appCloses };
}

function summarize(run: Run, traffic: TrafficResult | null, collected: Collected | null, failure: Summary['failure']): Summary {
  return buildSummary({
    runId: run.runId,
    startedAt: run.startedAt,
    finishedAt: new Date(),
    interrupted: run.io.signal.aborted,
    failure,
    runtime: run.runtime,
    runStartMonoMs: run.runStartMonoMs,
    trafficEndMonoMs: run.trafficEndMonoMs ?? monoMs(),
    options: run.options,
    versions: run.versions,
    scenario: run.scenario,
    probes: run.probes,
    traffic,
    appCloses: collected?.appCloses ?? {},
    accessLog: collected ? parseAccessLog(collected.lbLogs.stdout) : null,
    errorLogText: collected?.lbLogs.stderr ?? '',
  });
}

/**
 * Phase 6: requests.ndjson, report.md and summary.json, each written atomically.
 * A complete summary.json is written last, so it never stands beside a missing
 * file; an incomplete one first, so a nearly full disk still gets it.
 */
function writeSummary(run: Run, summary: Summary, traffic: TrafficResult | null): void {
  const writeSummaryFile = () => writeRunFile(run.dir, 'summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  if (!summary.complete) writeSummaryFile();
  writeRunFile(run.dir, 'requests.ndjson', toNdjson(traffic?.records ?? []));
  writeRunFile(run.dir, 'report.md', reportMarkdown(summary));
  if (summary.complete) writeSummaryFile();
}

/**
 * A run that failed keeps what it measured: the logs it can still read, the
 * requests sent, and a summary.json marked incomplete with the phase and the
 * reason. Each step is best effort; none may hide the original error.
 */
async function saveIncomplete(run: Run, stack: Stack, err: unknown): Promise<void> {
  const say = run.io.progress;
  const bestEffort = async <T>(what: string, work: () => Promise<T> | T, quiet = false): Promise<T | null> => {
    try {
      return await work();
    } catch (stepErr) {
      if (!quiet) say(`could not ${what} after the failure: ${(stepErr as Error).message.split('\n')[0]}`);
      return null;
    }
  };
  const fullMessage = err instanceof Error ? err.message : String(err);
  // An interrupt is not a failure (summary.interrupted says it), wherever it struck.
  const wasInterrupted = run.io.signal.aborted || (err instanceof LabError && err.exitCode === EXIT.interrupted);
  const failure = wasInterrupted ? null : { phase: run.phase, message: fullMessage.split('\n')[0] };
  await bestEffort('write error.txt', () => writeRunFile(run.dir, 'error.txt', `${fullMessage}\n`));
  // Before the stack is up there may be no logs to read: that is no news.
  // Bounded: a runtime that stopped answering must not hold up the report of why.
  const collected = await bestEffort('read the logs', () => withDeadline(readLogs(run, stack), SALVAGE_TIMEOUT_MS, 'the runtime'), run.phase === 'bring-up');
  const traffic = run.engine?.result() ?? null;
  const written = await bestEffort('write the partial results', () => writeSummary(run, summarize(run, traffic, collected, failure), traffic));
  if (written !== null) say(`partial results written (summary.json marked incomplete) in ${run.dir}`);
}

/**
 * Tears down once; --keep leaves a finished run's stack up instead (a failed or
 * interrupted one always goes). A failed teardown is reported, never hides the run's outcome.
 */
async function teardown(run: Run, stack: Stack): Promise<void> {
  const say = run.io.progress;
  for (const m of run.monitors.values()) m.stop();
  try {
    if (run.options.keep && run.finished && !run.io.signal.aborted) {
      const stopWith = await stack.keep();
      say(`kept running (--keep): LB on ${run.scenario.variants.map((v) => stack.lbUrl(v)).join(', ')}; stop it with: ${stopWith}`);
      return;
    }
    say('tearing down');
    await stack.down();
  } catch (err) {
    say(`teardown failed: ${(err as Error).message.split('\n')[0]} (the next run's preflight will find what is left)`);
  }
}
