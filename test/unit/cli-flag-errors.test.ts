// A mistyped or misused flag, for npm run lab, bench, compare and report: one line in the
// house's words, exit 2, the nearest flag suggested; never node:util parseArgs'
// own text ("Option '--cycles <value>' argument missing", "… is ambiguous").
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LabError } from '../../harness/model/errors.js';
import { LAB_FLAGS, parseLabArgs } from '../../harness/cli/options.js';
import { BENCH_FLAGS, parseBenchArgs } from '../../harness/cli/bench-options.js';
import { nearestFlags, parseArgsOptions, type FlagTable } from '../../harness/cli/flags.js';

const COMMANDS = {
  lab: { table: LAB_FLAGS, parse: parseLabArgs },
  bench: { table: BENCH_FLAGS, parse: parseBenchArgs },
} as const;

/** What parseArgs itself says when it refuses (Node 20–24): none of it may reach the user. */
const PARSE_ARGS_TEXT =
  /Option '|Unknown option|Unexpected argument|argument missing|ambiguous|does not take|To specify/;

/** The LabError a parser throws for argv (a test failure when it accepts them or throws anything else). */
function refusal(parse: (argv: string[]) => unknown, argv: string[]): LabError {
  try {
    parse(argv);
  } catch (err) {
    if (err instanceof LabError) return err;
    throw err;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

/** What strict parseArgs throws for argv with a table's options, as parseArgs' own error code. */
function parseArgsCode(table: FlagTable, argv: string[]): string | null {
  try {
    parseArgs({ args: argv, options: parseArgsOptions(table), strict: true, allowPositionals: false });
    return null;
  } catch (err) {
    return (err as { code?: string }).code ?? 'no code';
  }
}

t.test('a mistyped flag: the nearest flag of the table, for lab and bench', async (t) => {
  const cases: Array<[keyof typeof COMMANDS, string[], string]> = [
    ['lab', ['--cycle', '3'], 'unknown flag --cycle; did you mean --cycles?'],
    ['lab', ['--cylces', '3'], 'unknown flag --cylces; did you mean --cycles?'],
    ['lab', ['--Matrix'], 'unknown flag --Matrix; did you mean --matrix?'],
    ['lab', ['--resultsdir', 'r'], 'unknown flag --resultsdir; did you mean --results-dir?'],
    ['lab', ['--max', '9'], 'unknown flag --max; did you mean --max-cycles?'],
    ['lab', ['--assert-saf'], 'unknown flag --assert-saf; did you mean --assert safe?'],
    ['lab', ['-cycles', '3'], 'unknown flag -cycles; did you mean --cycles?'],
    ['lab', ['--app', 'x'], 'unknown flag --app; did you mean --app-image, --app-build or --app-port?'],
    ['lab', ['--bogus'], 'unknown flag --bogus.'],
    ['lab', ['-x'], 'unknown flag -x.'],
    ['bench', ['--run', '3'], 'unknown flag --run; did you mean --runs?'],
    ['bench', ['--cpu', '1'], 'unknown flag --cpu; did you mean --cpu-load?'],
    ['bench', ['--cycles', '3'], 'unknown flag --cycles.'],
  ];
  for (const [command, argv, message] of cases) {
    const err = refusal(COMMANDS[command].parse, argv);
    t.equal(err.message, message, `${command} ${argv.join(' ')}`);
    t.equal(err.exitCode, 2);
    t.equal(err.hint, `See npm run ${command} -- --help.`);
  }
});

t.test('nearestFlags: close words only, best first', async (t) => {
  t.same(nearestFlags(LAB_FLAGS, '--cycle'), ['--cycles']);
  t.same(nearestFlags(LAB_FLAGS, 'jsn'), ['--json']);
  t.same(nearestFlags(LAB_FLAGS, '--zzz'), []);
  t.same(nearestFlags(LAB_FLAGS, '--'), []);
  t.same(nearestFlags(BENCH_FLAGS, '--pair'), ['--pairs']);
});

// Every way strict parseArgs refuses arguments, for both commands: parseArgs' error code shows the kind is real, and
// the command says it in its own words first.
const KINDS: Array<{ kind: string; code: string; argv: string[]; lab: string; bench: string }> = [
  {
    kind: 'unknown flag',
    code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION',
    argv: ['--nope'],
    lab: 'unknown flag --nope.',
    bench: 'unknown flag --nope.',
  },
  {
    kind: 'unknown short flag',
    code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION',
    argv: ['-q'],
    lab: 'unknown flag -q.',
    bench: 'unknown flag -q.',
  },
  {
    kind: 'value missing at the end',
    code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
    argv: ['--results-dir'],
    lab: '--results-dir needs a value (<dir>).',
    bench: '--results-dir needs a value (<dir>).',
  },
  {
    kind: 'a flag where the value should be',
    code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
    argv: ['--runtime', '--help'],
    lab: '--runtime needs a value (<r>), got the flag --help.',
    bench: '--runtime needs a value (<r>), got the flag --help.',
  },
  {
    kind: 'a value for a flag that takes none',
    code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
    argv: ['--help=yes'],
    lab: "--help takes no value, got 'yes'.",
    bench: "--help takes no value, got 'yes'.",
  },
  {
    kind: 'an argument that is no flag',
    code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
    argv: ['now'],
    lab: "unexpected argument 'now': npm run lab takes flags only.",
    bench: "unexpected argument 'now': npm run bench takes flags only.",
  },
  {
    kind: 'an argument after --',
    code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
    argv: ['--', 'now'],
    lab: "unexpected argument 'now': npm run lab takes flags only.",
    bench: "unexpected argument 'now': npm run bench takes flags only.",
  },
  {
    kind: 'a flag name without its dashes',
    code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
    argv: ['runtime'],
    lab: "unexpected argument 'runtime'; did you mean --runtime?",
    bench: "unexpected argument 'runtime'; did you mean --runtime?",
  },
];

for (const { kind, code, argv, ...messages } of KINDS) {
  t.test(`${kind} (${argv.join(' ')}): one line of ours, exit 2, for lab and bench`, async (t) => {
    for (const command of ['lab', 'bench'] as const) {
      const { table, parse } = COMMANDS[command];
      t.equal(parseArgsCode(table, argv), code, `${command}: parseArgs itself refuses it (${code})`);
      const err = refusal(parse, argv);
      t.equal(err.message, messages[command], command);
      t.equal(err.exitCode, 2);
      t.notMatch(err.message, PARSE_ARGS_TEXT, "not parseArgs' text");
      t.notMatch(err.message, /\n/, 'one line');
    }
  });
}

t.test('whatever strict parseArgs refuses, the commands refuse first, in their own words', async (t) => {
  // Every flag of each table misused every way, alone and before another flag.
  for (const command of ['lab', 'bench'] as const) {
    const { table, parse } = COMMANDS[command];
    let refusedByParseArgs = 0;
    for (const [name, spec] of Object.entries(table as FlagTable)) {
      const misuses =
        spec.type === 'string'
          ? [[`--${name}`], [`--${name}`, '--help'], [`--${name}`, '-h'], [`--${name}`, 'x', 'y']]
          : [[`--${name}=1`], [`--${name}`, 'x'], [`--${name}=`], [`--${name}x`]];
      for (const argv of misuses) {
        if (parseArgsCode(table, argv) === null) continue;
        refusedByParseArgs++;
        const err = refusal(parse, argv);
        t.equal(err.exitCode, 2, `${command} ${argv.join(' ')}: exit 2`);
        t.notMatch(err.message, PARSE_ARGS_TEXT, `${command} ${argv.join(' ')}: ${err.message}`);
        t.notMatch(err.message, /\n/);
      }
    }
    t.ok(refusedByParseArgs > Object.keys(table).length, `${command}: ${refusedByParseArgs} refusals checked`);
  }
});

t.test("bench's numbers are checked like the lab's: what is wrong and the range", async (t) => {
  const cases: Array<[string[], string]> = [
    [['--runs', '-3'], '--runs must be between 1 and 50, got -3.'],
    [['--runs=-3'], '--runs must be between 1 and 50, got -3.'],
    [['--runs', '0'], '--runs must be between 1 and 50, got 0.'],
    [['--runs', 'three'], "--runs must be a whole number, got 'three'."],
    [['--pairs', '21'], '--pairs must be between 1 and 20, got 21.'],
    [['--cpu-load', '-1'], '--cpu-load must be between 0 and 8, got -1.'],
    [['--runtime', 'k8s'], "--runtime must be one of docker, local, auto, got 'k8s'."],
    [['--runs', '2', '--runs', '3'], '--runs is given more than once.'],
    [['--results-dir', ' '], '--results-dir needs a directory; it is empty.'],
  ];
  for (const [argv, message] of cases) {
    const err = refusal(parseBenchArgs, argv);
    t.equal(err.message, message, argv.join(' '));
    t.equal(err.exitCode, 2);
    t.equal(err.hint, 'See npm run bench -- --help.');
  }
  t.match(parseBenchArgs(['--runs', '3', '--pairs', '2', '--cpu-load', '0']), { runs: 3, pairs: 2, cpuLoad: 0 });
});

t.test('--results-dir naming a file: exit 2 at the flags, before any run starts, naming the path', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'results-dir-'));
  const file = join(dir, 'notes.txt');
  writeFileSync(file, 'not a directory');
  for (const command of ['lab', 'bench'] as const) {
    const { parse } = COMMANDS[command];
    t.equal(
      refusal(parse, ['--results-dir', file]).message,
      `--results-dir ${file} is a file, not a directory.`,
      `${command}: the file itself`,
    );
    t.equal(
      refusal(parse, ['--results-dir', join(file, 'runs')]).message,
      `--results-dir ${join(file, 'runs')}: ${file} is a file, not a directory.`,
      `${command}: a directory under a file`,
    );
    t.equal(refusal(parse, ['--results-dir', file]).exitCode, 2);
    // A directory, or one not there yet (the run creates it), is fine.
    t.match(parse(['--results-dir', dir]), { resultsDir: dir });
    t.match(parse(['--results-dir', join(dir, 'new', 'deeper')]), { resultsDir: join(dir, 'new', 'deeper') });
  }
});

t.test(
  'the commands as users run them: one line of ours on stderr and exit 2 (lab, bench, compare, report)',
  async (t) => {
    // Each of these is refused at the flags, whatever the code does after them: none can start a run.
    const cases: Array<[string, string[], string]> = [
      ['lab', ['--cycle', '3'], 'keepalive-lab: unknown flag --cycle; did you mean --cycles?'],
      ['lab', ['--cycles'], 'keepalive-lab: --cycles needs a value (<n>).'],
      ['bench', ['--runs', '-3'], 'keepalive-lab bench: --runs must be between 1 and 50, got -3.'],
      ['bench', ['--run', '3'], 'keepalive-lab bench: unknown flag --run; did you mean --runs?'],
      ['compare', ['--jsn', 'a', 'b'], 'keepalive-lab compare: unknown flag --jsn; did you mean --json?'],
      ['compare', ['--json=yes', 'a', 'b'], "keepalive-lab compare: --json takes no value, got 'yes'."],
      ['report', ['results/x', '--pgn'], 'keepalive-lab report: unknown flag --pgn; did you mean --png?'],
      ['report', ['--PNG', 'results/x'], 'keepalive-lab report: unknown flag --PNG; did you mean --png?'],
      ['report', ['results/x', '--png=yes'], "keepalive-lab report: --png takes no value, got 'yes'."],
      ['report', ['-p', 'results/x'], 'keepalive-lab report: unknown flag -p.'],
      ['report', ['--help=1'], "keepalive-lab report: --help takes no value, got '1'."],
      ['report', [], 'keepalive-lab report: Which run? Give its directory or its summary.json.'],
      ['report', ['a', 'b'], 'keepalive-lab report: One run at a time (got 2).'],
    ];
    for (const [command, argv, line] of cases) {
      const run = spawnSync(process.execPath, ['--import', 'tsx', `harness/cli/${command}.ts`, ...argv], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      t.equal(run.status, 2, `${command} ${argv.join(' ')}: exit 2`);
      t.equal(run.stdout, '', 'nothing on stdout');
      t.same(
        run.stderr.trimEnd().split('\n'),
        [line, `  hint: See npm run ${command} -- --help.`],
        'the line and its hint',
      );
    }
  },
);
