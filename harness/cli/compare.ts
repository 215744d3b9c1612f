// `npm run compare -- <baseline> <current>`: two runs side by side, and an
// exit code a CI job can act on: a regression (99) is not a known failure
// (100) is not an unfinished run (101) is not two runs that cannot be compared
// (102), and none of them is a file that cannot be read (2).
import { runCommand } from '../model/errors.js';
import { EXIT, type ExitCode } from '../model/exit-codes.js';
import { compareSummaries } from '../compare/compare.js';
import { formatComparison } from '../compare/format.js';
import { loadSummary } from '../compare/load.js';
import { SETTINGS } from '../compare/settings.js';
import { readArgs, usage, wrapWords, type FlagTable } from './flags.js';

const rateSettings = SETTINGS.filter((s) => s.movesRate !== false).map((s) => s.name);
const notedSettings = SETTINGS.filter((s) => s.movesRate === false).map((s) => s.name);

export const COMPARE_HELP = `keepalive-lab compare: two runs side by side, and whether the current one is worse.

Usage: npm run compare -- <baseline> <current> [--json]

  <baseline>, <current>   a run directory (results/<run-id>) or a summary.json, any schema version
  --json                  print the comparison as JSON on stdout
  -h, --help              this text

Each run's own verdict on top; then per variant (per cell of a matrix) both
runs' verdict words, failures at the close boundary, aimed cycles with a
failure, the change of the rate with its interval (by cycle: 502s cluster by
cycle; by request for cells of summaries older than schema v6),
Bonferroni-corrected so that all rows together are at 95 %, and the smallest
change the row's sample finds at 80 % power ("detectable"): a row "ok" on a
few cycles says little, and this says how little.

A row is a regression when it is worse than its baseline: a fix that held
fails, your app SAFE no more, Node's defaults no longer show the race, an
answer lost (INCONCLUSIVE), or its rate moved beyond chance the bad way. Bad
in both runs: still failing. Better: improved. Moved otherwise (a finding, a
different word): changed. Only in one run: no baseline, baseline only.

Runs that differ in a setting that moves a rate are not comparable: no rate
or verdict is compared, the settings are named. Those settings:
${wrapWords(rateSettings.join(', '), 2, 80)}
(an LB's own setting only when a row is behind that LB), and a row behind
another LB (your app's cells are named without it). Compared, and noted:
${wrapWords(`${notedSettings.join(', ')}, the Node and nginx releases.`, 2, 80)}

Exit codes: ${EXIT.ok} no regression (and the current run does not fail), ${EXIT.assertionFailed} a regression,
  ${EXIT.stillFailing} still failing (the current run fails as its baseline did, nothing worse),
  ${EXIT.incomplete} incomplete (either run did not finish), ${EXIT.notComparable} not comparable (settings that move a rate differ),
  ${EXIT.badInput} a missing, malformed file, or two runs with nothing in common.`;

/** compare's flags, read by the lab's machinery (flags.ts): a mistyped one is one line of ours, with the nearest. */
const COMPARE_FLAGS = {
  json: { type: 'boolean', group: 'main', help: ['print the comparison as JSON on stdout'] },
  help: { type: 'boolean', short: 'h', group: 'main', help: ['this text'] },
} as const satisfies FlagTable;

function main(argv: string[]): ExitCode {
  const parsed = readArgs(COMPARE_FLAGS, argv, 'compare', { positionals: true });
  if (parsed.values.help) {
    console.log(COMPARE_HELP);
    return EXIT.ok;
  }
  if (parsed.positionals.length !== 2)
    throw usage(`compare needs two runs, a baseline and the current one; got ${parsed.positionals.length}.`, 'compare');
  const [baseline, current] = parsed.positionals.map(loadSummary);
  const comparison = compareSummaries(baseline.summary, current.summary);
  const files = {
    baseline: { file: baseline.file, schemaVersion: baseline.schemaVersion },
    current: { file: current.file, schemaVersion: current.schemaVersion },
  };
  console.log(
    parsed.values.json ? JSON.stringify({ files, ...comparison }, null, 2) : formatComparison(comparison, files),
  );
  return comparison.exitCode;
}

runCommand('keepalive-lab compare', main);
