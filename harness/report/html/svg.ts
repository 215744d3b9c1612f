// The few pieces every chart is drawn with: escaping, elements, and the root
// <svg> with its own font (so a chart looks the same inline in report.html
// and opened alone as a .svg) at a size whose smallest text is legible on a
// slide. Colours are Okabe–Ito's, told apart by colour-blind readers and in
// greyscale print; every datum is also written out. No library: charts are strings.

/** Text and attribute values made safe for XML and HTML alike. */
export function esc(value: string | number): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Attribute values; undefined and null leave the attribute out. */
export type Attrs = Record<string, string | number | undefined | null>;

function attrText(attrs: Attrs): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${esc(v as string | number)}"`)
    .join('');
}

/** One element; children are already-built markup (escape text with `esc` or use `text`). */
export function el(tag: string, attrs: Attrs, ...children: string[]): string {
  return children.length === 0
    ? `<${tag}${attrText(attrs)}/>`
    : `<${tag}${attrText(attrs)}>${children.join('')}</${tag}>`;
}

/** A <text> element with its content escaped. */
export function text(x: number, y: number, content: string | number, attrs: Attrs = {}): string {
  return el('text', { x: round1(x), y: round1(y), ...attrs }, esc(content));
}

/** Coordinates to one decimal: enough for a screen, and the markup stays readable. */
export function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** No web font: the reader's own system font, so the page needs no network. */
export const SYSTEM_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Text, secondary text and grid lines: dark enough to print on any printer. */
export const INK = '#1a1a1a';
/** A white outline under a label, so a line it crosses never makes it unreadable. */
export const HALO = {
  stroke: '#ffffff',
  'stroke-width': 4,
  'stroke-linejoin': 'round',
  'paint-order': 'stroke',
} as const;
export const MUTED = '#5c5c5c';
export const GRID = '#d9d9d9';

export interface SvgFrame {
  /** What the chart is, for data-chart (tests and the live page find it by this). */
  chart: string;
  width: number;
  height: number;
  /** The accessible name, and the tooltip of a standalone file. */
  title: string;
  /** Every datum in words: what a screen reader says, and what survives any rendering. */
  desc: string;
}

/**
 * The smallest text a chart shows, in CSS px at its own size: legible on a 1,920 × 1,080 slide
 * (test/integration/report-slides-browser.test.ts measures it in Chromium).
 */
export const MIN_TEXT_PX = 14;
/** The text size of a <text> that sets none. */
const ROOT_FONT_PX = 14;

/**
 * How much larger than its drawing a chart is shown so that its smallest text is MIN_TEXT_PX: 1 for a chart drawn with
 * legible text, more for one whose layout uses smaller type (its labels' places are worked out at that type).
 */
export function displayScale(body: readonly string[]): number {
  const sizes = body.flatMap((part) => [...part.matchAll(/ font-size="([\d.]+)"/g)].map((m) => Number(m[1])));
  const smallest = Math.min(ROOT_FONT_PX, ...sizes);
  return Math.max(1, MIN_TEXT_PX / smallest);
}

/**
 * The root <svg>: xmlns and its own font and colours, so the same string is a
 * valid standalone .svg file and an inline chart; the viewBox keeps the drawing's
 * coordinates while width and height show it large enough to read (displayScale).
 */
export function svgRoot(frame: SvgFrame, ...body: string[]): string {
  const scale = displayScale(body);
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${round1(frame.width)} ${round1(frame.height)}`,
      width: Math.ceil(frame.width * scale),
      height: Math.ceil(frame.height * scale),
      role: 'img',
      'data-chart': frame.chart,
      'font-family': SYSTEM_FONT,
      'font-size': ROOT_FONT_PX,
      fill: INK,
    },
    el('title', {}, esc(frame.title)),
    el('desc', {}, esc(frame.desc)),
    el('rect', {
      x: 0,
      y: 0,
      width: round1(frame.width),
      height: round1(frame.height),
      fill: '#ffffff',
      'data-role': 'background',
    }),
    ...body,
  );
}

/** A standalone .svg file: the XML declaration before the chart. */
export function svgFile(svg: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}

/** Round, readable steps for a count axis: 0 … max in at most `maxTicks` integer steps. */
export function countTicks(max: number, maxTicks = 5): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, rough)));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let t = 0; t < max + step; t += step) ticks.push(t);
  return ticks;
}
