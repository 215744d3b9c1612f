// A comparison as people read it: each run's own verdict first, one row per
// variant or cell with both runs' verdict words and counts, the change with
// its interval, the smallest change the row could have seen, what the row
// comes to, and the conclusion with its exit code last.
import { formatTable } from '../report/markdown.js';
import { YOUR_APP_FIX } from '../scenarios/scenarios.js';
import { levelText, type Comparison, type ComparedRow, type ComparedRun, type SideCounts } from './compare.js';
import type { RowStatus } from './status.js';

const side = (s: SideCounts | null) =>
  s === null
    ? '—'
    : `${s.boundaryFailures}/${s.boundary}${s.cycles === null ? '' : `, ${s.cyclesHit}/${s.cycles} cycles`}${s.failures !== s.boundaryFailures ? ` (${s.failures} in all)` : ''}`;

const words = (s: SideCounts | null) =>
  s === null ? '—' : [...new Set(s.verdicts.map((v) => v.word))].join(' / ') || 'no verdict';

const signedPct = (rate: number) => `${rate > 0 ? '+' : rate < 0 ? '−' : '±'}${Math.abs(rate * 100).toFixed(0)} %`;

function changeCell(r: ComparedRow): string {
  if (r.change === null) return '—';
  const c = r.change;
  return `${signedPct(c.difference)} (${signedPct(c.low)} … ${signedPct(c.high)}) per ${c.unit === 'cycles' ? 'cycle' : 'request'}`;
}

/**
 * The smallest detectable change in the direction that matters for the row (both for a finding); 'none' where no rate
 * is that far.
 */
function detectableCell(r: ComparedRow): string {
  if (r.detectable === null) return '—';
  const { up, down } = r.detectable;
  // None: even a rate of 100 % (or 0 %) would likely pass unseen with this sample.
  const upText = up === null ? 'none, even to 100 %' : signedPct(up);
  const downText = down === null ? 'none, even to 0 %' : signedPct(-down);
  if (r.expected === 'safe') return upText;
  if (r.expected === 'race') return downText;
  return `${upText} / ${downText}`;
}

/** Statuses that fail the comparison are in capitals, so they stand out of a long matrix. */
const LOUD: ReadonlySet<RowStatus> = new Set(['regression', 'still failing', 'incomplete', 'not comparable']);
const statusCell = (s: RowStatus) => (LOUD.has(s) ? s.toUpperCase() : s);

/** Where each side came from, for the first lines: a file and the schema version it was written in. */
export interface ComparedFiles {
  baseline: { file: string; schemaVersion: number };
  current: { file: string; schemaVersion: number };
}

/** How many of a run verdict's reasons the header shows (a matrix's FIX FAILED names every failed cell). */
const REASONS_SHOWN = 3;

function runLines(label: string, run: ComparedRun, file: ComparedFiles['baseline'], width: number): string[] {
  const shown = run.verdict.reasons.slice(0, REASONS_SHOWN).map((r) => `  ${' '.repeat(width)}${r}`);
  const more =
    run.verdict.reasons.length > REASONS_SHOWN
      ? [`  ${' '.repeat(width)}and ${run.verdict.reasons.length - REASONS_SHOWN} more`]
      : [];
  return [
    `${`${label}:`.padEnd(width + 2)}${run.verdict.word}  ${run.runId} (${file.file}, schema v${file.schemaVersion})`,
    ...shown,
    ...more,
  ];
}

const listed = (title: string, lines: readonly string[]) =>
  lines.length > 0 ? [`${title} (${lines.length}):`, ...lines.map((l) => `  - ${l}`)] : [];

/** The conclusion: the status in capitals with its exit code, and what it rests on. */
function conclusion(c: Comparison, yourAppOnly: boolean): string[] {
  const head = `${c.status.toUpperCase()} (exit ${c.exitCode})`;
  switch (c.status) {
    case 'ok':
      return [
        yourAppOnly
          ? `NO REGRESSION (exit ${c.exitCode}): your app is SAFE now, nothing is worse than the baseline, and no rate moved beyond chance.`
          : `NO REGRESSION (exit ${c.exitCode}): every fix held, Node's defaults still show the race, and no rate moved beyond chance.`,
        "A rate can have moved by less than its row's detectable change unseen.",
      ];
    case 'regression':
      return listed(`${head}: worse than the baseline`, c.reasons);
    case 'still failing':
      return listed(`${head}: the current run fails as its baseline did; nothing got worse`, c.reasons);
    case 'incomplete':
      return [
        ...listed(`${head}: nothing is concluded from a run that did not finish`, c.reasons),
        'Run it again to the end (or compare with a baseline that finished).',
      ];
    case 'not comparable':
      return [
        ...listed(
          `${head}: the runs differ in what moves a failure rate, so no rate or verdict is compared`,
          c.reasons,
        ),
        'Compare runs made with the same settings, or make a new baseline with these.',
      ];
  }
}

/** The comparison table and its conclusion, as the terminal shows it. */
export function formatComparison(
  c: Comparison,
  files: ComparedFiles,
  labels = { baseline: 'baseline', current: 'current' },
): string {
  const rows = [
    [
      '',
      'fix',
      'must be',
      labels.baseline,
      labels.current,
      `${labels.baseline}: failed/boundary`,
      `${labels.current}: failed/boundary`,
      c.family.rows > 0 ? `change (${levelText(c.family.rowLevel)})` : 'change',
      `detectable (${(c.family.power * 100).toFixed(0)} %)`,
      '',
    ],
    ...c.rows.map((r) => [
      r.name,
      r.fix,
      r.expected === 'safe' ? 'safe' : r.expected === 'race' ? 'racy' : '—',
      words(r.baseline),
      words(r.current),
      side(r.baseline),
      side(r.current),
      changeCell(r),
      detectableCell(r),
      statusCell(r.status),
    ]),
  ];
  const width = Math.max(labels.baseline.length, labels.current.length);
  const rowsWith = (s: RowStatus) => c.rows.filter((r) => r.status === s).map((r) => `${r.name}: ${r.why}`);
  const lines = [
    ...runLines(labels.baseline, c.baseline, files.baseline, width),
    ...runLines(labels.current, c.current, files.current, width),
    '',
    formatTable(rows),
    '',
    ...(c.family.rows === 0
      ? []
      : [
          c.family.rows === 1
            ? "The change's interval is at 95 %."
            : `Each change's interval is at ${levelText(c.family.rowLevel)}, so that the ${c.family.rows} rows together are at 95 % (Bonferroni).`,
          `detectable: the smallest change of the rate (up for a row that must be safe, down for Node's defaults) its row finds ${(c.family.power * 100).toFixed(0)} % of the time at that level; "ok" means no larger change, not no change.`,
          '',
        ]),
    ...c.notes.map((n) => `note: ${n}`),
    ...(c.notes.length > 0 ? [''] : []),
    ...listed('improved', rowsWith('improved')),
    ...listed('changed, neither better nor worse', rowsWith('changed')),
    ...conclusion(
      c,
      c.rows.every((r) => r.fix === YOUR_APP_FIX),
    ),
  ];
  return lines.join('\n');
}
