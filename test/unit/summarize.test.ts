import t from 'tap';
import type { SocketClosedRecord } from '../../harness/model/protocol.js';
import type { AccessLogEntry } from '../../harness/lb/access-log.js';
import { countErrorLog, parseAccessLog } from '../../harness/lb/nginx-log.js';
import { buildSummary, type SummaryInput } from '../../harness/analysis/summarize.js';
import { tallyClosedBy } from '../../harness/analysis/connection-closes.js';
import { parseLabArgs } from '../../harness/cli/options.js';
import { readSummary, SCHEMA_VERSION, validateSummary } from '../../harness/results/schema.js';
import { formatTable, matrixRows, reportMarkdown, tableRows, verdictLine } from '../../harness/report/markdown.js';
import { defaultScenario } from '../../harness/scenarios/scenarios.js';
import type { RequestRecord } from '../../harness/records/request-records.js';
import type { TrafficResult } from '../../harness/traffic/engine.js';
import { summaryFileProblems } from '../helpers/json-schema.js';
import { syntheticInput, syntheticRun } from '../helpers/synthetic-run.js';

function record(
  variant: 'default' | 'fixed',
  i: number,
  status: number | null,
  socketId: number | null,
): RequestRecord {
  return {
    requestId: `c1-${variant}-aimed-${i}`,
    variant,
    method: i % 2 ? 'GET' : 'POST',
    cycle: 1,
    phase: 'aimed',
    idleGapMs: 6000 + i,
    offsetMs: i - 2,
    startMonoMs: 10_000 + i,
    latencyMs: 3,
    status,
    error: status === null ? 'ECONNRESET' : null,
    upstreamSocketId: socketId,
    upstreamSocketRequest: socketId === null ? null : 2,
    appStartMonoMs: socketId === null ? null : 10_001 + i,
    achievedIdleMs: null,
  };
}

function closed(
  socketId: number,
  closedBy: SocketClosedRecord['closedBy'],
  closedAtMonoMs: number,
): SocketClosedRecord {
  return {
    lab: 'socket-closed',
    variant: null,
    pid: 1,
    socketId,
    remote: 'x',
    requests: 2,
    acceptedAtMonoMs: 0,
    lastResponseEndMonoMs: closedAtMonoMs - 6000,
    closedAtMonoMs,
    keepAliveTimerAtMonoMs: closedBy === 'app' ? closedAtMonoMs : null,
    idleMs: 6000,
    closedBy,
    reason: closedBy === 'app' ? 'keep-alive-timeout' : 'fin',
    keepAliveTimeoutMs: 5000,
    headersTimeoutMs: 60000,
  };
}

function access(r: RequestRecord): AccessLogEntry {
  return {
    lb: 'nginx',
    time_s: 1,
    variant: r.variant,
    request_method: r.method,
    status: r.status ?? 499,
    request_id: r.requestId,
    upstream_socket_id: '',
    retries: 0,
  };
}

type Input = SummaryInput & { traffic: TrafficResult; accessLog: AccessLogEntry[] };

function input(): Input {
  const records = [
    record('default', 0, 502, null),
    record('default', 1, 200, 1),
    record('default', 2, 502, null),
    record('default', 3, 200, 2),
    record('fixed', 0, 200, 1),
    record('fixed', 1, 200, 1),
    record('fixed', 2, 200, 2),
    record('fixed', 3, 200, 2),
  ];
  return {
    runId: 'test-run',
    startedAt: new Date(0),
    finishedAt: new Date(90_000),
    interrupted: false,
    failure: null,
    runtime: 'local',
    runStartMonoMs: 0,
    trafficStartMonoMs: 5_000,
    trafficEndMonoMs: 20_000,
    injectedAppClockOffsetMs: 0,
    appResponseEnds: {},
    options: { ...parseLabArgs([]), minBoundaryRequests: 4 },
    versions: { node: '20.20.2', next: '16.4.6', nginx: '1.22.1', kernel: 'k' },
    scenario: defaultScenario(),
    probes: {
      default: {
        closedBy: 'app',
        closeKind: 'fin',
        idleCloseMs: 6001.2,
        watchedMs: 6001.2,
        advertisedKeepAlive: 'timeout=5',
        status: 200,
      },
      fixed: {
        closedBy: 'none',
        closeKind: null,
        idleCloseMs: null,
        watchedMs: 9000,
        advertisedKeepAlive: 'timeout=61',
        status: 200,
      },
    },
    traffic: {
      records,
      cycles: [],
      aimVariant: 'default',
      closeDelayMs: 6001,
      oneWayLatencyMs: { default: 1, fixed: 1 },
      appClocks: { default: null, fixed: null },
      boundaryMs: { default: 6001, fixed: 6001 },
      lanes: { default: 'short', fixed: 'short' },
    },
    appCloses: {
      // The app closed sockets 1 and 2 as the two POSTs arrived (10 000, 10 002): their 502s are the race's.
      default: [closed(1, 'app', 10_030), closed(2, 'app', 10_040), closed(99, 'peer', 30_000)],
      fixed: [closed(1, 'peer', 25_000), closed(2, 'peer', 25_001)],
    },
    accessLog: records.map(access),
    lbErrorLogs: {
      nginx: [
        '2026/11/27 04:12:51 [error] 7#7: *53 upstream prematurely closed connection while reading response header from upstream',
        '2026/11/27 04:13:03 [error] 7#7: *45 recv() failed (104: Connection reset by peer) while reading response header',
        '2026/11/27 04:13:04 [notice] 1#1: signal process started',
      ].join('\n'),
    },
  };
}

t.test('counts, rates, who closed, verdict', async (t) => {
  const s = buildSummary(input());
  t.same(validateSummary(s), [], 'valid against the schema');
  t.equal(s.complete, true);
  t.equal(s.failure, null);
  t.equal(s.variants.default.rate502.failures, 2);
  t.equal(s.variants.default.rate502.trials, 4);
  t.equal(s.variants.fixed.rate502.failures, 0);
  t.equal(s.variants.fixed.rate502.method, 'exact-one-sided');
  t.same(s.variants.default.requests.byMethod, { POST: { total: 2, count502: 2 }, GET: { total: 2, count502: 0 } });
  t.same(
    s.variants.default.closedBy,
    { app: 2, lb: 0, lbAtShutdown: 0, reset: 0, open: 0, total: 2 },
    'socket 99 never served the LB',
  );
  t.same(s.variants.fixed.closedBy, { app: 0, lb: 2, lbAtShutdown: 2, reset: 0, open: 0, total: 2 });
  t.same(s.nginx.errorLog, { prematurelyClosed: 1, connectionReset: 1, brokenPipe: 0, other: 0 });
  t.same(s.nginx.mismatches, []);
  // Two boundary requests per cell are below the evidence floor: the fix is not shown to hold, so no REPRODUCED.
  t.equal(s.verdict.word, 'INCONCLUSIVE');
  t.equal(s.verdict.tone, 'warn');
  t.same(
    s.verdict.reasons,
    [
      'fixed-post: only 2 boundary requests (a SAFE needs at least 8)',
      'fixed-get: only 2 boundary requests (a SAFE needs at least 8)',
    ],
    "default's GET without a hit does not outweigh its POST's 502s",
  );
  t.equal(s.verdict.ok, false);
  t.match(
    s.verdict.text,
    /^default: 2 × 502 in 4 \(50\.0 %, 95 % CI 15\.0 %–85\.0 %\) at the close boundary \(2 × 502 in 4 in all\); fixed: 0 in 4 \(95 % upper bound 52\.71 %\) at the close boundary/,
  );
  t.match(
    s.verdict.text,
    /app closed 100 % of idle upstream connections in default \(2\/2\), LB closed 100 % in fixed \(2\/2, at shutdown\)/,
  );
  t.equal(s.assertion.passed, false, '--assert asks for REPRODUCED');
  t.match(verdictLine(s), /^INCONCLUSIVE: /);
  t.match(formatTable(tableRows(s)), /502s\s+2\s+0/);
  t.match(reportMarkdown(s), /every 502 the harness counted is in its LB's access log/);
});

t.test('a 502 the access log lacks is a mismatch, and fails the assertion', async (t) => {
  const i = input();
  i.accessLog = i.accessLog.filter((e) => e.request_id !== 'c1-default-aimed-2');
  const s = buildSummary(i);
  t.same(s.nginx.mismatches, [
    {
      variant: 'default',
      harness502: 2,
      accessLog502: 1,
      missingInAccessLog: ['c1-default-aimed-2'],
      missingInHarness: [],
    },
  ]);
  t.equal(s.assertion.passed, false);
});

t.test('no 502 on default, or one on fixed, is not reproduced', async (t) => {
  const none = syntheticRun({ default: 'ok' });
  t.equal(none.verdict.word, 'NOT REPRODUCED');
  t.equal(none.verdict.ok, false);
  t.match(none.assertion.reasons, [
    /^default-post: no failure in 24 boundary requests/,
    /^default-get: no failure in 24 boundary requests/,
  ]);
  const fixFailed = syntheticRun({ fixed: 'race-502' });
  t.equal(fixFailed.verdict.word, 'FIX FAILED');
  t.match(fixFailed.assertion.reasons, [
    /^fixed-post: 4 × 502 to the client \(each tied to an idle close of the app\)/,
  ]);
});

t.test('too few boundary requests fail the assertion', async (t) => {
  const i = syntheticInput();
  i.options = { ...i.options, minBoundaryRequests: 100 };
  t.match(buildSummary(i).assertion.reasons, [
    /^fixed-post: only 24 boundary requests \(at least 50 needed\)/,
    /^fixed-get/,
  ]);
});

t.test('client-side errors are not successes, and fail the assertion on fixed', async (t) => {
  const i = syntheticInput();
  const at = i.traffic!.records.findIndex((r) => r.variant === 'fixed');
  i.traffic!.records[at] = {
    ...i.traffic!.records[at],
    status: null,
    error: 'ECONNRESET',
    upstreamSocketId: null,
    upstreamSocketRequest: null,
  };
  i.accessLog = i.accessLog!.filter((e) => e.request_id !== i.traffic!.records[at].requestId);
  const s = buildSummary(i);
  t.equal(s.variants.fixed.requests.clientErrors, 1);
  t.equal(s.variants.fixed.rate502.trials, 47, 'left out of the trials');
  t.match(s.assertion.reasons, [/^fixed-post: 1 requests failed on the client side without a status/]);
});

t.test('tally: LB closes after the traffic are the LB shutting down', async (t) => {
  const tally = tallyClosedBy(
    [record('fixed', 0, 200, 1), record('fixed', 1, 200, 3), record('fixed', 2, 200, 4)],
    [closed(1, 'peer', 5), closed(3, 'reset', 6), closed(4, 'reset', 4)],
    5,
  );
  // A reset once the traffic ended is the LB stopping (HAProxy resets its idle connections); during the traffic it
  // stays a reset.
  t.same(tally, { app: 0, lb: 2, lbAtShutdown: 1, reset: 1, open: 0, total: 3 });
});

t.test('schema check names what is missing', async (t) => {
  t.same(validateSummary(null), ['not an object']);
  const problems = validateSummary({ schemaVersion: 0, variants: { x: {} } });
  t.ok(problems.includes(`schemaVersion is 0, expected ${SCHEMA_VERSION}`));
  t.ok(problems.includes('variants.x.requests missing'), 'the schema names the first level missing');
  t.ok(problems.includes('versions.node missing'));
});

t.test('a run that failed mid-traffic: incomplete, with the phase and the reason, never a verdict', async (t) => {
  const i = input();
  i.failure = {
    phase: 'traffic',
    message: "The container of 'app-default' stopped during the run (exited, exit code 137, killed).",
  };
  const s = buildSummary(i);
  t.same(validateSummary(s), []);
  t.equal(s.complete, false);
  t.same(s.failure, i.failure);
  t.equal(s.verdict.ok, false, 'the 502s so far prove nothing: the app died');
  t.match(verdictLine(s), /^INCOMPLETE: the run failed during traffic: The container of 'app-default' stopped/);
  t.match(s.assertion.reasons, ['the run failed during traffic']);
  t.equal(s.variants.default.rate502.failures, 2, 'what ran is still counted');
  const unread = buildSummary({ ...i, accessLog: null });
  t.same(unread.nginx.mismatches, [], 'an access log that could not be read is no mismatch');
  t.notMatch(unread.assertion.reasons.join(';'), /disagree/);
  t.match(reportMarkdown(s), /failed during traffic/);
});

t.test('a run that failed before any traffic still has a valid summary', async (t) => {
  const i: SummaryInput = {
    ...input(),
    traffic: null,
    probes: {},
    appCloses: {},
    accessLog: [],
    lbErrorLogs: {},
    versions: { harnessNode: '20.20.2' },
  };
  i.failure = { phase: 'bring-up', message: 'The images could not be built' };
  const s = buildSummary(i);
  t.same(validateSummary(s), []);
  t.equal(s.complete, false);
  t.equal(s.schedule.closeDelayMs, null);
  t.same(s.schedule.oneWayLatencyMs, { default: null, fixed: null });
  t.equal(s.variants.default.requests.total, 0);
  t.equal(s.variants.default.measured.probeIdleCloseMs, null);
  t.doesNotThrow(() => reportMarkdown(s));
});

t.test('cells: one per variant × method, with its outcome and the names downstream tools read', async (t) => {
  const s = buildSummary(input());
  t.same(
    s.cells.map((c) => [c.name, c.outcome]),
    [
      ['default-post', 'reproduced'],
      ['default-get', 'inconclusive'],
      ['fixed-post', 'inconclusive'],
      ['fixed-get', 'inconclusive'],
    ],
    'two boundary requests a cell are below the evidence floor: no SAFE',
  );
  const [post, get] = s.cells;
  t.match(post, {
    variant: 'default',
    lb: 'nginx',
    lbVersion: '1.22.1',
    retryPolicy: 'alb',
    node: '20.20.2',
    nodeLine: '24',
    serverMode: 'standalone',
    fix: 'default',
    keepAliveTimeoutMs: null,
    headersTimeoutMs: null,
    method: 'POST',
    lane: 'short',
    boundaryMs: 6001,
    counts: { requests: 2, boundary: 2, status502: 2, clientErrors: 0, masked: 0 },
    appIdleCloseMs: 6001.2,
    // Two idle closes are too few to state an effective close (MIN_CLOSES_FOR_EFFECTIVE_CLOSE).
    effectiveCloseMs: null,
    effectiveCloseBy: null,
    reason: '2 × 502 to the client (each tied to an idle close of the app)',
  });
  t.match(get.reason, /the app closed 2 idle upstream connections first: the race is there, no GET request hit it/);
  t.equal(s.cells[2].keepAliveTimeoutMs, 61_000);
  t.equal(
    s.cells[2].effectiveCloseMs,
    null,
    "fixed: nothing closed while the traffic ran (the LB's closes came at shutdown)",
  );
});

t.test(
  'cells: a request the LB retried without a 502 is masked; race lines count for their port and method',
  async (t) => {
    const i = input();
    // The GETs of default were retried by the LB (nginx policy): two upstream attempts, a 200 to the client.
    i.accessLog = i.accessLog.map((e) =>
      e.variant === 'default' && e.request_method === 'GET' ? { ...e, retries: 1 } : e,
    );
    const s = buildSummary(i);
    t.match(s.cells[1], { name: 'default-get', outcome: 'masked', counts: { masked: 2 } });
    const j = input();
    j.lbErrorLogs.nginx +=
      '\n2026/11/27 04:13:05 [error] 7#7: *60 upstream prematurely closed connection while reading response header from upstream, client: 172.18.0.1, server: , request: "GET /api/echo HTTP/1.1", upstream: "http://172.18.0.3:3000/api/echo", host: "127.0.0.1:8401"';
    t.match(buildSummary(j).cells[1], { name: 'default-get', outcome: 'masked', reason: /logged the race 1 time/ });
  },
);

t.test('a matrix summary: verdict by outcomes, assertion by fix', async (t) => {
  const i = input();
  i.scenario = { ...i.scenario, kind: 'matrix' };
  const s = buildSummary(i);
  t.equal(s.scenario.kind, 'matrix');
  t.equal(s.verdict.text, '4 cells: 1 REPRODUCED, 3 INCONCLUSIVE', 'counted by the words the cells show');
  t.equal(s.verdict.word, 'INCONCLUSIVE', 'an inconclusive fix cell leaves the matrix without an answer');
  t.equal(s.verdict.ok, false);
  t.match(verdictLine(s), /^INCONCLUSIVE: 4 cells/);
  t.same(s.assertion.reasons, [
    'fixed-post (fix article) is inconclusive: only 2 boundary requests (a SAFE needs at least 8)',
    'fixed-get (fix article) is inconclusive: only 2 boundary requests (a SAFE needs at least 8)',
  ]);
  t.match(
    formatTable(matrixRows(s)),
    /default\s+POST\s+nginx 1\.22\.1\s+20\.20\.2\s+standalone\s+default\/default\s+6\.00 s\s+—\s+2\/2\s+100\.0 %\s+2 × 502.*REPRODUCED/,
  );
  t.match(reportMarkdown(s), /- fixed-get: INCONCLUSIVE — only 2 boundary requests \(a SAFE needs at least 8\)/);
});

t.test(
  'readSummary: reads v6 as is, upgrades v5, v4, v3, v2 and v1 (what they lack derived); refuses what it cannot read',
  async (t) => {
    const v6 = JSON.parse(JSON.stringify(buildSummary(input())));
    t.same(readSummary(v6), { summary: v6, problems: [] });
    const strip = (o: Record<string, unknown>, ...keys: string[]) =>
      Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
    const problemsOf = (value: unknown): string[] => readSummary(value).problems;
    // A v5 summary as v5 wrote it: no $schema, no cycles per cell, no --baseline.
    const v5 = {
      ...strip(v6, '$schema'),
      schemaVersion: 5,
      options: strip(v6.options, 'baseline'),
      cells: v6.cells.map((c: Record<string, unknown>) => strip(c, 'boundaryCycles')),
    } as typeof v6;
    const fromV5 = readSummary(v5);
    t.same(fromV5.problems, [], 'a v5 summary reads');
    t.same(summaryFileProblems(v6), [], 'v6, as built: valid against schemas/summary.schema.json (ajv)');
    t.same(summaryFileProblems(fromV5.summary), [], 'v5, upgraded: valid against schemas/summary.schema.json (ajv)');
    t.equal(Object.keys(fromV5.summary ?? {})[0], '$schema', '$schema comes first');
    t.equal(
      fromV5.summary?.$schema,
      '../../schemas/summary.schema.json',
      'v5 summaries were written in results/<run-id>/',
    );
    t.same(
      fromV5.summary?.cells.map((c) => c.boundaryCycles),
      [null, null, null, null],
      'v5 never counted cycles per cell',
    );
    t.equal(fromV5.summary?.options.baseline, null);
    // A v4 summary as v4 wrote it: none of v5's fields.
    const v4 = {
      ...v5,
      schemaVersion: 4,
      options: strip(v5.options, 'naivePairs'),
      variants: Object.fromEntries(
        Object.entries(v5.variants).map(([k, v]) => [k, strip(v as Record<string, unknown>, 'boundaryCycles')]),
      ),
      raceWindow: strip(v5.raceWindow, 'model'),
      schedule: {
        ...strip(v5.schedule, 'appClocks', 'injectedAppClockOffsetMs'),
        cycles: [
          {
            cycle: 1,
            lane: 'short',
            kind: 'aimed',
            aimVariant: 'default',
            closeDelayMs: 6001,
            centerOffsetMs: 0,
            intendedGapMs: 6001,
            achievedGapMs: {},
            oneWayLatencyMs: {},
            boundaryMs: {},
            sendsPerVariant: 8,
            count502: { default: 2, fixed: 0 },
          },
        ],
      },
    };
    const fromV4 = readSummary(v4);
    t.same(summaryFileProblems(fromV4.summary), [], 'v4, upgraded: valid against schemas/summary.schema.json (ajv)');
    t.same(fromV4.problems, [], 'a v4 summary reads');
    t.same(fromV4.summary?.schedule.appClocks, {}, 'v4 apps shared the harness clock: no estimate');
    t.equal(fromV4.summary?.schedule.injectedAppClockOffsetMs, 0);
    t.same(fromV4.summary?.options.naivePairs, 0, 'v4 ran no A/B');
    t.same(
      [
        fromV4.summary?.variants.default.boundaryCycles.hitting,
        fromV4.summary?.variants.default.boundaryCycles.cycles,
        fromV4.summary?.variants.fixed.boundaryCycles.hitting,
      ],
      [1, 1, 0],
      'boundaryCycles derived from the cycles',
    );
    t.ok(
      problemsOf({ ...v4, variants: null }).includes('variants is null, expected an object'),
      'a broken v4 is refused with its problems, not a crash',
    );
    // A v3 summary as v3 wrote it: no lbs, no HAProxy setting, cells without the other symptoms.
    const { lbs: _lbs, ...v3rest } = v4;
    const { haproxyReuse: _hr, ...v3scenario } = v4.scenario;
    const v3cells = v4.cells.map((c: Record<string, unknown> & { counts: Record<string, number> }) => {
      const { clientSaw: _cs, maskedLatencyMs: _ml, boundaryFailureRate: _bf, ...rest } = c;
      const { status503: _a, status504: _b, emptyReply: _e, reset: _r, ...counts } = c.counts;
      return { ...rest, counts };
    });
    const v3 = { ...v3rest, schemaVersion: 3, scenario: v3scenario, cells: v3cells };
    const fromV3 = readSummary(v3);
    t.same(summaryFileProblems(fromV3.summary), [], 'v3, upgraded: valid against schemas/summary.schema.json (ajv)');
    t.same(fromV3.problems, [], 'a v3 summary reads');
    t.same(
      fromV3.summary?.cells.map((c) => [c.name, c.lb, c.clientSaw, c.counts.emptyReply]),
      [
        ['default-post', 'nginx', '2 × 502', 0],
        ['default-get', 'nginx', 'no failure', 0],
        ['fixed-post', 'nginx', 'no failure', 0],
        ['fixed-get', 'nginx', 'no failure', 0],
      ],
      'v3 cells: behind nginx, which answers the race with 502 only',
    );
    t.same(
      fromV3.summary?.lbs,
      { nginx: { version: '1.22.1', accessEntries: v4.lbs.nginx.accessEntries, errorLines: 2 } },
      'lbs derived from nginx',
    );
    t.ok(
      problemsOf({ schemaVersion: 3 }).includes('complete missing'),
      'a broken v3 is refused with its problems, not a crash',
    );
    t.ok(
      readSummary({ ...v3, cells: [{ name: 'x', method: 'GET', outcome: 'safe' }] }).problems.length > 0,
      'a v3 cell without counts is refused',
    );
    // A v2 summary as v2 wrote it: none of v3's fields, one cycle.
    const { cells: _cells, ...v2rest } = v3;
    const { kind: _kind, ...v2scenario } = v3.scenario;
    const { cells: _oc, longCycles: _lc, haproxyReuse: _hro, ...v2options } = v3.options;
    const v2variants = Object.fromEntries(
      Object.entries(v3.variants).map(([n, v]) => {
        const { nodeLine: _n, serverMode: _m, fix: _f, lane: _l, ...rest } = v as Record<string, unknown>;
        return [n, rest];
      }),
    );
    const v2cycle = {
      cycle: 1,
      kind: 'aimed',
      aimVariant: 'default',
      closeDelayMs: 6001,
      centerOffsetMs: 0,
      intendedGapMs: 6001,
      achievedGapMs: {},
      oneWayLatencyMs: {},
      sendsPerVariant: 8,
      count502: { default: 2, fixed: 0 },
    };
    const v2 = {
      ...v2rest,
      schemaVersion: 2,
      scenario: v2scenario,
      options: v2options,
      variants: v2variants,
      schedule: { ...v3.schedule, cycles: [v2cycle] },
    };
    const fromV2 = readSummary(v2);
    t.same(summaryFileProblems(fromV2.summary), [], 'v2, upgraded: valid against schemas/summary.schema.json (ajv)');
    t.same(fromV2.problems, []);
    t.same(
      fromV2.summary?.cells.map((c) => [c.name, c.outcome, c.counts.status502, c.counts.boundary]),
      [
        ['default-post', 'reproduced', 2, null],
        ['default-get', 'inconclusive', 0, null],
        ['fixed-post', 'inconclusive', 0, null],
        ['fixed-get', 'inconclusive', 0, null],
      ],
      'v2 cells: what was counted per method, no outcome beyond a 502',
    );
    t.same(
      fromV2.summary?.cells.map((c) => c.fix),
      ['default', 'default', 'article', 'article'],
    );
    t.equal(fromV2.summary?.scenario.kind, 'classic');
    t.match(fromV2.summary?.variants.fixed, { fix: 'article', lane: 'short', nodeLine: '20' });
    t.equal(fromV2.summary?.cells[0].effectiveCloseMs, null, 'older runs never measured the close behind the LB');
    t.match(
      fromV2.summary?.schedule.cycles[0],
      { lane: 'short', boundaryMs: { default: 6001, fixed: 6001 } },
      'cycles get their lane and boundaries',
    );
    t.match(fromV2.summary?.options, { cells: null, longCycles: 0 });
    const { complete: _c, failure: _f, ...rest } = v2;
    const v1 = { ...rest, schemaVersion: 1 };
    const read = readSummary(v1);
    t.same(summaryFileProblems(read.summary), [], 'v1, upgraded: valid against schemas/summary.schema.json (ajv)');
    t.same(read.problems, []);
    t.equal(read.summary?.schemaVersion, SCHEMA_VERSION);
    t.equal(read.summary?.complete, true, 'a v1 summary that was not interrupted was complete');
    t.equal(readSummary({ ...v1, interrupted: true }).summary?.complete, false);
    t.match(readSummary({ ...v4, schemaVersion: 99 }).problems, [/schemaVersion 99 is not one this lab reads/]);
    t.ok(
      problemsOf({ ...v4, cells: [{ name: 'x', method: 'GET', outcome: 'fine' }] }).includes(
        'cells[0].outcome is "fine", expected one of reproduced, safe, masked, inconclusive',
      ),
    );
    t.match(readSummary('x').problems, ['not an object']);
    t.ok(
      readSummary({ ...v2, variants: { default: {} } }).problems.length > 0,
      'a broken v2 is refused with its problems',
    );
  },
);

t.test('access log lines parse; torn lines are skipped', async (t) => {
  t.equal(parseAccessLog('{"status":502,"variant":"default"}\n{"status":2\nnot json\n').length, 1);
  t.same(countErrorLog(''), { prematurelyClosed: 0, connectionReset: 0, brokenPipe: 0, other: 0 });
});
