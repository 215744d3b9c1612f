// `npm run merge -- <run-dir>… [--results-dir D]`: the shards of a matrix run
// (npm run lab -- --matrix --shard i/n, one per machine) joined into one run
// directory, which report and compare read as any run's. Its exit code is the
// lab's for that run: 99 when its --assert fails, 1 when a shard did not
// finish, 2 for shards that cannot be joined (nothing is written then).
import { runCommand } from '../model/errors.js';
import { EXIT, type ExitCode } from '../model/exit-codes.js';
import { mergeRuns } from '../lab/merge-runs.js';
import { headlineText, wantsColour } from '../report/headline.js';
import { verdictLine } from '../report/markdown.js';
import { DEFAULT_OPTIONS } from '../scenarios/run-options.js';
import { directoryPath, flagsHelp, readArgs, usage, type FlagGroups, type FlagTable } from './flags.js';

const MERGE_FLAG_GROUPS = { main: '' } as const satisfies FlagGroups;

/** merge's flags, read by the lab's machinery (flags.ts): a mistyped one is one line of ours, with the nearest. */
const MERGE_FLAGS = {
  'results-dir': {
    type: 'string',
    arg: '<dir>',
    group: 'main',
    help: [`where the merged run's directory is written (default ${DEFAULT_OPTIONS.resultsDir}/)`],
  },
  help: { type: 'boolean', short: 'h', group: 'main', help: ['this text'] },
} as const satisfies FlagTable<keyof typeof MERGE_FLAG_GROUPS>;

export const MERGE_HELP = `keepalive-lab merge: the shards of a matrix run joined into one run.

Usage: npm run merge -- <run-dir> <run-dir>… [--results-dir <dir>]

  <run-dir>               a shard's run directory (npm run lab -- --matrix --shard i/n)
${flagsHelp(MERGE_FLAGS, MERGE_FLAG_GROUPS, 24)}

Writes a new run directory (<dir>/<time>-<runtime>-merged): summary.json with
exactly the union of the shards' cells and the run's verdict by the rules of a
whole run, requests.ndjson and the logs joined, report.md and report.html;
each shard's other files as they were under shards/<i>-of-<n>/. The shards'
directories are only read. Refused, before anything is written: a directory
that is no run or no shard, shards of different matrices, settings or
versions, a shard given twice, a shard missing.

Exit codes: ${EXIT.ok} merged (and --assert, if the shards ran with it, held), ${EXIT.couldNotRun} a shard did not finish
  (the merged run is INCOMPLETE), or the files could not be written, ${EXIT.badInput} shards that cannot be
  merged or a bad flag, ${EXIT.assertionFailed} the shards ran with --assert and the merged run fails it.`;

function main(argv: string[]): ExitCode {
  const { values, positionals } = readArgs(MERGE_FLAGS, argv, 'merge', { positionals: true });
  if (values.help) {
    console.log(MERGE_HELP);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw usage("Which runs? Give every shard's run directory.", 'merge');
  const resultsDir =
    values['results-dir'] === undefined
      ? DEFAULT_OPTIONS.resultsDir
      : directoryPath('results-dir', values['results-dir'], 'merge');
  const { dir, summary } = mergeRuns(positionals, resultsDir, (line) => console.error(`merge: ${line}`));
  console.log(`${headlineText(summary, wantsColour(process.stdout))}\n\n${verdictLine(summary)}\nresults: ${dir}`);
  // The lab's exit for this run, had it run whole: unfinished, then --assert (cli/lab.ts).
  if (!summary.complete) {
    console.error(`merge: the merged run is INCOMPLETE: ${summary.failure?.message ?? 'a shard was interrupted'}`);
    return EXIT.couldNotRun;
  }
  if (summary.assertion.requested && !summary.assertion.passed) {
    console.error(`merge: assertion failed: ${summary.assertion.reasons.join('; ')}`);
    return EXIT.assertionFailed;
  }
  return EXIT.ok;
}

runCommand('keepalive-lab merge', main);
