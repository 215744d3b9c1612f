// analysis/connection-closes.ts: who closed the LB's upstream connections, and
// after how long idle. Expected values are counted by hand from the closes.
import t from 'tap';
import {
  effectiveClose,
  MIN_CLOSES_FOR_EFFECTIVE_CLOSE,
  tallyClosedBy,
} from '../../harness/analysis/connection-closes.js';
import { appClose, request } from '../helpers/summary-records.js';

/** Requests through the LB on sockets 1–5, and one that never reached the app. */
const served = [1, 2, 3, 4, 5]
  .map((id) => request({ upstreamSocketId: id }))
  .concat(request({ upstreamSocketId: null }));

t.test('tallyClosedBy: one close per LB socket, by who closed it; after the traffic, the LB stopping', async (t) => {
  const closes = [
    appClose({ socketId: 1, closedBy: 'app', closedAtMonoMs: 100 }),
    // The same socket again (its timer, then its 'close' event): still one socket.
    appClose({ socketId: 1, closedBy: 'app', closedAtMonoMs: 101 }),
    appClose({ socketId: 2, closedBy: 'peer', closedAtMonoMs: 100 }),
    appClose({ socketId: 3, closedBy: 'reset', closedAtMonoMs: 100 }),
    // A reset after the traffic ended (200): the LB shutting down.
    appClose({ socketId: 4, closedBy: 'reset', closedAtMonoMs: 300 }),
    // Not a socket the LB used.
    appClose({ socketId: 9, closedBy: 'app', closedAtMonoMs: 100 }),
  ];
  t.same(tallyClosedBy(served, closes, 200), { app: 1, lb: 2, lbAtShutdown: 1, reset: 1, open: 1, total: 5 });
  t.same(
    tallyClosedBy([], closes, 200),
    { app: 0, lb: 0, lbAtShutdown: 0, reset: 0, open: 0, total: 0 },
    'no LB socket',
  );
});

t.test('effectiveClose: the median idle time of the closes while traffic ran, and who made most', async (t) => {
  const idle = (socketId: number, idleMs: number, closedBy: 'app' | 'peer' | 'reset' = 'app') =>
    appClose({ socketId, closedBy, lastResponseEndMonoMs: 1_000, closedAtMonoMs: 1_000 + idleMs });
  t.equal(MIN_CLOSES_FOR_EFFECTIVE_CLOSE, 3);
  t.same(
    effectiveClose(served, [idle(1, 5_000), idle(2, 6_000)], 100_000),
    { ms: null, by: null },
    'two closes are no idle timeout',
  );
  t.same(
    effectiveClose(served, [idle(1, 5_000), idle(2, 7_000, 'peer'), idle(3, 6_000)], 100_000),
    { ms: 6_000, by: 'app' },
    'three: the middle one; two of three by the app',
  );
  t.same(
    effectiveClose(
      served,
      [idle(1, 1_000), idle(2, 2_000, 'peer'), idle(3, 3_000.5, 'reset'), idle(4, 4_000)],
      100_000,
    ),
    { ms: 2_500.25, by: 'app' },
    'four: the mean of the middle two; half by the app is the app',
  );
  t.same(
    effectiveClose(
      served,
      [idle(1, 1_000), idle(2, 2_000, 'peer'), idle(3, 3_000, 'reset'), idle(4, 4_000, 'peer')],
      100_000,
    ),
    { ms: 2_500, by: 'lb' },
    "one of four by the app: the LB (a reset counts as the LB's)",
  );
  t.same(
    effectiveClose(
      served,
      [
        idle(1, 5_000),
        idle(2, 5_000),
        // After the traffic (ended at 5 s), without a response before, on no LB socket: none counts.
        idle(3, 9_000),
        appClose({ socketId: 4, lastResponseEndMonoMs: null, closedAtMonoMs: 2_000 }),
        idle(9, 5_000),
      ],
      6_000,
    ),
    { ms: null, by: null },
    'only closes on LB sockets, after a response, while the traffic ran',
  );
});
