// The matrix declaration: every axis value reachable, the default matrix as
// declared, names unique and round-tripping, filters and their mistakes.
import t from 'tap';
import { LabError } from '../../harness/model/errors.js';
import { EXIT } from '../../harness/model/exit-codes.js';
import {
  ALL_APP_CELLS,
  appCellName,
  cellsByName,
  DEFAULT_MATRIX,
  matrixScenario,
  parseMatrixFilter,
  selectCells,
} from '../../harness/scenarios/matrix.js';
import { parseLabArgs } from '../../harness/cli/options.js';
import {
  FIX_NAMES,
  fixValue,
  LB,
  LB_NAMES,
  MAX_VARIANTS,
  NODE_LINES,
  SERVER_MODES,
} from '../../harness/scenarios/scenarios.js';
import { LB_FIX_NAMES } from '../../harness/scenarios/lb-fixes.js';

t.test('the full product has every combination once, with unique names', async (t) => {
  t.equal(
    ALL_APP_CELLS.length,
    LB_NAMES.length * NODE_LINES.length * SERVER_MODES.length * FIX_NAMES.length + LB_FIX_NAMES.length - 1,
    "the app axes' product, then each LB-side fix once",
  );
  const names = ALL_APP_CELLS.map(appCellName);
  t.equal(new Set(names).size, names.length, 'names unique');
  t.same(cellsByName(names), ALL_APP_CELLS, 'every name finds its cell');
  t.equal(
    appCellName({ lb: 'nginx', nodeLine: '24', serverMode: 'next-start', fix: 'too-short' }),
    'node24-next-start-too-short',
    "nginx's names carry no prefix (as before other LBs)",
  );
  t.equal(
    appCellName({ lb: 'haproxy', nodeLine: '24', serverMode: 'standalone', fix: 'default' }),
    'haproxy-node24-standalone-default',
  );
});

t.test('the default matrix covers every axis value and crosses what matters', async (t) => {
  for (const line of NODE_LINES)
    t.ok(
      DEFAULT_MATRIX.some((c) => c.nodeLine === line),
      `node ${line}`,
    );
  for (const mode of SERVER_MODES)
    t.ok(
      DEFAULT_MATRIX.some((c) => c.serverMode === mode),
      `mode ${mode}`,
    );
  for (const fix of FIX_NAMES)
    t.ok(
      DEFAULT_MATRIX.some((c) => c.fix === fix && c.nodeLine === '24'),
      `fix ${fix} on Node 24`,
    );
  for (const line of NODE_LINES) {
    for (const fix of ['default', 'article'] as const)
      t.ok(
        DEFAULT_MATRIX.some((c) => c.nodeLine === line && c.fix === fix),
        `node ${line} × ${fix}`,
      );
  }
  for (const mode of SERVER_MODES) {
    for (const fix of ['default', 'article'] as const)
      t.ok(
        DEFAULT_MATRIX.some((c) => c.serverMode === mode && c.fix === fix),
        `${mode} × ${fix}`,
      );
  }
  const names = DEFAULT_MATRIX.map(appCellName);
  t.equal(new Set(names).size, names.length, 'no cell twice');
  t.equal(DEFAULT_MATRIX.filter((c) => c.lb === 'nginx').length, 15, 'behind nginx: every Node line, mode and fix');
  for (const lb of ['haproxy', 'caddy'] as const) {
    t.same(
      DEFAULT_MATRIX.filter((c) => c.lb === lb).map((c) => c.fix),
      ['default', 'article'],
      `${lb}: Node's defaults and the fix, on the default line`,
    );
  }
});

t.test('fix values follow the LB, except the coming Node default', async (t) => {
  t.same(fixValue('article', LB), { ...fixValue('article', LB), keepAliveTimeoutMs: 61_000, headersTimeoutMs: 62_000 });
  t.equal(fixValue('keepalive-only', LB).keepAliveTimeoutMs, 61_000);
  t.equal(fixValue('keepalive-only', LB).headersTimeoutMs, undefined, "headers left at Node's default");
  t.equal(fixValue('too-short', LB).keepAliveTimeoutMs, 59_000);
  t.equal(fixValue('node-65s', LB).keepAliveTimeoutMs, 65_000);
  t.equal(fixValue('node-65s', { upstreamKeepaliveTimeoutMs: 12_000 }).keepAliveTimeoutMs, 65_000, 'absolute');
  t.equal(
    fixValue('too-short', { upstreamKeepaliveTimeoutMs: 12_000 }).keepAliveTimeoutMs,
    11_000,
    'compressed with the LB',
  );
  t.same(fixValue('default', LB).keepAliveTimeoutMs, undefined);
});

t.test('--only filters the default matrix; axes and values are checked', async (t) => {
  t.same(selectCells(parseMatrixFilter('node=24,mode=next-start')).map(appCellName), [
    'node24-next-start-default',
    'node24-next-start-article',
  ]);
  t.same(selectCells(parseMatrixFilter('node=20,node=22,fix=default')).map(appCellName), [
    'node20-standalone-default',
    'node22-standalone-default',
  ]);
  const bad = (raw: string, message: RegExp) =>
    t.throws(() => selectCells(parseMatrixFilter(raw)), { name: LabError.name, message, exitCode: EXIT.badInput }, raw);
  bad('node=19', /node must be one of 20, 22, 24, 26/);
  bad('colour=red', /unknown axis 'colour'/);
  bad('node24', /axis=value pairs/);
  bad('node=22,mode=custom', /No cell of the default matrix matches/);
});

t.test('matrix scenarios: ports distinct and in range, services named by cell', async (t) => {
  const s = matrixScenario(ALL_APP_CELLS.filter((c) => c.lb === 'nginx'));
  const ports = s.variants.flatMap((v) => [v.lbPort, v.appPort]);
  t.equal(new Set(ports).size, ports.length, 'every port once');
  t.ok(
    ports.every((p) => (p > 8400 && p < 8500) || (p > 8500 && p < 8600)),
    'inside 8401–8499 / 8501–8599',
  );
  t.equal(s.variants[0].service, `app-${appCellName(ALL_APP_CELLS[0])}`);
  t.equal(s.kind, 'matrix');
  // Docker names each app's host by its service: one DNS label. haproxy could not resolve a 64-character one.
  const longest = matrixScenario(ALL_APP_CELLS.slice(-MAX_VARIANTS))
    .variants.concat(s.variants)
    .map((v) => v.service)
    .sort((a, b) => b.length - a.length)[0];
  t.ok(longest.length <= 63, `every service name is a DNS label (${longest}: ${longest.length} characters)`);
  t.throws(() => matrixScenario(Array.from({ length: MAX_VARIANTS + 1 }, () => ALL_APP_CELLS[0])), /at most 99/);
});

t.test('the flags: --matrix, --only, --scenario, --long-cycles', async (t) => {
  t.equal(parseLabArgs([]).cells, null, 'the talk-sized run by default');
  t.equal(parseLabArgs(['--matrix']).cells?.length, DEFAULT_MATRIX.length);
  t.same(
    parseLabArgs(['--scenario', 'node22-custom-too-short, node26-next-start-node-65s,caddy-node24-custom-article'])
      .cells,
    [
      { lb: 'nginx', nodeLine: '22', serverMode: 'custom', fix: 'too-short' },
      { lb: 'nginx', nodeLine: '26', serverMode: 'next-start', fix: 'node-65s' },
      { lb: 'caddy', nodeLine: '24', serverMode: 'custom', fix: 'article' },
    ],
  );
  t.same(
    parseLabArgs(['--matrix', '--only', 'lb=haproxy']).cells?.map(appCellName),
    ['haproxy-node24-standalone-default', 'haproxy-node24-standalone-article'],
    '--only lb=haproxy',
  );
  t.equal(parseLabArgs(['--matrix', '--haproxy-reuse', 'always']).haproxyReuse, 'always');
  t.equal(parseLabArgs(['--matrix']).haproxyReuse, 'safe', "HAProxy's own default");
  t.equal(parseLabArgs(['--matrix', '--long-cycles', '3']).longCycles, 3);
  const refused = (argv: string[], message: RegExp) =>
    t.throws(() => parseLabArgs(argv), { name: LabError.name, message, exitCode: EXIT.badInput }, argv.join(' '));
  refused(['--only', 'node=24'], /--only narrows --matrix/);
  refused(['--matrix', '--scenario', 'node24-standalone-default'], /exclude each other/);
  refused(['--matrix', '--server-mode', 'custom'], /mode is an axis/);
  refused(['--matrix', '--full'], /--full/);
  refused(['--long-cycles', '3'], /matrix runs/);
  refused(['--scenario', 'node24-standalone-default,node24-standalone-default'], /twice/);
  refused(['--scenario', 'nope'], /no cell named 'nope'/);
  refused(['--scenario', ','], /cell names/);
  refused(['--matrix', '--long-cycles', '0'], /between 1 and 100/);
  refused(['--matrix', '--only', 'lb=envoy'], /lb must be one of nginx, haproxy, caddy/);
  refused(['--matrix', '--haproxy-reuse', 'never'], /--haproxy-reuse must be one of safe, always/);
  refused(['--haproxy-reuse', 'always'], /this run has no HAProxy cell/);
  refused(['--matrix', '--only', 'lb=caddy', '--haproxy-reuse', 'always'], /this run has no HAProxy cell/);
  refused(['--matrix', '--only', 'lb=caddy', '--retry-policy', 'nginx'], /this run has no nginx cell/);
});
