// `npm run report -- results/<run-id>` (or its summary.json): report.html and
// the chart SVGs rebuilt from a saved run (the lab writes them at the end of
// every run too), with --png each chart as a PNG too. Prints the page's path;
// a missing path, a bad summary or a mistyped flag is one line and exit 2.
import { LabError, reportLabError } from '../model/errors.js';
import { EXIT, type ExitCode } from '../model/exit-codes.js';
import { writeReport } from '../report/html/build.js';
import { DEFAULT_CHROMIUM_PATH, startChartBrowser, type ChartBrowser } from '../report/html/png.js';
import { readRunSummary } from '../report/html/run-files.js';
import { flagsHelp, readArgs, usage, type FlagGroups, type FlagTable } from './flags.js';

/** Names the Chromium --png draws with, when it is not Debian's. */
export const CHROMIUM_ENV = 'LAB_CHROMIUM';

/** The groups of `npm run report -- --help`, in its order. */
const REPORT_FLAG_GROUPS = { outputs: 'Outputs:', other: 'Help:' } as const satisfies FlagGroups;

/** report's flags, read by the lab's machinery (flags.ts): a mistyped one is one line of ours, with the nearest. */
const REPORT_FLAGS = {
  png: {
    type: 'boolean',
    group: 'outputs',
    help: [
      'each chart also as a PNG beside its SVG (chart-*.png), for slide tools,',
      `at twice its size; drawn by Chromium (${DEFAULT_CHROMIUM_PATH}, or ${CHROMIUM_ENV})`,
    ],
  },
  help: { type: 'boolean', short: 'h', group: 'other', help: ['this text'] },
} as const satisfies FlagTable<keyof typeof REPORT_FLAG_GROUPS>;

/** For --help. */
const REPORT_HELP = `Usage: npm run report -- <run-dir | summary.json> [--png]

Rebuilds report.html and the charts (chart-cycles.svg, chart-race-window.svg,
chart-hit-timeline.svg, chart-closed-by.svg, and chart-matrix.svg for a matrix
run) in a saved run's directory, from its summary.json, requests.ndjson and
logs; prints the path of report.html. Files other than summary.json may be
missing: the page then says which charts it could not draw, and a chart with
nothing to draw has no file.

  <run-dir>       a run's directory, e.g. results/20261128-030131Z-docker
  <summary.json>  or a summary file: the report is written beside it

${flagsHelp(REPORT_FLAGS, REPORT_FLAG_GROUPS, 16)}

Exit codes: ${EXIT.ok} written, ${EXIT.badInput} no such run, an unreadable summary or a bad flag,
${EXIT.couldNotRun} the files could not be written, or --png and no Chromium that starts.`;

/** The one run asked for (its directory or summary file), --png, or --help. */
export function parseReportArgs(argv: string[]): { help: true } | { help: false; dir: string; png: boolean } {
  const { values, positionals } = readArgs(REPORT_FLAGS, argv, 'report', { positionals: true });
  if (values.help) return { help: true };
  if (positionals.length !== 1) {
    throw usage(
      positionals.length === 0
        ? 'Which run? Give its directory or its summary.json.'
        : `One run at a time (got ${positionals.length}).`,
      'report',
    );
  }
  return { help: false, dir: positionals[0], png: values.png === true };
}

const COMMAND = 'keepalive-lab report';

async function main(argv: string[]): Promise<ExitCode> {
  const args = parseReportArgs(argv);
  if (args.help) {
    console.log(REPORT_HELP);
    return EXIT.ok;
  }
  // The run first (a wrong path is the user's, exit 2, whatever the browser), then the browser, started before anything
  // is written: a report half done for want of a browser is not what was asked for.
  readRunSummary(args.dir);
  const browser: ChartBrowser | null = args.png
    ? await startChartBrowser(process.env[CHROMIUM_ENV] || DEFAULT_CHROMIUM_PATH)
    : null;
  try {
    const { reportPath, dir, written, missing } = writeReport(args.dir);
    if (missing.length > 0)
      console.error(
        `${COMMAND}: ${missing.length} of the run's files not found (the page lists them): ${missing.map((m) => m.split(' ')[0]).join(', ')}`,
      );
    if (browser !== null)
      await browser.writePngs(
        dir,
        written.filter((name) => name.endsWith('.svg')),
      );
    console.log(reportPath);
    return EXIT.ok;
  } finally {
    await browser?.close();
  }
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
