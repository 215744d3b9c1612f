// What `npm run bench` runs, as data (cli/bench-options.ts parses its flags into it).
import { DEFAULT_OPTIONS, type RuntimeChoice } from '../scenarios/run-options.js';

export interface BenchOptions {
  runs: number;
  /** A/B pairs (one aimed and one naive cycle) per run, after its first 502. */
  pairs: number;
  runtime: RuntimeChoice;
  resultsDir: string;
  /** Busy processes running beside the lab, as on a speaker's laptop that is never idle. */
  cpuLoad: number;
  help: boolean;
}

export const DEFAULT_BENCH_OPTIONS: BenchOptions = {
  runs: 5,
  pairs: 5,
  runtime: DEFAULT_OPTIONS.runtime,
  resultsDir: DEFAULT_OPTIONS.resultsDir,
  cpuLoad: 0,
  help: false,
};
