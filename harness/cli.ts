// `npm run lab`: flags in, a story out (progress on stderr; table and verdict,
// or JSON, on stdout), and an exit code a CI job can trust.
import { LabError } from './errors.js';
import { runLab } from './lab.js';
import { HELP, parseLabArgs, type LabOptions } from './options.js';
import { formatTable, tableRows, verdictLine } from './report.js';

const EXIT_INTERRUPTED = 130;

async function main(argv: string[]): Promise<number> {
  let options: LabOptions;
  try {
    options = parseLabArgs(argv);
  } catch (err) {
    if (err instanceof LabError) {
      console.error(`keepalive-lab: ${err.message}${err.hint ? ` ${err.hint}` : ''}`);
      return err.exitCode;
    }
    throw err;
  }
  if (options.help) {
    console.log(HELP);
    return 0;
  }

  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts += 1;
    if (interrupts === 1) {
      console.error(`\n${signal}: stopping; tearing down what the lab started (again to force)`);
      controller.abort();
    } else {
      process.exit(EXIT_INTERRUPTED);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s`;
  const progress = (line: string) => console.error(`[${elapsed()}] ${line}`);

  try {
    const { summary, runDir } = await runLab(options, { progress, signal: controller.signal });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    } else {
      console.log(`\n${formatTable(tableRows(summary))}\n\n${verdictLine(summary)}\nresults: ${runDir}`);
    }
    if (summary.nginx.mismatches.length > 0) progress(`WARNING: harness and nginx access log disagree: ${JSON.stringify(summary.nginx.mismatches)}`);
    if (controller.signal.aborted) return EXIT_INTERRUPTED;
    if (options.assert && !summary.assertion.passed) {
      progress(`assertion failed: ${summary.assertion.reasons.join('; ')}`);
      return 1;
    }
    return 0;
  } catch (err) {
    if (controller.signal.aborted) {
      console.error('keepalive-lab: interrupted; everything the lab started was torn down.');
      return EXIT_INTERRUPTED;
    }
    if (err instanceof LabError) {
      console.error(`keepalive-lab: ${err.message}${err.hint ? `\n  hint: ${err.hint}` : ''}`);
      return err.exitCode;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    // A bug, not a user mistake: the whole stack trace helps.
    console.error(err);
    process.exit(1);
  },
);
