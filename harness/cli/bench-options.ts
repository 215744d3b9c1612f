// `npm run bench` flags: how many runs, how long each A/B, where, under what load.
// One flag table, read and checked by the lab's own machinery (flags.ts).
import { EXIT } from '../model/exit-codes.js';
import {
  directoryPath,
  flagsHelp,
  oneOf,
  rangedInteger,
  readArgs,
  usage,
  type FlagGroups,
  type FlagTable,
} from './flags.js';
import { RUNTIME_CHOICES } from '../scenarios/run-options.js';
import { DEFAULT_BENCH_OPTIONS, type BenchOptions } from '../bench/options.js';

/** The groups of `npm run bench -- --help`, in its order. */
export const BENCH_FLAG_GROUPS = {
  run: 'Runs:',
  outputs: 'Outputs:',
  other: 'Help:',
} as const satisfies FlagGroups;

/**
 * Every flag of `npm run bench`, in --help's order within its group; a number's range is checked against the entry
 * that prints it.
 */
export const BENCH_FLAGS = {
  runs: {
    type: 'string',
    arg: '<n>',
    group: 'run',
    range: { min: 1, max: 50 },
    help: [`lab runs (default ${DEFAULT_BENCH_OPTIONS.runs}, {range})`],
  },
  pairs: {
    type: 'string',
    arg: '<n>',
    group: 'run',
    range: { min: 1, max: 20 },
    help: [`A/B pairs per run after its first 502 (default ${DEFAULT_BENCH_OPTIONS.pairs}, {range})`],
  },
  runtime: {
    type: 'string',
    arg: '<r>',
    group: 'run',
    help: [`docker, local or auto (default ${DEFAULT_BENCH_OPTIONS.runtime})`],
  },
  'cpu-load': {
    type: 'string',
    arg: '<n>',
    group: 'run',
    range: { min: 0, max: 8 },
    help: [
      'busy processes beside the lab, e.g. 1 to keep one core busy',
      `(default ${DEFAULT_BENCH_OPTIONS.cpuLoad}, {range})`,
    ],
  },
  'results-dir': {
    type: 'string',
    arg: '<dir>',
    group: 'outputs',
    help: [`where results go (default ${DEFAULT_BENCH_OPTIONS.resultsDir})`],
  },
  help: { type: 'boolean', short: 'h', group: 'other', help: ['this text'] },
} as const satisfies FlagTable<keyof typeof BENCH_FLAG_GROUPS>;

export const BENCH_HELP = `keepalive-lab bench: the lab's speed and aim, over several runs.

Usage: npm run bench -- [flags]

Runs the talk-sized lab --runs times. Each run stops at its first 502, then
runs --pairs pairs of one aimed and one naive cycle: the lab's aiming against
a client-side sweep on the same stack, at the same time. Prints min/median/max
of the time to the first 502, 502s per hitting cycle, aimed ÷ naive and more,
and writes results/bench-<id>.json and .md (each run's own directory beside).
Targets are shown beside the figures, never asserted.

${flagsHelp(BENCH_FLAGS, BENCH_FLAG_GROUPS, 20)}

Exit codes: ${EXIT.ok} every run completed and its cross-checks agree (harness
502s = the LB's access log; nginx race lines ≥ 502s); ${EXIT.assertionFailed} a cross-check
disagreed; ${EXIT.couldNotRun} a run could not run or finish; ${EXIT.badInput} bad flags; ${EXIT.interrupted} interrupted.`;

/** `npm run bench`'s flags as its options; a user mistake is one LabError line, exit 2. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values, tokens } = readArgs(BENCH_FLAGS, argv, 'bench');
  // As the lab: a flag given twice would silently keep the last value.
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw usage(`--${token.name} is given more than once.`, 'bench');
    seen.add(token.name);
  }
  const resultsDir = values['results-dir'];
  if (resultsDir !== undefined && resultsDir.trim() === '')
    throw usage('--results-dir needs a directory; it is empty.', 'bench');
  return {
    runs: rangedInteger(BENCH_FLAGS, 'runs', values.runs, 'bench') ?? DEFAULT_BENCH_OPTIONS.runs,
    pairs: rangedInteger(BENCH_FLAGS, 'pairs', values.pairs, 'bench') ?? DEFAULT_BENCH_OPTIONS.pairs,
    runtime: oneOf('runtime', values.runtime, RUNTIME_CHOICES, 'bench') ?? DEFAULT_BENCH_OPTIONS.runtime,
    cpuLoad: rangedInteger(BENCH_FLAGS, 'cpu-load', values['cpu-load'], 'bench') ?? DEFAULT_BENCH_OPTIONS.cpuLoad,
    resultsDir:
      resultsDir === undefined ? DEFAULT_BENCH_OPTIONS.resultsDir : directoryPath('results-dir', resultsDir, 'bench'),
    help: values.help ?? false,
  };
}
