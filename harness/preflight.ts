// Before anything starts: is there a runtime to run on, and are its ports free?
// Each failure is one sentence and a hint.
import net from 'node:net';
import { LabError } from './errors.js';
import type { RuntimeChoice } from './options.js';
import { findCompose } from './runtime/compose.js';
import { DOCKER_DENIED, dockerStatus, KEPT_STACK_DOWN, projectResources } from './runtime/docker-stack.js';
import { nginxBinary } from './runtime/local-stack.js';
import type { Runtime } from './runtime/stack.js';
import type { Scenario } from './scenarios.js';

async function composeFound(): Promise<boolean> {
  try {
    await findCompose();
    return true;
  } catch {
    return false;
  }
}

export async function resolveRuntime(choice: RuntimeChoice): Promise<Runtime> {
  const docker = await dockerStatus();
  if (choice === 'docker') {
    if (docker === 'denied') throw DOCKER_DENIED;
    if (docker !== 'ok') throw new LabError('The Docker daemon does not answer.', 'Start Docker, or run without it: --runtime local.');
    await findCompose();
    return 'docker';
  }
  if (choice === 'local') {
    if (!(await nginxBinary())) throw new LabError('nginx was not found on PATH.', 'Install it (apt-get install nginx-light), or use --runtime docker.');
    return 'local';
  }
  if (docker === 'ok' && (await composeFound())) return 'docker';
  if (docker === 'denied') throw DOCKER_DENIED;
  if (await nginxBinary()) return 'local';
  throw new LabError(
    'Neither Docker (daemon + Compose) nor a local nginx is available.',
    'Start Docker with Compose v2 or docker-compose 1.29, or install nginx for --runtime local.',
  );
}

export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export async function checkPorts(scenario: Scenario, runtime: Runtime): Promise<void> {
  const ports = scenario.variants.flatMap((v) => [v.lbPort, v.appPort]);
  const taken: number[] = [];
  for (const port of ports) if (!(await portFree(port))) taken.push(port);
  if (taken.length === 0) return;
  // Our own stack, left up by --keep, is recreated by `compose up`; anything else is in the way.
  if (runtime === 'docker' && (await projectResources()).containers.length > 0) return;
  throw new LabError(
    `Port${taken.length > 1 ? 's' : ''} ${taken.join(', ')} on 127.0.0.1 ${taken.length > 1 ? 'are' : 'is'} in use.`,
    `Stop what listens there (a lab left running with --keep: ${KEPT_STACK_DOWN}).`,
  );
}
