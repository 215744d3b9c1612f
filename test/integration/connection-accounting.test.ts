// The preload against a real Node http.Server: who closed each socket, after
// how long idle, and the tags on every response.
import t from 'tap';
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseSocketClosedRecords, type SocketClosedRecord } from '../../harness/accounting.js';
import { probeIdleClose } from '../../harness/probe.js';

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
  child.stdout!.on('data', (d) => (output += d));
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
    const records = parseSocketClosedRecords(server.output());
    if (records.length >= count || Date.now() > deadline) return records;
    await new Promise((r) => setTimeout(r, 20));
  }
}

t.test('connection accounting', async (t) => {
  const server = await startServer();
  t.teardown(() => {
    server.child.kill('SIGTERM');
  });

  t.test('tags every response with its socket and request number', async (t) => {
    const { socket, head } = await request(server.port);
    t.match(head, /x-lab-socket-id: 1\r\n/);
    t.match(head, /x-lab-socket-request: 1\r\n/);
    t.match(head, /x-lab-request-start-mono-ms: [\d.]+\r\n/);
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    const second = (await once(socket, 'data'))[0].toString();
    t.match(second, /x-lab-socket-id: 1\r\n/);
    t.match(second, /x-lab-socket-request: 2\r\n/);
    socket.end();
    const [record] = await recordsFor(server, 1);
    t.equal(record.socketId, 1);
    t.equal(record.requests, 2);
    t.equal(record.closedBy, 'peer', 'the client sent FIN first');
    t.equal(record.reason, 'fin');
    t.equal(record.variant, 'test');
    t.equal(record.keepAliveTimeoutMs, KEEP_ALIVE_TIMEOUT_MS);
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
});
