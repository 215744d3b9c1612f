// The Compose file a run renders: one service per variant, one build per Node
// line, images from the environment or .env, loopback-only ports, the LB
// depending on every app's health.
import t from 'tap';
import { parseDotEnv, resolveBaseImages } from '../../harness/runtime/base-images.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appEnvRef,
  appEnvValues,
  appImage,
  BUILT_APP_IMAGE,
  LB_SERVICE,
  nodeOptionsWithPreload,
  PRELOAD_MOUNT_DIR,
  renderComposeFile,
} from '../../harness/runtime/compose-file.js';
import { parseLabArgs } from '../../harness/cli/options.js';
import { yourAppScenario } from '../../harness/lab/your-app-scenario.js';
import { cellsByName, matrixScenario } from '../../harness/scenarios/matrix.js';
import { BASE_IMAGES, defaultScenario, officialNodeImage } from '../../harness/scenarios/scenarios.js';

const images = resolveBaseImages({}, {});

t.test('base images: environment over .env over the official ones', async (t) => {
  t.same(images, {
    build: BASE_IMAGES.node,
    nodeByLine: {
      '20': 'node:20.20.2-bookworm-slim',
      '22': 'node:22.23.3-bookworm-slim',
      '24': 'node:24.21.0-bookworm-slim',
      '26': 'node:26.12.1-bookworm-slim',
    },
    nginx: BASE_IMAGES.nginx,
    haproxy: BASE_IMAGES.haproxy,
    caddy: BASE_IMAGES.caddy,
  });
  const dotEnv = parseDotEnv(
    '# air-gapped\nLAB_NODE_IMAGE=local/node:24\nLAB_NODE_20_IMAGE="local/node:20"\n\nLAB_NGINX_IMAGE=local/nginx\n',
  );
  t.same(dotEnv, {
    LAB_NODE_IMAGE: 'local/node:24',
    LAB_NODE_20_IMAGE: 'local/node:20',
    LAB_NGINX_IMAGE: 'local/nginx',
  });
  const fromDotEnv = resolveBaseImages({ LAB_NODE_20_IMAGE: 'env/node:20' }, dotEnv);
  t.equal(fromDotEnv.build, 'local/node:24');
  t.equal(
    fromDotEnv.nodeByLine['24'],
    'local/node:24',
    "the default line runs on the build's image unless told otherwise",
  );
  t.equal(fromDotEnv.nodeByLine['20'], 'env/node:20', 'the environment wins');
  t.equal(fromDotEnv.nodeByLine['22'], officialNodeImage('22'));
  t.equal(fromDotEnv.nginx, 'local/nginx');
});

t.test('one service per variant; one build per Node line; the LB waits for every app', async (t) => {
  const scenario = matrixScenario(
    cellsByName(['node20-standalone-default', 'node24-next-start-article', 'node20-custom-too-short']),
  );
  const { services } = renderComposeFile(scenario, images, (lb) => `/run/${lb}.conf`) as {
    services: Record<string, Record<string, unknown>>;
  };
  t.same(Object.keys(services), [
    'app-node20-standalone-default',
    'app-node24-next-start-article',
    'app-node20-custom-too-short',
    LB_SERVICE,
  ]);
  const first = services['app-node20-standalone-default'];
  t.same(first.build, {
    context: first.build && (first.build as { context: string }).context,
    args: { NODE_IMAGE: BASE_IMAGES.node, RUNTIME_NODE_IMAGE: 'node:20.20.2-bookworm-slim' },
  });
  t.match((first.build as { context: string }).context, /\/app$/);
  t.equal(
    services['app-node20-custom-too-short'].build,
    undefined,
    'the second Node 20 app runs the image the first builds',
  );
  t.equal(services['app-node20-custom-too-short'].image, appImage('20'));
  t.ok(services['app-node24-next-start-article'].build, 'Node 24 builds its own');
  t.same(services['app-node20-custom-too-short'].environment, {
    LAB_VARIANT: 'node20-custom-too-short',
    LAB_SERVER_MODE: 'custom',
    LAB_KEEP_ALIVE_TIMEOUT_MS: '59000',
    LAB_HEADERS_TIMEOUT_MS: '',
  });
  t.same(services['app-node24-next-start-article'].ports, ['127.0.0.1:8502:3000']);
  const lb = services[LB_SERVICE];
  t.same(lb.ports, ['127.0.0.1:8401:8401', '127.0.0.1:8402:8402', '127.0.0.1:8403:8403']);
  t.same(lb.volumes, ['/run/nginx.conf:/etc/nginx/nginx.conf:ro']);
  t.same(
    Object.keys(lb.depends_on as object),
    scenario.variants.map((v) => v.service),
  );
  for (const s of Object.values(services))
    for (const p of (s.ports as string[]) ?? []) t.match(p, /^127\.0\.0\.1:/, `${p} binds loopback only`);
});

t.test('the talk-sized run keeps its service names and ports', async (t) => {
  const { services } = renderComposeFile(defaultScenario(), images, () => '/x') as {
    services: Record<string, { ports?: string[] }>;
  };
  t.same(Object.keys(services), ['app-default', 'app-fixed', LB_SERVICE]);
  t.same(services['app-default'].ports, ['127.0.0.1:8501:3000']);
  // 8400: the fixed app's LB-boundary pool (its own upstream, the same app).
  t.same(services[LB_SERVICE].ports, ['127.0.0.1:8401:8401', '127.0.0.1:8402:8402', '127.0.0.1:8400:8400']);
});

t.test('the committed docker-compose.yml (for users) agrees with the rendered file', async (t) => {
  const { readFileSync } = await import('node:fs');
  const yml = readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8');
  const { services } = renderComposeFile(defaultScenario(), images, () => '/x') as {
    services: Record<string, Record<string, unknown>>;
  };
  const lb = services[LB_SERVICE];
  t.match(yml, `image: ${String(lb.image)}`, 'the LB image tag');
  t.match(yml, (lb.healthcheck as { test: string[] }).test.at(-1)!, 'the LB health check');
  for (const s of Object.values(services)) t.equal(s.stop_grace_period, '5s');
  t.equal(yml.match(/stop_grace_period: 5s/g)?.length, 2, 'the same grace period (the app anchor and nginx)');
  t.match(yml, /RUNTIME_NODE_IMAGE: \$\{LAB_NODE_IMAGE:-/, 'the runtime stage gets the same base image');
  for (const v of defaultScenario().variants)
    t.match(yml, `${v.appPort}}:3000`, `${v.service} published on ${v.appPort}`);
});

t.test('one service per LB in the run, each in front of its own apps only', async (t) => {
  const scenario = matrixScenario(
    cellsByName([
      'node24-standalone-default',
      'haproxy-node24-standalone-default',
      'caddy-node24-standalone-default',
      'caddy-node24-standalone-article',
    ]),
  );
  const { services } = renderComposeFile(scenario, images, (lb) => `/run/${lb}.cfg`) as {
    services: Record<string, Record<string, unknown>>;
  };
  t.same(Object.keys(services).slice(-3), ['nginx', 'haproxy', 'caddy'], 'after the apps, in LB order');
  const { haproxy, caddy } = services;
  t.same(haproxy.ports, ['127.0.0.1:8402:8402']);
  t.same(caddy.ports, ['127.0.0.1:8403:8403', '127.0.0.1:8404:8404']);
  t.same(haproxy.volumes, ['/run/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro']);
  t.same(caddy.volumes, ['/run/caddy.cfg:/etc/caddy/Caddyfile:ro']);
  t.same(Object.keys(caddy.depends_on as object), [
    'app-caddy-node24-standalone-default',
    'app-caddy-node24-standalone-article',
  ]);
  t.same((haproxy.build as { args: object }).args, { HAPROXY_IMAGE: BASE_IMAGES.haproxy });
  t.match((haproxy.build as { context: string }).context, /\/haproxy$/);
  t.same((caddy.build as { args: object }).args, { CADDY_IMAGE: BASE_IMAGES.caddy });
  t.equal(haproxy.image, 'keepalive-lab/haproxy:local');
  const check = (s: Record<string, unknown>) => (s.healthcheck as { test: string[] }).test;
  t.match(
    check(haproxy).join(' '),
    /\/dev\/tcp\/127\.0\.0\.1\/8402 .*GET \/lb-health/,
    "HAProxy's check needs only bash (the official image has no curl)",
  );
  t.notMatch(check(haproxy).join(' '), /\$/, 'no $ for Compose to interpolate');
  t.same(check(caddy).slice(0, 2), ['CMD', 'wget'], "Caddy's official image has busybox wget");
  t.match(check(caddy).at(-1), 'http://127.0.0.1:8403/lb-health');
});

t.test(
  'your app: your image, no privileges, the preload mounted read-only, its variables named in the Compose file, their values never',
  async (t) => {
    const app = parseLabArgs([
      '--app-image',
      'shop:1',
      '--app-port',
      '8080',
      '--app-env',
      'DB_PASSWORD=s3cret',
      '--app-env',
      'NODE_OPTIONS=--max-old-space-size=512',
      '--compare-image',
      'shop:0',
      '--lb',
      'haproxy',
    ]).app!;
    const scenario = yourAppScenario(app, 'alb', 'safe');
    const rendered = renderComposeFile(scenario, images, (lb) => `/run/${lb}.cfg`);
    const { services } = rendered as { services: Record<string, Record<string, unknown>> };
    const yours = services['app-yours'];
    t.equal(yours.image, 'shop:1');
    t.equal(yours.build, undefined, 'a named image is run, never built');
    t.same(yours.cap_drop, ['ALL']);
    t.same(yours.security_opt, ['no-new-privileges:true']);
    t.notOk('privileged' in yours);
    t.same(yours.ports, ['127.0.0.1:8501:8080']);
    t.same(yours.environment, {
      DB_PASSWORD: '${KEEPALIVE_LAB_APP_YOURS__DB_PASSWORD}',
      NODE_OPTIONS: '${KEEPALIVE_LAB_APP_YOURS__NODE_OPTIONS}',
      LAB_VARIANT: 'yours',
    });
    t.equal(
      appEnvRef(scenario.variants[1], 'A'),
      'KEEPALIVE_LAB_APP_COMPARED__A',
      "each app's own: yours and compared may differ",
    );
    // What the Compose process gets: the values, yours first, then the preload (after the image's own when --app-env
    // has none).
    t.same(appEnvValues(scenario.variants[0].app!, '-r dd-trace/init'), {
      DB_PASSWORD: 's3cret',
      NODE_OPTIONS: `--max-old-space-size=512 --require ${PRELOAD_MOUNT_DIR}/connection-accounting.cjs`,
    });
    t.same(appEnvValues({ ...scenario.variants[0].app!, env: {} }, '-r dd-trace/init'), {
      NODE_OPTIONS: `-r dd-trace/init --require ${PRELOAD_MOUNT_DIR}/connection-accounting.cjs`,
    });
    t.match((yours.volumes as string[])[0], new RegExp(`/app/lab:${PRELOAD_MOUNT_DIR}:ro$`));
    t.equal(services['app-compared'].image, 'shop:0');
    t.notMatch(JSON.stringify(rendered), /s3cret|max-old-space/, 'no value of yours in the Compose file');
    t.same(
      (services.haproxy.depends_on as Record<string, unknown>)['app-yours'],
      { condition: 'service_started' },
      "the lab checks your app's health itself",
    );
    t.equal(nodeOptionsWithPreload(undefined), `--require ${PRELOAD_MOUNT_DIR}/connection-accounting.cjs`);
  },
);

t.test('--no-preload: a Node app as any server, with its own NODE_OPTIONS and no mount', async (t) => {
  const app = parseLabArgs([
    '--app-image',
    'shop:1',
    '--app-env',
    'NODE_OPTIONS=--max-old-space-size=512',
    '--no-preload',
  ]).app!;
  const scenario = yourAppScenario(app, 'alb', 'safe');
  const { services } = renderComposeFile(scenario, images, (lb) => `/run/${lb}.cfg`) as {
    services: Record<string, Record<string, unknown>>;
  };
  t.same(services['app-yours'].volumes, [], 'no preload mounted');
  t.same(appEnvValues(scenario.variants[0].app!, '-r dd-trace/init'), { NODE_OPTIONS: '--max-old-space-size=512' });
  t.same(appEnvValues({ ...scenario.variants[0].app!, env: {} }, '-r dd-trace/init'), {}, "the image's own, untouched");
});

t.test('--app-build: the one service that builds it; the comparison on the same image runs it', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'build-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
  const scenario = yourAppScenario(parseLabArgs(['--app-build', dir, '--compare-env', 'A=1']).app!, 'alb', 'safe');
  const { services } = renderComposeFile(scenario, images, () => '/x') as {
    services: Record<string, Record<string, unknown>>;
  };
  t.same(services['app-yours'].build, { context: dir });
  t.equal(services['app-yours'].image, BUILT_APP_IMAGE);
  t.equal(services['app-compared'].build, undefined);
  t.equal(services['app-compared'].image, BUILT_APP_IMAGE);
});
