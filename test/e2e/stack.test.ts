// The stack for real: Compose builds and starts nginx and both app variants,
// requests pass through the LB, raw probes measure who closes idle sockets and
// when, and teardown leaves nothing of the lab in Docker.
// First: this file's own ports and Compose project (test/helpers/slot.ts).
import '../helpers/slot.js';
import t from 'tap';
import { socketClosedRecords } from '../../harness/records/app-records.js';
import { HEADERS } from '../../harness/model/protocol.js';
import { probeIdleClose } from '../../harness/traffic/probe.js';
import { DockerStack, projectResources } from '../../harness/runtime/docker-stack.js';
import { LB, VARIANTS, variantByName } from '../../harness/scenarios/scenarios.js';
import { dockerOrSkip } from '../helpers/require.js';

const STACK_READY_TIMEOUT_MS = 240_000;
// Long enough to see Node's default close (≈ 6 s), short of the fix's 61 s.
const FIXED_WATCH_MS = 10_500;

t.test('docker stack', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const stack = new DockerStack({ onProgress: (line) => t.comment(line.slice(0, 200)) });
  let downDone = false;
  t.teardown(async () => {
    if (!downDone) await stack.down();
  });

  await stack.up();
  await stack.ready(STACK_READY_TIMEOUT_MS);
  t.pass('every container is healthy');

  for (const variant of VARIANTS) {
    t.test(`${variant.name}: requests pass through the LB`, async (t) => {
      const page = await fetch(`${stack.lbUrl(variant)}/`);
      t.equal(page.status, 200, 'GET /');
      t.match(await page.text(), `by the ${variant.name} variant`, 'server-rendered by this variant');
      t.match(page.headers.get(HEADERS.socketId) ?? '', /^\d+$/, 'tagged by connection accounting');

      const body = JSON.stringify({ hello: variant.name });
      const echo = await fetch(`${stack.lbUrl(variant)}/api/echo`, { method: 'POST', body });
      t.equal(echo.status, 200, 'POST /api/echo');
      t.same(await echo.json(), { method: 'POST', bytes: body.length, body, variant: variant.name });
    });
  }

  t.test('idle close, measured straight at each app', async (t) => {
    const def = variantByName('default');
    const fixed = variantByName('fixed');
    const [defaultProbe, fixedProbe] = await Promise.all([
      probeIdleClose(stack.appPort(def), { maxWaitMs: FIXED_WATCH_MS }),
      probeIdleClose(stack.appPort(fixed), { maxWaitMs: FIXED_WATCH_MS }),
    ]);
    t.comment(
      `default: advertised "${defaultProbe.advertisedKeepAlive}", closed by the app after ${defaultProbe.idleCloseMs?.toFixed(1)} ms idle`,
    );
    t.comment(
      `fixed: advertised "${fixedProbe.advertisedKeepAlive}", still open after ${fixedProbe.watchedMs.toFixed(1)} ms idle`,
    );

    t.equal(defaultProbe.closedBy, 'app', 'default: the app closes the idle socket');
    t.equal(defaultProbe.advertisedKeepAlive, 'timeout=5', "default: Node's 5 s advertised");
    // Node (20–26) adds a 1 s buffer to keepAliveTimeout; either way it is far below the LB's 60 s.
    t.ok(
      defaultProbe.idleCloseMs! >= 5_000 && defaultProbe.idleCloseMs! <= 7_000,
      `default closes in 5–7 s (${defaultProbe.idleCloseMs!.toFixed(0)} ms)`,
    );
    t.ok(defaultProbe.idleCloseMs! < LB.upstreamKeepaliveTimeoutMs, 'default: the app closes before the LB would');

    t.equal(fixedProbe.closedBy, 'none', 'fixed: still open');
    t.ok(fixedProbe.watchedMs >= 10_000, `fixed: open past 10 s (${fixedProbe.watchedMs.toFixed(0)} ms)`);
    t.equal(fixedProbe.advertisedKeepAlive, 'timeout=61', 'fixed: 61 s advertised');
  });

  t.test('connection accounting names the closer', async (t) => {
    // By now the LB's upstream sockets from the requests above have idled > 10 s.
    const defaultRecords = socketClosedRecords((await stack.appLogs(variantByName('default'))).stdout);
    const fixedRecords = socketClosedRecords((await stack.appLogs(variantByName('fixed'))).stdout);
    const timedOut = defaultRecords.filter((r) => r.reason === 'keep-alive-timeout');
    t.ok(timedOut.length >= 2, `default: ${timedOut.length} sockets closed by the keep-alive timer (probe and LB)`);
    for (const r of timedOut) {
      t.equal(r.closedBy, 'app', `default socket ${r.socketId} (${r.remote}) closed by the app`);
      t.ok(r.idleMs > 5_000, `default socket ${r.socketId} idle ${r.idleMs} ms > 5 s`);
    }
    t.ok(
      timedOut.some((r) => r.requests >= 2),
      'an LB upstream socket, reused for GET and POST, was among them',
    );
    t.same(
      fixedRecords.filter((r) => r.closedBy === 'app'),
      [],
      'fixed: the app closed no socket',
    );
    const fixedServer = fixedRecords.find((r) => r.keepAliveTimeoutMs !== null);
    t.ok(
      fixedServer,
      'fixed: a socket-closed record names the server timeouts (the probe socket, closed by the probe)',
    );
    t.equal(fixedServer?.keepAliveTimeoutMs, 61_000, 'fixed: the server ran with keepAliveTimeout 61000');
    t.equal(fixedServer?.headersTimeoutMs, 62_000, 'fixed: and headersTimeout 62000');
  });

  t.test('nginx logged every request as JSON', async (t) => {
    const { stdout } = await stack.lbLogs('nginx');
    const entries = stdout
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    for (const v of VARIANTS) {
      const mine = entries.filter((e) => e.variant === v.name);
      t.ok(
        mine.some((e) => e.request_method === 'POST' && e.status === 200),
        `${v.name}: POST logged`,
      );
      t.ok(
        mine.every((e) => typeof e.time_s === 'number' && 'upstream_addr' in e),
        `${v.name}: fields present`,
      );
    }
  });

  await t.test('teardown leaves no container, network or volume', async (t) => {
    await stack.down();
    downDone = true;
    t.same(await projectResources(), { containers: [], networks: [], volumes: [] });
  });
});
