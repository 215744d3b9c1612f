// The cycle chart, a heat map: one row per variant (grouped by LB when the
// run had several), one square per traffic cycle with its count of failures
// written in it (every symptom the client saw: HAProxy's is an empty reply, not
// a 502), the darker the more; a variant's first has a heavy border and a ▼.
// A run kept without requests.ndjson has per-cycle 502s only: the chart then
// says so, and a row whose app failed otherwise says where its failures are.
// A row names its variant directly, so nineteen variants need no colour key,
// and a default matrix (19 apps, 18 cycles) fits a 1,920 × 1,080 slide.
// Exported for the live page too, which starts with no cycles at all: an
// empty input draws the rows with no square yet.
import { CLIENT_SYMPTOMS } from '../../records/request-records.js';
import { el, esc, GRID, MUTED, round1, svgRoot, text } from './svg.js';

/**
 * A variant's failures in one cycle by what the client saw, in words ('502', 'empty reply', …): the square shows their
 * sum, the row's total names them.
 */
export type SymptomTally = Readonly<Record<string, number>>;

/** What cycleChartSvg draws: the variants in row order, the cycles in the order they ran. */
export interface CycleChartInput {
  variants: string[];
  /** Each variant's LB when known; with more than one LB the rows are grouped under each LB's name. */
  lbOf?: Record<string, string>;
  /**
   * What a square counts: every failure the client saw (502/503/504, empty reply, reset), or its 502s only (a summary
   * without requests.ndjson: it keeps per-cycle 502s alone).
   */
  counted: 'failures' | '502s';
  /** Per cycle, the tally of each variant it ran (a variant it did not run has no key). */
  cycles: Array<{ cycle: number; lane: 'short' | 'long'; kind: string; counts: Record<string, SymptomTally> }>;
  /** Each variant's first failure (its cycle, and lane when it ran in two), or null when it had none. */
  firstHit: Record<string, { cycle: number; lane?: 'short' | 'long' } | null>;
  /** Per variant, what its row leaves out, said beside its total (a 502s-only row of an app that failed otherwise). */
  notes?: Record<string, string>;
}

const LEFT_PX = 16;
const RIGHT_PX = 16;
/** The widest the chart grows on its own: a 1,920-px slide less the page's margins. */
const MAX_WIDTH_PX = 1880;
const MIN_WIDTH_PX = 720;
const MIN_SQUARE_PX = 34;
const MAX_SQUARE_PX = 48;
const SQUARE_H_PX = 32;
const GAP_PX = 3;
const GROUP_HEAD_PX = 30;
/** About one character's width at the labels' 15 px (no font metrics in a string renderer). */
const CHAR_PX = 8.4;
/** The same at the key's 14 px, and its lines' spacing. */
const KEY_CHAR_PX = 7.6;
const KEY_LINE_PX = 20;
/** The square's fill by its count's share of the largest: white for none, then light to dark vermillion. */
const LIGHTEST = [251, 213, 192] as const;
const DARKEST = [153, 52, 0] as const;
/**
 * Non-aimed cycles are written under their number: 'naive' is bench's sweep, 'long-gap' an idle gap past every close.
 */
const KIND_CODE: Record<string, string> = { naive: 'n', 'long-gap': 'g' };

type Cycle = CycleChartInput['cycles'][number];

/** One row: a variant in one lane (a variant that ran in two lanes has two rows), under its LB. */
interface Row {
  variant: string;
  lane: Cycle['lane'];
  lb: string | null;
  cycles: Cycle[];
  /** Its cycles' tallies added up. */
  tally: Record<string, number>;
  total: number;
}

/** The symptoms' order in words: the client symptoms as records/request-records.ts lists them, then any other. */
const SYMPTOM_ORDER: readonly string[] = CLIENT_SYMPTOMS;

/** A square's count: every failure of its tally. */
const countOf = (tally: SymptomTally | undefined) => Object.values(tally ?? {}).reduce((n, k) => n + k, 0);

/** Tallies added up. */
function addTallies(tallies: ReadonlyArray<SymptomTally | undefined>): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const tally of tallies)
    for (const [symptom, n] of Object.entries(tally ?? {})) sum[symptom] = (sum[symptom] ?? 0) + n;
  return sum;
}

/** A tally in words, '14 × empty reply', '3 × 502, 1 × reset'; none: '0 × 502' (502s counted) or 'no failure'. */
function tallyWords(tally: Record<string, number>, counted: CycleChartInput['counted']): string {
  const rank = (symptom: string) =>
    SYMPTOM_ORDER.includes(symptom) ? SYMPTOM_ORDER.indexOf(symptom) : SYMPTOM_ORDER.length;
  const seen = Object.entries(tally)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => rank(a) - rank(b));
  if (seen.length === 0) return counted === '502s' ? '0 × 502' : 'no failure';
  return seen.map(([symptom, n]) => `${n} × ${symptom}`).join(', ');
}

/** A variant's failures over every cycle drawn, in words ('14 × empty reply'): the chart's and its caption's. */
export function variantTotalWords(input: CycleChartInput, variant: string): string {
  return tallyWords(addTallies(input.cycles.map((c) => c.counts[variant])), input.counted);
}

/** The chart's name: what its squares count. */
export const cycleChartTitle = (input: CycleChartInput) =>
  input.counted === 'failures' ? 'Failures per cycle, per variant' : '502s per cycle, per variant';

/** The chart in words: per variant its failures and first one, then any cycle that had one. */
function describe(input: CycleChartInput): string {
  if (input.cycles.length === 0) return 'No cycles yet.';
  const what = input.counted === 'failures' ? 'a failure' : 'a 502';
  const perVariant = input.variants.map((v) => {
    const first = input.firstHit[v];
    const note = input.notes?.[v];
    return `${v}: ${variantTotalWords(input, v)}${first ? `, first in cycle ${first.cycle}` : ''}${note ? ` (${note})` : ''}`;
  });
  const hitting = input.cycles
    .filter((c) => Object.values(c.counts).some((tally) => countOf(tally) > 0))
    .map(
      (c) =>
        `cycle ${c.cycle}${c.lane === 'long' ? ' (long lane)' : ''}: ${Object.entries(c.counts)
          .filter(([, tally]) => countOf(tally) > 0)
          .map(([v, tally]) => `${v} ${countOf(tally)}`)
          .join(', ')}`,
    );
  return `${input.cycles.length} cycles. ${perVariant.join('; ')}.${hitting.length > 0 ? ` Cycles with ${what}: ${hitting.join('; ')}.` : ` No cycle had ${what}.`}`;
}

/**
 * The rows in the variants' order, grouped by LB in the order the LBs first appear; a variant with no cycle yet has a
 * row of its own, empty.
 */
function rowsOf(input: CycleChartInput): Row[] {
  const rows: Row[] = [];
  for (const v of input.variants) {
    const lb = input.lbOf?.[v] ?? null;
    const ran = input.cycles.filter((c) => Object.hasOwn(c.counts, v));
    const lanes = [...new Set(ran.map((c) => c.lane))];
    for (const lane of lanes.length > 0 ? lanes : (['short'] as const)) {
      const cycles = ran.filter((c) => c.lane === lane);
      const tally = addTallies(cycles.map((c) => c.counts[v]));
      rows.push({ variant: v, lane, lb, cycles, tally, total: countOf(tally) });
    }
  }
  const lbOrder = [...new Set(rows.map((r) => r.lb))];
  return lbOrder.flatMap((lb) => rows.filter((r) => r.lb === lb));
}

/** Where everything goes. */
interface Layout {
  rows: Row[];
  grouped: boolean;
  lanes: boolean;
  columns: number[];
  squarePx: number;
  labelPx: number;
  laneX: number;
  plotLeft: number;
  totalX: number;
  width: number;
  height: number;
  headerY: number;
  /** The key's lines under the title. */
  key: string[];
  /** Each row's top, and each LB heading's, top to bottom. */
  rowTop: number[];
  groupTops: Array<{ lb: string; top: number }>;
  maxCount: number;
}

/** Whether a variant's first failure is this cycle of this row. */
function isFirstOf(r: Row, c: Cycle, firstHit: CycleChartInput['firstHit']): boolean {
  const first = firstHit[r.variant];
  return (
    first !== null &&
    first !== undefined &&
    first.cycle === c.cycle &&
    (first.lane === undefined || first.lane === r.lane) &&
    c.lane === r.lane &&
    countOf(c.counts[r.variant]) > 0
  );
}

/**
 * A row's words at the right: its failures by symptom ('14 × empty reply'), its first when it is in this row, and
 * its note.
 */
function totalWords(r: Row, input: CycleChartInput): string {
  const first = r.cycles.find((c) => isFirstOf(r, c, input.firstHit));
  const note = input.notes?.[r.variant];
  return `${tallyWords(r.tally, input.counted)}${first ? `, first in cycle ${first.cycle}` : ''}${note ? ` · ${note}` : ''}`;
}

function layoutOf(input: CycleChartInput): Layout {
  const rows = rowsOf(input);
  const grouped = new Set(rows.map((r) => r.lb)).size > 1;
  const lanes = new Set(input.cycles.map((c) => c.lane)).size > 1;
  const columns = [...new Set(input.cycles.map((c) => c.cycle))].sort((a, b) => a - b);
  const labelPx = Math.max(120, ...rows.map((r) => r.variant.length * CHAR_PX)) + 12;
  const laneX = LEFT_PX + labelPx;
  const plotLeft = laneX + (lanes ? 64 : 0);
  const totalPx = Math.max(140, ...rows.map((r) => totalWords(r, input).length * CHAR_PX)) + 12;
  const room = MAX_WIDTH_PX - plotLeft - totalPx - RIGHT_PX;
  const squarePx = Math.max(
    MIN_SQUARE_PX,
    Math.min(MAX_SQUARE_PX, Math.floor(room / Math.max(1, columns.length)) - GAP_PX),
  );
  const totalX = plotLeft + Math.max(1, columns.length) * (squarePx + GAP_PX) + 12;
  const width = Math.max(MIN_WIDTH_PX, totalX + totalPx + RIGHT_PX);
  const key = keyLines(keyItems(input, lanes), width - LEFT_PX - RIGHT_PX);
  const headerY = 58 + key.length * KEY_LINE_PX + 26;
  const kindRow = input.cycles.some((c) => KIND_CODE[c.kind]) ? 18 : 0;
  let y = headerY + 12 + kindRow;
  const rowTop: number[] = [];
  const groupTops: Layout['groupTops'] = [];
  rows.forEach((r, i) => {
    if (grouped && (i === 0 || rows[i - 1].lb !== r.lb)) {
      groupTops.push({ lb: r.lb ?? '?', top: y });
      y += GROUP_HEAD_PX;
    }
    rowTop.push(y);
    y += SQUARE_H_PX + GAP_PX;
  });
  const maxCount = Math.max(0, ...input.cycles.flatMap((c) => Object.values(c.counts).map(countOf)));
  return {
    rows,
    grouped,
    lanes,
    columns,
    squarePx,
    labelPx,
    laneX,
    plotLeft,
    totalX,
    width,
    height: Math.max(y, headerY + 80) + 20,
    headerY,
    key,
    rowTop,
    groupTops,
    maxCount,
  };
}

/** The square's fill and its number's colour: white for none, darker for more, the number white on the darkest. */
function shade(count: number, maxCount: number): { fill: string; ink: string } {
  if (count === 0) return { fill: '#ffffff', ink: MUTED };
  const t = maxCount <= 1 ? 1 : (count - 1) / (maxCount - 1);
  const mix = LIGHTEST.map((from, i) => Math.round(from + (DARKEST[i] - from) * t));
  return { fill: `rgb(${mix.join(',')})`, ink: t > 0.45 ? '#ffffff' : '#000000' };
}

/** The cycle numbers over the squares, and the kind of a non-aimed cycle under its number. */
function header(input: CycleChartInput, l: Layout): string[] {
  const x = (cycle: number) => l.plotLeft + l.columns.indexOf(cycle) * (l.squarePx + GAP_PX) + l.squarePx / 2;
  return [
    text(LEFT_PX + l.labelPx - 12, l.headerY, 'cycle', { 'text-anchor': 'end', fill: MUTED, 'font-size': 14 }),
    ...(l.lanes ? [text(l.laneX, l.headerY, 'lane', { fill: MUTED, 'font-size': 14 })] : []),
    ...l.columns.map((n) => text(x(n), l.headerY, n, { 'text-anchor': 'middle', 'font-size': 14 })),
    ...l.columns.flatMap((n) => {
      const codes = [...new Set(input.cycles.filter((c) => c.cycle === n).map((c) => KIND_CODE[c.kind] ?? ''))];
      const code = codes.filter((k) => k !== '').join('/');
      return code === ''
        ? []
        : [text(x(n), l.headerY + 17, code, { 'text-anchor': 'middle', fill: MUTED, 'font-size': 14 })];
    }),
    text(l.totalX, l.headerY, input.counted === 'failures' ? 'in all' : '502s in all', {
      fill: MUTED,
      'font-size': 14,
    }),
  ];
}

/** Each LB's name over its rows, with a rule across. */
function groupHeadings(l: Layout): string[] {
  return l.groupTops.map(({ lb, top }) =>
    el(
      'g',
      { 'data-lb-group': lb },
      el('line', { x1: LEFT_PX, x2: l.width - RIGHT_PX, y1: top + 4, y2: top + 4, stroke: GRID }),
      text(LEFT_PX, top + 23, lb, { 'font-size': 17, 'font-weight': 'bold' }),
    ),
  );
}

/** Each row's name, lane and words; its squares are drawn by cycle. */
function rowLabels(input: CycleChartInput, l: Layout): string[] {
  return l.rows.map((r, i) => {
    const y = l.rowTop[i] + SQUARE_H_PX / 2 + 5;
    return el(
      'g',
      { 'data-variant-row': r.variant, 'data-lane': r.lane, 'data-total': r.total },
      text(LEFT_PX + l.labelPx - 12, y, r.variant, { 'text-anchor': 'end', 'font-size': 15 }),
      l.lanes ? text(l.laneX, y, r.lane, { fill: MUTED, 'font-size': 14 }) : '',
      text(l.totalX, y, totalWords(r, input), {
        'font-size': 15,
        'font-weight': r.total > 0 ? 'bold' : undefined,
        'data-role': 'total',
        'data-note': input.notes?.[r.variant] === undefined ? undefined : 'true',
      }),
    );
  });
}

/** One square: the count in it, a heavy border and ▼ on a variant's first failure. */
function square(
  c: Cycle,
  v: string,
  x: number,
  y: number,
  isFirst: boolean,
  l: Layout,
  input: CycleChartInput,
): string {
  const tally = c.counts[v] ?? {};
  const count = countOf(tally);
  const { fill, ink } = shade(count, l.maxCount);
  return el(
    'g',
    {},
    el(
      'rect',
      {
        x: round1(x),
        y: round1(y),
        width: l.squarePx,
        height: SQUARE_H_PX,
        fill,
        stroke: isFirst ? '#000000' : count > 0 ? 'none' : GRID,
        'stroke-width': isFirst ? 3 : 1,
        'data-cycle': c.cycle,
        'data-lane': c.lane,
        'data-variant': v,
        'data-count': count,
        'data-first-hit': isFirst ? 'true' : undefined,
      },
      el(
        'title',
        {},
        esc(
          `cycle ${c.cycle} (${c.lane} lane, ${c.kind}), ${v}: ${tallyWords(tally, input.counted)}${isFirst ? ' — its first' : ''}`,
        ),
      ),
    ),
    text(x + l.squarePx / 2, y + SQUARE_H_PX / 2 + 6, isFirst ? `▼${count}` : count, {
      'text-anchor': 'middle',
      'font-size': 16,
      'font-weight': count > 0 ? 'bold' : undefined,
      fill: ink,
      'data-role': 'count',
    }),
  );
}

/** One group per cycle (the squares of every variant it ran), in the order the cycles ran. */
function cycleGroups(input: CycleChartInput, l: Layout): string[] {
  // The first failure of each variant is marked in the first cycle with its number (and lane) that ran the variant.
  const firstMarked = new Set<string>();
  return input.cycles.map((c) => {
    const x = l.plotLeft + l.columns.indexOf(c.cycle) * (l.squarePx + GAP_PX);
    const squares = l.rows.flatMap((r, i) => {
      if (r.lane !== c.lane || !Object.hasOwn(c.counts, r.variant)) return [];
      const isFirst = !firstMarked.has(r.variant) && isFirstOf(r, c, input.firstHit);
      if (isFirst) firstMarked.add(r.variant);
      return [square(c, r.variant, x, l.rowTop[i], isFirst, l, input)];
    });
    return el('g', { 'data-cycle-group': c.cycle, 'data-lane': c.lane, 'data-kind': c.kind }, ...squares);
  });
}

/** What the squares mean, under the title; only the marks this chart has. */
function keyItems(input: CycleChartInput, lanes: boolean): string[] {
  const kinds = Object.entries(KIND_CODE)
    .filter(([kind]) => input.cycles.some((c) => c.kind === kind))
    .map(([kind, code]) => `${code} = ${kind === 'naive' ? 'naive cycle (bench)' : `${kind} cycle`}`);
  const what = input.counted === 'failures' ? 'failure' : '502';
  return [
    input.counted === 'failures'
      ? 'each square one cycle of a variant, its failures in it: 502/503/504, empty reply, reset'
      : 'each square one cycle of a variant, its 502s in it',
    'the darker, the more',
    ...(input.counted === '502s' ? ['502s only: this run kept no requests.ndjson, which names every failure'] : []),
    ...(Object.values(input.firstHit).some((f) => f !== null) ? [`▼ and a heavy border: its first ${what}`] : []),
    ...(lanes ? ['the short and long lanes number their cycles each from 1'] : []),
    ...kinds,
  ];
}

/** The key's items joined into lines that fit `widthPx`. */
function keyLines(items: string[], widthPx: number): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last].length + 3 + item.length) * KEY_CHAR_PX <= widthPx) lines[last] += ` · ${item}`;
    else lines.push(item);
  }
  return lines;
}

/** The cycle chart as an SVG: a heat map of failures (or 502s), rows by variant, columns by cycle. */
export function cycleChartSvg(input: CycleChartInput): string {
  const l = layoutOf(input);
  return svgRoot(
    {
      chart: 'cycles',
      width: l.width,
      height: l.height,
      title: cycleChartTitle(input),
      desc: describe(input),
    },
    text(LEFT_PX, 30, cycleChartTitle(input), {
      'font-size': 20,
      'font-weight': 'bold',
      'data-counted': input.counted,
    }),
    ...l.key.map((line, i) =>
      text(LEFT_PX, 58 + i * KEY_LINE_PX, line, { fill: MUTED, 'font-size': 14, 'data-role': 'key' }),
    ),
    ...header(input, l),
    ...groupHeadings(l),
    ...rowLabels(input, l),
    ...(input.cycles.length === 0
      ? [
          text(l.plotLeft, l.headerY, 'No cycles yet', {
            fill: MUTED,
            'font-size': 16,
            'data-role': 'empty',
          }),
        ]
      : []),
    ...cycleGroups(input, l),
  );
}
