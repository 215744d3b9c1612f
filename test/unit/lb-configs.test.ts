// HAProxy's and Caddy's configurations and logs: rendered from the scenario
// alone, read back from lines recorded in real runs. (nginx: nginx-config.test.ts.)
import t from 'tap';
import { parseCaddyAccessLog, countCaddyErrors } from '../../harness/lb/caddy-log.js';
import { countHaproxyAlerts, parseHaproxyAccessLog } from '../../harness/lb/haproxy-log.js';
import { DOCKER_ADDRESSES, LOCAL_ADDRESSES } from '../../harness/lb/addresses.js';
import { parseCaddyVersion, renderCaddyConfig } from '../../harness/lb/caddy-config.js';
import { LB_DRIVERS, lbsOf } from '../../harness/lb/drivers.js';
import { parseHaproxyVersion, renderHaproxyConfig } from '../../harness/lb/haproxy-config.js';
import { cellsByName, matrixScenario } from '../../harness/scenarios/matrix.js';
import { LB } from '../../harness/scenarios/scenarios.js';

const scenario = matrixScenario(
  cellsByName([
    'node24-standalone-default',
    'haproxy-node24-standalone-default',
    'haproxy-node24-standalone-article',
    'caddy-node24-standalone-default',
  ]),
  'alb',
  { ...LB, upstreamKeepaliveTimeoutMs: 12_000 },
);
const haproxyVariants = scenario.variants.filter((v) => v.lb === 'haproxy');
const caddyVariants = scenario.variants.filter((v) => v.lb === 'caddy');

t.test('each LB gets only its own apps', async (t) => {
  t.same(
    lbsOf(scenario).map((l) => [l.driver.name, l.variants.map((v) => v.lbPort)]),
    [
      ['nginx', [8401]],
      ['haproxy', [8402, 8403]],
      ['caddy', [8404]],
    ],
  );
});

t.test('HAProxy: a frontend and backend per app, timeouts and reuse from the scenario', async (t) => {
  const local = renderHaproxyConfig(scenario.lb, 'safe', LOCAL_ADDRESSES, haproxyVariants);
  t.match(local, /frontend haproxy-node24-standalone-default\n {2}bind 127\.0\.0\.1:8402\n/);
  t.match(
    local,
    /server app 127\.0\.0\.1:8502 pool-max-conn 32 pool-purge-delay 12s/,
    "the pool follows the LB's idle timeout",
  );
  t.match(local, /server app 127\.0\.0\.1:8503 /);
  t.equal(local.match(/ {2}http-reuse safe\n/g)?.length, 2 * 25, 'each app: its backend and its 24 pools');
  // The long lane's pools: a backend each, the same app, the same cache (a cycle fills it), chosen by the pool header.
  t.match(local, /use_backend app_haproxy-node24-standalone-default_pool3 if \{ req\.hdr\(x-lab-pool\) -m str 3 \}\n/);
  t.match(
    local,
    /use_backend app_haproxy-node24-standalone-default_pool24 [^\n]*\n {2}default_backend app_haproxy-node24-standalone-default\n/,
  );
  t.match(
    local,
    /backend app_haproxy-node24-standalone-default_pool24\n(?:.*\n)*? {2}server app 127\.0\.0\.1:8502 pool-max-conn 32 pool-purge-delay 12s/,
  );
  t.match(local, /maxconn 4096/, "room for every app's pools of idle connections");
  t.match(local, /timeout server 60s/);
  t.match(local, /timeout http-keep-alive 75s/, "the client's side outlives the long lane's minute");
  t.match(local, /retry-on conn-failure/);
  t.match(local, /capture req\.hdr\(x-lab-request-id\)/);
  t.match(local, /capture res\.hdr\(x-lab-socket-id\)/);
  t.notMatch(local, /\{\{/, 'no placeholder left');
  const docker = renderHaproxyConfig(scenario.lb, 'always', DOCKER_ADDRESSES, haproxyVariants);
  t.match(docker, /bind :8402\n/);
  t.match(docker, /server app app-haproxy-node24-standalone-default:3000 /);
  t.equal(docker.match(/ {2}http-reuse always\n/g)?.length, 2 * 25);
  t.same(
    LB_DRIVERS.haproxy.render({ ...scenario, haproxyReuse: 'always' }, haproxyVariants, { runtime: 'docker' }),
    docker,
    'the driver renders the same',
  );
});

t.test('Caddy: a site per app, keep-alive from the scenario, Caddy retries off', async (t) => {
  const local = renderCaddyConfig(scenario.lb, LOCAL_ADDRESSES, caddyVariants);
  t.match(local, /http:\/\/:8404 \{\n\tbind 127\.0\.0\.1\n/);
  t.match(local, /reverse_proxy 127\.0\.0\.1:8504 \{/);
  t.match(local, /keepalive 12s\n/);
  t.match(local, /keepalive_idle_conns 32\n\t+keepalive_idle_conns_per_host 32/);
  t.match(local, /lb_try_duration 0s/);
  t.match(local, /admin off/);
  // The long lane's pools: a reverse_proxy (a transport, idle connections) of its own each, chosen by the pool header,
  // before the app's main one (Caddy tries a handle without a matcher last).
  t.match(local, /\t@pool1 header x-lab-pool 1\n\thandle @pool1 \{\n\t\treverse_proxy 127\.0\.0\.1:8504 \{/);
  t.equal(local.match(/keepalive_idle_conns_per_host 32\n/g)?.length, 25, 'its main reverse_proxy and 24 pools');
  t.ok(local.indexOf('handle @pool24 {') < local.indexOf('\thandle {\n'), 'the main handle last');
  t.notMatch(local, /\{\{/);
  const docker = renderCaddyConfig(scenario.lb, DOCKER_ADDRESSES, caddyVariants);
  t.match(docker, /bind 0\.0\.0\.0\n/);
  t.match(docker, /reverse_proxy app-caddy-node24-standalone-default:3000 /);
});

t.test('versions as the binaries print them', async (t) => {
  t.equal(
    parseHaproxyVersion(
      'HAProxy version 2.6.12-1+deb12u4 2025/10/17 - https://haproxy.org/\nStatus: long-term supported branch',
    ),
    '2.6.12-1+deb12u4',
  );
  t.equal(parseCaddyVersion('2.6.2'), '2.6.2');
  t.equal(parseCaddyVersion('v2.10.2 h1:g/gTYjGMD0dec+UgMw8SnfmJ3I9+M2TdvoRL/Ovu6U8='), '2.10.2');
});

// Recorded in a local run (HAProxy 2.6.12, Caddy 2.6.2) with the lab's own configurations.
const HAPROXY_LINES = [
  '{"time_s":1795824492.730,"variant":"haproxy-node24-standalone-default","request_method":"POST","uri":"/api/echo","status":200,"request_id":"c1-haproxy-node24-standalone-default-aimed-0","upstream_socket_id":"5","retries":"0","termination_state":"----","upstream_addr":"127.0.0.1:8501","total_ms":12,"response_ms":11}',
  '{"time_s":1795824492.731,"variant":"haproxy-node24-standalone-default","request_method":"GET","uri":"/","status":200,"request_id":"-","upstream_socket_id":"-","retries":"+1","termination_state":"----","upstream_addr":"127.0.0.1:8501","total_ms":3,"response_ms":2}',
  '[WARNING]  (12358) : Proxy haproxy-node24-standalone-default stopped (cumulated conns: FE: 11, BE: 0).',
  '{"time_s":1795824492.7',
];
const CADDY_LINES = [
  '{"level":"error","ts":1795824505.397223,"logger":"http.log.access.log0","msg":"handled request","request":{"remote_ip":"127.0.0.1","remote_port":"56976","proto":"HTTP/1.1","method":"POST","host":"127.0.0.1:8404","uri":"/api/echo","headers":{"X-Lab-Request-Id":["c2-caddy-node24-standalone-default-aimed-2"],"Content-Type":["application/json"],"Content-Length":["17"],"User-Agent":["keepalive-lab"]}},"user_id":"","duration":0.015174233,"size":0,"status":502,"resp_headers":{"Server":["Caddy"]}}',
  '{"level":"info","ts":1795824483.3756125,"logger":"http.log.access.log0","msg":"handled request","request":{"remote_ip":"127.0.0.1","remote_port":"54052","proto":"HTTP/1.1","method":"GET","host":"127.0.0.1:8404","uri":"/lb-health","headers":{}},"user_id":"","duration":0.000029796,"size":2,"status":200,"resp_headers":{"Server":["Caddy"]}}',
  '{"level":"info","ts":1795824483.38,"logger":"http.log.access.log0","msg":"handled request","request":{"method":"GET","host":"127.0.0.1:8404","uri":"/","headers":{"X-Lab-Request-Id":["c1-x"]}},"status":200,"resp_headers":{"X-Lab-Socket-Id":["7"]}}',
  '{"level":"info","ts":1795824483.38,"logger":"http.log.access.log0","msg":"handled request","request":{"method":"GET","host":"127.0.0.1:9999","uri":"/","headers":{}},"status":200}',
];
const CADDY_ERRORS = [
  '{"level":"warn","ts":1795824483.329952,"logger":"admin","msg":"admin endpoint disabled"}',
  '{"level":"error","ts":1795824505.3964658,"logger":"http.log.error.log0","msg":"read tcp 127.0.0.1:53970->127.0.0.1:8504: read: connection reset by peer","status":502}',
];

t.test('HAProxy access log: one entry per JSON line, captures and retries read', async (t) => {
  const entries = parseHaproxyAccessLog(HAPROXY_LINES.join('\n'));
  t.equal(entries.length, 2, 'the warning and the torn line are skipped');
  t.same(entries[0], {
    lb: 'haproxy',
    time_s: 1795824492.73,
    variant: 'haproxy-node24-standalone-default',
    request_method: 'POST',
    status: 200,
    request_id: 'c1-haproxy-node24-standalone-default-aimed-0',
    upstream_socket_id: '5',
    retries: 0,
  });
  t.equal(entries[1].request_id, '', "HAProxy's '-' for an empty capture");
  t.equal(entries[1].retries, 1, "'+1': a redispatch counts as a retry");
  t.equal(countHaproxyAlerts(HAPROXY_LINES.join('\n')), 0, 'the soft-stop notices at the end are no alert');
  t.equal(countHaproxyAlerts('[ALERT]    (1) : config : parsing [x.cfg:3] : unknown keyword'), 1);
});

t.test('Caddy access log: variant from the Host port, headers in any case, health checks left out', async (t) => {
  const entries = parseCaddyAccessLog(CADDY_LINES.join('\n'), caddyVariants);
  t.same(
    entries.map((e) => [e.variant, e.request_method, e.status, e.request_id, e.upstream_socket_id]),
    [
      ['caddy-node24-standalone-default', 'POST', 502, 'c2-caddy-node24-standalone-default-aimed-2', ''],
      ['caddy-node24-standalone-default', 'GET', 200, 'c1-x', '7'],
    ],
  );
  t.equal(countCaddyErrors(CADDY_ERRORS.join('\n')), 1);
});

t.test('what each LB does with a request on a reused connection that died', async (t) => {
  t.equal(LB_DRIVERS.nginx.retries(scenario, 'GET'), false, 'nginx under the alb policy');
  t.equal(LB_DRIVERS.nginx.retries({ ...scenario, retryPolicy: 'nginx' }, 'GET'), true);
  t.equal(LB_DRIVERS.haproxy.retries(scenario, 'GET'), false, 'HAProxy: retry-on conn-failure only');
  t.equal(LB_DRIVERS.caddy.retries(scenario, 'GET'), true, "Go's transport replays idempotent requests");
  t.equal(LB_DRIVERS.caddy.retries(scenario, 'POST'), false);
  t.match(LB_DRIVERS.caddy.silentRetry(scenario, 'GET'), /nothing logs it/);
  t.equal(LB_DRIVERS.nginx.silentRetry(scenario, 'GET'), null, 'nginx logs its retries');
  t.equal(LB_DRIVERS.haproxy.firstRequestReusesIdle(scenario), false, 'http-reuse safe');
  t.equal(LB_DRIVERS.haproxy.firstRequestReusesIdle({ ...scenario, haproxyReuse: 'always' }), true);
});

t.test(
  "LB-side fixes: each writes its settings into its own app's blocks, the baseline's stay the lab's",
  async (t) => {
    const fixes = matrixScenario(
      cellsByName([
        'node24-standalone-default',
        'lbfix-keepalive-timeout-4s',
        'lbfix-retry-non-idempotent',
        'haproxy-node24-standalone-default',
        'haproxy-lbfix-pool-purge-1s',
        'haproxy-lbfix-http-reuse-never',
        'haproxy-lbfix-http-reuse-never-client-4s',
        'haproxy-lbfix-retry-empty-response',
        'caddy-node24-standalone-default',
        'caddy-lbfix-keepalive-4s',
        'caddy-lbfix-lb-try-duration-5s',
      ]),
    );
    const render = (lb: 'nginx' | 'haproxy' | 'caddy') => {
      const { driver, variants } = lbsOf(fixes).find((l) => l.driver.name === lb)!;
      return driver.render(fixes, variants, { runtime: 'docker' });
    };
    // The text between one block's header and the next block's.
    const block = (text: string, header: string) => text.split(header)[1].split(/\n(?=\S| {2}(?:upstream|server) )/)[0];

    const nginx = render('nginx');
    t.match(block(nginx, 'upstream app_lbfix-keepalive-timeout-4s {'), /keepalive_timeout 4s;/);
    t.match(
      block(nginx, 'upstream app_lbfix-keepalive-timeout-4s_pool7 {'),
      /keepalive_timeout 4s;/,
      "the long lane's pools too",
    );
    t.match(block(nginx, 'upstream app_node24-standalone-default {'), /keepalive_timeout 60s;/);
    t.match(
      block(nginx, 'set $lab_variant lbfix-retry-non-idempotent;'),
      /# LB-side fix retry-non-idempotent: [^\n]+\n[\s\S]*proxy_next_upstream error timeout non_idempotent;/,
    );
    t.match(block(nginx, 'set $lab_variant node24-standalone-default;'), /proxy_next_upstream off;/);
    t.notMatch(block(nginx, 'set $lab_variant node24-standalone-default;'), /LB-side fix/);

    const haproxy = render('haproxy');
    const backend = (name: string) => haproxy.split(`\nbackend ${name}\n`)[1].split('\n\n')[0];
    t.match(backend('app_haproxy-lbfix-pool-purge-1s'), /pool-purge-delay 1s/);
    t.match(backend('app_haproxy-node24-standalone-default'), /pool-purge-delay 60s/);
    t.match(backend('app_haproxy-node24-standalone-default'), /http-reuse safe\n/);
    t.match(backend('app_haproxy-node24-standalone-default'), /retry-on conn-failure\n/);
    t.match(backend('app_haproxy-lbfix-http-reuse-never'), /http-reuse never\n/);
    const frontend = (name: string) => haproxy.split(`frontend ${name}\n`)[1].split('\n\n')[0];
    t.match(backend('app_haproxy-lbfix-http-reuse-never-client-4s'), /http-reuse never\n/);
    t.match(frontend('haproxy-lbfix-http-reuse-never-client-4s'), /\n {2}timeout http-keep-alive 4s\n/);
    t.notMatch(frontend('haproxy-node24-standalone-default'), /timeout http-keep-alive/, "the defaults' 75 s");
    t.match(
      backend('app_haproxy-lbfix-retry-empty-response'),
      /retry-on conn-failure empty-response response-timeout\n/,
    );

    const caddy = render('caddy');
    const site = (name: string) => caddy.split(`# ${name}\n`)[1].split(/\n# /)[0];
    t.match(site('caddy-lbfix-keepalive-4s'), /keepalive 4s\n/);
    t.notMatch(site('caddy-lbfix-keepalive-4s'), /keepalive 60s\n/);
    t.match(
      site('caddy-node24-standalone-default'),
      /keepalive 60s\n[\s\S]*lb_try_duration 0s|lb_try_duration 0s[\s\S]*keepalive 60s/,
    );
    t.match(site('caddy-lbfix-lb-try-duration-5s'), /lb_try_duration 5s\n/);

    const v = (name: string) => fixes.variants.find((x) => x.name === name)!;
    t.equal(LB_DRIVERS.nginx.retries(fixes, 'POST', v('lbfix-retry-non-idempotent')), true);
    t.equal(LB_DRIVERS.nginx.retries(fixes, 'POST', v('node24-standalone-default')), false);
    const haproxyRetry = v('haproxy-lbfix-retry-empty-response');
    t.equal(LB_DRIVERS.haproxy.retries(fixes, 'POST', haproxyRetry), true);
    t.equal(LB_DRIVERS.haproxy.loggedRetriesAreRace(haproxyRetry), true, 'its %rc retries are the race');
    t.equal(LB_DRIVERS.haproxy.loggedRetriesAreRace(v('haproxy-node24-standalone-default')), false);
  },
);
