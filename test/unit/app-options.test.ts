// The flags of "your own app": what they read, and one clear line (exit 2) for each mistake.
import t, { type Test } from 'tap';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDurationMs, parseEnv } from '../../harness/cli/app-options.js';
import { LabError } from '../../harness/model/errors.js';
import { parseLabArgs } from '../../harness/cli/options.js';
import { yourAppScenario } from '../../harness/lab/your-app-scenario.js';

const rejects = (t: Test, argv: string[], message: RegExp) => {
  let thrown: unknown = null;
  try {
    parseLabArgs(argv);
  } catch (err) {
    thrown = err;
  }
  t.ok(
    thrown instanceof LabError &&
      thrown.exitCode === 2 &&
      message.test(thrown.message) &&
      !thrown.message.includes('\n'),
    `${argv.join(' ')}: ${(thrown as Error | null)?.message}`,
  );
};

t.test('an image, with every flag around it', async (t) => {
  const o = parseLabArgs([
    '--app-image',
    'registry.example/shop:1.4',
    '--app-port',
    '8080',
    '--health',
    '/healthz',
    '--app-env',
    'KEEP_ALIVE_TIMEOUT=61000',
    '--app-env',
    'A=b=c',
    '--path',
    '/api/orders',
    '--method',
    'post',
    '--lb',
    'haproxy',
    '--lb-idle-timeout',
    '350s',
    '--app-start-timeout',
    '30s',
    '--assert',
    'safe',
  ]);
  t.same(o.app, {
    image: 'registry.example/shop:1.4',
    buildDir: null,
    port: 8080,
    healthPath: '/healthz',
    env: { KEEP_ALIVE_TIMEOUT: '61000', A: 'b=c' },
    path: '/api/orders',
    method: 'POST',
    compare: null,
    lb: 'haproxy',
    lbIdleTimeoutMs: 350_000,
    startTimeoutMs: 30_000,
    preload: true,
  });
  t.same(o.methods, ['POST'], "the one method is the run's");
  t.equal(o.assertSafe, true);
  t.equal(o.assert, false, "--assert safe is not the sample run's --assert");
  t.equal(parseLabArgs(['--app-image', 'a', '--assert=safe']).assertSafe, true);
});

t.test('defaults: port 3000, health and path /, GET, nginx, 60 s', async (t) => {
  const { app } = parseLabArgs(['--app-image', 'my-app']);
  t.match(app, {
    port: 3000,
    healthPath: '/',
    path: '/',
    method: 'GET',
    lb: 'nginx',
    lbIdleTimeoutMs: 60_000,
    startTimeoutMs: 120_000,
    env: {},
    compare: null,
    preload: true,
  });
  t.equal(parseLabArgs(['--app-image', 'my-app', '--no-preload']).app!.preload, false, '--no-preload');
});

t.test('--app-build: a directory with a Dockerfile', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'app-build-'));
  rejects(t, ['--app-build', dir], /has no Dockerfile/);
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
  t.equal(parseLabArgs(['--app-build', dir]).app?.buildDir, dir);
  rejects(t, ['--app-build', join(dir, 'nope')], /no such directory/);
  rejects(t, ['--app-build', dir, '--app-image', 'x'], /exclude each other/);
});

t.test('a comparison: another image, or other env over yours', async (t) => {
  const image = parseLabArgs(['--app-image', 'shop:2', '--compare-image', 'shop:1', '--app-env', 'A=1']).app!;
  t.same(image.compare, { image: 'shop:1', env: { A: '1' } });
  const env = parseLabArgs([
    '--app-image',
    'shop:2',
    '--app-env',
    'A=1',
    '--app-env',
    'B=2',
    '--compare-env',
    'B=3',
  ]).app!;
  t.same(env.compare, { image: null, env: { A: '1', B: '3' } });
  const scenario = yourAppScenario(env, 'alb', 'safe');
  t.same(
    scenario.variants.map((v) => [v.name, v.app?.image, v.app?.env]),
    [
      ['yours', 'shop:2', { A: '1', B: '2' }],
      ['compared', 'shop:2', { A: '1', B: '3' }],
    ],
  );
  t.same(
    scenario.variants.map((v) => [v.lbPort, v.appPort]),
    [
      [8401, 8501],
      [8402, 8502],
    ],
    "ports of the lab's own range, on loopback",
  );
});

t.test('the LB: its idle timeout, and client connections that outlive a gap that long', async (t) => {
  const scenario = yourAppScenario(
    parseLabArgs(['--app-image', 'x', '--lb', 'caddy', '--lb-idle-timeout', '10m']).app!,
    'alb',
    'safe',
  );
  t.equal(scenario.lb.upstreamKeepaliveTimeoutMs, 600_000);
  t.ok(scenario.lb.clientKeepaliveTimeoutMs > 600_000);
  t.equal(scenario.variants[0].lb, 'caddy');
  t.equal(scenario.kind, 'matrix', "driven at its own boundary: its close, or the LB's");
});

t.test('durations', async (t) => {
  t.equal(parseDurationMs('lb-idle-timeout', '60s'), 60_000);
  t.equal(parseDurationMs('lb-idle-timeout', '60'), 60_000, 'a bare number is seconds');
  t.equal(parseDurationMs('lb-idle-timeout', '1500ms'), 1_500);
  t.equal(parseDurationMs('lb-idle-timeout', '4000s'), 4_000_000, "AWS ALB's largest");
  t.equal(parseDurationMs('lb-idle-timeout', '2.5s'), 2_500);
});

t.test('mistakes: one line each, exit 2', async (t) => {
  rejects(t, ['--app-image', 'x', '--lb-idle-timeout', '0s'], /between 1 s and 4000 s/);
  rejects(t, ['--app-image', 'x', '--lb-idle-timeout', '4001s'], /between 1 s and 4000 s/);
  rejects(t, ['--app-image', 'x', '--lb-idle-timeout', 'soon'], /a duration such as 60s/);
  rejects(t, ['--app-image', 'x', '--lb-idle-timeout', '1.0005s'], /whole number of milliseconds/);
  rejects(t, ['--app-image', 'x', '--app-port', '0'], /--app-port must be between 1 and 65535 \(a TCP port\)/);
  rejects(t, ['--app-image', 'x', '--app-port', 'http'], /--app-port must be between 1 and 65535 \(a TCP port\)/);
  rejects(t, ['--app-image', 'x', '--health', 'healthz'], /--health must be a path starting with \//);
  rejects(t, ['--app-image', 'x', '--path', '/a b'], /--path must be a path/);
  rejects(t, ['--app-image', 'x', '--method', 'DELETE'], /--method must be one of GET, POST/);
  rejects(t, ['--app-image', 'x', '--app-env', 'NOVALUE'], /KEY=VALUE/);
  rejects(t, ['--app-image', 'x', '--app-env', '1A=b'], /KEY=VALUE/);
  rejects(t, ['--app-image', 'x', '--app-env', 'LAB_VARIANT=me'], /the lab sets LAB_VARIANT itself/);
  rejects(t, ['--app-image', 'x', '--lb', 'envoy'], /--lb must be one of nginx, haproxy, caddy/);
  rejects(t, ['--app-image', 'x', '--lb', 'caddy', '--retry-policy', 'nginx'], /--retry-policy is nginx's/);
  rejects(t, ['--app-image', 'x', '--runtime', 'local'], /runs as a container/);
  rejects(t, ['--app-image', 'x', '--matrix'], /--matrix sets the sample app's runs/);
  rejects(t, ['--app-image', 'x', '--methods', 'GET'], /use --method/);
  rejects(t, ['--app-image', ' '], /image reference/);
  rejects(t, ['--app-image', 'http://x/y'], /image reference/);
  rejects(t, ['--app-image', 'x', '--assert', '--assert', 'safe'], /exclude each other|more than once/);
});

t.test('flags of your app without it, and --assert safe without it', async (t) => {
  for (const flag of [
    ['--app-port', '80'],
    ['--health', '/'],
    ['--app-env', 'A=1'],
    ['--path', '/'],
    ['--method', 'GET'],
    ['--compare-image', 'x'],
    ['--lb', 'nginx'],
    ['--lb-idle-timeout', '60s'],
    ['--no-preload'],
  ]) {
    rejects(t, flag, /applies to your own app: add --app-image/);
  }
  rejects(t, ['--assert', 'safe'], /--assert safe asks whether your app is safe/);
  rejects(t, ['--long-cycles', '3'], /--long-cycles applies to matrix runs/);
  t.equal(
    parseLabArgs(['--app-image', 'x', '--long-cycles', '3']).longCycles,
    3,
    "your app's long lane takes --long-cycles",
  );
});

t.test('parseEnv keeps the order, the last value of a key given twice', async (t) => {
  t.same(parseEnv('app-env', ['A=1', 'B=', 'A=3']), { A: '3', B: '' });
});

t.test('with your app: --assert safe, not --assert; an LB setting for its LB', async (t) => {
  rejects(t, ['--app-image', 'x', '--assert'], /the assertion is --assert safe/);
  rejects(t, ['--app-image', 'x', '--assert', 'safe', '--assert', 'safe'], /--assert safe is given more than once/);
  t.equal(parseLabArgs(['--app-image', 'x', '--lb', 'haproxy', '--haproxy-reuse', 'always']).haproxyReuse, 'always');
  rejects(t, ['--app-image', 'x', '--haproxy-reuse', 'always'], /HAProxy's, and your app is behind nginx/);
  t.equal(parseLabArgs(['--app-image', 'x', '--retry-policy', 'nginx']).retryPolicy, 'nginx');
});
