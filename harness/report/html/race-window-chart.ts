// Chart b, the race window: how many aimed requests were sent at each planned
// offset from the predicted close and how many of them failed; beneath it,
// on its own scale, where the hits and the window sit against the app's real
// closes (raceWindow.model), which can be far wider than the aim's few ms:
// before the close for as long as the app's event loop was busy past its
// timer (the request lay unread), after it while the FIN was in flight.
import type { RaceWindowData } from './chart-data.js';
import { countTicks, el, esc, GRID, HALO, INK, MUTED, round1, svgRoot, text } from './svg.js';

const WIDTH_PX = 900;
const MARGIN = { left: 56, right: 24 };
const PLOT_TOP_PX = 64;
const PLOT_HEIGHT_PX = 200;
const SENT_FILL = '#d0d0d0';
const HIT_FILL = '#D55E00';
const WINDOW_FILL = '#56B4E9';

const signed = (v: number, digits = 1) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(digits)}`;

function describe(d: RaceWindowData): string {
  const sent = d.bins.reduce((n, b) => n + b.sent, 0);
  const hit = d.bins.reduce((n, b) => n + b.hit, 0);
  const bins = d.bins.map((b) => `${signed(b.offsetMs, 0)} ms: ${b.hit} of ${b.sent} failed`).join('; ');
  const model = !d.modelPresent
    ? 'This summary predates the measured window (schema v5).'
    : d.windowMs === null
      ? 'No hit met a close: no window to draw.'
      : `Against the app's real closes the window runs from ${signed(d.windowMs.from)} to ${signed(d.windowMs.to)} ms (${d.windowMs.width.toFixed(1)} ms wide): ${windowWords(d.windowMs)}.${writtenWords(d)}`;
  const hits =
    d.hitsMs === null
      ? ''
      : ` Hits arrived ${signed(d.hitsMs.min)} … ${signed(d.hitsMs.max)} ms from the close they met (median ${signed(d.hitsMs.median)}).`;
  return `${d.variant}: ${sent} aimed requests, ${hit} failed. By planned offset from the predicted close: ${bins || 'none'}. ${model}${hits}${servedWords(d)}`;
}

/** What each side of the close means. */
function windowWords(w: { from: number; to: number }): string {
  const before =
    w.from < 0
      ? `before the close (${signed(w.from)} … 0 ms) the app's event loop was busy past its keep-alive timer, and a request that reached the socket lay unread until the timer, run before the loop next reads its sockets, closed it`
      : '';
  const after = w.to > 0 ? `after it (0 … ${signed(w.to)} ms) the app's FIN was still on its way to the LB` : '';
  return [before, after].filter(Boolean).join('; ') || 'every hit met the close itself';
}

/** Why a summary's own window is not the one drawn. */
function writtenWords(d: RaceWindowData): string {
  const w = d.writtenWindowMs;
  if (d.windowFrom !== 'hits' || w === null) return '';
  return ` Drawn from the hits: this summary's own window (${signed(w.from)} … ${signed(w.to)} ms, ${w.width.toFixed(1)} ms wide) ran from the latest request served on its old connection to the earliest on a new one, and ${w.width < 0 ? 'its width is negative' : 'holds none of the hits'}.`;
}

/** Served requests past their socket's predicted close: the loop read them in a turn before its timers phase. */
function servedWords(d: RaceWindowData): string {
  const s = d.servedReusedMs;
  if (s === null || s.max <= 0) return '';
  return ` Served on their reused connection up to ${signed(s.max)} ms past its predicted close (${s.count} in all): a busy app reads an overdue socket when its poll comes before the timers phase, so served and lost requests overlap in time.`;
}

type Bin = RaceWindowData['bins'][number];

/** The top panel's count scale (gridlines and labels) and its title; `y` places a count. */
function countAxis(ticks: readonly number[], y: (n: number) => number): string[] {
  const plotRight = WIDTH_PX - MARGIN.right;
  return [
    ...ticks.flatMap((t) => [
      el('line', { x1: MARGIN.left, x2: plotRight, y1: round1(y(t)), y2: round1(y(t)), stroke: GRID }),
      text(MARGIN.left - 6, y(t) + 4, t, { 'text-anchor': 'end', fill: MUTED, 'font-size': 11 }),
    ]),
    text(16, PLOT_TOP_PX + PLOT_HEIGHT_PX / 2, 'requests', {
      transform: `rotate(-90 16 ${round1(PLOT_TOP_PX + PLOT_HEIGHT_PX / 2)})`,
      'text-anchor': 'middle',
      fill: MUTED,
      'font-size': 12,
    }),
  ];
}

/** The predicted close itself, a dashed line at 0. */
function predictedClose(x0: number): string[] {
  return [
    el('line', {
      x1: round1(x0),
      x2: round1(x0),
      y1: PLOT_TOP_PX - 8,
      y2: PLOT_TOP_PX + PLOT_HEIGHT_PX,
      stroke: INK,
      'stroke-dasharray': '5 3',
      'data-role': 'predicted-close',
    }),
    text(x0 + 4, PLOT_TOP_PX - 10, 'predicted close', { 'font-size': 11, fill: MUTED }),
  ];
}

/** One planned offset's bar: sent in grey, the failed part filled, "failed/sent" above it, the offset below. */
function offsetBar(b: Bin, left: number, barPx: number, y: (n: number) => number): string {
  const plotBottom = PLOT_TOP_PX + PLOT_HEIGHT_PX;
  const label = `${signed(b.offsetMs, 0)} ms: ${b.hit} of ${b.sent} failed`;
  return el(
    'g',
    { 'data-offset-ms': b.offsetMs, 'data-sent': b.sent, 'data-hit': b.hit },
    el(
      'rect',
      {
        x: round1(left),
        y: round1(y(b.sent)),
        width: round1(barPx),
        height: round1(plotBottom - y(b.sent)),
        fill: SENT_FILL,
        stroke: MUTED,
        'stroke-width': 0.5,
        'data-role': 'sent',
      },
      el('title', {}, esc(label)),
    ),
    b.hit > 0
      ? el(
          'rect',
          {
            x: round1(left),
            y: round1(y(b.hit)),
            width: round1(barPx),
            height: round1(plotBottom - y(b.hit)),
            fill: HIT_FILL,
            'data-role': 'hit',
          },
          el('title', {}, esc(label)),
        )
      : '',
    text(left + barPx / 2, y(b.sent) - 4, `${b.hit}/${b.sent}`, {
      'text-anchor': 'middle',
      'font-size': 12,
      'font-weight': b.hit > 0 ? 'bold' : undefined,
      ...HALO,
    }),
    text(left + barPx / 2, plotBottom + 16, signed(b.offsetMs, 0), { 'text-anchor': 'middle', 'font-size': 12 }),
  );
}

/** The top panel: one bar per planned offset, the failed part filled, "failed/sent" written above. */
function offsetBars(d: RaceWindowData): string[] {
  const plotRight = WIDTH_PX - MARGIN.right;
  const plotBottom = PLOT_TOP_PX + PLOT_HEIGHT_PX;
  const ticks = countTicks(Math.max(0, ...d.bins.map((b) => b.sent)));
  const yMax = ticks[ticks.length - 1];
  const y = (n: number) => plotBottom - (n / yMax) * PLOT_HEIGHT_PX;
  const axis = countAxis(ticks, y);
  if (d.bins.length === 0)
    return [
      ...axis,
      text((MARGIN.left + plotRight) / 2, PLOT_TOP_PX + PLOT_HEIGHT_PX / 2, 'No aimed requests', {
        'text-anchor': 'middle',
        fill: MUTED,
        'font-size': 16,
        'data-role': 'empty',
      }),
    ];
  const lo = Math.min(...d.bins.map((b) => b.offsetMs)) - 0.5;
  const hi = Math.max(...d.bins.map((b) => b.offsetMs)) + 0.5;
  const unitPx = (plotRight - MARGIN.left) / (hi - lo);
  const x = (ms: number) => MARGIN.left + (ms - lo) * unitPx;
  const barPx = Math.min(60, unitPx * 0.7);
  return [
    ...axis,
    ...(lo < 0 && hi > 0 ? predictedClose(x(0)) : []),
    ...d.bins.map((b) => offsetBar(b, x(b.offsetMs) - barPx / 2, barPx, y)),
    el('line', { x1: MARGIN.left, x2: plotRight, y1: plotBottom, y2: plotBottom, stroke: MUTED }),
    text((MARGIN.left + plotRight) / 2, plotBottom + 34, 'planned arrival − predicted close (ms)', {
      'text-anchor': 'middle',
      fill: MUTED,
      'font-size': 12,
    }),
  ];
}

/** The bottom panel's number line from lo to hi (ms from the close), with 0 the close; `x` places an instant. */
function numberLine(lo: number, hi: number, x: (ms: number) => number, top: number): string[] {
  const plotRight = WIDTH_PX - MARGIN.right;
  const lineY = top + 70;
  return [
    el('line', { x1: MARGIN.left, x2: plotRight, y1: lineY, y2: lineY, stroke: MUTED }),
    ...[lo, 0, hi]
      .map((v) => Math.round(v * 10) / 10)
      .flatMap((t) => [
        el('line', { x1: round1(x(t)), x2: round1(x(t)), y1: lineY, y2: lineY + 5, stroke: MUTED }),
        text(x(t), lineY + 18, t === 0 ? '0 = close' : signed(t), {
          'text-anchor': 'middle',
          'font-size': 11,
          fill: MUTED,
        }),
      ]),
    el('line', { x1: round1(x(0)), x2: round1(x(0)), y1: top + 12, y2: lineY, stroke: INK, 'stroke-dasharray': '5 3' }),
  ];
}

/** One side of the window, from a to b (ms from the close); nothing when it has no width. */
function windowSide(
  x: (ms: number) => number,
  top: number,
  [a, b]: [number, number],
  role: string,
  opacity: number,
  label: string,
): string {
  return b > a
    ? el(
        'rect',
        {
          x: round1(x(a)),
          y: top + 14,
          width: round1(Math.max(2, x(b) - x(a))),
          height: 22,
          fill: WINDOW_FILL,
          'fill-opacity': opacity,
          stroke: '#0072B2',
          'data-role': role,
        },
        el('title', {}, esc(label)),
      )
    : '';
}

/** The window in words, and why the summary's own is not the one drawn. */
function windowText(d: RaceWindowData, { from, to, width }: NonNullable<RaceWindowData['windowMs']>): string {
  const written = d.writtenWindowMs;
  const why =
    written === null
      ? ''
      : written.width < 0
        ? `its width was negative (${signed(written.width)} ms)`
        : 'it held none of them';
  return `window ${signed(from)} … ${signed(to)} ms (${width.toFixed(1)} ms wide)${d.windowFrom === 'hits' ? `, drawn from the hits: this summary's own window (served early … late, the old rule) is not drawn, ${why}` : ''}`;
}

/** The window: its two sides, each drawn only when it has one (the loop busy before the close, the FIN after it). */
function windowMarks(
  d: RaceWindowData,
  w: NonNullable<RaceWindowData['windowMs']>,
  x: (ms: number) => number,
  top: number,
): string[] {
  const { from, to, width } = w;
  return [
    el(
      'g',
      {
        'data-role': 'window',
        'data-from-ms': from,
        'data-to-ms': to,
        'data-width-ms': width,
        'data-drawn-from': d.windowFrom ?? undefined,
      },
      windowSide(
        x,
        top,
        [from, 0],
        'window-unread',
        0.7,
        `${signed(from)} … 0 ms: the app's loop busy past its timer, the request unread`,
      ),
      windowSide(x, top, [0, to], 'window-in-flight', 0.35, `0 … ${signed(to)} ms: the app's FIN on its way to the LB`),
      width === 0 ? el('rect', { x: round1(x(0) - 1), y: top + 14, width: 2, height: 22, fill: '#0072B2' }) : '',
    ),
    ...(from < 0
      ? [
          text((x(from) + x(0)) / 2, top + 30, 'loop busy: unread', {
            'text-anchor': 'middle',
            'font-size': 11,
            fill: INK,
            ...HALO,
          }),
        ]
      : []),
    ...(to > 0 ? [text(x(to) + 6, top + 30, 'FIN in flight', { 'font-size': 11, fill: '#0072B2', ...HALO })] : []),
    text(MARGIN.left, top + 104, windowText(d, w), { 'font-size': 12, 'data-role': 'window-text' }),
  ];
}

/** The hits' spread: a red line from the first to the last, a dot at the median, and the same in words. */
function hitsSpread(h: NonNullable<RaceWindowData['hitsMs']>, x: (ms: number) => number, top: number): string[] {
  const { min, median, max } = h;
  const hy = top + 52;
  return [
    el(
      'g',
      { 'data-role': 'hits-spread', 'data-min-ms': min, 'data-median-ms': median, 'data-max-ms': max },
      el('line', { x1: round1(x(min)), x2: round1(x(max)), y1: hy, y2: hy, stroke: HIT_FILL, 'stroke-width': 3 }),
      el('circle', { cx: round1(x(median)), cy: hy, r: 5, fill: HIT_FILL }),
    ),
    text(x(max) + 6, hy + 4, 'hits', { 'font-size': 11, fill: HIT_FILL, ...HALO }),
    text(
      MARGIN.left,
      top + 122,
      `hits: ${signed(min)} … ${signed(max)} ms from the close they met, median ${signed(median)} ms (red line and dot)`,
      { 'font-size': 12 },
    ),
  ];
}

/** The bottom panel: the measured window and the hits' spread on a number line of their own. */
function measuredPanel(d: RaceWindowData, top: number): string[] {
  const plotRight = WIDTH_PX - MARGIN.right;
  const heading = text(MARGIN.left, top, "Against the app's real closes (arrival − the close it met, ms)", {
    'font-weight': 'bold',
    'font-size': 13,
  });
  const missing =
    !d.modelPresent || d.windowMs === null
      ? [
          text(
            MARGIN.left,
            top + 24,
            !d.modelPresent
              ? 'Not measured: this summary predates the race model (schema v5).'
              : 'No window: no hit met one of the app’s closes.',
            { fill: MUTED, 'data-role': 'window-missing' },
          ),
        ]
      : [];
  const points = [
    0,
    ...(d.windowMs ? [d.windowMs.from, d.windowMs.to] : []),
    ...(d.hitsMs ? [d.hitsMs.min, d.hitsMs.max] : []),
  ];
  if (points.length === 1) return [heading, ...missing];
  const span = Math.max(...points) - Math.min(...points);
  const pad = Math.max(1, span * 0.08);
  const lo = Math.min(...points) - pad;
  const hi = Math.max(...points) + pad;
  const x = (ms: number) => MARGIN.left + ((ms - lo) / (hi - lo)) * (plotRight - MARGIN.left);
  return [
    heading,
    ...missing,
    ...numberLine(lo, hi, x, top),
    ...(d.windowMs ? windowMarks(d, d.windowMs, x, top) : []),
    ...(d.hitsMs ? hitsSpread(d.hitsMs, x, top) : []),
  ];
}

/** Chart b as an SVG. */
export function raceWindowSvg(d: RaceWindowData): string {
  const measuredTop = PLOT_TOP_PX + PLOT_HEIGHT_PX + 64;
  const height = measuredTop + 136;
  const title = `The race window: ${d.variant}'s aimed requests by offset from the close`;
  return svgRoot(
    { chart: 'race-window', width: WIDTH_PX, height, title, desc: describe(d) },
    text(MARGIN.left, 22, title, { 'font-size': 16, 'font-weight': 'bold' }),
    text(MARGIN.left, 42, 'grey: sent · red: failed · written above each bar: failed/sent', {
      'font-size': 11,
      fill: MUTED,
    }),
    ...offsetBars(d),
    ...measuredPanel(d, measuredTop),
  );
}
