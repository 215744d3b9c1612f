// The client-window table (docs/client-side-aim.md) counts its figures from the
// experiment's trials: each expected value below is worked out by hand from
// the trials written here, not by the code under test.
import t from 'tap';
import {
  bestBinText,
  clientWindowMethod,
  clientWindowRow,
  firstFailureText,
  nearEstimateText,
  conditionOf,
  serverOf,
  type ClientWindowTrialRecord,
} from '../../harness/docs/client-window-table.js';

const UVICORN = 'keepalive-lab/example-python-uvicorn';

function trial(sentOffsetMs: number, outcome: ClientWindowTrialRecord['outcome'], more = {}): ClientWindowTrialRecord {
  return {
    image: UVICORN,
    probedCloseMs: 5002.4,
    probeSamplesMs: [5011.51, 5002.12, 5002, 5001.1, 5001.43],
    sentOffsetMs,
    outcome,
    fillerConnections: 0,
    companions: 0,
    companionLeadMs: 1,
    pool: 0,
    round: 0,
    plannedOffsetMs: sentOffsetMs,
    poolStaggerMs: 40,
    ...more,
  };
}

/** n trials at one offset, the first `failed` of them failed. */
const at = (offsetMs: number, n: number, failed: number) =>
  Array.from({ length: n }, (_, i) => trial(offsetMs, i < failed ? 'failed' : 'served'));

t.test(
  'the best 2 ms of offset: the largest share failed among bins of 10 or more, with its own interval',
  async (t) => {
    // −2 … 0: 2 of 10 (20 %); 0 … +2: 3 of 20 (15 %, more failures, smaller share); +4 … +6: 1 of 2 (too few sent).
    const trials = [...at(-1.5, 10, 2), ...at(0.5, 20, 3), ...at(4.2, 2, 1)];
    // 2 / 10, Wilson 95 %: 5.7 %–51.0 %.
    t.equal(bestBinText(trials), '−2 … 0 ms: 2 / 10: 20.0 % (5.7 %–51.0 %)');
    // Equal shares: the bin with more failures.
    t.equal(bestBinText([...at(-3, 10, 1), ...at(7, 20, 2)]), '+6 … +8 ms: 2 / 20: 10.0 % (2.8 %–30.1 %)');
    t.equal(bestBinText(at(0.5, 12, 0)), 'none failed');
    t.equal(bestBinText(at(0.5, 9, 9)), 'none failed', 'nine sent are too few to name a bin');
    // Answers other than 200 and 502 are left out of the bin's count: 1 of 10, not 1 of 12.
    const withOther = [...at(1, 10, 1), trial(1, 'other'), trial(1.5, 'other')];
    t.equal(bestBinText(withOther), '0 … +2 ms: 1 / 10: 10.0 % (1.8 %–40.4 %)');
  },
);

t.test('a row: the server by its image, what went beside, the probe, the offsets sent, the failures', async (t) => {
  const trials = [
    trial(-9.6, 'served', { probedCloseMs: 5001.9 }),
    trial(0.4, 'failed', { probedCloseMs: 5002.4 }),
    trial(19.2, 'served', { probedCloseMs: 5003 }),
  ];
  // 1 of 3: Wilson 95 % is 6.1 %–79.2 % (p = 1/3, z = 1.96); no bin has 10 sent.
  t.same(clientWindowRow(trials), [
    'uvicorn 0.17 (asyncio, h11)',
    'nothing',
    '5002.4 ms',
    '5011.5 ms; 5001.1 … 5002.1 ms',
    '−10 … +20 ms',
    '1 / 3: 33.3 % (6.1 %–79.2 %)',
    '1 of 1',
    'round 1',
    'none failed',
  ]);
  // No failure in 3: the exact one-sided bound, 1 − 0.05^(1/3) = 63.2 %.
  const none = clientWindowRow([trial(1, 'served'), trial(2, 'served'), trial(3, 'served')]);
  t.equal(none[5], '0 / 3: ≤ 63.2 %');
  t.equal(none[6], '—', 'no failure to place');
  t.equal(none[7], 'none');
});

t.test('the failures near the estimate: sent less than 2 ms from it, either side', async (t) => {
  const trials = [
    trial(-1.99, 'failed'),
    trial(1.5, 'failed'),
    trial(2, 'failed'),
    trial(-7, 'failed'),
    trial(0, 'served'),
  ];
  t.equal(nearEstimateText(trials), '2 of 4');
});

t.test('the first failure is the earliest round with one, counted from 1', async (t) => {
  const trials = [trial(0, 'served', { round: 0 }), trial(0, 'failed', { round: 3 }), trial(0, 'failed', { round: 2 })];
  t.equal(firstFailureText(trials), 'round 3');
});

t.test('answers neither 200 nor 502 are counted apart, and a file with many is refused', async (t) => {
  const trials = [...at(0.5, 150, 3), trial(0.5, 'other')];
  // 3 of the 150 answered; the one other said beside.
  t.equal(clientWindowRow(trials)[5], '3 / 150: 2.0 % (0.7 %–5.7 %) (1 other)');
  t.throws(
    () => clientWindowRow([...at(0.5, 150, 3), trial(0.5, 'other'), trial(0.5, 'other')]),
    /2 of 152 aimed requests got neither 200 nor 502/,
  );
});

t.test('what went beside the aimed requests is said from the trial', async (t) => {
  t.equal(conditionOf(trial(0, 'served')), 'nothing');
  t.equal(
    conditionOf(trial(0, 'served', { together: true })),
    "the other pools' aimed requests (one burst on all pools each round)",
  );
  t.equal(conditionOf(trial(0, 'served', { fillerConnections: 4 })), 'POSTs back to back on 4 other connections');
  t.equal(
    conditionOf(trial(0, 'served', { companions: 8, companionLeadMs: 1 })),
    '8 POSTs on other connections, 1 ms before each aimed one',
  );
});

t.test('a server the docs cannot name is an error, not a blank cell', async (t) => {
  t.equal(serverOf('keepalive-lab/example-go-nethttp'), 'Go 1.19 net/http');
  t.throws(() => serverOf('someone/else'), /no name for the server of image someone\/else/);
});

t.test('how a file was taken is read from its trials', async (t) => {
  const trials = [
    trial(-10.2, 'served', { pool: 0, round: 0, plannedOffsetMs: -10 }),
    trial(3, 'served', { pool: 1, round: 0, plannedOffsetMs: 2.5 }),
    trial(20.1, 'failed', { pool: 1, round: 1, plannedOffsetMs: 20 }),
  ];
  t.equal(
    clientWindowMethod('python-uvicorn', trials),
    '`python-uvicorn.ndjson` (keepalive-lab/example-python-uvicorn): 3 aimed requests in 2 pools over 2 rounds ' +
      '(one per pool and round at most), the pools started 40 ms apart, each aimed request planned at an offset ' +
      'drawn from −10 … +20 ms',
  );
  t.throws(() => clientWindowMethod('empty', []), /empty: no trials/);
  const together = trials.map((x) => ({ ...x, together: true, poolStaggerMs: 0 }));
  t.equal(
    clientWindowMethod('go-nethttp-together', together),
    '`go-nethttp-together.ndjson` (keepalive-lab/example-python-uvicorn): 3 aimed requests in 2 pools over 2 rounds ' +
      '(one per pool and round at most), each round one burst on every pool at one instant, then each aimed request ' +
      'planned at an offset drawn from −10 … +20 ms',
  );
});
