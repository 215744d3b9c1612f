// analysis/variant-summary.ts: one app variant over the whole run. Expected
// values are counted by hand from the records, closes and probes below.
import t from 'tap';
import {
  lbBoundaryOf,
  measuredOf,
  medianMs,
  rate502Of,
  requestCountsOf,
  variantSummaries,
} from '../../harness/analysis/variant-summary.js';
import {
  accessEntry,
  appClose,
  lbFailure,
  request,
  summaryInput,
  traffic,
  variant,
} from '../helpers/summary-records.js';

t.test('medianMs: the median, rounded to the µs; null without values', async (t) => {
  t.equal(medianMs([]), null);
  t.equal(medianMs([3, 1.23456, 2]), 2);
  t.equal(medianMs([1, 2.0005]), 1.5, '1.50025 rounds to 1.5');
  t.equal(medianMs([2.0004]), 2);
});

t.test("rate502Of: the LB's 502s among the answered requests", async (t) => {
  const p = rate502Of([
    lbFailure(),
    request(),
    // A client-side error is neither a 502 nor a success: no trial.
    lbFailure({ status: null, error: 'ECONNRESET' }),
    // The app's own 502 (it stamped its socket id): a trial, not a failure.
    request({ status: 502 }),
  ]);
  t.match(p, { failures: 1, trials: 3 });
  t.match(rate502Of([]), { failures: 0, trials: 0 });
});

t.test("lbBoundaryOf: the requests aimed just under the LB's timeout, those that tested it, their idle", async (t) => {
  const atLb = { phase: 'long-gap' as const, idleGapMs: 59_500 };
  const records = [
    // Reused a connection idle 59.4 s: within a second of the gap, tested.
    request({ ...atLb, achievedIdleMs: 59_400 }),
    // Reused one another request had just freed: not tested.
    request({ ...atLb, achievedIdleMs: 30_000 }),
    // Failed: tested.
    lbFailure({ ...atLb }),
    // A new connection: the idle ones were closed already; not tested.
    request({ ...atLb, upstreamSocketRequest: 1 }),
    // Reused, its idle time not measured: tested.
    request({ ...atLb, achievedIdleMs: null }),
    // Over the LB's timeout, or aimed at the app's close: not aimed at the LB's.
    request({ phase: 'long-gap', idleGapMs: 61_000 }),
    request({ phase: 'aimed', idleGapMs: 59_500 }),
  ];
  t.same(lbBoundaryOf(records, 60_000), { aimed: 5, boundary: 3, failures: 1, idleGapMs: 59_400 });
  t.equal(lbBoundaryOf(records.slice(5), 60_000), null, 'none aimed there');
  t.same(
    lbBoundaryOf([lbFailure({ ...atLb })], 60_000),
    { aimed: 1, boundary: 1, failures: 1, idleGapMs: null },
    'no idle time measured',
  );
});

t.test("measuredOf: the probe's idle close, the server's timeouts, the app's median close delay", async (t) => {
  const probe = {
    closedBy: 'app' as const,
    closeKind: 'fin' as const,
    idleCloseMs: 5_001.23456,
    watchedMs: 6_001.0004,
    advertisedKeepAlive: 'timeout=5',
    status: 200,
  };
  const closes = [
    // No timeouts reported, and no keep-alive close: neither counts.
    appClose({ keepAliveTimeoutMs: null, headersTimeoutMs: null, reason: 'fin' }),
    // 10 000 − 4 000 from its timer's instant.
    appClose({ keepAliveTimeoutMs: 5_000, headersTimeoutMs: 60_000 }),
    // No timer: from its close, 11 000 − 4 500.
    appClose({ keepAliveTimerAtMonoMs: null, closedAtMonoMs: 11_000, lastResponseEndMonoMs: 4_500 }),
    // No response before: no delay.
    appClose({ lastResponseEndMonoMs: null }),
  ];
  t.same(measuredOf(probe, closes), {
    probeIdleCloseMs: 5_001.235,
    probeWatchedMs: 6_001,
    probeAdvertisedKeepAlive: 'timeout=5',
    serverKeepAliveTimeoutMs: 5_000,
    serverHeadersTimeoutMs: 60_000,
    appCloseDelayMedianMs: 6_250,
  });
  t.same(measuredOf(undefined, []), {
    probeIdleCloseMs: null,
    probeWatchedMs: 0,
    probeAdvertisedKeepAlive: null,
    serverKeepAliveTimeoutMs: null,
    serverHeadersTimeoutMs: null,
    appCloseDelayMedianMs: null,
  });
  t.equal(measuredOf({ ...probe, idleCloseMs: null }, []).probeIdleCloseMs, null, 'the probe saw no close');
});

t.test('requestCountsOf: by status and by method (with its 502s), client errors apart', async (t) => {
  const mine = [
    request(),
    request({ method: 'GET' }),
    lbFailure(),
    lbFailure({ method: 'GET', status: 503 }),
    lbFailure({ status: null, error: 'ECONNRESET' }),
    // The app's own 502: by status, not among the method's 502s.
    request({ status: 502 }),
  ];
  t.same(requestCountsOf(mine, mine.slice(0, 2)), {
    total: 6,
    byStatus: { 200: 2, 502: 2, 503: 1 },
    clientErrors: 1,
    byMethod: { POST: { total: 4, count502: 1 }, GET: { total: 2, count502: 0 } },
    boundary: 2,
  });
});

t.test('variantSummaries: each variant of the run over all its requests', async (t) => {
  const fixed = variant({
    name: 'fixed',
    fix: 'article',
    keepAliveTimeoutMs: 65_000,
    headersTimeoutMs: 66_000,
    lbPort: 8402,
    service: 'app-fixed',
  });
  const records = [
    // Cycle 1: a 502 at the app's close of socket 7 (12 s), then two reused connections.
    lbFailure({ requestId: 'a', cycle: 1, startMonoMs: 12_000 }),
    request({ requestId: 'b', cycle: 1, upstreamSocketId: 7 }),
    request({ requestId: 'c', cycle: 2, method: 'GET', upstreamSocketId: 8 }),
    // A new connection after the close: not at the boundary.
    request({ requestId: 'd', cycle: 2, upstreamSocketId: 9, upstreamSocketRequest: 1 }),
    request({ requestId: 'e', variant: 'fixed', upstreamSocketId: 20 }),
  ];
  const input = summaryInput(
    {
      traffic: traffic(records, {
        lanes: { default: 'short' },
        cycles: [
          {
            cycle: 1,
            lane: 'short',
            kind: 'aimed',
            aimVariant: 'default',
            closeDelayMs: 6_000,
            centerOffsetMs: 0,
            intendedGapMs: 6_000,
            achievedGapMs: { default: 6_000, fixed: 6_000 },
            oneWayLatencyMs: { default: 0, fixed: 0 },
            boundaryMs: { default: 6_000, fixed: 6_000 },
            sendsPerVariant: 8,
            count502: { default: 1, fixed: 0 },
          },
        ],
      }),
      appCloses: {
        // Socket 7 by the app at 12 s; 8 by the LB while traffic ran; 9 reset after it (ended at 100 s).
        default: [
          appClose({
            socketId: 7,
            closedAtMonoMs: 12_000,
            keepAliveTimerAtMonoMs: 12_000,
            lastResponseEndMonoMs: 6_000,
          }),
          appClose({ socketId: 8, closedBy: 'peer', reason: 'fin', closedAtMonoMs: 50_000 }),
          appClose({ socketId: 9, closedBy: 'reset', reason: 'ECONNRESET', closedAtMonoMs: 150_000 }),
        ],
      },
      accessLog: [
        accessEntry({ request_id: 'a', status: 502 }),
        accessEntry({ request_id: 'b' }),
        accessEntry({ request_id: 'e', variant: 'fixed' }),
      ],
    },
    [variant(), fixed],
  );
  const { default: mine, fixed: theirs } = variantSummaries(input, input.traffic ?? traffic([]));
  t.match(mine, {
    name: 'default',
    fix: 'default',
    lane: 'short',
    configured: { keepAliveTimeoutMs: null, headersTimeoutMs: null },
    measured: { serverKeepAliveTimeoutMs: 5_000, appCloseDelayMedianMs: 6_000 },
    requests: { total: 4, byStatus: { 200: 3, 502: 1 }, clientErrors: 0, boundary: 3 },
    rate502: { failures: 1, trials: 4 },
    boundaryRate502: { failures: 1, trials: 3 },
    boundaryCycles: { cycles: 1, hitting: 1 },
    firstHit: { cycle: 1, elapsedMs: 12_000 },
    closedBy: { app: 1, lb: 2, lbAtShutdown: 1, reset: 0, open: 0, total: 3 },
    nginx: { access502: 1, accessTotal: 2 },
    lbBoundary: null,
  });
  t.match(theirs, {
    name: 'fixed',
    fix: 'article',
    lane: 'short',
    configured: { keepAliveTimeoutMs: 65_000, headersTimeoutMs: 66_000 },
    requests: { total: 1, boundary: 1 },
    rate502: { failures: 0, trials: 1 },
    boundaryCycles: { cycles: 1, hitting: 0 },
    firstHit: null,
    closedBy: { app: 0, lb: 0, open: 1, total: 1 },
    nginx: { access502: 0, accessTotal: 1 },
  });
});
