// The failure rate an LB-side fix is compared with its baseline by. Pure.
import { proportion, type Proportion } from '../model/stats.js';
import type { CellSummary } from '../records/summary-schema.js';

/**
 * A cell's failures among all its requests aimed at the app's close, answered or not. Its boundaryFailureRate
 * counts only those that tested the boundary, and an LB-side fix's cell and its baseline's count different ones
 * there: the fix's every answered request (a new connection is the fix at work), the baseline's a failure or a reused
 * connection. Side by side, those two rates would flatter a fix that only sometimes works. Every failed aimed request
 * is a boundary request, so the failures are the same. null when the cell counted no aimed requests.
 */
export function aimedFailureRateOf(cell: Pick<CellSummary, 'counts' | 'boundaryFailureRate'>): Proportion | null {
  const aimed = cell.counts.aimed;
  if (aimed === null || aimed === 0 || cell.boundaryFailureRate === null) return null;
  return proportion(cell.boundaryFailureRate.failures, aimed);
}
