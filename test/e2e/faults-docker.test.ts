// Faults mid-run on Docker, through the CLI as a user runs it: a container
// killed during traffic (an app, the LB) and an image that cannot be built.
// Each must end with one clear line, exit 1, what was measured written with
// summary.json marked incomplete, and nothing of the lab left in Docker.
// First: this file's own ports and Compose project (test/helpers/slot.ts).
import '../helpers/slot.js';
import t from 'tap';
import Docker from 'dockerode';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../../harness/model/exit-codes.js';
import { readSummary } from '../../harness/results/schema.js';
import { projectResources } from '../../harness/runtime/docker-stack.js';
import { COMPOSE_PROJECT } from '../../harness/scenarios/scenarios.js';
import { startLab } from '../helpers/lab-process.js';
import { dockerOrSkip } from '../helpers/require.js';

const RUN_LIMIT_MS = 600_000;
const DOCKER_RUN = ['--runtime', 'docker', '--cycles', '6', '--max-cycles', '6'];

async function killService(service: string): Promise<string> {
  const docker = new Docker();
  const [found] = await docker.listContainers({
    filters: JSON.stringify({
      label: [`com.docker.compose.project=${COMPOSE_PROJECT}`, `com.docker.compose.service=${service}`],
    }),
  });
  if (!found) throw new Error(`no running container for ${service}`);
  await docker.getContainer(found.Id).kill({ signal: 'SIGKILL' });
  return found.Names.join(',');
}

t.test('faults on Docker', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const resultsDir = mkdtempSync(join(tmpdir(), 'keepalive-lab-docker-faults-'));
  t.teardown(() => rmSync(resultsDir, { recursive: true, force: true }));

  for (const service of ['app-default', 'nginx']) {
    t.test(`the ${service} container killed during traffic`, async (t) => {
      const lab = startLab([...DOCKER_RUN, '--results-dir', resultsDir], { hardLimitMs: RUN_LIMIT_MS });
      t.ok(await lab.waitFor(/cycle +1\//), 'traffic started');
      t.comment(`killed ${await killService(service)}`);
      t.equal(await lab.exited, EXIT.couldNotRun, `exit ${EXIT.couldNotRun}`);
      const lines = lab
        .stderr()
        .split('\n')
        .filter((l) => l.startsWith('keepalive-lab:'));
      t.equal(lines.length, 1, 'one line for the cause');
      t.match(
        lines[0],
        new RegExp(
          `^keepalive-lab: The container of '${service}' stopped during the run \\(exited, exit code 137, killed\\)\\.$`,
        ),
      );
      t.notMatch(lab.stderr(), /\n\s+at /, 'no stack trace');
      const runDir = lab.runDir()!;
      const read = readSummary(JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')));
      t.same(read.problems, []);
      t.equal(read.summary?.complete, false, 'summary.json marked incomplete');
      t.equal(read.summary?.failure?.phase, 'traffic');
      t.equal(read.summary?.verdict.ok, false, 'no verdict from a broken run');
      t.ok((read.summary?.variants.default.requests.total ?? 0) > 0, 'the requests before the fault are kept');
      t.ok(
        existsSync(join(runDir, `app-default.log`)) && existsSync(join(runDir, 'requests.ndjson')),
        'logs and requests saved',
      );
      t.same(await projectResources(), { containers: [], networks: [], volumes: [] }, 'nothing left in Docker');
    });
  }

  t.test('a base image that does not exist: the build fails with one line and a hint', async (t) => {
    const lab = startLab([...DOCKER_RUN, '--results-dir', resultsDir], {
      env: { LAB_NODE_IMAGE: 'keepalive-lab/no-such-base-image:0' },
      hardLimitMs: RUN_LIMIT_MS,
    });
    t.equal(await lab.exited, EXIT.couldNotRun);
    t.match(lab.stderr(), /keepalive-lab: The images could not be built: a base image is not available\./);
    t.match(
      lab.stderr(),
      /hint: No container registry\? Build local base images: sudo scripts\/build-airgap-images\.sh/,
    );
    t.notMatch(lab.stderr(), /\n\s+at /, 'no stack trace');
    const read = readSummary(JSON.parse(readFileSync(join(lab.runDir()!, 'summary.json'), 'utf8')));
    t.equal(read.summary?.complete, false);
    t.equal(read.summary?.failure?.phase, 'bring-up');
    t.same(await projectResources(), { containers: [], networks: [], volumes: [] }, 'nothing left in Docker');
  });
});
