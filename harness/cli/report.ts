// `npm run report -- results/<run-id>` (or its summary.json): report.html and
// the chart SVGs rebuilt from a saved run (the lab writes them at the end of
// every run too), with --png each chart as a PNG too. Prints the page's path;
// a missing path or a bad summary is one line and exit 2.
import { parseArgs } from 'node:util';
import { LabError, reportLabError, messageOf } from '../model/errors.js';
import { EXIT, type ExitCode } from '../model/exit-codes.js';
import { writeReport } from '../report/html/build.js';
import { assertChromium, DEFAULT_CHROMIUM_PATH, writeChartPngs } from '../report/html/png.js';

/** Names the Chromium --png draws with, when it is not Debian's. */
export const CHROMIUM_ENV = 'LAB_CHROMIUM';

/** For --help. */
export const REPORT_HELP = `Usage: npm run report -- <run-dir | summary.json> [--png]

Rebuilds report.html and the charts (chart-cycles.svg, chart-race-window.svg,
chart-hit-timeline.svg, chart-closed-by.svg, and chart-matrix.svg for a matrix
run) in a saved run's directory, from its summary.json, requests.ndjson and
logs; prints the path of report.html. Files other than summary.json may be
missing: the page then says which charts it could not draw, and a chart with
nothing to draw has no file.

  <run-dir>       a run's directory, e.g. results/20261128-030131Z-docker
  <summary.json>  or a summary file: the report is written beside it
  --png           each chart also as a PNG beside its SVG (chart-*.png), for
                  slide tools; drawn by Chromium (${DEFAULT_CHROMIUM_PATH}, or ${CHROMIUM_ENV})
  -h, --help      this help

Exit codes: ${EXIT.ok} written, ${EXIT.badInput} no such run or an unreadable summary, ${EXIT.couldNotRun} the files could not be
written, or --png and no Chromium.`;

/** The one run asked for (its directory or summary file), --png, or --help. */
export function parseReportArgs(argv: string[]): { help: true } | { help: false; dir: string; png: boolean } {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: { help: { type: 'boolean'; short: 'h' }; png: { type: 'boolean' } };
      allowPositionals: true;
    }>
  >;
  try {
    parsed = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h' }, png: { type: 'boolean' } },
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
        ? 'Which run? Give its directory or its summary.json.'
        : `One run at a time (got ${parsed.positionals.length}).`,
      'npm run report -- results/<run-id>',
      EXIT.badInput,
    );
  }
  return { help: false, dir: parsed.positionals[0], png: parsed.values.png === true };
}

const COMMAND = 'keepalive-lab report';

async function main(argv: string[]): Promise<ExitCode> {
  const args = parseReportArgs(argv);
  if (args.help) {
    console.log(REPORT_HELP);
    return EXIT.ok;
  }
  const chromiumPath = process.env[CHROMIUM_ENV] || DEFAULT_CHROMIUM_PATH;
  // Before anything is written: a report half done for want of a browser is not what was asked for.
  if (args.png) assertChromium(chromiumPath);
  const { reportPath, dir, written, missing } = writeReport(args.dir);
  if (missing.length > 0)
    console.error(
      `${COMMAND}: ${missing.length} of the run's files not found (the page lists them): ${missing.map((m) => m.split(' ')[0]).join(', ')}`,
    );
  if (args.png)
    await writeChartPngs(
      dir,
      written.filter((name) => name.endsWith('.svg')),
      chromiumPath,
    );
  console.log(reportPath);
  return EXIT.ok;
}

// runCommand's way, for an async main: a LabError is one line and its own code; anything else a bug, with its stack.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof LabError) process.exitCode = reportLabError(err, COMMAND);
    else {
      console.error(err);
      process.exitCode = EXIT.couldNotRun;
    }
  },
);
