// The LB-side fixes' tables, in report.md and (from the committed run)
// docs/lb-fixes.md: per LB, each LB-side fix beside the LB unfixed, with each method's verdict, its failures among the
// boundary requests, and its price; then the answer per LB, grouped by what
// the verdicts say. Every figure and word is read off the run's cells (their
// verdict, counts, intervals and prices); none is recomputed here.
import type { Summary } from '../results/schema.js';
import { LB_FIXES, NO_LB_FIX, type LbFixName } from '../scenarios/lb-fixes.js';
import { LB_NAMES } from '../scenarios/lb-names.js';
import { proportion } from '../model/stats.js';
import { aimedFailureRateOf } from '../analysis/aimed-rate.js';
import { aimedCellText, failureRateText } from './boundary-text.js';

type Cell = Summary['cells'][number];

const METHODS = ['POST', 'GET'] as const;

/** What a cell's setting is, in words: the fix's own description, or the LB as the lab sets it. */
function settingOf(lbFix: string): string {
  return lbFix === NO_LB_FIX
    ? 'none: the LB as the lab sets it'
    : `${lbFix}: ${LB_FIXES[lbFix as Exclude<LbFixName, 'none'>].description}`;
}

/** The run's apps behind one LB, each with its cells, the baseline first. */
function appsBehind(summary: Summary, lb: string): Array<{ lbFix: string; cells: Cell[] }> {
  const apps = new Map<string, Cell[]>();
  for (const c of summary.cells.filter((cell) => cell.lb === lb))
    apps.set(c.variant, [...(apps.get(c.variant) ?? []), c]);
  return [...apps.values()]
    .map((cells) => ({ lbFix: cells[0].lbFix, cells }))
    .sort((a, b) => Number(a.lbFix !== NO_LB_FIX) - Number(b.lbFix !== NO_LB_FIX));
}

const signed = (ms: number) => `${ms > 0 ? '+' : ms < 0 ? '−' : '±'}${Math.abs(ms).toFixed(1)}`;

/** One method's price: added latency (median / p99) and the requests the app answered twice. */
function priceText(c: Cell | undefined): { latency: string; duplicates: string } {
  if (!c) return { latency: '—', duplicates: '—' };
  return {
    latency: c.addedLatencyMs === null ? '—' : `${signed(c.addedLatencyMs.median)} / ${signed(c.addedLatencyMs.p99)}`,
    duplicates: c.duplicates === null ? '—' : String(c.duplicates),
  };
}

/**
 * What the price columns measure, under every fixes table (report.md, report.html): the answer's limits as the run
 * provoked them.
 */
export const LB_FIX_TABLE_NOTE =
  "Failed / aimed: failures among all requests aimed at the app's close. Added latency: the price rounds (one request per app after an idle gap under the app's close), against the baseline; with 8 a method, p99 is the slowest. Answered twice: requests the app served twice; the run provokes only retries of dead idle connections, never a timeout's replay of a request the app had begun.";

/** The header of an LB's fixes table. */
const TABLE_HEADER = [
  'Setting',
  "POST: verdict, failed / aimed at the app's close",
  'GET: the same',
  'Upstream connections per 1,000 responses',
  'Added latency, ms (median / p99 of the price rounds), POST · GET',
  'Answered twice, POST · GET',
];

/**
 * The rows of one LB's table, the header first: a row per setting, its POST and GET verdicts with their evidence,
 * then its price. Plain text: report.md and report.html each set it their way.
 */
export function lbFixRows(summary: Summary, lb: string): string[][] {
  const rows = appsBehind(summary, lb).map(({ lbFix, cells }) => {
    const of = (m: string) => cells.find((c) => c.method === m);
    const verdict = (m: string) => {
      const c = of(m);
      return c ? `${c.verdict.word} ${aimedCellText(c)}` : '—';
    };
    const prices = METHODS.map((m) => priceText(of(m)));
    const connections = cells[0].connectionsPer1000;
    return [
      settingOf(lbFix),
      ...METHODS.map(verdict),
      connections === null ? '—' : connections.toFixed(1),
      prices.map((p) => p.latency).join(' · '),
      prices.map((p) => p.duplicates).join(' · '),
    ];
  });
  return [TABLE_HEADER, ...rows];
}

/** One LB's table in markdown (lbFixRows). */
export function lbFixTable(summary: Summary, lb: string): string {
  const [header, ...rows] = lbFixRows(summary, lb);
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** The LBs the run put fixes in front of, in LB_NAMES order. */
export function lbsWithFixes(summary: Summary): string[] {
  return LB_NAMES.filter((lb) => summary.cells.some((c) => c.lb === lb && c.lbFix !== NO_LB_FIX));
}

/** A fix's cells' verdict words, by method: 'SAFE', or 'MASKED (POST), SAFE (GET)'. */
function wordsOf(cells: readonly Cell[]): string {
  const words = [...new Set(cells.map((c) => c.verdict.word))];
  return words.length === 1 ? words[0] : cells.map((c) => `${c.verdict.word} (${c.method})`).join(', ');
}

/** The verdict words of a race shown: the client saw it (REPRODUCED), or a fix that must hold did not (FIX FAILED). */
const RACE_WORDS: readonly string[] = ['REPRODUCED', 'FIX FAILED'];

/** One setting behind one LB (a fix, or 'none'), with its cells in each run that measured it (in the runs' order). */
interface SettingAcrossRuns {
  lbFix: string;
  runs: Cell[][];
}

/** One LB's settings across runs, the baseline first, then in the first run's order (a later run's new ones after). */
function settingsAcross(runs: readonly Summary[], lb: string): SettingAcrossRuns[] {
  const settings = new Map<string, Cell[][]>();
  for (const run of runs)
    for (const { lbFix, cells } of appsBehind(run, lb)) settings.set(lbFix, [...(settings.get(lbFix) ?? []), cells]);
  return [...settings].map(([lbFix, cellsByRun]) => ({ lbFix, runs: cellsByRun }));
}

/** The LBs any of the runs put fixes in front of, in LB_NAMES order. */
function lbsWithFixesIn(runs: readonly Summary[]): string[] {
  return LB_NAMES.filter((lb) => runs.some((run) => lbsWithFixes(run).includes(lb)));
}

/** 'SAFE', or with several runs that differ, each run's words: 'SAFE · REPRODUCED (POST), SAFE (GET)'. */
function wordsAcross(f: SettingAcrossRuns): string {
  const perRun = f.runs.map(wordsOf);
  if (new Set(perRun).size === 1) return perRun.length === 1 ? perRun[0] : `${perRun[0]} in all ${perRun.length} runs`;
  return `in ${perRun.length} runs: ${perRun.join(' · ')}`;
}

/** What a fix's retries were, summed over its runs: ' — retried 7 POST and 5 GET; answered twice: 0'. */
function replayText(f: SettingAcrossRuns): string {
  const cells = f.runs.flat();
  const retried = METHODS.flatMap((m) => {
    const n = cells.filter((c) => c.method === m).reduce((sum, c) => sum + c.counts.masked, 0);
    return n > 0 ? [`${n} ${m}`] : [];
  });
  if (retried.length === 0) return '';
  const twice = cells.map((c) => c.duplicates).filter((d): d is number => d !== null);
  return ` — retried ${retried.join(' and ')}; answered twice: ${twice.length > 0 ? twice.reduce((a, b) => a + b, 0) : 'not known'}`;
}

/**
 * The answer per LB, from the verdicts of one run or several (the docs keep repeats): the settings shown SAFE for
 * every method in every run, those that only hid the race by replaying requests (MASKED in some run, nothing worse
 * in any: the LB retried them; the app's count of requests it answered twice says whether a replay reached it
 * twice), and those that left the race there in some run.
 */
export function lbFixAnswer(runs: readonly Summary[]): string {
  return lbFixGroups(runs)
    .map(({ lb, groups }) =>
      [
        `**${lb}**`,
        '',
        ...groups.flatMap((g) =>
          g.items.length === 0 ? [`- ${g.title}: ${g.empty}.`] : [`- ${g.title}:`, ...g.items.map((i) => `  - ${i}`)],
        ),
      ].join('\n'),
    )
    .join('\n\n');
}

/** One group of the answer: its title, each fix in it in a line, and what to say when it has none. */
export interface LbFixGroup {
  title: string;
  items: string[];
  empty: string;
}

/** The answer's groups per LB (lbFixAnswer), as data: report.md and report.html render the same groups. */
export function lbFixGroups(runs: readonly Summary[]): Array<{ lb: string; groups: LbFixGroup[] }> {
  return lbsWithFixesIn(runs).map((lb) => {
    const fixes = settingsAcross(runs, lb).filter((f) => f.lbFix !== NO_LB_FIX);
    const words = (f: SettingAcrossRuns) => f.runs.flat().map((c) => c.verdict.word);
    // A race seen in any run is the answer; a run without one (INCONCLUSIVE, INCOMPLETE) is no evidence either way.
    const not = fixes.filter((f) => words(f).some((w) => RACE_WORDS.includes(w)));
    const open = fixes.filter((f) => !not.includes(f) && words(f).some((w) => !['SAFE', 'MASKED'].includes(w)));
    const masked = fixes.filter((f) => !not.includes(f) && !open.includes(f) && words(f).includes('MASKED'));
    const safe = fixes.filter((f) => !not.includes(f) && !open.includes(f) && !masked.includes(f));
    const group = (title: string, list: SettingAcrossRuns[]): LbFixGroup => ({
      title,
      items: list.map((f) => `${f.lbFix} (${wordsAcross(f)})${replayText(f)}`),
      empty: `none of the ${fixes.length} measured`,
    });
    const several = runs.length > 1;
    return {
      lb,
      groups: [
        group(several ? 'Safe for POST and GET in every run' : 'Safe for POST and GET', safe),
        group('Hides the race by replaying the request (not safe for a request that must not run twice)', masked),
        group(several ? 'Leaves the race there (in at least one run)' : 'Leaves the race there', not),
        ...(open.length > 0 ? [group('No answer yet (a run found too little to say)', open)] : []),
      ],
    };
  });
}

/**
 * Every setting across repeated runs of the same fixes (docs/measurements keeps them): each run's verdict words, and
 * per method the failures among all its runs' boundary requests with their interval (a rare race that one run of a
 * few hundred boundary requests may miss shows in their sum).
 */
export function lbFixRepeatsTable(runs: readonly Summary[]): string {
  const header = [
    `| LB | Setting | Verdicts, run by run (${runs.length} runs) | POST failed / aimed, all runs | GET failed / aimed, all runs |`,
    '|---|---|---|---|---|',
  ];
  const rows = lbsWithFixesIn(runs).flatMap((lb) =>
    settingsAcross(runs, lb).map(({ lbFix, runs: cellsByRun }) => {
      const summed = (m: string) => {
        const rates = cellsByRun.flat().flatMap((c) => {
          const rate = c.method === m ? aimedFailureRateOf(c) : null;
          return rate === null ? [] : [rate];
        });
        const failures = rates.reduce((n, r) => n + r.failures, 0);
        const trials = rates.reduce((n, r) => n + r.trials, 0);
        const text = failureRateText(proportion(failures, trials));
        return `${failures} / ${trials}${text === '' ? '' : `: ${text}`}`;
      };
      return `| ${[lb, lbFix, cellsByRun.map(wordsOf).join(' · '), ...METHODS.map(summed)].join(' | ')} |`;
    }),
  );
  return [...header, ...rows].join('\n');
}

/**
 * report.md's section for a run with LB-side fixes: the answer, then a table per LB; none for a run without one.
 */
export function lbFixSection(summary: Summary): string[] {
  const lbs = lbsWithFixes(summary);
  if (lbs.length === 0) return [];
  return [
    '## LB-side fixes',
    '',
    lbFixAnswer([summary]),
    '',
    ...lbs.flatMap((lb) => [`### ${lb}`, '', lbFixTable(summary, lb), '']),
    LB_FIX_TABLE_NOTE,
    '',
  ];
}
