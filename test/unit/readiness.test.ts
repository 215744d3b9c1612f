// The one readiness wait both runtimes use (runtime/readiness.ts), against a
// real HTTP server on loopback that starts late, answers 503 first, hangs, or
// never starts: bounded in time and in looks, and a timeout says what it
// waited for.
import http from 'node:http';
import t, { type Test } from 'tap';
import { LabError } from '../../harness/model/errors.js';
import { EXIT } from '../../harness/model/exit-codes.js';
import { answersHttp, waitUntilReady, type Look } from '../../harness/runtime/readiness.js';
import { freePort } from '../helpers/free-port.js';

/** Starts a server on `port` after `delayMs`; closed at the end of the test. */
function startLater(
  t: Test,
  port: number,
  delayMs: number,
  handler: http.RequestListener = (_req, res) => res.end('ok'),
): void {
  const server = http.createServer(handler);
  const timer = setTimeout(() => server.listen(port, '127.0.0.1'), delayMs);
  t.teardown(() => {
    clearTimeout(timer);
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve(undefined)));
  });
}

/** A look at GET /health on the port, counting the looks. */
function healthLook(port: number, accepts = (status: number) => status >= 200 && status < 300) {
  const counted = { looks: 0 };
  const look = async (): Promise<Look> => {
    counted.looks++;
    return { ready: await answersHttp(port, '/health', accepts), waitingFor: `127.0.0.1:${port}/health` };
  };
  return { look, counted };
}

t.test('a server that starts late: the wait resolves once it answers', async (t) => {
  const port = await freePort();
  startLater(t, port, 300);
  const { look, counted } = healthLook(port);
  const started = Date.now();
  await waitUntilReady(look, { what: 'the test server', timeoutMs: 5_000, intervalMs: 50 });
  t.ok(Date.now() - started >= 250, 'not before it listens');
  t.ok(counted.looks > 1, `it looked ${counted.looks} times`);
});

t.test('a server that never starts: a timeout, on time, naming what it waited for', async (t) => {
  const port = await freePort();
  const { look } = healthLook(port);
  const started = Date.now();
  await t.rejects(waitUntilReady(look, { what: 'the test server', timeoutMs: 400, intervalMs: 50 }), {
    constructor: LabError,
    message: new RegExp(
      `^the test server was not ready within 0\\.4 s \\(\\d+ looks\\); still waiting for 127\\.0\\.0\\.1:${port}/health\\.$`,
    ),
  });
  const elapsed = Date.now() - started;
  t.ok(elapsed >= 400 && elapsed < 2_000, `gave up after ${elapsed} ms`);
});

t.test('bounded in looks too: the count ends a wait whose time has not run out', async (t) => {
  const port = await freePort();
  const { look, counted } = healthLook(port);
  await t.rejects(waitUntilReady(look, { what: 'the test server', timeoutMs: 60_000, intervalMs: 10, maxLooks: 3 }), {
    message: /\(3 looks\)/,
  });
  t.equal(counted.looks, 3);
});

t.test('a stack words its own timeout, given what it still waits for', async (t) => {
  const port = await freePort();
  const { look } = healthLook(port);
  await t.rejects(
    waitUntilReady(look, {
      what: 'the stack',
      timeoutMs: 100,
      intervalMs: 20,
      timeoutMessage: (waitingFor) => `Not healthy within 0.1 s: ${waitingFor}.`,
    }),
    { message: `Not healthy within 0.1 s: 127.0.0.1:${port}/health.` },
  );
});

t.test('a status the check does not accept is not ready: 503 until the server is warm', async (t) => {
  const port = await freePort();
  const warmAt = Date.now() + 300;
  startLater(t, port, 0, (_req, res) => {
    res.statusCode = Date.now() < warmAt ? 503 : 200;
    res.end();
  });
  const { look, counted } = healthLook(port);
  await waitUntilReady(look, { what: 'the test server', timeoutMs: 5_000, intervalMs: 50 });
  t.ok(Date.now() >= warmAt, 'ready once it answers 200');
  t.ok(counted.looks > 1);
  // Docker's rule for a user's app: any status below 500.
  t.equal(await answersHttp(port, '/health', (status) => status < 500), true);
});

t.test('a server that accepts but never answers is not ready, within the request bound', async (t) => {
  const port = await freePort();
  startLater(t, port, 0, () => {
    // never answers
  });
  await new Promise((r) => setTimeout(r, 50));
  const started = Date.now();
  t.equal(await answersHttp(port, '/health', () => true, 200), false);
  t.ok(Date.now() - started < 1_500, 'gave up on the request');
});

t.test('a look that throws ends the wait at once (a component that died will not become ready)', async (t) => {
  let looks = 0;
  await t.rejects(
    waitUntilReady(
      async () => {
        looks++;
        if (looks === 2) throw new LabError('app-default exited while starting');
        return { ready: false, waitingFor: 'app-default' };
      },
      { what: 'the stack', timeoutMs: 5_000, intervalMs: 10 },
    ),
    { message: 'app-default exited while starting' },
  );
  t.equal(looks, 2);
});

t.test('an aborted wait is an interrupt, not a timeout', async (t) => {
  const controller = new AbortController();
  controller.abort();
  await t.rejects(
    waitUntilReady(async () => ({ ready: false, waitingFor: 'x' }), {
      what: 'the stack',
      timeoutMs: 5_000,
      intervalMs: 10,
      signal: controller.signal,
    }),
    { message: 'Interrupted while waiting for the stack.', exitCode: EXIT.interrupted },
  );
});
