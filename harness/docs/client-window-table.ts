// How often a request aimed from the client alone meets a server's idle close
// (docs/client-side-aim.md): the trials of scripts/client-window-experiment.ts,
// a file per server and condition, a row per file. Every figure is counted
// here from the trials; nothing is typed in.
import { failureRateText } from '../report/boundary-text.js';
import { markdownTable } from '../report/markdown-table.js';
import { median, proportion } from '../model/stats.js';
import { EXAMPLE_SERVERS, exampleImage } from '../scenarios/examples.js';

/** One trial as the experiment writes it (the fields the table reads). */
export interface ClientWindowTrialRecord {
  /** The server's image. */
  image: string;
  /** The server's idle close: the median of the probes (ms). */
  probedCloseMs: number;
  /** Each probe's close, in the order they started, 100 ms apart (ms). */
  probeSamplesMs: number[];
  /** Sent − (answer's arrival − fastest round trip + probed close): where the request really went (ms). */
  sentOffsetMs: number;
  /** 'served' (200), 'failed' (502), or anything else. */
  outcome: 'served' | 'failed' | 'other';
  /** Connections of POSTs back to back beside the aimed requests (--load). */
  fillerConnections: number;
  /** POSTs on other connections before each aimed request (--companions), and how long before (--lead). */
  companions: number;
  companionLeadMs: number;
  /** The trial's pool, its round (one aimed request per pool and round), and the offset it was planned at. */
  pool: number;
  round: number;
  plannedOffsetMs: number;
  /** How far apart the pools' chains started (ms); 0 with `together`. */
  poolStaggerMs: number;
  /** --together: per round one burst on every pool at one instant, then each pool's aimed request (absent: false). */
  together?: boolean;
}

/** The plain Node app the your-app docs run (test/fixtures/your-apps/plain-node), by its image. */
const OTHER_SERVERS: Record<string, string> = {
  'keepalive-lab/plain-node:node24': 'plain Node 24 `http.createServer` (no preload)',
};

/** The files of docs/measurements/client-window/ the table shows, a row each, in this order. */
export const CLIENT_WINDOW_FILES = [
  'python-uvicorn',
  'python-uvicorn-load',
  'python-uvicorn-companions',
  'python-gunicorn',
  'go-nethttp',
  'jvm-jetty',
  'plain-node',
  'plain-node-companions',
  'python-uvicorn-together',
  'go-nethttp-together',
  'go-nethttp-together-early',
  'jvm-jetty-together',
  'plain-node-together',
] as const;

/** The offsets are counted in bins this wide: what the best bin says is a rate an aim that finds it could have. */
export const OFFSET_BIN_MS = 2;

export function serverOf(image: string): string {
  const example = EXAMPLE_SERVERS.find((e) => exampleImage(e) === image);
  const name = example?.server ?? OTHER_SERVERS[image];
  if (!name) throw new Error(`no name for the server of image ${image}`);
  return name;
}

/**
 * A signed ms figure as the docs' tables write it: a true minus sign, a plus for after, none for zero; `digits`
 * decimals, or (without) as few as the value needs, to the hundredth.
 */
export function signedText(v: number, digits?: number): string {
  const text = digits === undefined ? String(Number(Math.abs(v).toFixed(2))) : Math.abs(v).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${v < 0 ? '−' : '+'}${text}`;
}
const sign = (v: number) => signedText(v);

/** What went to the app beside the aimed requests. */
export function conditionOf(trial: ClientWindowTrialRecord): string {
  if (trial.together === true) return "the other pools' aimed requests (one burst on all pools each round)";
  if (trial.companions > 0)
    return `${trial.companions} POSTs on other connections, ${trial.companionLeadMs} ms before each aimed one`;
  if (trial.fillerConnections > 0) return `POSTs back to back on ${trial.fillerConnections} other connections`;
  return 'nothing';
}

/** "12 of 14": how many of the failures were sent within ±OFFSET_BIN_MS of the estimated close; "—" for none. */
export function nearEstimateText(trials: readonly ClientWindowTrialRecord[]): string {
  const failed = trials.filter((t) => t.outcome === 'failed');
  if (failed.length === 0) return '—';
  const near = failed.filter((t) => Math.abs(t.sentOffsetMs) < OFFSET_BIN_MS).length;
  return `${near} of ${failed.length}`;
}

/** "round 1": the round of the first failure (rounds counted from 1); "none" without one. */
export function firstFailureText(trials: readonly ClientWindowTrialRecord[]): string {
  const rounds = trials.filter((t) => t.outcome === 'failed').map((t) => t.round);
  return rounds.length === 0 ? 'none' : `round ${Math.min(...rounds) + 1}`;
}

/** A bin of offset counts only with this many requests sent in it: fewer, and one failure would make it the best. */
export const MIN_BIN_TRIALS = 10;

/** Requests and failures per `binMs` of `atMs` (keyed by the bin's start), in order. */
export function binsOf(
  points: ReadonlyArray<{ atMs: number; failed: boolean }>,
  binMs: number,
): Map<number, { failed: number; n: number }> {
  const bins = new Map<number, { failed: number; n: number }>();
  for (const p of points) {
    const from = binMs * Math.floor(p.atMs / binMs);
    const bin = bins.get(from) ?? { failed: 0, n: 0 };
    bin.n++;
    if (p.failed) bin.failed++;
    bins.set(from, bin);
  }
  return new Map([...bins].sort((a, b) => a[0] - b[0]));
}

/**
 * The bin, among those with at least minN requests, where the largest share failed (then the most, then the earliest),
 * as "−2 … 0 ms: 2 / 15: 13.3 % (3.7 %–37.9 %)" with that bin's own interval; "none failed" when no such bin had one.
 */
export function bestBinOf(
  bins: ReadonlyMap<number, { failed: number; n: number }>,
  binMs: number,
  minN: number,
): string {
  const ranked = [...bins]
    .filter(([, b]) => b.n >= minN && b.failed > 0)
    .sort((a, b) => b[1].failed / b[1].n - a[1].failed / a[1].n || b[1].failed - a[1].failed || a[0] - b[0]);
  if (ranked.length === 0) return 'none failed';
  const [from, best] = ranked[0];
  const rate = failureRateText(proportion(best.failed, best.n));
  return `${sign(from)} … ${sign(from + binMs)} ms: ${best.failed} / ${best.n}: ${rate}`;
}

/** Served and failed requests per OFFSET_BIN_MS of offset (keyed by the bin's start), in order of offset. */
export function offsetBins(trials: readonly ClientWindowTrialRecord[]): Map<number, { failed: number; n: number }> {
  const answered = trials.filter((t) => t.outcome !== 'other');
  return binsOf(
    answered.map((t) => ({ atMs: t.sentOffsetMs, failed: t.outcome === 'failed' })),
    OFFSET_BIN_MS,
  );
}

/**
 * The 2 ms of offset, among those with MIN_BIN_TRIALS requests or more, where the largest share failed (then the
 * most, then the earliest): "−2 … 0 ms: 2 / 15: 13.3 % (3.7 %–37.9 %)", with that bin's own interval; "none failed"
 * when no such bin had a failure. Only served and failed requests count.
 */
export function bestBinText(trials: readonly ClientWindowTrialRecord[]): string {
  return bestBinOf(offsetBins(trials), OFFSET_BIN_MS, MIN_BIN_TRIALS);
}

/** The most of a file's trials that may end neither served nor failed: more, and it measured something else. */
export const MAX_OTHER_SHARE = 0.01;

/** "5011.5 ms; 5001.1 … 5002.7 ms": the first socket's close, and the range of the others'. */
export function probeSocketsText(samplesMs: readonly number[]): string {
  const [first, ...others] = samplesMs;
  if (first === undefined) return '—';
  const ms = (v: number) => v.toFixed(1);
  return others.length === 0
    ? `${ms(first)} ms`
    : `${ms(first)} ms; ${ms(Math.min(...others))} … ${ms(Math.max(...others))} ms`;
}

/** One file's row: the server, what went beside, its probed close, and how many aimed requests failed. */
export function clientWindowRow(trials: readonly ClientWindowTrialRecord[]): string[] {
  if (trials.length === 0) throw new Error('no trials');
  const [first] = trials;
  const answered = trials.filter((t) => t.outcome !== 'other');
  const other = trials.length - answered.length;
  if (other > MAX_OTHER_SHARE * trials.length)
    throw new Error(
      `${first.image}: ${other} of ${trials.length} aimed requests got neither 200 nor 502: not a measurement of the race`,
    );
  const failed = answered.filter((t) => t.outcome === 'failed').length;
  const rate = proportion(failed, answered.length);
  const spread = trials.map((t) => t.sentOffsetMs);
  return [
    serverOf(first.image),
    conditionOf(first),
    `${(median(trials.map((t) => t.probedCloseMs)) ?? 0).toFixed(1)} ms`,
    probeSocketsText(first.probeSamplesMs),
    `${sign(Math.floor(Math.min(...spread)))} … ${sign(Math.ceil(Math.max(...spread)))} ms`,
    `${failed} / ${answered.length}: ${failureRateText(rate)}${other > 0 ? ` (${other} other)` : ''}`,
    nearEstimateText(answered),
    firstFailureText(answered),
    bestBinText(trials),
  ];
}

export function clientWindowTable(files: ReadonlyArray<readonly ClientWindowTrialRecord[]>): string {
  return markdownTable(
    [
      'server',
      'beside each aimed request',
      'idle close (probe: the median)',
      'the first probe socket; the others',
      'sent at (from the estimated close)',
      'failed (502) / answered',
      `of the failures, sent within ±${OFFSET_BIN_MS} ms of the estimate`,
      'first failure',
      `the ${OFFSET_BIN_MS} ms of offset that failed most (≥ ${MIN_BIN_TRIALS} sent)`,
    ],
    files.map(clientWindowRow),
  );
}

/** How one file's trials were taken, from the trials themselves: "`go-nethttp.ndjson` (…): 288 aimed requests, …". */
export function clientWindowMethod(file: string, trials: readonly ClientWindowTrialRecord[]): string {
  if (trials.length === 0) throw new Error(`${file}: no trials`);
  const pools = new Set(trials.map((t) => t.pool)).size;
  const rounds = new Set(trials.map((t) => t.round)).size;
  const planned = trials.map((t) => t.plannedOffsetMs);
  const stagger = [...new Set(trials.map((t) => t.poolStaggerMs))].join(', ');
  const shape =
    trials[0].together === true
      ? 'each round one burst on every pool at one instant, then each aimed request'
      : `the pools started ${stagger} ms apart, each aimed request`;
  return (
    `\`${file}.ndjson\` (${trials[0].image}): ${trials.length} aimed requests in ${pools} pools over ${rounds} ` +
    `rounds (one per pool and round at most), ${shape} planned at an offset drawn from ` +
    `${sign(Math.min(...planned))} … ${sign(Math.max(...planned))} ms`
  );
}
