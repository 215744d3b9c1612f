// Where the client-side aim's requests really reached the app, against when the
// app really closed (docs/client-side-aim.md): lab runs captured on the Docker
// bridge (scripts/bridge-capture/capture.sh) and read by analyze.py into rows,
// a file per server and LB, a table row per file. Every figure is counted here
// from the rows; nothing is typed in.
import { failureRateText } from '../report/boundary-text.js';
import { markdownTable } from '../report/markdown-table.js';
import { median, nearestRankPercentile, percent, proportion } from '../model/stats.js';
import { clientSymptom } from '../records/request-records.js';
import { bestBinOf, binsOf, serverOf, signedText } from './client-window-table.js';

interface CaptureRowBase {
  /** The app's image, the LB it ran behind, and the lab run captured. */
  image: string;
  lb: string;
  runId: string;
}

/** A connection the app closed with nothing sent on it after its last response. */
export interface IdleCloseRow extends CaptureRowBase {
  kind: 'idle-close';
  /** The app's FIN or RST less its last response, both on the wire (ms). */
  closeAfterResponseMs: number;
}

/** An aimed request of the variant "yours" that reached the app, as the harness recorded it and the wire saw it. */
export interface AimedAtAppRow extends CaptureRowBase {
  kind: 'aimed';
  requestId: string;
  cycle: number;
  /** Where the lab planned it, from its own estimate of that connection's close (ms). */
  offsetMs: number;
  /** What the client got: the harness's own record (its failure rule, clientSymptom, reads these). */
  status: number | null;
  error: string | null;
  /** The LB sent it on a new connection: it had seen the old one close first. */
  newConnection: boolean;
  /** Its arrival at the app less the end of the burst's response on its connection, on the wire (ms). */
  arrivalAfterResponseMs: number;
  /** The client's idle start for that connection (the answer's arrival) less that response's end (ms). */
  idleStartErrorMs: number | null;
}

export type CaptureRow = IdleCloseRow | AimedAtAppRow;

/** An aimed request placed against its connection's due, and whether the client saw the race. */
export interface AimedAtApp extends AimedAtAppRow {
  /** arrivalAfterResponseMs less the capture's due (ms). */
  arrivalFromDueMs: number;
  failed: boolean;
}

/** One capture as the table reads it: the app's idle closes, the due they give, its aimed requests against it. */
export interface WireCapture {
  closesMs: number[];
  /** The median idle close: how long after a response the app closes a connection left idle (ms). */
  dueAfterResponseMs: number;
  aimed: AimedAtApp[];
}

export function wireCaptureOf(rows: readonly CaptureRow[]): WireCapture {
  const closesMs = rows.flatMap((r) => (r.kind === 'idle-close' ? [r.closeAfterResponseMs] : []));
  const due = median(closesMs);
  if (due === null) throw new Error('a capture without an idle close of the app: no due to place requests against');
  const aimed = rows.flatMap((r) =>
    r.kind === 'aimed'
      ? [{ ...r, arrivalFromDueMs: r.arrivalAfterResponseMs - due, failed: clientSymptom(r) !== null }]
      : [],
  );
  if (aimed.length === 0) throw new Error('a capture without an aimed request seen at the app');
  return { closesMs, dueAfterResponseMs: due, aimed };
}

/** The captures the table shows, a row each, in this order (docs/measurements/bridge-capture/<name>.ndjson). */
export const WIRE_CAPTURE_FILES = [
  'python-uvicorn-nginx',
  'python-uvicorn-caddy',
  'plain-node-nginx',
  'go-nethttp-nginx',
  'jvm-jetty-nginx',
] as const;

/** Arrivals are counted in bins this wide: the best bin is what a client that knew each due exactly could have. */
export const ARRIVAL_BIN_MS = 1;
/** A bin counts only with this many aimed requests in it: fewer, and one failure would make it the best. */
export const MIN_ARRIVAL_BIN = 10;

/** The share of aimed requests a client-side aim is asked to fail (the lab's own target for it, issue 26). */
export const TARGET_SHARE = 0.3;
/** The widest span of arrival tried, and the step its start moves by (ms). */
const MAX_SPAN_MS = 12;
const SPAN_STEP_MS = 0.25;

/** "5001.4 ms (5000.4 … 5002.6)": the median and the 10th … 90th percentiles; "—" for none. */
export function spreadText(values: readonly number[], show: (v: number) => string): string {
  const mid = median(values);
  if (mid === null) return '—';
  const p = (q: number) => show(nearestRankPercentile(values, q) ?? mid);
  return `${show(mid)} (${p(10)} … ${p(90)})`;
}

/**
 * The ARRIVAL_BIN_MS of arrival from the due, among those with MIN_ARRIVAL_BIN requests or more, where the largest
 * share failed (then the most, then the earliest): "0 … +1 ms: 5 / 10: 50.0 % (23.7 %–76.3 %)"; "none failed".
 */
export function bestArrivalBinText(aimed: readonly AimedAtApp[]): string {
  const points = aimed.map((r) => ({ atMs: r.arrivalFromDueMs, failed: r.failed }));
  return bestBinOf(binsOf(points, ARRIVAL_BIN_MS), ARRIVAL_BIN_MS, MIN_ARRIVAL_BIN);
}

/**
 * The widest span of arrival from the due, in whole ms (its start on a SPAN_STEP_MS grid, MIN_ARRIVAL_BIN requests or
 * more in it), in which TARGET_SHARE or more of the aimed requests failed, with that share's interval:
 * "4 ms (0 … +4): 34 / 106: 32.1 % (24.0 %–41.5 %)"; of equal widths the largest share, then the earliest. "≥" when a
 * wider span would only add spans without a request (it holds every arrival) or is past MAX_SPAN_MS. "none" when not
 * even 1 ms did. It says where this run's requests failed that often, as this run's aim spread them.
 */
export function widestTargetSpanText(aimed: readonly AimedAtApp[]): string {
  const arrivals = aimed.map((r) => r.arrivalFromDueMs);
  const lowest = Math.floor(Math.min(...arrivals));
  // Spans are half-open: the last one must pass the largest arrival even when it is a whole ms.
  const highest = Math.floor(Math.max(...arrivals)) + 1;
  for (let width = Math.min(MAX_SPAN_MS, highest - lowest); width >= 1; width--) {
    let best: { from: number; failed: number; n: number } | null = null;
    for (let from = lowest; from + width <= highest + SPAN_STEP_MS / 2; from += SPAN_STEP_MS) {
      const inside = aimed.filter((r) => r.arrivalFromDueMs >= from && r.arrivalFromDueMs < from + width);
      const failed = inside.filter((r) => r.failed).length;
      if (inside.length < MIN_ARRIVAL_BIN || failed < TARGET_SHARE * inside.length) continue;
      if (best === null || failed / inside.length > best.failed / best.n) best = { from, failed, n: inside.length };
    }
    if (best !== null) {
      const atLeast = best.n === aimed.length || width === MAX_SPAN_MS ? '≥ ' : '';
      const share = failureRateText(proportion(best.failed, best.n));
      return `${atLeast}${width} ms (${signedText(best.from)} … ${signedText(best.from + width)}): ${best.failed} / ${best.n}: ${share}`;
    }
  }
  return 'none';
}

/** One capture's row. */
export function wireCaptureRow(rows: readonly CaptureRow[]): string[] {
  const { closesMs, aimed } = wireCaptureOf(rows);
  const [first] = aimed;
  const failed = aimed.filter((r) => r.failed).length;
  const cycles = new Set(aimed.map((r) => r.cycle)).size;
  const estimates = aimed.flatMap((r) => (r.idleStartErrorMs === null ? [] : [r.idleStartErrorMs]));
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const signedMs = (v: number) => `${signedText(v, 1)} ms`;
  return [
    serverOf(first.image),
    first.lb,
    `${cycles} · ${aimed.length}`,
    `${spreadText(closesMs, ms)}, ${closesMs.length} closes`,
    spreadText(estimates, signedMs),
    spreadText(
      aimed.map((r) => r.arrivalFromDueMs),
      signedMs,
    ),
    spreadText(
      aimed.map((r) => r.arrivalFromDueMs - r.offsetMs),
      signedMs,
    ),
    `${aimed.filter((r) => r.newConnection).length}`,
    `${failed} / ${aimed.length}: ${failureRateText(proportion(failed, aimed.length))}`,
    bestArrivalBinText(aimed),
    widestTargetSpanText(aimed),
  ];
}

export function wireCaptureTable(files: ReadonlyArray<readonly CaptureRow[]>): string {
  return markdownTable(
    [
      'server',
      'LB',
      'aimed cycles · requests seen at the app',
      "the app's close after its last response: median (10th … 90th percentile)",
      "the client's idle start less the app's response",
      'aimed requests at the app, from the due',
      "the same less each one's planned offset: the client's own scatter",
      'of them the LB sent on a new connection',
      'failed / aimed',
      `the ${ARRIVAL_BIN_MS} ms of arrival that failed most (≥ ${MIN_ARRIVAL_BIN} there)`,
      `the widest span of arrival that failed ≥ ${percent(TARGET_SHARE, 0)}`,
    ],
    files.map(wireCaptureRow),
  );
}

/** How one capture was taken, from its rows: "`python-uvicorn-nginx.ndjson` (…, run …): 12 aimed cycles, …". */
export function wireCaptureMethod(file: string, rows: readonly CaptureRow[]): string {
  const { aimed, dueAfterResponseMs } = wireCaptureOf(rows);
  return (
    `\`${file}.ndjson\` (${aimed[0].image} behind ${aimed[0].lb}, run ${aimed[0].runId}): ` +
    `${new Set(aimed.map((r) => r.cycle)).size} aimed cycles, the due ${dueAfterResponseMs.toFixed(1)} ms after each response`
  );
}
