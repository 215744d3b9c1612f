// docs/lb-fixes.md's "How a fix is tested", its numbers read from the code
// that applies them (the evidence an LB-side fix's SAFE needs, the traffic per
// cycle, the price rounds), so the prose cannot drift from the lab.
import { LB_FIX_BOUNDARY_PER_CELL } from '../scenarios/lb-fixes.js';
import { LB } from '../scenarios/scenarios.js';
import { PRICE_GAP_UNDER_APP_CLOSE_MS, PRICE_ROUNDS_PER_METHOD } from '../traffic/aim-policy.js';

const seconds = (ms: number) => `${ms / 1000} s`;

/** The bullets of "How a fix is tested". */
export function lbFixMethod(): string {
  const perCycle = LB.upstreamKeepaliveConnections;
  return [
    "- **Where:** every request of a fix's cycle is aimed at the instant the app",
    '  closes its idle connections (its close, measured by the probe). That is',
    '  where the LB unfixed hands a request a connection the app is closing: its',
    '  baseline, aimed at the same instant, shows the race there.',
    '- **A boundary request** of a fix is an aimed request that failed, reused an',
    '  idle connection, or was answered on a new one (the LB had closed the idle',
    '  connection, or never kept it: the fix at work). One that got a connection',
    '  its own batch had just freed tested nothing.',
    "- **The verdict** is the matrix's ([outcomes](matrix.md#outcomes)): SAFE needs",
    `  no failure in at least ${LB_FIX_BOUNDARY_PER_CELL} boundary requests per method (\`--only lbfix=…\``,
    '  makes that the default: one-sided 95 %) and the app closing none of the',
    "  LB's idle connections. A fix that keeps the client from seeing the race by",
    '  replaying the request on a new connection is **MASKED**, never SAFE:',
    '  behind it, a request the app had begun before the connection died would',
    '  run twice.',
    "- **The rate in the tables** is a cell's failures among all its requests",
    "  aimed at the app's close, for a fix and its baseline alike. (A cell's",
    '  boundary requests, which the verdict counts, differ between the two: a',
    "  fix's are every answered request, a baseline's only its failures and",
    '  reuses; side by side they would flatter a fix that only sometimes works.)',
    '- **The price**, per cell: the upstream connections the app accepted per',
    '  1,000 responses (its connection accounting, over the whole run: each fix',
    `  and its baseline send the same traffic, a full LB pool of ${perCycle} a cycle), the`,
    '  added client latency, and the requests the app answered twice (the same',
    '  request id served twice: a replay it had already handled). The latency',
    "  comes from the run's price rounds, after its cycles: per method",
    `  ${PRICE_ROUNDS_PER_METHOD} times an idle gap ${seconds(PRICE_GAP_UNDER_APP_CLOSE_MS)} under the app's close, then one request per`,
    `  app, one at a time, the methods in turn (a method's p99 is the slowest of its ${PRICE_ROUNDS_PER_METHOD}).`,
    '  There a baseline reuses its idle connection and a fix that closed it opens',
    '  a new one; a fix that retries pays at the race instead, which its MASKED',
    "  cell's `maskedLatencyMs` shows. The cycles' own latencies price nothing:",
    "  every app's batch lands at one instant and queues behind the others.",
    '- **Answered twice** counts what the run provoked: retries of requests that',
    '  met a dead idle connection, which the app had never read. A retry on a',
    '  timeout (`proxy_next_upstream timeout`, `retry-on response-timeout`)',
    '  replays a request the app has begun; no run here waits for one.',
  ].join('\n');
}
