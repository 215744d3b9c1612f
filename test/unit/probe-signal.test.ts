// A matrix probes its 19 apps at once, each probe listening on the run's abort
// signal for its whole watch: past Node's default of 10 listeners, which warns
// of a leak on the user's terminal. The shared probe signal holds them all.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import t from 'tap';
import { probeIdleClose, probesSignal } from '../../harness/traffic/probe.js';

const APPS = 19;

async function probeAll(signal: AbortSignal, port: number): Promise<number> {
  const probes = await Promise.all(
    Array.from({ length: APPS }, () => probeIdleClose(port, { maxWaitMs: 2_000, path: '/', signal })),
  );
  return probes.filter((p) => p.closedBy === 'app').length;
}

t.test('19 probes at once on the shared signal: no leak warning; on the run signal itself: the warning', async (t) => {
  const server = http.createServer((_req, res) => res.end('ok'));
  server.keepAliveTimeout = 200;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.teardown(() => server.close());
  const { port } = server.address() as AddressInfo;
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.name);
  process.on('warning', onWarning);
  t.teardown(() => process.off('warning', onWarning));
  const settle = () => new Promise((r) => setImmediate(r));

  const run = new AbortController();
  t.equal(await probeAll(probesSignal(run.signal, APPS), port), APPS, 'every probe saw the app close');
  await settle();
  t.same(warnings, [], 'no MaxListenersExceededWarning');

  // The same on the run's own signal: the warning the user saw before (the test would catch its return).
  t.equal(await probeAll(new AbortController().signal, port), APPS);
  await settle();
  t.same(warnings, ['MaxListenersExceededWarning']);
});

t.test("aborting the run's signal ends probes sharing the probe signal", async (t) => {
  const server = http.createServer((_req, res) => res.end('ok'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.teardown(() => server.close());
  const { port } = server.address() as AddressInfo;
  const run = new AbortController();
  const probe = probeIdleClose(port, { maxWaitMs: 60_000, path: '/', signal: probesSignal(run.signal, 1) });
  setTimeout(() => run.abort(), 100);
  await t.rejects(probe, /interrupted/);
});
