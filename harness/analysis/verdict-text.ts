// The counts the verdict's text states: a matrix's cells by word; a talk-sized
// run's variants, each at its close boundary (and at the LB's own timeout),
// and who closed their idle connections; your app's line. The word itself is
// analysis/verdict.ts's; this is only what stands beside it. Pure.
import type { AppUnderTestSummary, CellSummary, LbBoundary, VariantSummary } from '../records/summary-schema.js';
import type { Scenario, VariantName } from '../scenarios/scenarios.js';
import { VERDICT_WORDS } from '../model/verdict.js';
import { percent, proportion, type Proportion } from '../model/stats.js';

function describeRate(p: Proportion): string {
  if (p.failures === 0) return `0 in ${p.trials} (95 % upper bound ${percent(p.high, 2)})`;
  return `${p.failures} × 502 in ${p.trials} (${percent(p.rate)}, 95 % CI ${percent(p.low)}–${percent(p.high)})`;
}

/**
 * The verdict counts requests aimed at the close boundary; the others come in
 * all. A zero also states its bound per aimed cycle, the unit 502s cluster in.
 * A variant also aimed just under the LB's timeout says how it fared there.
 */
export function describeVariant(v: VariantSummary, lbTimeoutMs: number, isAim: boolean): string {
  const c = v.boundaryCycles;
  const perCycle =
    v.boundaryRate502.failures === 0 && c.cycles > 0
      ? `, ${c.cycles} aimed cycles (95 % upper bound ${percent(c.rate.high, 1)} per cycle)`
      : '';
  // A fix without a failure that never met the LB's own timeout says so: at the aim variant's close alone it cannot
  // fail.
  const untested =
    !isAim && v.lbBoundary === null && v.boundaryRate502.failures === 0
      ? `, not tested at the LB's ${lbTimeoutMs / 1000} s`
      : '';
  return `${v.name}: ${describeRate(v.boundaryRate502)} at the close boundary${perCycle}${describeLbBoundary(v.lbBoundary, lbTimeoutMs)}${untested} (${v.rate502.failures} × 502 in ${v.rate502.trials} in all)`;
}

/** ", 0 in 30 at the LB's 60 s (…)": the requests aimed just under the LB's timeout; '' when none was. */
export function describeLbBoundary(b: LbBoundary | null, lbTimeoutMs: number): string {
  if (b === null) return '';
  const counted = b.failures === 0 ? `0 in ${b.boundary}` : `${b.failures} failed in ${b.boundary}`;
  const bound =
    b.failures === 0 && b.boundary > 0 ? `, 95 % upper bound ${percent(proportion(0, b.boundary).high, 1)}` : '';
  const idle =
    b.idleGapMs === null
      ? 'no idle connection reused'
      : `reusing connections idle ${(b.idleGapMs / 1000).toFixed(2)} s`;
  return `, ${counted} at the LB's ${lbTimeoutMs / 1000} s (${idle}${bound}; ${b.aimed} aimed)`;
}

/** Rounded down, so 99.5 % never reads as 100 %. */
export function share(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${Math.floor((100 * part) / whole)} %`;
}

/**
 * Who closed the idle upstream connections: the app's share in the aim variant, the LB's in the others. The aim
 * variant's share leaves out what the LB closed only because the run ended; the others' say how much that was.
 */
export function closedByText(
  variants: Record<VariantName, VariantSummary>,
  names: readonly VariantName[],
  aim: VariantName,
): string {
  const a = variants[aim].closedBy;
  const aimClosedWhileIdle = a.app + a.reset + a.lb - a.lbAtShutdown;
  return [
    `app closed ${share(a.app, aimClosedWhileIdle)} of idle upstream connections in ${aim} (${a.app}/${aimClosedWhileIdle})`,
    ...names
      .filter((name) => name !== aim)
      .map((name) => {
        const t = variants[name].closedBy;
        const when =
          t.lb > 0 && t.lbAtShutdown === t.lb
            ? ', at shutdown'
            : t.lbAtShutdown > 0
              ? `, ${t.lbAtShutdown} at shutdown`
              : '';
        return `LB closed ${share(t.lb, t.app + t.lb + t.reset)} in ${name} (${t.lb}/${t.app + t.lb + t.reset}${when})`;
      }),
  ].join(', ');
}

/** How many cells ended on each word, as their verdicts say: '14 REPRODUCED, 16 SAFE'. */
export function cellWordCounts(cells: ReadonlyArray<Pick<CellSummary, 'verdict'>>): string {
  return VERDICT_WORDS.flatMap((w) => {
    const n = cells.filter((c) => c.verdict.word === w).length;
    return n > 0 ? [`${n} ${w}`] : [];
  }).join(', ');
}

/** What the verdict's text needs of a run. */
export interface VerdictTextInput {
  kind: Scenario['kind'];
  /** The LB's own idle timeout. */
  lbTimeoutMs: number;
  failure: { phase: string; message: string } | null;
  aim: VariantName;
  /** The run's variants, in its scenario's order. */
  names: readonly VariantName[];
  variants: Record<VariantName, VariantSummary>;
  cells: ReadonlyArray<Pick<CellSummary, 'verdict'>>;
  yourApp: ReadonlyArray<Pick<AppUnderTestSummary, 'variant' | 'line'>> | null;
}

/**
 * The counts behind the verdict, in one line: your apps' lines; else a matrix's cells by word, or a talk-sized run's
 * variants and who closed their connections. A failed run says where it failed, and that the counts are so far.
 */
export function verdictText(r: VerdictTextInput): string {
  const counts =
    r.kind === 'matrix'
      ? `${r.cells.length} cells: ${cellWordCounts(r.cells)}`
      : [
          ...r.names.map((name) => describeVariant(r.variants[name], r.lbTimeoutMs, name === r.aim)),
          closedByText(r.variants, r.names, r.aim),
        ].join('; ');
  const verdictCounts = r.yourApp ? r.yourApp.map((a) => `${a.variant}: ${a.line}`).join('; ') : counts;
  return r.failure
    ? `the run failed during ${r.failure.phase}: ${r.failure.message}; so far: ${verdictCounts}`
    : verdictCounts;
}
