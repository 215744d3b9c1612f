// analysis/lb-logs.ts: the harness's 502s against the LBs' access logs, and
// how much each LB logged. Expected values are read off the lists by hand.
import t from 'tap';
import { accessLogMismatches, lbLogCounts } from '../../harness/analysis/lb-logs.js';
import { caddyRaceLogLines } from '../../harness/lb/caddy-log.js';
import { parseAccessLog as parseNginxAccessLog, raceLogLines } from '../../harness/lb/nginx-log.js';
import { requestsNamedBy } from '../../harness/lb/race-lines.js';
import { LB_DRIVERS } from '../../harness/lb/drivers.js';
import { defaultScenario } from '../../harness/scenarios/scenarios.js';
import { accessEntry, lbFailure, request, variant } from '../helpers/summary-records.js';

t.test('accessLogMismatches: the variants whose 502s the two sides count differently', async (t) => {
  const records = [
    lbFailure({ requestId: 'a' }),
    lbFailure({ requestId: 'b' }),
    request({ requestId: 'c' }),
    lbFailure({ requestId: 'f', variant: 'fixed' }),
  ];
  const log = [
    accessEntry({ request_id: 'a', status: 502 }),
    // The harness saw b's 502; the log has a 200. x's 502 the harness never saw.
    accessEntry({ request_id: 'b', status: 200 }),
    accessEntry({ request_id: 'x', status: 502 }),
    accessEntry({ request_id: 'f', variant: 'fixed', status: 502 }),
  ];
  t.same(accessLogMismatches(records, log, ['default', 'fixed']), [
    { variant: 'default', harness502: 2, accessLog502: 2, missingInAccessLog: ['b'], missingInHarness: ['x'] },
  ]);
  t.same(accessLogMismatches(records, log, ['fixed']), [], 'a variant that agrees is left out');
  t.same(accessLogMismatches(records, null, ['default', 'fixed']), [], 'no log read: nothing to cross-check');
  t.same(accessLogMismatches([], [accessEntry({ request_id: 'y', status: 502, variant: 'other' })], ['other']), [
    { variant: 'other', harness502: 0, accessLog502: 1, missingInAccessLog: [], missingInHarness: ['y'] },
  ]);
});

t.test("lbLogCounts: each LB of the run, its version, its access log's length, its error lines", async (t) => {
  const scenario = defaultScenario({
    variants: [variant(), variant({ name: 'h', lb: 'haproxy', lbPort: 8402 })],
  });
  const log = [accessEntry(), accessEntry({ request_id: 's' }), accessEntry({ lb: 'haproxy', variant: 'h' })];
  // nginx's error log: 3 lines of level error and above, and a notice that is not one.
  const nginxErrors = [
    '2026/12/06 16:25:53 [error] 6#6: *10 recv() failed (104: Connection reset by peer)',
    '2026/12/06 16:25:54 [error] 6#6: *11 upstream prematurely closed connection',
    '2026/12/06 16:25:55 [crit] 6#6: *12 something else',
    '2026/12/06 16:25:56 [notice] 1#1: signal process started',
  ].join('\n');
  t.same(lbLogCounts(scenario, { nginx: '1.28.0', caddy: '2.10' }, log, { nginx: nginxErrors }), {
    nginx: { version: '1.28.0', accessEntries: 2, errorLines: 3 },
    haproxy: { version: null, accessEntries: 1, errorLines: 0 },
  });
  t.same(
    lbLogCounts(scenario, {}, null, {}),
    {
      nginx: { version: null, accessEntries: 0, errorLines: 0 },
      haproxy: { version: null, accessEntries: 0, errorLines: 0 },
    },
    'no log read',
  );
});

t.test("caddyRaceLogLines: reverse_proxy's errors of the race, by port and method (lines of a run here)", async (t) => {
  const line = (msg: string, method = 'POST', level = 'error', status = 502, logger = 'http.log.error.log0') =>
    JSON.stringify({
      level,
      ts: 1796569594.8684657,
      logger,
      msg,
      request: { method, host: '127.0.0.1:8401', uri: '/', headers: { 'X-Lab-Request-Id': ['c12-yours-aimed-4'] } },
      status,
    });
  const stderr = [
    line(
      'readfrom tcp 192.168.0.4:42914->192.168.0.3:8000: write tcp 192.168.0.4:42914->192.168.0.3:8000: write: broken pipe',
    ),
    line('read tcp 192.168.0.4:59636->192.168.0.3:8000: read: connection reset by peer'),
    line('EOF', 'GET'),
    line('net/http: HTTP/1.x transport connection broken: http: server closed idle connection'),
    // Not the race: the app refused the connection (it was down), a line below error, another status, another logger.
    line('dial tcp 192.168.0.3:8000: connect: connection refused'),
    line('EOF', 'POST', 'warn'),
    line('EOF', 'POST', 'error', 504),
    line('EOF', 'POST', 'error', 502, 'http.handlers.reverse_proxy.health_checker.active'),
    '{"level":"info","msg":"serving initial configuration"}',
  ].join('\n');
  const named = { lbPort: 8401, requestId: 'c12-yours-aimed-4' };
  t.same(caddyRaceLogLines(stderr), [
    { ...named, method: 'POST' },
    { ...named, method: 'POST' },
    { ...named, method: 'GET' },
    { ...named, method: 'POST' },
  ]);
  t.same(caddyRaceLogLines(''), []);
  t.equal(LB_DRIVERS.haproxy.raceLogLines('anything'), null, 'HAProxy writes no such line');
});

t.test("requestsNamedBy: Caddy's lines name their request; nginx's, through the access log's connection", async (t) => {
  const nginxLine = (connection: number, time: string) =>
    `2026/12/06 ${time} [error] 6#6: *${connection} recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 172.19.0.1, server: , request: "POST / HTTP/1.1", upstream: "http://172.19.0.2:8000/", host: "127.0.0.1:8401"`;
  const lines = raceLogLines([nginxLine(10, '16:25:53'), nginxLine(8, '16:25:58')].join('\n'));
  t.same(lines[0], {
    lbPort: 8401,
    method: 'POST',
    requestId: null,
    connection: { number: 10, timeS: Date.UTC(2026, 11, 6, 16, 25, 53) / 1000 },
  });
  const at = (time: string) => Date.UTC(2026, 11, 6, 16, 25, Number(time)) / 1000;
  const accessLog = [
    // Connection 10: a 200 before, the 502 of its line 0.62 s into that second, a 502 of another second.
    accessEntry({ request_id: 'c4-ok', status: 200, time_s: at('53.1'), clientConnection: 10 }),
    accessEntry({ request_id: 'c4-yours-aimed-4', status: 502, time_s: at('53.62'), clientConnection: 10 }),
    accessEntry({ request_id: 'c9-yours-aimed-1', status: 502, time_s: at('59'), clientConnection: 10 }),
    // Connection 8's line: its 502 is 5 s off, another request's; and a Caddy line that names its own.
    accessEntry({ request_id: 'c5-far', status: 502, time_s: at('53.5'), clientConnection: 8 }),
  ];
  const caddy = { lbPort: 8401, method: 'POST', requestId: 'c12-yours-burst-3' };
  t.same([...requestsNamedBy([...lines, caddy], accessLog)].sort(), ['c12-yours-burst-3', 'c4-yours-aimed-4']);
  t.same([...requestsNamedBy(lines, [])], [], 'no access log: nginx names nothing');
  // Two lines in one second on one connection: each takes its own 502, the first first; a GET's is not a POST line's.
  const twice = raceLogLines([nginxLine(12, '16:25:53'), nginxLine(12, '16:25:53')].join('\n'));
  const log12 = [
    accessEntry({ request_id: 'c4-a', status: 502, time_s: at('53.2'), clientConnection: 12 }),
    accessEntry({ request_id: 'c4-get', request_method: 'GET', status: 502, time_s: at('53.1'), clientConnection: 12 }),
    accessEntry({ request_id: 'c4-b', status: 502, time_s: at('53.4'), clientConnection: 12 }),
  ];
  t.same([...requestsNamedBy(twice, log12)], ['c4-a', 'c4-b']);
  t.same([...requestsNamedBy(twice.slice(0, 1), log12)], ['c4-a'], 'the first in the second');
});

t.test("nginx's access log: the client connection its error lines name", async (t) => {
  const line = JSON.stringify({
    time_s: 1796574353.62,
    variant: 'yours',
    request_method: 'POST',
    uri: '/',
    request_id: 'c4-yours-aimed-4',
    status: 502,
    upstream_status: '502',
    upstream_socket_id: '',
    client_connection: 10,
    client_connection_requests: 8,
  });
  t.match(parseNginxAccessLog(line), [{ request_id: 'c4-yours-aimed-4', status: 502, clientConnection: 10 }]);
});
