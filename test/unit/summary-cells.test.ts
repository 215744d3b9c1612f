// analysis/cell-summary.ts: one cell per variant × method. Expected values are
// counted by hand from the records, closes and logs below.
import t from 'tap';
import {
  cellBoundaryCyclesOf,
  cellIdentityOf,
  cellSummaries,
  closesBeforeLbOf,
  maskingOf,
  raceTiesOf,
  seenOf,
} from '../../harness/analysis/cell-summary.js';
import { variantSummaries } from '../../harness/analysis/variant-summary.js';
import { DEFAULT_OPTIONS } from '../../harness/scenarios/run-options.js';
import { defaultScenario, type AppUnderTest } from '../../harness/scenarios/scenarios.js';
import { aimedCycle } from '../helpers/cycle-record.js';
import {
  accessEntry,
  appClose,
  lbFailure,
  request,
  summaryInput,
  traffic,
  variant,
} from '../helpers/summary-records.js';

const APP: AppUnderTest = {
  image: 'my-app:ci',
  buildDir: null,
  preload: true,
  containerPort: 8080,
  healthPath: '/',
  startTimeoutMs: 1,
  trafficPath: '/',
  env: {},
};

t.test('cellBoundaryCyclesOf: aimed cycles, and those where a request of the method failed', async (t) => {
  const cycles = [
    aimedCycle(1, { default: 1 }),
    aimedCycle(2, { default: 0 }),
    aimedCycle(3, { fixed: 0 }),
    { ...aimedCycle(4, { default: 0 }), kind: 'long-gap' as const, intendedGapMs: 59_500 },
    { ...aimedCycle(5, { default: 0 }), kind: 'long-gap' as const, intendedGapMs: 61_000 },
  ];
  const records = [
    lbFailure({ cycle: 1 }),
    // Another method's failure, and a burst's: neither counts for POST's aimed cycles.
    lbFailure({ cycle: 2, method: 'GET' }),
    lbFailure({ cycle: 2, phase: 'burst' }),
    lbFailure({ cycle: 4, phase: 'long-gap', idleGapMs: 59_500 }),
  ];
  t.match(cellBoundaryCyclesOf(cycles, records, 'default', 'POST'), { cycles: 2, hitting: 1 });
  t.match(
    cellBoundaryCyclesOf(cycles, records, 'default', 'POST', 60_000),
    { cycles: 3, hitting: 2 },
    "with the LB's timeout, the cycle aimed under it counts (not the one over it)",
  );
  t.match(cellBoundaryCyclesOf(cycles, records, 'default', 'GET'), { cycles: 2, hitting: 1 });
  t.match(cellBoundaryCyclesOf(cycles, records, 'fixed', 'POST'), { cycles: 1, hitting: 0 });
});

t.test("closesBeforeLbOf: your app's probed close when it comes before the LB's timeout", async (t) => {
  const yours = variant({ name: 'yours', app: APP });
  const probe = (idleCloseMs: number | null) => ({
    yours: {
      closedBy: 'app' as const,
      closeKind: 'fin' as const,
      idleCloseMs,
      watchedMs: 1,
      advertisedKeepAlive: null,
      status: 200,
    },
  });
  const scenario = defaultScenario();
  t.same(closesBeforeLbOf(yours, { scenario, probes: probe(5_000.4444) }), {
    appIdleCloseMs: 5_000.444,
    lbIdleTimeoutMs: 60_000,
  });
  t.equal(closesBeforeLbOf(yours, { scenario, probes: probe(61_000) }), null, 'after the LB');
  t.equal(closesBeforeLbOf(yours, { scenario, probes: probe(null) }), null, 'no close seen');
  t.equal(closesBeforeLbOf(yours, { scenario, probes: {} }), null, 'not probed');
  t.equal(closesBeforeLbOf(variant(), { scenario, probes: { default: probe(5_000).yours } }), null, 'the sample app');
});

t.test('cellIdentityOf: the app and LB a cell names', async (t) => {
  const input = {
    scenario: defaultScenario(),
    versions: { node: '24.1.0', node20: '20.19.0', nginx: '1.28.0' },
    yourApp: { images: {}, preloadNode: { yours: 'v22.3.0' } },
  };
  t.same(cellIdentityOf(input, variant({ nodeLine: '20', fix: 'article', keepAliveTimeoutMs: 65_000 })), {
    variant: 'default',
    lb: 'nginx',
    lbVersion: '1.28.0',
    retryPolicy: 'alb',
    node: '20.19.0',
    nodeLine: '20',
    serverMode: 'standalone',
    fix: 'article',
    lbFix: 'none',
    keepAliveTimeoutMs: 65_000,
    headersTimeoutMs: null,
  });
  t.match(
    cellIdentityOf(input, variant({ name: 'lbfix-keepalive-timeout-4s', lbFix: 'keepalive-timeout-4s' })),
    { lbFix: 'keepalive-timeout-4s', fix: 'default' },
    "an LB-side fix: named beside the app's own axes",
  );
  t.match(cellIdentityOf(input, variant()), { node: '24.1.0' }, "no release of its line: the run's node");
  t.match(
    cellIdentityOf(input, variant({ name: 'yours', lb: 'haproxy', app: APP })),
    {
      lb: 'haproxy',
      lbVersion: null,
      retryPolicy: 'http-reuse safe',
      node: 'v22.3.0',
      nodeLine: 'yours',
      serverMode: 'yours',
      fix: 'yours',
    },
    "your app: its preload's Node, and 'yours' for the sample app's axes",
  );
});

t.test('seenOf: what the client saw, by symptom', async (t) => {
  t.same(
    seenOf([
      lbFailure(),
      lbFailure(),
      lbFailure({ status: 503 }),
      lbFailure({ status: 504 }),
      lbFailure({ status: null, error: 'connection closed before a response' }),
      lbFailure({ status: null, error: 'EPIPE' }),
      lbFailure({ status: null, error: 'ETIMEDOUT' }),
      request({ status: 502 }),
      request(),
    ]),
    { status502: 2, status503: 1, status504: 1, emptyReply: 1, reset: 1 },
    "a timeout is the harness's, the stamped 502 the app's: neither counts",
  );
});

t.test("raceTiesOf: failures at one of the app's idle closes are the race's", async (t) => {
  const sent = [
    // Reaches the app at 10 002, 2 ms after its close: tied.
    lbFailure({ startMonoMs: 10_000 }),
    // Far from any close.
    lbFailure({ startMonoMs: 20_000 }),
    // Dropped 48 ms before the close: tied.
    lbFailure({ startMonoMs: 9_950, status: null, error: 'connection closed before a response' }),
    lbFailure({ startMonoMs: 30_000, status: null, error: 'ECONNRESET' }),
    request({ startMonoMs: 10_000 }),
  ];
  const known = { appClosesKnown: true, appCloseInstants: [10_000], sendToAppMs: 2 };
  t.same(raceTiesOf(sent, known), { untiedGateway: 1, droppedAtAppClose: 1, untied: 2 });
  t.same(
    raceTiesOf([...sent, lbFailure({ phase: 'burst', startMonoMs: 10_000 })], { ...known, appClosesKnown: false }),
    { untiedGateway: 1, droppedAtAppClose: 2, untied: 1 },
    'closes not seen: the aimed requests are tied by their aim, a burst is not',
  );
});

t.test('maskingOf: the retries the LB logged, and what they cost the client', async (t) => {
  const sent = [
    request({ requestId: 'a', latencyMs: 10 }),
    request({ requestId: 'b', latencyMs: null }),
    request({ requestId: 'c', latencyMs: 30 }),
    request({ requestId: 'd', latencyMs: 31.23456 }),
  ];
  const retried = ['a', 'b', 'd', 'x'].map((id) => accessEntry({ request_id: id, retries: 1 }));
  t.same(maskingOf(retried, sent), { masked: 4, maskedLatencyMs: { median: 20.617, max: 31.235 } });
  t.same(maskingOf([], sent), { masked: 0, maskedLatencyMs: null });
  t.same(maskingOf(retried.slice(1, 2), sent), { masked: 1, maskedLatencyMs: null }, 'no latency known');
});

t.test('cellSummaries: one cell per variant × method, each read from its own requests', async (t) => {
  const haproxy = variant({ name: 'haproxy-default', lb: 'haproxy', lbPort: 8402, service: 'app-haproxy-default' });
  const records = [
    // Node's defaults behind nginx: POST met the app's close at 12 s; GET reused connections, one retried by nginx.
    lbFailure({ requestId: 'p1', startMonoMs: 12_000 }),
    request({ requestId: 'p2', upstreamSocketId: 7 }),
    request({ requestId: 'g1', method: 'GET', upstreamSocketId: 8, latencyMs: 40 }),
    request({ requestId: 'g2', method: 'GET', upstreamSocketId: 9 }),
    // Behind HAProxy: nothing failed.
    ...[30, 31].map((id) => request({ requestId: `h${id}`, variant: haproxy.name, upstreamSocketId: id })),
    ...[32, 33].map((id) =>
      request({ requestId: `h${id}`, variant: haproxy.name, method: 'GET', upstreamSocketId: id }),
    ),
  ];
  const input = summaryInput(
    {
      options: { ...DEFAULT_OPTIONS, methods: ['POST', 'GET'], minBoundaryRequests: 4 },
      traffic: traffic(records),
      appCloses: { default: [appClose({ socketId: 5, closedAtMonoMs: 12_000, keepAliveTimerAtMonoMs: 12_000 })] },
      accessLog: [
        accessEntry({ request_id: 'g1', request_method: 'GET', retries: 1 }),
        // HAProxy's logged retries are of failed connects, never the race.
        accessEntry({ lb: 'haproxy', variant: haproxy.name, request_id: 'h30', retries: 1 }),
      ],
      lbErrorLogs: {
        nginx: [
          '2026/01/01 00:00:00 [error] 1#1: *1 upstream prematurely closed connection while reading response header from upstream, client: 1, request: "POST / HTTP/1.1", host: "127.0.0.1:8401"',
          '2026/01/01 00:00:01 [error] 1#1: *2 upstream prematurely closed connection while reading response header from upstream, client: 1, request: "GET / HTTP/1.1", host: "127.0.0.1:8402"',
        ].join('\n'),
      },
    },
    [variant(), haproxy],
  );
  const run = input.traffic ?? traffic([]);
  const cells = cellSummaries(input, run, variantSummaries(input, run));
  t.same(
    cells.map((c) => c.name),
    ['default-post', 'default-get', 'haproxy-default-post', 'haproxy-default-get'],
  );
  const [post, get, hPost, hGet] = cells;
  t.match(post, {
    variant: 'default',
    method: 'POST',
    outcome: 'reproduced',
    reason: '1 × 502 to the client (each tied to an idle close of the app)',
    counts: { requests: 2, aimed: 2, boundary: 2, status502: 1, clientErrors: 0, masked: 0, appErrors: 0, untied: 0 },
    clientSaw: '1 × 502',
    maskedLatencyMs: null,
    boundaryRate502: { failures: 1, trials: 2 },
    boundaryFailureRate: { failures: 1, trials: 2 },
    firstHit: { cycle: 1, afterTrafficStartMs: 2_000 },
    verdict: { word: 'REPRODUCED' },
  });
  t.match(get, {
    outcome: 'masked',
    reason: 'the LB retried 1 request on a new connection; the client saw no 502',
    counts: { requests: 2, boundary: 2, masked: 1 },
    clientSaw: 'no failure',
    maskedLatencyMs: { median: 40, max: 40 },
    firstHit: null,
    verdict: { word: 'MASKED' },
  });
  t.match(hPost, { lb: 'haproxy', retryPolicy: 'http-reuse safe', outcome: 'inconclusive', counts: { masked: 0 } });
  t.match(hPost.reason, /^only 2 boundary requests/, 'below the evidence floor');
  // nginx's line at HAProxy's port is nginx's, not HAProxy's (which writes none): it masks nothing there.
  t.match(hGet, { outcome: 'inconclusive', verdict: { word: 'INCONCLUSIVE' } });
  // Who closed, from the LB's own log (an app measured from the client side has no other account): nginx's lines at
  // each cell's port and method; none from HAProxy, which writes no such line.
  t.same(
    cells.map((c) => c.lbLogAppCloses),
    [1, 0, null, null],
  );
});

t.test(
  "lbLogAppCloses: unknown (null) when the LB's log could not be read, 0 when it was and said nothing",
  async (t) => {
    const records = [lbFailure({ requestId: 'p1', startMonoMs: 12_000 })];
    const cellsWith = (lbErrorLogs: Record<string, string>) => {
      const input = summaryInput({ traffic: traffic(records), lbErrorLogs }, [variant()]);
      const run = input.traffic ?? traffic([]);
      return cellSummaries(input, run, variantSummaries(input, run)).map((c) => c.lbLogAppCloses);
    };
    t.same(cellsWith({}), [null, null], 'a failed run: no log read');
    t.same(cellsWith({ nginx: '' }), [0, 0]);
  },
);

t.test("client side: a burst's 502 is the race's where the LB's error log names it, not otherwise", async (t) => {
  const yours = variant({ name: 'yours', lb: 'caddy', app: APP });
  const records = [
    lbFailure({ requestId: 'c2-yours-burst-3', variant: 'yours', phase: 'burst', cycle: 2, latencyMs: 3 }),
    request({ requestId: 'c2-yours-aimed-0', variant: 'yours', upstreamSocketId: null }),
  ];
  const caddyLine = JSON.stringify({
    level: 'error',
    logger: 'http.log.error.log0',
    msg: 'read tcp 172.27.0.4:34480->172.27.0.3:8000: read: connection reset by peer',
    request: { method: 'POST', host: '127.0.0.1:8401', headers: { 'X-Lab-Request-Id': ['c2-yours-burst-3'] } },
    status: 502,
  });
  const untied = (caddy: string) => {
    const input = summaryInput(
      {
        options: { ...DEFAULT_OPTIONS, methods: ['POST'] },
        traffic: traffic(records),
        // No preload ready line: measured from the client side.
        yourApp: { images: {}, preloadNode: { yours: null } },
        lbErrorLogs: { caddy },
      },
      [yours],
    );
    const run = input.traffic ?? traffic([]);
    const [cell] = cellSummaries(input, run, variantSummaries(input, run));
    return [cell.counts.untied, cell.lbLogAppCloses];
  };
  t.same(untied(''), [1, 0], 'nothing names it: untied');
  t.same(untied(caddyLine), [0, 1], "Caddy's line names it: tied");
});
