import t from 'tap';
import { arrivedAtAppClose, NEAR_APP_CLOSE_MS, testedBoundary } from '../../harness/records/boundary.js';
import type { RequestRecord } from '../../harness/records/request-records.js';

/** An aimed GET sent at 10 000 ms (harness clock), served 200 on a new upstream connection. */
const aimed = (over: Partial<RequestRecord> = {}): RequestRecord => ({
  requestId: 'c3-caddy-aimed-0',
  variant: 'caddy',
  method: 'GET',
  cycle: 3,
  phase: 'aimed',
  idleGapMs: 6_000,
  offsetMs: 0,
  startMonoMs: 10_000,
  latencyMs: 4,
  status: 200,
  error: null,
  upstreamSocketId: 7,
  upstreamSocketRequest: 1,
  appStartMonoMs: 15_001,
  achievedIdleMs: 6_000,
  ...over,
});
/** What the LB's own 502 looks like: no response of the app's, so none of its stamps. */
const LB_502 = { status: 502, upstreamSocketId: null, upstreamSocketRequest: null, appStartMonoMs: null } as const;
// The app's clock runs 5 000 ms ahead of the harness's, the send takes 1 ms more: the request reaches the app at 15
// 001.
const context = (replaysUnseen: boolean, appCloseInstants: number[]) => ({
  replaysUnseen,
  appCloseInstants,
  sendToAppMs: 5_001,
});

t.test('a failure or a reused idle connection tested the boundary, behind any LB', async (t) => {
  t.ok(testedBoundary(aimed(LB_502), context(false, [])));
  t.notOk(
    testedBoundary(aimed({ status: 502 }), context(false, [])),
    "the app's own 502 (stamped) on a new connection tested nothing",
  );
  t.ok(testedBoundary(aimed({ status: null, error: 'ECONNRESET' }), context(false, [])));
  t.ok(testedBoundary(aimed({ upstreamSocketRequest: 4 }), context(false, [])));
  t.notOk(
    testedBoundary(aimed(), context(false, [15_000])),
    'a new connection tested nothing where the LB would have shown the race',
  );
  t.notOk(testedBoundary(aimed({ phase: 'burst', ...LB_502 }), context(true, [15_000])), 'only aimed requests count');
});

t.test('behind an LB that replays unseen, a new connection at the app close counts, and only there', async (t) => {
  t.ok(testedBoundary(aimed(), context(true, [14_950])), 'arrived 51 ms after a close (app clock)');
  t.ok(testedBoundary(aimed(), context(true, [15_050])), 'arrived 49 ms before one');
  t.notOk(
    testedBoundary(aimed(), context(true, [15_001 - NEAR_APP_CLOSE_MS])),
    'exactly NEAR_APP_CLOSE_MS away is not near',
  );
  t.notOk(testedBoundary(aimed(), context(true, [])), 'the app closed nothing: the LB closed first, nothing raced');
  t.notOk(testedBoundary(aimed(), context(true, [9_000, 20_000])), 'the closes were elsewhere');
});

t.test(
  "in front of an LB-side fix, an aimed request answered on a new connection at the app's close counts",
  async (t) => {
    const fixed = { ...context(false, []), lbFixed: true };
    t.ok(testedBoundary(aimed(), fixed), 'the LB had closed the idle connection: the fix at work');
    t.ok(testedBoundary(aimed(LB_502), fixed), 'a failure still counts');
    t.notOk(testedBoundary(aimed({ phase: 'burst' }), fixed), 'only aimed requests');
    t.notOk(
      testedBoundary(aimed({ upstreamSocketRequest: 3, achievedIdleMs: 2 }), fixed),
      'one that got a connection its own batch had just freed tested nothing',
    );
    t.notOk(testedBoundary(aimed(), context(false, [])), 'without the fix the same request tested nothing');
  },
);

t.test('arrivedAtAppClose converts the send to the app clock before comparing', async (t) => {
  t.ok(arrivedAtAppClose(10_000, 5_001, [15_000]));
  t.notOk(arrivedAtAppClose(10_000, 0, [15_000]), 'without the clock offset the close is 5 s away');
});

t.test("client-side idle starts (an app without the preload): each answer's arrival, LB errors left out", async (t) => {
  const { clientSideIdleStarts } = await import('../../harness/traffic/cycle-steps.js');
  const burst = [
    aimed({ phase: 'burst', startMonoMs: 1_000, latencyMs: 4 }),
    aimed({ phase: 'burst', startMonoMs: 1_000, latencyMs: 10 }),
    aimed({ phase: 'burst', startMonoMs: 1_001, latencyMs: 2, ...LB_502 }),
    aimed({ phase: 'burst', startMonoMs: 1_001, latencyMs: null, status: null, error: 'ECONNRESET' }),
  ];
  t.same(clientSideIdleStarts(burst), [1_004, 1_010]);
  t.same(clientSideIdleStarts([]), []);
});

t.test(
  'a failure in flight when the app closed, answered right after it, is tied; one answered later is not',
  async (t) => {
    const { tiedToAppClose } = await import('../../harness/records/boundary.js');
    // A Caddy cell of a busy matrix (docs/measurements): the POST was sent at 14684348.256 (harness clock), the app,
    // 2.4 s behind, closed the socket with it unread at 14686808.405 (app clock, offset ≈ 0), and Caddy's 502 was back
    // at 14686857.7: 49 ms after the close. Its arrival, send + 10.4 ms, was 2449.7 ms before the close.
    const context = { appClosesKnown: true, appCloseInstants: [14686808.405], sendToAppMs: 10.4 };
    const failed = {
      requestId: 'c3-x-aimed-0',
      phase: 'aimed' as const,
      startMonoMs: 14684348.256,
      latencyMs: 14686857.7 - 14684348.256,
    };
    t.ok(tiedToAppClose(failed, context), 'in flight at the close, back 49 ms (+ 10.4 ms) after it');
    t.notOk(tiedToAppClose({ ...failed, latencyMs: failed.latencyMs + 100 }, context), 'back 159 ms after the close');
    t.notOk(
      tiedToAppClose({ ...failed, latencyMs: 100 }, context),
      'answered long before the close: another failure than the race',
    );
    t.notOk(
      tiedToAppClose({ ...failed, latencyMs: 20 }, { ...context, appCloseInstants: [failed.startMonoMs - 500] }),
      'a close before it was sent',
    );
    t.notOk(tiedToAppClose({ ...failed, latencyMs: null }, context), 'no answer (an empty reply) far from any close');
    t.ok(
      tiedToAppClose(
        { ...failed, latencyMs: null },
        { ...context, appCloseInstants: [failed.startMonoMs + 10.4 + 50] },
      ),
      'no answer, but it arrived within 100 ms of a close',
    );
  },
);

t.test("client-side: an aimed failure is tied by its aim, any other only where the LB's log names it", async (t) => {
  const { tiedToAppClose } = await import('../../harness/records/boundary.js');
  const context = { appClosesKnown: false, appCloseInstants: [], sendToAppMs: 0 };
  const burst = { requestId: 'c2-yours-burst-3', phase: 'burst' as const, startMonoMs: 1_000, latencyMs: 3 };
  t.ok(tiedToAppClose({ ...burst, phase: 'aimed' }, context));
  t.notOk(tiedToAppClose(burst, context), 'a burst: nothing says who closed');
  t.ok(tiedToAppClose(burst, { ...context, lbNamedRequestIds: new Set(['c2-yours-burst-3']) }), 'the LB log names it');
  t.notOk(tiedToAppClose(burst, { ...context, lbNamedRequestIds: new Set(['c2-yours-burst-4']) }), 'another one');
  const named = { ...context, lbNamedRequestIds: new Set(['c2-yours-burst-3']) };
  t.notOk(tiedToAppClose({ ...burst, latencyMs: 15_000 }, named), 'named, but slow: a timeout, not the race');
  t.notOk(tiedToAppClose({ ...burst, latencyMs: null }, named), 'named, no answer at all');
  t.notOk(tiedToAppClose(burst, { ...named, appClosesKnown: true }), 'the preload: its own closes decide, not the log');
});
