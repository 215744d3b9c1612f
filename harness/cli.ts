// `npm run lab`: flags in, a story out (progress on stderr; table and verdict,
// or JSON, on stdout), and an exit code a CI job can trust (harness/exit-codes.ts).
import { readFileSync } from 'node:fs';
import { LabError, reportLabError } from './errors.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { runLab } from './lab.js';
import { ALL_APP_CELLS, appCellName, DEFAULT_MATRIX } from './matrix.js';
import { HELP, parseLabArgs, type LabOptions } from './options.js';
import { cellReasons, formatTable, mainTable, verdictLine } from './report.js';

/** The lab's own version: package.json's. */
function labVersion(): string {
  const pkg: { version?: unknown } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}

async function main(argv: string[]): Promise<ExitCode> {
  let options: LabOptions;
  try {
    options = parseLabArgs(argv);
  } catch (err) {
    if (err instanceof LabError) return reportLabError(err);
    throw err;
  }
  if (options.help) {
    console.log(HELP);
    return EXIT.ok;
  }
  if (options.version) {
    console.log(`keepalive-lab ${labVersion()}`);
    return EXIT.ok;
  }
  if (options.listScenarios) {
    const inDefault = new Set(DEFAULT_MATRIX.map(appCellName));
    for (const name of ALL_APP_CELLS.map(appCellName)) console.log(`${inDefault.has(name) ? '*' : ' '} ${name}`);
    console.log('\n* in the default matrix (--matrix); run any with --scenario <name,…>');
    return EXIT.ok;
  }

  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts += 1;
    if (interrupts === 1) {
      console.error(`\n${signal}: stopping; tearing down what the lab started (again to force)`);
      controller.abort();
    } else {
      process.exit(EXIT.interrupted);
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
      const reasons =
        summary.scenario.kind === 'matrix'
          ? `\n\n${cellReasons(summary).join('\n')}\n\nversions: ${Object.entries(summary.versions).map(([k, v]) => `${k} ${v}`).join(', ')}`
          : '';
      console.log(`\n${formatTable(mainTable(summary))}${reasons}\n\n${verdictLine(summary)}\nresults: ${runDir}`);
    }
    if (summary.nginx.mismatches.length > 0) progress(`WARNING: harness and nginx access log disagree: ${JSON.stringify(summary.nginx.mismatches)}`);
    if (controller.signal.aborted) return EXIT.interrupted;
    if (options.assert && !summary.assertion.passed) {
      progress(`assertion failed: ${summary.assertion.reasons.join('; ')}`);
      return EXIT.assertionFailed;
    }
    return EXIT.ok;
  } catch (err) {
    if (controller.signal.aborted) {
      console.error('keepalive-lab: interrupted; everything the lab started was torn down.');
      return EXIT.interrupted;
    }
    if (err instanceof LabError) return reportLabError(err);
    throw err;
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
