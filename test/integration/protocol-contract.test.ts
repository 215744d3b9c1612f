// The contract between app and harness (app/lab/protocol.cjs): the real
// connection-accounting preload runs in front of a real Node http.Server in a
// child process; what it prints is read with the harness's own parser and what
// it sends with the harness's header names. Also: who closed each socket,
// after how long idle.
import t from 'tap';
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseAppRecords, socketClosedRecords } from '../../harness/records/app-records.js';
import { CLOSED_BY, HEADERS, RECORDS, type SocketClosedRecord } from '../../harness/model/protocol.js';
import { probeIdleClose } from '../../harness/traffic/probe.js';
import { parseResponse } from '../../harness/traffic/http-response.js';
import { monoMs } from '../../harness/model/clock.js';
import { upstreamTags } from '../../harness/traffic/record-of.js';

const preload = fileURLToPath(new URL('../../app/lab/connection-accounting.cjs', import.meta.url));
const serverScript = fileURLToPath(new URL('../helpers/plain-server.cjs', import.meta.url));
const KEEP_ALIVE_TIMEOUT_MS = 400;

interface Running {
  child: ChildProcess;
  port: number;
  output: () => string;
}

async function startServer(): Promise<Running> {
  const child = spawn(process.execPath, ['--require', preload, serverScript], {
    env: { ...process.env, KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_TIMEOUT_MS), LAB_VARIANT: 'test' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  const deadline = Date.now() + 10_000;
  while (!/"listening":\d+/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const port = Number(/"listening":(\d+)/.exec(output)![1]);
  return { child, port, output: () => output };
}

/** Sends one request on a fresh socket and resolves with the socket and the response head. */
async function request(port: number): Promise<{ socket: net.Socket; head: string }> {
  const socket = net.connect({ host: '127.0.0.1', port });
  await once(socket, 'connect');
  socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  let head = '';
  while (!head.includes('ok\n')) head += (await once(socket, 'data'))[0].toString();
  return { socket, head };
}

async function recordsFor(server: Running, count: number): Promise<SocketClosedRecord[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const records = socketClosedRecords(server.output());
    if (records.length >= count || Date.now() > deadline) return records;
    await new Promise((r) => setTimeout(r, 20));
  }
}

t.test('connection accounting', async (t) => {
  const server = await startServer();
  t.teardown(() => {
    server.child.kill('SIGTERM');
  });

  t.test('tags every response with its socket and request number, read by the harness', async (t) => {
    const { socket, head } = await request(server.port);
    const first = upstreamTags(parseResponse(Buffer.from(head))!.headers);
    t.equal(first.upstreamSocketId, 1, HEADERS.socketId);
    t.equal(first.upstreamSocketRequest, 1, HEADERS.socketRequest);
    t.ok(first.appStartMonoMs !== null && first.appStartMonoMs > 0, HEADERS.requestStartMonoMs);
    socket.write(`GET / HTTP/1.1\r\nHost: x\r\n${HEADERS.requestId}: c1-test-aimed-0\r\n\r\n`);
    const second = upstreamTags(parseResponse((await once(socket, 'data'))[0])!.headers);
    t.equal(second.upstreamSocketId, 1);
    t.equal(second.upstreamSocketRequest, 2);
    t.ok(second.appStartMonoMs! > first.appStartMonoMs!, 'the app clock moves on');
    socket.end();
    const [record] = await recordsFor(server, 1);
    t.equal(record.socketId, 1);
    t.equal(record.requests, 2);
    t.equal(record.closedBy, 'peer', 'the client sent FIN first');
    t.equal(record.reason, 'fin');
    t.equal(record.variant, 'test');
    t.equal(record.keepAliveTimeoutMs, KEEP_ALIVE_TIMEOUT_MS);
    const finished = parseAppRecords(server.output()).flatMap((r) =>
      r.lab === 'response-finished' && r.socketId === 1 ? [r.requestId] : [],
    );
    t.same(finished, [null, 'c1-test-aimed-0'], `response-finished names the request's ${HEADERS.requestId}, or null`);
  });

  t.test("an idle socket closed by the app's keep-alive timer is the app's close", async (t) => {
    const probe = await probeIdleClose(server.port, { maxWaitMs: 5_000, path: '/' });
    t.equal(probe.closedBy, 'app');
    t.equal(probe.closeKind, 'fin');
    const record = (await recordsFor(server, 2)).find((r) => r.socketId === 2)!;
    t.ok(record, 'record for the probe socket');
    t.equal(record.closedBy, 'app');
    t.equal(record.reason, 'keep-alive-timeout');
    t.ok(record.idleMs >= KEEP_ALIVE_TIMEOUT_MS, `idle ${record.idleMs} ms >= ${KEEP_ALIVE_TIMEOUT_MS} ms`);
    t.ok(Math.abs(record.idleMs - probe.idleCloseMs!) < 100, 'the app and the probe agree on the idle time');
    t.comment(`keepAliveTimeout ${KEEP_ALIVE_TIMEOUT_MS} ms: app closed after ${record.idleMs.toFixed(1)} ms idle`);
  });

  t.test('a client reset is a reset, not a close by either side', async (t) => {
    const { socket } = await request(server.port);
    socket.resetAndDestroy();
    const record = (await recordsFor(server, 3)).find((r) => r.socketId === 3)!;
    t.ok(record, 'record for the reset socket');
    t.equal(record.closedBy, 'reset');
    t.equal(record.reason, 'ECONNRESET');
  });

  t.test('every record kind, with exactly the protocol fields, parsed by the harness', async (t) => {
    // By now the server has printed all three kinds (ready, responses, closes).
    const records = parseAppRecords(server.output());
    const lines = server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{"lab"'));
    t.equal(records.length, lines.length, 'every record line the preload printed is a record to the harness');
    for (const kind of Object.keys(RECORDS) as Array<keyof typeof RECORDS>) {
      const ofKind = records.filter((r) => r.lab === kind);
      t.ok(ofKind.length > 0, `${kind}: printed`);
      for (const r of ofKind)
        t.same(Object.keys(r), [...RECORDS[kind]], `${kind}: the protocol's fields, in its order`);
    }
    const ready = records.find((r) => r.lab === 'accounting-ready');
    t.equal(ready?.lab === 'accounting-ready' && ready.node, process.version, 'ready names the Node it runs on');
    for (const r of records) {
      if (r.lab === 'response-finished')
        t.ok(
          typeof r.endMonoMs === 'number' && r.status === 200 && r.method === 'GET',
          'response-finished: typed values',
        );
      if (r.lab === 'socket-closed')
        t.ok(
          CLOSED_BY.includes(r.closedBy) && typeof r.idleMs === 'number',
          `socket-closed ${r.socketId}: closedBy ${r.closedBy}`,
        );
    }
  });
});

t.test('a burst held to one instant (HEADERS.holdUntilMonoMs) finishes, and closes, together', async (t) => {
  const server = await startServer();
  t.teardown(() => {
    server.child.kill('SIGTERM');
  });
  const HOLD_AHEAD_MS = 150;
  const SOCKETS = 8;
  // The child's clock is this process's (one CLOCK_MONOTONIC, no shift in this test).
  const until = monoMs() + HOLD_AHEAD_MS;
  const sockets = await Promise.all(
    Array.from({ length: SOCKETS }, async () => {
      const socket = net.connect({ host: '127.0.0.1', port: server.port });
      await once(socket, 'connect');
      socket.write(`GET / HTTP/1.1\r\nHost: x\r\n${HEADERS.holdUntilMonoMs}: ${until}\r\n\r\n`);
      let head = '';
      while (!head.includes('ok\n')) head += (await once(socket, 'data'))[0].toString();
      return socket;
    }),
  );
  const closes = await recordsFor(server, SOCKETS);
  for (const s of sockets) s.destroy();
  const ends = closes.map((c) => c.lastResponseEndMonoMs!);
  t.equal(closes.length, SOCKETS);
  t.ok(
    Math.min(...ends) >= until,
    `no response finished before the hold (the first ${(Math.min(...ends) - until).toFixed(3)} ms after)`,
  );
  // A loose bound: how tightly the held responses cluster is a speed figure (a loaded machine fires timers late,
  // and tap runs two files at once), measured by npm run bench; here only a hold that never lets go fails.
  const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
  t.ok(
    Math.max(...ends) - until < 1_000,
    `all within ${(Math.max(...ends) - until).toFixed(3)} ms after it (spread ${spread(ends).toFixed(3)} ms)`,
  );
  t.ok(
    closes.every((c) => c.closedBy === 'app' && c.reason === 'keep-alive-timeout'),
    "the app's keep-alive timer closed each",
  );
  t.ok(
    closes.every(
      (c) =>
        c.keepAliveTimerAtMonoMs !== null &&
        c.keepAliveTimerAtMonoMs - c.lastResponseEndMonoMs! >= KEEP_ALIVE_TIMEOUT_MS &&
        c.keepAliveTimerAtMonoMs <= c.closedAtMonoMs,
    ),
    'each says when its timer fired: after the keep-alive timeout, no later than the close',
  );
  // When each timer was due: armed at the response's end for keepAliveTimeout + Node's 1000 ms buffer, or later by as
  // long as the event loop was busy between the two (5.04 ms once in a fresh-clone CI, 2026-12-07, eight held
  // responses finishing at one instant): never before (up to a ms: Node counts whole ms), and a loose bound after, as
  // for the spread above; it fires then or later.
  for (const c of closes) {
    const due = c.keepAliveTimerDueMonoMs!;
    const armedAfterEndMs = due - c.lastResponseEndMonoMs! - (KEEP_ALIVE_TIMEOUT_MS + 1_000);
    t.ok(
      armedAfterEndMs > -1 && armedAfterEndMs < 100,
      `socket ${c.socketId}: due ${(due - c.lastResponseEndMonoMs!).toFixed(3)} ms after its response`,
    );
    t.ok(
      c.keepAliveTimerAtMonoMs! >= due - 1,
      `socket ${c.socketId}: fired ${(c.keepAliveTimerAtMonoMs! - due).toFixed(3)} ms after due`,
    );
  }
  const closedAt = closes.map((c) => c.closedAtMonoMs);
  t.comment(`closes spread over ${spread(closedAt).toFixed(3)} ms`);
});

t.test('a hold instant already past, or more than 2 s ahead (a confused clock), is not waited for', async (t) => {
  const server = await startServer();
  t.teardown(() => {
    server.child.kill('SIGTERM');
  });
  for (const [what, until] of [
    ['past', monoMs() - 1_000],
    ['10 s ahead', monoMs() + 10_000],
  ] as const) {
    const started = monoMs();
    const socket = net.connect({ host: '127.0.0.1', port: server.port });
    await once(socket, 'connect');
    socket.write(`GET / HTTP/1.1\r\nHost: x\r\n${HEADERS.holdUntilMonoMs}: ${until}\r\n\r\n`);
    let head = '';
    while (!head.includes('ok\n')) head += (await once(socket, 'data'))[0].toString();
    socket.destroy();
    t.ok(monoMs() - started < 1_000, `${what}: answered in ${(monoMs() - started).toFixed(1)} ms`);
  }
});
