// The preload's help to the aim, measured (docs/your-app.md): the same Node
// app behind the same LB, once with the lab's preload and once with
// --no-preload, side by side. Every figure is the kept summaries': the
// measurement from yourApp, the failures and the first one from the cell.
import { aimedCellText } from '../report/boundary-text.js';
import type { Summary } from '../results/schema.js';
import { markdownTable } from '../report/markdown-table.js';

/** The two kept runs: a plain Node app as yours, with the preload and without. */
export const PRELOAD_RUNS = { with: 'your-app-preload', without: 'your-app-no-preload' } as const;

/**
 * The command each was: test/fixtures/your-apps/plain-node (http.createServer, Node's defaults) built on the lab's
 * Node 24 image as keepalive-lab/plain-node:node24, POST, the LB's 60 s. (The sample app's image cannot be run
 * without the preload: its start script loads the accounting itself.)
 */
export const PRELOAD_COMMAND =
  'npm run lab -- --app-image keepalive-lab/plain-node:node24 --app-port 8080 --method POST';

function preloadRow(summary: Summary): string[] {
  const [yours] = summary.yourApp ?? [];
  const cell = summary.cells.find((c) => c.variant === yours?.variant);
  if (!yours || !cell) throw new Error(`${summary.runId}: not a run of your app`);
  const first = cell.firstHit;
  const hitCycles =
    cell.boundaryCycles === null ? '—' : `${cell.boundaryCycles.hitting} of ${cell.boundaryCycles.cycles}`;
  return [
    yours.measurement === 'preload' ? `preload (Node ${yours.node})` : '`--no-preload`: client-side',
    yours.appIdleCloseMs === null ? '—' : `${(yours.appIdleCloseMs / 1000).toFixed(1)} s`,
    first === null ? 'none' : `cycle ${first.cycle}, ${(first.afterTrafficStartMs / 1000).toFixed(1)} s`,
    aimedCellText(cell),
    hitCycles,
    yours.verdict,
  ];
}

/** The side-by-side table, a row per run (with the preload first). */
export function preloadTable(withPreload: Summary, withoutPreload: Summary): string {
  const head = [
    'measured',
    'idle close',
    'first failure (traffic)',
    'failed / aimed at the close',
    'aimed cycles that failed',
    'verdict',
  ];
  return markdownTable(head, [preloadRow(withPreload), preloadRow(withoutPreload)]);
}
