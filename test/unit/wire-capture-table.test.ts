// The bridge-capture table (docs/client-side-aim.md) counts its figures from
// analyze.py's rows: each expected value below is worked out by hand from the
// rows written here (the intervals by Wilson's formula, z = 1.96), not by the
// code under test.
import t from 'tap';
import { EMPTY_REPLY } from '../../harness/records/request-records.js';
import {
  bestArrivalBinText,
  spreadText,
  widestTargetSpanText,
  wireCaptureMethod,
  wireCaptureOf,
  wireCaptureRow,
  type AimedAtApp,
  type AimedAtAppRow,
  type CaptureRow,
} from '../../harness/docs/wire-capture-table.js';

const BASE = { image: 'keepalive-lab/example-python-uvicorn', lb: 'nginx', runId: '20261207-040000Z-docker' };

function row(arrivalAfterResponseMs: number, status: number | null, more: Partial<AimedAtAppRow> = {}): AimedAtAppRow {
  return {
    ...BASE,
    kind: 'aimed',
    requestId: 'c1-yours-aimed-0',
    cycle: 1,
    offsetMs: -2,
    status,
    error: null,
    newConnection: false,
    arrivalAfterResponseMs,
    idleStartErrorMs: 0.5,
    ...more,
  };
}

/** n aimed requests placed at one point from the due, the first `failed` of them failed. */
const at = (ms: number, n: number, failed: number): AimedAtApp[] =>
  Array.from({ length: n }, (_, i) => ({
    ...row(5_001 + ms, i < failed ? 502 : 200),
    arrivalFromDueMs: ms,
    failed: i < failed,
  }));

const idleClose = (ms: number): CaptureRow => ({ ...BASE, kind: 'idle-close', closeAfterResponseMs: ms });

t.test(
  'a capture: the due is the median idle close, and a request failed as the harness counts failures',
  async (t) => {
    const capture = wireCaptureOf([
      idleClose(5000.2),
      idleClose(5001.4),
      idleClose(5001.0),
      row(5001.5, 502),
      row(5003.0, null, { error: EMPTY_REPLY }),
      row(4999.0, 200),
      row(5001.2, 500, { error: null }),
    ]);
    t.equal(capture.dueAfterResponseMs, 5001.0);
    t.same(
      capture.aimed.map((r) => [Math.round(r.arrivalFromDueMs * 1000) / 1000, r.failed]),
      [
        [0.5, true],
        [2, true],
        [-2, false],
        [0.2, false],
      ],
      "502 and an empty reply failed; a 200 did not, nor a 500 (not the LB's gateway answer)",
    );
    t.throws(() => wireCaptureOf([row(5001, 502)]), /without an idle close/);
    t.throws(() => wireCaptureOf([idleClose(5001)]), /without an aimed request/);
  },
);

t.test(
  'the best 1 ms of arrival: the largest share failed among bins of 10 or more, with its own interval',
  async (t) => {
    // −1 … 0: 2 of 10 (20 %); 0 … +1: 5 of 10 (50 %); +3 … +4: 2 of 2 (too few).
    const rows = [...at(-0.5, 10, 2), ...at(0.4, 10, 5), ...at(3.2, 2, 2)];
    t.equal(bestArrivalBinText(rows), '0 … +1 ms: 5 / 10: 50.0 % (23.7 %–76.3 %)');
    // Equal shares: the bin with more failures, then the earlier.
    t.equal(bestArrivalBinText([...at(-2.5, 10, 1), ...at(1.5, 20, 2)]), '+1 … +2 ms: 2 / 20: 10.0 % (2.8 %–30.1 %)');
    t.equal(bestArrivalBinText(at(0.5, 12, 0)), 'none failed');
    t.equal(bestArrivalBinText(at(0.5, 9, 9)), 'none failed', 'nine are too few to name a bin');
  },
);

t.test('the widest span of arrival that failed 30 % or more, its start on a 0.25 ms grid', async (t) => {
  // 10 at −2.5 (none failed), 10 at +0.5 (5 failed), 10 at +2.5 (1 failed); spans from −3 to +3. 6 ms holds all 30:
  // 6 failed, 20 %. 5 ms from −3: the first 20, 5 failed (25 %); from −2.5 likewise (+2.5 lies outside); from −2.25
  // the last 20: 6 failed, 30 % (from −2 as well, not a larger share: the earlier stays). 6 / 20: 14.5 %–51.9 %.
  const rows = [...at(-2.5, 10, 0), ...at(0.5, 10, 5), ...at(2.5, 10, 1)];
  t.equal(widestTargetSpanText(rows), '5 ms (−2.25 … +2.75): 6 / 20: 30.0 % (14.5 %–51.9 %)');
  t.equal(widestTargetSpanText([...at(-0.5, 10, 1), ...at(0.5, 10, 0)]), 'none', '1 of 20 fails nowhere 30 %');
  // Every arrival in the span: no wider one could say more. 10 / 20: 29.9 %–70.1 %.
  t.equal(
    widestTargetSpanText([...at(-0.5, 10, 5), ...at(0.5, 10, 5)]),
    '≥ 2 ms (−1 … +1): 10 / 20: 50.0 % (29.9 %–70.1 %)',
  );
  // The largest arrival a whole ms: spans are half-open, so the last one still holds it (−1 … +2).
  t.equal(
    widestTargetSpanText([...at(-0.5, 10, 0), ...at(1, 10, 10)]),
    '≥ 3 ms (−1 … +2): 10 / 20: 50.0 % (29.9 %–70.1 %)',
  );
  // 20 / 20: 83.9 %–100.0 %.
  t.equal(
    widestTargetSpanText([...at(-5.5, 10, 10), ...at(5.5, 10, 10)]),
    '≥ 12 ms (−6 … +6): 20 / 20: 100.0 % (83.9 %–100.0 %)',
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
  // Idle closes 5000.2, 5001.0, 5001.4: the due 5001.0 ms after a response.
  const rows: CaptureRow[] = [
    idleClose(5000.2),
    idleClose(5001.0),
    idleClose(5001.4),
    row(4997.8, 200, { cycle: 1, idleStartErrorMs: 0.3 }),
    row(5001.4, 502, { cycle: 1, idleStartErrorMs: 0.2 }),
    row(5002.6, 200, { cycle: 2, newConnection: true, idleStartErrorMs: null }),
    row(5001.8, null, { cycle: 2, error: EMPTY_REPLY, offsetMs: -1.8, idleStartErrorMs: 2.5 }),
  ];
  t.same(wireCaptureRow(rows), [
    'uvicorn 0.17 (asyncio, h11)',
    'nginx',
    // 2 cycles, 4 aimed requests.
    '2 · 4',
    // Median 5001.0; 10th percentile the 1st, 90th the 3rd.
    '5001.0 ms (5000.2 ms … 5001.4 ms), 3 closes',
    // Errors 0.2, 0.3, 2.5 (one unknown): median 0.3.
    '+0.3 ms (+0.2 ms … +2.5 ms)',
    // Arrivals from the due −3.2, +0.4, +1.6, +0.8: median 0.6; 10th the 1st, 90th the 4th.
    '+0.6 ms (−3.2 ms … +1.6 ms)',
    // Less their planned offsets (−2, and −1.8 for the one at +0.8): −1.2, 2.4, 3.6, 2.6; median 2.5.
    '+2.5 ms (−1.2 ms … +3.6 ms)',
    '1',
    // The 502 and the empty reply: 2 of 4, 15.0 %–85.0 %.
    '2 / 4: 50.0 % (15.0 %–85.0 %)',
    'none failed',
    // Fewer than 10 in any span.
    'none',
  ]);
  t.equal(
    wireCaptureMethod('python-uvicorn-nginx', rows),
    '`python-uvicorn-nginx.ndjson` (keepalive-lab/example-python-uvicorn behind nginx, run 20261207-040000Z-docker): 2 aimed cycles, the due 5001.0 ms after each response',
  );
});
