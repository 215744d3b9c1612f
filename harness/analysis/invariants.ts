// Counts that must add up in every summary: a broken one is a bug of the lab
// (a count made twice, a record lost), never a finding about the app. The run's
// verdict turns INCONCLUSIVE with these as its reasons (analysis/verdict.ts),
// and the tests check them over every committed run and every fresh one. Pure.
import type { CellSummary, Summary } from '../records/summary-schema.js';
import { failuresSeen } from '../records/failures.js';

/**
 * The first schema version whose who-closed tally counts distinct sockets (v7 counted close records, and a socket
 * recorded twice counted twice).
 */
export const DISTINCT_SOCKET_TALLY_SINCE = 8;

/** What the invariants read of a summary. */
export type InvariantInput = Pick<Summary, 'variants'> & { nginx: Pick<Summary['nginx'], 'mismatches'> } & {
  cells: Array<Omit<CellSummary, 'verdict'>>;
  schemaVersion?: number;
};

/** Each broken invariant, in one line naming where; empty when every count adds up. */
export function invariantProblems(s: InvariantInput): string[] {
  const problems: string[] = [];
  const version = s.schemaVersion ?? DISTINCT_SOCKET_TALLY_SINCE;
  for (const v of Object.values(s.variants)) {
    const t = v.closedBy;
    if (version >= DISTINCT_SOCKET_TALLY_SINCE && t.app + t.lb + t.reset > t.total) {
      problems.push(
        `${v.name}: closes by app ${t.app} + LB ${t.lb} + reset ${t.reset} exceed the ${t.total} upstream sockets`,
      );
    }
    if (v.requests.boundary > v.requests.total)
      problems.push(`${v.name}: ${v.requests.boundary} boundary requests of ${v.requests.total}`);
    if (v.rate502.failures > v.rate502.trials)
      problems.push(`${v.name}: ${v.rate502.failures} × 502 in ${v.rate502.trials} answered requests`);
  }
  for (const c of s.cells) problems.push(...cellProblems(c));
  // The harness's 502s against the LB's access log (when it could be read).
  for (const m of s.nginx.mismatches)
    problems.push(`${m.variant}: the harness counted ${m.harness502} × 502, the LB's access log ${m.accessLog502}`);
  return problems;
}

function cellProblems(c: Omit<CellSummary, 'verdict'>): string[] {
  const problems: string[] = [];
  const n = c.counts;
  if (n.aimed !== null && n.aimed > n.requests) problems.push(`${c.name}: ${n.aimed} aimed requests of ${n.requests}`);
  if (n.boundary !== null && n.aimed !== null && n.boundary > n.aimed)
    problems.push(`${c.name}: ${n.boundary} boundary requests of ${n.aimed} aimed`);
  // Every request is one of: answered by the app (its own 5xx among them), a failure the client saw, or another client
  // error.
  const failures = failuresSeen(n);
  if (failures + (n.appErrors ?? 0) > n.requests)
    problems.push(`${c.name}: ${failures} failures and ${n.appErrors} app errors in ${n.requests} requests`);
  if (n.emptyReply + n.reset > n.clientErrors)
    problems.push(`${c.name}: ${n.emptyReply + n.reset} dropped connections but ${n.clientErrors} client-side errors`);
  if ((n.untied ?? 0) > failures) problems.push(`${c.name}: ${n.untied} untied failures of ${failures}`);
  const cycles = c.boundaryCycles;
  if (cycles !== null && cycles.hitting > cycles.cycles)
    problems.push(`${c.name}: ${cycles.hitting} hitting cycles of ${cycles.cycles}`);
  const rate = c.boundaryFailureRate;
  if (rate !== null && n.boundary !== null && rate.trials !== n.boundary)
    problems.push(`${c.name}: a failure rate over ${rate.trials} boundary requests, ${n.boundary} counted`);
  return problems;
}
