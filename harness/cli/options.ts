// `npm run lab -- [flags]`: parsed with node:util parseArgs and validated; a
// user mistake becomes one LabError line and exit code 2.
import { parseArgs } from 'node:util';
import {
  DEFAULT_OPTIONS,
  METHODS,
  RUNTIME_CHOICES,
  RUNTIMES,
  type AppOptions,
  type LabOptions,
  type Method,
  type Runtime,
} from '../scenarios/run-options.js';
import { LabError, firstLineOf } from '../model/errors.js';
import { EVIDENCE_FLOOR } from '../model/verdict.js';
import { EXIT, EXIT_CODES_HELP } from '../model/exit-codes.js';
import { cellsByName, DEFAULT_MATRIX, parseMatrixFilter, selectCells, type AppCell } from '../scenarios/matrix.js';
import { parseAppOptions } from './app-options.js';
import {
  APP_PORT_BASE,
  DEFAULT_HAPROXY_REUSE,
  HAPROXY_REUSE_MODES,
  LB_PORT_BASE,
  MAX_VARIANTS,
  RETRY_POLICIES,
  SERVER_MODES,
  type HaproxyReuse,
  type RetryPolicy,
  type ServerMode,
} from '../scenarios/scenarios.js';

export const HELP = `keepalive-lab: reproduce the keep-alive 502 behind a load balancer, and prove the fix.

Usage: npm run lab -- [flags]

  --quick                 talk-sized run, about 2 minutes once images are built (default)
  --full                  also idle gaps around the LB's 60 s timeout (adds about 2 minutes)
  --cycles <n>            burst + idle-gap cycles to run (default ${DEFAULT_OPTIONS.cycles}, 1–500); if the default
                          variant has shown no 502 by then, the lab goes on until its first one
  --max-cycles <n>        upper bound on cycles while no 502 has shown (default 3 × cycles)
  --concurrency <n>       concurrent requests per burst and per variant (default ${DEFAULT_OPTIONS.concurrency}, 1–32, at least
                          one per method)
  --methods <list>        request methods to mix, comma-separated: POST,GET (default POST,GET)
  --retry-policy <p>      nginx's retry policy: alb (never retries, default) or nginx (retries idempotent requests)
  --haproxy-reuse <m>     HAProxy's http-reuse in matrix cells: safe (its default) or always
  --server-mode <m>       app server: standalone (Next's server.js, default), next-start (next start)
                          or custom (http.createServer + Next's handler)
  --matrix                run the scenario matrix: Node 20/22/24/26, server modes and fix values
                          behind nginx, and HAProxy and Caddy beside it, in one stack (about
                          13 minutes once images are built)
  --only <axis=value,…>   with --matrix: only the cells matching, axes lb (nginx, haproxy, caddy),
                          node (20, 22, 24, 26), mode (standalone, next-start, custom), fix (default,
                          article, keepalive-only, too-short, node-65s); e.g. --only lb=haproxy
  --scenario <name,…>     run these cells (any combination of the axes), e.g. node22-custom-too-short
                          (behind nginx) or haproxy-node24-standalone-default
  --list-scenarios        print every cell name (the default matrix marked) and exit
  --long-cycles <n>       matrix cells whose boundary is the LB's timeout: cycles of that length
                          (default ${DEFAULT_OPTIONS.longCycles}, 1–100)
  --runtime <r>           docker, local (the system's nginx, haproxy, caddy + app processes) or auto
                          (default: docker if it answers)
  --min-boundary <n>      --assert needs at least n requests on the fixed variant sent at the default
                          variant's close boundary (default ${DEFAULT_OPTIONS.minBoundaryRequests}); in a matrix, a cell needs
                          n divided by the number of methods, or it is inconclusive; at least
                          ${EVIDENCE_FLOOR.boundaryRequestsPerCell} per method (the floor below which no zero says anything)
  --results-dir <dir>     where run directories are written (default results/)
  --keep                  leave the stack running afterwards (Docker runtime)
  --json                  print the summary as JSON on stdout (progress goes to stderr)
  --assert                exit ${EXIT.assertionFailed} unless default shows ≥ 1 × 502 and fixed none
  --assert safe           with your app: exit ${EXIT.assertionFailed} unless it is shown SAFE (unsafe or inconclusive fail)
  --out <file>            also write the summary JSON to this file (its directory must exist)
  --baseline <summary>    compare this run with an earlier one (a summary.json or its run directory),
                          as npm run compare does; exit ${EXIT.assertionFailed} on a regression
  --live                  serve a live page of the run for a projector on 127.0.0.1 (its URL is printed
                          at the start): phases, counters, the cycle chart and the verdict; no network
  --live-port <n>         with --live: the page's port (default: any free one)

Your own app behind the lab's LB (Docker; see README, "Test your own app"):
  --app-image <image>     run this image as the variant 'yours' (a local image, or one Docker can pull)
  --app-build <dir>       or build it from this directory's Dockerfile
  --app-port <port>       the port it listens on in its container (default 3000)
  --health <path>         answers (any status below 500) once the app serves (default /)
  --app-env KEY=VALUE     environment for the app; repeatable (values are never written to the results)
  --path <path>           the path every request asks (default /)
  --method <m>            the method of every request: GET (default) or POST
  --compare-image <image> a second variant, 'compared', beside yours (e.g. before a fix)
  --compare-env KEY=VALUE its environment over yours (repeatable; alone: the same image, other env)
  --lb <lb>               the LB in front: nginx (default), haproxy or caddy
  --lb-idle-timeout <d>   how long the LB keeps idle upstream connections, e.g. 60s (default), 350s, 10m
                          (AWS ALB allows 1–4000 s; GCP keeps backends 600 s); 1 s to 4000 s
  --app-start-timeout <d> how long your app may take to answer --health once started (default 120s)

  -v, --version           the lab's version
  -h, --help              this text

Each flag may be given once. A run that ends early (a component stopped, Docker
went away, results not writable) says why in one line, writes what it measured
with summary.json marked incomplete, and tears down what it started.

${EXIT_CODES_HELP}`;

/** A bad flag: one line, a pointer to the command's --help, exit 2. */
export function usage(message: string, command = 'lab'): LabError {
  return new LabError(message, `See npm run ${command} -- --help.`, EXIT.badInput);
}

export function integer(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
  command = 'lab',
): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw)) throw usage(`--${name} must be a whole number, got '${raw}'.`, command);
  const value = Number(raw);
  if (value < min || value > max) throw usage(`--${name} must be between ${min} and ${max}, got ${value}.`, command);
  return value;
}

export function oneOf<T extends string>(
  name: string,
  raw: string | undefined,
  allowed: readonly T[],
  command = 'lab',
): T | undefined {
  if (raw === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw usage(`--${name} must be one of ${allowed.join(', ')}, got '${raw}'.`, command);
  }
  return raw as T;
}

const FLAGS = {
  quick: { type: 'boolean' },
  full: { type: 'boolean' },
  cycles: { type: 'string' },
  'max-cycles': { type: 'string' },
  concurrency: { type: 'string' },
  methods: { type: 'string' },
  'retry-policy': { type: 'string' },
  'haproxy-reuse': { type: 'string' },
  'server-mode': { type: 'string' },
  matrix: { type: 'boolean' },
  only: { type: 'string' },
  scenario: { type: 'string' },
  'list-scenarios': { type: 'boolean' },
  'long-cycles': { type: 'string' },
  runtime: { type: 'string' },
  'min-boundary': { type: 'string' },
  'results-dir': { type: 'string' },
  keep: { type: 'boolean' },
  json: { type: 'boolean' },
  assert: { type: 'boolean' },
  'assert-safe': { type: 'boolean' },
  'app-image': { type: 'string' },
  'app-build': { type: 'string' },
  'app-port': { type: 'string' },
  health: { type: 'string' },
  'app-env': { type: 'string', multiple: true },
  path: { type: 'string' },
  method: { type: 'string' },
  'compare-image': { type: 'string' },
  'compare-env': { type: 'string', multiple: true },
  lb: { type: 'string' },
  'lb-idle-timeout': { type: 'string' },
  'app-start-timeout': { type: 'string' },
  out: { type: 'string' },
  baseline: { type: 'string' },
  live: { type: 'boolean' },
  'live-port': { type: 'string' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * --min-boundary: at least the evidence floor for each method's cell (a SAFE
 * on fewer boundary requests would rest on a bound of 30 % or more; 0 made
 * every cell of a run without traffic safe).
 */
function minBoundaryOf(raw: string | undefined, methods: readonly Method[]): number {
  const floor = EVIDENCE_FLOOR.boundaryRequestsPerCell * methods.length;
  const n = integer('min-boundary', raw, 0, 100_000) ?? DEFAULT_OPTIONS.minBoundaryRequests;
  if (n < floor) {
    throw usage(
      `--min-boundary ${n} is below the evidence floor: ${EVIDENCE_FLOOR.boundaryRequestsPerCell} boundary requests per method (${floor} for ${methods.join(' and ')}); no verdict rests on fewer.`,
    );
  }
  return n;
}

/**
 * parseArgs reads `--cycles -3` as a flag followed by another flag ("ambiguous");
 * a value-taking flag followed by a negative number takes it as its value, so the
 * range check can say what is wrong with it.
 */
function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    // `--assert safe` (the line users add to CI) is its own flag; `--assert` alone stays the sample run's.
    if ((argv[i] === '--assert' && argv[i + 1] === 'safe') || argv[i] === '--assert=safe') {
      out.push('--assert-safe');
      if (argv[i] === '--assert') i++;
      continue;
    }
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : null;
    const flag = name !== null && Object.hasOwn(FLAGS, name) ? FLAGS[name as keyof typeof FLAGS] : null;
    if (flag?.type === 'string' && /^-\d/.test(argv[i + 1] ?? '')) {
      out.push(`${argv[i]}=${argv[i + 1]}`);
      i++;
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

/** --matrix [--only …] or --scenario …: the apps of a matrix run; null for the talk-sized run. */
function parseCells(v: {
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
  if (v.only !== undefined && !v.matrix) throw usage('--only narrows --matrix; add --matrix.');
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

/** --live-port: with --live only, a port the lab does not use itself; null for any free one. */
function parseLivePort(v: { live?: boolean; 'live-port'?: string }): number | null {
  if (v['live-port'] === undefined) return null;
  if (!v.live) throw usage("--live-port sets the live page's port; add --live.");
  const port = integer('live-port', v['live-port'], 1, 65_535)!;
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

export function parseLabArgs(argv: string[]): LabOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv),
      strict: true,
      allowPositionals: false,
      tokens: true,
      options: FLAGS,
    });
  } catch (err) {
    // parseArgs' own messages name the flag; keep only the first sentence.
    throw usage(firstLineOf(err).replace(/\. To specify.*$/, '.'));
  }
  // A flag given twice would silently keep the last value: say so instead (the repeatable ones excepted).
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || 'multiple' in FLAGS[token.name as keyof typeof FLAGS]) continue;
    if (token.name === 'assert-safe' && seen.has('assert'))
      throw usage('--assert and --assert safe exclude each other: --assert safe is for your app.');
    if (token.name === 'assert' && seen.has('assert-safe'))
      throw usage('--assert and --assert safe exclude each other: --assert safe is for your app.');
    if (seen.has(token.name))
      throw usage(`--${token.name === 'assert-safe' ? 'assert safe' : token.name} is given more than once.`);
    seen.add(token.name);
  }
  const v = parsed.values;
  if (v.quick && v.full) throw usage('--quick and --full exclude each other.');
  if (v['results-dir'] !== undefined && v['results-dir'].trim() === '') {
    throw usage('--results-dir needs a directory; it is empty.');
  }
  for (const flag of ['out', 'baseline'] as const) {
    if (v[flag] !== undefined && v[flag].trim() === '') throw usage(`--${flag} needs a file; it is empty.`);
  }
  const livePort = parseLivePort(v);
  const app = parseAppOptions(v);
  if (v['assert-safe'] && app === null)
    throw usage(
      '--assert safe asks whether your app is safe: add --app-image or --app-build (the sample run uses --assert).',
    );
  // --assert's rules are the sample app's (default must fail, fixed must not): with your app it would assert nothing.
  if (v.assert && app !== null)
    throw usage('With your app, the assertion is --assert safe (exit 99 unless it is shown safe).');
  const methods = app !== null ? [app.method] : parseMethods(v.methods);
  const cells = parseCells(v);
  // An LB's setting on a run without that LB would be silently ignored: say so.
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

  const concurrency = integer('concurrency', v.concurrency, 1, 32) ?? DEFAULT_OPTIONS.concurrency;
  // Methods alternate across a burst and a batch: fewer requests than methods would never send some.
  if (concurrency < (methods ?? DEFAULT_OPTIONS.methods).length) {
    throw usage(
      `--concurrency ${concurrency} cannot carry ${(methods ?? DEFAULT_OPTIONS.methods).join(' and ')}: each burst alternates the methods; use at least ${(methods ?? DEFAULT_OPTIONS.methods).length}.`,
    );
  }
  const cycles = integer('cycles', v.cycles, 1, 500) ?? DEFAULT_OPTIONS.cycles;
  const maxCycles = integer('max-cycles', v['max-cycles'], 1, 1500) ?? Math.max(cycles, cycles * 3);
  if (maxCycles < cycles) throw usage(`--max-cycles (${maxCycles}) must be at least --cycles (${cycles}).`);

  return {
    ...DEFAULT_OPTIONS,
    mode: v.full ? 'full' : 'quick',
    cycles,
    maxCycles,
    concurrency,
    methods: methods ?? DEFAULT_OPTIONS.methods,
    retryPolicy:
      oneOf('retry-policy', v['retry-policy'], Object.keys(RETRY_POLICIES) as RetryPolicy[]) ??
      DEFAULT_OPTIONS.retryPolicy,
    haproxyReuse: oneOf('haproxy-reuse', v['haproxy-reuse'], HAPROXY_REUSE_MODES) ?? DEFAULT_OPTIONS.haproxyReuse,
    serverMode: oneOf('server-mode', v['server-mode'], SERVER_MODES) ?? DEFAULT_OPTIONS.serverMode,
    cells,
    longCycles: integer('long-cycles', v['long-cycles'], 1, 100) ?? DEFAULT_OPTIONS.longCycles,
    listScenarios: v['list-scenarios'] ?? false,
    runtime: oneOf('runtime', v.runtime, RUNTIME_CHOICES) ?? DEFAULT_OPTIONS.runtime,
    minBoundaryRequests: minBoundaryOf(v['min-boundary'], methods ?? DEFAULT_OPTIONS.methods),
    resultsDir: v['results-dir'] ?? DEFAULT_OPTIONS.resultsDir,
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
