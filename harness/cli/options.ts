// `npm run lab -- [flags]`: read through the flag table (flags.ts: checked, then
// node:util parseArgs) and validated; a user mistake becomes one LabError line and exit code 2.
import { hasLbFixes, LB_FIX_BOUNDARY_PER_CELL } from '../scenarios/lb-fixes.js';
import {
  DEFAULT_OPTIONS,
  METHODS,
  RUNTIME_CHOICES,
  type AppOptions,
  type LabOptions,
  type Method,
} from '../scenarios/run-options.js';
import { LabError } from '../model/errors.js';
import { EVIDENCE_FLOOR } from '../model/verdict.js';
import { EXIT, EXIT_CODES_HELP } from '../model/exit-codes.js';
import {
  ALL_APP_CELLS,
  cellsByName,
  DEFAULT_MATRIX,
  matchesFilter,
  parseMatrixFilter,
  selectCells,
  type AppCell,
} from '../scenarios/matrix.js';
import {
  APP_START_TIMEOUT_RANGE,
  APP_PORT_RANGE,
  DEFAULT_APP_START_TIMEOUT_MS,
  LB_IDLE_TIMEOUT_RANGE,
  parseAppOptions,
} from './app-options.js';
import { parseShard, selectShard, type ShardOptions } from '../scenarios/shard.js';
import {
  directoryPath,
  flagsHelp,
  oneOf,
  rangedInteger,
  readArgs,
  usage,
  type FlagGroups,
  type FlagSpec,
  type FlagTable,
} from './flags.js';
import {
  APP_CONTAINER_PORT,
  APP_PORT_BASE,
  HAPROXY_REUSE_MODES,
  LB_PORT_BASE,
  MAX_VARIANTS,
  RETRY_POLICIES,
  SERVER_MODES,
  type RetryPolicy,
} from '../scenarios/scenarios.js';

/** The groups of `npm run lab -- --help`, in its order: what each group of flags is for. */
export const LAB_FLAG_GROUPS = {
  run: "Run (the talk-sized run: Node's defaults and the fix, side by side behind nginx):",
  matrix: 'Matrix (Node lines × server modes × fixes, behind nginx, HAProxy and Caddy):',
  app: "Your own app behind the lab's LB (Docker; docs/your-app.md):",
  outputs: 'Outputs (the run directory, the summary, a live page):',
  ci: 'CI (an exit code a job can act on):',
  other: 'Version and help:',
} as const satisfies FlagGroups;

type LabFlagGroup = keyof typeof LAB_FLAG_GROUPS;

/**
 * Every flag of `npm run lab`, in --help's order within its group: parseArgs reads its type, --help prints its lines
 * (each at most 74 columns, so that --help fits 100), and a number's range is checked against the entry that prints it.
 */
export const LAB_FLAGS = {
  quick: { type: 'boolean', group: 'run', help: ['talk-sized run, about 2 minutes once images are built (default)'] },
  full: { type: 'boolean', group: 'run', help: ["also idle gaps around the LB's 60 s timeout (adds about 2 minutes)"] },
  cycles: {
    type: 'string',
    arg: '<n>',
    group: 'run',
    range: { min: 1, max: 500 },
    help: [
      `burst + idle-gap cycles to run (default ${DEFAULT_OPTIONS.cycles}, {range}); if the default`,
      'variant has shown no 502 by then, the lab goes on until its first one',
    ],
  },
  'max-cycles': {
    type: 'string',
    arg: '<n>',
    group: 'run',
    range: { min: 1, max: 1500 },
    help: ['upper bound on cycles while no 502 has shown (default 3 × cycles)'],
  },
  concurrency: {
    type: 'string',
    arg: '<n>',
    group: 'run',
    range: { min: 1, max: 32 },
    help: [
      `concurrent requests per burst and per variant (default ${DEFAULT_OPTIONS.concurrency}, {range},`,
      'at least one per method)',
    ],
  },
  methods: {
    type: 'string',
    arg: '<list>',
    group: 'run',
    help: ['request methods to mix, comma-separated: POST,GET (default POST,GET)'],
  },
  'retry-policy': {
    type: 'string',
    arg: '<p>',
    group: 'run',
    help: ["nginx's retry policy: alb (never retries, default) or nginx (retries", 'idempotent requests)'],
  },
  'server-mode': {
    type: 'string',
    arg: '<m>',
    group: 'run',
    help: [
      "app server: standalone (Next's server.js, default), next-start",
      "(next start) or custom (http.createServer + Next's handler)",
    ],
  },
  runtime: {
    type: 'string',
    arg: '<r>',
    group: 'run',
    help: [
      "docker, local (the system's nginx, haproxy, caddy + app processes) or",
      'auto (default: docker if it answers)',
    ],
  },
  keep: { type: 'boolean', group: 'run', help: ['leave the stack running afterwards (Docker runtime)'] },
  matrix: {
    type: 'boolean',
    group: 'matrix',
    help: [
      'run the scenario matrix: Node 20/22/24/26, server modes and fix values',
      'behind nginx, and HAProxy and Caddy beside it, in one stack (about',
      '13 minutes once images are built)',
    ],
  },
  only: {
    type: 'string',
    arg: '<axis=value,…>',
    group: 'matrix',
    help: [
      'with --matrix or --list-scenarios: only the cells matching, axes',
      'lb (nginx, haproxy, caddy), node (20, 22, 24, 26), mode (standalone,',
      'next-start, custom), fix (default, article, keepalive-only, too-short,',
      'node-65s), lbfix (an LB-side fix in front of Node 24 standalone with',
      "Node's defaults, beside its LB unfixed; lbfix=all for every one:",
      'docs/lb-fixes.md); e.g. --only lb=haproxy, --only lbfix=keepalive-4s',
    ],
  },
  scenario: {
    type: 'string',
    arg: '<name,…>',
    group: 'matrix',
    help: [
      'run these cells (any combination of the axes), e.g.',
      'node22-custom-too-short (behind nginx) or',
      'haproxy-node24-standalone-default',
    ],
  },
  shard: {
    type: 'string',
    arg: '<i/n>',
    group: 'matrix',
    help: [
      "with --matrix: run only this machine's part i of n (e.g. 2/4); every",
      "cell is in exactly one part, whatever the flags' order; npm run merge",
      "joins the parts' run directories into one run (docs/ci.md)",
    ],
  },
  'list-scenarios': {
    type: 'boolean',
    group: 'matrix',
    help: ['print every cell name (the default matrix marked), or those --only', 'matches, and exit'],
  },
  'long-cycles': {
    type: 'string',
    arg: '<n>',
    group: 'matrix',
    range: { min: 1, max: 100 },
    help: [
      "matrix cells whose boundary is the LB's timeout: cycles side by side,",
      "each through pools of its own (waves of 24), one LB timeout's gap a wave",
      `(default ${DEFAULT_OPTIONS.longCycles}, {range})`,
    ],
  },
  'haproxy-reuse': {
    type: 'string',
    arg: '<m>',
    group: 'matrix',
    help: ["HAProxy's http-reuse in matrix cells: safe (its default) or always"],
  },
  'app-image': {
    type: 'string',
    arg: '<image>',
    group: 'app',
    help: ["run this image as the variant 'yours' (a local image, or one Docker can", 'pull)'],
  },
  'app-build': { type: 'string', arg: '<dir>', group: 'app', help: ["or build it from this directory's Dockerfile"] },
  'app-port': {
    type: 'string',
    arg: '<port>',
    group: 'app',
    range: APP_PORT_RANGE,
    help: [`the port it listens on in its container (default ${APP_CONTAINER_PORT}); {range}`],
  },
  health: {
    type: 'string',
    arg: '<path>',
    group: 'app',
    help: ['answers (any status below 500) once the app serves (default /)'],
  },
  'app-env': {
    type: 'string',
    multiple: true,
    arg: 'KEY=VALUE',
    group: 'app',
    help: ['environment for the app; repeatable (values are never written to the', 'results)'],
  },
  path: { type: 'string', arg: '<path>', group: 'app', help: ['the path every request asks (default /)'] },
  method: { type: 'string', arg: '<m>', group: 'app', help: ['the method of every request: GET (default) or POST'] },
  'compare-image': {
    type: 'string',
    arg: '<image>',
    group: 'app',
    help: ["a second variant, 'compared', beside yours (e.g. before a fix)"],
  },
  'compare-env': {
    type: 'string',
    multiple: true,
    arg: 'KEY=VALUE',
    group: 'app',
    help: ['its environment over yours (repeatable; alone: the same image, other env)'],
  },
  lb: { type: 'string', arg: '<lb>', group: 'app', help: ['the LB in front: nginx (default), haproxy or caddy'] },
  'lb-idle-timeout': {
    type: 'string',
    arg: '<d>',
    group: 'app',
    range: LB_IDLE_TIMEOUT_RANGE,
    help: [
      'how long the LB keeps idle upstream connections, e.g. 60s (default),',
      '350s, 10m (AWS ALB allows 1–4000 s; GCP keeps backends 600 s);',
      '{range}',
    ],
  },
  'no-preload': {
    type: 'boolean',
    group: 'app',
    help: [
      "a Node app without the lab's preload: measured from the client side,",
      'as any other server (no held bursts, no x-lab-* headers)',
    ],
  },
  'app-start-timeout': {
    type: 'string',
    arg: '<d>',
    group: 'app',
    range: APP_START_TIMEOUT_RANGE,
    help: [
      `how long your app may take to answer --health once started (default`,
      `${DEFAULT_APP_START_TIMEOUT_MS / 1000}s); {range}`,
    ],
  },
  'results-dir': {
    type: 'string',
    arg: '<dir>',
    group: 'outputs',
    help: ['where run directories are written (default results/)'],
  },
  json: {
    type: 'boolean',
    group: 'outputs',
    help: ['print the summary as JSON on stdout (progress goes to stderr)'],
  },
  out: {
    type: 'string',
    arg: '<file>',
    group: 'outputs',
    help: ['also write the summary JSON to this file (its directory must exist)'],
  },
  live: {
    type: 'boolean',
    group: 'outputs',
    help: [
      'serve a live page of the run for a projector on 127.0.0.1 (its URL is',
      'printed at the start): phases, counters, the cycle chart and the verdict;',
      'no network',
    ],
  },
  'live-port': {
    type: 'string',
    arg: '<n>',
    group: 'outputs',
    range: { min: 1, max: 65_535 },
    help: ["with --live: the page's port (default: any free one)"],
  },
  assert: {
    type: 'boolean',
    group: 'ci',
    help: [`exit ${EXIT.assertionFailed} unless default shows ≥ 1 × 502 and fixed none`],
  },
  // `--assert safe` on the command line (rewriteAssertSafe turns it into this flag).
  'assert-safe': {
    type: 'boolean',
    label: '--assert safe',
    group: 'ci',
    help: [`with your app: exit ${EXIT.assertionFailed} unless it is shown SAFE (unsafe or`, 'inconclusive fail)'],
  },
  'min-boundary': {
    type: 'string',
    arg: '<n>',
    group: 'ci',
    range: { min: 0, max: 100_000 },
    help: [
      '--assert needs at least n requests on the fixed variant sent at the',
      `default variant's close boundary (default ${DEFAULT_OPTIONS.minBoundaryRequests}); in a matrix, a cell`,
      'needs n divided by the number of methods, or it is inconclusive; at',
      `least ${EVIDENCE_FLOOR.boundaryRequestsPerCell} per method (the floor below which no zero says anything);`,
      `with LB-side fixes (--only lbfix=…) the default is ${LB_FIX_BOUNDARY_PER_CELL} per method`,
    ],
  },
  baseline: {
    type: 'string',
    arg: '<summary>',
    group: 'ci',
    help: [
      'compare this run with an earlier one (a summary.json or its run',
      `directory), as npm run compare does; exit ${EXIT.assertionFailed} on a regression`,
    ],
  },
  version: { type: 'boolean', short: 'v', group: 'other', help: ["the lab's version"] },
  help: { type: 'boolean', short: 'h', group: 'other', help: ['this text'] },
} as const satisfies FlagTable<LabFlagGroup>;

/** A flag's name as parseArgs knows it. */
type LabFlag = keyof typeof LAB_FLAGS;

/** The lab's other commands, one line each in --help. */
const OTHER_COMMANDS: ReadonlyArray<readonly [usage: string, what: string]> = [
  ['npm run compare -- <baseline> <current>', "two runs' summaries side by side; exit 99 when worse"],
  ['npm run report -- <run-dir>', "rebuild a saved run's report.html and charts"],
  ['npm run merge -- <run-dir>…', 'join the shards of a matrix (--shard) into one run'],
  ['npm run bench -- [flags]', "the lab's speed and aim over several runs"],
];

export const HELP = `keepalive-lab: reproduce the keep-alive 502 behind a load balancer, and prove the fix.

Usage: npm run lab -- [flags]

${flagsHelp(LAB_FLAGS, LAB_FLAG_GROUPS, 24)}

Other commands (each has its own --help):
${OTHER_COMMANDS.map(([command, what]) => `  ${command.padEnd(40)} ${what}`).join('\n')}

Each flag may be given once. A run that ends early (a component stopped, Docker
went away, results not writable) says why in one line, writes what it measured
with summary.json marked incomplete, and tears down what it started.

${EXIT_CODES_HELP}`;

/**
 * --min-boundary: at least the evidence floor for each method's cell (a SAFE
 * on fewer boundary requests would rest on a bound of 30 % or more; 0 made
 * every cell of a run without traffic safe).
 */
function minBoundaryOf(raw: string | undefined, methods: readonly Method[], cells: readonly AppCell[] | null): number {
  const floor = EVIDENCE_FLOOR.boundaryRequestsPerCell * methods.length;
  // An LB-side fix's SAFE is the answer an operator pastes: it rests on LB_FIX_BOUNDARY_PER_CELL per method ("≤ 1 %").
  const n =
    rangedInteger(LAB_FLAGS, 'min-boundary', raw) ??
    (hasLbFixes(cells) ? LB_FIX_BOUNDARY_PER_CELL * methods.length : DEFAULT_OPTIONS.minBoundaryRequests);
  if (n < floor) {
    throw usage(
      `--min-boundary ${n} is below the evidence floor: ${EVIDENCE_FLOOR.boundaryRequestsPerCell} boundary requests per method (${floor} for ${methods.join(' and ')}); no verdict rests on fewer.`,
    );
  }
  return n;
}

/** `--assert safe` (the line users add to CI) is its own flag; `--assert` alone stays the sample run's. */
function rewriteAssertSafe(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if ((argv[i] === '--assert' && argv[i + 1] === 'safe') || argv[i] === '--assert=safe') {
      out.push('--assert-safe');
      if (argv[i] === '--assert') i++;
    } else {
      out.push(argv[i]);
    }
  }
  return out;
}

function parseMethods(raw: string | undefined): Method[] | undefined {
  if (raw === undefined) return undefined;
  const methods = raw.split(',').map((m) => m.trim().toUpperCase());
  if (methods.some((m) => m === '')) throw usage('--methods needs a comma-separated list, e.g. POST,GET.');
  for (const m of methods) oneOf('methods', m, METHODS);
  const twice = methods.find((m, i) => methods.indexOf(m) !== i);
  if (twice) throw usage(`--methods lists ${twice} twice; each method once (they alternate across a burst).`);
  return methods as Method[];
}

/**
 * --matrix [--only …] or --scenario …: the apps of a matrix run; null for the talk-sized run. With --list-scenarios,
 * the cells it lists: `--only` alone narrows the whole catalogue (every combination of the axes), with --matrix the
 * default matrix, as the run would.
 */
function parseCells(v: {
  'list-scenarios'?: boolean;
  matrix?: boolean;
  only?: string;
  scenario?: string;
  full?: boolean;
  'server-mode'?: string;
  'long-cycles'?: string;
  'app-image'?: string;
  'app-build'?: string;
}): AppCell[] | null {
  if (v.matrix && v.scenario !== undefined)
    throw usage('--matrix and --scenario exclude each other: --scenario names the cells itself.');
  if (v.only !== undefined && v.scenario !== undefined)
    throw usage('--only narrows --matrix; --scenario names its cells itself.');
  if (v.only !== undefined && !v.matrix) {
    if (!v['list-scenarios']) throw usage('--only narrows --matrix or --list-scenarios; add --matrix.');
    const filter = parseMatrixFilter(v.only);
    // An LB-side fix is listed as --matrix runs it: with its LB's baseline beside it.
    const listed =
      filter.lbfix !== undefined ? selectCells(filter) : ALL_APP_CELLS.filter((c) => matchesFilter(c, filter));
    // The catalogue is every combination of the axes' values, which parseMatrixFilter checked: never empty today.
    if (listed.length === 0) throw usage(`No cell matches --only ${v.only}.`);
    return listed;
  }
  const isMatrix = v.matrix || v.scenario !== undefined;
  if (!isMatrix) {
    const yourApp = v['app-image'] !== undefined || v['app-build'] !== undefined;
    if (v['long-cycles'] !== undefined && !yourApp)
      throw usage("--long-cycles applies to matrix runs (--matrix or --scenario) and your app's.");
    return null;
  }
  if (v['server-mode'] !== undefined)
    throw usage('--server-mode sets the talk-sized run; in a matrix the mode is an axis (--only mode=…).');
  if (v.full)
    throw usage(
      "--full adds LB-length gaps to the talk-sized run; a matrix drives its cells at the LB's timeout already.",
    );
  if (v.scenario !== undefined) {
    const names = v.scenario.split(',').map((n) => n.trim());
    if (names.some((n) => n === ''))
      throw usage('--scenario needs cell names separated by commas, e.g. node24-next-start-default.');
    return cellsByName(names);
  }
  return v.only === undefined ? [...DEFAULT_MATRIX] : selectCells(parseMatrixFilter(v.only));
}

/** --shard i/n: the matrix's cells narrowed to this part, and the record its summary keeps; null without --shard. */
function parseShardOf(
  v: { shard?: string; matrix?: boolean; scenario?: string },
  cells: AppCell[] | null,
): { cells: AppCell[]; shard: ShardOptions } | null {
  if (v.shard === undefined) return null;
  const shard = parseShard(v.shard);
  if (v.scenario !== undefined)
    throw usage('--shard splits --matrix over machines; --scenario names its cells itself: run them where you want.');
  if (!v.matrix || cells === null)
    throw usage('--shard splits a matrix run (--matrix, with --only or not) over machines; add --matrix.');
  return selectShard(cells, shard);
}

/** --live-port: with --live only, a port the lab does not use itself; null for any free one. */
function parseLivePort(v: { live?: boolean; 'live-port'?: string }): number | null {
  if (v['live-port'] === undefined) return null;
  if (!v.live) throw usage("--live-port sets the live page's port; add --live.");
  const port = rangedInteger(LAB_FLAGS, 'live-port', v['live-port']);
  // The LBs and apps take these: a live page there would make the preflight report its own port as taken.
  // LB_PORT_BASE itself is the LB-boundary pool's (LB_BOUNDARY_PORT).
  const lbPorts = [LB_PORT_BASE, LB_PORT_BASE + MAX_VARIANTS] as const;
  const appPorts = [APP_PORT_BASE + 1, APP_PORT_BASE + MAX_VARIANTS] as const;
  if ([lbPorts, appPorts].some(([low, high]) => port >= low && port <= high)) {
    throw usage(
      `--live-port ${port} is one of the lab's own ports (${lbPorts.join('–')}, ${appPorts.join('–')}); pick another.`,
    );
  }
  return port;
}

/** The flags as given, each at most once (the repeatable ones excepted); every mistake in one line (flags.ts). */
function readFlags(argv: string[]) {
  const parsed = readArgs(LAB_FLAGS, rewriteAssertSafe(argv));
  // A flag given twice would silently keep the last value: say so instead (the repeatable ones excepted).
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || flagNamed(token.name)?.multiple) continue;
    if (token.name === 'assert-safe' && seen.has('assert'))
      throw usage('--assert and --assert safe exclude each other: --assert safe is for your app.');
    if (token.name === 'assert' && seen.has('assert-safe'))
      throw usage('--assert and --assert safe exclude each other: --assert safe is for your app.');
    if (seen.has(token.name))
      throw usage(`--${token.name === 'assert-safe' ? 'assert safe' : token.name} is given more than once.`);
    seen.add(token.name);
  }
  return parsed.values;
}

/** The flags as parseArgs returns them. */
type LabValues = ReturnType<typeof readFlags>;

/** The table's entry for a flag, or null when there is no such flag. */
function flagNamed(name: string): FlagSpec | null {
  return Object.hasOwn(LAB_FLAGS, name) ? LAB_FLAGS[name as LabFlag] : null;
}

/** Flags that cannot go together, and places given empty. */
function refuseContradictions(v: LabValues): void {
  if (v.quick && v.full) throw usage('--quick and --full exclude each other.');
  if (v['results-dir'] !== undefined && v['results-dir'].trim() === '') {
    throw usage('--results-dir needs a directory; it is empty.');
  }
  for (const flag of ['out', 'baseline'] as const) {
    if (v[flag] !== undefined && v[flag].trim() === '') throw usage(`--${flag} needs a file; it is empty.`);
  }
}

/** --assert is the sample run's, --assert safe your app's: each refused on the other's run. */
function refuseWrongAssertion(v: LabValues, app: AppOptions | null): void {
  if (v['assert-safe'] && app === null)
    throw usage(
      '--assert safe asks whether your app is safe: add --app-image or --app-build (the sample run uses --assert).',
    );
  // --assert's rules are the sample app's (default must fail, fixed must not): with your app it would assert nothing.
  if (v.assert && app !== null)
    throw usage('With your app, the assertion is --assert safe (exit 99 unless it is shown safe).');
}

/** An LB's setting on a run without that LB would be silently ignored: say so. */
function refuseSettingsOfAbsentLbs(v: LabValues, cells: AppCell[] | null, app: AppOptions | null): void {
  if (v['haproxy-reuse'] !== undefined && !cells?.some((c) => c.lb === 'haproxy') && app?.lb !== 'haproxy') {
    throw new LabError(
      "--haproxy-reuse sets HAProxy's http-reuse, and this run has no HAProxy cell.",
      'Add HAProxy cells, e.g. --matrix --only lb=haproxy.',
      EXIT.badInput,
    );
  }
  if (v['retry-policy'] !== undefined && cells !== null && !cells.some((c) => c.lb === 'nginx')) {
    throw new LabError(
      "--retry-policy is nginx's, and this run has no nginx cell.",
      'Drop it, or add nginx cells (--only lb=nginx).',
      EXIT.badInput,
    );
  }
}

/** --concurrency, --cycles and --max-cycles, each in its range and consistent with the others. */
function parseLoad(v: LabValues, methods: readonly Method[]): Pick<LabOptions, 'concurrency' | 'cycles' | 'maxCycles'> {
  const concurrency = rangedInteger(LAB_FLAGS, 'concurrency', v.concurrency) ?? DEFAULT_OPTIONS.concurrency;
  // Methods alternate across a burst and a batch: fewer requests than methods would never send some.
  if (concurrency < methods.length) {
    throw usage(
      `--concurrency ${concurrency} cannot carry ${methods.join(' and ')}: each burst alternates the methods; use at least ${methods.length}.`,
    );
  }
  const cycles = rangedInteger(LAB_FLAGS, 'cycles', v.cycles) ?? DEFAULT_OPTIONS.cycles;
  const maxCycles = rangedInteger(LAB_FLAGS, 'max-cycles', v['max-cycles']) ?? Math.max(cycles, cycles * 3);
  if (maxCycles < cycles) throw usage(`--max-cycles (${maxCycles}) must be at least --cycles (${cycles}).`);
  return { concurrency, cycles, maxCycles };
}

/** `npm run lab`'s flags as the run's options; a user mistake is one LabError line, exit 2. */
export function parseLabArgs(argv: string[]): LabOptions {
  const v = readFlags(argv);
  refuseContradictions(v);
  const livePort = parseLivePort(v);
  const app = parseAppOptions(v);
  refuseWrongAssertion(v, app);
  const methods = app !== null ? [app.method] : (parseMethods(v.methods) ?? DEFAULT_OPTIONS.methods);
  const matrixCells = parseCells(v);
  const sharded = parseShardOf(v, matrixCells);
  const cells = sharded?.cells ?? matrixCells;
  // Against the whole matrix: every shard gets the same flags, and one without a HAProxy cell still passes them on.
  refuseSettingsOfAbsentLbs(v, matrixCells, app);
  return {
    ...DEFAULT_OPTIONS,
    mode: v.full ? 'full' : 'quick',
    ...parseLoad(v, methods),
    methods,
    retryPolicy:
      oneOf('retry-policy', v['retry-policy'], Object.keys(RETRY_POLICIES) as RetryPolicy[]) ??
      DEFAULT_OPTIONS.retryPolicy,
    haproxyReuse: oneOf('haproxy-reuse', v['haproxy-reuse'], HAPROXY_REUSE_MODES) ?? DEFAULT_OPTIONS.haproxyReuse,
    serverMode: oneOf('server-mode', v['server-mode'], SERVER_MODES) ?? DEFAULT_OPTIONS.serverMode,
    cells,
    shard: sharded?.shard ?? null,
    longCycles: rangedInteger(LAB_FLAGS, 'long-cycles', v['long-cycles']) ?? DEFAULT_OPTIONS.longCycles,
    listScenarios: v['list-scenarios'] ?? false,
    runtime: oneOf('runtime', v.runtime, RUNTIME_CHOICES) ?? DEFAULT_OPTIONS.runtime,
    minBoundaryRequests: minBoundaryOf(v['min-boundary'], methods, cells),
    resultsDir:
      v['results-dir'] === undefined ? DEFAULT_OPTIONS.resultsDir : directoryPath('results-dir', v['results-dir']),
    keep: v.keep ?? false,
    json: v.json ?? false,
    assert: v.assert ?? false,
    assertSafe: v['assert-safe'] ?? false,
    app,
    out: v.out ?? null,
    baseline: v.baseline ?? null,
    live: v.live ?? false,
    livePort,
    help: v.help ?? false,
    version: v.version ?? false,
  };
}
