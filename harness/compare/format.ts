// A comparison as people read it: one row per variant or cell, both runs'
// counts, the change with its interval, and the conclusion last.
import { YOUR_APP_FIX } from '../scenarios.js';
import { formatTable } from '../report.js';
import type { Comparison, ComparedRow, SideCounts } from './compare.js';

const side = (s: SideCounts | null) =>
  s === null ? '—' : `${s.boundaryFailures}/${s.boundary}${s.cycles === null ? '' : `, ${s.cyclesHit}/${s.cycles} cycles`}${s.failures !== s.boundaryFailures ? ` (${s.failures} in all)` : ''}`;

const levelText = (level: number) => `${(level * 100).toFixed(level >= 0.995 ? 2 : 1)} %`;

const signedPct = (rate: number) => `${rate > 0 ? '+' : rate < 0 ? '−' : '±'}${Math.abs(rate * 100).toFixed(0)} %`;

function changeCell(r: ComparedRow): string {
  if (r.change === null) return '—';
  const c = r.change;
  return `${signedPct(c.difference)} (${signedPct(c.low)} … ${signedPct(c.high)}) per ${c.unit === 'cycles' ? 'cycle' : 'request'}`;
}

/** Where each side came from, for the first line: a file and the schema version it was written in. */
export interface ComparedFiles {
  baseline: { file: string; schemaVersion: number };
  current: { file: string; schemaVersion: number };
}

/** The comparison table and its conclusion, as the terminal shows it. */
/** What "no regression" means for these rows: the sample app's fixes and defaults, or your app (whose verdict --assert safe asks). */
function noRegressionLine(c: Comparison): string {
  if (c.rows.every((r) => r.fix === YOUR_APP_FIX)) return 'NO REGRESSION: no rate of your app moved beyond chance (whether it is safe is each run\'s own verdict: --assert safe).';
  return "NO REGRESSION: every fix held, Node's defaults still show the race, and no rate moved beyond chance.";
}

export function formatComparison(c: Comparison, files: ComparedFiles, labels = { baseline: 'baseline', current: 'current' }): string {
  const rows = [
    ['', 'fix', 'must be', `${labels.baseline}: failed/boundary`, `${labels.current}: failed/boundary`, `change (${levelText(c.family.rowLevel)})`, ''],
    ...c.rows.map((r) => [
      r.name,
      r.fix,
      r.expected === 'safe' ? 'safe' : r.expected === 'race' ? 'racy' : '—',
      side(r.baseline),
      side(r.current),
      changeCell(r),
      r.regressions.length > 0 ? 'REGRESSION' : r.changed !== null ? 'CHANGED' : 'ok',
    ]),
  ];
  const lines = [
    `${labels.baseline}: ${c.baseline.runId} (${files.baseline.file}, schema v${files.baseline.schemaVersion})`,
    `${labels.current}: ${c.current.runId} (${files.current.file}, schema v${files.current.schemaVersion})`,
    '',
    formatTable(rows),
    '',
    c.family.rows === 1
      ? "The change's interval is at 95 %."
      : `Each change's interval is at ${levelText(c.family.rowLevel)}, so that the ${c.family.rows} rows together are at 95 % (Bonferroni).`,
    '',
    ...c.notes.map((n) => `note: ${n}`),
    ...(c.notes.length > 0 ? [''] : []),
    ...(c.regressions.length > 0 ? [`REGRESSION (${c.regressions.length}):`, ...c.regressions.map((r) => `  - ${r}`)] : []),
    ...(c.changes.length > 0 ? [`CHANGED beyond chance (${c.changes.length}):`, ...c.changes.map((r) => `  - ${r}`)] : []),
    ...(c.passed ? [noRegressionLine(c)] : []),
  ];
  return lines.join('\n');
}
