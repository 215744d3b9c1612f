// The idle-close probe watches several sockets per app and keeps their median
// close: one socket alone can read a close that woke late on an idle machine.
import { once } from 'node:events';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import t from 'tap';
import {
  PROBE_SOCKETS,
  closedTogether,
  medianProbe,
  probeIdleCloses,
  type IdleCloseProbe,
} from '../../harness/traffic/probe.js';

function probe(idleCloseMs: number | null, advertisedKeepAlive: string | null = null): IdleCloseProbe {
  return {
    closedBy: idleCloseMs === null ? 'none' : 'app',
    closeKind: idleCloseMs === null ? null : 'fin',
    idleCloseMs,
    watchedMs: idleCloseMs ?? 7000,
    advertisedKeepAlive,
    status: 200,
  };
}

t.test('the median close of the sockets: a first one that woke late does not move it', async (t) => {
  // uvicorn's five, as the experiment read them: the first alone 9.5 ms later than the rest.
  const p = medianProbe([
    probe(5011.51, 'first'),
    probe(5002.12),
    probe(5002.0, 'the middle one'),
    probe(5001.1),
    probe(5001.43),
  ]);
  t.equal(p.idleCloseMs, 5002);
  t.equal(p.closedBy, 'app');
  t.equal(p.advertisedKeepAlive, 'the middle one', 'the header is that of the socket at the median');
  t.equal(p.watchedMs, 5002, 'watched until that close');
  // An even number of closes: the mean of the middle two.
  t.equal(medianProbe([probe(6001), probe(6003), probe(6009), probe(6002)]).idleCloseMs, 6002.5);
});

t.test('an app that kept most sockets open past the watch did not close', async (t) => {
  const p = medianProbe([probe(null), probe(null), probe(null), probe(62_000), probe(62_001)]);
  t.equal(p.closedBy, 'none');
  t.equal(p.idleCloseMs, null);
  t.equal(p.closeKind, null);
  t.equal(p.watchedMs, 62_001, 'watched as long as the longest watch');
  t.equal(medianProbe([probe(null), probe(5002), probe(5003)]).idleCloseMs, 5002.5, 'two of three closed: it closes');
  t.throws(() => medianProbe([]), /no probe/);
});

t.test('probeIdleCloses watches its sockets on a real server and reads its keep-alive close', async (t) => {
  const server = http.createServer((_req, res) => res.end('ok'));
  server.keepAliveTimeout = 300;
  let connections = 0;
  server.on('connection', () => connections++);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.teardown(() => server.close());
  const { port } = server.address() as AddressInfo;
  const p = await probeIdleCloses(port, { maxWaitMs: 3_000, path: '/' });
  t.equal(connections, PROBE_SOCKETS, 'one connection per socket watched');
  t.equal(p.closedBy, 'app');
  // Node closes after keepAliveTimeout and the 1 s buffer it adds: well under the watch.
  t.ok(p.idleCloseMs !== null && p.idleCloseMs >= 290 && p.idleCloseMs < 2_000, `closed after ${p.idleCloseMs} ms`);
  t.equal(p.closesTogether, false, 'each socket on its own timer: closed as far apart as they went idle');

  const aborted = new AbortController();
  aborted.abort();
  await t.rejects(probeIdleCloses(port, { maxWaitMs: 3_000, path: '/', signal: aborted.signal }), /interrupted/);
});

t.test('sockets that got no answer are left out; only all failing fails the probe', async (t) => {
  // A server that drops every connection after its first (as one that serves one at a time, or a tiny pool, would
  // leave them unanswered): the first socket's close is the probe's.
  const server = http.createServer((_req, res) => res.end('ok'));
  server.keepAliveTimeout = 200;
  let connections = 0;
  server.on('connection', (socket) => {
    if (++connections > 1) socket.destroy();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.teardown(() => server.close());
  const { port } = server.address() as AddressInfo;
  const p = await probeIdleCloses(port, { maxWaitMs: 3_000, path: '/' });
  t.equal(connections, PROBE_SOCKETS);
  t.equal(p.closedBy, 'app', 'the one answered socket saw the close');

  // Nobody listening: every socket fails, and the probe with them.
  const closed = http.createServer();
  closed.listen(0, '127.0.0.1');
  await once(closed, 'listening');
  const { port: gone } = closed.address() as AddressInfo;
  closed.close();
  await t.rejects(probeIdleCloses(gone, { maxWaitMs: 1_000, path: '/' }), /ECONNREFUSED/);
});

t.test('the probe is the median of its sockets, not its first; an interrupt mid-watch ends it', async (t) => {
  // Raw server: answers every request with keep-alive, closes the first connection 900 ms after its answer and the
  // others after 300 ms: the first socket alone would read 900.
  const server = net.createServer((socket) => {
    const first = ++accepted === 1;
    socket.once('data', () => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
      setTimeout(() => socket.end(), first ? 900 : 300);
    });
  });
  let accepted = 0;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.teardown(() => server.close());
  const { port } = server.address() as AddressInfo;
  const p = await probeIdleCloses(port, { maxWaitMs: 3_000, path: '/' });
  t.ok(p.idleCloseMs !== null && p.idleCloseMs >= 290 && p.idleCloseMs < 600, `the median: ${p.idleCloseMs} ms`);

  const run = new AbortController();
  setTimeout(() => run.abort(), 150).unref();
  await t.rejects(probeIdleCloses(port, { maxWaitMs: 3_000, path: '/', signal: run.signal }), /interrupted/);
});

/** A socket idle from `fromMs`, closed at `atMs` (null: still open). */
function idle(fromMs: number, atMs: number | null): IdleCloseProbe {
  return { ...probe(atMs === null ? null : atMs - fromMs), idleFromMonoMs: fromMs, closedAtMonoMs: atMs };
}

t.test('closed together: sockets idle from apart that closed within 10 ms of each other', async (t) => {
  // gunicorn's threaded worker, five sockets 100 ms apart: four closed at one check of its loop, the last a second on.
  t.equal(
    closedTogether([idle(0, 2400), idle(100, 2400.3), idle(200, 2400.5), idle(300, 2400.6), idle(400, 3400)]),
    true,
  );
  // uvicorn: each at its own 5 s.
  t.equal(
    closedTogether([idle(0, 5002), idle(100, 5101.5), idle(200, 5202.4), idle(300, 5301), idle(400, 5402)]),
    false,
  );
  t.equal(closedTogether([idle(0, 2400), idle(100, 2410)]), true, '10 ms apart is together');
  t.equal(closedTogether([idle(0, 2400), idle(100, 2410.5)]), false, '10.5 ms apart is not');
  t.equal(closedTogether([idle(0, 2400), idle(50, 2400)]), true, 'idle from half a stagger apart');
  t.equal(
    closedTogether([idle(0, 2400), idle(49, 2400)]),
    false,
    'idle from less than half a stagger apart: one timer could',
  );
  t.equal(closedTogether([idle(0, null), idle(100, null)]), false, 'none closed');
  t.equal(closedTogether([idle(0, 2400), idle(100, null), idle(200, null)]), false, 'one closed: nothing to compare');
});

t.test('probeIdleCloses on a real server that closes idle sockets at a periodic check: closes together', async (t) => {
  // Node's own idle timer off; every 1000 ms, every socket idle 300 ms or more is ended, as gunicorn's loop does.
  const server = http.createServer((_req, res) => res.end('ok'));
  server.keepAliveTimeout = 0;
  const idleSince = new Map<net.Socket, number>();
  server.on('request', (req, res) => res.on('finish', () => idleSince.set(req.socket, Date.now())));
  const check = setInterval(() => {
    for (const [socket, since] of idleSince)
      if (Date.now() - since >= 300) {
        idleSince.delete(socket);
        socket.end();
      }
  }, 1_000);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.teardown(() => {
    clearInterval(check);
    server.close();
  });
  const { port } = server.address() as AddressInfo;
  const p = await probeIdleCloses(port, { maxWaitMs: 3_000, path: '/' });
  t.equal(p.closedBy, 'app');
  // Five sockets over 400 ms and one check a second: at most one check falls among them, so two or more close at one.
  t.equal(p.closesTogether, true);
});
