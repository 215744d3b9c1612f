// `npm run bench` flags: how many runs, how long each A/B, where, under what load.
import { parseArgs } from 'node:util';
import { EXIT } from '../model/exit-codes.js';
import { integer, oneOf, usage } from './options.js';
import { RUNTIME_CHOICES } from '../scenarios/run-options.js';
import { DEFAULT_BENCH_OPTIONS, type BenchOptions } from '../bench/options.js';
import { firstLineOf } from '../model/errors.js';

export const BENCH_HELP = `npm run bench -- [flags]

Runs the talk-sized lab --runs times. Each run stops at its first 502, then
runs --pairs pairs of one aimed and one naive cycle: the lab's aiming against
a client-side sweep on the same stack, at the same time. Prints min/median/max
of the time to the first 502, 502s per hitting cycle, aimed ÷ naive and more,
and writes results/bench-<id>.json and .md (each run's own directory beside).
Targets are shown beside the figures, never asserted.

  --runs <n>          lab runs (default ${DEFAULT_BENCH_OPTIONS.runs}, 1–50)
  --pairs <n>         A/B pairs per run after its first 502 (default ${DEFAULT_BENCH_OPTIONS.pairs}, 1–20)
  --runtime <r>       docker, local or auto (default ${DEFAULT_BENCH_OPTIONS.runtime})
  --cpu-load <n>      busy processes beside the lab, e.g. 1 to keep one core busy (default 0, 0–8)
  --results-dir <d>   where results go (default ${DEFAULT_BENCH_OPTIONS.resultsDir})
  -h, --help          this text

Exit codes: ${EXIT.ok} every run completed and its cross-checks agree (harness
502s = the LB's access log; nginx race lines ≥ 502s); ${EXIT.assertionFailed} a cross-check
disagreed; ${EXIT.couldNotRun} a run could not run or finish; ${EXIT.badInput} bad flags; ${EXIT.interrupted} interrupted.`;

const FLAGS = {
  runs: { type: 'string' },
  pairs: { type: 'string' },
  runtime: { type: 'string' },
  'cpu-load': { type: 'string' },
  'results-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseBenchArgs(argv: string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: FLAGS }));
  } catch (err) {
    throw usage(firstLineOf(err).replace(/\. To specify.*$/, '.'), 'bench');
  }
  return {
    runs: integer('runs', values.runs, 1, 50, 'bench') ?? DEFAULT_BENCH_OPTIONS.runs,
    pairs: integer('pairs', values.pairs, 1, 20, 'bench') ?? DEFAULT_BENCH_OPTIONS.pairs,
    runtime: oneOf('runtime', values.runtime, RUNTIME_CHOICES, 'bench') ?? DEFAULT_BENCH_OPTIONS.runtime,
    cpuLoad: integer('cpu-load', values['cpu-load'], 0, 8, 'bench') ?? DEFAULT_BENCH_OPTIONS.cpuLoad,
    resultsDir: values['results-dir'] ?? DEFAULT_BENCH_OPTIONS.resultsDir,
    help: values.help ?? false,
  };
}
