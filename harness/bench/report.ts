// bench-<id>.md and the terminal table: the bench's figures beside the targets
// they are measured against (issue "Aim on any clock"), never asserted.
import { percent, type Proportion, type Spread } from '../model/stats.js';
import type { BenchResult, BenchRun, FirstHitCycleCount } from './metrics.js';

/** The targets the figures are read against; a benchmark's, not a test's. */
export const BENCH_TARGETS = {
  medianTimeToFirst502Ms: 7_000,
  hitCycleYield: 0.4,
  aimedOverNaive: 10,
} as const;

const fixed =
  (digits: number, scale = 1) =>
  (v: number) =>
    (v / scale).toFixed(digits);

function spreadRow(name: string, s: Spread | null, show: (v: number) => string, target: string): string {
  const cells = s === null ? ['—', '—', '—'] : [show(s.min), show(s.median), show(s.max)];
  return `| ${name} | ${cells.join(' | ')} | ${target} |`;
}

const ratio = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}×`);
const side = (s: BenchRun['ab']['aimed']) => `${s.count502}/${s.requests} (${s.hittingCycles}/${s.cycles} cycles)`;

function runRow(r: BenchRun): string {
  // The lab estimates the offset and its uncertainty together (metrics.ts, benchRun): both or neither.
  const clock =
    r.appClockOffsetMs === null || r.appClockUncertaintyMs === null
      ? '—'
      : `${r.appClockOffsetMs.toFixed(1)} ± ${r.appClockUncertaintyMs.toFixed(1)} ms`;
  const checks = r.checks.harnessEqualsAccessLog && r.checks.raceLinesCoverFailures ? 'agree' : 'DISAGREE';
  return `| ${[
    r.run,
    r.timeToFirst502Ms === null ? '—' : `${(r.timeToFirst502Ms / 1000).toFixed(1)} s`,
    r.firstHitCycle ?? '—',
    `${r.aimedRate.failures}/${r.aimedRate.trials}`,
    r.hitCycleYield === null ? '—' : r.hitCycleYield.toFixed(2),
    side(r.ab.aimed),
    side(r.ab.naive),
    r.aimedOverNaive === null ? `≥ ${ratio(r.aimedOverNaiveAtLeast)}` : ratio(r.aimedOverNaive),
    clock,
    `${(r.wallMs / 1000).toFixed(0)} s`,
    `${checks} (${r.checks.count502} × 502, ${r.checks.raceLines} race lines)`,
    r.complete ? 'complete' : `INCOMPLETE: ${r.failure}`,
  ].join(' | ')} |`;
}

/** 'cycle 1 in 4 of 5; 2: 1': the runs whose first 502 came in cycle 1, then the other cycles' counts. */
export function firstHitCyclesText(counts: readonly FirstHitCycleCount[], runs: number): string {
  const inFirst = counts.find((c) => c.cycle === 1)?.runs ?? 0;
  const others = counts
    .filter((c) => c.cycle !== 1)
    .map((c) => (c.cycle === null ? `no 502: ${c.runs}` : `${c.cycle}: ${c.runs}`));
  return [`cycle 1 in ${inFirst} of ${runs}`, ...others].join('; ');
}

/** '86/200 = 43.0 % (36.3–49.9 %)': a pooled rate with its 95 % interval. */
export function pooledRateText(p: Proportion): string {
  return `${p.failures}/${p.trials} = ${percent(p.rate)} (${(p.low * 100).toFixed(1)}–${percent(p.high)})`;
}

/** The 1, 5 and 15 min load averages at the bench's start → its end; '—' for a bench that kept none (before v3). */
export function loadAverageText(load: BenchResult['loadAverage']): string {
  const three = (l: number[]) => l.map((v) => v.toFixed(2)).join(' ');
  return load === null ? '—' : `${three(load.start)} → ${three(load.end)}`;
}

/** The bench's figures, each against its target, then one row per run. */
export function benchMarkdown(b: BenchResult): string {
  const { pooled } = b;
  return [
    `# keepalive-lab bench ${b.benchId}`,
    '',
    `${b.runs.length} runs on ${b.runtime}; apps' clocks shifted by ${b.injectedAppClockOffsetMs} ms${b.injectedAppClockOffsetMs === 0 ? ' (none)' : ' (test setting)'}; extra CPU load: ${b.cpuLoad === 0 ? 'none' : `${b.cpuLoad} busy process(es)`}; load average ${loadAverageText(b.loadAverage)}; sending thread's nice ${b.sendingNice ?? '—'}.`,
    `Versions: ${Object.entries(b.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '',
    '| figure | min | median | max | target |',
    '|---|---|---|---|---|',
    spreadRow(
      'time to first 502 (from traffic start)',
      b.timeToFirst502Ms,
      (v) => `${fixed(1, 1000)(v)} s`,
      `median ≤ ${BENCH_TARGETS.medianTimeToFirst502Ms / 1000} s`,
    ),
    spreadRow('cycle of the first hit', b.firstHitCycle, fixed(0), 'first cycle'),
    spreadRow('502s ÷ C in hitting cycles', b.hitCycleYield, fixed(2), `≥ ${BENCH_TARGETS.hitCycleYield}`),
    spreadRow('502s per aimed request', b.aimedRate, (v) => percent(v), ''),
    spreadRow(
      'aimed ÷ naive (A/B, runs with a naive 502)',
      b.aimedOverNaive,
      (v) => `${v.toFixed(1)}×`,
      `≥ ${BENCH_TARGETS.aimedOverNaive}×`,
    ),
    spreadRow("aimed ÷ naive's 95 % upper bound (at least)", b.aimedOverNaiveAtLeast, (v) => `${v.toFixed(1)}×`, ''),
    spreadRow('boundary requests per minute (fixed)', b.boundaryPerMinute, fixed(0), ''),
    spreadRow('wall time, warm runs', b.wallMs.warm, (v) => `${fixed(0, 1000)(v)} s`, ''),
    '',
    `- first 502 by cycle: ${firstHitCyclesText(b.firstHitCycles, b.runs.length)}`,
    `- cold (first) run: ${b.wallMs.cold === null ? '—' : `${(b.wallMs.cold / 1000).toFixed(0)} s`}`,
    `- every aimed request pooled over the runs: ${pooledRateText(pooled.aimedRate)}`,
    `- A/B pooled over the runs: aimed ${pooled.aimed.failures}/${pooled.aimed.trials} (${percent(pooled.aimed.rate)}), naive ${pooled.naive.failures}/${pooled.naive.trials} (${percent(pooled.naive.rate)}, 95 % ≤ ${percent(pooled.naive.high)}): ${pooled.aimedOverNaive === null ? 'no naive 502' : `aimed ÷ naive ${ratio(pooled.aimedOverNaive)}`}, at least ${ratio(pooled.aimedOverNaiveAtLeast)} (95 % bounds of both)`,
    `- cross-checks (harness 502s = the LB's access log; nginx race lines ≥ 502s): ${b.checksAgree ? 'every run agrees' : 'DISAGREE in at least one run'}; ${b.completeRuns}/${b.runs.length} runs complete`,
    '',
    '## Runs',
    '',
    '| run | first 502 | first-hit cycle | aimed 502s | 502s ÷ C (hitting) | A/B aimed | A/B naive | aimed ÷ naive | app clock − harness | wall | cross-checks | |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...b.runs.map(runRow),
    '',
    "The A/B runs after each run's first 502: pairs of one aimed cycle and one naive cycle (the order swapped every pair), the naive batch sent all at once by the harness's clock alone, the probe's close delay + a step of a ±30 ms sweep after the burst's last answer.",
    '',
  ].join('\n');
}
