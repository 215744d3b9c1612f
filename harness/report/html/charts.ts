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

/** Grouped bars, one group per cycle, one bar per variant, with every count written above its bar. */
export function cycleBarsSvg(input: CycleBarsInput): string {
  const { variants, cycles } = input;
  const totals = totalsOf(input);
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
  const plotRight = width - MARGIN.right;

  const maxCount = Math.max(0, ...cycles.flatMap((c) => Object.values(c.count502)));
  const ticks = countTicks(maxCount);
  const yMax = ticks[ticks.length - 1];
  // The tallest bar stops short of the top, leaving room for its count and the ▼ of a first 502.
  const y = (count: number) => plotBottom - (count / yMax) * (plotHeight - LABEL_HEADROOM_PX);
  const labelPx = Math.max(8, Math.min(11, barPx - 1));

  const parts: string[] = [
    text(MARGIN.left, 22, '502s per cycle, per variant', { 'font-size': 16, 'font-weight': 'bold' }),
  ];

  // Legend: key letter, colour, name, total and first 502 — the whole chart in one glance, without colour.
  const legend = variants.map((v, i) => {
    const x = MARGIN.left + (i % legendColumns) * legendColumnPx;
    const top = 34 + Math.floor(i / legendColumns) * LEGEND_ROW_PX;
    const label = labels[i];
    return el(
      'g',
      { 'data-legend-variant': v, 'data-total502': totals[v] },
      el('rect', { x, y: top, width: 12, height: 12, fill: colourOf(i) }),
      text(x + 18, top + 11, label),
    );
  });
  parts.push(el('g', { 'data-role': 'legend' }, ...legend));
  const noteTop = 34 + (legendRows - 1) * LEGEND_ROW_PX + 11;
  // Only the marks this chart has are explained.
  const note = [
    ...(variants.some((v) => input.firstHit[v]) ? ['▼ first 502 of a variant'] : []),
    ...Object.entries(KIND_CODE)
      .filter(([kind]) => cycles.some((c) => c.kind === kind))
      .map(([kind, code]) => `${code} = ${kind === 'naive' ? 'naive cycle (bench)' : `${kind} cycle`}`),
    'letters under bars = variant',
  ];
  parts.push(text(MARGIN.left, noteTop, note.join(' · '), { fill: MUTED, 'font-size': 11 }));

  // Count axis with integer ticks.
  const axis = ticks.map((t) =>
    el(
      'g',
      {},
      el('line', { x1: MARGIN.left, x2: plotRight, y1: round1(y(t)), y2: round1(y(t)), stroke: GRID }),
      text(MARGIN.left - 6, y(t) + 4, t, { 'text-anchor': 'end', fill: MUTED, 'font-size': 11 }),
    ),
  );
  parts.push(el('g', { 'data-role': 'y-axis' }, ...axis));
  parts.push(
    text(14, plotTop + plotHeight / 2, '502s', {
      transform: `rotate(-90 14 ${round1(plotTop + plotHeight / 2)})`,
      'text-anchor': 'middle',
      fill: MUTED,
      'font-size': 12,
    }),
  );

  if (cycles.length === 0) {
    parts.push(
      text(MARGIN.left + (plotRight - MARGIN.left) / 2, plotTop + plotHeight / 2, 'No cycles yet', {
        'text-anchor': 'middle',
        fill: MUTED,
        'font-size': 16,
        'data-role': 'empty',
      }),
    );
  }

  // The first 502 of each variant is drawn in the first cycle with its number that ran the variant.
  const firstMarked = new Set<string>();
  let x = MARGIN.left + GROUP_GAP_PX / 2;
  let previousLane: string | null = null;
  for (const c of cycles) {
    const inCycle = variantsIn(c, variants);
    const groupWidth = inCycle.length * barPx + Math.max(0, inCycle.length - 1) * BAR_GAP_PX;
    const group: string[] = [];
    if (previousLane !== null && previousLane !== c.lane) {
      // Lanes restart their cycle numbers: the divider says where the next lane begins.
      const divider = x - GROUP_GAP_PX / 2;
      group.push(
        el('line', {
          x1: round1(divider),
          x2: round1(divider),
          y1: plotTop - 6,
          y2: plotBottom + 40,
          stroke: MUTED,
          'stroke-dasharray': '4 3',
        }),
      );
      group.push(text(divider + 4, plotTop - 2, `${c.lane} lane →`, { fill: MUTED, 'font-size': 11 }));
    }
    previousLane = c.lane;
    inCycle.forEach((v, j) => {
      const i = variants.indexOf(v);
      const count = c.count502[v] ?? 0;
      const barX = x + j * (barPx + BAR_GAP_PX);
      const top = count === 0 ? plotBottom - 1.5 : y(count);
      const isFirst = !firstMarked.has(v) && input.firstHit[v]?.cycle === c.cycle && count > 0;
      if (isFirst) firstMarked.add(v);
      group.push(
        el(
          'rect',
          {
            x: round1(barX),
            y: round1(top),
            width: round1(barPx),
            height: round1(plotBottom - top),
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
      );
      group.push(
        text(barX + barPx / 2, top - 3, count, { 'text-anchor': 'middle', 'font-size': labelPx, 'data-role': 'count' }),
      );
      if (isFirst)
        group.push(
          text(barX + barPx / 2, top - 3 - labelPx - 2, '▼', {
            'text-anchor': 'middle',
            'font-size': 12,
            'data-role': 'first-hit',
            'data-variant': v,
          }),
        );
      group.push(
        text(barX + barPx / 2, plotBottom + 13, keyOf(i), {
          'text-anchor': 'middle',
          fill: MUTED,
          'font-size': Math.min(11, labelPx),
        }),
      );
    });
    const centre = x + groupWidth / 2;
    group.push(text(centre, plotBottom + 30, c.cycle, { 'text-anchor': 'middle', 'font-size': 12 }));
    const code = KIND_CODE[c.kind];
    if (code)
      group.push(text(centre, plotBottom + 44, code, { 'text-anchor': 'middle', fill: MUTED, 'font-size': 11 }));
    parts.push(el('g', { 'data-cycle-group': c.cycle, 'data-lane': c.lane, 'data-kind': c.kind }, ...group));
    x += groupWidth + GROUP_GAP_PX;
  }
  parts.push(el('line', { x1: MARGIN.left, x2: plotRight, y1: plotBottom, y2: plotBottom, stroke: MUTED }));
  parts.push(
    text(MARGIN.left + (plotRight - MARGIN.left) / 2, height - 8, 'cycle', {
      'text-anchor': 'middle',
      fill: MUTED,
      'font-size': 12,
    }),
  );

  return svgRoot(
    { chart: 'cycles', width, height, title: '502s per cycle, per variant', desc: describe(input, totals) },
    ...parts,
  );
}
