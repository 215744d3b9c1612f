// The answer for your app, in one line a CI log shows: UNSAFE, SAFE,
// INCONCLUSIVE or INCOMPLETE, with the measurement behind it. Pure: the word is
// the app's cell's verdict (analysis/verdict.ts) mapped by APP_WORD_OF; the
// line adds the probe's close, the LB's timeout and how it was measured.
import { percent } from '../model/stats.js';
import { APP_WORD_OF, type AppVerdictWord as AppVerdict } from '../model/verdict.js';
import type { CellSummary } from '../records/summary-schema.js';
import type { Measurement } from '../model/measurement.js';

export type { Measurement };

export interface VerdictInput {
  /** The run ended early (a fault, an interrupt): whatever its counts, INCOMPLETE. */
  incomplete?: string | null;
  cell: Pick<
    CellSummary,
    | 'outcome'
    | 'reason'
    | 'clientSaw'
    | 'counts'
    | 'closedBy'
    | 'boundaryRate502'
    | 'boundaryFailureRate'
    | 'boundaryCycles'
    | 'method'
    | 'lb'
    | 'lbLogAppCloses'
    | 'verdict'
  >;
  /** The probe's idle close straight at the app, ms; null when it kept the socket open past the LB's timeout. */
  appIdleCloseMs: number | null;
  lbIdleTimeoutMs: number;
  measurement: Measurement;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** What the client-side method cannot see, said next to any verdict it gives. */
export const CLIENT_SIDE_LIMIT =
  "measured from the client side (no preload: not a Node app, or it did not load): the idle close from a raw socket, failures from the client and the LB's log; who closed an upstream connection under a request from the LB's error log, where it writes one (nginx, Caddy; not HAProxy)";

/** The same, short, at the end of a verdict line, behind an LB that logs nothing of who closed (HAProxy). */
export const CLIENT_SIDE_NOTE = 'measured from the client side: who closed each connection is not seen';

/**
 * What the client side cannot see, from the LB's own error log where it writes one (the cell's lbLogAppCloses): its
 * lines that say the app closed or reset the upstream connection under a request (one per failed request here).
 */
export function clientSideNote(cell: Pick<CellSummary, 'lb' | 'lbLogAppCloses'>): string {
  const n = cell.lbLogAppCloses;
  if (n === null) return CLIENT_SIDE_NOTE;
  const lines = n === 0 ? 'no line' : `${n} line${n === 1 ? '' : 's'}`;
  return `measured from the client side; ${cell.lb}'s error log: ${lines} of the app closing or resetting the upstream connection under a request`;
}

/**
 * Your app's verdict and the line a CI log shows. The word is the cell's
 * (analysis/verdict.ts) mapped by APP_WORD_OF; this only says it in words, with
 * the measurement behind it.
 */
export function appVerdict({ cell, appIdleCloseMs, lbIdleTimeoutMs, measurement, incomplete = null }: VerdictInput): {
  verdict: AppVerdict;
  line: string;
} {
  if (incomplete !== null) return { verdict: 'INCOMPLETE', line: `INCOMPLETE: the run did not finish (${incomplete})` };
  const verdict = APP_WORD_OF[cell.verdict.word];
  const lb = `the LB keeps them ${seconds(lbIdleTimeoutMs)}`;
  const closes =
    appIdleCloseMs === null
      ? `your app closed idle connections the LB still held`
      : `your app closes idle connections after ${seconds(appIdleCloseMs)}`;
  const limit = measurement === 'client-side' ? ` (${clientSideNote(cell)})` : '';
  const { counts } = cell;
  switch (verdict) {
    case 'UNSAFE': {
      if (cell.outcome === 'masked')
        return {
          verdict,
          line: `UNSAFE: ${closes}; ${lb}; this LB hid it from ${cell.method} (${cell.reason}), a request it does not retry gets a 502${limit}`,
        };
      // The aimed requests' own failures against the aimed count; the bursts' failures said apart, never added to them.
      const aimedFailed = cell.boundaryFailureRate?.failures ?? 0;
      const cycles =
        cell.boundaryCycles === null
          ? ''
          : ` (${cell.boundaryCycles.hitting}/${cell.boundaryCycles.cycles} aimed cycles)`;
      const all = `${cell.clientSaw} in all ${counts.requests} requests`;
      return {
        verdict,
        line: `UNSAFE: ${closes}; ${lb}; reproduced: ${aimedFailed} of ${counts.aimed} requests aimed at the close failed${cycles}, ${all}${limit}`,
      };
    }
    case 'SAFE': {
      // Both bounds, one-sided 95 %: per request, and per aimed cycle (failures cluster by cycle: the honest unit, and
      // a wide bound).
      const cycles = cell.boundaryCycles;
      const perCycle =
        cycles === null ? '' : `; ${cycles.cycles} aimed cycles: ≤ ${percent(cycles.rate.high)} per cycle`;
      const bound = `0 failures in ${counts.boundary} at the LB's boundary (≤ ${percent(cell.boundaryFailureRate?.high ?? 1)} per request${perCycle}, one-sided 95 %)`;
      if (measurement === 'client-side') {
        const open =
          appIdleCloseMs === null
            ? "your app kept an idle connection open past the LB's timeout"
            : `your app closes idle connections after ${seconds(appIdleCloseMs)}`;
        return { verdict, line: `SAFE: ${open}; ${lb}; ${bound}${limit}` };
      }
      const t = cell.closedBy;
      const idleLb = t.lb - t.lbAtShutdown;
      const firstText =
        idleLb > 0
          ? `the LB closed every idle upstream connection first (${idleLb}/${idleLb + t.app + t.reset})`
          : 'your app closed no idle upstream connection the LB held';
      return { verdict, line: `SAFE: ${firstText}; ${bound}` };
    }
    default:
      return { verdict, line: `${verdict}: ${cell.verdict.reasons[0] ?? cell.reason}${limit}` };
  }
}
