// Shared by the Docker tests: Docker is required in CI (LAB_REQUIRE_DOCKER=1),
// optional on a laptop without it, where the tests skip with the reason.
import type { Test } from 'tap';
import { dockerStatus } from '../../harness/runtime/docker-stack.js';
import { nginxBinary } from '../../harness/runtime/local-stack.js';

/** The same for nginx on PATH (LAB_REQUIRE_NGINX=1 in CI). */
export async function nginxOrSkip(t: Test): Promise<boolean> {
  if (await nginxBinary()) return true;
  if (process.env.LAB_REQUIRE_NGINX === '1') t.fail('LAB_REQUIRE_NGINX=1 but no nginx binary on PATH');
  else t.plan(0, 'no nginx binary on PATH (set LAB_REQUIRE_NGINX=1 to make this a failure)');
  return false;
}

export async function dockerOrSkip(t: Test): Promise<boolean> {
  if ((await dockerStatus()) === 'ok') return true;
  if (process.env.LAB_REQUIRE_DOCKER === '1') {
    t.fail('LAB_REQUIRE_DOCKER=1 but the Docker daemon does not answer');
  } else {
    t.plan(0, 'the Docker daemon does not answer (set LAB_REQUIRE_DOCKER=1 to make this a failure)');
  }
  return false;
}
