// Your app's verdict: its cell's word mapped to UNSAFE, SAFE, INCONCLUSIVE or INCOMPLETE, in a line with the
// measurement said.
import t from 'tap';
import { classifyCell } from '../../harness/analysis/outcome.js';
import { proportion } from '../../harness/model/stats.js';
import { cellVerdict } from '../../harness/analysis/verdict.js';
import { appVerdict, CLIENT_SIDE_NOTE, type VerdictInput } from '../../harness/analysis/your-app-verdict.js';
import { measurementOf } from '../../harness/model/measurement.js';

type Cell = VerdictInput['cell'];
const tally = (over: Partial<Cell['closedBy']> = {}): Cell['closedBy'] => ({
  app: 0,
  lb: 0,
  lbAtShutdown: 0,
  reset: 0,
  open: 0,
  total: 0,
  ...over,
});
/** A cell of your app with its verdict as the lab's rule gives it (analysis/verdict.ts). */
const cell = (over: Partial<Cell>): Cell => {
  const c = { ...bare(), ...over };
  return { ...c, verdict: cellVerdict({ ...c, fix: 'yours', lbFix: 'none' }) };
};
const bare = (): Omit<Cell, 'verdict'> => ({
  lb: 'nginx',
  lbLogAppCloses: null,
  outcome: 'safe',
  reason: '',
  clientSaw: 'no failure',
  method: 'GET',
  counts: {
    requests: 340,
    aimed: 312,
    boundary: 312,
    status502: 0,
    status503: 0,
    status504: 0,
    emptyReply: 0,
    reset: 0,
    clientErrors: 0,
    masked: 0,
    appErrors: 0,
    untied: 0,
  },
  closedBy: tally(),
  boundaryCycles: { cycles: 10, hitting: 0, rate: proportion(0, 10) },
  boundaryRate502: proportion(0, 312),
  boundaryFailureRate: proportion(0, 312),
});
const input = (c: Cell, over: Partial<VerdictInput> = {}): VerdictInput => ({
  cell: c,
  appIdleCloseMs: 6_004,
  lbIdleTimeoutMs: 60_000,
  measurement: 'preload',
  ...over,
});

t.test('reproduced: UNSAFE, with the close, the LB and the count', async (t) => {
  // 11 × 502 in all, 3 of them among the 96 aimed requests (in 2 of 10 aimed cycles), 8 in the bursts: the line never
  // adds the bursts' to the aimed.
  const c = cell({
    outcome: 'reproduced',
    clientSaw: '11 × 502',
    counts: { ...cell({}).counts, requests: 340, aimed: 96, boundary: 20, status502: 11 },
    boundaryFailureRate: proportion(3, 20),
    boundaryCycles: { cycles: 10, hitting: 2, rate: proportion(2, 10) },
  });
  t.same(appVerdict(input(c)), {
    verdict: 'UNSAFE',
    line: 'UNSAFE: your app closes idle connections after 6.0 s; the LB keeps them 60.0 s; reproduced: 3 of 96 requests aimed at the close failed (2/10 aimed cycles), 11 × 502 in all 340 requests',
  });
  t.match(
    appVerdict(input(c, { appIdleCloseMs: null })).line,
    /your app closed idle connections the LB still held/,
    "HAProxy: the app closes after the LB's timeout and still races",
  );
});

t.test('masked: UNSAFE too (a method the LB does not retry fails), with why', async (t) => {
  const c = cell({ outcome: 'masked', reason: 'the LB retried 5 requests on a new connection; the client saw no 502' });
  const { verdict, line } = appVerdict(input(c));
  t.equal(verdict, 'UNSAFE');
  t.match(line, /this LB hid it from GET \(the LB retried 5 requests.*\), a request it does not retry gets a 502/);
});

t.test('safe with the preload: who closed first, and the bound', async (t) => {
  const c = cell({ closedBy: tally({ lb: 58, lbAtShutdown: 10, total: 58 }) });
  t.same(appVerdict(input(c, { appIdleCloseMs: null })), {
    verdict: 'SAFE',
    line: "SAFE: the LB closed every idle upstream connection first (48/48); 0 failures in 312 at the LB's boundary (≤ 1.0 % per request; 10 aimed cycles: ≤ 25.9 % per cycle, one-sided 95 %)",
  });
  t.match(
    appVerdict(input(cell({}), { appIdleCloseMs: null })).line,
    /^SAFE: your app closed no idle upstream connection the LB held; 0 failures in 312/,
  );
});

t.test('client-side: the same rules, the method and its limit said', async (t) => {
  const safe = appVerdict(input(cell({}), { appIdleCloseMs: null, measurement: 'client-side' }));
  t.equal(safe.verdict, 'SAFE');
  t.match(
    safe.line,
    /your app kept an idle connection open past the LB's timeout; the LB keeps them 60.0 s; 0 failures in 312/,
  );
  t.ok(safe.line.endsWith(`(${CLIENT_SIDE_NOTE})`));
  const unsafe = appVerdict(
    input(cell({ outcome: 'reproduced', clientSaw: '3 × 502' }), { appIdleCloseMs: 5_002, measurement: 'client-side' }),
  );
  t.match(unsafe, {
    verdict: 'UNSAFE',
    line: /after 5.0 s.*reproduced: 0 of 312 requests aimed at the close failed.*3 × 502 in all.*measured from the client side/,
  });
});

t.test("client-side: the LB's error log says who closed, where it writes one", async (t) => {
  const unsafe = appVerdict(
    input(cell({ outcome: 'reproduced', clientSaw: '6 × 502', lbLogAppCloses: 6 }), {
      appIdleCloseMs: 5_002,
      measurement: 'client-side',
    }),
  );
  t.match(
    unsafe.line,
    /\(measured from the client side; nginx's error log: 6 lines of the app closing or resetting the upstream connection under a request\)$/,
  );
  const safe = appVerdict(
    input(cell({ lb: 'caddy', lbLogAppCloses: 0 }), { appIdleCloseMs: null, measurement: 'client-side' }),
  );
  t.equal(safe.verdict, 'SAFE');
  t.match(
    safe.line,
    /caddy's error log: no line of the app closing or resetting the upstream connection under a request\)$/,
  );
  const haproxy = appVerdict(
    input(cell({ lb: 'haproxy', lbLogAppCloses: null }), { appIdleCloseMs: null, measurement: 'client-side' }),
  );
  t.ok(haproxy.line.endsWith(`(${CLIENT_SIDE_NOTE})`), 'an LB that writes no such line: not seen');
  const preload = appVerdict(input(cell({ lbLogAppCloses: 3 }), { appIdleCloseMs: null }));
  t.notMatch(preload.line, /error log/, 'the preload sees who closed: no note');
});

t.test('inconclusive: says why; never SAFE', async (t) => {
  const c = cell({ outcome: 'inconclusive', reason: 'only 24 boundary requests (at least 40 needed)' });
  t.same(appVerdict(input(c)), {
    verdict: 'INCONCLUSIVE',
    line: 'INCONCLUSIVE: only 24 boundary requests (at least 40 needed)',
  });
});

t.test(
  'never SAFE while the probe says the app closes first: the race is there, unseen (the cell says so)',
  async (t) => {
    // Client-side: nothing says who closed what, and a replaying LB (Caddy's GET) or aim that missed shows no failure.
    const tallyNone = tally();
    const evidence = (appIdleCloseMs: number | null) => ({
      status502: 0,
      status503: 0,
      status504: 0,
      emptyReply: 0,
      reset: 0,
      droppedAtAppClose: 0,
      untiedGateway: 0,
      aimedCycles: 10,
      masked: 0,
      raceLogLines: 0,
      boundary: 312,
      clientErrors: 0,
      closedBy: tallyNone,
      method: 'GET',
      silentRetry: null,
      closesBeforeLb:
        appIdleCloseMs !== null && appIdleCloseMs < 60_000 ? { appIdleCloseMs, lbIdleTimeoutMs: 60_000 } : null,
    });
    const first = classifyCell(evidence(5_002), 40);
    t.same(first, {
      outcome: 'inconclusive',
      reason:
        "your app closes idle connections after 5.0 s, before the LB's 60.0 s: the race is there, and none of 312 requests aimed at it failed",
    });
    const clientSide = appVerdict(input(cell(first), { appIdleCloseMs: 5_002, measurement: 'client-side' }));
    t.equal(clientSide.verdict, 'INCONCLUSIVE');
    t.match(
      clientSide.line,
      /^INCONCLUSIVE: your app closes idle connections after 5.0 s, before the LB's 60.0 s: the race is there/,
    );
    t.equal(classifyCell(evidence(59_990), 40).outcome, 'inconclusive', 'a hair before the LB is still first');
    t.equal(classifyCell(evidence(62_010), 40).outcome, 'safe', 'after the LB: safe');
  },
);

t.test('a run that did not finish: INCOMPLETE whatever it counted', async (t) => {
  t.same(appVerdict(input(cell({}), { appIdleCloseMs: null, incomplete: 'failed during traffic' })), {
    verdict: 'INCOMPLETE',
    line: 'INCOMPLETE: the run did not finish (failed during traffic)',
  });
});

t.test("the app's word is its cell's, mapped: a cell below the evidence floor is no SAFE", async (t) => {
  const thin = cell({ boundaryCycles: { cycles: 2, hitting: 0, rate: proportion(0, 2) } });
  t.equal(thin.verdict.word, 'INCONCLUSIVE');
  t.match(appVerdict(input(thin, { appIdleCloseMs: null })), {
    verdict: 'INCONCLUSIVE',
    line: /^INCONCLUSIVE: only 2 aimed cycles \(a SAFE needs at least 3\)/,
  });
});

t.test('measurementOf: one rule for the aim, the evidence and the line', async (t) => {
  t.equal(measurementOf(false, null), 'preload', "the lab's own sample app");
  t.equal(measurementOf(true, 'v24.21.0'), 'preload', "a user's app whose preload said it is ready");
  t.equal(measurementOf(true, null), 'client-side', 'no ready line: any other server, or --no-preload');
  t.equal(measurementOf(true, undefined), 'client-side');
});
