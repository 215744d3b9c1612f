// scripts/bridge-capture/analyze.py against a capture written here packet by
// packet, with every instant chosen: the rows it writes (the docs' table reads
// them, harness/docs/wire-capture-table.ts) must say what those packets say.
// Every expected value below is worked out by hand from the packets.
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wireCaptureOf, type CaptureRow } from '../../harness/docs/wire-capture-table.js';

const ANALYZE = join(import.meta.dirname, '../../scripts/bridge-capture/analyze.py');
const HARNESS = '172.20.0.1';
const NGINX = '172.20.0.2';
const APP = '172.20.0.3';
const APP_PORT = 8000;
const LB_PORT = 8401;
/** The harness's clock runs this far behind the capture's (ms): the fastest send reaches the LB at once. */
const CLOCK_GAP_MS = 500;

const FIN = 0x01;
const RST = 0x04;
const PSH_ACK = 0x18;

interface Packet {
  atMs: number;
  src: [string, number];
  dst: [string, number];
  flags?: number;
  payload?: string;
}

/** A pcap of raw IPv4 (link type 101) with microsecond stamps: just what analyze.py reads of each packet. */
function pcap(packets: readonly Packet[]): Buffer {
  const head = Buffer.alloc(24);
  head.writeUInt32LE(0xa1b2c3d4, 0);
  head.writeUInt16LE(2, 4);
  head.writeUInt16LE(4, 6);
  head.writeUInt32LE(65535, 16);
  head.writeUInt32LE(101, 20);
  const ip = (a: string) => Buffer.from(a.split('.').map(Number));
  const records = [...packets]
    .sort((a, b) => a.atMs - b.atMs)
    .map((p) => {
      const payload = Buffer.from(p.payload ?? '', 'latin1');
      const tcp = Buffer.alloc(20);
      tcp.writeUInt16BE(p.src[1], 0);
      tcp.writeUInt16BE(p.dst[1], 2);
      tcp.writeUInt8(5 << 4, 12);
      tcp.writeUInt8(p.flags ?? PSH_ACK, 13);
      const ipHead = Buffer.alloc(20);
      ipHead.writeUInt8(0x45, 0);
      ipHead.writeUInt16BE(40 + payload.length, 2);
      ipHead.writeUInt8(64, 8);
      ipHead.writeUInt8(6, 9);
      ip(p.src[0]).copy(ipHead, 12);
      ip(p.dst[0]).copy(ipHead, 16);
      const data = Buffer.concat([ipHead, tcp, payload]);
      const stamp = Buffer.alloc(16);
      const micros = Math.round(p.atMs * 1000);
      stamp.writeUInt32LE(Math.floor(micros / 1e6), 0);
      stamp.writeUInt32LE(micros % 1e6, 4);
      stamp.writeUInt32LE(data.length, 8);
      stamp.writeUInt32LE(data.length, 12);
      return Buffer.concat([stamp, data]);
    });
  return Buffer.concat([head, ...records]);
}

/** A request as nginx sends it on to the app: the lab's request id and pool, as Caddy would write them too. */
const request = (id: string, pool: number, caseOf = (h: string) => h) =>
  `POST / HTTP/1.1\r\n${caseOf('x-lab-request-id')}: ${id}\r\n${caseOf('x-lab-pool')}: ${pool}\r\n\r\n`;

const APP_END: [string, number] = [APP, APP_PORT];

/**
 * A capture.sh output folder in `dir`: its pcap, the app's address, and the run (requests.ndjson, summary.json).
 * Three pools of the variant "yours", one cycle; the instants are chosen so that every figure is a round number.
 */
function writeCapture(dir: string): void {
  const nginx = (port: number): [string, number] => [NGINX, port];
  const packets: Packet[] = [
    // Pool 1: the burst's response in two segments (ends at 1001.5); the aimed request reaches the app at 6001.0,
    // 4999.5 ms after it, on the same connection, and the app resets it.
    { atMs: 1000.0, src: nginx(40000), dst: APP_END, payload: request('c1-yours-burst-0', 1) },
    { atMs: 1001.0, src: APP_END, dst: nginx(40000), payload: 'HTTP/1.1 200 OK\r\n' },
    { atMs: 1001.5, src: APP_END, dst: nginx(40000), payload: 'Content-Length: 0\r\n\r\n' },
    { atMs: 6001.0, src: nginx(40000), dst: APP_END, payload: request('c1-yours-aimed-0', 1) },
    { atMs: 6001.2, src: APP_END, dst: nginx(40000), flags: RST },
    // Pool 2: its burst request's headers (in Go's case, as Caddy writes them) and body apart, answered at 1001.0
    // and closed idle at 6002.0 (5001.0 ms); its aimed request goes on a new connection and reaches the app at
    // 6003.0: 5002.0 ms after the burst's response.
    {
      atMs: 1000.0,
      src: nginx(40001),
      dst: APP_END,
      payload: request('c1-yours-burst-1', 2, (h) => h.replace(/(^|-)(\w)/g, (m) => m.toUpperCase())),
    },
    { atMs: 1000.1, src: nginx(40001), dst: APP_END, payload: '{}' },
    { atMs: 1001.0, src: APP_END, dst: nginx(40001), payload: 'HTTP/1.1 200 OK\r\n\r\n' },
    { atMs: 6002.0, src: APP_END, dst: nginx(40001), flags: FIN },
    { atMs: 6003.0, src: nginx(40002), dst: APP_END, payload: request('c1-yours-aimed-1', 2) },
    { atMs: 6003.1, src: nginx(40002), dst: APP_END, payload: '{}' },
    { atMs: 6003.5, src: APP_END, dst: nginx(40002), payload: 'HTTP/1.1 200 OK\r\n\r\n' },
    // Pool 3: answered at 1000.5, closed idle at 6001.5 (5001.0 ms); no aimed request.
    { atMs: 1000.0, src: nginx(40003), dst: APP_END, payload: request('c1-yours-burst-2', 3) },
    { atMs: 1000.5, src: APP_END, dst: nginx(40003), payload: 'HTTP/1.1 200 OK\r\n\r\n' },
    { atMs: 6001.5, src: APP_END, dst: nginx(40003), flags: FIN },
  ];
  // The client's side of the LB: each request reaches nginx CLOCK_GAP_MS after the harness sent it (burst-0 at
  // once, the others 0.2 ms later), and nginx answers at the harness's arrival.
  const records = [
    { requestId: 'c1-yours-burst-0', phase: 'burst', startMonoMs: 499.0, latencyMs: 3.0, status: 200, offsetMs: null },
    { requestId: 'c1-yours-burst-1', phase: 'burst', startMonoMs: 499.0, latencyMs: 2.5, status: 200, offsetMs: null },
    { requestId: 'c1-yours-burst-2', phase: 'burst', startMonoMs: 499.0, latencyMs: 2.0, status: 200, offsetMs: null },
    { requestId: 'c1-yours-aimed-0', phase: 'aimed', startMonoMs: 5500.5, latencyMs: 1.0, status: 502, offsetMs: -1 },
    { requestId: 'c1-yours-aimed-1', phase: 'aimed', startMonoMs: 5502.5, latencyMs: 1.5, status: 200, offsetMs: 1 },
  ].map((r) => ({ ...r, variant: 'yours', method: 'POST', cycle: 1, error: null }));
  records.forEach((r, i) => {
    const client: [string, number] = [HARNESS, 50000 + i];
    const lb: [string, number] = [NGINX, LB_PORT];
    const reachesLbMs = r.startMonoMs + CLOCK_GAP_MS + (i === 0 ? 0 : 0.2);
    const answeredMs = r.startMonoMs + r.latencyMs + CLOCK_GAP_MS;
    packets.push({ atMs: reachesLbMs, src: client, dst: lb, payload: request(r.requestId, 0) });
    packets.push({ atMs: answeredMs, src: lb, dst: client, payload: `HTTP/1.1 ${r.status} X\r\n\r\n` });
  });
  const run = join(dir, 'r', '20261207-000000Z-docker');
  mkdirSync(run, { recursive: true });
  writeFileSync(join(dir, 'cap.pcap'), pcap(packets));
  writeFileSync(join(dir, 'yours-ip'), `${APP}\n`);
  writeFileSync(join(run, 'requests.ndjson'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const summary = {
    runId: '20261207-000000Z-docker',
    lbs: { nginx: {} },
    yourApp: [{ variant: 'yours', image: { ref: 'keepalive-lab/example-python-uvicorn' }, appIdleCloseMs: 5001.0 }],
  };
  writeFileSync(join(run, 'summary.json'), JSON.stringify(summary));
}

t.test("analyze.py's rows: idle closes, and each aimed request against its burst's response", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bridge-capture-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeCapture(dir);
  const rowsFile = join(dir, 'rows.ndjson');
  const said = execFileSync('python3', [ANALYZE, dir, String(APP_PORT), rowsFile], { encoding: 'utf8' });
  t.match(said, /rows: 2 idle closes, 2 of 2 aimed requests seen at the app/);
  const rows = readFileSync(rowsFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as CaptureRow);
  const common = { image: 'keepalive-lab/example-python-uvicorn', lb: 'nginx', runId: '20261207-000000Z-docker' };
  t.same(rows, [
    // Pools 2 and 3; pool 1's connection the app reset under a request, not idle.
    { ...common, kind: 'idle-close', closeAfterResponseMs: 5001.0 },
    { ...common, kind: 'idle-close', closeAfterResponseMs: 5001.0 },
    {
      ...common,
      kind: 'aimed',
      requestId: 'c1-yours-aimed-0',
      cycle: 1,
      offsetMs: -1,
      status: 502,
      error: null,
      newConnection: false,
      arrivalAfterResponseMs: 4999.5,
      // The harness read burst-0's answer at 499 + 3 = 502 on its clock, 1002.0 on the capture's: 0.5 ms after the
      // response's last segment.
      idleStartErrorMs: 0.5,
    },
    {
      ...common,
      kind: 'aimed',
      requestId: 'c1-yours-aimed-1',
      cycle: 1,
      offsetMs: 1,
      status: 200,
      error: null,
      newConnection: true,
      arrivalAfterResponseMs: 5002.0,
      // 499 + 2.5 + 500 = 1001.5 against 1001.0.
      idleStartErrorMs: 0.5,
    },
  ]);
  // What the table makes of them: the due 5001.0 ms after a response; aimed-0 1.5 ms before it and failed (the
  // LB's 502), aimed-1 1.0 ms after it and served.
  const capture = wireCaptureOf(rows);
  t.equal(capture.dueAfterResponseMs, 5001.0);
  t.same(
    capture.aimed.map((r) => [r.requestId, r.arrivalFromDueMs, r.failed]),
    [
      ['c1-yours-aimed-0', -1.5, true],
      ['c1-yours-aimed-1', 1.0, false],
    ],
  );
});

t.test('analyze.py, the wrong port: says why instead of a stack trace', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bridge-capture-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeCapture(dir);
  const wrongPort = () =>
    execFileSync('python3', [ANALYZE, dir, '8080', join(dir, 'rows.ndjson')], { encoding: 'utf8', stdio: 'pipe' });
  t.throws(wrongPort, /no idle close of the app on port 8080 near its 5001 ms: is APP_PORT the port/);
});
