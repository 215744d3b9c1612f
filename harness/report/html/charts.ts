// The cycle chart: per traffic cycle, each variant's 502s side by side, the
// first 502 of each variant marked. Exported for the live page too, which
// starts with no cycles at all: an empty input draws an empty, labelled chart.
import { colourOf, countTicks, el, esc, GRID, keyOf, MUTED, round1, svgRoot, text } from './svg.js';

/** What cycleBarsSvg draws: the variants in legend order, the cycles in the order they ran. */
export interface CycleBarsInput {
  variants: string[];
  cycles: Array<{ cycle: number; lane: 'short' | 'long'; kind: string; count502: Record<string, number> }>;
  /** Each variant's first 502 (its cycle), or null when it had none. */
  firstHit: Record<string, { cycle: number } | null>;
  width?: number;
  height?: number;
}

const MARGIN = { left: 52, right: 16 };
const BAR_GAP_PX = 1;
const GROUP_GAP_PX = 14;
const MIN_BAR_PX = 12;
const MAX_BAR_PX = 36;
/** Wide enough for a slide; a long run grows wider rather than squeezing its labels. */
const TARGET_PLOT_PX = 880;
const MIN_WIDTH_PX = 640;
const PLOT_HEIGHT_PX = 220;
const LABEL_HEADROOM_PX = 30;
const LEGEND_ROW_PX = 20;
const MIN_LEGEND_COLUMN_PX = 260;
/** About the width of one character at the legend's 13 px (no font metrics in a string renderer). */
const CHAR_PX = 7.2;
/** Below the plot: bar keys, cycle numbers, the kind of cycle, the axis title. */
const BELOW_PLOT_PX = 70;
/**
 * Non-aimed cycles are written under their number: 'naive' is bench's sweep, 'long-gap' an idle gap past every close.
 */
const KIND_CODE: Record<string, string> = { naive: 'n', 'long-gap': 'g' };

/** The variants a cycle ran (a matrix cycle has only its lane's), in the legend's order. */
function variantsIn(cycle: CycleBarsInput['cycles'][number], variants: string[]): string[] {
  return variants.filter((v) => Object.hasOwn(cycle.count502, v));
}

/** Each variant's 502s over the cycles drawn. */
function totalsOf(input: CycleBarsInput): Record<string, number> {
  return Object.fromEntries(input.variants.map((v) => [v, input.cycles.reduce((n, c) => n + (c.count502[v] ?? 0), 0)]));
}

/** The chart in words: per variant its 502s and first one, then any cycle that had a 502. */
function describe(input: CycleBarsInput, totals: Record<string, number>): string {
  if (input.cycles.length === 0) return 'No cycles yet.';
  const perVariant = input.variants.map((v) => {
    const first = input.firstHit[v];
    return `${v}: ${totals[v]} × 502${first ? `, first in cycle ${first.cycle}` : ''}`;
  });
  const hitting = input.cycles
    .filter((c) => Object.values(c.count502).some((n) => n > 0))
    .map(
      (c) =>
        `cycle ${c.cycle}${c.lane === 'long' ? ' (long lane)' : ''}: ${Object.entries(c.count502)
          .filter(([, n]) => n > 0)
          .map(([v, n]) => `${v} ${n}`)
          .join(', ')}`,
    );
  return `${input.cycles.length} cycles. ${perVariant.join('; ')}.${hitting.length > 0 ? ` Cycles with a 502: ${hitting.join('; ')}.` : ' No cycle had a 502.'}`;
}

/** Where everything goes: the bars' width, the legend's grid, the plot's box and its count scale. */
interface Layout {
  barPx: number;
  width: number;
  height: number;
  /** Each variant's legend line. */
  labels: string[];
  legendColumnPx: number;
  legendColumns: number;
  legendRows: number;
  plotTop: number;
  plotHeight: number;
  plotBottom: number;
  plotRight: number;
  ticks: number[];
  /** The height of a count. */
  y: (count: number) => number;
  labelPx: number;
}

function layoutOf(input: CycleBarsInput, totals: Record<string, number>): Layout {
  const { variants, cycles } = input;
  const barsTotal = cycles.reduce((n, c) => n + variantsIn(c, variants).length, 0);
  const gapsPx = cycles.reduce(
    (n, c) => n + GROUP_GAP_PX + Math.max(0, variantsIn(c, variants).length - 1) * BAR_GAP_PX,
    0,
  );
  const fit = (plotPx: number) => (barsTotal === 0 ? MIN_BAR_PX : (plotPx - gapsPx) / barsTotal);
  const barPx = input.width
    ? Math.max(2, fit(input.width - MARGIN.left - MARGIN.right))
    : Math.min(MAX_BAR_PX, Math.max(MIN_BAR_PX, fit(TARGET_PLOT_PX)));
  const width = input.width ?? Math.max(MIN_WIDTH_PX, MARGIN.left + MARGIN.right + gapsPx + barsTotal * barPx);

  const labels = variants.map((v, i) => {
    const first = input.firstHit[v];
    return `${keyOf(i)} = ${v}: ${totals[v]} × 502${first ? `, first in cycle ${first.cycle}` : ''}`;
  });
  const legendColumnPx = Math.max(MIN_LEGEND_COLUMN_PX, Math.max(0, ...labels.map((l) => l.length)) * CHAR_PX + 40);
  const legendColumns = Math.max(1, Math.floor((width - MARGIN.left - MARGIN.right) / legendColumnPx));
  const legendRows = Math.ceil(variants.length / legendColumns) + 1;
  const plotTop = 34 + legendRows * LEGEND_ROW_PX + 4;
  const height = input.height ?? plotTop + PLOT_HEIGHT_PX + BELOW_PLOT_PX;
  const plotHeight = Math.max(40, height - plotTop - BELOW_PLOT_PX);
  const plotBottom = plotTop + plotHeight;

  const maxCount = Math.max(0, ...cycles.flatMap((c) => Object.values(c.count502)));
  const ticks = countTicks(maxCount);
  const yMax = ticks[ticks.length - 1];
  return {
    barPx,
    width,
    height,
    labels,
    legendColumnPx,
    legendColumns,
    legendRows,
    plotTop,
    plotHeight,
    plotBottom,
    plotRight: width - MARGIN.right,
    ticks,
    // The tallest bar stops short of the top, leaving room for its count and the ▼ of a first 502.
    y: (count: number) => plotBottom - (count / yMax) * (plotHeight - LABEL_HEADROOM_PX),
    labelPx: Math.max(8, Math.min(11, barPx - 1)),
  };
}

/** Legend: key letter, colour, name, total and first 502 — the whole chart in one glance, without colour. */
function legendOf(input: CycleBarsInput, totals: Record<string, number>, l: Layout): string[] {
  const { variants, cycles } = input;
  const legend = variants.map((v, i) => {
    const x = MARGIN.left + (i % l.legendColumns) * l.legendColumnPx;
    const top = 34 + Math.floor(i / l.legendColumns) * LEGEND_ROW_PX;
    return el(
      'g',
      { 'data-legend-variant': v, 'data-total502': totals[v] },
      el('rect', { x, y: top, width: 12, height: 12, fill: colourOf(i) }),
      text(x + 18, top + 11, l.labels[i]),
    );
  });
  const noteTop = 34 + (l.legendRows - 1) * LEGEND_ROW_PX + 11;
  // Only the marks this chart has are explained.
  const note = [
    ...(variants.some((v) => input.firstHit[v]) ? ['▼ first 502 of a variant'] : []),
    ...Object.entries(KIND_CODE)
      .filter(([kind]) => cycles.some((c) => c.kind === kind))
      .map(([kind, code]) => `${code} = ${kind === 'naive' ? 'naive cycle (bench)' : `${kind} cycle`}`),
    'letters under bars = variant',
  ];
  return [
    el('g', { 'data-role': 'legend' }, ...legend),
    text(MARGIN.left, noteTop, note.join(' · '), { fill: MUTED, 'font-size': 11 }),
  ];
}

/** Count axis with integer ticks, and its title. */
function countAxis(l: Layout): string[] {
  const axis = l.ticks.map((t) =>
    el(
      'g',
      {},
      el('line', { x1: MARGIN.left, x2: l.plotRight, y1: round1(l.y(t)), y2: round1(l.y(t)), stroke: GRID }),
      text(MARGIN.left - 6, l.y(t) + 4, t, { 'text-anchor': 'end', fill: MUTED, 'font-size': 11 }),
    ),
  );
  return [
    el('g', { 'data-role': 'y-axis' }, ...axis),
    text(14, l.plotTop + l.plotHeight / 2, '502s', {
      transform: `rotate(-90 14 ${round1(l.plotTop + l.plotHeight / 2)})`,
      'text-anchor': 'middle',
      fill: MUTED,
      'font-size': 12,
    }),
  ];
}

/** Where the lanes change, a divider: lanes restart their cycle numbers, so it says where the next lane begins. */
function laneDivider(x: number, lane: string, l: Layout): string[] {
  const divider = x - GROUP_GAP_PX / 2;
  return [
    el('line', {
      x1: round1(divider),
      x2: round1(divider),
      y1: l.plotTop - 6,
      y2: l.plotBottom + 40,
      stroke: MUTED,
      'stroke-dasharray': '4 3',
    }),
    text(divider + 4, l.plotTop - 2, `${lane} lane →`, { fill: MUTED, 'font-size': 11 }),
  ];
}

/** One variant's bar in a cycle: the bar, its count above it, the ▼ of its first 502, its key letter below. */
function bar(
  c: CycleBarsInput['cycles'][number],
  v: string,
  i: number,
  barX: number,
  isFirst: boolean,
  l: Layout,
): string[] {
  const count = c.count502[v] ?? 0;
  const top = count === 0 ? l.plotBottom - 1.5 : l.y(count);
  const centre = barX + l.barPx / 2;
  return [
    el(
      'rect',
      {
        x: round1(barX),
        y: round1(top),
        width: round1(l.barPx),
        height: round1(l.plotBottom - top),
        fill: colourOf(i),
        'data-cycle': c.cycle,
        'data-lane': c.lane,
        'data-variant': v,
        'data-count502': count,
        'data-first-hit': isFirst ? 'true' : undefined,
      },
      el(
        'title',
        {},
        esc(`cycle ${c.cycle} (${c.lane} lane, ${c.kind}), ${v}: ${count} × 502${isFirst ? ' — its first' : ''}`),
      ),
    ),
    text(centre, top - 3, count, { 'text-anchor': 'middle', 'font-size': l.labelPx, 'data-role': 'count' }),
    ...(isFirst
      ? [
          text(centre, top - 3 - l.labelPx - 2, '▼', {
            'text-anchor': 'middle',
            'font-size': 12,
            'data-role': 'first-hit',
            'data-variant': v,
          }),
        ]
      : []),
    text(centre, l.plotBottom + 13, keyOf(i), {
      'text-anchor': 'middle',
      fill: MUTED,
      'font-size': Math.min(11, l.labelPx),
    }),
  ];
}

/** One group per cycle, left to right, each variant's bar in it, its number and kind below. */
function cycleGroups(input: CycleBarsInput, l: Layout): string[] {
  const { variants } = input;
  // The first 502 of each variant is drawn in the first cycle with its number that ran the variant.
  const firstMarked = new Set<string>();
  const groups: string[] = [];
  let x = MARGIN.left + GROUP_GAP_PX / 2;
  let previousLane: string | null = null;
  for (const c of input.cycles) {
    const inCycle = variantsIn(c, variants);
    const groupWidth = inCycle.length * l.barPx + Math.max(0, inCycle.length - 1) * BAR_GAP_PX;
    const group = previousLane !== null && previousLane !== c.lane ? laneDivider(x, c.lane, l) : [];
    previousLane = c.lane;
    inCycle.forEach((v, j) => {
      const isFirst = !firstMarked.has(v) && input.firstHit[v]?.cycle === c.cycle && (c.count502[v] ?? 0) > 0;
      if (isFirst) firstMarked.add(v);
      group.push(...bar(c, v, variants.indexOf(v), x + j * (l.barPx + BAR_GAP_PX), isFirst, l));
    });
    const centre = x + groupWidth / 2;
    group.push(text(centre, l.plotBottom + 30, c.cycle, { 'text-anchor': 'middle', 'font-size': 12 }));
    const code = KIND_CODE[c.kind];
    if (code)
      group.push(text(centre, l.plotBottom + 44, code, { 'text-anchor': 'middle', fill: MUTED, 'font-size': 11 }));
    groups.push(el('g', { 'data-cycle-group': c.cycle, 'data-lane': c.lane, 'data-kind': c.kind }, ...group));
    x += groupWidth + GROUP_GAP_PX;
  }
  return groups;
}

/** Grouped bars, one group per cycle, one bar per variant, with every count written above its bar. */
export function cycleBarsSvg(input: CycleBarsInput): string {
  const totals = totalsOf(input);
  const l = layoutOf(input, totals);
  const middleX = MARGIN.left + (l.plotRight - MARGIN.left) / 2;
  return svgRoot(
    {
      chart: 'cycles',
      width: l.width,
      height: l.height,
      title: '502s per cycle, per variant',
      desc: describe(input, totals),
    },
    text(MARGIN.left, 22, '502s per cycle, per variant', { 'font-size': 16, 'font-weight': 'bold' }),
    ...legendOf(input, totals, l),
    ...countAxis(l),
    ...(input.cycles.length === 0
      ? [
          text(middleX, l.plotTop + l.plotHeight / 2, 'No cycles yet', {
            'text-anchor': 'middle',
            fill: MUTED,
            'font-size': 16,
            'data-role': 'empty',
          }),
        ]
      : []),
    ...cycleGroups(input, l),
    el('line', { x1: MARGIN.left, x2: l.plotRight, y1: l.plotBottom, y2: l.plotBottom, stroke: MUTED }),
    text(middleX, l.height - 8, 'cycle', { 'text-anchor': 'middle', fill: MUTED, 'font-size': 12 }),
  );
}
