// docs/bench.md's table: one row per committed bench (an idle machine, one
// core kept busy, the apps' clocks shifted), each figure as the bench wrote it.
import type { BenchResult } from '../bench/metrics.js';
import type { Spread } from '../model/stats.js';
import { describeMachine, type Machine } from './measurements.js';

/** What set this bench apart from a plain one, in words. */
export function benchCondition(b: BenchResult): string {
  const parts = [
    b.cpuLoadProcesses > 0 ? `\`--cpu-load ${b.cpuLoadProcesses}\`` : '',
    b.injectedAppClockOffsetMs !== 0 ? `apps' clocks ${b.injectedAppClockOffsetMs} ms off` : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'no extra load, shared clock' : parts.join(', ');
}

const spread = (s: Spread | null, show: (v: number) => string) =>
  s === null ? '—' : `${show(s.median)} (${show(s.min)}–${show(s.max)})`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function benchRow({ bench: b, machine }: { bench: BenchResult; machine: Machine }): string {
  const { aimed, naive } = b.pooled;
  const firstCycle = b.runs.filter((r) => r.cyclesToFirstHit === 1).length;
  const atLeast = b.pooled.aimedOverNaiveAtLeast;
  return `| ${[
    benchCondition(b),
    `\`${b.benchId}\`, ${b.startedAt.slice(0, 10)}`,
    machine.loadAverage === undefined ? '—' : machine.loadAverage[2].toFixed(1),
    String(b.runs.length),
    spread(b.timeToFirst502Ms, secs),
    `${firstCycle} of ${b.runs.length}`,
    spread(b.hitCycleYield, (v) => v.toFixed(2)),
    `${aimed.failures}/${aimed.trials}`,
    `${naive.failures}/${naive.trials}`,
    atLeast === null ? '—' : `≥ ${atLeast.toFixed(1)}×`,
    spread(b.wallMs.warm, (v) => `${(v / 1000).toFixed(0)} s`),
    b.checksAgree ? 'agree' : 'DISAGREE',
  ].join(' | ')} |`;
}

/** The table, then the machines the benches ran on. */
export function benchTable(benches: ReadonlyArray<{ bench: BenchResult; machine: Machine }>): string {
  if (benches.length === 0)
    throw new Error('no bench kept under docs/measurements/bench/ (scripts/measure.ts keep-bench)');
  const head = [
    'bench',
    'run, date',
    'load average (15 min) when kept',
    'runs',
    'time to first 502, median (min–max)',
    'first 502 in cycle 1',
    '502s ÷ C in hitting cycles',
    'A/B aimed 502s',
    'A/B naive 502s',
    'aimed ÷ naive, at least (95 % bounds of both)',
    'wall per warm run',
    'cross-checks',
  ];
  const where = [...new Set(benches.map((b) => describeMachine({ ...b.machine, loadAverage: undefined })))];
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...benches.map(benchRow),
    '',
    `Measured on ${where.join('; ')}; versions: ${Object.entries(benches[0]?.bench.versions ?? {})
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
  ].join('\n');
}
