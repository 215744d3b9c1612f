import t from 'tap';
import { LabError } from '../../harness/model/errors.js';
import { HELP, LAB_FLAGS, parseLabArgs } from '../../harness/cli/options.js';
import { BENCH_FLAGS, BENCH_HELP, parseBenchArgs } from '../../harness/cli/bench-options.js';
import { flagsHelp, parseArgsOptions, rangedInteger, rangeText, type FlagTable } from '../../harness/cli/flags.js';
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
    shard: null,
    longCycles: 24,
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
  [['--bogus'], /^unknown flag --bogus\.$/],
  [['extra'], /^unexpected argument 'extra': npm run lab takes flags only\.$/],
  [['--cycles'], /^--cycles needs a value \(<n>\)\.$/],
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
  [['--live', '--live-port'], /^--live-port needs a value \(<n>\)\.$/],
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

// One table (cli/flags.ts) gives each command its parseArgs options, its --help lines and its ranges: a range is
// written once, printed by --help where its lines say {range}, and enforced by the parser.
const COMMANDS = [
  { command: 'lab', table: LAB_FLAGS, help: HELP, parse: parseLabArgs },
  { command: 'bench', table: BENCH_FLAGS, help: BENCH_HELP, parse: parseBenchArgs },
] as const;

/** A flag's lines in --help: the one naming it and those indented under it. */
function helpBlock(help: string, name: string): string {
  const lines = help.split('\n');
  const first = lines.findIndex((l) => new RegExp(`^  (-\\w, )?--${name}\\b`).test(l));
  if (first < 0) return '';
  const rest = lines.slice(first + 1);
  const end = rest.findIndex((l) => !/^ {6,}\S/.test(l));
  return [lines[first], ...rest.slice(0, end < 0 ? rest.length : end)].join('\n');
}

/** Other flags a value of this flag needs before its range is even looked at. */
const CONTEXT: Record<string, string[]> = {
  'live-port': ['--live'],
  'long-cycles': ['--matrix'],
  concurrency: ['--methods', 'POST'],
  'lb-idle-timeout': ['--app-image', 'my-app:1'],
  'app-start-timeout': ['--app-image', 'my-app:1'],
  'app-port': ['--app-image', 'my-app:1'],
};

for (const { command, table, help, parse } of COMMANDS) {
  t.test(
    `npm run ${command}: every range in the flag table is the one --help prints and the parser enforces`,
    async (t) => {
      const ranged = Object.entries(table as FlagTable).flatMap(([name, spec]) =>
        spec.range === undefined ? [] : [{ name, spec, range: spec.range }],
      );
      t.ok(ranged.length >= 3, 'the table has ranges');
      for (const { name, spec, range } of ranged) {
        const block = helpBlock(help, name);
        t.not(block, '', `--${name} is in --help`);
        if (spec.help.some((l) => l.includes('{range}')))
          t.match(block, rangeText(range), `--${name}: --help prints it`);
        else t.notMatch(block, /\{range\}/, `--${name}: no placeholder left`);
        const value = (n: number) => (range.unit === 'ms' ? `${n}ms` : String(n));
        const parseWith = (n: number) => parse([...(CONTEXT[name] ?? []), `--${name}=${value(n)}`]);
        const bounds =
          range.unit === 'ms'
            ? `between ${range.min / 1000} s and ${range.max / 1000} s`
            : `between ${range.min} and ${range.max}`;
        for (const outside of [range.min - 1, range.max + 1]) {
          t.throws(() => parseWith(outside), { message: `--${name} must be ${bounds}` }, `--${name} ${value(outside)}`);
        }
        for (const inside of [range.min, range.max]) {
          try {
            parseWith(inside);
            t.pass(`--${name} ${value(inside)} is accepted`);
          } catch (err) {
            // Another rule may refuse it (e.g. the evidence floor of --min-boundary 0); never its range.
            t.notMatch((err as Error).message, /must be between/, `--${name} ${value(inside)} is in range`);
          }
        }
      }
    },
  );
}

t.test('a range changed in a table changes what --help prints and what the parser enforces', async (t) => {
  const table = {
    tries: {
      type: 'string',
      arg: '<n>',
      group: 'main',
      range: { min: 2, max: 7 },
      help: ['how often (default 3, {range}), then', 'stop'],
    },
    wait: {
      type: 'string',
      arg: '<d>',
      group: 'main',
      range: { min: 500, max: 90_000, unit: 'ms' },
      help: ['how long: {range}'],
    },
    help: { type: 'boolean', short: 'h', group: 'other', help: ['this text'] },
  } as const satisfies FlagTable;
  t.equal(
    flagsHelp(table, { main: 'Main:', other: '' }, 12),
    [
      'Main:',
      '  --tries <n> how often (default 3, 2–7), then',
      '              stop',
      '  --wait <d>  how long: 0.5 s to 90 s',
      '',
      '  -h, --help  this text',
    ].join('\n'),
  );
  t.equal(rangedInteger(table, 'tries', '7', 'demo'), 7);
  t.throws(() => rangedInteger(table, 'tries', '8', 'demo'), {
    message: '--tries must be between 2 and 7, got 8.',
    hint: 'See npm run demo -- --help.',
  });
  t.same(parseArgsOptions(table), {
    tries: { type: 'string' },
    wait: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  // @ts-expect-error: --help has no range, and the compiler says so
  t.throws(() => rangedInteger(table, 'help', '1'), /no range/);
});
