// The example sharded workflow users copy (examples/github-actions/): each
// shard's lab command must parse with today's flags, the shards of its job
// matrix must cover the default matrix exactly once, every shard's run must be
// kept, and the merge job must run after failed shards and fail on the merge's
// exit code.
import { readFileSync } from 'node:fs';
import t from 'tap';
import { parseLabArgs } from '../../harness/cli/options.js';
import { appCellName, DEFAULT_MATRIX } from '../../harness/scenarios/matrix.js';

const workflow = readFileSync(
  new URL('../../examples/github-actions/keepalive-lab-matrix.yml', import.meta.url),
  'utf8',
);

t.test("the shards' lab commands parse, and together they run the default matrix, each app once", async (t) => {
  const shards = /^\s+shard: \[([\d, ]+)\]$/m
    .exec(workflow)?.[1]
    .split(',')
    .map((s) => Number(s.trim()));
  t.same(shards, [1, 2, 3, 4], 'a job matrix of four shards');
  const line = workflow.split('\n').find((l) => /^\s*npm run -s lab -- /.test(l));
  t.ok(line, 'each shard runs npm run lab');
  const ran: string[] = [];
  for (const shard of shards ?? []) {
    const args = line!
      .trim()
      .replace(/^npm run -s lab -- /, '')
      .replaceAll('${{ matrix.shard }}', String(shard))
      .split(/\s+/);
    const options = parseLabArgs(args);
    t.same(options.shard?.matrixCells, [...DEFAULT_MATRIX], `shard ${shard}: of the default matrix`);
    t.equal(options.shard?.count, 4);
    t.equal(options.assert, true, `shard ${shard}: --assert, so the merged run answers it`);
    ran.push(...(options.cells ?? []).map(appCellName));
  }
  t.same([...ran].sort(), DEFAULT_MATRIX.map(appCellName).sort(), 'every app of the matrix, once');
  // A shard's own 99 is left to the merge; any other failure fails the shard.
  t.match(workflow, /if \[ "\$code" -ne 0 \] && \[ "\$code" -ne 99 \]; then exit "\$code"; fi/);
});

t.test("every shard's run is kept, and the merge joins them after any shard, failing on its exit", async (t) => {
  t.match(workflow, /fail-fast: false/);
  t.match(
    workflow,
    /if: always\(\)\n\s+uses: actions\/upload-artifact@v\d+\n\s+with:\n\s+name: keepalive-lab-shard-\$\{\{ matrix\.shard \}\}/,
  );
  t.match(workflow, /merge:\n\s+needs: shard\n(\s+#.*\n)*\s+if: \$\{\{ !cancelled\(\) \}\}/);
  t.match(
    workflow,
    /uses: actions\/download-artifact@v\d+\n\s+with:\n\s+pattern: keepalive-lab-shard-\*\n\s+path: shards/,
  );
  const merge = workflow.split('\n').find((l) => /^\s*run: npm run -s merge -- /.test(l));
  t.equal(merge?.trim(), 'run: npm run -s merge -- shards/*/*/ --results-dir merged', "its exit code is the step's");
});
