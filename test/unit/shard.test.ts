// --shard i/n: every cell of a matrix in exactly one shard for any n, the same
// shard whatever the flags' order, the long-lane cells spread, and every bad
// --shard one line of ours, exit 2 (the lab's flag errors: cli-flag-errors.test.ts).
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { LabError } from '../../harness/model/errors.js';
import { HELP, parseLabArgs } from '../../harness/cli/options.js';
import { scenarioListing } from '../../harness/cli/list-scenarios.js';
import { ALL_APP_CELLS, appCellName, DEFAULT_MATRIX, type AppCell } from '../../harness/scenarios/matrix.js';
import { parseShard, selectShard, shardCells } from '../../harness/scenarios/shard.js';

const names = (cells: readonly AppCell[]) => cells.map(appCellName);

for (const [what, matrix] of [
  ['the default matrix', DEFAULT_MATRIX],
  ['every cell (ALL_APP_CELLS)', ALL_APP_CELLS],
] as const) {
  t.test(`${what}: for n = 1..8, every cell in exactly one shard, in the matrix's order`, async (t) => {
    for (let n = 1; n <= 8; n++) {
      const shards = Array.from({ length: n }, (_, i) => names(shardCells(matrix, i + 1, n)));
      const all = shards.flat();
      t.equal(all.length, matrix.length, `n=${n}: as many cells as the matrix has`);
      t.same([...all].sort(), [...names(matrix)].sort(), `n=${n}: each cell of the matrix, each once`);
      for (const shard of shards) {
        const inOrder = names(matrix).filter((name) => shard.includes(name));
        t.same(shard, inOrder, `n=${n}: a shard lists its cells in the matrix's order`);
      }
      const sizes = shards.map((s) => s.length);
      t.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `n=${n}: shard sizes ${sizes.join(', ')} differ by ≤ 1`);
      // The app-side fixes run in the long lane (about a minute a cycle): spread, so no shard carries them all. Node's
      // defaults, behind an LB-side fix too, close at 6 s: the short lane.
      const longLane = new Set(names(matrix.filter((c) => c.fix !== 'default')));
      const long = shards.map((s) => s.filter((name) => longLane.has(name)).length);
      t.ok(Math.max(...long) - Math.min(...long) <= 1, `n=${n}: long-lane cells ${long.join(', ')} differ by ≤ 1`);
    }
  });
}

t.test('stable: the same shard for the same cells, whatever order they come in or the flags were given', async (t) => {
  const reversed = [...DEFAULT_MATRIX].reverse();
  for (let n = 1; n <= 8; n++) {
    for (let i = 1; i <= n; i++) {
      t.same(
        [...names(shardCells(reversed, i, n))].sort(),
        [...names(shardCells(DEFAULT_MATRIX, i, n))].sort(),
        `${i}/${n}: the same cells from the matrix reversed`,
      );
    }
  }
  const a = parseLabArgs(['--matrix', '--only', 'lb=nginx', '--shard', '2/3', '--cycles', '4']);
  const b = parseLabArgs(['--shard', '2/3', '--cycles', '4', '--only', 'lb=nginx', '--matrix']);
  t.same(a.cells, b.cells, 'flags in another order: the same cells');
  t.same(a.shard, b.shard, 'and the same shard record');
  // Pinned, worked out by hand: a CI matrix that splits the default matrix in 4 keeps this split from run to run.
  // The 11 long-lane apps in the canonical order (nginx before HAProxy and Caddy; Node 20…26; standalone, next-start,
  // custom; default, article, keepalive-only, too-short, node-65s) are dealt 1,2,3,4,1,…: shard 1 gets the 1st
  // (node20 article), 5th (node24 too-short) and 9th (node26 article); the 8 short-lane ones continue at shard 4
  // (the 12th deal), so shard 1 gets their 2nd (node22 default) and 6th (node26 default). Listed in the matrix's order.
  t.same(names(shardCells(DEFAULT_MATRIX, 1, 4)), [
    'node20-standalone-article',
    'node22-standalone-default',
    'node26-standalone-default',
    'node26-standalone-article',
    'node24-standalone-too-short',
  ]);
});

t.test('--matrix --shard i/n: the part as the run cells, the whole matrix kept for merge', async (t) => {
  const whole = parseLabArgs(['--matrix', '--only', 'node=24']);
  const part = parseLabArgs(['--matrix', '--only', 'node=24', '--shard', '2/3']);
  t.same(part.shard?.matrixCells, whole.cells, 'the whole matrix, in its order');
  t.equal(part.shard?.index, 2);
  t.equal(part.shard?.count, 3);
  t.same(part.cells, shardCells(whole.cells ?? [], 2, 3));
  t.equal(parseLabArgs(['--matrix']).shard, null, 'without --shard: a whole run');
  t.same(parseLabArgs(['--matrix', '--shard', '1/1']).cells, [...DEFAULT_MATRIX], '1/1 is the whole matrix');
  t.same(parseShard(' 3 / 8 '), { index: 3, count: 8 });
  // Every shard gets the CI job's flags: an LB's setting is checked against the whole matrix, not the part.
  const nginxOnly = parseLabArgs(['--matrix', '--haproxy-reuse', 'always', '--shard', '1/4']);
  t.notOk(
    nginxOnly.cells?.some((c) => c.lb === 'haproxy'),
    'this shard has no HAProxy cell, yet takes --haproxy-reuse',
  );
  t.equal(nginxOnly.haproxyReuse, 'always');
});

t.test('a bad --shard: one line, exit 2', async (t) => {
  const cases: Array<[string[], RegExp]> = [
    [['--matrix', '--shard', '0/2'], /^--shard 0\/2: i must be between 1 and 2\.$/],
    [['--matrix', '--shard', '3/2'], /^--shard 3\/2: i must be between 1 and 2\.$/],
    [['--matrix', '--shard', '1/0'], /^--shard 1\/0: n must be between 1 and 64\.$/],
    [['--matrix', '--shard', 'x'], /^--shard wants i\/n .*got 'x'\.$/],
    [['--matrix', '--shard', '2'], /^--shard wants i\/n .*got '2'\.$/],
    [['--matrix', '--shard', '-1/2'], /^--shard wants i\/n .*got '-1\/2'\.$/],
    [['--shard', '1/2'], /^--shard splits a matrix run .*add --matrix\.$/],
    [['--scenario', 'node24-custom-default', '--shard', '1/2'], /^--shard splits --matrix over machines; --scenario/],
    [['--matrix', '--only', 'lb=haproxy', '--shard', '3/3'], /^--shard 3\/3 selects no cell: .* 2 apps; use at most 2/],
    [['--matrix', '--shard', '1/2', '--shard', '2/2'], /^--shard is given more than once\.$/],
  ];
  for (const [argv, message] of cases) {
    let err: unknown = null;
    try {
      parseLabArgs(argv);
    } catch (e) {
      err = e;
    }
    t.ok(err instanceof LabError, `${argv.join(' ')}: refused`);
    if (!(err instanceof LabError)) continue;
    t.match(err.message, message, argv.join(' '));
    t.equal(err.exitCode, 2);
  }
  t.throws(() => selectShard([], { index: 1, count: 1 }), /selects no cell/);
});

t.test('the real command: a bad --shard is one line on stderr, exit 2, before anything runs', async (t) => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'harness/cli/lab.ts', '--matrix', '--shard', '3/2'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  t.equal(run.status, 2);
  t.equal(run.stdout, '');
  t.same(run.stderr.trimEnd().split('\n'), [
    'keepalive-lab: --shard 3/2: i must be between 1 and 2.',
    '  hint: See npm run lab -- --help.',
  ]);
});

t.test('--help and --list-scenarios say how to shard and merge', async (t) => {
  t.match(HELP, /--shard <i\/n>/);
  t.match(HELP, /npm run merge -- <run-dir>/);
  const listing = scenarioListing(parseLabArgs(['--list-scenarios', '--matrix', '--shard', '1/4']).cells);
  t.match(listing, /--matrix --shard i\/n runs part i of n/);
  const listed = listing.split('\n').filter((l) => /^[* ] \S+$/.test(l));
  t.same(
    listed.map((l) => l.slice(2)),
    names(shardCells(DEFAULT_MATRIX, 1, 4)),
    "with --matrix --shard it lists that part's cells",
  );
});
