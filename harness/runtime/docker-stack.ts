// The lab on Docker: Compose builds and starts it (execa), dockerode watches
// health, reads and follows logs, and checks that teardown left nothing behind.
import Docker from 'dockerode';
import { PassThrough } from 'node:stream';
import { LabError } from '../errors.js';
import { COMPOSE_PROJECT, defaultScenario, type Scenario, type Variant } from '../scenarios.js';
import { parseNginxVersion } from '../nginx-config.js';
import { compose, findCompose } from './compose.js';
import { composeVariables } from './compose-env.js';
import { demuxDockerLogs } from './docker-logs.js';
import { lineSplitter } from './lines.js';
import type { LogStreams, Stack } from './stack.js';

const PROJECT_LABEL = `com.docker.compose.project=${COMPOSE_PROJECT}`;
const LB_SERVICE = 'nginx';

export interface DockerStackOptions {
  scenario?: Scenario;
  /** Absolute path of a rendered nginx.conf to mount instead of the committed one. */
  nginxConfPath?: string;
  build?: boolean;
  onProgress?: (line: string) => void;
  signal?: AbortSignal;
}

export type DockerStatus = 'ok' | 'denied' | 'down';

/** Whether the daemon answers; 'denied' when its socket exists but this user may not use it. */
export async function dockerStatus(docker = new Docker()): Promise<DockerStatus> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      docker.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), 5_000);
      }),
    ]);
    return 'ok';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EACCES' ? 'denied' : 'down';
  } finally {
    clearTimeout(timer);
  }
}

export async function dockerAnswers(docker = new Docker()): Promise<boolean> {
  return (await dockerStatus(docker)) === 'ok';
}

export const DOCKER_DENIED = new LabError(
  'Permission denied on the Docker socket.',
  'Add yourself to the docker group (then log in again), or use --runtime local.',
);

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
  readonly runtime = 'docker' as const;
  private readonly docker = new Docker();
  private readonly scenario: Scenario;

  constructor(private readonly options: DockerStackOptions = {}) {
    this.scenario = options.scenario ?? defaultScenario();
  }

  private composeEnv(): Record<string, string> {
    // Base images are left to .env / the user's environment (air-gapped machines).
    return {
      ...(process.env as Record<string, string>),
      ...composeVariables(this.scenario, this.options.nginxConfPath),
    };
  }

  async up(): Promise<void> {
    const status = await dockerStatus(this.docker);
    if (status === 'denied') throw DOCKER_DENIED;
    if (status !== 'ok') throw new LabError('The Docker daemon does not answer.', 'Start Docker, or use --runtime local.');
    // Build first, on its own: `up --build` would recreate running containers mid-build.
    if (this.options.build !== false) {
      try {
        await compose(['build'], { env: this.composeEnv(), onLine: this.options.onProgress, signal: this.options.signal });
      } catch (err) {
        // The usual cause on CI runners and air-gapped hosts: no registry for the base images.
        if (err instanceof LabError && /pull access denied|no such host|failed to resolve|manifest unknown|dial tcp|TLS handshake/i.test(err.message)) {
          throw new LabError(err.message, 'No container registry? Build local base images: sudo scripts/build-airgap-images.sh (see README, Air-gapped machines).');
        }
        throw err;
      }
    }
    await compose(['up', '-d', '--remove-orphans', '--force-recreate'], {
      env: this.composeEnv(),
      onLine: this.options.onProgress,
      signal: this.options.signal,
    });
  }

  private async container(service: string): Promise<Docker.Container> {
    const found = await this.docker.listContainers({
      all: true,
      filters: JSON.stringify({ label: [PROJECT_LABEL, `com.docker.compose.service=${service}`] }),
    });
    if (found.length === 0) throw new LabError(`No container for service '${service}'; is the stack up?`);
    return this.docker.getContainer(found[0].Id);
  }

  async ready(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    const services = [...this.scenario.variants.map((v) => v.service), LB_SERVICE];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (signal?.aborted) throw new LabError('Interrupted while waiting for the stack.', undefined, 130);
      const states = await Promise.all(
        services.map(async (service) => {
          const info = await (await this.container(service)).inspect();
          return { service, status: info.State.Status, health: info.State.Health?.Status ?? 'none' };
        }),
      );
      const dead = states.find((s) => s.status === 'exited' || s.status === 'dead' || s.health === 'unhealthy');
      if (dead) {
        const logs = await this.logs(dead.service);
        const tail = (logs.stderr || logs.stdout).trim().split('\n').slice(-10).join('\n');
        throw new LabError(`Container '${dead.service}' ${dead.health === 'unhealthy' ? 'is unhealthy' : 'stopped while starting'}:\n${tail}`);
      }
      if (states.every((s) => s.health === 'healthy')) return;
      if (Date.now() > deadline) {
        const summary = states.map((s) => `${s.service}: ${s.health}`).join(', ');
        throw new LabError(`The stack did not become healthy within ${timeoutMs / 1000} s (${summary}).`);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  lbUrl(variant: Variant): string {
    return `http://127.0.0.1:${variant.lbPort}`;
  }

  appPort(variant: Variant): number {
    return variant.appPort;
  }

  private async logs(service: string): Promise<LogStreams> {
    const raw = (await (await this.container(service)).logs({
      stdout: true,
      stderr: true,
      follow: false,
    })) as unknown as Buffer;
    return demuxDockerLogs(raw);
  }

  appLogs(variant: Variant): Promise<LogStreams> {
    return this.logs(variant.service);
  }

  lbLogs(): Promise<LogStreams> {
    return this.logs(LB_SERVICE);
  }

  async followApp(variant: Variant, onLine: (line: string) => void): Promise<() => void> {
    const container = await this.container(variant.service);
    const stream = (await container.logs({
      follow: true,
      stdout: true,
      stderr: false,
      since: Math.floor(Date.now() / 1000) - 1,
    })) as NodeJS.ReadableStream & { destroy(): void };
    const stdout = new PassThrough();
    stdout.on('data', lineSplitter(onLine));
    // The stream ends with the container; an error here only ends the following.
    stream.on('error', () => stdout.end());
    this.docker.modem.demuxStream(stream, stdout, new PassThrough());
    return () => stream.destroy();
  }

  async startLb(): Promise<void> {
    await compose(['start', LB_SERVICE], { env: this.composeEnv(), timeoutMs: 60_000 });
  }

  async stopLb(): Promise<void> {
    await compose(['stop', '--timeout', '5', LB_SERVICE], { env: this.composeEnv(), timeoutMs: 60_000 });
  }

  async versions(): Promise<Record<string, string>> {
    const [engine, composeCmd, nginx] = await Promise.all([
      this.docker.version(),
      findCompose(),
      this.exec(LB_SERVICE, ['nginx', '-v']),
    ]);
    return {
      docker: engine.Version,
      kernel: engine.KernelVersion,
      compose: `${composeCmd.file === 'docker' ? 'docker compose' : 'docker-compose'} ${composeCmd.version}`,
      nginx: parseNginxVersion(nginx),
    };
  }

  /** Runs a command in a service's container; returns its output (both streams). */
  async exec(service: string, cmd: string[]): Promise<string> {
    const exec = await (await this.container(service)).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({ hijack: true, stdin: false });
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    await new Promise((resolve) => stream.on('end', resolve));
    const { stdout, stderr } = demuxDockerLogs(Buffer.concat(chunks));
    return stdout + stderr;
  }

  async down(): Promise<void> {
    await compose(['down', '--volumes', '--remove-orphans', '--timeout', '5'], {
      env: this.composeEnv(),
      timeoutMs: 120_000,
    });
  }
}
