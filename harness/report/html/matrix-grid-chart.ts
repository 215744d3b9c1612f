// Chart e, the matrix at a glance: one square per cell (rows: app variants
// under their LB, columns: request methods), its verdict as a word AND as its
// tone's colour, with what the client saw out of the boundary requests ('7 × 502 / 96').
import { TONE_OF, VERDICT_MEANING, VERDICT_WORDS, type VerdictTone, type VerdictWord } from '../../model/verdict.js';
import type { MatrixGrid } from './chart-data.js';
import { el, esc, MUTED, round1, svgRoot, text } from './svg.js';

const MIN_CELL_W_PX = 300;
const CELL_H_PX = 34;
const GAP_PX = 4;
const GROUP_HEAD_PX = 30;
const LEFT_PX = 16;
/** About one character's width at the squares' 15 px, and at the outcome word's bold capitals. */
const CHAR_PX = 8.4;
const OUTCOME_PX = 134;
/**
 * A square's colours by its verdict's tone (model/verdict.ts TONE_OF: no colour of the chart's own); light fills keep
 * the words legible on screen and in greyscale print, the border carries the strong colour. The word tells apart the
 * words of one tone (MASKED, INCONCLUSIVE).
 */
export const TONE_STYLE: Record<VerdictTone, { fill: string; stroke: string }> = {
  bad: { fill: '#f8d3bf', stroke: '#D55E00' },
  good: { fill: '#c7eadc', stroke: '#009E73' },
  warn: { fill: '#fbe7b5', stroke: '#E69F00' },
};

/** What each word the squares say means, one line each (model/verdict.ts VERDICT_MEANING), in its order. */
function meanings(words: readonly VerdictWord[]): string[] {
  return words.map((w, i) =>
    el(
      'g',
      { 'data-legend-word': w },
      el('rect', {
        x: LEFT_PX,
        y: 46 + i * 22,
        width: 14,
        height: 14,
        fill: TONE_STYLE[TONE_OF[w]].fill,
        stroke: TONE_STYLE[TONE_OF[w]].stroke,
        'stroke-width': 2,
      }),
      text(LEFT_PX + 22, 58 + i * 22, w, { 'font-size': 14, 'font-weight': 'bold' }),
      text(LEFT_PX + 22 + OUTCOME_PX, 58 + i * 22, VERDICT_MEANING[w], { 'font-size': 14, fill: MUTED }),
    ),
  );
}

/** What a square says after its outcome: what the client saw / boundary requests, and the LB's retries. */
function countsWords(c: MatrixGrid['cells'][number]): string {
  return `${c.label}${c.masked > 0 ? ` · ${c.masked} retried by the LB` : ''}`;
}

/** One cell's square at (x, y): its outcome in colour and in a word, what the client saw, the LB's retries. */
function square(c: MatrixGrid['cells'][number], x: number, y: number, widthPx: number): string {
  const style = TONE_STYLE[c.tone];
  return el(
    'g',
    { 'data-cell': c.name, 'data-outcome': c.outcome, 'data-variant': c.variant, 'data-method': c.method },
    el(
      'rect',
      {
        x: round1(x),
        y: round1(y),
        width: round1(widthPx),
        height: CELL_H_PX,
        rx: 4,
        fill: style.fill,
        stroke: style.stroke,
        'stroke-width': 2,
        'data-role': 'cell-square',
      },
      el('title', {}, esc(`${c.name}: ${c.word} — ${countsWords(c)}`)),
    ),
    text(x + 10, y + 23, c.word, { 'font-size': 15, 'font-weight': 'bold', 'data-role': 'outcome' }),
    text(x + 10 + OUTCOME_PX, y + 23, c.label, { 'font-size': 15, 'data-role': 'counts' }),
    c.masked > 0
      ? text(x + 10 + OUTCOME_PX + (c.label.length + 1) * CHAR_PX, y + 23, `· ${c.masked} retried by the LB`, {
          'font-size': 14,
          fill: MUTED,
        })
      : '',
  );
}

/** The rows grouped by LB, in the order the LBs first appear, each group's rows in the run's order. */
function groupedRows(grid: MatrixGrid): MatrixGrid['rows'] {
  const lbs = [...new Set(grid.rows.map((r) => r.lb))];
  return lbs.flatMap((lb) => grid.rows.filter((r) => r.lb === lb));
}

/** Chart e as an SVG: the rows under their LB's name when the run had several. */
export function matrixGridSvg(grid: MatrixGrid): string {
  const rows = groupedRows(grid);
  const words = VERDICT_WORDS.filter((w) => grid.cells.some((c) => c.word === w));
  const labelPx = Math.max(120, ...rows.map((r) => r.variant.length * CHAR_PX + 16));
  const left = LEFT_PX + labelPx;
  const cellPx = Math.max(MIN_CELL_W_PX, ...grid.cells.map((c) => OUTCOME_PX + 24 + countsWords(c).length * CHAR_PX));
  const width = Math.max(
    LEFT_PX + 22 + OUTCOME_PX + Math.max(0, ...words.map((w) => VERDICT_MEANING[w].length)) * 7.6 + 16,
    left + grid.columns.length * (cellPx + GAP_PX) + 16,
  );
  const headY = 58 + words.length * 22 + 24;
  let y = headY + 12;
  const rowTop = new Map<string, number>();
  const groups: string[] = [];
  rows.forEach((r, i) => {
    if (grid.manyLbs && (i === 0 || rows[i - 1].lb !== r.lb)) {
      groups.push(
        el(
          'g',
          { 'data-lb-group': r.lb },
          el('line', { x1: LEFT_PX, x2: width - 16, y1: y + 4, y2: y + 4, stroke: '#d9d9d9' }),
          text(LEFT_PX, y + 23, r.lb, { 'font-size': 17, 'font-weight': 'bold' }),
        ),
      );
      y += GROUP_HEAD_PX;
    }
    rowTop.set(r.variant, y);
    y += CELL_H_PX + GAP_PX;
  });
  const height = y + 16;
  const heads = grid.columns.map((m, j) =>
    text(left + j * (cellPx + GAP_PX) + cellPx / 2, headY, m, {
      'text-anchor': 'middle',
      'font-size': 16,
      'font-weight': 'bold',
    }),
  );
  const labels = rows.map((r) =>
    text(left - 12, (rowTop.get(r.variant) ?? 0) + CELL_H_PX / 2 + 5, r.variant, {
      'text-anchor': 'end',
      'font-size': 15,
    }),
  );
  const squares = grid.cells.map((c) =>
    square(c, left + grid.columns.indexOf(c.method) * (cellPx + GAP_PX), rowTop.get(c.variant) ?? 0, cellPx),
  );
  const desc =
    grid.cells.length === 0 ? 'No cells.' : grid.cells.map((c) => `${c.name}: ${c.word}, ${countsWords(c)}`).join('; ');
  return svgRoot(
    { chart: 'matrix', width, height, title: 'The matrix: one square per cell, by outcome', desc },
    text(LEFT_PX, 30, 'The matrix: outcome per cell (what the client saw / boundary requests)', {
      'font-size': 20,
      'font-weight': 'bold',
    }),
    el('g', { 'data-role': 'legend' }, ...meanings(words)),
    ...heads,
    ...groups,
    ...labels,
    ...squares,
  );
}
