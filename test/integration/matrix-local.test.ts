// The reduced matrix on the local runtime (system nginx, the host's Node):
// standalone and `next start` with Node's defaults, the article's fix and the
// too-short fix, behind an LB whose idle timeout is compressed to 12 s.
// First: this file's own ports and Compose project (test/helpers/slot.ts).
import '../helpers/slot.js';
import t from 'tap';
import { nginxOrSkip } from '../helpers/require.js';
import { assertReducedMatrix, lineFor, runReducedMatrix } from '../helpers/reduced-matrix.js';

t.test('reduced matrix, local runtime', async (t) => {
  if (!(await nginxOrSkip(t))) return;
  const { summary, runDir, progress } = await runReducedMatrix(t, 'local');
  assertReducedMatrix(t, summary, runDir, lineFor('local'));
  const line = lineFor('local');
  t.match(
    progress.join('\n'),
    new RegExp(`short lane \\(the app closes first.*: node${line}-standalone-default, node${line}-next-start-default`),
    'says which app runs in which lane',
  );
  t.match(
    progress.join('\n'),
    new RegExp(
      `long lane \\(boundary at the LB's 12 s; 3 cycles side by side, each through pools of its own, about 0\\.[\\d]+ min\\): node${line}-standalone-article, node${line}-standalone-too-short`,
    ),
  );
});

t.test('the local runtime refuses matrix cells of a Node line it does not run', async (t) => {
  const { runLab } = await import('../../harness/lab/lab.js');
  const { parseLabArgs } = await import('../../harness/cli/options.js');
  const other = lineFor('local') === '24' ? '22' : '24';
  const options = parseLabArgs(['--runtime', 'local', '--scenario', `node${other}-standalone-default`]);
  await t.rejects(runLab(options, { progress: () => {}, signal: new AbortController().signal }), {
    message: new RegExp(
      `The local runtime runs every app on this host's Node ${process.versions.node}; node${other}-standalone-default needs another line`,
    ),
    exitCode: 2,
  });
});
