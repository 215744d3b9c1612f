// The bridge-capture table (docs/client-side-aim.md) counts its figures from
// analyze.py's rows: each expected value below is worked out by hand from the
// rows written here, not by the code under test.
import t from 'tap';
import {
  bestArrivalBinText,
  spreadText,
  widestTargetSpanText,
  wireCaptureMethod,
  wireCaptureRow,
  type AimedAtAppRow,
  type CaptureRow,
} from '../../harness/docs/wire-capture-table.js';

const BASE = { image: 'keepalive-lab/example-python-uvicorn', lb: 'nginx', runId: '20261207-040000Z-docker' };

function aimed(arrivalFromDueMs: number, failed: boolean, more: Partial<AimedAtAppRow> = {}): AimedAtAppRow {
  return {
    ...BASE,
    kind: 'aimed',
    requestId: 'c1-yours-aimed-0',
    cycle: 1,
    offsetMs: -2,
    status: failed ? 502 : 200,
    failed,
    newConnection: false,
    arrivalFromDueMs,
    idleStartErrorMs: 0.5,
    dueAfterResponseMs: 5001.5,
    ...more,
  };
}

/** n aimed requests arriving at one point from the due, the first `failed` of them failed. */
const at = (ms: number, n: number, failed: number) => Array.from({ length: n }, (_, i) => aimed(ms, i < failed));

t.test(
  'the best 1 ms of arrival: the largest share failed among bins of 10 or more, with its own interval',
  async (t) => {
    // −1 … 0: 2 of 10 (20 %); 0 … +1: 5 of 10 (50 %); +3 … +4: 2 of 2 (too few).
    const rows = [...at(-0.5, 10, 2), ...at(0.4, 10, 5), ...at(3.2, 2, 2)];
    // 5 / 10, Wilson 95 %: 23.7 %–76.3 %.
    t.equal(bestArrivalBinText(rows), '0 … +1 ms: 5 / 10: 50.0 % (23.7 %–76.3 %)');
    // Equal shares: the bin with more failures, then the earlier.
    t.equal(bestArrivalBinText([...at(-2.5, 10, 1), ...at(1.5, 20, 2)]), '+1 … +2 ms: 2 / 20: 10.0 % (2.8 %–30.1 %)');
    t.equal(bestArrivalBinText(at(0.5, 12, 0)), 'none failed');
    t.equal(bestArrivalBinText(at(0.5, 9, 9)), 'none failed', 'nine are too few to name a bin');
  },
);

t.test('the widest span of arrival that failed 30 % or more, its start on a 0.25 ms grid', async (t) => {
  // 10 at −2.5 (none failed), 10 at +0.5 (5 failed), 10 at +2.5 (1 failed); spans from −3 to +3 at most. 6 ms holds
  // all 30: 6 failed, 20 %. 5 ms from −3: the first 20, 5 failed (25 %); from −2.5 likewise (+2.5 lies outside);
  // from −2.25 the last 20: 6 failed, 30 % (from −2 as well, not a larger share: the earlier stays).
  const rows = [...at(-2.5, 10, 0), ...at(0.5, 10, 5), ...at(2.5, 10, 1)];
  t.equal(widestTargetSpanText(rows), '5 ms (−2.25 … +2.75): 6 / 20: 30.0 %');
  t.equal(widestTargetSpanText([...at(-0.5, 10, 1), ...at(0.5, 10, 0)]), 'none', '1 of 20 fails nowhere 30 %');
  t.equal(
    widestTargetSpanText([...at(-5.5, 10, 10), ...at(5.5, 10, 10)]),
    '≥ 12 ms (−6 … +6): 20 / 20: 100.0 %',
    'the widest tried, said so',
  );
});

t.test('a spread: the median and the 10th … 90th percentiles by nearest rank', async (t) => {
  // 1 … 10: median 5.5; 10th percentile the 1st value, 90th the 9th.
  const ten = Array.from({ length: 10 }, (_, i) => i + 1);
  t.equal(
    spreadText(ten, (v) => v.toFixed(1)),
    '5.5 (1.0 … 9.0)',
  );
  t.equal(
    spreadText([], (v) => String(v)),
    '—',
  );
});

t.test("a capture's row: every figure counted from its rows", async (t) => {
  const rows: CaptureRow[] = [
    ...[5000.2, 5001.0, 5001.4].map((c) => ({ ...BASE, kind: 'idle-close' as const, closeAfterResponseMs: c })),
    aimed(-3.2, false, { cycle: 1, idleStartErrorMs: 0.3 }),
    aimed(0.4, true, { cycle: 1, idleStartErrorMs: 0.2 }),
    aimed(1.6, false, { cycle: 2, newConnection: true, idleStartErrorMs: null }),
    aimed(0.7, true, { cycle: 2, offsetMs: -1.9, idleStartErrorMs: 2.5 }),
  ];
  t.same(wireCaptureRow(rows), [
    'uvicorn 0.17 (asyncio, h11)',
    'nginx',
    // 2 cycles, 4 aimed requests.
    '2 · 4',
    // Closes 5000.2, 5001.0, 5001.4: median 5001.0; 10th percentile the 1st, 90th the 3rd.
    '5001.0 ms (5000.2 ms … 5001.4 ms), 3 closes',
    // Errors 0.2, 0.3, 2.5 (one unknown): median 0.3.
    '+0.3 ms (+0.2 ms … +2.5 ms)',
    // Arrivals −3.2, 0.4, 0.7, 1.6: median 0.55 (shown to 0.1 ms), 10th the 1st, 90th the 4th.
    '+0.6 ms (−3.2 ms … +1.6 ms)',
    // Arrivals less their planned offsets (−2, and −1.9 for the one at 0.7): −1.2, 2.4, 2.6, 3.6; median 2.5.
    '+2.5 ms (−1.2 ms … +3.6 ms)',
    '1',
    // 2 of 4, Wilson 95 %: 15.0 %–85.0 %.
    '2 / 4: 50.0 % (15.0 %–85.0 %)',
    'none failed',
    // Fewer than 10 in any span.
    'none',
  ]);
  t.throws(() => wireCaptureRow(rows.slice(0, 3)), /without an aimed request/);
  t.equal(
    wireCaptureMethod('python-uvicorn-nginx', rows),
    '`python-uvicorn-nginx.ndjson` (keepalive-lab/example-python-uvicorn behind nginx, run 20261207-040000Z-docker): 2 aimed cycles, the due 5001.5 ms after each response',
  );
});
