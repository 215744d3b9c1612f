// Every generated block of the docs, by name: what goes in it and where it
// comes from. A doc names a block with `<!-- name: … -->`; `npm run docs`
// writes each from here, and a block a doc names but this list does not is an
// error.
import { verdictTableMarkdown } from '../model/verdict.js';
import type { DocBlock } from './blocks.js';
import { benchTable } from './bench-table.js';
import { exampleCommand, exampleMeasurement, examplesList, examplesTable, EXAMPLE_LBS } from './examples-table.js';
import { EXAMPLE_SERVERS } from '../scenarios/examples.js';
import { CLIENT_WINDOW_FILES, clientWindowMethod, clientWindowTable } from './client-window-table.js';
import { PRELOAD_COMMAND, PRELOAD_RUNS, preloadTable } from './preload-table.js';
import { WIRE_CAPTURE_FILES, wireCaptureMethod, wireCaptureTable } from './wire-capture-table.js';
import { lbFixAnswer, lbFixRepeatsTable, lbFixTable } from '../report/lb-fixes.js';
import { lbFixMethod } from './lb-fix-method.js';
import { matrixOutcomes, matrixTable, runCaption } from './matrix-tables.js';
import {
  isMeasured,
  measuredClientWindows,
  measuredWireCaptures,
  machineOf,
  measuredBenches,
  measuredSummary,
  measuredTimings,
} from './measurements.js';
import { compareSample, longLbSample, talkSample, yourAppLines } from './samples.js';
import { timingsTable } from './timings-table.js';

/** The committed your-app runs the docs quote (kept as test fixtures, with their logs). */
const YOUR_APP_RUNS = [
  'test/fixtures/runs/20261128-084831Z-docker-your-app-summary-only',
  'test/fixtures/runs/20261128-085126Z-docker-your-app-summary-only',
] as const;

/** The command each kept run was, as the docs name it. */
const MATRIX_COMMAND = 'npm run lab -- --matrix';
const TALK_COMMAND = 'npm run lab';
/** Your app behind GCP's 600 s: the sample app as yours, its timeouts set to outlive it. */
const YOUR_APP_600_COMMAND =
  'npm run lab -- --app-image keepalive-lab/app:node24 --app-port 3000 --health /api/health ' +
  '--app-env LAB_KEEP_ALIVE_TIMEOUT_MS=601000 --app-env LAB_HEADERS_TIMEOUT_MS=602000 --lb-idle-timeout 600s --assert safe';

/** Every LB-side fix beside its LB unfixed, each cell ≥ 300 boundary requests per method (its --min-boundary 600). */
const LB_FIXES_COMMAND = 'npm run lab -- --matrix --only lbfix=all --max-cycles 40';

/** The runs of every LB-side fix the docs keep: the one their tables show, then its repeats. */
const LB_FIX_RUNS = ['lb-fixes', 'lb-fixes-repeat-2', 'lb-fixes-repeat-3', 'lb-fixes-repeat-4'] as const;

/** Several runs' captions as one paragraph, each its own sentence. */
const runsCaption = (captions: readonly string[]) => captions.join(' ');

export function docBlocks(root: string): Record<string, DocBlock> {
  const lbFixes = () => measuredSummary(root, 'lb-fixes');
  const lbFixRuns = () => LB_FIX_RUNS.map((what) => measuredSummary(root, what));
  const lbFixesCaption = () => runCaption(lbFixes(), machineOf(root, 'lb-fixes'), LB_FIXES_COMMAND);
  const matrix = () => measuredSummary(root, 'matrix');
  const matrixCaption = () => runCaption(matrix(), machineOf(root, 'matrix'), MATRIX_COMMAND);
  return {
    'verdict-words': { source: 'harness/model/verdict.ts', render: verdictTableMarkdown },
    'quickstart-times': {
      source: 'docs/measurements/timings/',
      render: () => timingsTable(measuredTimings(root)),
    },
    'talk-headline': {
      source: 'docs/measurements/talk/',
      render: () =>
        talkSample(
          measuredSummary(root, 'talk'),
          runCaption(measuredSummary(root, 'talk'), machineOf(root, 'talk'), TALK_COMMAND),
        ),
    },
    'report-screenshot': {
      source: 'docs/measurements/talk/ (scripts/measure.ts screenshot)',
      render: () =>
        `![report.html of run ${measuredSummary(root, 'talk').runId}, its first 1920 × 1080 screen](docs/images/report.png)`,
    },
    'matrix-nginx': {
      source: 'docs/measurements/matrix/',
      render: () => `${matrixTable(matrix(), ['nginx'])}\n\n${matrixCaption()}`,
    },
    'matrix-other-lbs': {
      source: 'docs/measurements/matrix/',
      render: () => `${matrixTable(matrix(), ['haproxy', 'caddy'])}\n\n${matrixCaption()}`,
    },
    'matrix-outcomes': {
      source: 'docs/measurements/matrix/',
      render: () => matrixOutcomes(matrix(), machineOf(root, 'matrix'), MATRIX_COMMAND),
    },
    'matrix-busy-outcomes': {
      source: 'docs/measurements/matrix-busy/',
      render: () =>
        matrixOutcomes(measuredSummary(root, 'matrix-busy'), machineOf(root, 'matrix-busy'), MATRIX_COMMAND),
    },
    'bench-table': {
      source: 'docs/measurements/bench/',
      render: () => benchTable(measuredBenches(root)),
    },
    'compare-example': {
      source: 'test/fixtures/runs (two your-app runs)',
      render: () => compareSample(YOUR_APP_RUNS[0], YOUR_APP_RUNS[1]),
    },
    'your-app-600': {
      source: 'docs/measurements/your-app-600/',
      render: () => {
        const summary = measuredSummary(root, 'your-app-600');
        return longLbSample(summary, runCaption(summary, machineOf(root, 'your-app-600'), YOUR_APP_600_COMMAND));
      },
    },
    ...Object.fromEntries(
      (['nginx', 'haproxy', 'caddy'] as const).map((lb) => [
        `lb-fixes-${lb}`,
        {
          source: 'docs/measurements/lb-fixes/',
          render: () => `${lbFixTable(lbFixes(), lb)}\n\n${lbFixesCaption()}`,
        },
      ]),
    ),
    'lb-fixes-answer': {
      source: 'docs/measurements/lb-fixes*/',
      render: () =>
        `${lbFixAnswer(lbFixRuns())}\n\n${runsCaption(LB_FIX_RUNS.map((what) => runCaption(measuredSummary(root, what), machineOf(root, what), LB_FIXES_COMMAND)))}`,
    },
    'lb-fixes-method': { source: 'harness/docs/lb-fix-method.ts', render: lbFixMethod },
    'lb-fixes-repeats': {
      source: 'docs/measurements/lb-fixes*/',
      render: () => lbFixRepeatsTable(lbFixRuns()),
    },
    'preload-side-by-side': {
      source: 'docs/measurements/your-app-preload/, your-app-no-preload/',
      render: () => {
        const [withRun, withoutRun] = [PRELOAD_RUNS.with, PRELOAD_RUNS.without];
        const caption = (what: string, command: string) =>
          `- ${runCaption(measuredSummary(root, what), machineOf(root, what), command)}`;
        return [
          preloadTable(measuredSummary(root, withRun), measuredSummary(root, withoutRun)),
          '',
          caption(withRun, PRELOAD_COMMAND),
          caption(withoutRun, `${PRELOAD_COMMAND} --no-preload`),
        ].join('\n');
      },
    },
    'examples-list': { source: 'harness/scenarios/examples.ts', render: examplesList },
    'examples-table': {
      source: 'docs/measurements/example-*/',
      render: () => {
        const kept = EXAMPLE_SERVERS.flatMap((example) =>
          EXAMPLE_LBS.map((lb) => ({ what: exampleMeasurement(example, lb), command: exampleCommand(example, lb) })),
        ).filter(({ what }) => isMeasured(root, what));
        const captions = kept.map(
          ({ what, command }) => `- ${runCaption(measuredSummary(root, what), machineOf(root, what), command)}`,
        );
        const table = examplesTable((what) => (isMeasured(root, what) ? measuredSummary(root, what) : null));
        return [table, '', ...captions].join('\n');
      },
    },
    'client-window-table': {
      source: 'docs/measurements/client-window/ (scripts/client-window-experiment.ts)',
      render: () => {
        const files = measuredClientWindows(root);
        const methods = CLIENT_WINDOW_FILES.map((file, i) => `- ${clientWindowMethod(file, files[i])}.`);
        return [clientWindowTable(files), '', ...methods].join('\n');
      },
    },
    'wire-capture-table': {
      source: 'docs/measurements/bridge-capture/ (scripts/bridge-capture/)',
      render: () => {
        const files = measuredWireCaptures(root);
        const methods = WIRE_CAPTURE_FILES.map((file, i) => `- ${wireCaptureMethod(file, files[i])}.`);
        return [wireCaptureTable(files), '', ...methods].join('\n');
      },
    },
    'your-app-lines': {
      source: 'test/fixtures/runs (a your-app run)',
      render: () => yourAppLines([YOUR_APP_RUNS[0]]),
    },
  };
}
