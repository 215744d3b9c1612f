// Chart c, one real hit as a sequence diagram: client, LB and app lifelines,
// time going down. The socket's last response heads it; the seconds of idle
// are not to scale; the race below is, in ms on the app's clock with t = 0 at
// that last response, so messages slope as they travel: the request on its way
// to the app and the app's close on its way back are in flight at once. Where
// the app's event loop was busy past the keep-alive timer's due instant, the
// app's lifeline says so; a request that reached the socket then lies unread
// until the timer, run before the loop next reads its sockets, closes it.
// Instants at the LB are not measured: its arrows turn halfway.
import { SAME_INSTANT_MS, type HitTimeline, type NoTimeline } from './chart-data.js';
import { el, HALO, INK, MUTED, round1, svgRoot, text } from './svg.js';

const WIDTH_PX = 1200;
const LANES = { client: 250, lb: 520, app: 790 } as const;
type Lane = keyof typeof LANES;
/** Where the app's notes start, right of its lifeline. */
const NOTES_X = LANES.app + 24;
const HEAD_TOP_PX = 56;
const LAST_RESPONSE_Y = 120;
/** The race, to scale, between these heights. */
const RACE_TOP_PX = 220;
const RACE_HEIGHT_PX = 420;
const LABEL_GAP_PX = 15;
const APP_COLOUR = '#0072B2';
const FAIL_COLOUR = '#D55E00';
const BUSY_FILL = '#E69F00';

const ms = (v: number) => `${v.toFixed(1)} ms`;
/** '1.3 ms after' / '19.8 ms before': the race's margin in words. */
const beforeOrAfter = (v: number) => `${ms(Math.abs(v))} ${v >= 0 ? 'after' : 'before'}`;

/** The instants drawn, on the app's clock from the last response, and where the LB's are assumed. */
interface Instants {
  send: number;
  arrival: number;
  due: number | null;
  timer: number;
  answer: number;
  /** The LB passes the request on, and learns of the close: halfway, not measured. */
  lbForward: number;
  lbLearns: number;
}

function instantsOf(h: HitTimeline): Instants {
  const answer = h.clientAnswerMs ?? h.timerMs + 2;
  const learnsFrom = Math.max(h.timerMs, h.arrivalMs);
  return {
    send: h.clientSendMs,
    arrival: h.arrivalMs,
    due: h.dueMs,
    timer: h.timerMs,
    answer,
    lbForward: (h.clientSendMs + h.arrivalMs) / 2,
    lbLearns: learnsFrom + (Math.max(answer, learnsFrom) - learnsFrom) / 2,
  };
}

/**
 * What the close looks like from the LB: a reset when the request lay unread in the socket, a FIN when it was not there
 * yet.
 */
const closeWord = (h: HitTimeline) => (h.place === 'in-flight' ? 'FIN' : 'reset (RST: closed with the request unread)');

function describe(h: HitTimeline): string {
  const busy =
    h.dueMs !== null && h.loopDelayMs !== null && h.loopDelayMs > 0
      ? ` Its keep-alive timer was due at ${ms(h.dueMs)} and ${h.timerIsCloseEvent ? 'the socket closed' : 'fired'} ${ms(h.loopDelayMs)} late: the app's event loop was busy, and read none of its sockets meanwhile.`
      : '';
  const place =
    h.place === 'in-flight'
      ? `The request reached the app about ${beforeOrAfter(h.arrivalMinusCloseMs)} the close: it and the app's FIN were in flight at once.`
      : `The request reached the socket about ${beforeOrAfter(h.arrivalMinusCloseMs)} the close and lay there unread; the timer fired first and closed the socket on it${h.place === 'before-due' ? ' (it came before the timer was due: the busy turn had begun earlier, or the request arrived later than estimated)' : ''}.`;
  return [
    `One hit of ${h.variant}: request ${h.requestId} (${h.method}, cycle ${h.cycle}), on the app's clock from the socket's last response (t = 0).`,
    `Socket #${h.socketId} served its request ${h.lastRequest}, then idled; the app's ${h.timerIsCloseEvent ? 'close' : 'keep-alive timer'} came at ${ms(h.timerMs)}${Math.abs(h.closedMs - h.timerMs) >= 0.1 ? ` (its close event at ${ms(h.closedMs)})` : ''}.${busy}`,
    `The client sent at ${ms(h.clientSendMs)}; the LB reused the socket. ${place}`,
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
      el('line', {
        x1: LANES[lane],
        x2: LANES[lane],
        y1: HEAD_TOP_PX + 30,
        y2: bottom,
        stroke: MUTED,
        'stroke-dasharray': '2 3',
      }),
    ),
  );
}

/** An arrowhead at (x2, y2) pointing along the line from (x1, y1). */
function head(x1: number, y1: number, x2: number, y2: number, colour: string): string {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const point = (a: number) => `${round1(x2 - 11 * Math.cos(angle + a))},${round1(y2 - 11 * Math.sin(angle + a))}`;
  return el('polygon', { points: `${round1(x2)},${round1(y2)} ${point(0.4)} ${point(-0.4)}`, fill: colour });
}

/** A message from one lifeline to another, sent at y1 and received at y2 (sloped: it is in flight in between). */
function message(
  id: string,
  from: Lane,
  y1: number,
  to: Lane,
  y2: number,
  atMs: number,
  opts: { colour?: string; dashed?: boolean } = {},
): string {
  const colour = opts.colour ?? INK;
  return el(
    'g',
    { 'data-step': id, 'data-at-ms': round1(atMs) },
    el('line', {
      x1: LANES[from],
      y1: round1(y1),
      x2: LANES[to],
      y2: round1(y2),
      stroke: colour,
      'stroke-width': 2,
      'stroke-dasharray': opts.dashed ? '6 4' : undefined,
    }),
    head(LANES[from], y1, LANES[to], y2, colour),
  );
}

/** Labels placed top to bottom, each at least LABEL_GAP_PX below the one before it in its column. */
function placeLabels(
  labels: Array<{ x: number; y: number; content: string; attrs?: Record<string, string | number | undefined> }>,
): string[] {
  const lastY = new Map<number, number>();
  return [...labels]
    .sort((a, b) => a.y - b.y)
    .map((l) => {
      const y = Math.max(l.y, (lastY.get(l.x) ?? -Infinity) + LABEL_GAP_PX);
      lastY.set(l.x, y);
      return text(l.x, y, l.content, { 'font-size': 12, ...HALO, ...l.attrs });
    });
}

const TITLE = 'timeline of one real hit: client, LB, app';

/** With no hit to draw: the lifelines and the reason. */
function noTimelineSvg(reason: string): string {
  const height = 240;
  return svgRoot(
    { chart: 'hit-timeline', width: WIDTH_PX, height, title: `${TITLE} (none to show)`, desc: reason },
    text(16, 24, 'Timeline of one real hit', { 'font-size': 16, 'font-weight': 'bold' }),
    ...lifelines(height - 20),
    text(WIDTH_PX / 2, 150, reason, {
      'text-anchor': 'middle',
      'font-size': 14,
      fill: MUTED,
      'data-role': 'empty',
    }),
  );
}

/** How the race is laid out: its scale, where it ends, and the stretches the app's lifeline marks. */
interface RaceLayout {
  /** The height of an instant (ms on the app's clock from the last response). */
  y: (t: number) => number;
  pxPerMs: number;
  bottom: number;
  height: number;
  /** The request lay unread in the socket until the timer closed it. */
  unread: boolean;
  /** The app's event loop busy past the timer's due instant, and by how much. */
  busy: { from: number; to: number; delayMs: number } | null;
}

function raceLayoutOf(h: HitTimeline, at: Instants): RaceLayout {
  const times = [at.send, at.arrival, at.timer, at.answer, ...(at.due === null ? [] : [at.due])];
  const spanMs = Math.max(...times) - Math.min(...times);
  const padMs = Math.max(0.3, spanMs * 0.06);
  const t0 = Math.min(...times) - padMs;
  const pxPerMs = RACE_HEIGHT_PX / (spanMs + 2 * padMs);
  const bottom = RACE_TOP_PX + RACE_HEIGHT_PX + 30;
  return {
    y: (t: number) => RACE_TOP_PX + (t - t0) * pxPerMs,
    pxPerMs,
    bottom,
    height: bottom + 70,
    unread: h.place !== 'in-flight' && at.arrival < at.timer,
    busy:
      at.due !== null && h.loopDelayMs !== null && h.loopDelayMs > 0
        ? { from: at.due, to: at.timer, delayMs: h.loopDelayMs }
        : null,
  };
}

/** Left of the lifelines: each instant to the ms. */
function timeLabelsOf(h: HitTimeline, at: Instants, { y }: RaceLayout): string[] {
  return placeLabels(
    [
      { ms: at.send, what: 'client sends' },
      { ms: at.arrival, what: 'reaches the app (est.)' },
      ...(at.due === null ? [] : [{ ms: at.due, what: 'timer due' }]),
      { ms: at.timer, what: h.timerIsCloseEvent ? 'app closes' : 'timer fires' },
      ...(h.clientAnswerMs === null ? [] : [{ ms: h.clientAnswerMs, what: `${h.symptom} back` }]),
    ].map((l) => ({
      x: 16,
      y: y(l.ms) + 4,
      content: `t = ${ms(l.ms)} ${l.what}`,
      attrs: { fill: MUTED, 'font-variant-numeric': 'tabular-nums' },
    })),
  );
}

/** Right of the app: what the app's side was doing. */
function appNotesOf(h: HitTimeline, at: Instants, { y, busy, unread }: RaceLayout): string[] {
  return placeLabels([
    ...(busy
      ? [
          {
            x: NOTES_X,
            y: y(busy.from) + 4,
            content: `event loop busy: the timer, due at ${ms(busy.from)},`,
            attrs: { fill: INK },
          },
          // An app log before the timer's instant (v3) has only the close event: the loop's delay reaches it.
          {
            x: NOTES_X,
            y: y(busy.from) + 4,
            content: `${h.timerIsCloseEvent ? 'closes the socket' : 'fires'} ${ms(busy.delayMs)} late; no socket is read`,
            attrs: { fill: INK },
          },
        ]
      : []),
    ...(unread
      ? [
          {
            x: NOTES_X,
            y: y(at.arrival) + 4,
            content: `request unread in the socket ${ms(at.timer - at.arrival)}`,
            attrs: { fill: FAIL_COLOUR, 'font-weight': 'bold' },
          },
        ]
      : []),
    {
      x: NOTES_X,
      y: y(at.timer) + 4,
      content: `${h.timerIsCloseEvent ? 'app closes the socket' : 'timer fires: socket closed'} (idle ${ms(h.timerMs)})`,
      attrs: { fill: APP_COLOUR, 'font-weight': 'bold' },
    },
  ]);
}

/** What each message between the lifelines carries. */
function messageLabelsOf(h: HitTimeline, at: Instants, { y }: RaceLayout): string[] {
  const reused =
    h.closesAtOnce > 1
      ? `a socket closing then (#${h.socketId}, one of ${h.closesAtOnce} within ±${SAME_INSTANT_MS} ms)`
      : `socket #${h.socketId}`;
  const midX = (LANES.lb + LANES.app) / 2;
  return placeLabels([
    {
      x: (LANES.client + LANES.lb) / 2,
      y: y((at.send + at.lbForward) / 2) - 8,
      content: `${h.method} ${h.requestId}`,
      attrs: { 'text-anchor': 'middle' },
    },
    {
      x: midX,
      y: y((at.lbForward + at.arrival) / 2) - 8,
      content: `LB reuses ${reused}`,
      attrs: { 'text-anchor': 'middle', fill: FAIL_COLOUR },
    },
    {
      x: midX,
      y: y((at.timer + at.lbLearns) / 2) + 16,
      content: closeWord(h),
      attrs: { 'text-anchor': 'middle', fill: APP_COLOUR },
    },
    {
      x: (LANES.client + LANES.lb) / 2,
      y: y((at.lbLearns + at.answer) / 2) + 16,
      content: `${h.symptom}${h.latencyMs === null ? '' : ` after ${ms(h.latencyMs)}`}${h.lbLog ? ` (${h.lbLog.lb} logged ${h.lbLog.status}${h.lbLog.retries > 0 ? `, ${h.lbLog.retries} retried` : ''})` : ''}`,
      attrs: { 'text-anchor': 'middle', fill: FAIL_COLOUR },
    },
  ]);
}

/** The heading, the lifelines, the socket's last response, then its idle seconds, not to scale. */
function beforeTheRace(h: HitTimeline, { bottom }: RaceLayout): string[] {
  return [
    text(16, 24, `Timeline of one real hit: ${h.requestId} (${h.variant}, ${h.method}, cycle ${h.cycle})`, {
      'font-size': 16,
      'font-weight': 'bold',
    }),
    text(
      16,
      44,
      "times on the app's clock from the socket's last response; below the idle seconds, to scale (LB instants not measured: drawn halfway)",
      { 'font-size': 11, fill: MUTED },
    ),
    ...lifelines(bottom),
    el(
      'g',
      { 'data-step': 'last-response', 'data-at-ms': 0 },
      el('line', {
        x1: LANES.app,
        x2: LANES.lb + 10,
        y1: LAST_RESPONSE_Y,
        y2: LAST_RESPONSE_Y,
        stroke: INK,
        'stroke-width': 2,
      }),
      head(LANES.app, LAST_RESPONSE_Y, LANES.lb, LAST_RESPONSE_Y, INK),
      text(
        LANES.lb + (LANES.app - LANES.lb) / 2,
        LAST_RESPONSE_Y - 8,
        `last response on socket #${h.socketId} (its request ${h.lastRequest}) ends; idle from here`,
        { 'text-anchor': 'middle', 'font-size': 12, ...HALO },
      ),
      text(16, LAST_RESPONSE_Y + 4, 't = 0.0 ms', { 'font-size': 12, fill: MUTED }),
    ),
    el(
      'g',
      { 'data-role': 'idle', 'data-idle-ms': round1(h.timerMs) },
      el('rect', {
        x: LANES.app - 6,
        y: LAST_RESPONSE_Y,
        width: 12,
        height: round1(RACE_TOP_PX - 30 - LAST_RESPONSE_Y),
        fill: APP_COLOUR,
        'fill-opacity': 0.25,
        stroke: APP_COLOUR,
      }),
      text(NOTES_X, (LAST_RESPONSE_Y + RACE_TOP_PX) / 2 - 6, `idle ${ms(h.timerMs)}`, {
        'font-size': 12,
        fill: APP_COLOUR,
        'font-weight': 'bold',
      }),
      text(LANES.lb + 10, (LAST_RESPONSE_Y + RACE_TOP_PX) / 2, `socket #${h.socketId} idle in the LB's pool`, {
        'font-size': 11,
        fill: MUTED,
      }),
      text(16, (LAST_RESPONSE_Y + RACE_TOP_PX) / 2, '⋮ seconds idle (not to scale)', { 'font-size': 12, fill: MUTED }),
    ),
  ];
}

/** Where the race, to scale, begins, and how many ms it spans. */
function raceScale(pxPerMs: number): string[] {
  return [
    el('line', {
      x1: 16,
      x2: WIDTH_PX - 16,
      y1: RACE_TOP_PX - 20,
      y2: RACE_TOP_PX - 20,
      stroke: MUTED,
      'stroke-dasharray': '1 4',
    }),
    text(
      WIDTH_PX - 16,
      RACE_TOP_PX - 26,
      `the race, to scale: ${(RACE_HEIGHT_PX / pxPerMs).toFixed(1)} ms top to bottom`,
      { 'text-anchor': 'end', 'font-size': 11, fill: MUTED },
    ),
  ];
}

/** The stretches marked on the lifelines: the app's loop busy, the request unread, the LB waiting. */
function raceStretches(h: HitTimeline, at: Instants, { y, busy, unread }: RaceLayout): string[] {
  return [
    busy
      ? el(
          'rect',
          {
            x: LANES.app - 9,
            y: round1(y(busy.from)),
            width: 18,
            height: round1(Math.max(2, y(busy.to) - y(busy.from))),
            fill: BUSY_FILL,
            'fill-opacity': 0.45,
            stroke: BUSY_FILL,
            'data-role': 'loop-busy',
            'data-from-ms': round1(busy.from),
            'data-to-ms': round1(busy.to),
          },
          el('title', {}, `event loop busy past the timer's due instant: ${ms(busy.delayMs)}`),
        )
      : '',
    unread
      ? el('line', {
          x1: LANES.app,
          x2: LANES.app,
          y1: round1(y(at.arrival)),
          y2: round1(y(at.timer)),
          stroke: FAIL_COLOUR,
          'stroke-width': 5,
          'data-role': 'unread',
        })
      : '',
    // The LB waits on the reused socket from passing the request on until it learns of the close.
    el('line', {
      x1: LANES.lb,
      x2: LANES.lb,
      y1: round1(y(at.lbForward)),
      y2: round1(y(at.lbLearns)),
      stroke: FAIL_COLOUR,
      'stroke-width': 3,
      'stroke-opacity': 0.5,
      'data-role': 'lb-waiting',
    }),
    text(
      LANES.lb - 8,
      (y(at.lbForward) + y(at.lbLearns)) / 2 + 4,
      h.place === 'in-flight' ? 'request and FIN in flight at once' : 'LB waits on the reused socket',
      { 'text-anchor': 'end', 'font-size': 11, fill: FAIL_COLOUR, ...HALO },
    ),
  ];
}

/** The race's messages, to scale: the request, the LB's reuse, the timer, the close, the client's answer. */
function raceMessages(at: Instants, { y }: RaceLayout): string[] {
  return [
    message('send', 'client', y(at.send), 'lb', y(at.lbForward), at.send),
    message('reuse', 'lb', y(at.lbForward), 'app', y(at.arrival), at.arrival, { colour: FAIL_COLOUR }),
    el(
      'g',
      { 'data-step': 'timer', 'data-at-ms': round1(at.timer) },
      el('line', {
        x1: LANES.app - 14,
        x2: LANES.app + 14,
        y1: round1(y(at.timer)),
        y2: round1(y(at.timer)),
        stroke: APP_COLOUR,
        'stroke-width': 3,
      }),
    ),
    message('reset', 'app', y(at.timer), 'lb', y(at.lbLearns), at.timer, { colour: APP_COLOUR, dashed: true }),
    message('answer', 'lb', y(at.lbLearns), 'client', y(at.answer), at.answer, { colour: FAIL_COLOUR }),
  ];
}

/** The race's margin and the clocks below the chart; the close event's lag when there was one. */
function footer(h: HitTimeline, { height }: RaceLayout): string[] {
  return [
    text(
      16,
      height - 34,
      `the race: the request reached the app ${beforeOrAfter(h.arrivalMinusCloseMs)} its close${h.place === 'in-flight' ? ', its FIN in flight' : ', and lay unread'} · app clock − client's: ${h.clockOffsetMs.toFixed(2)} ms${h.clockUncertaintyMs === null ? ' (one clock)' : ` ± ${h.clockUncertaintyMs.toFixed(2)} ms`}, send → app ${h.sendToAppMs.toFixed(2)} ms`,
      { 'font-size': 12, 'data-role': 'race-margin' },
    ),
    Math.abs(h.closedMs - h.timerMs) >= 0.1
      ? text(
          16,
          height - 16,
          `the socket's close event came ${ms(h.closedMs - h.timerMs)} after the timer (the app's event loop was busy)`,
          { 'font-size': 11, fill: MUTED },
        )
      : '',
  ];
}

/** Chart c as an SVG; with no hit to draw, the lifelines and the reason. */
export function hitTimelineSvg(h: HitTimeline | NoTimeline): string {
  if ('reason' in h) return noTimelineSvg(h.reason);
  const at = instantsOf(h);
  const layout = raceLayoutOf(h, at);
  return svgRoot(
    {
      chart: 'hit-timeline',
      width: WIDTH_PX,
      height: layout.height,
      title: `${TITLE}: ${h.requestId}`,
      desc: describe(h),
    },
    ...beforeTheRace(h, layout),
    ...raceScale(layout.pxPerMs),
    ...raceStretches(h, at, layout),
    ...raceMessages(at, layout),
    ...timeLabelsOf(h, at, layout),
    ...appNotesOf(h, at, layout),
    ...messageLabelsOf(h, at, layout),
    ...footer(h, layout),
  );
}
