import t from 'tap';
import { LabError } from '../../harness/model/errors.js';
import { HELP, parseLabArgs } from '../../harness/cli/options.js';
import { DEFAULT_OPTIONS } from '../../harness/scenarios/run-options.js';

t.test('defaults: a quick, talk-sized run', async (t) => {
  const o = parseLabArgs([]);
  t.same(o, { ...DEFAULT_OPTIONS, maxCycles: DEFAULT_OPTIONS.cycles * 3 });
  t.equal(o.mode, 'quick');
  t.equal(o.runtime, 'auto');
});

t.test('every flag is read', async (t) => {
  const o = parseLabArgs([
    '--full',
    '--cycles',
    '5',
    '--max-cycles',
    '9',
    '--concurrency',
    '16',
    '--methods',
    'post,GET',
    '--retry-policy',
    'nginx',
    '--server-mode',
    'custom',
    '--runtime',
    'local',
    '--min-boundary',
    '30',
    '--results-dir',
    '/tmp/r',
    '--keep',
    '--json',
    '--assert',
    '--out',
    '/tmp/s.json',
    '--baseline',
    'results/x',
    '--live',
    '--live-port',
    '9400',
  ]);
  t.same(o, {
    mode: 'full',
    cycles: 5,
    maxCycles: 9,
    concurrency: 16,
    methods: ['POST', 'GET'],
    retryPolicy: 'nginx',
    haproxyReuse: 'safe',
    serverMode: 'custom',
    runtime: 'local',
    minBoundaryRequests: 30,
    naivePairs: 0,
    resultsDir: '/tmp/r',
    keep: true,
    json: true,
    assert: true,
    assertSafe: false,
    app: null,
    help: false,
    version: false,
    cells: null,
    longCycles: 10,
    listScenarios: false,
    out: '/tmp/s.json',
    baseline: 'results/x',
    live: true,
    livePort: 9400,
  });
  t.equal(parseLabArgs(['-h']).help, true);
  t.equal(parseLabArgs(['--list-scenarios']).listScenarios, true);
  t.same(parseLabArgs(['--matrix', '--only', 'node=24,mode=custom', '--long-cycles', '4']).cells, [
    { lb: 'nginx', nodeLine: '24', serverMode: 'custom', fix: 'default' },
    { lb: 'nginx', nodeLine: '24', serverMode: 'custom', fix: 'article' },
  ]);
  t.equal(parseLabArgs(['--server-mode', 'next-start']).serverMode, 'next-start');
  t.throws(() => parseLabArgs(['--concurrency', '1']), {
    message: /--concurrency 1 cannot carry POST and GET/,
    exitCode: 2,
  });
  t.equal(parseLabArgs(['--concurrency', '1', '--methods', 'POST']).concurrency, 1);
  t.equal(parseLabArgs(['--version']).version, true);
  t.equal(parseLabArgs(['-v']).version, true);
  t.match(HELP, /99 --assert failed/, 'the exit codes are in --help');
  t.match(HELP, '--assert');
});

const rejections: Array<[string[], RegExp]> = [
  [['--bogus'], /Unknown option '--bogus'/],
  [['extra'], /Unexpected argument 'extra'/],
  [['--cycles'], /argument missing/],
  [['--cycles', 'ten'], /--cycles must be a whole number, got 'ten'/],
  [['--cycles', '0'], /--cycles must be between 1 and 500/],
  [['--cycles', '-3'], /--cycles must be between 1 and 500, got -3/],
  [['--concurrency', '-3'], /--concurrency must be between 1 and 32, got -3\./],
  [['--concurrency=-3'], /--concurrency must be between 1 and 32, got -3\./],
  [['--results-dir', ''], /--results-dir needs a directory; it is empty/],
  [['--results-dir', '  '], /--results-dir needs a directory/],
  [['--methods', 'POST,post'], /--methods lists POST twice/],
  [['--cycles', '3', '--cycles', '4'], /--cycles is given more than once/],
  [['--json', '--json'], /--json is given more than once/],
  [['--cycles', '2.5'], /--cycles must be a whole number/],
  [['--concurrency', '33'], /--concurrency must be between 1 and 32/],
  [['--cycles', '10', '--max-cycles', '5'], /--max-cycles \(5\) must be at least --cycles \(10\)/],
  [['--methods', 'PUT'], /--methods must be one of POST, GET, got 'PUT'/],
  [['--methods', 'POST,,GET'], /--methods needs a comma-separated list/],
  [['--runtime', 'k8s'], /--runtime must be one of docker, local, auto/],
  [['--retry-policy', 'haproxy'], /--retry-policy must be one of alb, nginx/],
  [['--server-mode', 'dev'], /--server-mode must be one of standalone, next-start, custom/],
  [['--quick', '--full'], /exclude each other/],
  [['--min-boundary', 'x'], /--min-boundary must be a whole number/],
  [
    ['--min-boundary', '0'],
    /--min-boundary 0 is below the evidence floor: 8 boundary requests per method \(16 for POST and GET\)/,
  ],
  [['--min-boundary', '15'], /--min-boundary 15 is below the evidence floor/],
  [
    ['--methods', 'POST', '--min-boundary', '7'],
    /--min-boundary 7 is below the evidence floor: 8 boundary requests per method \(8 for POST\)/,
  ],
  [['--out', ''], /--out needs a file/],
  [['--baseline', ' '], /--baseline needs a file/],
  [['--out', 'a.json', '--out', 'b.json'], /--out is given more than once/],
  [['--live-port', '9400'], /--live-port sets the live page's port; add --live/],
  [['--live', '--live-port', '0'], /--live-port must be between 1 and 65535, got 0\./],
  [['--live', '--live-port', '65536'], /--live-port must be between 1 and 65535, got 65536\./],
  [['--live', '--live-port', '-1'], /--live-port must be between 1 and 65535, got -1\./],
  [['--live', '--live-port', 'http'], /--live-port must be a whole number, got 'http'/],
  [['--live', '--live-port'], /argument missing/],
  [['--live', '--live-port', '8401'], /--live-port 8401 is one of the lab's own ports \(8400–8499, 8501–8599\)/],
  [['--live', '--live-port', '8400'], /--live-port 8400 is one of the lab's own ports/],
  [['--live', '--live-port', '8599'], /one of the lab's own ports/],
  [['--live', '--live', '--json'], /--live is given more than once/],
];

for (const [argv, message] of rejections) {
  t.test(`rejects ${argv.join(' ')}`, async (t) => {
    try {
      parseLabArgs(argv);
      t.fail('accepted');
    } catch (err) {
      t.type(err, LabError);
      t.equal((err as LabError).exitCode, 2, 'exit code 2');
      t.match((err as LabError).message, message);
      t.notMatch((err as LabError).message, /\n/, 'one line');
    }
  });
}

t.test('--out and --baseline are kept as given; none by default', async (t) => {
  t.match(parseLabArgs(['--out', 'ci/summary.json', '--baseline', 'results/x']), {
    out: 'ci/summary.json',
    baseline: 'results/x',
  });
  t.match(parseLabArgs([]), { out: null, baseline: null });
  t.match(HELP, /--out <file>/);
  t.match(HELP, /--baseline <summary>/);
});

t.test('--live: any free port by default, or the one given', async (t) => {
  t.match(parseLabArgs([]), { live: false, livePort: null });
  t.match(parseLabArgs(['--live']), { live: true, livePort: null });
  t.match(parseLabArgs(['--live', '--live-port', '1']), { live: true, livePort: 1 });
  t.match(parseLabArgs(['--live-port=65535', '--live']), { live: true, livePort: 65_535 });
  t.match(parseLabArgs(['--live', '--live-port', '8399']), { livePort: 8399 }, "next to the lab's ports is fine");
  t.match(HELP, /--live {2,}serve a live page/);
  t.match(HELP, /--live-port <n> +with --live/);
});
