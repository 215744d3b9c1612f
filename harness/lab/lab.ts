// One run of the lab, phase by phase: preflight, bring up, probe, traffic,
// collect, results, tear down. Whatever happens (an error, a component dying
// mid-run, an interrupt), what was measured is written, summary.json says
// whether the run completed, and the same teardown runs once.
import { lbFixOf } from '../scenarios/lb-fixes.js';
import { basename, dirname, resolve } from 'node:path';
import { injectedAppClockOffsetMs, monoMs } from '../model/clock.js';
import { APP_CLOCK_OFFSET_ENV, type ResponseFinished, type SocketClosedRecord } from '../model/protocol.js';
import { withDeadline } from '../model/deadline.js';
import {
  preloadReadyNode,
  responseEnds,
  responseFinishedRecords,
  socketClosedRecords,
} from '../records/app-records.js';
import type { AccessLogEntry } from '../lb/access-log.js';
import { buildSummary, type SummaryInput } from '../analysis/summarize.js';
import { interrupted, LabError, messageOf, firstLineOf } from '../model/errors.js';
import { doneEventOf, LabEventSink, type LabEventListener } from '../live/lab-events.js';
import { EXIT } from '../model/exit-codes.js';
import { checkPorts, resolveRuntime } from '../runtime/preflight.js';
import { PROBE_SOCKETS, probeIdleCloses, probesSignal, type IdleCloseProbe } from '../traffic/probe.js';
import { reportMarkdown } from '../report/markdown.js';
import { writeReport } from '../report/html/build.js';
import type { LabPhase, Summary } from '../results/schema.js';
import { schemaRefFrom } from '../results/schema-files.js';
import { createRunDir, newRunId, toNdjson, writeRunFile } from '../records/writer.js';
import { createStack } from '../runtime/create-stack.js';
import { keepNeedsDocker } from '../runtime/local-stack.js';
import type { LogStreams, Stack } from '../runtime/stack.js';
import { lbsOf } from '../lb/drivers.js';
import { matrixScenario } from '../scenarios/matrix.js';
import {
  classicVariants,
  defaultScenario,
  LB,
  NODE_DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
  NODE_LINES,
  perVariant,
  type LbName,
  type Scenario,
  type Variant,
  type VariantName,
} from '../scenarios/scenarios.js';
import {
  CYCLE_OVERHEAD_MS,
  longLaneMs,
  runsPooled,
  SHORT_LANE_MARGIN_MS,
  type TrafficResult,
} from '../traffic/engine.js';
import { AppMonitor } from '../traffic/app-monitor.js';
import { LaneSet, splitLanes } from '../traffic/lanes.js';
import { liveTrafficIo } from '../traffic/traffic-io.js';
import { imagesToFind, yourAppScenario } from './your-app-scenario.js';
import { ensureImages, identify, type ImageIdentity } from '../runtime/app-image.js';
import { CLIENT_SIDE_LIMIT } from '../analysis/your-app-verdict.js';
import type { LabOptions, Runtime } from '../scenarios/run-options.js';

/**
 * How long a started stack may take to report healthy (what it runs was built before, in up()); generous, for a slow
 * laptop's first start. A user's app has its own bound (--app-start-timeout).
 */
const READY_TIMEOUT_MS = 240_000;
/** Node (20–26) closes idle sockets about a second after keepAliveTimeout; only used to bound the probe. */
const NODE_CLOSE_BUFFER_MS = 1_000;
/** After the LB's graceful stop, time for the apps to print the closes it caused. */
const CLOSE_RECORDS_SETTLE_MS = 300;
/** A failed run reads what it can before teardown, but never waits long on a runtime that is gone. */
const SALVAGE_TIMEOUT_MS = 15_000;

/** Compose and docker build talk a lot; these lines are enough to show progress (v1 and v2 wording). */
function showBuildLine(line: string): boolean {
  return /^(Step \d+\/\d+ : (FROM|RUN)|Building |Creating |Recreating |Successfully built)|\bRUN\b|Container .* (Started|Healthy|Created)/.test(
    line.trim(),
  );
}

export interface LabIo {
  progress: (line: string) => void;
  signal: AbortSignal;
  /**
   * Typed events beside the progress lines (live/lab-events.ts), for the live page; a listener that throws is dropped,
   * the run goes on.
   */
  onEvent?: LabEventListener;
}

export interface LabOutcome {
  summary: Summary;
  runDir: string;
  /** --out could not be written (the run's own files were): the CLI says so and exits 1 after the results. */
  outError: LabError | null;
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
  readonly events: LabEventSink;
  readonly scenario: Scenario;
  readonly runtime: Runtime;
  readonly runId: string;
  readonly dir: string;
  readonly startedAt: Date;
  readonly runStartMonoMs: number;
  /** The test-only shift of the apps' clocks (LAB_APP_CLOCK_OFFSET_MS); 0 in real runs. */
  readonly injectedAppClockOffsetMs: number;
  phase: LabPhase;
  versions: Record<string, string>;
  readonly monitors: Map<VariantName, AppMonitor>;
  probes: Partial<Record<VariantName, IdleCloseProbe>>;
  lanes: LaneSet | null;
  trafficStartMonoMs: number | null;
  trafficEndMonoMs: number | null;
  /** Set once the results are written: only a finished run may be kept up (--keep). */
  finished: boolean;
  /**
   * A user's apps: their images and whether the preload loaded in each (found once they serve); null for the sample
   * app.
   */
  yourApp: SummaryInput['yourApp'];
}

/** A probe watching longer than this says every so often that it still watches. */
const PROBE_PROGRESS_EVERY_MS = 30_000;
/** In a matrix, apps expected to close near or after the LB are watched this long past the later of the two. */
const PROBE_PAST_EXPECTED_MS = 3_000;

/** The idle close Node should show for a variant: keepAliveTimeout plus its buffer. */
const expectedCloseMs = (v: Variant) =>
  (v.keepAliveTimeoutMs ?? NODE_DEFAULT_KEEP_ALIVE_TIMEOUT_MS) + NODE_CLOSE_BUFFER_MS;

/**
 * How long to watch a variant's idle socket. The talk-sized run: past the
 * earliest expected close, well short of the LB's (the fix is shown open at
 * that point). A matrix measures every app's close: the ones expected near or
 * after the LB's are watched until past it.
 */
function probeWatchMs(scenario: Scenario, v: Variant): number {
  const lbMs = scenario.lb.upstreamKeepaliveTimeoutMs;
  const early = (ms: number) => Math.min(lbMs - 1_000, Math.max(3_000, Math.round(ms * 1.5)));
  // Nothing is known of a user's app until it is measured: watched until past the LB's timeout (it returns at the app's
  // close).
  if (v.app) return lbMs + PROBE_PAST_EXPECTED_MS;
  if (scenario.kind === 'classic') return early(Math.min(...scenario.variants.map(expectedCloseMs)));
  return expectedCloseMs(v) < lbMs - SHORT_LANE_MARGIN_MS
    ? early(expectedCloseMs(v))
    : Math.max(lbMs, expectedCloseMs(v)) + PROBE_PAST_EXPECTED_MS;
}

export async function runLab(options: LabOptions, io: LabIo, overrides: LabOverrides = {}): Promise<LabOutcome> {
  const events = new LabEventSink(io.onEvent, io.progress);
  events.emit({ type: 'phase', phase: 'preflight' });
  const run = await preflight(options, io, events, overrides.scenario).catch((err: unknown) => {
    emitFailed(events, 'preflight', err, io.signal);
    throw err;
  });
  // Null until made: a stack that cannot even be made still leaves a summary, and a teardown that knows it.
  let stack: Stack | null = null;
  try {
    enterPhase(run, 'bring-up');
    stack = makeStack(run, overrides.createStack ?? createStack);
    return await runPhases(run, stack);
  } catch (err) {
    await saveIncomplete(run, stack, err);
    emitFailed(run.events, run.phase, err, io.signal);
    throw err;
  } finally {
    await teardown(run, stack);
  }
}

/** The run's stack, for its runtime; its build and start lines shown as progress (only those that say something). */
function makeStack(run: Run, create: typeof createStack): Stack {
  const say = run.io.progress;
  return create(run.runtime, {
    scenario: run.scenario,
    runDir: run.dir,
    onProgress: (l) => showBuildLine(l) && say(`  ${l.trim()}`),
    signal: run.io.signal,
  });
}

/** Phases 2–6 on a stack made for the run: what a complete run does, in order. */
async function runPhases(run: Run, stack: Stack): Promise<LabOutcome> {
  for (const config of stack.lbConfigs) writeRunFile(run.dir, config.file, config.text);
  await bringUp(run, stack);
  enterPhase(run, 'probe');
  run.probes = await probePhase(run, stack);
  enterPhase(run, 'traffic');
  const traffic = await trafficPhase(run, stack);
  enterPhase(run, 'collect');
  const collected = await collectPhase(run, stack);
  enterPhase(run, 'results');
  return resultsPhase(run, traffic, collected);
}

/** Phase 6: the summary, written with the run's files (and --out's copy); the run is finished. */
function resultsPhase(run: Run, traffic: TrafficResult, collected: Collected): LabOutcome {
  const summary = summarize(run, traffic, collected, null);
  writeSummary(run, summary, traffic);
  const outError = writeOutCopy(run, summary);
  run.finished = true;
  run.events.emit(doneEventOf(summary, run.dir));
  return { summary, runDir: run.dir, outError };
}

/** The run moves on to its next phase, and says so to event listeners. */
function enterPhase(run: Run, phase: LabPhase): void {
  run.phase = phase;
  run.events.emit({ type: 'phase', phase });
}

/** The run was interrupted (Ctrl-C), whatever the error says: the signal fired, or the error is the interrupt's. */
function wasInterrupted(err: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (err instanceof LabError && err.exitCode === EXIT.interrupted);
}

/** Listeners hear that the run ended early, where, and whether it was an interrupt (not a failure). */
function emitFailed(events: LabEventSink, phase: LabPhase, err: unknown, signal: AbortSignal): void {
  events.emit({ type: 'failed', phase, message: firstLineOf(err), interrupted: wasInterrupted(err, signal) });
}

/** Phase 1: a runtime to run on, its ports free, a results directory to write to. */
async function preflight(
  options: LabOptions,
  io: LabIo,
  events: LabEventSink,
  scenarioOverride?: Scenario,
): Promise<Run> {
  const startedAt = new Date();
  const runStartMonoMs = monoMs();
  const scenario = scenarioOverride ?? scenarioOf(options);
  io.progress(`preflight: runtime ${options.runtime}`);
  const appClockShiftMs = injectedAppClockOffsetMs();
  if (appClockShiftMs !== 0)
    io.progress(
      `preflight: the apps' clocks are shifted by ${appClockShiftMs} ms (${APP_CLOCK_OFFSET_ENV}, a test setting)`,
    );
  const runtime = await resolveRuntime(options.runtime, scenario);
  if (options.app !== null) await findAppImages(scenario, runtime, io);
  if (options.keep && runtime === 'local') {
    throw keepNeedsDocker();
  }
  if (runtime === 'local' && scenario.kind === 'matrix') refuseOtherNodeLines(scenario);
  await checkPorts(scenario, runtime);
  const { dir, runId } = createRunDir(options.resultsDir, newRunId(runtime, startedAt));
  io.progress(`run ${runId} on ${runtime}; results in ${dir}`);
  if (options.shard !== null)
    io.progress(
      `shard ${options.shard.index}/${options.shard.count}: ${options.cells?.length ?? 0} of the matrix's ${options.shard.matrixCells.length} apps (npm run merge joins the shards' run directories)`,
    );
  events.emit({
    type: 'run',
    runId,
    runtime,
    scenarioKind: scenario.kind,
    variants: scenario.variants.map((v) => ({ name: v.name, description: v.description, lb: v.lb, fix: v.fix })),
  });
  return {
    options,
    io,
    events,
    scenario,
    runtime,
    runId,
    dir,
    startedAt,
    runStartMonoMs,
    injectedAppClockOffsetMs: appClockShiftMs,
    phase: 'preflight',
    versions: { harnessNode: process.versions.node },
    monitors: new Map(),
    probes: {},
    lanes: null,
    trafficStartMonoMs: null,
    trafficEndMonoMs: null,
    finished: false,
    yourApp: null,
  };
}

/** The scenario the options ask for: your app, a matrix, or the talk-sized default/fixed run. */
function scenarioOf(options: LabOptions): Scenario {
  if (options.app !== null) return yourAppScenario(options.app, options.retryPolicy, options.haproxyReuse);
  if (options.cells) return matrixScenario(options.cells, options.retryPolicy, LB, options.haproxyReuse);
  return defaultScenario({ retryPolicy: options.retryPolicy, variants: classicVariants(options.serverMode) });
}

/**
 * Your app runs as a container: Docker must answer, and every image you named be here (or pullable) before anything
 * starts.
 */
async function findAppImages(scenario: Scenario, runtime: Runtime, io: LabIo): Promise<void> {
  if (runtime !== 'docker') {
    throw new LabError(
      'Your app runs as a container, and Docker does not answer here.',
      'Start Docker (the local runtime runs only the sample app).',
      EXIT.couldNotRun,
    );
  }
  await ensureImages(imagesToFind(scenario), io.progress, io.signal);
}

/** The local runtime runs every app on this host's Node: a matrix cell of another line would be mislabelled. */
function refuseOtherNodeLines(scenario: Scenario): void {
  const hostLine = process.versions.node.split('.')[0];
  const others = scenario.variants.filter((v) => v.nodeLine !== hostLine);
  if (others.length === 0) return;
  throw new LabError(
    `The local runtime runs every app on this host's Node ${process.versions.node}; ${others.map((v) => v.name).join(', ')} ${others.length === 1 ? 'needs' : 'need'} another line.`,
    (NODE_LINES as readonly string[]).includes(hostLine)
      ? `Ask for Node ${hostLine} cells only (--only node=${hostLine}), or use --runtime docker for every line.`
      : 'Use --runtime docker: it runs each Node line in its own image.',
    EXIT.badInput,
  );
}

/** Phase 2: build and start the stack, wait until healthy, follow the apps' accounting from here on. */
async function bringUp(run: Run, stack: Stack): Promise<void> {
  const { io } = run;
  io.progress(
    run.runtime === 'docker'
      ? 'bringing up the stack (compose build + up)'
      : `bringing up ${lbsOf(run.scenario)
          .map((l) => l.driver.name)
          .join(', ')} and the apps locally`,
  );
  await stack.up();
  await stack.ready(READY_TIMEOUT_MS, io.signal);
  io.progress('stack healthy');
  if (io.signal.aborted) throw interrupted('bringing up the stack');
  run.versions = { ...(await stack.versions()), harnessNode: process.versions.node };
  if (run.options.app !== null) run.yourApp = await inspectYourApps(run, stack);
  for (const v of run.scenario.variants) {
    const monitor = new AppMonitor(v);
    await monitor.start(stack);
    run.monitors.set(v.name, monitor);
  }
}

/**
 * A user's apps, once they serve: which image each runs (its ID and digests),
 * and whether the preload loaded (its ready line, with the Node release):
 * that decides how the lab measures it, and the output says which.
 */
async function inspectYourApps(run: Run, stack: Stack): Promise<NonNullable<Run['yourApp']>> {
  const images: Record<VariantName, ImageIdentity> = {};
  const preloadNode: Record<VariantName, string | null> = {};
  for (const v of run.scenario.variants) {
    if (!v.app) continue;
    images[v.name] = await identify(v.app.image);
    preloadNode[v.name] = preloadReadyNode((await stack.appLogs(v)).stdout);
    const node = preloadNode[v.name];
    const why = v.app.preload ? 'no preload ready line (not a Node app, or NODE_OPTIONS is ignored)' : '--no-preload';
    // --no-preload only keeps the lab from adding it: an image that loads it itself (the sample app's) still has it.
    const loaded = v.app.preload ? 'the preload loaded' : '--no-preload, but the image loads the preload itself';
    run.io.progress(
      node !== null
        ? `  ${v.name}: ${v.app.image} — ${loaded} (Node ${node}): the lab sees who closes each connection and aims by the app's clock`
        : `  ${v.name}: ${v.app.image} — ${why}: ${CLIENT_SIDE_LIMIT}`,
    );
  }
  return { images, preloadNode };
}

/** Phase 3: how long each app really keeps an idle socket, straight at it (no LB). */
async function probePhase(run: Run, stack: Stack): Promise<Record<VariantName, IdleCloseProbe>> {
  const { scenario, io } = run;
  const say = io.progress;
  const longestWatchMs = Math.max(...scenario.variants.map((v) => probeWatchMs(scenario, v)));
  say(`probing idle close straight at each app (watching up to ${(longestWatchMs / 1000).toFixed(1)} s)`);
  // A long LB timeout means a long watch (a minute, or an hour for 4000 s): say that it goes on.
  const started = Date.now();
  const ticker =
    longestWatchMs > PROBE_PROGRESS_EVERY_MS
      ? setInterval(
          () =>
            say(
              `  probing: ${((Date.now() - started) / 1000).toFixed(0)} s of up to ${(longestWatchMs / 1000).toFixed(0)} s`,
            ),
          PROBE_PROGRESS_EVERY_MS,
        )
      : null;
  const signal = probesSignal(io.signal, scenario.variants.length * PROBE_SOCKETS);
  const results = await Promise.all(
    scenario.variants.map(async (v) => {
      try {
        return await probeIdleCloses(stack.appPort(v), {
          maxWaitMs: probeWatchMs(scenario, v),
          path: v.app?.healthPath,
          signal,
        });
      } catch (err) {
        if (io.signal.aborted) throw interrupted('probing');
        throw new LabError(
          `The idle-close probe of ${v.name} on 127.0.0.1:${stack.appPort(v)} failed: ${messageOf(err)}.`,
          `Is the app up? See app-${v.name}.log in the results.`,
        );
      }
    }),
  ).finally(() => {
    if (ticker !== null) clearInterval(ticker);
  });
  const probes = perVariant(scenario.variants, (v) => results[scenario.variants.indexOf(v)]);
  // The story in a line per variant, before the traffic shows it.
  for (const v of scenario.variants) {
    const fix = lbFixOf(v.lbFix);
    // An LB-side fix changes what the LB does with the app's idle connections: the run, not the probe, says how.
    const story =
      fix === null
        ? probeStory(probes[v.name], scenario.lb.upstreamKeepaliveTimeoutMs)
        : `${probeStory(probes[v.name], null)}; in front of it, ${v.lbFix}: ${fix.description}`;
    say(`  ${v.name}: ${story}`);
  }
  if (io.signal.aborted) throw interrupted('probing');
  return probes;
}

/** What a probe says about the race, in the LB's terms (lbMs null: what the app does alone). */
function probeStory(p: IdleCloseProbe, lbMs: number | null): string {
  const advertises = p.advertisedKeepAlive ?? 'no Keep-Alive header';
  if (lbMs === null) {
    return p.idleCloseMs === null
      ? `still open after ${(p.watchedMs / 1000).toFixed(1)} s (advertises ${advertises})`
      : `the app closed the idle socket after ${(p.idleCloseMs / 1000).toFixed(3)} s (advertises ${advertises})`;
  }
  const lbS = `${lbMs / 1000} s`;
  if (p.idleCloseMs === null) {
    return `still open after ${(p.watchedMs / 1000).toFixed(1)} s (advertises ${advertises}): the LB keeps idle connections ${lbS} and this app longer, so the LB always closes first`;
  }
  const closed = `the app closed the idle socket after ${(p.idleCloseMs / 1000).toFixed(3)} s (advertises ${advertises})`;
  if (p.idleCloseMs + SHORT_LANE_MARGIN_MS <= lbMs)
    return `${closed}: the LB keeps idle connections ${lbS}, so a request sent on one as it closes gets a 502`;
  if (p.idleCloseMs < lbMs + SHORT_LANE_MARGIN_MS)
    return `${closed}: about when the LB's ${lbS} runs out, so the two race to close it`;
  return `${closed}: after the LB's ${lbS}, so the LB closes first`;
}

/**
 * Phase 4: idle-gap traffic through the LB, every variant at once (a matrix in two lanes); a dead component ends it.
 */
async function trafficPhase(run: Run, stack: Stack): Promise<TrafficResult> {
  const { options, io, scenario } = run;
  const probedCloseMs = perVariant(scenario.variants, (v) => run.probes[v.name]?.idleCloseMs ?? null);
  io.progress(
    `traffic: bursts of ${options.concurrency} (${options.methods.join('+')}) through the LB, idle gaps aimed at each boundary`,
  );
  if (scenario.kind === 'matrix') announceLanes(run, probedCloseMs);
  run.lanes = new LaneSet({
    scenario,
    options,
    probedCloseMs,
    closingTogether: new Set(scenario.variants.filter((v) => run.probes[v.name]?.closesTogether).map((v) => v.name)),
    apps: run.monitors,
    makeIo: liveTrafficIo,
    signal: io.signal,
    progress: (l) => io.progress(`  ${l}`),
    checkStillRunning: () => stack.checkRunning(),
    onCycle: (record) =>
      run.events.cycle(record, () => run.lanes?.result().records ?? [], run.trafficStartMonoMs ?? monoMs()),
  });
  run.trafficStartMonoMs = monoMs();
  const traffic = await run.lanes.run();
  run.trafficEndMonoMs = monoMs();
  return traffic;
}

/** A matrix says before it starts which apps run in which lane, and about how long that takes. */
function announceLanes(run: Run, probedCloseMs: Record<VariantName, number | null>): void {
  const { scenario, options, io } = run;
  const lbMs = scenario.lb.upstreamKeepaliveTimeoutMs;
  const lanes = splitLanes(scenario.variants, probedCloseMs, lbMs);
  const shortCycleS = (Math.max(0, ...lanes.short.map((v) => probedCloseMs[v.name] ?? 0)) + CYCLE_OVERHEAD_MS) / 1000;
  if (lanes.short.length > 0) {
    io.progress(
      `  short lane (the app closes first; ${options.cycles}–${options.maxCycles} cycles of about ${shortCycleS.toFixed(1)} s): ${lanes.short.map((v) => v.name).join(', ')}`,
    );
  }
  if (lanes.long.length > 0) {
    const minutes = longLaneMs(lanes.long, options.longCycles, lbMs) / 60_000;
    const how = runsPooled('long', lanes.long) ? 'side by side, each through pools of its own' : 'one after another';
    io.progress(
      `  long lane (boundary at the LB's ${lbMs / 1000} s; ${options.longCycles} cycles ${how}, about ${minutes.toFixed(1)} min): ${lanes.long.map((v) => v.name).join(', ')}`,
    );
  }
}

interface Collected {
  lbLogs: Partial<Record<LbName, LogStreams>>;
  appCloses: Partial<Record<VariantName, SocketClosedRecord[]>>;
  appResponseEnds: Partial<Record<VariantName, Map<string, number>>>;
  appResponses: Partial<Record<VariantName, ResponseFinished[]>>;
}

/**
 * Phase 5: stop the LB gracefully (it then closes its idle upstream sockets,
 * which the apps record), read every log and save it.
 */
async function collectPhase(run: Run, stack: Stack): Promise<Collected> {
  run.io.progress('collecting: stopping the LBs gracefully, reading logs');
  await stack.stopLb();
  await new Promise((r) => setTimeout(r, CLOSE_RECORDS_SETTLE_MS));
  return readLogs(run, stack);
}

/** Reads and saves the LB's and every app's logs. */
async function readLogs(run: Run, stack: Stack): Promise<Collected> {
  const lbLogs: Collected['lbLogs'] = {};
  for (const { driver } of lbsOf(run.scenario)) {
    const logs = await stack.lbLogs(driver.name);
    writeRunFile(run.dir, `${driver.name}-access.log`, logs.stdout);
    writeRunFile(run.dir, `${driver.name}-error.log`, logs.stderr);
    lbLogs[driver.name] = logs;
  }
  const appCloses: Collected['appCloses'] = {};
  const appResponseEnds: Collected['appResponseEnds'] = {};
  const appResponses: Collected['appResponses'] = {};
  for (const v of run.scenario.variants) {
    const logs = await stack.appLogs(v);
    writeRunFile(run.dir, `app-${v.name}.log`, logs.stdout + (logs.stderr ? `\n--- stderr ---\n${logs.stderr}` : ''));
    appCloses[v.name] = socketClosedRecords(logs.stdout);
    appResponseEnds[v.name] = responseEnds(logs.stdout);
    appResponses[v.name] = responseFinishedRecords(logs.stdout);
  }
  return { lbLogs, appCloses, appResponseEnds, appResponses };
}

function summarize(
  run: Run,
  traffic: TrafficResult | null,
  collected: Collected | null,
  failure: Summary['failure'],
): Summary {
  return buildSummary({
    runId: run.runId,
    startedAt: run.startedAt,
    finishedAt: new Date(),
    interrupted: run.io.signal.aborted,
    failure,
    runtime: run.runtime,
    runStartMonoMs: run.runStartMonoMs,
    trafficStartMonoMs: run.trafficStartMonoMs,
    trafficEndMonoMs: run.trafficEndMonoMs ?? monoMs(),
    injectedAppClockOffsetMs: run.injectedAppClockOffsetMs,
    options: run.options,
    versions: run.versions,
    scenario: run.scenario,
    yourApp: run.yourApp,
    probes: run.probes,
    traffic,
    appCloses: collected?.appCloses ?? {},
    appResponseEnds: collected?.appResponseEnds ?? {},
    appResponses: collected?.appResponses ?? {},
    accessLog: collected ? accessLogs(run.scenario, collected) : null,
    lbErrorLogs: collected ? lbErrorLogs(run.scenario, collected) : {},
  });
}

/** Every LB's access log, read into one list of entries. */
function accessLogs(scenario: Scenario, collected: Collected): AccessLogEntry[] {
  return lbsOf(scenario).flatMap(({ driver, variants }) =>
    driver.parseAccessLog(collected.lbLogs[driver.name]?.stdout ?? '', variants),
  );
}

/** Per LB whose logs were read, its error log (stderr); an LB missing here reads as unknown, not as silent. */
function lbErrorLogs(scenario: Scenario, collected: Collected): Partial<Record<LbName, string>> {
  return Object.fromEntries(
    lbsOf(scenario).flatMap(({ driver }) => {
      const stderr = collected.lbLogs[driver.name]?.stderr;
      return stderr === undefined ? [] : [[driver.name, stderr]];
    }),
  );
}

/**
 * The run's files: requests.ndjson, report.md and summary.json, each written atomically.
 * A complete summary.json is written last, so it never stands beside a missing
 * file; an incomplete one first, so a nearly full disk still gets it. Then,
 * best effort, report.html and its charts, drawn from those files.
 */
function writeSummary(run: Run, summary: Summary, traffic: TrafficResult | null): void {
  // `$schema` stays the first key: the spread keeps its place and only changes its value (relative to where
  // --results-dir put the run).
  const writeSummaryFile = () =>
    writeRunFile(
      run.dir,
      'summary.json',
      `${JSON.stringify({ ...summary, $schema: schemaRefFrom(run.dir) }, null, 2)}\n`,
    );
  if (!summary.complete) writeSummaryFile();
  writeRunFile(run.dir, 'requests.ndjson', toNdjson(traffic?.records ?? []));
  writeRunFile(run.dir, 'report.md', reportMarkdown(summary));
  if (summary.complete) writeSummaryFile();
  writeHtmlReport(run);
}

/**
 * --out: a copy of the summary where a CI job looks for it, with its own
 * $schema; written last and on its own, so a failure here never turns a
 * finished run into a failed one. Returns the failure instead of throwing.
 */
function writeOutCopy(run: Run, summary: Summary): LabError | null {
  if (run.options.out === null) return null;
  const outDir = dirname(resolve(run.options.out));
  try {
    writeRunFile(
      outDir,
      basename(run.options.out),
      `${JSON.stringify({ ...summary, $schema: schemaRefFrom(outDir) }, null, 2)}\n`,
    );
    return null;
  } catch (err) {
    if (!(err instanceof LabError)) throw err;
    run.io.progress(`--out: ${err.message}`);
    return new LabError(`--out: ${err.message}`, "Give --out a writable place; the run's own results are complete.");
  }
}

/**
 * report.html and the chart SVGs, read back from the run's files just
 * written (the same drawing as `npm run report`). summary.json is already on
 * disk: a chart that fails to draw is a line of progress, never the run's outcome.
 */
function writeHtmlReport(run: Run): void {
  try {
    writeReport(run.dir);
  } catch (err) {
    run.io.progress(`could not draw report.html: ${firstLineOf(err)} (npm run report -- ${run.dir} tries again)`);
  }
}

/**
 * A run that failed keeps what it measured: the logs it can still read, the
 * requests sent, and a summary.json marked incomplete with the phase and the
 * reason. Each step is best effort; none may hide the original error.
 */
async function saveIncomplete(run: Run, stack: Stack | null, err: unknown): Promise<void> {
  const say = run.io.progress;
  const bestEffort = async <T>(what: string, work: () => Promise<T> | T, quiet = false): Promise<T | null> => {
    try {
      return await work();
    } catch (stepErr) {
      if (!quiet) say(`could not ${what} after the failure: ${firstLineOf(stepErr)}`);
      return null;
    }
  };
  const fullMessage = messageOf(err);
  // An interrupt is not a failure (summary.interrupted says it), wherever it struck.
  const failure = wasInterrupted(err, run.io.signal) ? null : { phase: run.phase, message: firstLineOf(err) };
  await bestEffort('write error.txt', () => writeRunFile(run.dir, 'error.txt', `${fullMessage}\n`));
  // Before the stack is up there may be no logs to read: that is no news (and with no stack made, nothing to ask).
  // Bounded: a runtime that stopped answering must not hold up the report of why.
  const collected =
    stack === null
      ? null
      : await bestEffort(
          'read the logs',
          () => withDeadline(readLogs(run, stack), SALVAGE_TIMEOUT_MS, 'the runtime'),
          run.phase === 'bring-up',
        );
  const traffic = run.lanes?.result() ?? null;
  const partial = await bestEffort('summarize what ran', () => summarize(run, traffic, collected, failure));
  if (partial === null) return;
  const written = await bestEffort('write the partial results', () => writeSummary(run, partial, traffic));
  if (written !== null) say(`partial results written (summary.json marked incomplete) in ${run.dir}`);
  // A failed run's job still finds its summary where it asked for it (writeOutCopy says so itself when it cannot).
  await bestEffort('write --out', () => writeOutCopy(run, partial));
}

/**
 * Tears down once; --keep leaves a finished run's stack up instead (a failed or
 * interrupted one always goes). A failed teardown is reported, never hides the run's outcome.
 * A stack that could not be made started nothing: only the monitors (none yet) stop.
 */
async function teardown(run: Run, stack: Stack | null): Promise<void> {
  const say = run.io.progress;
  for (const m of run.monitors.values()) m.stop();
  if (stack === null) return;
  try {
    if (run.options.keep && run.finished && !run.io.signal.aborted) {
      const stopWith = await stack.keep();
      say(
        `kept running (--keep): LB on ${run.scenario.variants.map((v) => stack.lbUrl(v)).join(', ')}; stop it with: ${stopWith}`,
      );
      return;
    }
    say('tearing down');
    await stack.down();
  } catch (err) {
    say(`teardown failed: ${firstLineOf(err)} (the next run's preflight will find what is left)`);
  }
}
