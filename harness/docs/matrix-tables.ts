// The matrix's tables in docs/matrix.md and docs/load-balancers.md: one row per
// app, its two methods side by side, every figure read off the committed run's
// cells (outcome, counts, intervals, closes), none recomputed.
import type { Summary } from '../results/schema.js';
import { cellWordCounts } from '../analysis/verdict-text.js';
import { closedWhileIdle } from '../analysis/outcome.js';
import { describeMachine, type Machine } from './measurements.js';
import { boundaryCellText } from '../report/boundary-text.js';
import { markdownTable } from '../report/markdown-table.js';

type Cell = Summary['cells'][number];

const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`);
const timeout = (ms: number | null) => (ms === null ? 'default' : String(ms));

/** The cells of one LB, grouped by app (variant), in the run's order. */
function appsOf(summary: Summary, lbs: readonly string[]): Array<{ variant: string; cells: Cell[] }> {
  const apps = new Map<string, Cell[]>();
  for (const cell of summary.cells.filter((c) => lbs.includes(c.lb))) {
    apps.set(cell.variant, [...(apps.get(cell.variant) ?? []), cell]);
  }
  return [...apps].map(([variant, cells]) => ({ variant, cells }));
}

const METHODS = ['POST', 'GET'] as const;

function appRow(variant: string, cells: Cell[], withLb: boolean): string[] {
  const first = cells[0];
  const of = (method: string) => cells.find((c) => c.method === method);
  const perMethod = (show: (c: Cell) => string) =>
    METHODS.map((m) => {
      const c = of(m);
      return c ? show(c) : '—';
    });
  const by = first.effectiveCloseBy === null ? '' : ` (${first.effectiveCloseBy})`;
  return [
    `\`${variant}\``,
    ...(withLb ? [`${first.lb} ${first.lbVersion ?? ''}`.trim()] : []),
    first.node ?? '—',
    `${timeout(first.keepAliveTimeoutMs)} / ${timeout(first.headersTimeoutMs)}`,
    seconds(first.appIdleCloseMs),
    `${seconds(first.effectiveCloseMs)}${by}`,
    seconds(first.boundaryMs),
    ...perMethod(boundaryCellText),
    // While idle, as the cells' reasons and report.md count them: the LB's closes at shutdown are not its timeout's.
    (({ app, lb }) => `${app} / ${lb}`)(closedWhileIdle(first.closedBy)),
    perMethod((c) => c.verdict.word).join(' / '),
  ];
}

/** One LB group's table: a row per app. */
export function matrixTable(summary: Summary, lbs: readonly string[]): string {
  const withLb = lbs.length > 1;
  const head = [
    'app',
    ...(withLb ? ['LB'] : []),
    'Node',
    'keepAlive / headers (ms)',
    'app alone closes at',
    'behind the LB, closed at (by)',
    'aimed at',
    'POST failed / boundary (aimed): rate',
    'GET failed / boundary (aimed): rate',
    'idle closes app / LB',
    'verdict POST / GET',
  ];
  return markdownTable(
    head,
    appsOf(summary, lbs).map((a) => appRow(a.variant, a.cells, withLb)),
  );
}

/** Which run it was, when, where and how long: the caption every measured table carries. */
export function runCaption(summary: Summary, machine: Machine, command: string): string {
  const v = summary.versions;
  const versions = Object.entries(v)
    .filter(([k]) => /^(docker|compose|nginx|haproxy|caddy|next|node\d*)$/.test(k))
    .map(([k, val]) => `${k} ${val}`)
    .join(', ');
  return (
    `Run \`${summary.runId}\` (\`${command}\`), ${summary.startedAt.slice(0, 10)}, ` +
    `${(summary.wallTimeMs / 60_000).toFixed(1)} min wall; ${describeMachine(machine)}; ${versions}.`
  );
}

/** The default matrix's outcome in one paragraph: its size, its words, its wall time. */
export function matrixOutcomes(summary: Summary, machine: Machine, command: string): string {
  const apps = new Set(summary.cells.map((c) => c.variant)).size;
  const lbs = [...new Set(summary.cells.map((c) => c.lb))];
  // The cells that are neither the race shown nor a fix shown safe, each with the reason its verdict gives.
  const others = summary.cells.filter((c) => !['REPRODUCED', 'SAFE'].includes(c.verdict.word));
  return [
    `${apps} apps, ${summary.cells.length} cells behind ${lbs.join(', ')}: ${cellWordCounts(summary.cells)}; ` +
      `the run's verdict ${summary.verdict.word}.${others.length > 0 ? ' The cells neither REPRODUCED nor SAFE:' : ''}`,
    ...(others.length > 0 ? [''] : []),
    ...others.map((c) => `- \`${c.name}\` ${c.verdict.word}: ${c.verdict.reasons[0] ?? c.reason}`),
    '',
    runCaption(summary, machine, command),
  ].join('\n');
}
