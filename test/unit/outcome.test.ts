// The outcome of a cell, rule by rule, from counted evidence.
import t from 'tap';
import { classifyCell, type CellEvidence } from '../../harness/analysis/outcome.js';

const tally = (over: Partial<CellEvidence['closedBy']> = {}) => ({
  app: 0,
  lb: 0,
  lbAtShutdown: 0,
  reset: 0,
  open: 0,
  total: 0,
  ...over,
});
const evidence = (over: Partial<CellEvidence> = {}): CellEvidence => ({
  status502: 0,
  status503: 0,
  status504: 0,
  emptyReply: 0,
  reset: 0,
  droppedAtAppClose: 0,
  masked: 0,
  raceLogLines: 0,
  boundary: 40,
  clientErrors: 0,
  closedBy: tally({ lb: 8, total: 8 }),
  method: 'GET',
  silentRetry: null,
  untiedGateway: 0,
  aimedCycles: 10,
  ...over,
});

t.test('a 502 to the client is reproduced, whatever else happened', async (t) => {
  t.same(classifyCell(evidence({ status502: 3, masked: 2, boundary: 1 }), 20), {
    outcome: 'reproduced',
    reason: '3 × 502 to the client (each tied to an idle close of the app)',
  });
  t.same(classifyCell(evidence({ status502: 3, untiedGateway: 1 }), 20), {
    outcome: 'reproduced',
    reason: '3 × 502 to the client (2 tied to an idle close of the app, 1 not)',
  });
});

t.test(
  'gateway statuses none of which came at an app close are not the race: inconclusive, never reproduced nor safe',
  async (t) => {
    t.same(classifyCell(evidence({ status502: 1, untiedGateway: 1 }), 20), {
      outcome: 'inconclusive',
      reason: '1 × 502 to the client, none tied to an idle close of the app: not the race as far as the lab can see',
    });
    t.match(classifyCell(evidence({ status503: 2, untiedGateway: 2, masked: 0 }), 20).outcome, 'inconclusive');
  },
);

t.test('below the evidence floor nothing is safe, whatever --min-boundary says', async (t) => {
  t.match(classifyCell(evidence({ boundary: 7 }), 0), {
    outcome: 'inconclusive',
    reason: /only 7 boundary requests \(a SAFE needs at least 8\)/,
  });
  t.match(classifyCell(evidence({ aimedCycles: 2 }), 0), {
    outcome: 'inconclusive',
    reason: /only 2 aimed cycles \(a SAFE needs at least 3\)/,
  });
  t.match(
    classifyCell(evidence({ boundary: 0, aimedCycles: 0 }), 0).outcome,
    'inconclusive',
    'no traffic at all is never safe',
  );
});

t.test('retries without a 502 are masked; so are race lines in the error log', async (t) => {
  t.match(classifyCell(evidence({ masked: 1 }), 20), {
    outcome: 'masked',
    reason: /retried 1 request on a new connection/,
  });
  t.match(classifyCell(evidence({ raceLogLines: 2 }), 20), { outcome: 'masked', reason: /logged the race 2 times/ });
});

t.test('too few boundary requests, client errors, or app closes without a hit are inconclusive', async (t) => {
  t.match(classifyCell(evidence({ boundary: 19 }), 20), {
    outcome: 'inconclusive',
    reason: /only 19 boundary requests \(at least 20/,
  });
  t.match(classifyCell(evidence({ clientErrors: 2 }), 20), {
    outcome: 'inconclusive',
    reason: /2 requests failed on the client side/,
  });
  t.match(classifyCell(evidence({ closedBy: tally({ app: 5, lb: 3, total: 8 }) }), 20), {
    outcome: 'inconclusive',
    reason: /the app closed 5 idle upstream connections first: the race is there, no GET request hit it/,
  });
  t.match(
    classifyCell(evidence({ closedBy: tally({ reset: 1, total: 1 }) }), 20),
    { outcome: 'safe', reason: /the LB closed every idle upstream connection \(1\)/ },
    "a reset is the LB's close (HAProxy purges idle server connections with one)",
  );
});

t.test('safe: enough boundary requests, no 502, the app closed none', async (t) => {
  t.same(classifyCell(evidence(), 20), {
    outcome: 'safe',
    reason: 'no failure in 40 boundary requests; the LB closed every idle upstream connection (8)',
  });
  // The talk-sized run's fixed variant: its sockets never idle long enough; the LB closes them only at shutdown.
  t.same(classifyCell(evidence({ closedBy: tally({ lb: 8, lbAtShutdown: 8, total: 8 }) }), 20), {
    outcome: 'safe',
    reason: 'no failure in 40 boundary requests; the app closed no upstream connection',
  });
});

t.test(
  "HAProxy's answer to the race: an empty reply at the instant the app closed an idle connection is reproduced",
  async (t) => {
    t.same(
      classifyCell(
        evidence({ emptyReply: 2, droppedAtAppClose: 1, clientErrors: 2, closedBy: tally({ app: 5, total: 8 }) }),
        20,
      ),
      {
        outcome: 'reproduced',
        reason:
          '2 × empty reply to the client (1 at the instant the app closed an idle connection): the LB closed its connection without a response',
      },
    );
    t.match(
      classifyCell(evidence({ emptyReply: 2, clientErrors: 2, closedBy: tally({ app: 5, total: 8 }) }), 20),
      { outcome: 'inconclusive', reason: /2 requests failed on the client side/ },
      'dropped away from any app close: something else broke',
    );
    t.match(classifyCell(evidence({ status504: 1, reset: 1, clientErrors: 1 }), 20), {
      outcome: 'reproduced',
      reason: '1 × 504, 1 × reset to the client (each tied to an idle close of the app)',
    });
  },
);

t.test(
  'an LB that retries without logging: masked with enough boundary requests while the app closed idle connections',
  async (t) => {
    const silentRetry = 'Go replays it';
    const closing = tally({ app: 3, total: 8 });
    t.match(classifyCell(evidence({ silentRetry, closedBy: closing }), 20), {
      outcome: 'masked',
      reason:
        /no failure in 40 boundary requests, while the app closed 3 idle upstream connections the LB held: Go replays it/,
    });
    t.match(
      classifyCell(evidence({ silentRetry, closedBy: closing, boundary: 5 }), 20),
      { outcome: 'inconclusive', reason: /only 5 boundary requests/ },
      'too few boundary requests prove nothing',
    );
    t.match(classifyCell(evidence({ silentRetry, closedBy: closing }), 20).outcome, 'masked');
    t.match(
      classifyCell(evidence({ closedBy: closing }), 20),
      { outcome: 'inconclusive', reason: /the race is there, no GET request hit it/ },
      'an LB that does not replay: unproven',
    );
    t.match(classifyCell(evidence({ silentRetry }), 20), { outcome: 'safe' }, 'the app closing none: safe');
  },
);
