// The lab without Docker: the system's nginx and the built app run as local
// processes on loopback, from the same rendered config the Docker LB uses.
import { execa } from 'execa';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { interrupted, LabError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { lbSettings, localLayout, parseNginxVersion, renderNginxConfig } from '../nginx-config.js';
import { defaultScenario, type Scenario, type Variant } from '../scenarios.js';
import { APP_DIR, ensureAppBuilt, STANDALONE_DIR } from './app-build.js';
import { lineSplitter } from './lines.js';
import type { LogStreams, Stack } from './stack.js';

const STOP_GRACE_MS = 5_000;

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
  return new LabError('--keep needs the Docker runtime: local processes end with the lab.', 'Use --runtime docker, or drop --keep.', EXIT.badInput);
}

export async function nginxBinary(): Promise<string | undefined> {
  for (const candidate of ['nginx', '/usr/sbin/nginx']) {
    try {
      await execa(candidate, ['-v']);
      return candidate;
    } catch {
      // next candidate
    }
  }
  return undefined;
}

export class LocalStack implements Stack {
  private readonly scenario: Scenario;
  private readonly workDir: string;
  readonly lbConfig: string;
  private readonly apps = new Map<string, Managed>();
  private nginx?: Managed;

  constructor(private readonly options: { scenario?: Scenario; onProgress?: (line: string) => void } = {}) {
    this.scenario = options.scenario ?? defaultScenario();
    this.workDir = mkdtempSync(join(tmpdir(), 'keepalive-lab-local-'));
    // nginx's workers drop to `nobody` when started as root; they must reach their temp dirs.
    chmodSync(this.workDir, 0o755);
    this.lbConfig = renderNginxConfig(lbSettings(this.scenario.retryPolicy, this.scenario.lb), localLayout(this.workDir), this.scenario.variants);
  }

  private spawnManaged(name: string, cmd: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Managed {
    // Own process group: a Ctrl-C in the terminal reaches the harness only, which
    // then collects and tears down in order instead of losing nginx mid-cycle.
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    alive.add(child);
    const managed: Managed = { name, child, stdout: '', stderr: '', listeners: new Set() };
    child.stdout!.on('data', (d: Buffer) => (managed.stdout += d));
    child.stdout!.on('data', lineSplitter((line) => managed.listeners.forEach((l) => l(line))));
    child.stderr!.on('data', (d: Buffer) => (managed.stderr += d));
    child.once('exit', () => alive.delete(child));
    child.once('error', (err) => (managed.stderr += `${err.message}\n`));
    return managed;
  }

  async up(): Promise<void> {
    const nginx = await nginxBinary();
    if (!nginx) throw new LabError('nginx was not found on PATH.', 'Install it (apt-get install nginx-light) or use --runtime docker.');
    await ensureAppBuilt(this.options.onProgress ?? (() => {}));
    for (const v of this.scenario.variants) {
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
      };
      const args = ['--require', './lab/connection-accounting.cjs', './lab/start.cjs'];
      this.apps.set(v.name, this.spawnManaged(`app-${v.name}`, process.execPath, args, { cwd: STANDALONE_DIR, env }));
    }
    const confPath = join(this.workDir, 'nginx.conf');
    writeFileSync(confPath, this.lbConfig);
    this.nginx = this.spawnManaged(
      'nginx',
      nginx,
      ['-p', this.workDir, '-e', join(this.workDir, 'nginx-startup.log'), '-c', confPath, '-g', 'daemon off;'],
      { cwd: this.workDir, env: process.env },
    );
  }

  async ready(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    const checks = [
      ...this.scenario.variants.map((v) => ({ name: `app-${v.name}`, url: `http://127.0.0.1:${v.appPort}/api/health` })),
      { name: 'nginx', url: `${this.lbUrl(this.scenario.variants[0])}/lb-health` },
    ];
    const deadline = Date.now() + timeoutMs;
    const pending = new Set(checks);
    while (pending.size > 0) {
      if (signal?.aborted) throw interrupted('waiting for the stack');
      for (const proc of [...this.apps.values(), this.nginx!]) {
        if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
          const tail = (proc.stderr || proc.stdout).trim().split('\n').slice(-10).join('\n');
          throw new LabError(`${proc.name} exited while starting:\n${tail}`);
        }
      }
      for (const check of [...pending]) {
        try {
          const res = await fetch(check.url, { signal: AbortSignal.timeout(2_000) });
          if (res.ok) pending.delete(check);
        } catch {
          // not listening yet
        }
      }
      if (pending.size === 0) break;
      if (Date.now() > deadline) {
        throw new LabError(`Not healthy within ${timeoutMs / 1000} s: ${[...pending].map((c) => c.name).join(', ')}.`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  private processes(): Managed[] {
    return [...this.apps.values(), ...(this.nginx ? [this.nginx] : [])];
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

  async lbLogs(): Promise<LogStreams> {
    const read = (name: string) => {
      try {
        return readFileSync(join(this.workDir, name), 'utf8');
      } catch {
        return '';
      }
    };
    return { stdout: read('nginx-access.log'), stderr: read('nginx-startup.log') + read('nginx-error.log') };
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
    // SIGQUIT: nginx's graceful shutdown, which closes idle upstream connections.
    await this.stop(this.nginx, 'SIGQUIT');
  }

  async versions(): Promise<Record<string, string>> {
    const nginx = await nginxBinary();
    const { stderr } = nginx ? await execa(nginx, ['-v']) : { stderr: 'not found' };
    const next: { version: string } = JSON.parse(readFileSync(join(APP_DIR, 'node_modules', 'next', 'package.json'), 'utf8'));
    // The apps run on the harness's own Node here.
    return { nginx: parseNginxVersion(stderr), kernel: release(), node: process.versions.node, next: next.version };
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
