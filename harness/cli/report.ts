// `npm run report -- results/<run-id>`: report.html and the chart SVGs rebuilt
// from a saved run (the lab writes them at the end of every run too). Prints
// the page's path; a missing directory or a bad summary is one line and exit 2.
import { parseArgs } from 'node:util';
import { LabError, runCommand, messageOf } from '../model/errors.js';
import { EXIT, type ExitCode } from '../model/exit-codes.js';
import { writeReport } from '../report/html/build.js';

/** For --help. */
export const REPORT_HELP = `Usage: npm run report -- <run-dir>

Rebuilds report.html and the charts (chart-cycles.svg, chart-race-window.svg,
chart-hit-timeline.svg, chart-closed-by.svg, and chart-matrix.svg for a matrix
run) in a saved run's directory, from its summary.json, requests.ndjson and
logs; prints the path of report.html. Files other than summary.json may be
missing: the page then says which charts it could not draw.

  <run-dir>    a run's directory, e.g. results/20261128-030131Z-docker
  -h, --help   this help

Exit codes: ${EXIT.ok} written, ${EXIT.badInput} no such run directory or an unreadable summary.json, ${EXIT.couldNotRun} the files could not be written.`;

/** The one run directory asked for, or --help. */
export function parseReportArgs(argv: string[]): { help: true } | { help: false; dir: string } {
  let parsed: ReturnType<
    typeof parseArgs<{ options: { help: { type: 'boolean'; short: 'h' } }; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new LabError(messageOf(err), 'See npm run report -- --help.', EXIT.badInput);
  }
  if (parsed.values.help) return { help: true };
  if (parsed.positionals.length !== 1) {
    throw new LabError(
      parsed.positionals.length === 0
        ? 'Which run? Give its directory.'
        : `One run directory at a time (got ${parsed.positionals.length}).`,
      'npm run report -- results/<run-id>',
      EXIT.badInput,
    );
  }
  return { help: false, dir: parsed.positionals[0] };
}

function main(argv: string[]): ExitCode {
  const args = parseReportArgs(argv);
  if (args.help) {
    console.log(REPORT_HELP);
    return EXIT.ok;
  }
  const { reportPath, missing } = writeReport(args.dir);
  if (missing.length > 0)
    console.error(
      `keepalive-lab report: ${missing.length} of the run's files not found (the page lists them): ${missing.map((m) => m.split(' ')[0]).join(', ')}`,
    );
  console.log(reportPath);
  return EXIT.ok;
}

runCommand('keepalive-lab report', main);
