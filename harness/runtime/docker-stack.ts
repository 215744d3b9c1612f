// The lab on Docker: Compose builds and starts it (execa), dockerode watches
// health, reads logs and checks that teardown left nothing behind.
import Docker from 'dockerode';
import { LabError } from '../errors.js';
import { COMPOSE_PROJECT, VARIANTS, type Variant } from '../scenarios.js';
import { compose } from './compose.js';
import { composeVariables } from './compose-env.js';
import { demuxDockerLogs } from './docker-logs.js';
import type { LogStreams, Stack } from './stack.js';

const PROJECT_LABEL = `com.docker.compose.project=${COMPOSE_PROJECT}`;
const LB_SERVICE = 'nginx';

export interface DockerStackOptions {
  /** Extra environment for Compose (LAB_* overrides, e.g. another nginx config). */
  env?: Record<string, string>;
  build?: boolean;
  onProgress?: (line: string) => void;
}

export async function dockerAnswers(docker = new Docker()): Promise<boolean> {
  try {
    await Promise.race([docker.ping(), new Promise((_, reject) => setTimeout(reject, 5_000))]);
    return true;
  } catch {
    return false;
  }
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
  readonly runtime = 'docker' as const;
  private readonly docker = new Docker();

  constructor(private readonly options: DockerStackOptions = {}) {}

  private composeEnv(): Record<string, string> {
    // Base images are left to .env / the user's environment (air-gapped machines).
    return { ...(process.env as Record<string, string>), ...composeVariables(), ...this.options.env };
  }

  async up(): Promise<void> {
    if (!(await dockerAnswers(this.docker))) {
      throw new LabError('The Docker daemon does not answer.', 'Start Docker, or use --runtime local.');
    }
    const args = ['up', '-d', '--remove-orphans'];
    if (this.options.build !== false) args.push('--build');
    await compose(args, { env: this.composeEnv(), onLine: this.options.onProgress });
  }

  private async container(service: string): Promise<Docker.Container> {
    const found = await this.docker.listContainers({
      all: true,
      filters: JSON.stringify({ label: [PROJECT_LABEL, `com.docker.compose.service=${service}`] }),
    });
    if (found.length === 0) throw new LabError(`No container for service '${service}'; is the stack up?`);
    return this.docker.getContainer(found[0].Id);
  }

  async ready(timeoutMs: number): Promise<void> {
    const services = [...VARIANTS.map((v) => v.service), LB_SERVICE];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const states = await Promise.all(
        services.map(async (service) => {
          const info = await (await this.container(service)).inspect();
          return { service, status: info.State.Status, health: info.State.Health?.Status ?? 'none' };
        }),
      );
      const dead = states.find((s) => s.status === 'exited' || s.status === 'dead');
      if (dead) {
        const logs = await this.logs(dead.service);
        const tail = (logs.stderr || logs.stdout).trim().split('\n').slice(-10).join('\n');
        throw new LabError(`Container '${dead.service}' stopped while starting:\n${tail}`);
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

  async versions(): Promise<Record<string, string>> {
    const v = await this.docker.version();
    return { docker: v.Version, kernel: v.KernelVersion };
  }

  async down(): Promise<void> {
    await compose(['down', '--volumes', '--remove-orphans', '--timeout', '5'], {
      env: this.composeEnv(),
      timeoutMs: 120_000,
    });
  }
}
