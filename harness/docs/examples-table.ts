// The example servers' table (docs/your-app.md): each real server behind each
// LB as shipped and with its fix, from the runs kept under
// docs/measurements/example-<dir>-<lb>/. Every figure is the kept summary's:
// the verdicts and the idle closes from yourApp, the failures from the cells.
import { EXAMPLE_SERVERS, exampleLabArgs, type ExampleServer } from '../scenarios/examples.js';
import { aimedCellText, boundaryCellText } from '../report/boundary-text.js';
import type { Summary } from '../results/schema.js';
import { COMPARED_APP_VARIANT as COMPARED, YOUR_APP_VARIANT as YOURS } from '../scenarios/scenarios.js';
import { markdownTable } from '../report/markdown-table.js';

/** The LBs the examples are measured behind, in the table's order. */
export const EXAMPLE_LBS = ['nginx', 'caddy'] as const;
/** The method the examples' runs ask: no LB replays a POST, so a reused connection's failure reaches the client. */
export const EXAMPLE_METHOD = 'POST';
/** The LB's idle timeout the kept runs use: AWS ALB's default. */
export const KEPT_RUN_LB_IDLE = '60s';

/** Where a run of an example behind an LB is kept under docs/measurements/. */
export const exampleMeasurement = (example: ExampleServer, lb: string) => `example-${example.dir}-${lb}`;

/** The command a kept run was: the example as shipped as yours, its fix beside it. */
export function exampleCommand(example: ExampleServer, lb: string): string {
  const args = exampleLabArgs(example, 'default').map((a) => (a.includes(' ') ? `'${a}'` : a));
  return `npm run lab -- ${args.join(' ')} --lb ${lb} --method ${EXAMPLE_METHOD} --lb-idle-timeout ${KEPT_RUN_LB_IDLE}`;
}

const seconds = (ms: number | null) => (ms === null ? 'open past the LB' : `${(ms / 1000).toFixed(1)} s`);
/** A cell's lbLogAppCloses: a count, or a dash where the LB's log was not read (a summary older than v11). */
const logged = (lines: number | null) => (lines === null ? '—' : String(lines));

/** One row: the example behind one LB, as shipped and with the fix, from its kept run. */
function exampleRow(example: ExampleServer, summary: Summary): string[] {
  const [shipped, fixed] = summary.yourApp ?? [];
  if (!shipped || !fixed) throw new Error(`${summary.runId}: not a run of an example with its fix beside it`);
  const cellOf = (variant: string) => summary.cells.find((c) => c.variant === variant);
  const shippedCell = cellOf(shipped.variant);
  const fixedCell = cellOf(fixed.variant);
  if (!shippedCell || !fixedCell) throw new Error(`${summary.runId}: a cell is missing`);
  const first = shippedCell.firstHit;
  return [
    example.server,
    shippedCell.lb,
    example.defaultIdle,
    seconds(shipped.appIdleCloseMs),
    first === null ? 'none' : `cycle ${first.cycle}, ${(first.afterTrafficStartMs / 1000).toFixed(1)} s`,
    aimedCellText(shippedCell),
    `${logged(shippedCell.lbLogAppCloses)} / ${logged(fixedCell.lbLogAppCloses)}`,
    shipped.verdict,
    example.fixSays,
    seconds(fixed.appIdleCloseMs),
    boundaryCellText(fixedCell),
    fixed.verdict,
  ];
}

/** The table, a row per example and LB kept (`summaryOf` reads a kept run, null when none is kept). */
export function examplesTable(summaryOf: (what: string) => Summary | null): string {
  const head = [
    'server',
    'LB',
    'default idle timeout',
    'idle close measured',
    'first failure (traffic)',
    'failed / aimed at the close',
    "LB's error log: the app closed under a request (as shipped / fix)",
    'as shipped',
    'fix',
    'idle close with it',
    "failed / at the LB's boundary",
    'with the fix',
  ];
  const kept = EXAMPLE_SERVERS.flatMap((example) =>
    EXAMPLE_LBS.flatMap((lb) => {
      const summary = summaryOf(exampleMeasurement(example, lb));
      return summary === null ? [] : [{ example, lb, summary }];
    }),
  );
  // As shipped should be UNSAFE and fixed SAFE: any other word is said with the cell's own reason.
  const expected: Record<string, string> = { [YOURS]: 'UNSAFE', [COMPARED]: 'SAFE' };
  const notes = kept.flatMap(({ example, lb, summary }) =>
    (summary.yourApp ?? [])
      .filter((a) => a.verdict !== expected[a.variant])
      .map((a) => {
        const cell = summary.cells.find((c) => c.variant === a.variant);
        const reason = cell?.verdict.reasons[0] ?? cell?.reason ?? a.line;
        const which = a.variant === YOURS ? 'as shipped' : 'with the fix';
        return `- ${example.server} behind ${lb}, ${which}: ${a.verdict}, ${reason}.`;
      }),
  );
  const table = markdownTable(
    head,
    kept.map(({ example, summary }) => exampleRow(example, summary)),
  );
  return notes.length === 0 ? table : [table, '', 'Not the expected word:', '', ...notes].join('\n');
}

/** The examples, a line each: directory, server, default idle timeout, the fix and the variable the image reads. */
export function examplesList(): string {
  return EXAMPLE_SERVERS.map(
    (e) =>
      `- \`${e.dir}\` (port ${e.port}): ${e.server}; idle timeout ${e.defaultIdle}; fixed with ${e.fixSays} ` +
      `(\`${e.fixEnv.key}=${e.fixEnv.value}\`; [its docs](${e.docs})).`,
  ).join('\n');
}
