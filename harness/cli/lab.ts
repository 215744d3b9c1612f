// `npm run lab`: flags in, a story out (progress on stderr; table and verdict,
// or JSON, on stdout), and an exit code a CI job can trust (harness/model/exit-codes.ts).
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { assertComparable, compareSummaries } from '../compare/compare.js';
import { COMPARED_APP_VARIANT, VARIANTS, YOUR_APP_VARIANT } from '../scenarios/scenarios.js';
import { formatComparison } from '../compare/format.js';
import { loadSummary } from '../compare/load.js';
import { headlineText, wantsColour } from '../report/headline.js';
import { LabError, reportLabError } from '../model/errors.js';
import { EXIT, type ExitCode } from '../model/exit-codes.js';
import { onInterrupts } from './interrupts.js';
import { runLab } from '../lab/lab.js';
import { startLiveServer, type LiveServer } from '../live/server.js';
import { appCellName } from '../scenarios/matrix.js';
import { scenarioListing } from './list-scenarios.js';
import { HELP, parseLabArgs } from './options.js';
import { usage } from './flags.js';
import { cellReasons, formatTable, mainTable, verdictLine } from '../report/markdown.js';
import { KEPT_STACK_DOWN } from '../runtime/docker-stack.js';
import type { LabOptions } from '../scenarios/run-options.js';
import type { Summary } from '../results/schema.js';

/** The lab's own version: package.json's. */
function labVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return String(pkg.version);
}

/**
 * The rows this run's summary will have, as compare names them: the talk-sized run's variants, or a matrix's cells (app
 * × method).
 */
function plannedRowNames(options: LabOptions): string[] {
  const { app } = options;
  if (app !== null) {
    const apps = app.compare === null ? [YOUR_APP_VARIANT] : [YOUR_APP_VARIANT, COMPARED_APP_VARIANT];
    return apps.map((name) => `${name}-${app.method.toLowerCase()}`);
  }
  if (options.cells === null) return VARIANTS.map((v) => v.name);
  return options.cells.flatMap((c) => options.methods.map((m) => `${appCellName(c)}-${m.toLowerCase()}`));
}

/** --out's directory must exist before a run of minutes, not be found missing after it. */
function checkOutFile(out: string): void {
  const dir = dirname(resolve(out));
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // Missing: said below.
  }
  if (!isDir) throw usage(`--out ${out}: the directory ${dir} does not exist.`);
  let isDirItself = false;
  try {
    isDirItself = statSync(out).isDirectory();
  } catch {
    // Not there yet: the run writes it.
  }
  if (isDirItself) throw usage(`--out ${out} is a directory; give a file name, e.g. ${join(out, 'summary.json')}.`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw usage(`--out ${out}: the directory ${dir} is not writable.`);
  }
}

/** A run's flags, with its baseline read and --out's place checked before the run (not found wrong after it). */
interface Request {
  options: LabOptions;
  baseline: ReturnType<typeof loadSummary> | null;
}

/** The flags read and checked; a user mistake is reported here and its exit code returned instead. */
function readRequest(argv: string[]): Request | ExitCode {
  try {
    const options = parseLabArgs(argv);
    // Read before the run: a bad baseline is found in a second, not after minutes of traffic.
    const baseline =
      options.baseline === null || options.help || options.version ? null : loadSummary(options.baseline);
    if (baseline !== null) assertComparable(baseline.summary, plannedRowNames(options));
    if (options.out !== null) checkOutFile(options.out);
    return { options, baseline };
  } catch (err) {
    if (err instanceof LabError) return reportLabError(err);
    throw err;
  }
}

/** --help, --version and --list-scenarios answer without a run; null when a run is asked for. */
function answerWithoutRun(options: LabOptions): ExitCode | null {
  if (options.help) {
    console.log(HELP);
    return EXIT.ok;
  }
  if (options.version) {
    console.log(`keepalive-lab ${labVersion()}`);
    return EXIT.ok;
  }
  if (options.listScenarios) {
    console.log(scenarioListing(options.cells));
    return EXIT.ok;
  }
  return null;
}

/** The first Ctrl-C (or SIGTERM) aborts the run, which then tears down; a second exits on the spot. */
function abortOnInterrupt(): AbortController {
  const controller = new AbortController();
  // A group signal's echo (tsx, npm) is not a second interrupt: harness/cli/interrupts.ts.
  onInterrupts({
    stop: (signal) => {
      console.error(`\n${signal}: stopping; tearing down what the lab started (again to force)`);
      controller.abort();
    },
    force: (signal) => {
      console.error(
        `\n${signal} again: exiting without teardown; what the lab started may still run (on Docker: ${KEPT_STACK_DOWN}).`,
      );
      process.exit(EXIT.interrupted);
    },
  });
  return controller;
}

/** The run's outcome on stdout: its summary as JSON, or the headline, the table and the verdict. */
function printOutcome(summary: Summary, runDir: string, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  // The headline first: what a speaker's audience reads; the details after it.
  console.log(headlineText(summary, wantsColour(process.stdout)));
  const reasons =
    summary.scenario.kind === 'matrix'
      ? `\n\n${cellReasons(summary).join('\n')}\n\nversions: ${Object.entries(summary.versions)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`
      : '';
  console.log(`\n${formatTable(mainTable(summary))}${reasons}\n\n${verdictLine(summary)}\nresults: ${runDir}`);
}

/** --baseline: the comparison printed (on stderr with --json: stdout carries the summary alone); its exit code. */
function compareWithBaseline(
  baseline: NonNullable<Request['baseline']>,
  summary: Summary,
  runDir: string,
  json: boolean,
): ExitCode {
  const comparison = compareSummaries(baseline.summary, summary);
  const files = {
    baseline: { file: baseline.file, schemaVersion: baseline.schemaVersion },
    current: { file: `${runDir}/summary.json`, schemaVersion: summary.schemaVersion },
  };
  (json ? console.error : console.log)(`\n${formatComparison(comparison, files)}`);
  return comparison.exitCode;
}

async function main(argv: string[]): Promise<ExitCode> {
  const request = readRequest(argv);
  if (typeof request === 'number') return request;
  const { options, baseline } = request;
  const answered = answerWithoutRun(options);
  if (answered !== null) return answered;

  const controller = abortOnInterrupt();
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s`;
  const progress = (line: string) => console.error(`[${elapsed()}] ${line}`);

  let live: LiveServer | null = null;
  try {
    // Up before the run, its URL first on screen: a tab opened now misses nothing (and one opened later is replayed all
    // of it).
    if (options.live) {
      live = await startLiveServer({ port: options.livePort ?? 0 });
      console.error(`live page: ${live.url}`);
    }
    const { summary, runDir, outError } = await runLab(options, {
      progress,
      signal: controller.signal,
      onEvent: live === null ? undefined : live.publish.bind(live),
    });
    printOutcome(summary, runDir, options.json);
    if (summary.nginx.mismatches.length > 0)
      progress(`WARNING: harness and nginx access log disagree: ${JSON.stringify(summary.nginx.mismatches)}`);
    if (controller.signal.aborted) return EXIT.interrupted;
    let failed = false;
    if ((options.assert || options.assertSafe) && !summary.assertion.passed) {
      progress(`assertion failed: ${summary.assertion.reasons.join('; ')}`);
      failed = true;
    }
    // A failed --assert is the run's own answer (99) and comes first; else the comparison's (compare/status.ts).
    const comparisonExit = baseline === null ? EXIT.ok : compareWithBaseline(baseline, summary, runDir, options.json);
    if (failed) return EXIT.assertionFailed;
    if (comparisonExit !== EXIT.ok) return comparisonExit;
    // The run and its results are complete; only the copy asked for is missing.
    return outError ? reportLabError(outError) : EXIT.ok;
  } catch (err) {
    if (controller.signal.aborted) {
      console.error('keepalive-lab: interrupted; everything the lab started was torn down.');
      return EXIT.interrupted;
    }
    if (err instanceof LabError) return reportLabError(err);
    throw err;
  } finally {
    // Its open streams end too: nothing of the page keeps the process alive.
    await live?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    // A bug, not a user mistake: the whole stack trace helps.
    console.error(err);
    process.exit(EXIT.couldNotRun);
  },
);
