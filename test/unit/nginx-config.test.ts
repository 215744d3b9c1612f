import t from 'tap';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  DOCKER_LAYOUT,
  fillTemplate,
  generatedConfigPath,
  lbSettings,
  localLayout,
  nginxDuration,
  renderNginxConfig,
} from '../../harness/lb/nginx-config.js';
import { LB, LB_BOUNDARY_PORT, RETRY_POLICIES, VARIANTS, type RetryPolicy } from '../../harness/scenarios/scenarios.js';
import { cellsByName, matrixScenario } from '../../harness/scenarios/matrix.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const policies = Object.keys(RETRY_POLICIES) as RetryPolicy[];

/** The text of the `server { ... }` block that listens on a port. */
function serverBlock(conf: string, listen: string): string {
  const start = conf.indexOf(`listen ${listen};`);
  if (start < 0) throw new Error(`no server listening on ${listen}`);
  return conf.slice(start, conf.indexOf('\n  }\n', conf.indexOf('location /', start)));
}

function upstreamBlock(conf: string, name: string): string {
  const start = conf.indexOf(`upstream ${name} {`);
  if (start < 0) throw new Error(`no upstream ${name}`);
  return conf.slice(start, conf.indexOf('}', start));
}

t.test('alb policy never retries; nginx policy keeps nginx default retries', async (t) => {
  const alb = renderNginxConfig(lbSettings('alb'), DOCKER_LAYOUT);
  const retrying = renderNginxConfig(lbSettings('nginx'), DOCKER_LAYOUT);
  for (const v of VARIANTS) {
    t.match(serverBlock(alb, String(v.lbPort)), /proxy_next_upstream off;/, `alb: ${v.name} does not retry`);
    t.match(serverBlock(retrying, String(v.lbPort)), /proxy_next_upstream error timeout;/, `nginx: ${v.name} retries`);
  }
  t.notMatch(alb, /proxy_next_upstream error/);
  t.notMatch(retrying, /proxy_next_upstream off/);
});

t.test('every variant gets its own 60 s keep-alive upstream', async (t) => {
  for (const policy of policies) {
    const conf = renderNginxConfig(lbSettings(policy), DOCKER_LAYOUT);
    for (const v of VARIANTS) {
      const upstream = upstreamBlock(conf, `app_${v.name}`);
      t.match(upstream, `server ${v.service}:3000 max_fails=0;`);
      t.match(upstream, `keepalive ${LB.upstreamKeepaliveConnections};`);
      t.match(upstream, 'keepalive_timeout 60s;');
      t.match(upstream, `keepalive_requests ${LB.upstreamKeepaliveRequests};`);
      const server = serverBlock(conf, String(v.lbPort));
      t.match(server, `proxy_pass http://app_${v.name};`);
      t.match(server, 'proxy_http_version 1.1;');
      t.match(server, 'proxy_set_header Connection "";');
      t.match(server, `set $lab_variant ${v.name};`);
    }
  }
});

t.test(
  "the fixed app's LB-boundary pool: the same app and directives, a keep-alive cache of its own, on a port of its own",
  async (t) => {
    for (const policy of policies) {
      const conf = renderNginxConfig(lbSettings(policy), DOCKER_LAYOUT);
      const fixed = VARIANTS.find((v) => v.name === 'fixed')!;
      t.equal(fixed.lbBoundaryPort, LB_BOUNDARY_PORT);
      const pool = upstreamBlock(conf, 'app_fixed_lb_boundary');
      t.same(
        pool.split('\n').slice(1),
        upstreamBlock(conf, 'app_fixed').split('\n').slice(1),
        "every directive of the fixed app's own pool",
      );
      const server = serverBlock(conf, String(LB_BOUNDARY_PORT));
      t.match(server, 'proxy_pass http://app_fixed_lb_boundary;');
      t.match(server, 'set $lab_variant fixed;', "its requests are the fixed app's in the access log");
      t.same(
        server.replace('app_fixed_lb_boundary', 'app_fixed'),
        serverBlock(conf, String(fixed.lbPort)).replace(String(fixed.lbPort), String(LB_BOUNDARY_PORT)),
        "every directive of the fixed app's server",
      );
      t.notMatch(conf, /app_default_lb_boundary/, "Node's defaults get none");
    }
    const local = renderNginxConfig(lbSettings('alb'), localLayout('/tmp/run'));
    t.match(local, `listen 127.0.0.1:${LB_BOUNDARY_PORT};`, 'the local runtime listens on it too');
    t.notMatch(
      renderNginxConfig(
        lbSettings('alb'),
        DOCKER_LAYOUT,
        matrixScenario(cellsByName(['node24-standalone-article'])).variants,
      ),
      /lb_boundary/,
      'a matrix has no such pool',
    );
  },
);

t.test('the access log carries what the harness correlates', async (t) => {
  const conf = renderNginxConfig(lbSettings('alb'), DOCKER_LAYOUT);
  for (const field of [
    '$status',
    '$upstream_status',
    '$upstream_addr',
    '$upstream_connect_time',
    '$request_time',
    '$request_method',
    '$msec',
    '$upstream_http_x_lab_socket_id',
  ]) {
    t.ok(conf.includes(field), `log_format has ${field}`);
  }
  t.match(conf, 'access_log /dev/stdout lab_json;');
  t.match(conf, 'error_log /dev/stderr warn;');
});

t.test('LB timings follow the settings they are rendered from', async (t) => {
  const conf = renderNginxConfig(lbSettings('alb', { upstreamKeepaliveTimeoutMs: 1500 }), DOCKER_LAYOUT);
  t.match(upstreamBlock(conf, 'app_default'), 'keepalive_timeout 1500ms;');
  t.equal(nginxDuration(60_000), '60s');
  t.equal(nginxDuration(250), '250ms');
  t.throws(() => nginxDuration(-1));
  t.throws(() => nginxDuration(1.5));
});

t.test('templates refuse missing and unused values', async (t) => {
  t.equal(fillTemplate('a {{x}} b', { x: 1 }), 'a 1 b');
  t.throws(() => fillTemplate('a {{x}} {{y}}', { x: 1 }), /\{\{y\}\} has no value/);
  t.throws(() => fillTemplate('a {{x}}', { x: 1, z: 2 }), /not used.*z/);
  t.throws(() => renderNginxConfig(lbSettings('bogus' as RetryPolicy), DOCKER_LAYOUT), /unknown retry policy/);
});

t.test('committed configs that Compose mounts are up to date (npm run render-nginx)', async (t) => {
  for (const policy of policies) {
    const committed = readFileSync(root + generatedConfigPath(policy), 'utf8');
    t.equal(committed, renderNginxConfig(lbSettings(policy), DOCKER_LAYOUT), generatedConfigPath(policy));
  }
});

t.test("a matrix's apps: the long lane's pools, an upstream each, chosen by the request's pool header", async (t) => {
  const scenario = matrixScenario(cellsByName(['node24-standalone-article']), 'alb');
  const [v] = scenario.variants;
  t.equal(v.longPools, 24);
  const conf = renderNginxConfig(lbSettings('alb'), DOCKER_LAYOUT, scenario.variants);
  t.match(
    serverBlock(conf, String(v.lbPort)),
    `proxy_pass http://app_${v.name}$lab_pool;`,
    'the upstream named by the pool, the main one without',
  );
  t.match(conf, /map \$http_x_lab_pool \$lab_pool \{\n\s+default "";\n\s+"1" "_pool1";/);
  t.match(conf, /"24" "_pool24";\n\s+\}/);
  const main = upstreamBlock(conf, `app_${v.name}`).split('\n').slice(1);
  for (let pool = 1; pool <= 24; pool++) {
    const lines = upstreamBlock(conf, `app_${v.name}_pool${pool}`).split('\n').slice(1);
    t.same(lines, main, `pool ${pool}: the same app and every directive of the main one, a cache of its own`);
  }
  t.match(conf, /worker_connections 12288;/, "room for every app's pools of idle connections");
  t.notMatch(
    renderNginxConfig(lbSettings('alb'), DOCKER_LAYOUT),
    /lab_pool/,
    'the talk-sized run has no pools: its configuration names none',
  );
});
