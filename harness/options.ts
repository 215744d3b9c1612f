// `npm run lab -- [flags]`: parsed with node:util parseArgs and validated; a
// user mistake becomes one LabError line and exit code 2.
import { parseArgs } from 'node:util';
import { LabError } from './errors.js';
import { RETRY_POLICIES, SERVER_MODES, type RetryPolicy, type ServerMode } from './scenarios.js';

export const METHODS = ['POST', 'GET'] as const;
export type Method = (typeof METHODS)[number];
export type RuntimeChoice = 'docker' | 'local' | 'auto';

export interface LabOptions {
  mode: 'quick' | 'full';
  /** Cycles to run; without a 502 on the default variant by then, the lab goes on to maxCycles. */
  cycles: number;
  /** Without a 502 yet, the lab keeps cycling up to this bound. */
  maxCycles: number;
  /** Concurrent requests per burst, per variant. */
  concurrency: number;
  methods: Method[];
  runtime: RuntimeChoice;
  retryPolicy: RetryPolicy;
  serverMode: ServerMode;
  keep: boolean;
  json: boolean;
  assert: boolean;
  /** --assert needs at least this many boundary requests on the fixed variant. */
  minBoundaryRequests: number;
  resultsDir: string;
  help: boolean;
}

export const DEFAULT_OPTIONS: LabOptions = {
  mode: 'quick',
  cycles: 12,
  maxCycles: 36,
  concurrency: 8,
  methods: ['POST', 'GET'],
  runtime: 'auto',
  retryPolicy: 'alb',
  serverMode: 'standalone',
  keep: false,
  json: false,
  assert: false,
  minBoundaryRequests: 40,
  resultsDir: 'results',
  help: false,
};

export const HELP = `keepalive-lab: reproduce the keep-alive 502 behind a load balancer, and prove the fix.

Usage: npm run lab -- [flags]

  --quick                 talk-sized run, about 2 minutes once images are built (default)
  --full                  also idle gaps around the LB's 60 s timeout (adds about 2 minutes)
  --cycles <n>            burst + idle-gap cycles to run (default ${DEFAULT_OPTIONS.cycles}, 1–500); if the default
                          variant has shown no 502 by then, the lab goes on until its first one
  --max-cycles <n>        upper bound on cycles while no 502 has shown (default 3 × cycles)
  --concurrency <n>       concurrent requests per burst and per variant (default ${DEFAULT_OPTIONS.concurrency}, 1–32)
  --methods <list>        request methods to mix, comma-separated: POST,GET (default POST,GET)
  --retry-policy <p>      LB retry policy: alb (never retries, default) or nginx (retries idempotent requests)
  --server-mode <m>       app server: standalone (Next's server.js, default) or custom (http.createServer)
  --runtime <r>           docker, local (system nginx + app processes) or auto (default: docker if it answers)
  --min-boundary <n>      --assert needs at least n requests on the fixed variant sent at the default
                          variant's close boundary (default ${DEFAULT_OPTIONS.minBoundaryRequests})
  --results-dir <dir>     where run directories are written (default results/)
  --keep                  leave the stack running afterwards (Docker runtime)
  --json                  print the summary as JSON on stdout (progress goes to stderr)
  --assert                exit 1 unless default shows ≥ 1 × 502 and fixed none
  -h, --help              this text

Exit codes: 0 done (and assertions held), 1 assertion failed or the lab could not run, 2 bad flags, 130 interrupted.`;

function usage(message: string): LabError {
  return new LabError(message, 'See npm run lab -- --help.', 2);
}

function integer(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw usage(`--${name} must be a whole number, got '${raw}'.`);
  const value = Number(raw);
  if (value < min || value > max) throw usage(`--${name} must be between ${min} and ${max}, got ${value}.`);
  return value;
}

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[]): T | undefined {
  if (raw === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw usage(`--${name} must be one of ${allowed.join(', ')}, got '${raw}'.`);
  }
  return raw as T;
}

export function parseLabArgs(argv: string[]): LabOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        quick: { type: 'boolean' },
        full: { type: 'boolean' },
        cycles: { type: 'string' },
        'max-cycles': { type: 'string' },
        concurrency: { type: 'string' },
        methods: { type: 'string' },
        'retry-policy': { type: 'string' },
        'server-mode': { type: 'string' },
        runtime: { type: 'string' },
        'min-boundary': { type: 'string' },
        'results-dir': { type: 'string' },
        keep: { type: 'boolean' },
        json: { type: 'boolean' },
        assert: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    // parseArgs' own messages name the flag; keep only the first sentence.
    throw usage((err as Error).message.split('\n')[0].replace(/\. To specify.*$/, '.'));
  }
  const v = parsed.values;
  if (v.quick && v.full) throw usage('--quick and --full exclude each other.');

  const methods = v.methods?.split(',').map((m) => m.trim().toUpperCase());
  if (methods) {
    if (methods.length === 0 || methods.some((m) => m === '')) throw usage('--methods needs a comma-separated list, e.g. POST,GET.');
    for (const m of methods) oneOf('methods', m, METHODS);
  }

  const cycles = integer('cycles', v.cycles, 1, 500) ?? DEFAULT_OPTIONS.cycles;
  const maxCycles = integer('max-cycles', v['max-cycles'], 1, 1500) ?? Math.max(cycles, cycles * 3);
  if (maxCycles < cycles) throw usage(`--max-cycles (${maxCycles}) must be at least --cycles (${cycles}).`);

  return {
    ...DEFAULT_OPTIONS,
    mode: v.full ? 'full' : 'quick',
    cycles,
    maxCycles,
    concurrency: integer('concurrency', v.concurrency, 1, 32) ?? DEFAULT_OPTIONS.concurrency,
    methods: (methods as Method[] | undefined) ?? DEFAULT_OPTIONS.methods,
    retryPolicy: oneOf('retry-policy', v['retry-policy'], Object.keys(RETRY_POLICIES) as RetryPolicy[]) ?? DEFAULT_OPTIONS.retryPolicy,
    serverMode: oneOf('server-mode', v['server-mode'], SERVER_MODES) ?? DEFAULT_OPTIONS.serverMode,
    runtime: oneOf('runtime', v.runtime, ['docker', 'local', 'auto'] as const) ?? DEFAULT_OPTIONS.runtime,
    minBoundaryRequests: integer('min-boundary', v['min-boundary'], 0, 100_000) ?? DEFAULT_OPTIONS.minBoundaryRequests,
    resultsDir: v['results-dir'] ?? DEFAULT_OPTIONS.resultsDir,
    keep: v.keep ?? false,
    json: v.json ?? false,
    assert: v.assert ?? false,
    help: v.help ?? false,
  };
}
