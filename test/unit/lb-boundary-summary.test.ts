// The talk-sized run's fixed app at the LB's own timeout (the LB-boundary
// lane): summarized apart as variants.fixed.lbBoundary, its requests part of
// the fixed cells' evidence (a failure there is FIX FAILED by the one verdict
// rule), named by the headline and the verdict text; older summaries read
// with lbBoundary null.
import t from 'tap';
import type { SocketClosedRecord } from '../../harness/model/protocol.js';
import { invariantProblems } from '../../harness/analysis/invariants.js';
import { buildSummary, type SummaryInput } from '../../harness/analysis/summarize.js';
import { lbBoundaryOf } from '../../harness/analysis/variant-summary.js';
import { headlineText } from '../../harness/report/headline.js';
import { readSummary, validateSummary, type CycleRecord } from '../../harness/results/schema.js';
import type { RequestRecord } from '../../harness/records/request-records.js';
import { syntheticInput } from '../helpers/synthetic-run.js';

const LB_MS = 60_000;
const GAP_MS = 59_500;
/** After the synthetic short lane's cycles, on the harness's (and here the app's) clock. */
const SENT_AT = 200_000;

/**
 * The LB-boundary lane's batch: `n` requests, each reusing a connection idle about GAP_MS; `answer` for the first POST.
 */
function lbBoundaryBatch(
  n: number,
  answer: 'ok' | 'race-502' = 'ok',
): { records: RequestRecord[]; closes: SocketClosedRecord[]; cycle: CycleRecord } {
  const records: RequestRecord[] = [];
  const closes: SocketClosedRecord[] = [];
  for (let i = 0; i < n; i++) {
    const method = i % 2 === 0 ? 'POST' : 'GET';
    const failed = answer === 'race-502' && i === 0;
    const socketId = 9_000 + i;
    records.push({
      requestId: `c1-fixed-lb-pool-long-gap-${i}`,
      variant: 'fixed',
      method,
      cycle: 1,
      phase: 'long-gap',
      idleGapMs: GAP_MS,
      offsetMs: 0,
      startMonoMs: SENT_AT,
      latencyMs: 3,
      status: failed ? 502 : 200,
      error: null,
      upstreamSocketId: failed ? null : socketId,
      upstreamSocketRequest: failed ? null : 2,
      appStartMonoMs: failed ? null : SENT_AT + 1,
      achievedIdleMs: failed ? null : GAP_MS + i / 10,
    });
    // A fix that falls short: the app closed the idle connection as the request arrived.
    if (failed) {
      closes.push({
        lab: 'socket-closed',
        variant: null,
        pid: 1,
        socketId,
        remote: 'x',
        requests: 1,
        acceptedAtMonoMs: 0,
        lastResponseEndMonoMs: SENT_AT - GAP_MS,
        closedAtMonoMs: SENT_AT,
        keepAliveTimerAtMonoMs: SENT_AT,
        idleMs: GAP_MS,
        closedBy: 'app',
        reason: 'keep-alive-timeout',
        keepAliveTimeoutMs: GAP_MS - 1_000,
        headersTimeoutMs: 60_000,
      });
    }
  }
  const cycle: CycleRecord = {
    cycle: 1,
    lane: 'long',
    kind: 'long-gap',
    aimVariant: 'fixed',
    closeDelayMs: LB_MS,
    centerOffsetMs: 0,
    intendedGapMs: GAP_MS,
    achievedGapMs: { fixed: GAP_MS },
    oneWayLatencyMs: { fixed: 0 },
    boundaryMs: { fixed: GAP_MS },
    sendsPerVariant: n,
    count502: { fixed: answer === 'race-502' ? 1 : 0 },
  };
  return { records, closes, cycle };
}

/** A synthetic talk-sized run (8 cycles: 96 aimed requests per variant) with the LB-boundary lane's batch added. */
function withLbBoundary(n: number, answer: 'ok' | 'race-502' = 'ok'): SummaryInput {
  const input = syntheticInput({ cycles: 8 });
  const batch = lbBoundaryBatch(n, answer);
  const traffic = input.traffic!;
  return {
    ...input,
    trafficEndMonoMs: SENT_AT + 1_000,
    traffic: { ...traffic, records: [...traffic.records, ...batch.records], cycles: [...traffic.cycles, batch.cycle] },
    appCloses: { ...input.appCloses, fixed: [...(input.appCloses.fixed ?? []), ...batch.closes] },
    accessLog: [
      ...input.accessLog!,
      ...batch.records.map((r) => ({
        lb: 'nginx' as const,
        time_s: 1,
        variant: r.variant,
        request_method: r.method,
        status: r.status ?? 499,
        request_id: r.requestId,
        upstream_socket_id: '',
        retries: 0,
      })),
    ],
  };
}

t.test(
  "the fix at the LB's own timeout: summarized apart, part of the fixed cells' evidence, named by the headline and the verdict",
  async (t) => {
    const before = buildSummary(syntheticInput({ cycles: 8 }));
    const s = buildSummary(withLbBoundary(30));
    t.same(validateSummary(s), [], 'valid against the schema');
    t.same(invariantProblems(s), [], 'the counts add up');
    t.same(
      s.variants.fixed.lbBoundary,
      { aimed: 30, boundary: 30, failures: 0, idleGapMs: 59_501.45 },
      'aimed, tested, failed, median idle at reuse',
    );
    t.equal(s.variants.default.lbBoundary, null, "Node's defaults were not aimed there");
    // The short lane's numbers stay its own.
    t.same(
      s.variants.fixed.boundaryRate502,
      before.variants.fixed.boundaryRate502,
      "the boundary rate is the short lane's",
    );
    t.same(s.variants.fixed.boundaryCycles, before.variants.fixed.boundaryCycles);
    t.equal(s.variants.fixed.requests.boundary, before.variants.fixed.requests.boundary);
    // The cells hold both boundaries: 48 + 15 per method, 8 + 1 aimed cycles.
    const post = s.cells.find((c) => c.name === 'fixed-post')!;
    t.match(post.counts, { aimed: 48 + 15, boundary: 48 + 15 });
    t.match(post.boundaryCycles, { cycles: 9, hitting: 0 });
    t.equal(post.verdict.word, 'SAFE');
    t.equal(s.verdict.word, 'REPRODUCED');
    t.match(
      headlineText(s, false),
      /fixed 0 \/ 96 at default's close \(≤ 3\.1 %, ≤ 31 % per cycle\), 0 \/ 30 at the LB's 60 s \(≤ 9\.5 %\)/,
    );
    t.match(
      s.verdict.text,
      /fixed: 0 in 96 \(95 % upper bound 3\.07 %\) at the close boundary, 8 aimed cycles \(.*\), 0 in 30 at the LB's 60 s \(reusing connections idle 59\.50 s, 95 % upper bound 9\.5 %; 30 aimed\)/,
    );
    t.match(
      headlineText(before, false),
      /fixed 0 \/ \d+ \(≤ [\d.]+ %, ≤ \d+ % per cycle\), not tested at the LB's 60 s/,
      "a run without the lane says the fix was not tested at the LB's timeout",
    );
  },
);

t.test("a 502 at the LB's boundary on the fixed app is FIX FAILED, by the one verdict rule", async (t) => {
  const s = buildSummary(withLbBoundary(30, 'race-502'));
  t.same(invariantProblems(s), [], 'the counts add up');
  t.match(s.variants.fixed.lbBoundary, { aimed: 30, boundary: 30, failures: 1 });
  const post = s.cells.find((c) => c.name === 'fixed-post')!;
  t.equal(post.outcome, 'reproduced');
  t.equal(post.verdict.word, 'FIX FAILED');
  t.match(post.verdict.evidence, /1 of 63 boundary requests failed .* in 1\/9 aimed cycles/);
  t.equal(s.verdict.word, 'FIX FAILED');
  t.match(
    headlineText(s, false),
    /^FIX FAILED .*fixed 0 \/ 96 at default's close \(.*\), 1 failed \/ 30 at the LB's 60 s/,
  );
  t.notMatch(headlineText(s, false), /outside the boundary/, 'the 502 is counted where it happened');
  t.equal(s.variants.fixed.boundaryRate502.failures, 0, "the short lane's rate stays its own");
});

t.test("requests at the LB's boundary that went out on new connections tested nothing there", async (t) => {
  const input = withLbBoundary(30);
  // The connections were gone (the LB's close came first): every request on a new one.
  const records = input.traffic!.records.map((r) =>
    r.phase === 'long-gap' ? { ...r, upstreamSocketRequest: 1, achievedIdleMs: null } : r,
  );
  const s = buildSummary({ ...input, traffic: { ...input.traffic!, records } });
  t.same(s.variants.fixed.lbBoundary, { aimed: 30, boundary: 0, failures: 0, idleGapMs: null });
  t.match(headlineText(s, false), /0 \/ 0 at the LB's 60 s \(no idle connection reused\)/);
  // A connection freed by another request of the batch a moment before tested nothing either.
  const freed = input.traffic!.records.map((r) =>
    r.phase === 'long-gap' && r.method === 'GET' ? { ...r, upstreamSocketRequest: 3, achievedIdleMs: 0.5 } : r,
  );
  t.match(
    lbBoundaryOf(
      freed.filter((r) => r.variant === 'fixed'),
      LB_MS,
    ),
    { aimed: 30, boundary: 15 },
  );
});

t.test('summaries before the LB-boundary lane read with lbBoundary null', async (t) => {
  const s = buildSummary(syntheticInput({ cycles: 8 }));
  const v7 = JSON.parse(JSON.stringify({ ...s, schemaVersion: 7 }));
  for (const v of Object.values<Record<string, unknown>>(v7.variants)) delete v.lbBoundary;
  const read = readSummary(v7);
  t.same(read.problems, []);
  t.equal(read.summary?.variants.fixed.lbBoundary, null);
  t.equal(read.summary?.variants.default.lbBoundary, null);
});
