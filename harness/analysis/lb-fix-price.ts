// What a cell's setup costs beside the failures it saves, read most for an
// LB-side fix: the upstream connections the app accepted, the latency the fix
// adds over its baseline (the same app and method behind the same LB without
// it), and the requests the app answered twice (an LB's retry replayed one the
// app had already handled). Pure.
import type { ResponseFinished, SocketClosedRecord } from '../model/protocol.js';
import { median, nearestRankPercentile } from '../model/stats.js';
import { clientSymptom, type RequestRecord } from '../records/request-records.js';
import type { CellSummary } from '../records/summary-schema.js';
import { NO_LB_FIX } from '../scenarios/lb-fixes.js';
import type { Variant } from '../scenarios/scenarios.js';

/** To 0.1: a price is read as a trend between cells, not to the µs. */
const toTenth = (x: number): number => Math.round(x * 10) / 10;

/**
 * Upstream connections the app accepted per 1,000 responses it finished: its distinct socket ids (closed or
 * answering) over its responses, to 0.1. Every connection counts, the probe's straight to the app too (one or
 * two among hundreds). null when the app finished none (no preload, or nothing reached it).
 */
export function connectionsPer1000Of(
  closes: readonly Pick<SocketClosedRecord, 'socketId'>[],
  responses: readonly Pick<ResponseFinished, 'socketId'>[],
): number | null {
  if (responses.length === 0) return null;
  const sockets = new Set([...closes, ...responses].map((r) => r.socketId));
  return toTenth((sockets.size / responses.length) * 1000);
}

/**
 * Request ids of one method the app finished answering at least twice (the same request served twice: an LB
 * replayed it). A replay whose second answer never finished (the client had gone) does not count: only finished
 * responses name their request. null when no response of the app names a request id (an older preload's, or none).
 */
export function duplicatesOf(
  responses: readonly Pick<ResponseFinished, 'method' | 'requestId'>[],
  method: string,
): number | null {
  if (!responses.some((r) => typeof r.requestId === 'string')) return null;
  const answers = new Map<string, number>();
  for (const r of responses)
    if (r.method === method && typeof r.requestId === 'string')
      answers.set(r.requestId, (answers.get(r.requestId) ?? 0) + 1);
  return [...answers.values()].filter((n) => n >= 2).length;
}

/**
 * The variant an LB-side fix is measured against: the same app (node line, server mode, fix; a user's image)
 * behind the same LB, without an LB-side fix. null for a baseline, or when the run has none.
 */
export function baselineOf(v: Variant, variants: readonly Variant[]): Variant | null {
  if ((v.lbFix ?? NO_LB_FIX) === NO_LB_FIX) return null;
  return (
    variants.find(
      (b) =>
        (b.lbFix ?? NO_LB_FIX) === NO_LB_FIX &&
        b.lb === v.lb &&
        b.nodeLine === v.nodeLine &&
        b.serverMode === v.serverMode &&
        b.fix === v.fix &&
        b.app?.image === v.app?.image,
    ) ?? null
  );
}

/**
 * The median and p99 (nearest rank) client latency of the price rounds' requests the app answered (engine.ts: one
 * at a time, on a machine at rest); null when none. The cycles' requests cannot price a fix: their batches queue
 * for hundreds of milliseconds behind each other, and a burst's responses are held by the lab.
 */
function latencyOf(requests: readonly RequestRecord[]): { median: number; p99: number } | null {
  const answered = requests.flatMap((r) =>
    r.phase === 'price' && r.status !== null && r.latencyMs !== null && clientSymptom(r) === null ? [r.latencyMs] : [],
  );
  const middle = median(answered);
  const p99 = nearestRankPercentile(answered, 99);
  return middle === null || p99 === null ? null : { median: middle, p99 };
}

/**
 * What a cell's price requests the app answered took over its baseline's of the same method: median − median and
 * p99 − p99 (nearest rank), each to 0.1 ms. null without a baseline, or when either side had none answered.
 */
export function addedLatencyOf(
  requests: readonly RequestRecord[],
  baseline: readonly RequestRecord[] | null,
): CellSummary['addedLatencyMs'] {
  const mine = latencyOf(requests);
  const theirs = baseline === null ? null : latencyOf(baseline);
  if (mine === null || theirs === null) return null;
  return { median: toTenth(mine.median - theirs.median), p99: toTenth(mine.p99 - theirs.p99) };
}
