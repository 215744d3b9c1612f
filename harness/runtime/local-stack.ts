// The lab without Docker: the system's LBs (nginx, HAProxy, Caddy: those the
// scenario puts in front of its apps) and the built app run as local processes
// on loopback, from configurations rendered like the Docker ones.
import { execa } from 'execa';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LabError } from '../model/errors.js';
import { appClockEnv } from '../model/clock.js';
import { APP_CLOCK_OFFSET_ENV } from '../model/protocol.js';
import { EXIT } from '../model/exit-codes.js';
import { LB_DRIVERS, lbsOf, type LbDriver } from '../lb/drivers.js';
import { defaultScenario, type LbName, type Scenario, type Variant } from '../scenarios/scenarios.js';
import { APP_DIR, ensureAppBuilt, STANDALONE_DIR } from './app-build.js';
import { lineSplitter } from './lines.js';
import type { LbConfig, LogStreams, Stack } from './stack.js';
import { answersHttp, waitUntilReady, type Look } from './readiness.js';
import { SLOT_SUFFIX } from '../scenarios/slot.js';

const STOP_GRACE_MS = 5_000;
/** Local processes start in a second or two: look often. */
const READY_POLL_MS = 200;

/** A component's health endpoint on loopback, named as the timeout's message names it. */
interface HealthCheck {
  name: string;
  port: number;
  path: string;
}

interface Managed {
  name: string;
  child: ChildProcess;
  stdout: string;
  stderr: string;
  listeners: Set<(line: string) => void>;
}

/** Processes of every LocalStack alive in this process, killed on exit whatever happens. */
const alive = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of alive) child.kill('SIGKILL');
});

/** --keep on the local runtime: refused at preflight, and by the stack itself. */
export function keepNeedsDocker(): LabError {
  return new LabError(
    '--keep needs the Docker runtime: local processes end with the lab.',
    'Use --runtime docker, or drop --keep.',
    EXIT.badInput,
  );
}

/**
 * The local stack's working directory (the LBs' configs and logs) starts with this: the slot's own in a slot other
 * than 0, so the LB processes of two slots can be told apart by their command lines (nginx rewrites its environment).
 */
export const localWorkDirPrefix = () => `keepalive-lab-local${SLOT_SUFFIX}-`;

/** The first of an LB's binaries that runs; undefined when none is installed. */
export async function lbBinary(driver: LbDriver): Promise<string | undefined> {
  for (const candidate of driver.binaries) {
    try {
      await execa(candidate, [...driver.versionArgs]);
      return candidate;
    } catch {
      // next candidate
    }
  }
  return undefined;
}

export const nginxBinary = () => lbBinary(LB_DRIVERS.nginx);

/** An LB's version as its binary prints it (nginx on stderr, the others on stdout). */
export async function localLbVersion(driver: LbDriver): Promise<string> {
  const binary = await lbBinary(driver);
  if (!binary) return 'not found';
  const { stdout, stderr } = await execa(binary, [...driver.versionArgs], { reject: false });
  return driver.parseVersion(`${stdout}\n${stderr}`.trim());
}

export class LocalStack implements Stack {
  private readonly scenario: Scenario;
  private readonly workDir: string;
  readonly lbConfigs: readonly LbConfig[];
  private readonly apps = new Map<string, Managed>();
  private readonly lbs = new Map<LbName, Managed>();

  constructor(private readonly options: { scenario?: Scenario; onProgress?: (line: string) => void } = {}) {
    this.scenario = options.scenario ?? defaultScenario();
    this.workDir = mkdtempSync(join(tmpdir(), localWorkDirPrefix()));
    // nginx's workers drop to `nobody` when started as root; they must reach their temp dirs.
    chmodSync(this.workDir, 0o755);
    this.lbConfigs = lbsOf(this.scenario).map(({ driver, variants }) => ({
      lb: driver.name,
      file: driver.configFile,
      text: driver.render(this.scenario, variants, { runtime: 'local', workDir: this.workDir }),
    }));
  }

  private spawnManaged(
    name: string,
    cmd: string,
    args: string[],
    options: { cwd: string; env: NodeJS.ProcessEnv },
  ): Managed {
    // Own process group: a Ctrl-C in the terminal reaches the harness only, which
    // then collects and tears down in order instead of losing nginx mid-cycle.
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    alive.add(child);
    const managed: Managed = { name, child, stdout: '', stderr: '', listeners: new Set() };
    child.stdout.on('data', (d: Buffer) => (managed.stdout += d.toString()));
    child.stdout.on(
      'data',
      lineSplitter((line) => managed.listeners.forEach((l) => l(line))),
    );
    child.stderr.on('data', (d: Buffer) => (managed.stderr += d.toString()));
    child.once('exit', () => alive.delete(child));
    child.once('error', (err) => (managed.stderr += `${err.message}\n`));
    return managed;
  }

  async up(): Promise<void> {
    const lbs = await this.findLbBinaries();
    await ensureAppBuilt(this.options.onProgress ?? (() => {}));
    for (const v of this.scenario.variants) this.apps.set(v.name, this.startApp(v));
    for (const { config, binary } of lbs) this.lbs.set(config.lb, this.startLb(config, binary));
  }

  /** Each LB's configuration with the binary that runs it; refused before anything starts when one is missing. */
  private async findLbBinaries(): Promise<Array<{ config: LbConfig; binary: string }>> {
    const found: Array<{ config: LbConfig; binary: string }> = [];
    for (const config of this.lbConfigs) {
      const driver = LB_DRIVERS[config.lb];
      const binary = await lbBinary(driver);
      if (!binary)
        throw new LabError(
          `${config.lb} was not found on PATH.`,
          `Install it (${driver.installHint}) or use --runtime docker.`,
        );
      found.push({ config, binary });
    }
    return found;
  }

  /** A variant's app: the standalone build on the harness's own Node, with the connection-accounting preload. */
  private startApp(v: Variant): Managed {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(v.appPort),
      HOSTNAME: '127.0.0.1',
      LAB_VARIANT: v.name,
      LAB_SERVER_MODE: v.serverMode,
      // `next start` runs from the full build in app/ (the standalone tree has no CLI).
      LAB_NEXT_START_DIR: APP_DIR,
      LAB_KEEP_ALIVE_TIMEOUT_MS: v.keepAliveTimeoutMs?.toString() ?? '',
      LAB_HEADERS_TIMEOUT_MS: v.headersTimeoutMs?.toString() ?? '',
      [APP_CLOCK_OFFSET_ENV]: '',
      ...appClockEnv(),
    };
    const args = ['--require', './lab/connection-accounting.cjs', './lab/start.cjs'];
    return this.spawnManaged(`app-${v.name}`, process.execPath, args, { cwd: STANDALONE_DIR, env });
  }

  /** An LB from its rendered configuration, written into the work directory first. */
  private startLb(config: LbConfig, binary: string): Managed {
    const driver = LB_DRIVERS[config.lb];
    const path = join(this.workDir, config.file);
    writeFileSync(path, config.text);
    const env = { ...process.env, ...driver.env(this.workDir) };
    return this.spawnManaged(config.lb, binary, driver.runArgs(path, this.workDir), { cwd: this.workDir, env });
  }

  async ready(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    const pending = new Set<HealthCheck>([
      ...this.scenario.variants.map((v) => ({ name: `app-${v.name}`, port: v.appPort, path: '/api/health' })),
      ...lbsOf(this.scenario).map(({ driver, variants }) => ({
        name: driver.name,
        port: variants[0].lbPort,
        path: '/lb-health',
      })),
    ]);
    await waitUntilReady(() => this.lookAtProcesses(pending), {
      what: 'the stack',
      timeoutMs,
      intervalMs: READY_POLL_MS,
      signal,
      timeoutMessage: (names) => `Not healthy within ${timeoutMs / 1000} s: ${names}.`,
    });
  }

  /**
   * One look: a process that exited ends the wait with its output's tail; each check still pending is asked again
   * (a 2xx answer takes it off `pending`).
   */
  private async lookAtProcesses(pending: Set<HealthCheck>): Promise<Look> {
    for (const proc of this.processes()) {
      if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
        const tail = (proc.stderr || proc.stdout).trim().split('\n').slice(-10).join('\n');
        throw new LabError(`${proc.name} exited while starting:\n${tail}`);
      }
    }
    for (const check of [...pending]) {
      if (await answersHttp(check.port, check.path, (status) => status >= 200 && status < 300)) pending.delete(check);
    }
    return { ready: pending.size === 0, waitingFor: [...pending].map((c) => c.name).join(', ') };
  }

  private processes(): Managed[] {
    return [...this.apps.values(), ...this.lbs.values()];
  }

  async checkRunning(): Promise<void> {
    for (const proc of this.processes()) {
      const { exitCode, signalCode, pid } = proc.child;
      if (exitCode === null && signalCode === null) continue;
      throw new LabError(
        `${proc.name} (pid ${pid}) exited during the run (${signalCode ? `signal ${signalCode}` : `exit code ${exitCode}`}).`,
        'Something outside the lab stopped it (kill, the OOM killer?). Its output is saved with the results; run again.',
      );
    }
  }

  lbUrl(variant: Variant): string {
    return `http://127.0.0.1:${variant.lbPort}`;
  }

  appPort(variant: Variant): number {
    return variant.appPort;
  }

  async appLogs(variant: Variant): Promise<LogStreams> {
    const app = this.apps.get(variant.name);
    return { stdout: app?.stdout ?? '', stderr: app?.stderr ?? '' };
  }

  async lbLogs(lb: LbName): Promise<LogStreams> {
    const read = (name: string) => {
      try {
        return readFileSync(join(this.workDir, name), 'utf8');
      } catch {
        return '';
      }
    };
    // nginx writes its logs into the work directory (its workers cannot reach a pipe); the others to their streams.
    if (lb === 'nginx')
      return { stdout: read('nginx-access.log'), stderr: read('nginx-startup.log') + read('nginx-error.log') };
    const proc = this.lbs.get(lb);
    return { stdout: proc?.stdout ?? '', stderr: proc?.stderr ?? '' };
  }

  async followApp(variant: Variant, onLine: (line: string) => void): Promise<() => void> {
    const app = this.apps.get(variant.name);
    if (!app) throw new Error(`app ${variant.name} is not running`);
    app.listeners.add(onLine);
    return () => app.listeners.delete(onLine);
  }

  private async stop(proc: Managed | undefined, signal: NodeJS.Signals): Promise<void> {
    if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.child.once('exit', resolve));
    proc.child.kill(signal);
    const timer = setTimeout(() => proc.child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  async stopLb(): Promise<void> {
    // Each LB's graceful stop, which closes its idle upstream connections.
    await Promise.all([...this.lbs].map(([lb, proc]) => this.stop(proc, LB_DRIVERS[lb].stopSignal)));
  }

  async versions(): Promise<Record<string, string>> {
    const lbs = await Promise.all(
      this.lbConfigs.map(async ({ lb }) => [lb, await localLbVersion(LB_DRIVERS[lb])] as const),
    );
    const next = JSON.parse(readFileSync(join(APP_DIR, 'node_modules', 'next', 'package.json'), 'utf8')) as {
      version: string;
    };
    // The apps run on the harness's own Node here.
    return { ...Object.fromEntries(lbs), kernel: release(), node: process.versions.node, next: next.version };
  }

  async keep(): Promise<string> {
    throw keepNeedsDocker();
  }

  async down(): Promise<void> {
    await this.stopLb();
    await Promise.all([...this.apps.values()].map((app) => this.stop(app, 'SIGTERM')));
    // An nginx master killed from outside leaves its workers serving: each child
    // leads a process group of its own, so the whole group goes.
    for (const proc of this.processes()) {
      try {
        if (proc.child.pid !== undefined) process.kill(-proc.child.pid, 'SIGKILL');
      } catch {
        // the group is already gone
      }
    }
    rmSync(this.workDir, { recursive: true, force: true });
  }
}
