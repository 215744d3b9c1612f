// The lab on Docker: Compose builds, starts and removes it (execa); dockerode
// watches health, reads and follows logs, and lists what the project holds
// (projectResources, which the tests use to check that teardown left nothing).
import Docker from 'dockerode';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { DeadlineExceeded, withDeadline } from '../model/deadline.js';
import { LabError, messageOf } from '../model/errors.js';
import {
  COMPOSE_PROJECT,
  DEFAULT_NODE_LINE,
  defaultScenario,
  type AppUnderTest,
  type LbName,
  type NodeLine,
  type Scenario,
  type Variant,
} from '../scenarios/scenarios.js';
import { LB_DRIVERS, lbsOf } from '../lb/drivers.js';
import { resolveBaseImages, type BaseImages } from './base-images.js';
import { compose, findCompose, type ComposeRunOptions } from './compose.js';
import { appEnvRef, appEnvValues, COMPOSE_FILE, lbService, renderComposeFile } from './compose-file.js';
import { demuxDockerLogs } from './docker-logs.js';
import { lineSplitter } from './lines.js';
import { writeRunFile } from '../records/writer.js';
import { nodeVersionKey, type LbConfig, type LogStreams, type Stack } from './stack.js';
import { answersHttp, waitUntilReady, type Look } from './readiness.js';

const PROJECT_LABEL = `com.docker.compose.project=${COMPOSE_PROJECT}`;
/** How to stop a stack left running with --keep (Compose v2 or v1), given its Compose file. */
export const keptStackDown = (composePath: string) =>
  `docker compose -p ${COMPOSE_PROJECT} -f ${composePath} down (or docker-compose -p ${COMPOSE_PROJECT} -f ${composePath} down)`;
/** The same, for a stack whose run is not known. */
export const KEPT_STACK_DOWN = keptStackDown('results/<run>/compose.json');

/** Bounds on Compose commands that should take seconds: a hung daemon must not hang the lab. */
const LB_START_STOP_TIMEOUT_MS = 60_000;
const DOWN_TIMEOUT_MS = 120_000;
const READY_POLL_MS = 500;
/** One Docker API call (list, inspect, logs, exec) answers in milliseconds; 15 s means the daemon hangs. */
const DOCKER_API_TIMEOUT_MS = 15_000;
/** A ping answers at once from a daemon that runs; 5 s means it does not. */
const DOCKER_PING_TIMEOUT_MS = 5_000;

export interface DockerStackOptions {
  scenario?: Scenario;
  /**
   * Where the rendered Compose file and LB configurations are written (the run directory); a fresh temporary one by
   * default.
   */
  workDir?: string;
  /** Base images; from the environment and .env by default. */
  images?: BaseImages;
  onProgress?: (line: string) => void;
  signal?: AbortSignal;
  /** The Docker API client; tests pass one aimed at a socket with no daemon, or a hung one, behind it. */
  docker?: Docker;
  /** Bound on each Docker API call (default DOCKER_API_TIMEOUT_MS); tests shorten it. */
  apiTimeoutMs?: number;
}

/** Whether a Docker API error means the daemon itself is gone or hangs (not a container problem). */
function daemonGone(err: unknown): boolean {
  if (err instanceof DeadlineExceeded) return true;
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ECONNREFUSED' || code === 'ENOENT' || code === 'ECONNRESET' || code === 'EPIPE';
}

const daemonGoneError = (err: unknown) =>
  new LabError(
    `The Docker daemon stopped answering during the run (${messageOf(err)}).`,
    `Start Docker again and rerun; check for leftovers with: docker ps -a --filter label=${PROJECT_LABEL}`,
  );

export type DockerStatus = 'ok' | 'denied' | 'down';

/** Whether the daemon answers; 'denied' when its socket exists but this user may not use it. */
export async function dockerStatus(docker = new Docker()): Promise<DockerStatus> {
  try {
    await withDeadline(docker.ping(), DOCKER_PING_TIMEOUT_MS, 'the Docker daemon (ping)');
    return 'ok';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EACCES' ? 'denied' : 'down';
  }
}

export const DOCKER_DENIED = new LabError(
  'Permission denied on the Docker socket.',
  'Add yourself to the docker group (then log in again), or use --runtime local.',
);

/** A user's app in the scenario: its variant, and the app (narrowed from the variant's optional one). */
interface YourApp {
  variant: Variant;
  app: AppUnderTest;
}

/** The scenario's user's apps, by Compose service. */
type YourApps = ReadonlyMap<string, YourApp>;

/**
 * A user's app serves once --health answers with any status below 500 (through its published loopback port): its
 * image may have no health check of its own.
 */
async function yourAppHealth({ variant, app }: YourApp): Promise<string> {
  return (await answersHttp(variant.appPort, app.healthPath, (status) => status < 500)) ? 'healthy' : 'starting';
}

/** Everything Docker holds for the lab's Compose project. */
export async function projectResources(docker = new Docker()) {
  const filters = JSON.stringify({ label: [PROJECT_LABEL] });
  const [containers, networks, volumes] = await Promise.all([
    docker.listContainers({ all: true, filters }),
    docker.listNetworks({ filters }),
    docker.listVolumes({ filters }),
  ]);
  return {
    containers: containers.map((c) => c.Names.join(',')),
    networks: networks.map((n) => n.Name),
    volumes: (volumes.Volumes ?? []).map((v) => v.Name),
  };
}

export class DockerStack implements Stack {
  private readonly docker: Docker;
  private readonly scenario: Scenario;
  readonly lbConfigs: readonly LbConfig[];
  readonly images: BaseImages;
  private workDir: string;
  /** Per user's app service, its image's own NODE_OPTIONS (read once its image is here). */
  private readonly imageNodeOptions = new Map<string, string | undefined>();
  /** The scenario's user's apps, by service. */
  private readonly yourApps: YourApps;

  constructor(private readonly options: DockerStackOptions = {}) {
    this.docker = options.docker ?? new Docker();
    this.scenario = options.scenario ?? defaultScenario();
    this.images = options.images ?? resolveBaseImages();
    this.workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'keepalive-lab-docker-'));
    this.yourApps = new Map(
      this.scenario.variants.flatMap((variant) =>
        variant.app ? [[variant.service, { variant, app: variant.app }] as const] : [],
      ),
    );
    this.lbConfigs = lbsOf(this.scenario).map(({ driver, variants }) => ({
      lb: driver.name,
      file: driver.configFile,
      text: driver.render(this.scenario, variants, { runtime: 'docker' }),
    }));
  }

  /** The Compose services of the LBs. */
  private get lbServices(): string[] {
    return this.lbConfigs.map((c) => lbService(c.lb));
  }

  private get composePath(): string {
    return join(this.workDir, COMPOSE_FILE);
  }

  /**
   * Writes this stack's Compose file and LB config (both rendered from the
   * scenario) once. Where the run directory cannot take them (a full disk), a
   * temporary directory does: teardown must never fail for want of the file.
   */
  private ensureFiles(): void {
    if (existsSync(this.composePath)) return;
    const write = () => {
      for (const c of this.lbConfigs) {
        writeRunFile(this.workDir, c.file, c.text);
        // HAProxy's container runs as an unprivileged user: its mounted file must be world-readable whatever the umask.
        chmodSync(join(this.workDir, c.file), 0o644);
      }
      const compose = renderComposeFile(this.scenario, this.images, (lb) =>
        join(this.workDir, LB_DRIVERS[lb].configFile),
      );
      writeRunFile(this.workDir, COMPOSE_FILE, `${JSON.stringify(compose, null, 2)}\n`);
    };
    try {
      write();
    } catch {
      this.workDir = mkdtempSync(join(tmpdir(), 'keepalive-lab-docker-'));
      write();
    }
  }

  /**
   * The values of a user's app's variables, for the Compose process only
   * (compose.json names them, appEnvRef): never written to a file.
   */
  private appEnv(): Record<string, string> {
    const values: Record<string, string> = {};
    for (const { variant, app } of this.yourApps.values()) {
      for (const [key, value] of Object.entries(appEnvValues(app, this.imageNodeOptions.get(variant.service))))
        values[appEnvRef(variant, key)] = value;
    }
    return values;
  }

  /**
   * An image's own NODE_OPTIONS (ENV in its Dockerfile): kept ahead of the preload, as the image would run without the
   * lab.
   */
  private async readImageNodeOptions(): Promise<void> {
    for (const [service, { app }] of this.yourApps) {
      const info = await this.api(`inspect ${app.image}`, () => this.docker.getImage(app.image).inspect()).catch(
        () => null,
      );
      const entry = info?.Config?.Env?.find((e) => e.startsWith('NODE_OPTIONS='));
      this.imageNodeOptions.set(service, entry?.slice('NODE_OPTIONS='.length));
    }
  }

  /** Compose on this stack's file; nothing is read from the environment but the daemon's address. */
  private compose(args: string[], options: ComposeRunOptions = {}): Promise<string> {
    return compose(['-f', this.composePath, ...args], {
      env: { ...(process.env as Record<string, string>), ...this.appEnv() },
      ...options,
    });
  }

  async up(): Promise<void> {
    await this.build();
    await this.compose(['up', '-d', '--remove-orphans', '--force-recreate'], {
      onLine: this.options.onProgress,
      signal: this.options.signal,
    });
  }

  /**
   * Builds the stack's images (your app's first) and starts nothing. up() builds first, on its own: `up --build`
   * would recreate running containers mid-build. The test suite builds once this way before its files run side by
   * side (test/before.ts).
   */
  async build(): Promise<void> {
    const status = await dockerStatus(this.docker);
    if (status === 'denied') throw DOCKER_DENIED;
    if (status !== 'ok')
      throw new LabError('The Docker daemon does not answer.', 'Start Docker, or use --runtime local.');
    this.ensureFiles();
    await this.buildYourApp();
    await this.readImageNodeOptions();
    try {
      await this.compose(
        ['build', ...this.scenario.variants.filter((v) => !v.app).map((v) => v.service), ...this.lbServices],
        {
          onLine: this.options.onProgress,
          signal: this.options.signal,
        },
      );
    } catch (err) {
      // The usual cause on CI runners and air-gapped hosts: no registry for the base images.
      if (
        err instanceof LabError &&
        /pull access denied|no such host|failed to resolve|manifest unknown|dial tcp|TLS handshake/i.test(err.message)
      ) {
        throw new LabError(
          `The images could not be built: a base image is not available. ${err.message}`,
          'No container registry? Build local base images: sudo scripts/build-airgap-images.sh [--node-version V] (see README, Air-gapped machines); or check LAB_NODE_IMAGE, LAB_NODE_<line>_IMAGE, LAB_NGINX_IMAGE, LAB_HAPROXY_IMAGE, LAB_CADDY_IMAGE.',
        );
      }
      throw err;
    }
  }

  /** --app-build: your Dockerfile, built on its own first, so that a failure there is named as yours. */
  private async buildYourApp(): Promise<void> {
    const built = [...this.yourApps.values()].find(({ app }) => app.buildDir);
    if (!built) return;
    const { variant, app } = built;
    const lastLines: string[] = [];
    const onLine = (line: string) => {
      lastLines.push(line.trim());
      lastLines.splice(0, lastLines.length - 5);
      this.options.onProgress?.(line);
    };
    try {
      await this.compose(['build', variant.service], { onLine, signal: this.options.signal });
    } catch (err) {
      if (!(err instanceof LabError) || this.options.signal?.aborted) throw err;
      // Docker's own reason is its last line that says what went wrong (a missing base image, a failing RUN).
      const reason =
        [...lastLines]
          .reverse()
          .find((l) => /error|denied|not found|no such host|dial tcp|returned a non-zero/i.test(l)) ??
        lastLines.at(-1) ??
        err.message.split('\n')[0];
      throw new LabError(
        `Your app's image could not be built from ${app.buildDir}: ${reason}`,
        `Check that docker build ${app.buildDir} works on this machine.`,
      );
    }
  }

  /** One Docker API call, bounded: a daemon that is gone or hangs becomes one LabError, never a hang. */
  private async api<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await withDeadline(
        work(),
        this.options.apiTimeoutMs ?? DOCKER_API_TIMEOUT_MS,
        `the Docker daemon (${what})`,
      );
    } catch (err) {
      if (daemonGone(err)) throw daemonGoneError(err);
      throw err;
    }
  }

  /** The service's container, or null when there is none. */
  private async findContainer(service: string): Promise<Docker.Container | null> {
    const found = await this.api(`list ${service}`, () =>
      this.docker.listContainers({
        all: true,
        filters: JSON.stringify({ label: [PROJECT_LABEL, `com.docker.compose.service=${service}`] }),
      }),
    );
    return found.length === 0 ? null : this.docker.getContainer(found[0].Id);
  }

  private async container(service: string): Promise<Docker.Container> {
    const container = await this.findContainer(service);
    if (!container) throw new LabError(`No container for service '${service}'; is the stack up?`);
    return container;
  }

  private async state(service: string): Promise<Docker.ContainerInspectInfo['State']> {
    const container = await this.container(service);
    return (await this.api(`inspect ${service}`, () => container.inspect())).State;
  }

  async ready(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    // A user's app has its own bound (--app-start-timeout), counted from now: its image may have no health check, so
    // the lab asks it from the host.
    const appStartMs = Math.max(0, ...[...this.yourApps.values()].map(({ app }) => app.startTimeoutMs));
    const appDeadline = Date.now() + appStartMs;
    await waitUntilReady(() => this.lookAtServices(appDeadline), {
      what: 'the stack',
      timeoutMs: Math.max(timeoutMs, appStartMs),
      intervalMs: READY_POLL_MS,
      signal,
      timeoutMessage: (states) => `The stack did not become healthy within ${timeoutMs / 1000} s (${states}).`,
    });
  }

  /**
   * One look at every service: healthy by its health check (or, for a user's app, by answering --health). A container
   * that stopped or is unhealthy, or a user's app still silent at appDeadline, ends the wait with its reason.
   */
  private async lookAtServices(appDeadline: number): Promise<Look> {
    const services = [...this.scenario.variants.map((v) => v.service), ...this.lbServices];
    const states = await Promise.all(
      services.map(async (service) => {
        const state = await this.state(service);
        const yours = this.yourApps.get(service);
        const health = yours && state.Running ? await yourAppHealth(yours) : (state.Health?.Status ?? 'none');
        return { service, status: state.Status, health, yours };
      }),
    );
    const dead = states.find((s) => s.status === 'exited' || s.status === 'dead' || s.health === 'unhealthy');
    if (dead) {
      const logs = await this.logs(dead.service);
      const tail = (logs.stderr || logs.stdout).trim().split('\n').slice(-10).join('\n');
      throw new LabError(
        `Container '${dead.service}' ${dead.health === 'unhealthy' ? 'is unhealthy' : 'stopped while starting'}:\n${tail}`,
      );
    }
    if (states.every((s) => s.health === 'healthy')) return { ready: true, waitingFor: '' };
    const silent = states.find((s) => s.yours && s.health !== 'healthy')?.yours;
    if (silent && Date.now() > appDeadline) {
      const { variant, app } = silent;
      throw new LabError(
        `Your app (${variant.service}, ${app.image}) runs but did not answer GET ${app.healthPath} on port ${app.containerPort} within ${app.startTimeoutMs / 1000} s.`,
        `Is --app-port ${app.containerPort} the port it listens on, on 0.0.0.0 in its container (and --health a path it answers)? Its output is in app-${variant.name}.log in the results.`,
      );
    }
    return { ready: false, waitingFor: states.map((s) => `${s.service}: ${s.health}`).join(', ') };
  }

  async checkRunning(): Promise<void> {
    const services = [...this.scenario.variants.map((v) => v.service), ...this.lbServices];
    for (const service of services) {
      if (!(await this.findContainer(service))) {
        throw new LabError(
          `The container of '${service}' disappeared during the run.`,
          'Something outside the lab removed it (docker rm, docker compose down?). Run again.',
        );
      }
      const state = await this.state(service);
      if (state.Running) continue;
      const how = state.OOMKilled
        ? 'killed for lack of memory'
        : `exit code ${state.ExitCode}${state.ExitCode === 137 ? ', killed' : ''}`;
      throw new LabError(
        `The container of '${service}' stopped during the run (${state.Status}, ${how}).`,
        'Something outside the lab stopped it (docker kill / docker stop, the OOM killer?). Its log is saved with the results; run again.',
      );
    }
  }

  lbUrl(variant: Variant): string {
    return `http://127.0.0.1:${variant.lbPort}`;
  }

  appPort(variant: Variant): number {
    return variant.appPort;
  }

  private async logs(service: string): Promise<LogStreams> {
    const container = await this.container(service);
    const raw = await this.api(`logs of ${service}`, () =>
      container.logs({ stdout: true, stderr: true, follow: false }),
    );
    return demuxDockerLogs(raw);
  }

  appLogs(variant: Variant): Promise<LogStreams> {
    return this.logs(variant.service);
  }

  lbLogs(lb: LbName): Promise<LogStreams> {
    return this.logs(lbService(lb));
  }

  async followApp(variant: Variant, onLine: (line: string) => void): Promise<() => void> {
    const container = await this.container(variant.service);
    const stream = await this.api(`follow ${variant.service}`, () =>
      container.logs({ follow: true, stdout: true, stderr: false, since: Math.floor(Date.now() / 1000) - 1 }),
    );
    const stdout = new PassThrough();
    stdout.on('data', lineSplitter(onLine));
    // The stream ends with the container; an error here only ends the following.
    stream.on('error', () => stdout.end());
    this.docker.modem.demuxStream(stream, stdout, new PassThrough());
    return () => {
      // The follow stream is Docker's HTTP response (a Readable): destroying it ends the following.
      if (stream instanceof Readable) stream.destroy();
    };
  }

  async stopLb(): Promise<void> {
    this.ensureFiles();
    await this.compose(['stop', '--timeout', '5', ...this.lbServices], { timeoutMs: LB_START_STOP_TIMEOUT_MS });
  }

  async keep(): Promise<string> {
    // Collecting stopped the LB (so it closed its upstream sockets); bring it back.
    this.ensureFiles();
    await this.compose(['start', ...this.lbServices], { timeoutMs: LB_START_STOP_TIMEOUT_MS });
    return keptStackDown(this.composePath);
  }

  async versions(): Promise<Record<string, string>> {
    // One container per Node line answers for every variant on it (they share the image).
    const lines = new Map<NodeLine, Variant>();
    // A user's app is no sample app: its Node (if any) is read from its preload's ready line instead.
    for (const v of this.scenario.variants) if (!v.app && !lines.has(v.nodeLine)) lines.set(v.nodeLine, v);
    const [engine, composeCmd, lbs, ...apps] = await Promise.all([
      this.api('version', () => this.docker.version()),
      findCompose(),
      Promise.all(
        this.lbConfigs.map(async ({ lb }) => {
          const driver = LB_DRIVERS[lb];
          return [
            lb,
            driver.parseVersion(await this.exec(lbService(lb), [driver.binaries[0], ...driver.versionArgs])),
          ] as const;
        }),
      ),
      ...[...lines.values()].map((v) =>
        this.exec(v.service, ['node', '-p', "process.versions.node + ' ' + require('next/package.json').version"]),
      ),
    ]);
    const byLine = [...lines.keys()].map((line, i) => [line, apps[i].trim().split(/\s+/)] as const);
    // node and next, as in every run so far: the default line's (the one the app is built on) when it runs.
    const sample = byLine.find(([line]) => line === DEFAULT_NODE_LINE) ?? byLine[0];
    return {
      docker: engine.Version,
      kernel: engine.KernelVersion,
      compose: `${composeCmd.file === 'docker' ? 'docker compose' : 'docker-compose'} ${composeCmd.version}`,
      ...Object.fromEntries(lbs),
      ...(sample ? { node: sample[1][0], next: sample[1][1] } : {}),
      ...Object.fromEntries(byLine.map(([line, [node]]) => [nodeVersionKey(line), node])),
    };
  }

  /** Runs a command in a service's container; returns its output (both streams). */
  private async exec(service: string, cmd: string[]): Promise<string> {
    const container = await this.container(service);
    const output = await this.api(`exec in ${service}`, async () => {
      const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
      const stream = await exec.start({ hijack: true, stdin: false });
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      await new Promise((resolve, reject) => {
        stream.once('end', resolve);
        stream.once('close', resolve);
        stream.once('error', reject);
      });
      return Buffer.concat(chunks);
    });
    const { stdout, stderr } = demuxDockerLogs(output);
    return stdout + stderr;
  }

  async down(): Promise<void> {
    // A stack never brought up has no Compose file yet: write it, so down still finds
    // whatever it may have started.
    this.ensureFiles();
    await this.compose(['down', '--volumes', '--remove-orphans', '--timeout', '5'], { timeoutMs: DOWN_TIMEOUT_MS });
  }
}
