// The reduced matrix on Docker, as CI runs it: Node 24 standalone and `next
// start` with Node's defaults, the article's fix and the too-short fix, one app
// container each behind one nginx whose idle timeout is compressed to 12 s.
// Nothing may be left running afterwards.
// First: this file's own ports and Compose project (test/helpers/slot.ts).
import '../helpers/slot.js';
import t from 'tap';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectResources } from '../../harness/runtime/docker-stack.js';
import { NODE_RELEASES } from '../../harness/scenarios/scenarios.js';
import { dockerOrSkip } from '../helpers/require.js';
import { assertReducedMatrix, lineFor, reducedCells, runReducedMatrix } from '../helpers/reduced-matrix.js';

t.test('reduced matrix, Docker', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const { summary, runDir } = await runReducedMatrix(t, 'docker');
  assertReducedMatrix(t, summary, runDir, lineFor('docker'));
  t.equal(summary.versions.node24, NODE_RELEASES['24'], 'the container runs the pinned release');
  t.ok(
    summary.cells.every((c) => c.node === NODE_RELEASES['24']),
    'every cell carries it',
  );
  t.ok(existsSync(join(runDir, 'compose.json')), 'the Compose file that ran is saved with the results');
  for (const name of reducedCells(lineFor('docker')))
    t.ok(existsSync(join(runDir, `app-${name}.log`)), `app-${name}.log saved`);
  t.same(await projectResources(), { containers: [], networks: [], volumes: [] }, 'nothing left behind');
});
