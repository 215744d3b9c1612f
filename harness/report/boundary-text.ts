// A cell's failures among its boundary requests, in the words every table
// uses (the matrix's in docs/, the LB-side fixes' in report.md and docs/): all
// of it the cell's boundaryFailureRate and counts, none recomputed.
import { percent, type Proportion } from '../model/stats.js';
import { aimedFailureRateOf } from '../analysis/aimed-rate.js';
import type { Summary } from '../results/schema.js';

type Cell = Summary['cells'][number];

/** The kinds of failure the client saw ("502", "empty reply"), from its clientSaw ("3 × 502, 2 × empty reply"). */
function symptomsOf(cell: Cell): string {
  return [...cell.clientSaw.matchAll(/× ([^,]+)/g)].map((m) => m[1].trim()).join(', ');
}

/**
 * "14 / 24 (48): 58.3 % (38.8 %–75.5 %) empty reply": the failures among the boundary requests, of those aimed,
 * with the interval and the kind; all of it the cell's boundaryFailureRate and counts.
 */
export function boundaryCellText(cell: Cell): string {
  const aimed = cell.counts.aimed === null ? '' : ` (${cell.counts.aimed})`;
  const rate = cell.boundaryFailureRate;
  if (rate === null) return `— / ${cell.counts.boundary ?? '—'}${aimed}`;
  const text = failureRateText(rate);
  return `${rate.failures} / ${rate.trials}${aimed}${text === '' ? '' : `: ${text}${rate.failures > 0 ? ` ${symptomsOf(cell)}` : ''}`}`;
}

/** "58.3 % (38.8 %–75.5 %)", or "≤ 0.9 %" for no failure (one-sided 95 %); empty for no trial. */
export function failureRateText(rate: Proportion): string {
  if (rate.trials === 0) return '';
  return rate.failures === 0
    ? `≤ ${percent(rate.high)}`
    : `${percent(rate.rate)} (${percent(rate.low)}–${percent(rate.high)})`;
}

/** "28 / 320 aimed: 8.8 % (6.1 %–12.4 %) 502": a cell's failures among all its aimed requests (aimedFailureRateOf). */
export function aimedCellText(cell: Cell): string {
  const rate = aimedFailureRateOf(cell);
  if (rate === null) return '—';
  const text = failureRateText(rate);
  return `${rate.failures} / ${rate.trials} aimed${text === '' ? '' : `: ${text}${rate.failures > 0 ? ` ${symptomsOf(cell)}` : ''}`}`;
}
