// Chart e, the matrix at a glance: one square per cell (rows: app variants,
// columns: request methods), its outcome as a colour AND as a word, with what
// the client saw out of the boundary requests ('7 × 502 / 96').
import type { CellOutcome } from '../../results/schema.js';
import type { MatrixGrid } from './chart-data.js';
import { el, esc, MUTED, round1, svgRoot, text } from './svg.js';

const CELL_W_PX = 190;
const CELL_H_PX = 66;
const GAP_PX = 6;
const TOP_PX = 150;
const CHAR_PX = 7.2;
/** Light fills keep the words legible on screen and in greyscale print; the border carries the strong colour. */
export const OUTCOME_STYLE: Record<CellOutcome, { fill: string; stroke: string; meaning: string }> = {
  reproduced: {
    fill: '#f8d3bf',
    stroke: '#D55E00',
    meaning: 'the client saw the race: a gateway error, or a connection dropped at an app close',
  },
  safe: {
    fill: '#c7eadc',
    stroke: '#009E73',
    meaning: "enough boundary requests, no failure, and the app closed none of the LB's idle connections",
  },
  masked: {
    fill: '#fbe7b5',
    stroke: '#E69F00',
    meaning: 'no failure to the client, but the LB retried or logged the race',
  },
  inconclusive: {
    fill: '#e6e6e6',
    stroke: '#7a7a7a',
    meaning: 'too few boundary requests, other client errors, or the race there and not hit',
  },
};

const OUTCOMES = Object.keys(OUTCOME_STYLE) as CellOutcome[];

/** Each outcome's colours and name, then what it means, one line each. */
function legend(): string[] {
  return [
    el(
      'g',
      { 'data-role': 'legend' },
      ...OUTCOMES.map((o, i) =>
        el(
          'g',
          { 'data-legend-outcome': o },
          el('rect', {
            x: 16 + i * 175,
            y: 34,
            width: 14,
            height: 14,
            fill: OUTCOME_STYLE[o].fill,
            stroke: OUTCOME_STYLE[o].stroke,
            'stroke-width': 2,
          }),
          text(36 + i * 175, 46, o, { 'font-size': 12, 'font-weight': 'bold' }),
        ),
      ),
    ),
    ...OUTCOMES.map((o, i) =>
      text(16, 70 + i * 16, `${o}: ${OUTCOME_STYLE[o].meaning}`, { 'font-size': 11, fill: MUTED }),
    ),
  ];
}

/** One cell's square at (x, y): its outcome in colour and in a word, what the client saw, the LB's retries. */
function square(c: MatrixGrid['cells'][number], x: number, y: number): string {
  const style = OUTCOME_STYLE[c.outcome];
  return el(
    'g',
    { 'data-cell': c.name, 'data-outcome': c.outcome, 'data-variant': c.variant, 'data-method': c.method },
    el(
      'rect',
      {
        x: round1(x),
        y: round1(y),
        width: CELL_W_PX,
        height: CELL_H_PX,
        rx: 4,
        fill: style.fill,
        stroke: style.stroke,
        'stroke-width': 2,
        'data-role': 'cell-square',
      },
      el(
        'title',
        {},
        esc(`${c.name}: ${c.outcome} — ${c.label}${c.masked > 0 ? `, ${c.masked} retried by the LB` : ''}`),
      ),
    ),
    text(x + 10, y + 22, c.outcome.toUpperCase(), { 'font-size': 13, 'font-weight': 'bold', 'data-role': 'outcome' }),
    text(x + 10, y + 42, c.label, { 'font-size': 13, 'data-role': 'counts' }),
    c.masked > 0 ? text(x + 10, y + 58, `${c.masked} retried by the LB`, { 'font-size': 11, fill: MUTED }) : '',
  );
}

/** Chart e as an SVG. */
export function matrixGridSvg(grid: MatrixGrid): string {
  const rowLabel = (r: MatrixGrid['rows'][number]) => (grid.manyLbs ? `${r.variant} (${r.lb})` : r.variant);
  const labelPx = Math.max(120, ...grid.rows.map((r) => rowLabel(r).length * CHAR_PX + 16));
  const left = labelPx + 8;
  const width = Math.max(720, left + grid.columns.length * (CELL_W_PX + GAP_PX) + 16);
  const height = TOP_PX + grid.rows.length * (CELL_H_PX + GAP_PX) + 24;
  const heads = grid.columns.map((m, j) =>
    text(left + j * (CELL_W_PX + GAP_PX) + CELL_W_PX / 2, TOP_PX - 10, m, {
      'text-anchor': 'middle',
      'font-weight': 'bold',
    }),
  );
  const rows = grid.rows.map((r, i) =>
    text(labelPx, TOP_PX + i * (CELL_H_PX + GAP_PX) + CELL_H_PX / 2 + 5, rowLabel(r), {
      'text-anchor': 'end',
      'font-size': 13,
    }),
  );
  const squares = grid.cells.map((c) =>
    square(
      c,
      left + grid.columns.indexOf(c.method) * (CELL_W_PX + GAP_PX),
      TOP_PX + grid.rows.findIndex((r) => r.variant === c.variant) * (CELL_H_PX + GAP_PX),
    ),
  );
  const desc =
    grid.cells.length === 0 ? 'No cells.' : grid.cells.map((c) => `${c.name}: ${c.outcome}, ${c.label}`).join('; ');
  return svgRoot(
    { chart: 'matrix', width, height, title: 'The matrix: one square per cell, by outcome', desc },
    text(16, 22, 'The matrix: outcome per cell (what the client saw / boundary requests)', {
      'font-size': 16,
      'font-weight': 'bold',
    }),
    ...legend(),
    ...heads,
    ...rows,
    ...squares,
  );
}
