// Shared by the Docker tests: Docker is required in CI (LAB_REQUIRE_DOCKER=1),
// optional on a laptop without it, where the tests skip with the reason.
import type { Test } from 'tap';
import { dockerStatus } from '../../harness/runtime/docker-stack.js';
import { LB_DRIVERS } from '../../harness/lb/drivers.js';
import { lbBinary } from '../../harness/runtime/local-stack.js';
import type { LbName } from '../../harness/scenarios/scenarios.js';

/**
 * The system's LBs on PATH for the local runtime: required in CI (LAB_REQUIRE_NGINX=1 for nginx, LAB_REQUIRE_LBS=1 for
 * every LB).
 */
export async function lbsOrSkip(t: Test, lbs: readonly LbName[]): Promise<boolean> {
  const missing: LbName[] = [];
  for (const lb of lbs) if (!(await lbBinary(LB_DRIVERS[lb]))) missing.push(lb);
  if (missing.length === 0) return true;
  const required =
    process.env.LAB_REQUIRE_LBS === '1' || (process.env.LAB_REQUIRE_NGINX === '1' && missing.includes('nginx'));
  if (required) t.fail(`required but not on PATH: ${missing.join(', ')}`);
  else t.plan(0, `not on PATH: ${missing.join(', ')} (set LAB_REQUIRE_LBS=1 to make this a failure)`);
  return false;
}

export const nginxOrSkip = (t: Test) => lbsOrSkip(t, ['nginx']);

export async function dockerOrSkip(t: Test): Promise<boolean> {
  if ((await dockerStatus()) === 'ok') return true;
  if (process.env.LAB_REQUIRE_DOCKER === '1') {
    t.fail('LAB_REQUIRE_DOCKER=1 but the Docker daemon does not answer');
  } else {
    t.plan(0, 'the Docker daemon does not answer (set LAB_REQUIRE_DOCKER=1 to make this a failure)');
  }
  return false;
}
