// analysis/lb-fix-price.ts: what a cell's setup costs beside the failures it
// saves. Every expected value is counted by hand from the small records below.
import t from 'tap';
import { addedLatencyOf, baselineOf, connectionsPer1000Of, duplicatesOf } from '../../harness/analysis/lb-fix-price.js';
import { cellSummaries } from '../../harness/analysis/cell-summary.js';
import { variantSummaries } from '../../harness/analysis/variant-summary.js';
import { nearestRankPercentile } from '../../harness/model/stats.js';
import { parseAppRecords } from '../../harness/records/app-records.js';
import type { ResponseFinished } from '../../harness/model/protocol.js';
import { DEFAULT_OPTIONS } from '../../harness/scenarios/run-options.js';
import { request, summaryInput, traffic, variant } from '../helpers/summary-records.js';

/** The app's record of one finished response (socket 1's first, a GET answered 200 at 5 ms). */
function finished(overrides: Partial<ResponseFinished> = {}): ResponseFinished {
  return {
    lab: 'response-finished',
    socketId: 1,
    request: 1,
    method: 'GET',
    status: 200,
    endMonoMs: 5,
    requestId: 'r',
    ...overrides,
  };
}

t.test('nearestRankPercentile: the smallest value with at least p % at or below it', async (t) => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose
  t.equal(nearestRankPercentile(hundred, 99), 99);
  t.equal(nearestRankPercentile(hundred, 100), 100);
  t.equal(nearestRankPercentile(hundred, 7), 7, '7 % of 100 is rank 7 (not 8 from 0.07 × 100 = 7.000000000000001)');
  t.equal(nearestRankPercentile([10, 12, 14, 40], 99), 40, 'rank ⌈3.96⌉ = 4 of 4');
  t.equal(nearestRankPercentile([3, 1, 2], 50), 2, 'rank ⌈1.5⌉ = 2');
  t.equal(nearestRankPercentile([5], 99), 5);
  t.equal(nearestRankPercentile([], 99), null);
  t.throws(() => nearestRankPercentile([1], 0));
});

t.test('connectionsPer1000Of: distinct sockets over responses, × 1000, to 0.1', async (t) => {
  // Sockets 1 and 2 closed; socket 3 still open at the end, seen only answering.
  const closes = [{ socketId: 1 }, { socketId: 2 }];
  const responses = [1, 1, 2, 3].map((socketId) => ({ socketId }));
  t.equal(connectionsPer1000Of(closes, responses), 750, '3 sockets for 4 responses');
  t.equal(
    connectionsPer1000Of(
      [],
      [1, 1, 1].map((socketId) => ({ socketId })),
    ),
    333.3,
    '1 for 3: 333.33… → 333.3',
  );
  t.equal(connectionsPer1000Of([{ socketId: 4 }], []), null, 'no response finished: unknown');
});

t.test('duplicatesOf: request ids of the method the app finished answering twice or more', async (t) => {
  const responses = [
    finished({ requestId: 'a' }),
    finished({ requestId: 'a' }), // a replay
    finished({ requestId: 'b' }),
    finished({ requestId: 'e' }),
    finished({ requestId: 'e' }),
    finished({ requestId: null }), // a probe's: no id, never a duplicate
    finished({ requestId: null }),
    finished({ method: 'POST', requestId: 'c' }),
    finished({ method: 'POST', requestId: 'c' }),
    finished({ method: 'POST', requestId: 'c' }), // thrice is still one request
    finished({ method: 'POST', requestId: 'd' }),
  ];
  t.equal(duplicatesOf(responses, 'GET'), 2, 'a and e');
  t.equal(duplicatesOf(responses, 'POST'), 1, 'c');
  t.equal(duplicatesOf(responses, 'PUT'), 0, 'none of that method, with ids known');
  t.equal(duplicatesOf([], 'GET'), null, 'no preload: unknown');
  // An older preload's records name no request: read as null, so duplicates are unknown, not 0.
  const old = '{"lab":"response-finished","socketId":1,"request":1,"method":"GET","status":200,"endMonoMs":5}';
  const parsed = parseAppRecords(`${old}\n${old}\n`) as ResponseFinished[];
  t.same(
    parsed.map((r) => r.requestId),
    [null, null],
    'parsed, the added field null',
  );
  t.equal(duplicatesOf(parsed, 'GET'), null);
});

t.test("baselineOf: the same app behind the same LB without the LB's fix", async (t) => {
  const base = variant();
  const fixed = variant({ name: 'fixed-lb', lbFix: 'keepalive-timeout-4s' });
  const otherLine = variant({ name: 'node22', nodeLine: '22' });
  const haproxy = variant({ name: 'haproxy', lb: 'haproxy' });
  const haproxyFixed = variant({ name: 'haproxy-fixed', lb: 'haproxy', lbFix: 'pool-purge-1s' });
  const all = [otherLine, haproxy, fixed, base, haproxyFixed];
  t.equal(baselineOf(fixed, all)?.name, 'default');
  t.equal(baselineOf(haproxyFixed, all)?.name, 'haproxy');
  t.equal(baselineOf(base, all), null, 'a baseline has none');
  t.equal(baselineOf(fixed, [fixed, otherLine, haproxy]), null, 'its baseline not in the run');
});

t.test('addedLatencyOf: median − median and p99 − p99 of the price requests the app answered, to 0.1 ms', async (t) => {
  const answered = (latencyMs: number, over = {}) => request({ latencyMs, phase: 'price', ...over });
  const cell = [
    answered(10),
    answered(12),
    answered(14),
    answered(40),
    answered(0, { status: null, latencyMs: null }), // no answer
    answered(999, { status: null, error: 'ECONNRESET' }), // a reset that timed: not an answer either
    answered(700, { phase: 'aimed' }), // a cycle's request, queued behind every app's batch
    answered(900, { phase: 'burst' }), // a burst's response, held to one instant by the lab
  ];
  const baseline = [answered(9), answered(10), answered(11), answered(0, { status: null, latencyMs: null })];
  // Cell: median (12 + 14) / 2 = 13, p99 rank ⌈3.96⌉ = 4 → 40. Baseline: median 10, p99 rank ⌈2.97⌉ = 3 → 11.
  t.strictSame(addedLatencyOf(cell, baseline), { median: 3, p99: 29 });
  t.strictSame(addedLatencyOf([answered(8)], [answered(10)]), { median: -2, p99: -2 }, 'a fix may be faster');
  t.strictSame(addedLatencyOf([answered(10.37)], [answered(10.01)]), { median: 0.4, p99: 0.4 }, '0.36 → 0.4');
  t.strictSame(
    addedLatencyOf([answered(12)], [answered(10), answered(1, { status: 502, upstreamSocketId: null })]),
    { median: 2, p99: 2 },
    "the LB's quick 502 is no served request",
  );
  t.equal(addedLatencyOf(cell, null), null, 'no baseline');
  t.equal(addedLatencyOf(cell, [answered(0, { status: null, latencyMs: null })]), null, 'the baseline answered none');
  t.equal(addedLatencyOf([answered(5, { phase: 'aimed' })], baseline), null, 'the cell answered no price request');
});

t.test('cellSummaries: each cell carries its price', async (t) => {
  const base = variant();
  const fixed = variant({
    name: 'lbfix',
    lbFix: 'retry-non-idempotent',
    lbPort: 8402,
    appPort: 8502,
    service: 'app-lbfix',
  });
  const records = [
    request({ requestId: 'b1', latencyMs: 10, phase: 'price' }),
    request({ requestId: 'b2', latencyMs: 20, phase: 'price' }),
    request({ requestId: 'b3', method: 'GET', latencyMs: 4, phase: 'price' }),
    request({ requestId: 'f1', variant: 'lbfix', latencyMs: 15, phase: 'price' }),
    request({ requestId: 'f2', variant: 'lbfix', latencyMs: 35, phase: 'price' }),
    request({ requestId: 'f3', variant: 'lbfix', method: 'GET', latencyMs: 5, phase: 'price' }),
  ];
  const input = summaryInput(
    {
      options: { ...DEFAULT_OPTIONS, methods: ['POST', 'GET'] },
      traffic: traffic(records),
      appResponses: {
        // The baseline's app: an older preload (no request ids), 2 sockets for 4 responses.
        default: [1, 1, 2, 2].map((socketId) => finished({ socketId, requestId: undefined })),
        // The fixed one's: nginx replayed f1 on a second connection (3 sockets for 4 responses).
        lbfix: [
          finished({ socketId: 1, method: 'POST', requestId: 'f1' }),
          finished({ socketId: 2, method: 'POST', requestId: 'f1' }),
          finished({ socketId: 2, method: 'POST', requestId: 'f2' }),
          finished({ socketId: 3, method: 'GET', requestId: 'f3' }),
        ],
      },
    },
    [base, fixed],
  );
  const run = input.traffic ?? traffic([]);
  const cells = cellSummaries(input, run, variantSummaries(input, run));
  const price = (name: string) => {
    const c = cells.find((cell) => cell.name === name)!;
    return { connectionsPer1000: c.connectionsPer1000, addedLatencyMs: c.addedLatencyMs, duplicates: c.duplicates };
  };
  t.strictSame(price('default-post'), { connectionsPer1000: 500, addedLatencyMs: null, duplicates: null });
  t.strictSame(price('default-get'), { connectionsPer1000: 500, addedLatencyMs: null, duplicates: null });
  // POST: median 25 − 15, p99 35 − 20. GET: 5 − 4.
  t.strictSame(price('lbfix-post'), {
    connectionsPer1000: 750,
    addedLatencyMs: { median: 10, p99: 15 },
    duplicates: 1,
  });
  t.strictSame(price('lbfix-get'), { connectionsPer1000: 750, addedLatencyMs: { median: 1, p99: 1 }, duplicates: 0 });
});
