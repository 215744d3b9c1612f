// Chart c, one real hit as a sequence diagram: client, LB and app lifelines,
// time going down. Rows are in time order but not to scale (the idle period
// is seconds, the race a few ms): each row writes its instant, on the app's
// clock with t = 0 at the socket's last response, and each arrow its ms.
import { SAME_INSTANT_MS, type HitTimeline, type NoTimeline } from './chart-data.js';
import { el, HALO, INK, MUTED, round1, svgRoot, text } from './svg.js';

const WIDTH_PX = 1000;
const LANES = { client: 280, lb: 560, app: 840 } as const;
type Lane = keyof typeof LANES;
const HEAD_TOP_PX = 56;
const FIRST_ROW_PX = 120;
const ROW_PX = 58;
const APP_COLOUR = '#0072B2';
const FAIL_COLOUR = '#D55E00';

const ms = (v: number) => `${v.toFixed(1)} ms`;
/** '1.3 ms after' / '19.8 ms before': the race's margin in words. */
const beforeOrAfter = (v: number) => `${ms(Math.abs(v))} ${v >= 0 ? 'after' : 'before'}`;

/** One row: an arrow between two lifelines (or a note on one), at an instant. */
interface Step {
  id: string;
  atMs: number | null;
  from: Lane;
  to: Lane;
  label: string;
  dashed?: boolean;
  colour?: string;
}

/** The steps of the hit in time order; the reset follows the arrival, the answer comes last. */
function timelineSteps(h: HitTimeline): Step[] {
  // The three measured instants, whichever order the race put them in.
  const timed: Array<Step & { atMs: number }> = [
    {
      id: 'timer',
      atMs: h.timerMs,
      from: 'app',
      to: 'lb',
      dashed: true,
      colour: APP_COLOUR,
      label: `${h.timerIsCloseEvent ? 'app closes the socket' : "app's keep-alive timer fires: it closes the socket"} after ${ms(h.timerMs)} idle (FIN)`,
    },
    { id: 'send', atMs: h.clientSendMs, from: 'client', to: 'lb', label: `client sends ${h.method} ${h.requestId}` },
    {
      id: 'reuse',
      atMs: h.arrivalMs,
      from: 'lb',
      to: 'app',
      colour: FAIL_COLOUR,
      label: `LB reuses ${h.closesAtOnce > 1 ? `a socket closing then (#${h.socketId}, one of ${h.closesAtOnce} within ±${SAME_INSTANT_MS} ms)` : `socket #${h.socketId}`}: arrives ${beforeOrAfter(h.arrivalMinusCloseMs)} the close (est.)`,
    },
  ];
  timed.sort((a, b) => a.atMs - b.atMs);
  return [
    { id: 'last-response', atMs: 0, from: 'app', to: 'lb', label: `last response on socket #${h.socketId} (its request ${h.lastRequest}) ends; idle from here` },
    ...timed,
    { id: 'reset', atMs: null, from: 'app', to: 'lb', dashed: true, colour: FAIL_COLOUR, label: 'the socket is closed: reset / EOF (not timed)' },
    {
      id: 'answer',
      atMs: h.clientAnswerMs,
      from: 'lb',
      to: 'client',
      colour: FAIL_COLOUR,
      label: `${h.symptom} to the client${h.latencyMs === null ? '' : ` after ${ms(h.latencyMs)}`}${h.lbLog ? ` (${h.lbLog.lb} logged ${h.lbLog.status}${h.lbLog.retries > 0 ? `, ${h.lbLog.retries} retried` : ''})` : ''}`,
    },
  ];
}

function describe(h: HitTimeline): string {
  return [
    `One hit of ${h.variant}: request ${h.requestId} (${h.method}, cycle ${h.cycle}), on the app's clock from the socket's last response (t = 0).`,
    `Socket #${h.socketId} served its request ${h.lastRequest}, then idled; the app's ${h.timerIsCloseEvent ? 'close' : 'keep-alive timer'} came at ${ms(h.timerMs)}${Math.abs(h.closedMs - h.timerMs) >= 0.1 ? ` (its close event at ${ms(h.closedMs)})` : ''}.`,
    `The client sent at ${ms(h.clientSendMs)}; the LB reused the socket, the request reaching the app at about ${ms(h.arrivalMs)}, ${beforeOrAfter(h.arrivalMinusCloseMs)} the close.`,
    `The client got ${h.symptom}${h.clientAnswerMs === null ? '' : ` at ${ms(h.clientAnswerMs)}`}${h.latencyMs === null ? '' : `, ${ms(h.latencyMs)} after sending`}.`,
    `Clock: app − harness ${h.clockOffsetMs.toFixed(2)} ms${h.clockUncertaintyMs === null ? ' (one clock before schema v5)' : ` ± ${h.clockUncertaintyMs.toFixed(2)}`}; send to app ${h.sendToAppMs.toFixed(2)} ms.`,
  ].join(' ');
}

/** The three lifelines with their heads, down to `bottom`. */
function lifelines(bottom: number): string[] {
  const names: Record<Lane, string> = { client: 'client (harness)', lb: 'LB', app: 'app (Node)' };
  return (Object.keys(LANES) as Lane[]).map((lane) =>
    el(
      'g',
      { 'data-lifeline': lane },
      el('rect', { x: LANES[lane] - 70, y: HEAD_TOP_PX, width: 140, height: 30, rx: 4, fill: '#f2f2f2', stroke: INK }),
      text(LANES[lane], HEAD_TOP_PX + 20, names[lane], { 'text-anchor': 'middle', 'font-weight': 'bold' }),
      el('line', { x1: LANES[lane], x2: LANES[lane], y1: HEAD_TOP_PX + 30, y2: bottom, stroke: MUTED, 'stroke-dasharray': '2 3' }),
    ),
  );
}

/** An arrow from one lifeline to another at height y, its label above it. */
function arrow(step: Step, y: number): string {
  const x1 = LANES[step.from];
  const x2 = LANES[step.to];
  const dir = Math.sign(x2 - x1);
  const colour = step.colour ?? INK;
  const head = `${x2},${y} ${x2 - dir * 10},${y - 5} ${x2 - dir * 10},${y + 5}`;
  const labelX = Math.min(x1, x2) + Math.abs(x2 - x1) / 2;
  // A label wider than its arrow would run into the time column: anchor it at the arrow's right end then.
  const anchorRight = Math.abs(x2 - x1) < 300 && step.label.length > 40;
  return el(
    'g',
    { 'data-step': step.id, 'data-at-ms': step.atMs === null ? undefined : round1(step.atMs) },
    el('line', { x1, x2: x2 - dir * 10, y1: y, y2: y, stroke: colour, 'stroke-width': 2, 'stroke-dasharray': step.dashed ? '6 4' : undefined }),
    el('polygon', { points: head, fill: colour }),
    text(anchorRight ? Math.max(x1, x2) : labelX, y - 8, step.label, { 'text-anchor': anchorRight ? 'end' : 'middle', 'font-size': 12, fill: INK, ...HALO }),
    text(16, y + 4, step.atMs === null ? 'just after' : `t = ${ms(step.atMs)}`, { 'font-size': 12, fill: MUTED, 'font-variant-numeric': 'tabular-nums' }),
  );
}

/** Chart c as an SVG; with no hit to draw, the lifelines and the reason. */
export function hitTimelineSvg(h: HitTimeline | NoTimeline): string {
  const title = 'timeline of one real hit: client, LB, app';
  if ('reason' in h) {
    const height = 240;
    return svgRoot(
      { chart: 'hit-timeline', width: WIDTH_PX, height, title: `${title} (none to show)`, desc: h.reason },
      text(16, 24, 'Timeline of one real hit', { 'font-size': 16, 'font-weight': 'bold' }),
      ...lifelines(height - 20),
      text(WIDTH_PX / 2, 150, h.reason, { 'text-anchor': 'middle', 'font-size': 14, fill: MUTED, 'data-role': 'empty' }),
    );
  }
  const steps = timelineSteps(h);
  const rowY = (i: number) => FIRST_ROW_PX + i * ROW_PX + (i >= 1 ? ROW_PX * 0.6 : 0);
  const bottom = rowY(steps.length - 1) + 40;
  const height = bottom + 60;
  const idleTop = rowY(0);
  const idleBottom = rowY(steps.findIndex((s) => s.id === 'timer'));
  // Between the last response and the next row: where the seconds pass.
  const idleLabelY = (rowY(0) + rowY(1)) / 2 + 4;
  const parts = [
    text(16, 24, `Timeline of one real hit: ${h.requestId} (${h.variant}, ${h.method}, cycle ${h.cycle})`, { 'font-size': 16, 'font-weight': 'bold' }),
    text(16, 44, "times on the app's clock from the socket's last response; rows in time order, not to scale", { 'font-size': 11, fill: MUTED }),
    ...lifelines(bottom),
    // The idle period: the socket sits in the LB's pool while the app's timer runs.
    el(
      'g',
      { 'data-role': 'idle', 'data-idle-ms': round1(h.timerMs) },
      el('rect', { x: LANES.app - 6, y: round1(idleTop), width: 12, height: round1(idleBottom - idleTop), fill: APP_COLOUR, 'fill-opacity': 0.25, stroke: APP_COLOUR }),
      text(LANES.app + 14, idleLabelY, `idle ${ms(h.timerMs)}`, { 'font-size': 12, fill: APP_COLOUR, 'font-weight': 'bold' }),
      text(LANES.lb + 10, idleLabelY, `socket #${h.socketId} idle in the LB's pool`, { 'font-size': 11, fill: MUTED }),
      // Not to scale: seconds pass here, milliseconds in the rows below.
      text(16, idleLabelY, '⋮ seconds idle', { 'font-size': 12, fill: MUTED }),
    ),
    ...steps.map((s, i) => arrow(s, rowY(i))),
    text(16, height - 30, `the race: the request reached the app ${beforeOrAfter(h.arrivalMinusCloseMs)} its close · app clock − client's: ${h.clockOffsetMs.toFixed(2)} ms${h.clockUncertaintyMs === null ? ' (one clock)' : ` ± ${h.clockUncertaintyMs.toFixed(2)} ms`}, send → app ${h.sendToAppMs.toFixed(2)} ms`, { 'font-size': 12, 'data-role': 'race-margin' }),
    Math.abs(h.closedMs - h.timerMs) >= 0.1
      ? text(16, height - 12, `the socket's close event came ${ms(h.closedMs - h.timerMs)} after the timer (the app's event loop was busy)`, { 'font-size': 11, fill: MUTED })
      : '',
  ];
  return svgRoot({ chart: 'hit-timeline', width: WIDTH_PX, height, title: `${title}: ${h.requestId}`, desc: describe(h) }, ...parts);
}
