// The live page's server (harness/live/server.ts): loopback only, the page and
// its event stream, every event replayed to a late browser in order, 'end'
// once the run is over, a bounded number of pages, and a stop() that leaves
// nothing open, even with pages connected.
import t, { type Test } from 'tap';
import http from 'node:http';
import net from 'node:net';
import { networkInterfaces } from 'node:os';
import { LabError } from '../../harness/model/errors.js';
import type { LabEvent } from '../../harness/live/lab-events.js';
import { MAX_LIVE_CLIENTS, startLiveServer, type LiveServer } from '../../harness/live/server.js';
import type { CycleRecord } from '../../harness/results/schema.js';
import { aimedCycle } from '../helpers/cycle-record.js';
import { LiveChart } from '../../harness/live/chart.js';

interface SseMessage {
  id: number | null;
  event: string;
  data: string;
}

/** An SSE client as small as the protocol: every message and comment, in order, until the server ends the stream. */
interface EventStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  messages: SseMessage[];
  raw: () => string;
  /** Resolves when the server ends the response. */
  ended: Promise<void>;
  waitFor(predicate: (messages: SseMessage[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

function openStream(server: LiveServer, headers: Record<string, string> = {}): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: server.port, path: '/events', headers, agent: false }, (res) => {
      let buffer = '';
      let raw = '';
      const messages: SseMessage[] = [];
      const waiters = new Set<() => void>();
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        raw += chunk;
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((l) => !l.startsWith(':'))
              .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]),
          );
          if (fields.event !== undefined)
            messages.push({
              id: fields.id === undefined ? null : Number(fields.id),
              event: fields.event,
              data: fields.data ?? '',
            });
        }
        for (const w of waiters) w();
      });
      const ended = new Promise<void>((done) => res.on('end', done).on('close', done));
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        messages,
        raw: () => raw,
        ended,
        waitFor(predicate, timeoutMs = 2_000) {
          return new Promise((ok, fail) => {
            const check = () => {
              if (!predicate(messages)) return;
              waiters.delete(check);
              clearTimeout(timer);
              ok();
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`timed out; got ${messages.map((m) => m.event).join(', ')}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}

function get(
  server: LiveServer,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: server.port, path, headers, agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on('error', reject);
  });
}

const cycleRecord = aimedCycle;

const RUN: LabEvent = {
  type: 'run',
  runId: 'test-run',
  runtime: 'local',
  scenarioKind: 'classic',
  variants: [
    { name: 'default', description: "Node's defaults", lb: 'nginx', fix: 'default' },
    { name: 'fixed', description: 'keepAliveTimeout 65 s', lb: 'nginx', fix: 'article' },
  ],
};
const counts = (d502: number) => ({
  default: { sent: 20, count502: d502, failed: d502, boundary: 8 },
  fixed: { sent: 50, count502: 0, failed: 0, boundary: 25 },
});
const CYCLE_1: LabEvent = { type: 'cycle', record: cycleRecord(1, { default: 0, fixed: 0 }), counts: counts(0) };
const CYCLE_2: LabEvent = { type: 'cycle', record: cycleRecord(2, { default: 2, fixed: 0 }), counts: counts(2) };
const FIRST_502: LabEvent = { type: 'first-502', variant: 'default', cycle: 2, afterTrafficStartMs: 2_345 };
const DONE: LabEvent = {
  type: 'done',
  verdict: {
    ok: true,
    text: 'default: 2 × 502; fixed: none',
    word: 'REPRODUCED',
    tone: 'bad',
    reasons: [],
    evidence: 'default: 2 × 502',
  },
  headline: 'REPRODUCED  default 2 × 502 / 8   fixed 0 / 8 (≤ 31.2 %)',
  verdictLine: 'REPRODUCED: default: 2 × 502; fixed: none',
  complete: true,
  interrupted: false,
  counts: counts(2),
  runDir: '/tmp/run',
};

/** A server stopped when the test ends. */
async function started(t: Test, options: Parameters<typeof startLiveServer>[0] = {}): Promise<LiveServer> {
  const server = await startLiveServer(options);
  t.teardown(() => server.stop());
  return server;
}

t.test('serves the page on 127.0.0.1 only; anything else is 404', async (t) => {
  const server = await started(t);
  t.match(server.url, new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/$`));
  const page = await get(server, '/');
  t.equal(page.status, 200);
  t.match(page.headers['content-type'], /^text\/html; charset=utf-8/);
  t.match(page.headers['content-security-policy'], /default-src 'none'/, 'the page may load nothing from elsewhere');
  for (const id of ['phase', 'first-502', 'chart', 'verdict', 'variant-rows'])
    t.match(page.body, `id="${id}"`, `#${id} on the page`);
  t.notMatch(page.body, /(src|href)="https?:/, 'no external asset');
  t.equal((await get(server, '/favicon.ico')).status, 404);
  t.equal((await get(server, '/events/x')).status, 404);
  t.equal(
    (await get(server, '/', { host: 'rebound.example:80' })).status,
    421,
    'another Host (DNS rebinding) is refused',
  );

  const outside = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal);
  if (!outside) {
    t.comment('no non-loopback IPv4 address here to try');
    return;
  }
  const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    const socket = net.connect(server.port, outside.address);
    socket.once('connect', () => {
      socket.destroy();
      resolve(null);
    });
    socket.once('error', resolve);
  });
  t.equal(error?.code, 'ECONNREFUSED', `not reachable on ${outside.address}`);
});

t.test('a late browser gets every event so far, in order, then the live ones', async (t) => {
  const server = await started(t);
  server.publish({ type: 'phase', phase: 'preflight' });
  server.publish(RUN);
  server.publish({ type: 'phase', phase: 'traffic' });
  server.publish(CYCLE_1);
  server.publish(CYCLE_2);
  server.publish(FIRST_502);

  const late = await openStream(server);
  t.equal(late.status, 200);
  t.match(late.headers['content-type'], /^text\/event-stream/);
  await late.waitFor((m) => m.some((x) => x.event === 'first-502'));
  t.match(late.raw(), /^retry: \d+\n\n/, 'it says how soon to reconnect');
  const lab = late.messages.filter((m) => m.event !== 'chart');
  t.same(
    lab.map((m) => JSON.parse(m.data)),
    [{ type: 'phase', phase: 'preflight' }, RUN, { type: 'phase', phase: 'traffic' }, CYCLE_1, CYCLE_2, FIRST_502],
    'the lab events, whole and in order',
  );
  const ids = late.messages.map((m) => m.id!);
  t.same(
    ids,
    [...ids].sort((a, b) => a - b),
    'ids increase',
  );
  const charts = late.messages.filter((m) => m.event === 'chart');
  t.equal(charts.length, 1, 'only the latest chart is replayed: it draws every cycle so far');
  const chart = JSON.parse(charts[0].data);
  t.equal(chart.cycles, 2);
  t.equal((chart.svg.match(/data-cycle-group=/g) ?? []).length, 2, 'two bar groups');
  t.match(chart.svg, /data-first-hit="true"/, 'the first 502 marked');

  server.publish({ type: 'phase', phase: 'collect' });
  await late.waitFor((m) => m.at(-1)?.event === 'phase' && JSON.parse(m.at(-1)!.data).phase === 'collect');
  t.pass('then streams what comes');

  // A browser that reconnects says what it has: only what came after.
  const again = await openStream(server, { 'last-event-id': String(late.messages.at(-1)!.id) });
  server.publish({ type: 'phase', phase: 'results' });
  await again.waitFor((m) => m.length >= 1);
  t.same(
    again.messages.map((m) => JSON.parse(m.data)),
    [{ type: 'phase', phase: 'results' }],
    'Last-Event-ID: nothing twice',
  );
  late.close();
  again.close();
});

t.test("after 'done', 'end' closes the stream; later pages get the whole story and 'end'", async (t) => {
  const server = await started(t);
  const open = await openStream(server);
  server.publish(RUN);
  server.publish(CYCLE_1);
  server.publish(DONE);
  await open.ended;
  t.same(
    open.messages.map((m) => m.event),
    ['run', 'chart', 'cycle', 'chart', 'done', 'end'],
    'each event as it came (a chart after each change), done, then end',
  );
  t.same(JSON.parse(open.messages.at(-1)!.data), { reason: 'done' });
  server.publish({ type: 'phase', phase: 'results' });
  const late = await openStream(server);
  await late.ended;
  t.same(
    late.messages.map((m) => m.event),
    ['run', 'cycle', 'chart', 'done', 'end'],
    'the story (the latest chart) and end; nothing published after end',
  );
});

t.test('a failed run ends the stream the same way', async (t) => {
  const server = await started(t);
  const open = await openStream(server);
  server.publish({ type: 'failed', phase: 'bring-up', message: 'nginx did not start', interrupted: false });
  await open.ended;
  t.same(
    open.messages.map((m) => m.event),
    ['failed', 'end'],
  );
});

t.test('stop() closes the server with pages connected, and tells them', async (t) => {
  const server = await startLiveServer();
  server.publish(RUN);
  const pages = await Promise.all([openStream(server), openStream(server)]);
  const keepAlive = new http.Agent({ keepAlive: true });
  await new Promise<void>((resolve) =>
    http.get({ host: '127.0.0.1', port: server.port, path: '/', agent: keepAlive }, (res) =>
      res.resume().on('end', resolve),
    ),
  );
  const before = Date.now();
  await server.stop();
  t.ok(
    Date.now() - before < 1_000,
    `closed in ${Date.now() - before} ms, an idle keep-alive connection notwithstanding`,
  );
  await Promise.all(pages.map((p) => p.ended));
  for (const p of pages) t.same(JSON.parse(p.messages.at(-1)!.data), { reason: 'stopped' }, "each page heard 'end'");
  await server.stop();
  t.pass('stop() twice is fine');
  keepAlive.destroy();
  const again = net.createServer();
  await new Promise<void>((resolve, reject) => again.once('error', reject).listen(server.port, '127.0.0.1', resolve));
  again.close();
  t.pass('the port is free again');
});

t.test('a port the user chose that is taken: one line, exit 2', async (t) => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  t.teardown(() => blocker.close());
  const port = (blocker.address() as net.AddressInfo).port;
  const err = await startLiveServer({ port }).then(
    (s) => s.stop().then(() => null),
    (e: unknown) => e,
  );
  t.type(err, LabError);
  t.equal((err as LabError).exitCode, 2);
  t.match((err as LabError).message, new RegExp(`^--live-port ${port} is taken`));
  t.notMatch((err as LabError).message, /\n/, 'one line');
  t.match((err as LabError).hint, /leave --live-port out/);
});

t.test('a bounded number of pages; heartbeats keep a quiet stream open', async (t) => {
  const server = await started(t, { heartbeatMs: 30 });
  const pages = await Promise.all(Array.from({ length: MAX_LIVE_CLIENTS }, () => openStream(server)));
  t.ok(pages.every((p) => p.status === 200));
  const refused = await get(server, '/events');
  t.equal(refused.status, 503, `page ${MAX_LIVE_CLIENTS + 1} is refused`);
  await new Promise((r) => setTimeout(r, 100));
  t.match(pages[0].raw(), /\n: heartbeat\n\n/, 'a heartbeat comment');
  pages[0].close();
  await new Promise((r) => setTimeout(r, 50));
  const next = await openStream(server);
  t.equal(next.status, 200, 'a closed page frees its place');
  for (const p of [...pages, next]) p.close();
});

t.test('a chart that cannot be drawn leaves the stream live', async (t) => {
  const server = await started(t);
  const open = await openStream(server);
  server.publish(RUN);
  // A cycle without its record (a bug upstream): drawing it throws, the page is told, events go on.
  server.publish({ type: 'cycle', record: undefined as unknown as CycleRecord, counts: counts(0) });
  server.publish({ type: 'phase', phase: 'collect' });
  await open.waitFor((m) => m.some((x) => x.event === 'phase'));
  const charts = open.messages.filter((m) => m.event === 'chart').map((m) => JSON.parse(m.data));
  t.ok(
    charts.some((c) => typeof c.error === 'string'),
    'the page hears the chart failed',
  );
  open.close();
});

t.test("the live chart counts every failure per cycle: HAProxy's empty replies are no zeros", async (t) => {
  const chart = new LiveChart();
  const run: LabEvent = {
    type: 'run',
    runId: 'matrix',
    runtime: 'docker',
    scenarioKind: 'matrix',
    variants: [
      { name: 'nginx-app', description: '', lb: 'nginx', fix: 'default' },
      { name: 'haproxy-app', description: '', lb: 'haproxy', fix: 'default' },
    ],
  };
  const so = (n502: number, failedNginx: number, failedHaproxy: number) => ({
    'nginx-app': { sent: 10, count502: n502, failed: failedNginx, boundary: 4 },
    'haproxy-app': { sent: 10, count502: 0, failed: failedHaproxy, boundary: 4 },
  });
  chart.observe(run);
  // Cycle 1: nothing; cycle 2: nginx 2 × 502, HAProxy 3 empty replies; cycle 3: HAProxy 1 more (counts so far grow).
  chart.observe({ type: 'cycle', record: aimedCycle(1, { 'nginx-app': 0, 'haproxy-app': 0 }), counts: so(0, 0, 0) });
  chart.observe({ type: 'cycle', record: aimedCycle(2, { 'nginx-app': 2, 'haproxy-app': 0 }), counts: so(2, 2, 3) });
  const svg = chart.observe({
    type: 'cycle',
    record: aimedCycle(3, { 'nginx-app': 0, 'haproxy-app': 0 }),
    counts: so(2, 2, 4),
  })!;
  const countsOf = (variant: string) =>
    [...svg.matchAll(new RegExp(`data-variant="${variant}" data-count="(\\d+)"`, 'g'))].map((m) => Number(m[1]));
  t.same(countsOf('nginx-app'), [0, 2, 0], "nginx's 502s, cycle by cycle");
  t.same(countsOf('haproxy-app'), [0, 3, 1], "HAProxy's failures, cycle by cycle (the counts' growth)");
  t.match(svg, /<title>Failures per cycle, per variant<\/title>/);
  t.match(svg, />4 × failure other than 502, first in cycle 2<\/text>/, 'its row: what the events can name');
  t.match(svg, /data-variant="haproxy-app" data-count="3" data-first-hit="true"/, 'its first failure marked');
});
