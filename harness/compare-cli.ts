// `npm run compare -- <baseline> <current>`: two runs side by side, and an
// exit code a CI job can act on: 0 no regression, 99 a regression, 2 a file
// that cannot be compared.
import { parseArgs } from 'node:util';
import { runCommand } from './errors.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { compareSummaries } from './compare/compare.js';
import { formatComparison } from './compare/format.js';
import { loadSummary } from './compare/load.js';
import { usage } from './options.js';

export const COMPARE_HELP = `keepalive-lab compare: two runs side by side, and whether the current one regressed.

Usage: npm run compare -- <baseline> <current> [--json]

  <baseline>, <current>   a run directory (results/<run-id>) or a summary.json, any schema version
  --json                  print the comparison as JSON on stdout
  -h, --help              this text

Per variant (per cell of a matrix): failures at the close boundary, aimed
cycles with a failure, and the change of the rate with its interval (by
cycle: 502s cluster by cycle; by request for cells of summaries older than
schema v6), Bonferroni-corrected so that all rows together are at 95 %.
A regression: any of the current run's own --assert reasons (a fix that must
hold failed or was not shown safe, Node's defaults no longer show the race,
too few boundary requests, harness and LB log disagree); and any rate that
moved beyond its interval, either way, is flagged as changed.

Exit codes: ${EXIT.ok} no regression and no change, ${EXIT.assertionFailed} a regression or a change, ${EXIT.badInput} a missing, malformed or incompatible file.`;

function main(argv: string[]): ExitCode {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    throw usage((err as Error).message.split('\n')[0].replace(/\. To specify.*$/, '.'), 'compare');
  }
  if (parsed.values.help) {
    console.log(COMPARE_HELP);
    return EXIT.ok;
  }
  if (parsed.positionals.length !== 2) throw usage(`compare needs two runs, a baseline and the current one; got ${parsed.positionals.length}.`, 'compare');
  const [baseline, current] = parsed.positionals.map(loadSummary);
  const comparison = compareSummaries(baseline.summary, current.summary);
  const files = { baseline: { file: baseline.file, schemaVersion: baseline.schemaVersion }, current: { file: current.file, schemaVersion: current.schemaVersion } };
  console.log(parsed.values.json ? JSON.stringify({ files, ...comparison }, null, 2) : formatComparison(comparison, files));
  return comparison.passed ? EXIT.ok : EXIT.assertionFailed;
}

runCommand('keepalive-lab compare', main);
