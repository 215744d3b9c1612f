// `npm run bench` flags: how many runs, how long each A/B, where, under what load.
import { parseArgs } from 'node:util';
import { EXIT } from '../model/exit-codes.js';
import { flagsHelp, oneOf, parseArgsOptions, rangedInteger, usage, type FlagTable } from './flags.js';
import { RUNTIME_CHOICES } from '../scenarios/run-options.js';
import { DEFAULT_BENCH_OPTIONS, type BenchOptions } from '../bench/options.js';
import { firstLineOf } from '../model/errors.js';

/** Every flag of `npm run bench`, in --help's order; a number's range is checked against the entry that prints it. */
export const BENCH_FLAGS = {
  runs: {
    type: 'string',
    arg: '<n>',
    range: { min: 1, max: 50 },
    help: [`lab runs (default ${DEFAULT_BENCH_OPTIONS.runs}, {range})`],
  },
  pairs: {
    type: 'string',
    arg: '<n>',
    range: { min: 1, max: 20 },
    help: [`A/B pairs per run after its first 502 (default ${DEFAULT_BENCH_OPTIONS.pairs}, {range})`],
  },
  runtime: { type: 'string', arg: '<r>', help: [`docker, local or auto (default ${DEFAULT_BENCH_OPTIONS.runtime})`] },
  'cpu-load': {
    type: 'string',
    arg: '<n>',
    range: { min: 0, max: 8 },
    help: [
      `busy processes beside the lab, e.g. 1 to keep one core busy (default ${DEFAULT_BENCH_OPTIONS.cpuLoad}, {range})`,
    ],
  },
  'results-dir': {
    type: 'string',
    arg: '<d>',
    help: [`where results go (default ${DEFAULT_BENCH_OPTIONS.resultsDir})`],
  },
  help: { type: 'boolean', short: 'h', help: ['this text'] },
} as const satisfies FlagTable;

export const BENCH_HELP = `npm run bench -- [flags]

Runs the talk-sized lab --runs times. Each run stops at its first 502, then
runs --pairs pairs of one aimed and one naive cycle: the lab's aiming against
a client-side sweep on the same stack, at the same time. Prints min/median/max
of the time to the first 502, 502s per hitting cycle, aimed ÷ naive and more,
and writes results/bench-<id>.json and .md (each run's own directory beside).
Targets are shown beside the figures, never asserted.

${flagsHelp(BENCH_FLAGS, 20)}

Exit codes: ${EXIT.ok} every run completed and its cross-checks agree (harness
502s = the LB's access log; nginx race lines ≥ 502s); ${EXIT.assertionFailed} a cross-check
disagreed; ${EXIT.couldNotRun} a run could not run or finish; ${EXIT.badInput} bad flags; ${EXIT.interrupted} interrupted.`;

const FLAGS = parseArgsOptions(BENCH_FLAGS);

/** `npm run bench`'s flags as its options; a user mistake is one LabError line, exit 2. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: FLAGS }));
  } catch (err) {
    throw usage(firstLineOf(err).replace(/\. To specify.*$/, '.'), 'bench');
  }
  return {
    runs: rangedInteger(BENCH_FLAGS, 'runs', values.runs, 'bench') ?? DEFAULT_BENCH_OPTIONS.runs,
    pairs: rangedInteger(BENCH_FLAGS, 'pairs', values.pairs, 'bench') ?? DEFAULT_BENCH_OPTIONS.pairs,
    runtime: oneOf('runtime', values.runtime, RUNTIME_CHOICES, 'bench') ?? DEFAULT_BENCH_OPTIONS.runtime,
    cpuLoad: rangedInteger(BENCH_FLAGS, 'cpu-load', values['cpu-load'], 'bench') ?? DEFAULT_BENCH_OPTIONS.cpuLoad,
    resultsDir: values['results-dir'] ?? DEFAULT_BENCH_OPTIONS.resultsDir,
    help: values.help ?? false,
  };
}
