// `npm run bench`: the lab's speed and aim, measured (harness/bench/). Progress
// on stderr, the figures on stdout, an exit code that says whether every run
// completed and its cross-checks agreed.
import { LabError, reportLabError as report } from '../model/errors.js';
import { EXIT, type ExitCode } from '../model/exit-codes.js';
import { onInterrupts } from './interrupts.js';
import { runBench } from '../bench/bench.js';
import { BENCH_HELP, parseBenchArgs } from './bench-options.js';
import { benchMarkdown } from '../bench/report.js';
import { KEPT_STACK_DOWN } from '../runtime/docker-stack.js';
import type { BenchOptions } from '../bench/options.js';

const reportLabError = (err: LabError): ExitCode => report(err, 'keepalive-lab bench');

async function main(argv: string[]): Promise<ExitCode> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(argv);
  } catch (err) {
    if (err instanceof LabError) return reportLabError(err);
    throw err;
  }
  if (options.help) {
    console.log(BENCH_HELP);
    return EXIT.ok;
  }

  const controller = new AbortController();
  // A group signal's echo (tsx, npm) is not a second interrupt: harness/cli/interrupts.ts.
  onInterrupts({
    stop: (signal) => {
      console.error(`\n${signal}: stopping after tearing down the current run (again to force)`);
      controller.abort();
    },
    force: (signal) => {
      console.error(
        `\n${signal} again: exiting without teardown; the current run's stack may still run (on Docker: ${KEPT_STACK_DOWN}).`,
      );
      process.exit(EXIT.interrupted);
    },
  });
  const started = Date.now();
  const progress = (line: string) =>
    console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}`);

  const { result, jsonPath, mdPath, error } = await runBench(options, { progress, signal: controller.signal });
  if (result.runs.length > 0) console.log(`\n${benchMarkdown(result)}`);
  console.log(`bench results: ${jsonPath}\n               ${mdPath}`);
  if (controller.signal.aborted) return EXIT.interrupted;
  if (error instanceof LabError) return reportLabError(error);
  // A bug, not a user mistake: rethrown as runBench caught it, for the stack trace below.
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- whatever was thrown, rethrown unchanged
  if (error) throw error;
  if (result.completeRuns < result.runs.length) return EXIT.couldNotRun;
  if (!result.checksAgree) {
    progress('a cross-check disagreed: see the runs table');
    return EXIT.assertionFailed;
  }
  return EXIT.ok;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    // A bug, not a user mistake: the whole stack trace helps.
    console.error(err);
    process.exit(EXIT.couldNotRun);
  },
);
