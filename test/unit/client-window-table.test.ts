// The client-window table (docs/race-window.md) counts its figures from the
// experiment's trials: each expected value below is worked out by hand from
// the trials written here, not by the code under test.
import t from 'tap';
import {
  bestBinText,
  clientWindowMethod,
  clientWindowRow,
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

t.test('the best 2 ms of offset is the one with the highest share failed, named with its signs', async (t) => {
  // −2 … 0: 1 of 2; 0 … +2: 2 of 2; +2 … +4: 0 of 1.
  const trials = [
    trial(-1.5, 'failed'),
    trial(-0.5, 'served'),
    trial(0.2, 'failed'),
    trial(1.7, 'failed'),
    trial(3, 'served'),
  ];
  t.equal(bestBinText(trials), '0 … +2 ms: 2 / 2');
  // Only the early ones failing moves it there, with a true minus sign.
  t.equal(bestBinText([trial(-3.2, 'failed'), trial(0.5, 'served')]), '−4 … −2 ms: 1 / 1');
  t.equal(
    bestBinText([trial(0.5, 'served'), trial(7, 'other')]),
    'none failed',
    'a status other than 502 is no failure',
  );
});

t.test('a row: the server by its image, what went beside, the probe, the offsets sent, the failures', async (t) => {
  const trials = [
    trial(-9.6, 'served', { probedCloseMs: 5001.9 }),
    trial(0.4, 'failed', { probedCloseMs: 5002.4 }),
    trial(19.2, 'served', { probedCloseMs: 5003 }),
  ];
  // 1 of 3: Wilson 95 % is 6.1 %–79.2 % (p = 1/3, z = 1.96).
  t.same(clientWindowRow(trials), [
    'uvicorn 0.17 (asyncio, h11)',
    'nothing',
    '5002.4 ms',
    '5011.5 ms; 5001.1 … 5002.1 ms',
    '−10 … +20 ms',
    '1 / 3: 33.3 % (6.1 %–79.2 %)',
    '0 … +2 ms: 1 / 1',
  ]);
  // No failure in 3: the exact one-sided bound, 1 − 0.05^(1/3) = 63.2 %.
  t.equal(clientWindowRow([trial(1, 'served'), trial(2, 'served'), trial(3, 'served')])[5], '0 / 3: ≤ 63.2 %');
});

t.test('what went beside the aimed requests is said from the trial', async (t) => {
  t.equal(conditionOf(trial(0, 'served')), 'nothing');
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
    '`python-uvicorn.ndjson` (keepalive-lab/example-python-uvicorn): 2 pools × 2 rounds, the pools started 40 ms ' +
      'apart, each aimed request planned at an offset drawn from −10 … +20 ms',
  );
  t.throws(() => clientWindowMethod('empty', []), /empty: no trials/);
});
