// Chart d: who closed each upstream connection, per variant: one stacked bar
// each, on one shared scale (so a variant with more connections has a longer
// bar), every segment's count written in it or, when too narrow, in the line below.
import { CLOSED_BY_SEGMENTS, type ClosedByRow } from './chart-data.js';
import { el, esc, MUTED, round1, svgRoot, text } from './svg.js';

const WIDTH_PX = 900;
const ROW_PX = 54;
const BAR_PX = 22;
const TOP_PX = 70;
/** The app's close is the race; the LB's its absence. */
const SEGMENT_COLOUR: Record<(typeof CLOSED_BY_SEGMENTS)[number]['key'], string> = {
  app: '#D55E00',
  lbDuringTraffic: '#0072B2',
  lbAtShutdown: '#56B4E9',
  reset: '#CC79A7',
  open: '#bdbdbd',
};
const CHAR_PX = 7.2;
const MIN_LABEL_SEGMENT_PX = 26;

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
        ? text(x + w / 2, top + 16, r[s.key], {
            'text-anchor': 'middle',
            'font-size': 12,
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
  const labelPx = Math.min(360, Math.max(90, ...rows.map((r) => r.variant.length * CHAR_PX + 16)));
  const barLeft = labelPx + 8;
  const barRight = WIDTH_PX - 24;
  const maxTotal = Math.max(1, ...rows.map((r) => CLOSED_BY_SEGMENTS.reduce((n, s) => n + r[s.key], 0)));
  const scale = (barRight - barLeft) / maxTotal;
  const height = TOP_PX + Math.max(1, rows.length) * ROW_PX + 16;
  const legend = CLOSED_BY_SEGMENTS.map((s, i) =>
    el(
      'g',
      { 'data-legend-closed-by': s.key },
      el('rect', { x: 16 + i * 150, y: 36, width: 12, height: 12, fill: SEGMENT_COLOUR[s.key] }),
      text(34 + i * 150, 47, s.label, { 'font-size': 12 }),
    ),
  );
  const bars = rows.map((r, i) => {
    const top = TOP_PX + i * ROW_PX;
    return el(
      'g',
      { 'data-closed-by-row': r.variant, 'data-total': r.total },
      text(labelPx, top + 16, r.variant, { 'text-anchor': 'end', 'font-size': 13 }),
      ...barOf(r, top, barLeft, scale),
      r.total === 0 ? text(barLeft, top + 16, 'no upstream connection recorded', { 'font-size': 12, fill: MUTED }) : '',
      text(barLeft, top + BAR_PX + 16, closedByWords(r), { 'font-size': 11, fill: MUTED, 'data-role': 'counts' }),
    );
  });
  const desc = rows.length === 0 ? 'No variants.' : rows.map((r) => `${r.variant}: ${closedByWords(r)}`).join('; ');
  return svgRoot(
    { chart: 'closed-by', width: WIDTH_PX, height, title: 'Who closed each upstream connection, per variant', desc },
    text(16, 22, 'Who closed each upstream connection, per variant', { 'font-size': 16, 'font-weight': 'bold' }),
    el('g', { 'data-role': 'legend' }, ...legend),
    ...bars,
  );
}
