// One run of the lab, phase by phase: preflight, bring up, probe, traffic,
// collect, report, write results, tear down. Whatever happens (an error, an
// interrupt), the same teardown runs once and what was measured is written.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSocketClosedRecords, type SocketClosedRecord } from './accounting.js';
import { buildSummary } from './analysis/summarize.js';
import { parseAccessLog } from './analysis/nginx-log.js';
import { LabError } from './errors.js';
import { DOCKER_LAYOUT, lbSettings, renderNginxConfig } from './nginx-config.js';
import type { LabOptions } from './options.js';
import { checkPorts, KEPT_STACK_DOWN, resolveRuntime } from './preflight.js';
import { probeIdleClose, type IdleCloseProbe } from './probe.js';
import { reportMarkdown } from './report.js';
import type { Summary } from './results/schema.js';
import { createRunDir, newRunId, toNdjson, writeRunFile } from './results/writer.js';
import { APP_DIR } from './runtime/app-build.js';
import { DockerStack } from './runtime/docker-stack.js';
import { LocalStack } from './runtime/local-stack.js';
import type { Stack } from './runtime/stack.js';
import { defaultScenario, NODE_DEFAULT_KEEP_ALIVE_TIMEOUT_MS, type Scenario, type VariantName } from './scenarios.js';
import { AppMonitor } from './traffic/app-monitor.js';
import { TrafficEngine, type TrafficResult } from './traffic/engine.js';
import { monoMs } from './clock.js';

const READY_TIMEOUT_MS = 240_000;
/** Node 20 closes idle sockets about a second after keepAliveTimeout; only used to bound the probe. */
const NODE_CLOSE_BUFFER_MS = 1_000;

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

/** How long to watch an idle socket: past the earliest expected close, well short of the LB's. */
export function probeWatchMs(scenario: Scenario): number {
  const expected = Math.min(
    ...scenario.variants.map((v) => (v.keepAliveTimeoutMs ?? NODE_DEFAULT_KEEP_ALIVE_TIMEOUT_MS) + NODE_CLOSE_BUFFER_MS),
  );
  return Math.min(scenario.lb.upstreamKeepaliveTimeoutMs - 1_000, Math.max(3_000, Math.round(expected * 1.5)));
}

function appVersionsLocal(): Record<string, string> {
  const next = JSON.parse(readFileSync(join(APP_DIR, 'node_modules', 'next', 'package.json'), 'utf8')).version;
  return { node: process.versions.node, next };
}

async function appVersions(stack: Stack, scenario: Scenario): Promise<Record<string, string>> {
  if (stack instanceof DockerStack) {
    const service = scenario.variants[0].service;
    const out = await stack.exec(service, ['node', '-p', "process.versions.node + ' ' + require('next/package.json').version"]);
    const [node, next] = out.trim().split(/\s+/);
    return { node, next };
  }
  return appVersionsLocal();
}

export async function runLab(options: LabOptions, io: LabIo, scenarioOverride?: Scenario): Promise<LabOutcome> {
  const startedAt = new Date();
  const runStartMonoMs = monoMs();
  const scenario = scenarioOverride ?? defaultScenario({ retryPolicy: options.retryPolicy, serverMode: options.serverMode });
  const say = io.progress;

  say(`preflight: runtime ${options.runtime}`);
  const runtime = await resolveRuntime(options.runtime);
  if (options.keep && runtime === 'local') {
    throw new LabError('--keep needs the Docker runtime: local processes end with the lab.', 'Use --runtime docker, or drop --keep.', 2);
  }
  await checkPorts(scenario, runtime);
  const { dir, runId } = createRunDir(options.resultsDir, newRunId(runtime, startedAt));
  say(`run ${runId} on ${runtime}; results in ${dir}`);

  let stack: Stack;
  if (runtime === 'docker') {
    const confPath = join(dir, 'nginx.conf');
    writeFileSync(confPath, renderNginxConfig(lbSettings(scenario.retryPolicy, scenario.lb), DOCKER_LAYOUT, scenario.variants));
    stack = new DockerStack({ scenario, nginxConfPath: confPath, onProgress: (l) => showBuildLine(l) && say(`  ${l.trim()}`), signal: io.signal });
  } else {
    const local = new LocalStack({ scenario, onProgress: (l) => say(`  ${l}`) });
    writeRunFile(dir, 'nginx.conf', local.nginxConf);
    stack = local;
  }

  const monitors = new Map<VariantName, AppMonitor>();
  let tornDown = false;
  const teardown = async () => {
    if (tornDown) return;
    tornDown = true;
    for (const m of monitors.values()) m.stop();
    try {
      if (options.keep) {
        // Collecting stopped the LB (so it closed its upstream sockets); bring it back.
        if (stack instanceof DockerStack) await stack.startLb();
        say(`kept running (--keep): LB on ${scenario.variants.map((v) => stack.lbUrl(v)).join(', ')}; stop it with: ${KEPT_STACK_DOWN}`);
        return;
      }
      say('tearing down');
      await stack.down();
    } catch (err) {
      // A failed teardown must not hide the run's own outcome; it is reported, and the next preflight sees leftovers.
      say(`teardown failed: ${(err as Error).message.split('\n')[0]} (check with: docker ps -a --filter label=com.docker.compose.project=keepalive-lab)`);
    }
  };

  let traffic: TrafficResult | null = null;
  let trafficSoFar: (() => TrafficResult) | null = null;
  let summary: Summary | null = null;
  try {
    // Phase 2: bring up, and follow the apps' accounting from here on.
    say(runtime === 'docker' ? 'bringing up the stack (compose build + up)' : 'bringing up nginx and the app locally');
    await stack.up();
    await stack.ready(READY_TIMEOUT_MS, io.signal);
    say('stack healthy');
    if (io.signal.aborted) throw new LabError('Interrupted.', undefined, 130);

    const [runtimeVersions, appVers] = await Promise.all([stack.versions(), appVersions(stack, scenario)]);
    const versions = { ...runtimeVersions, ...appVers, harnessNode: process.versions.node };

    for (const v of scenario.variants) {
      const monitor = new AppMonitor(v);
      await monitor.start(stack);
      monitors.set(v.name, monitor);
    }

    const probes = await probePhase(stack, scenario, say);
    if (io.signal.aborted) throw new LabError('Interrupted.', undefined, 130);
    // Phase 4: idle-gap traffic through the LB, every variant at once.
    say(`traffic: bursts of ${options.concurrency} (${options.methods.join('+')}) through the LB, idle gaps aimed at the app's close`);
    const engine = new TrafficEngine({
      stack,
      scenario,
      options,
      probedCloseMs: Object.fromEntries(scenario.variants.map((v) => [v.name, probes[v.name].idleCloseMs])),
      monitors,
      signal: io.signal,
      progress: (l) => say(`  ${l}`),
    });
    trafficSoFar = () => engine.result();
    traffic = await engine.run();
    const trafficEndMonoMs = monoMs();

    const { lbLogs, appCloses } = await collectPhase(stack, scenario, dir, traffic, say);

    // Phase 6: the summary, from which report.md (and any later report) is built.
    summary = buildSummary({
      runId,
      startedAt,
      finishedAt: new Date(),
      interrupted: io.signal.aborted,
      runtime,
      runStartMonoMs,
      trafficEndMonoMs,
      options,
      versions,
      scenario,
      probes,
      traffic,
      appCloses,
      accessLog: parseAccessLog(lbLogs.stdout),
      errorLogText: lbLogs.stderr,
    });
    writeRunFile(dir, 'summary.json', `${JSON.stringify(summary, null, 2)}\n`);
    writeRunFile(dir, 'report.md', reportMarkdown(summary));
    return { summary, runDir: dir };
  } catch (err) {
    // Keep what was measured before the failure.
    const partial = traffic ?? trafficSoFar?.();
    if (partial && !summary) writeRunFile(dir, 'requests.ndjson', toNdjson(partial.records));
    writeRunFile(dir, 'error.txt', `${(err as Error).message}\n`);
    throw err;
  } finally {
    await teardown();
  }
}

/** Phase 3: how long each app really keeps an idle socket, straight at it (no LB). */
async function probePhase(stack: Stack, scenario: Scenario, say: (line: string) => void): Promise<Record<string, IdleCloseProbe>> {
  const watchMs = probeWatchMs(scenario);
  say(`probing idle close straight at each app (watching up to ${(watchMs / 1000).toFixed(1)} s)`);
  const probes: Record<string, IdleCloseProbe> = {};
  await Promise.all(
    scenario.variants.map(async (v) => {
      try {
        probes[v.name] = await probeIdleClose(stack.appPort(v), { maxWaitMs: watchMs });
      } catch (err) {
        throw new LabError(`The idle-close probe of ${v.name} on 127.0.0.1:${stack.appPort(v)} failed: ${(err as Error).message}.`, `Is the app up? See app-${v.name} in the results or the container logs.`);
      }
      const p = probes[v.name];
      say(
        p.idleCloseMs === null
          ? `  ${v.name}: still open after ${(p.watchedMs / 1000).toFixed(1)} s (advertises ${p.advertisedKeepAlive})`
          : `  ${v.name}: the app closed the idle socket after ${(p.idleCloseMs / 1000).toFixed(3)} s (advertises ${p.advertisedKeepAlive})`,
      );
    }),
  );
  // The story in one line per variant, before the traffic shows it.
  const lbIdleS = scenario.lb.upstreamKeepaliveTimeoutMs / 1000;
  for (const v of scenario.variants) {
    const p = probes[v.name];
    say(
      p.idleCloseMs === null
        ? `  ${v.name}: the LB keeps idle connections ${lbIdleS} s and this app keeps them longer: the LB always closes first`
        : `  ${v.name}: the LB keeps idle connections ${lbIdleS} s but this app closes them after ${(p.idleCloseMs / 1000).toFixed(1)} s: a request sent on one as it closes gets a 502`,
    );
  }
  return probes;
}

/**
 * Phase 5: stop the LB gracefully (it then closes its idle upstream sockets,
 * which the apps record), read every log and save them with the requests.
 */
async function collectPhase(stack: Stack, scenario: Scenario, dir: string, traffic: TrafficResult, say: (line: string) => void) {
  say('collecting: stopping the LB gracefully, reading logs');
  await stack.stopLb();
  // Let the apps print the closes the LB's shutdown caused.
  await new Promise((r) => setTimeout(r, 300));
  const lbLogs = await stack.lbLogs();
  const appCloses: Record<string, SocketClosedRecord[]> = {};
  for (const v of scenario.variants) {
    const logs = await stack.appLogs(v);
    writeRunFile(dir, `app-${v.name}.log`, logs.stdout + (logs.stderr ? `\n--- stderr ---\n${logs.stderr}` : ''));
    appCloses[v.name] = parseSocketClosedRecords(logs.stdout);
  }
  writeRunFile(dir, 'nginx-access.log', lbLogs.stdout);
  writeRunFile(dir, 'nginx-error.log', lbLogs.stderr);
  writeRunFile(dir, 'requests.ndjson', toNdjson(traffic.records));
  return { lbLogs, appCloses };
}
