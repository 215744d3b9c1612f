// docs/bench.md's table: one row per committed bench (no extra load, one core
// kept busy, the apps' clocks shifted), each figure as the bench wrote it.
import type { BenchResult } from '../bench/metrics.js';
import { firstHitCyclesText, pooledRateText } from '../bench/report.js';
import type { Spread } from '../model/stats.js';
import { describeMachine, type Machine } from './measurements.js';
import { markdownTable } from '../report/markdown-table.js';

/** The bench's extra CPU load (busy processes beside the lab), and a test setting that set it apart, in words. */
export function benchCondition(b: BenchResult): string {
  const clock = b.injectedAppClockOffsetMs !== 0 ? `, apps' clocks ${b.injectedAppClockOffsetMs} ms off` : '';
  return `${b.cpuLoad === 0 ? 'none' : `\`--cpu-load ${b.cpuLoad}\``}${clock}`;
}

const spread = (s: Spread | null, show: (v: number) => string) =>
  s === null ? '—' : `${show(s.median)} (${show(s.min)}–${show(s.max)})`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The 15 min load average the bench ran under: its own at its end (v3), else the machine's when it was kept. */
function loadAverage15(b: BenchResult, machine: Machine): string {
  const load = b.loadAverage?.end[2] ?? machine.loadAverage?.[2];
  return load === undefined ? '—' : load.toFixed(1);
}

function benchRow({ bench: b, machine }: { bench: BenchResult; machine: Machine }): string[] {
  const { aimed, naive } = b.pooled;
  const atLeast = b.pooled.aimedOverNaiveAtLeast;
  return [
    benchCondition(b),
    b.sendingNice === null ? '—' : String(b.sendingNice),
    `\`${b.benchId}\`, ${b.startedAt.slice(0, 10)}`,
    loadAverage15(b, machine),
    String(b.runs.length),
    spread(b.timeToFirst502Ms, secs),
    firstHitCyclesText(b.firstHitCycles, b.runs.length),
    pooledRateText(b.pooled.aimedRate),
    spread(b.hitCycleYield, (v) => v.toFixed(2)),
    `${aimed.failures}/${aimed.trials}`,
    `${naive.failures}/${naive.trials}`,
    atLeast === null ? '—' : `≥ ${atLeast.toFixed(1)}×`,
    spread(b.wallMs.warm, (v) => `${(v / 1000).toFixed(0)} s`),
    b.checksAgree ? 'agree' : 'DISAGREE',
  ];
}

/** The table, then the machines the benches ran on. */
export function benchTable(benches: ReadonlyArray<{ bench: BenchResult; machine: Machine }>): string {
  if (benches.length === 0)
    throw new Error('no bench kept under docs/measurements/bench/ (scripts/measure.ts keep-bench)');
  const head = [
    'extra CPU load',
    "harness's sending nice",
    'run, date',
    'load average (15 min)',
    'runs',
    'time to first 502, median (min–max)',
    'first 502 by cycle',
    '502s per aimed request, pooled (95 % interval)',
    '502s ÷ C in hitting cycles',
    'A/B aimed 502s',
    'A/B naive 502s',
    'aimed ÷ naive, at least (95 % bounds of both)',
    'wall per warm run',
    'cross-checks',
  ];
  const where = [...new Set(benches.map((b) => describeMachine({ ...b.machine, loadAverage: undefined })))];
  return [
    markdownTable(head, benches.map(benchRow)),
    '',
    `Measured on ${where.join('; ')}; versions: ${Object.entries(benches[0]?.bench.versions ?? {})
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
  ].join('\n');
}
