// Before anything starts: is there a runtime to run on, and are its ports free?
// Each failure is one sentence and a hint.
import net from 'node:net';
import { LabError } from '../model/errors.js';
import { EXIT } from '../model/exit-codes.js';
import { LAB_SLOT, SLOT_ENV } from '../scenarios/slot.js';
import { findCompose } from './compose.js';
import { DOCKER_DENIED, dockerStatus, KEPT_STACK_DOWN, projectResources } from './docker-stack.js';
import { lbsOf } from '../lb/drivers.js';
import { lbBinary } from './local-stack.js';
import { lbPortsOf, type Scenario } from '../scenarios/scenarios.js';
import type { RuntimeChoice, Runtime } from '../scenarios/run-options.js';

/** The LBs of the scenario this host lacks, for the local runtime (which runs the system's). */
async function missingLbs(scenario: Scenario): Promise<string[]> {
  const missing: string[] = [];
  for (const { driver } of lbsOf(scenario)) if (!(await lbBinary(driver))) missing.push(driver.name);
  return missing;
}

function installHint(scenario: Scenario, missing: string[]): string {
  return lbsOf(scenario)
    .filter((l) => missing.includes(l.driver.name))
    .map((l) => l.driver.installHint)
    .join('; ');
}

async function composeFound(): Promise<boolean> {
  try {
    await findCompose();
    return true;
  } catch {
    return false;
  }
}

/**
 * Docker when asked or when it answers (auto); the local runtime when asked, or when Docker does not answer and every
 * LB of the scenario is installed.
 */
export async function resolveRuntime(choice: RuntimeChoice, scenario: Scenario): Promise<Runtime> {
  // A slot the lab cannot use would otherwise run silently in slot 0, beside the run it was meant to avoid.
  if (LAB_SLOT.problem !== null) {
    throw new LabError(LAB_SLOT.problem, `Unset ${SLOT_ENV} for the usual ports, or pick a free slot.`, EXIT.badInput);
  }
  const docker = await dockerStatus();
  if (choice === 'docker') {
    if (docker === 'denied') throw DOCKER_DENIED;
    if (docker !== 'ok')
      throw new LabError('The Docker daemon does not answer.', 'Start Docker, or run without it: --runtime local.');
    await findCompose();
    return 'docker';
  }
  if (choice === 'local') {
    const missing = await missingLbs(scenario);
    if (missing.length > 0) {
      throw new LabError(
        `${missing.join(' and ')} not found on PATH; the local runtime runs the system's LBs.`,
        `Install ${installHint(scenario, missing)}, or use --runtime docker.`,
      );
    }
    return 'local';
  }
  if (docker === 'ok' && (await composeFound())) return 'docker';
  if (docker === 'denied') throw DOCKER_DENIED;
  const missing = await missingLbs(scenario);
  if (missing.length === 0) return 'local';
  throw new LabError(
    `Neither Docker (daemon + Compose) nor a local ${missing.join(' and ')} is available.`,
    `Start Docker with Compose v2 or docker-compose 1.29, or for --runtime local: ${installHint(scenario, missing)}.`,
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
  const ports = scenario.variants.flatMap((v) => [...lbPortsOf(v), v.appPort]);
  const taken: number[] = [];
  for (const port of ports) if (!(await portFree(port))) taken.push(port);
  if (taken.length === 0) return;
  // Our own stack, left up by --keep, is recreated by `compose up`; anything else is in the way.
  if (runtime === 'docker' && (await projectResources()).containers.length > 0) return;
  throw new LabError(
    `Port${taken.length > 1 ? 's' : ''} ${taken.join(', ')} on 127.0.0.1 ${taken.length > 1 ? 'are' : 'is'} in use.`,
    `Stop what listens there (a lab left running with --keep: ${KEPT_STACK_DOWN}), or run this lab in another slot (${SLOT_ENV}=1: every port 1000 higher).`,
  );
}
