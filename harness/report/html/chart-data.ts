// What each chart shows, computed from a run's files: pure functions, one per
// chart, unit-tested against real runs (test/fixtures/runs/). The renderers
// draw these and nothing else.
import type { AccessLogEntry } from '../../lb/access-log.js';
import { closeInstant, keepAliveDue } from '../../records/app-records.js';
import { drawableWindow, matchHit, type HitPlace } from '../../analysis/race-model.js';
import type { CellOutcome, ClosedByTally, CycleRecord, Summary } from '../../results/schema.js';
import { clientSymptom, type ClientSymptom, type RequestRecord } from '../../records/request-records.js';
import type { CycleChartInput } from './charts.js';
import { LB_BOUNDARY_ID_TAG } from '../../traffic/lb-boundary-lane.js';
import type { AppAccount } from './run-files.js';
import { failuresSeen, type ClientFailureCounts } from '../../records/failures.js';
import type { VerdictTone, VerdictWord } from '../../model/verdict.js';

/** The lane a request ran in: the LB-boundary lane's requests carry its tag in their id, the others their variant's. */
function laneOf(record: RequestRecord, summary: Summary): CycleRecord['lane'] {
  return record.requestId.startsWith(`c${record.cycle}-${record.variant}-${LB_BOUNDARY_ID_TAG}-`)
    ? 'long'
    : (summary.variants[record.variant]?.lane ?? 'short');
}

/** Plural words for a note: '14 empty replies'. */
const SYMPTOM_PLURAL: Record<ClientSymptom, string> = {
  '502': '502s',
  '503': '503s',
  '504': '504s',
  'empty reply': 'empty replies',
  reset: 'resets',
};

/** A count of a symptom in words: '1 empty reply', '14 empty replies', '7 × 502'. */
function symptomCount(symptom: ClientSymptom, n: number): string {
  if (symptom === '502' || symptom === '503' || symptom === '504') return `${n} × ${symptom}`;
  return n === 1 ? `1 ${symptom}` : `${n} ${SYMPTOM_PLURAL[symptom]}`;
}

/** A cell's failures by symptom, from its counts (the ones its clientSaw words). */
function symptomsOfCounts(counts: ClientFailureCounts): Record<ClientSymptom, number> {
  return {
    '502': counts.status502,
    '503': counts.status503,
    '504': counts.status504,
    'empty reply': counts.emptyReply,
    reset: counts.reset,
  };
}

/**
 * Chart a: every cycle's failures per variant by symptom, counted from requests.ndjson (a record belongs to the cycle
 * of its number and lane), and each variant's first. Without the records (a summary-only run) the summary's per-cycle
 * 502s, and a note on each variant whose cells failed otherwise: its row is then no picture of its failures, and says
 * so. For a matrix, each variant's LB (its cells').
 */
export function cycleChartInputOf(summary: Summary, records: readonly RequestRecord[] | null): CycleChartInput {
  const variants = Object.keys(summary.variants);
  const lbOf = Object.fromEntries(summary.cells.map((c) => [c.variant, c.lb]));
  if (records === null) {
    return {
      variants,
      lbOf,
      counted: '502s',
      cycles: summary.schedule.cycles.map((c) => ({
        cycle: c.cycle,
        lane: c.lane,
        kind: c.kind,
        counts: Object.fromEntries(Object.entries(c.count502).map(([v, n]) => [v, { '502': n }])),
      })),
      firstHit: Object.fromEntries(
        variants.map((v) => {
          const hit = summary.variants[v].firstHit;
          return [v, hit ? { cycle: hit.cycle } : null];
        }),
      ),
      notes: notesOf502sOnly(summary),
    };
  }
  const key = (lane: string, cycle: number, variant: string) => `${lane}/${cycle}/${variant}`;
  const tallies = new Map<string, Partial<Record<ClientSymptom, number>>>();
  const firstHit: CycleChartInput['firstHit'] = Object.fromEntries(variants.map((v) => [v, null]));
  // In record order, as the cells' firstHit is picked (analysis/cell-summary.ts).
  for (const r of records) {
    const symptom = clientSymptom(r);
    if (symptom === null) continue;
    const lane = laneOf(r, summary);
    const tally = tallies.get(key(lane, r.cycle, r.variant)) ?? {};
    tally[symptom] = (tally[symptom] ?? 0) + 1;
    tallies.set(key(lane, r.cycle, r.variant), tally);
    if (Object.hasOwn(firstHit, r.variant) && firstHit[r.variant] === null)
      firstHit[r.variant] = { cycle: r.cycle, lane };
  }
  return {
    variants,
    lbOf,
    counted: 'failures',
    cycles: summary.schedule.cycles.map((c) => ({
      cycle: c.cycle,
      lane: c.lane,
      kind: c.kind,
      counts: Object.fromEntries(Object.keys(c.count502).map((v) => [v, tallies.get(key(c.lane, c.cycle, v)) ?? {}])),
    })),
    firstHit,
  };
}

/**
 * Per variant whose cells failed by other symptoms than 502 (HAProxy's empty replies), the note its 502s-only row
 * carries: never a REPRODUCED row that looks clean.
 */
function notesOf502sOnly(summary: Summary): Record<string, string> {
  const notes: Record<string, string> = {};
  for (const v of Object.keys(summary.variants)) {
    const seen: Partial<Record<ClientSymptom, number>> = {};
    for (const c of summary.cells.filter((cell) => cell.variant === v))
      for (const [symptom, n] of Object.entries(symptomsOfCounts(c.counts)) as Array<[ClientSymptom, number]>)
        if (symptom !== '502' && n > 0) seen[symptom] = (seen[symptom] ?? 0) + n;
    const words = (Object.entries(seen) as Array<[ClientSymptom, number]>).map(([symptom, n]) =>
      symptomCount(symptom, n),
    );
    if (words.length > 0) notes[v] = `502s only here; its ${words.join(', ')}: see the grid`;
  }
  return notes;
}

/**
 * Chart b: the aim variant's aimed requests by planned offset from the predicted close, and the window measured against
 * the real closes.
 */
export interface RaceWindowData {
  variant: string;
  /** Planned arrival − predicted close, rounded to the ms; in offset order. */
  bins: Array<{ offsetMs: number; sent: number; hit: number }>;
  /**
   * The window against the app's real closes (arrival − the close, ms), never
   * of negative width and holding every hit (race-model.ts drawableWindow);
   * null with no hit, or before v5 (no model).
   */
  windowMs: { from: number; to: number; width: number } | null;
  /**
   * 'model': the summary's own window; 'hits': drawn from the hits, the summary's own (the old rule, v5–v7) being
   * writtenWindowMs.
   */
  windowFrom: 'model' | 'hits' | null;
  /** The summary's own window when it is not the one drawn (negative, or holding no hit); else null. */
  writtenWindowMs: { from: number; to: number; width: number } | null;
  /** The hits' arrival − the app's close they met: model's hitsMs, else the older arrivalMinusAppCloseMs. */
  hitsMs: { min: number; median: number; max: number } | null;
  /**
   * Requests served on their reused connection: the app's stamp − that socket's predicted close (model's
   * servedBeforeCloseMs).
   */
  servedReusedMs: { min: number; max: number; count: number } | null;
  /** Whether the summary has raceWindow.model at all (v5 and later). */
  modelPresent: boolean;
}

/** Chart b's data from the summary alone (raceWindow.byOffsetMs and raceWindow.model). */
export function raceWindowDataOf(summary: Summary): RaceWindowData {
  const rw = summary.raceWindow;
  const bins = Object.entries(rw.byOffsetMs)
    .map(([offset, b]) => ({ offsetMs: Number(offset), sent: b.sent, hit: b.hit }))
    .filter((b) => Number.isFinite(b.offsetMs))
    .sort((a, b) => a.offsetMs - b.offsetMs);
  const hits = rw.model?.hitsMs ?? rw.arrivalMinusAppCloseMs;
  const hitsMs = hits === null ? null : { min: hits.min, median: hits.median, max: hits.max };
  const drawn = rw.model === undefined ? null : drawableWindow(rw.model.windowMs, hitsMs);
  const served = rw.model?.servedBeforeCloseMs ?? null;
  return {
    variant: summary.aimVariant,
    bins,
    windowMs: drawn?.windowMs ?? null,
    windowFrom: drawn?.from ?? null,
    writtenWindowMs: drawn?.from === 'hits' ? (rw.model?.windowMs ?? null) : null,
    hitsMs,
    servedReusedMs: served === null ? null : { min: served.min, max: served.max, count: served.count },
    modelPresent: rw.model !== undefined,
  };
}

/**
 * Chart c: one real hit, step by step, on the app's clock with t = 0 at the
 * socket's last response. Client-side instants (send, answer) are moved onto
 * the app's clock by its estimated offset; the arrival by the send-to-app delay.
 */
export interface HitTimeline {
  variant: string;
  requestId: string;
  method: string;
  cycle: number;
  symptom: ClientSymptom;
  /**
   * The socket whose close is nearest the arrival. A failed request carries no
   * socket id (the app never saw it), and a held burst closes its sockets
   * within a millisecond or two: which of them the LB reused is not known.
   */
  socketId: number;
  /** The app's idle closes within SAME_INSTANT_MS of that one, itself included: the candidates. */
  closesAtOnce: number;
  /** The socket's last served request (its nth). */
  lastRequest: number;
  /** From the app's response-finished record, else the socket-closed record's lastResponseEndMonoMs. */
  lastResponseFrom: 'response-finished' | 'socket-closed';
  /** Each instant in ms after the last response ended (app clock). */
  timerMs: number;
  /** When the timer's instant is the socket's close event (no timer instant recorded). */
  timerIsCloseEvent: boolean;
  /** The socket's 'close' event (later than the timer when the app was busy). */
  closedMs: number;
  clientSendMs: number;
  arrivalMs: number;
  /** The client got its answer; null when it has no latency (a reset without one). */
  clientAnswerMs: number | null;
  /** Arrival − the timer's instant: the race's margin (race-model.ts). */
  arrivalMinusCloseMs: number;
  /**
   * When the socket's keep-alive timer was due (ms after the last response; app-records.ts keepAliveDue); null for a
   * close that was no keep-alive timeout.
   */
  dueMs: number | null;
  /**
   * The app's event-loop delay at the close: its timer's firing − when it was due (race-model.ts); null when unknown.
   */
  loopDelayMs: number | null;
  /**
   * Where the request met the close (race-model.ts HitPlace): unread in the socket, before the due instant, or with the
   * FIN in flight.
   */
  place: HitPlace;
  latencyMs: number | null;
  /** The app's clock − the harness's, and its uncertainty; 0 ± null before v5 (one clock). */
  clockOffsetMs: number;
  clockUncertaintyMs: number | null;
  sendToAppMs: number;
  /** The LB's access-log line of this request, when its log was read. */
  lbLog: { lb: string; status: number; retries: number } | null;
}

/** Closes this near each other are one instant to the race: the LB could have reused any of their sockets. */
export const SAME_INSTANT_MS = 2;

/** Why no timeline can be drawn, in one sentence for the chart. */
export type NoTimeline = { reason: string };

/**
 * Send time to app clock: the estimate (v5), else the one-way latency (before v5 the apps shared the harness's clock).
 */
function appClockOf(
  summary: Summary,
  variant: string,
): { offsetMs: number; uncertaintyMs: number | null; sendToAppMs: number } {
  const clock = summary.schedule.appClocks[variant];
  if (clock) return { offsetMs: clock.offsetMs, uncertaintyMs: clock.uncertaintyMs, sendToAppMs: clock.sendToAppMs };
  return { offsetMs: 0, uncertaintyMs: null, sendToAppMs: summary.schedule.oneWayLatencyMs[variant] ?? 0 };
}

/** A failed aimed request and what the client saw of it. */
interface Hit {
  record: RequestRecord;
  symptom: ClientSymptom;
}

/** Of the hits, the one whose estimated arrival is nearest one of the app's closes (the first of equals), or null. */
function nearestHit(
  hits: readonly Hit[],
  closes: AppAccount['closes'],
  sendToAppMs: number,
): (Hit & { match: NonNullable<ReturnType<typeof matchHit>> }) | null {
  let best: (Hit & { match: NonNullable<ReturnType<typeof matchHit>> }) | null = null;
  for (const hit of hits) {
    const match = matchHit(hit.record, closes, sendToAppMs);
    if (
      match !== null &&
      (best === null || Math.abs(match.arrivalMinusCloseMs) < Math.abs(best.match.arrivalMinusCloseMs))
    )
      best = { ...hit, match };
  }
  return best;
}

/**
 * The aim variant's hit whose estimated arrival is nearest one of its app's
 * closes (race-model.ts's matchHit), with the socket that close ended.
 */
export function hitTimelineOf(
  summary: Summary,
  records: readonly RequestRecord[] | null,
  app: AppAccount | null,
  access: readonly AccessLogEntry[] | null,
): HitTimeline | NoTimeline {
  const variant = summary.aimVariant;
  if (records === null) return { reason: 'requests.ndjson is missing: no request to show.' };
  if (app === null) return { reason: `app-${variant}.log is missing: the app's closes are unknown.` };
  const hits = records.flatMap((record): Hit[] => {
    const symptom = clientSymptom(record);
    return record.variant === variant && record.phase === 'aimed' && symptom !== null ? [{ record, symptom }] : [];
  });
  if (hits.length === 0) return { reason: `${variant} had no failed aimed request: no hit to show.` };
  const clock = appClockOf(summary, variant);
  const best = nearestHit(hits, app.closes, clock.sendToAppMs);
  if (best === null)
    return { reason: `None of ${variant}'s ${hits.length} hits arrived within 100 ms of an app close.` };
  const { record, match, symptom } = best;
  const close = match.close;
  const finished = app.responseEnds.get(`${close.socketId}/${close.requests}`);
  const lastEnd = finished ?? close.lastResponseEndMonoMs;
  if (lastEnd === null)
    return { reason: `The app recorded no response on socket ${close.socketId}: its idle period is unknown.` };
  const toApp = (harnessMs: number) => harnessMs + clock.offsetMs - lastEnd;
  const lbEntry = access?.find((e) => e.request_id === record.requestId) ?? null;
  const due = keepAliveDue(close);
  return {
    variant,
    requestId: record.requestId,
    method: record.method,
    cycle: record.cycle,
    symptom,
    socketId: close.socketId,
    closesAtOnce: app.closes.filter(
      (c) => c.closedBy === 'app' && Math.abs(closeInstant(c) - closeInstant(close)) <= SAME_INSTANT_MS,
    ).length,
    lastRequest: close.requests,
    lastResponseFrom: finished !== undefined ? 'response-finished' : 'socket-closed',
    timerMs: closeInstant(close) - lastEnd,
    timerIsCloseEvent: close.keepAliveTimerAtMonoMs === null,
    closedMs: close.closedAtMonoMs - lastEnd,
    clientSendMs: toApp(record.startMonoMs),
    arrivalMs: match.arrivalMs - lastEnd,
    clientAnswerMs: record.latencyMs === null ? null : toApp(record.startMonoMs + record.latencyMs),
    arrivalMinusCloseMs: match.arrivalMinusCloseMs,
    dueMs: due === null ? null : due - lastEnd,
    loopDelayMs: match.loopDelayMs,
    place: match.place,
    latencyMs: record.latencyMs,
    clockOffsetMs: clock.offsetMs,
    clockUncertaintyMs: clock.uncertaintyMs,
    sendToAppMs: clock.sendToAppMs,
    lbLog: lbEntry === null ? null : { lb: lbEntry.lb, status: lbEntry.status, retries: lbEntry.retries },
  };
}

/**
 * Chart d: per variant, its upstream connections by who closed them (the LB's split into during the traffic and at its
 * shutdown).
 */
export interface ClosedByRow {
  variant: string;
  app: number;
  lbDuringTraffic: number;
  lbAtShutdown: number;
  reset: number;
  open: number;
  total: number;
}

/** The segments of a closed-by bar, in drawing order, with their words. */
export const CLOSED_BY_SEGMENTS = [
  { key: 'app', label: 'app' },
  { key: 'lbDuringTraffic', label: 'LB during traffic' },
  { key: 'lbAtShutdown', label: 'LB at shutdown' },
  { key: 'reset', label: 'reset' },
  { key: 'open', label: 'still open' },
] as const satisfies ReadonlyArray<{ key: keyof ClosedByRow; label: string }>;

/** A tally as a bar: the LB's closes split into those during the traffic and those at its shutdown. */
export function closedByRowOf(variant: string, t: ClosedByTally): ClosedByRow {
  return {
    variant,
    app: t.app,
    lbDuringTraffic: t.lb - t.lbAtShutdown,
    lbAtShutdown: t.lbAtShutdown,
    reset: t.reset,
    open: t.open,
    total: t.total,
  };
}

/** Chart d's data: every variant's tally, in the summary's order. */
export function closedByRowsOf(summary: Summary): ClosedByRow[] {
  return Object.values(summary.variants).map((v) => closedByRowOf(v.name, v.closedBy));
}

/** Chart e: the matrix, one square per cell: rows are variants, columns methods. */
export interface MatrixGrid {
  rows: Array<{ variant: string; lb: string }>;
  columns: string[];
  /** Whether the run had more than one LB: the rows then name theirs. */
  manyLbs: boolean;
  cells: Array<{
    name: string;
    variant: string;
    method: string;
    outcome: CellOutcome;
    /** The cell's verdict as summary.json has it: the word a square says, and its tone (the square's colour). */
    word: VerdictWord;
    tone: VerdictTone;
    failures: number;
    boundary: number | null;
    clientSaw: string;
    masked: number;
    label: string;
  }>;
}

/**
 * What a square says besides its outcome: its boundary requests' failures out of them, one count (boundaryFailureRate:
 * failures / trials), named by the symptom when the cell showed one kind ('14 empty replies / 24', '7 × 502 / 96',
 * 'no failure / 40'), else '9 failures / 24'. A summary older than v4 has no such rate: its words then (clientSaw,
 * every request of the cell) say so.
 */
export function cellCountLabel(c: {
  clientSaw: string;
  counts: ClientFailureCounts;
  boundaryFailureRate: { failures: number; trials: number } | null;
}): string {
  const rate = c.boundaryFailureRate;
  if (rate === null) return `${c.clientSaw} (all requests)`;
  if (rate.failures === 0) return `no failure / ${rate.trials}`;
  const kinds = (Object.entries(symptomsOfCounts(c.counts)) as Array<[ClientSymptom, number]>).filter(([, n]) => n > 0);
  const failed = kinds.length === 1 ? symptomCount(kinds[0][0], rate.failures) : `${rate.failures} failures`;
  return `${failed} / ${rate.trials}`;
}

/** null for a run that is not a matrix. */
export function matrixGridOf(summary: Summary): MatrixGrid | null {
  if (summary.scenario.kind !== 'matrix') return null;
  const rows: MatrixGrid['rows'] = [];
  const columns: string[] = [];
  for (const c of summary.cells) {
    if (!rows.some((r) => r.variant === c.variant)) rows.push({ variant: c.variant, lb: c.lb });
    if (!columns.includes(c.method)) columns.push(c.method);
  }
  return {
    rows,
    columns,
    manyLbs: new Set(rows.map((r) => r.lb)).size > 1,
    cells: summary.cells.map((c) => ({
      name: c.name,
      variant: c.variant,
      method: c.method,
      outcome: c.outcome,
      word: c.verdict.word,
      tone: c.verdict.tone,
      failures: failuresSeen(c.counts),
      boundary: c.counts.boundary,
      clientSaw: c.clientSaw,
      masked: c.counts.masked,
      label: cellCountLabel(c),
    })),
  };
}
