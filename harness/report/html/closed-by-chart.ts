// Chart d: who closed each upstream connection, per variant: one stacked bar
// each, on one shared scale (so a variant with more connections has a longer
// bar), every segment's count written in it when it fits and, for all of them,
// in words beside the bar: one line per variant, so a 19-app matrix fits a slide.
import { CLOSED_BY_SEGMENTS, type ClosedByRow } from './chart-data.js';
import { el, esc, MUTED, round1, svgRoot, text } from './svg.js';

const BAR_WIDTH_PX = 480;
const ROW_PX = 34;
const BAR_PX = 24;
const TOP_PX = 76;
const LEFT_PX = 16;
/** The app's close is the race; the LB's its absence. */
const SEGMENT_COLOUR: Record<(typeof CLOSED_BY_SEGMENTS)[number]['key'], string> = {
  app: '#D55E00',
  lbDuringTraffic: '#0072B2',
  lbAtShutdown: '#56B4E9',
  reset: '#CC79A7',
  open: '#bdbdbd',
};
/** About one character's width at the names' 15 px, and at the words' 14 px. */
const CHAR_PX = 8.4;
const WORDS_CHAR_PX = 7.6;
const MIN_LABEL_SEGMENT_PX = 30;

/** A row's counts in words: 'app 87 · LB 0 · LB at shutdown 8 · reset 0 · still open 0 (95 in all)'. */
export function closedByWords(r: ClosedByRow): string {
  return `${CLOSED_BY_SEGMENTS.map((s) => `${s.label} ${r[s.key]}`).join(' · ')} (${r.total} in all)`;
}

/** One variant's bar: a segment per kind of close it had, on the shared scale, its count in it when it fits. */
function barOf(r: ClosedByRow, top: number, barLeft: number, scale: number): string[] {
  let x = barLeft;
  return CLOSED_BY_SEGMENTS.filter((s) => r[s.key] > 0).map((s) => {
    const w = r[s.key] * scale;
    const seg = el(
      'g',
      {},
      el(
        'rect',
        {
          x: round1(x),
          y: top,
          width: round1(w),
          height: BAR_PX,
          fill: SEGMENT_COLOUR[s.key],
          'data-variant': r.variant,
          'data-closed-by': s.key,
          'data-count': r[s.key],
        },
        el('title', {}, esc(`${r.variant}: ${s.label} ${r[s.key]}`)),
      ),
      w >= MIN_LABEL_SEGMENT_PX
        ? text(x + w / 2, top + 18, r[s.key], {
            'text-anchor': 'middle',
            'font-size': 14,
            'font-weight': 'bold',
            fill: s.key === 'lbDuringTraffic' ? '#ffffff' : '#000000',
          })
        : '',
    );
    x += w;
    return seg;
  });
}

/** Chart d as an SVG. */
export function closedBySvg(rows: readonly ClosedByRow[]): string {
  const labelPx = Math.min(420, Math.max(90, ...rows.map((r) => r.variant.length * CHAR_PX + 16)));
  const barLeft = LEFT_PX + labelPx;
  const barRight = barLeft + BAR_WIDTH_PX;
  const width = Math.max(
    900,
    barRight + 16 + Math.max(0, ...rows.map((r) => closedByWords(r).length * WORDS_CHAR_PX)) + LEFT_PX,
  );
  const maxTotal = Math.max(1, ...rows.map((r) => CLOSED_BY_SEGMENTS.reduce((n, s) => n + r[s.key], 0)));
  const scale = (barRight - barLeft) / maxTotal;
  const height = TOP_PX + Math.max(1, rows.length) * ROW_PX + 16;
  const legend = CLOSED_BY_SEGMENTS.map((s, i) =>
    el(
      'g',
      { 'data-legend-closed-by': s.key },
      el('rect', { x: LEFT_PX + i * 190, y: 42, width: 14, height: 14, fill: SEGMENT_COLOUR[s.key] }),
      text(LEFT_PX + 20 + i * 190, 54, s.label, { 'font-size': 14 }),
    ),
  );
  const bars = rows.map((r, i) => {
    const top = TOP_PX + i * ROW_PX;
    return el(
      'g',
      { 'data-closed-by-row': r.variant, 'data-total': r.total },
      text(barLeft - 10, top + 18, r.variant, { 'text-anchor': 'end', 'font-size': 15 }),
      ...barOf(r, top, barLeft, scale),
      r.total === 0 ? text(barLeft, top + 18, 'no upstream connection recorded', { 'font-size': 14, fill: MUTED }) : '',
      text(barRight + 16, top + 18, closedByWords(r), { 'font-size': 14, fill: MUTED, 'data-role': 'counts' }),
    );
  });
  const desc = rows.length === 0 ? 'No variants.' : rows.map((r) => `${r.variant}: ${closedByWords(r)}`).join('; ');
  return svgRoot(
    { chart: 'closed-by', width, height, title: 'Who closed each upstream connection, per variant', desc },
    text(LEFT_PX, 28, 'Who closed each upstream connection, per variant', { 'font-size': 20, 'font-weight': 'bold' }),
    el('g', { 'data-role': 'legend' }, ...legend),
    ...bars,
  );
}
