// Chart e, the matrix at a glance: one square per cell (rows: app variants
// under their LB, columns: request methods), its verdict as a word AND as its
// tone's colour, with its boundary requests' failures out of them ('7 × 502 / 96').
// Drawn for the report's first screen: a default matrix's 19 rows, under the
// verdict, fit 1,080 px with the legend beside the squares (above them only
// when the columns leave no room beside).
import { TONE_OF, VERDICT_MEANING, VERDICT_WORDS, type VerdictTone, type VerdictWord } from '../../model/verdict.js';
import type { MatrixGrid } from './chart-data.js';
import { el, esc, MUTED, round1, svgRoot, text } from './svg.js';

const MIN_CELL_W_PX = 300;
const CELL_H_PX = 28;
const GAP_PX = 3;
const GROUP_HEAD_PX = 26;
const LEFT_PX = 16;
/** About one character's width at the squares' 15 px, and at the outcome word's bold capitals. */
const CHAR_PX = 8.4;
const OUTCOME_PX = 134;
/** The widest the chart grows: a 1,920-px slide less the page's margins (as the cycle chart). */
const MAX_WIDTH_PX = 1880;
/** The legend beside the squares: its meanings wrapped to this width at 14 px (about 7.6 px a character). */
const LEGEND_TEXT_PX = 440;
const LEGEND_CHAR_PX = 7.6;
const LEGEND_LINE_PX = 19;
const LEGEND_SWATCH_PX = 22;
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

/** Words as lines of at most `widthPx` at the legend's size. */
function wrap(words: string, widthPx: number): string[] {
  const lines: string[] = [];
  for (const word of words.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last].length + 1 + word.length) * LEGEND_CHAR_PX <= widthPx) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * What each word the squares say means (model/verdict.ts VERDICT_MEANING), in its order, from (x, top): beside the
 * squares, the word over its meaning's lines; above them (`inline`), the meaning on the word's line.
 */
function legend(
  words: readonly VerdictWord[],
  x: number,
  top: number,
  inline: boolean,
): { svg: string; height: number; width: number } {
  let y = top;
  let width = 0;
  const items = words.map((w) => {
    const meaning = inline ? [VERDICT_MEANING[w]] : wrap(VERDICT_MEANING[w], LEGEND_TEXT_PX);
    const textX = inline ? x + LEGEND_SWATCH_PX + OUTCOME_PX : x + LEGEND_SWATCH_PX;
    const firstMeaningY = inline ? y + 12 : y + 12 + LEGEND_LINE_PX;
    width = Math.max(width, textX - x + Math.max(...meaning.map((l) => l.length)) * LEGEND_CHAR_PX);
    const item = el(
      'g',
      { 'data-legend-word': w },
      el('rect', {
        x,
        y,
        width: 14,
        height: 14,
        fill: TONE_STYLE[TONE_OF[w]].fill,
        stroke: TONE_STYLE[TONE_OF[w]].stroke,
        'stroke-width': 2,
      }),
      text(x + LEGEND_SWATCH_PX, y + 12, w, { 'font-size': 14, 'font-weight': 'bold' }),
      ...meaning.map((line, i) =>
        text(textX, firstMeaningY + i * LEGEND_LINE_PX, line, { 'font-size': 14, fill: MUTED }),
      ),
    );
    y = firstMeaningY + (meaning.length - 1) * LEGEND_LINE_PX + (inline ? 10 : 16);
    return item;
  });
  return { svg: el('g', { 'data-role': 'legend' }, ...items), height: y - top, width };
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
    text(x + 10, y + 19, c.word, { 'font-size': 15, 'font-weight': 'bold', 'data-role': 'outcome' }),
    text(x + 10 + OUTCOME_PX, y + 19, c.label, { 'font-size': 15, 'data-role': 'counts' }),
    c.masked > 0
      ? text(x + 10 + OUTCOME_PX + (c.label.length + 1) * CHAR_PX, y + 19, `· ${c.masked} retried by the LB`, {
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

/** Chart e as an SVG: the rows under their LB's name when the run had several, the legend beside them. */
export function matrixGridSvg(grid: MatrixGrid): string {
  const rows = groupedRows(grid);
  const words = VERDICT_WORDS.filter((w) => grid.cells.some((c) => c.word === w));
  const labelPx = Math.max(120, ...rows.map((r) => r.variant.length * CHAR_PX + 16));
  const left = LEFT_PX + labelPx;
  const cellPx = Math.max(MIN_CELL_W_PX, ...grid.cells.map((c) => OUTCOME_PX + 24 + countsWords(c).length * CHAR_PX));
  const squaresRight = left + grid.columns.length * (cellPx + GAP_PX);
  const legendX = squaresRight + 28;
  const beside = legend(words, legendX, 0, false);
  // Beside the squares when it fits a slide's width; above them otherwise, one line a word.
  const isBeside = legendX + beside.width + 16 <= MAX_WIDTH_PX;
  const above = isBeside ? null : legend(words, LEFT_PX, 46, true);
  const headY = above === null ? 62 : 46 + above.height + 20;
  let y = headY + 10;
  const rowsTop = y;
  const rowTop = new Map<string, number>();
  const groups: string[] = [];
  const width = isBeside
    ? legendX + beside.width + 16
    : Math.max(LEFT_PX + (above?.width ?? 0) + 16, squaresRight + 16);
  rows.forEach((r, i) => {
    if (grid.manyLbs && (i === 0 || rows[i - 1].lb !== r.lb)) {
      groups.push(
        el(
          'g',
          { 'data-lb-group': r.lb },
          el('line', { x1: LEFT_PX, x2: squaresRight, y1: y + 3, y2: y + 3, stroke: '#d9d9d9' }),
          text(LEFT_PX, y + 20, r.lb, { 'font-size': 17, 'font-weight': 'bold' }),
        ),
      );
      y += GROUP_HEAD_PX;
    }
    rowTop.set(r.variant, y);
    y += CELL_H_PX + GAP_PX;
  });
  const legendSvg = above === null ? legend(words, legendX, rowsTop, false).svg : above.svg;
  const height = Math.max(y, isBeside ? rowsTop + beside.height : 0) + 12;
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
    text(LEFT_PX, 28, 'The matrix: outcome per cell (boundary requests: failed / sent)', {
      'font-size': 20,
      'font-weight': 'bold',
    }),
    legendSvg,
    ...heads,
    ...groups,
    ...labels,
    ...squares,
  );
}
