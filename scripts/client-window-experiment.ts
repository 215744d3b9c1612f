// How well can a client that sees only its own traffic aim at a server's idle
// close? Through nginx, against a real server in Docker, with no preload:
//
//   npx tsx scripts/client-window-experiment.ts --example python-uvicorn --out FILE
//   npx tsx scripts/client-window-experiment.ts --image IMG --port P --out FILE
//       [--pools 24] [--rounds 12] [--from -10] [--to 20] [--step 0.5]
//       [--load N | --companions N [--lead MS]]
//
// Each pool is an nginx upstream block of its own with one cached connection
// (`keepalive 1`), so the client knows which upstream connection each request
// rides. Per pool, a chain: a POST, and when its answer arrives at A, the next
// POST goes at A − the fastest round trip seen + the server's idle close (the
// median of 9 raw-socket probes at the container, 100 ms apart) + an offset
// drawn from --from … --to. The pools start 40 ms apart, so one send's
// spin-wait does not hold another pool's answer (its arrival would be read
// late) and each aimed request meets one closing connection: the client's best
// case, its aim limited only by its estimate. nginx's answer says where the
// request was: 200 (read in time, or nginx saw the FIN first and opened a new
// connection) or 502 (the app closed the connection under it; POST is not
// retried). Beside the aimed requests, optionally: --load N connections of
// POSTs back to back for the whole run, or --companions N POSTs on other
// connections --lead ms before each aimed one (the app busy at its close).
// One JSON line per trial goes to --out (docs/measurements/client-window/),
// which `npm run docs` turns into docs/client-side-aim.md's table.
import net from 'node:net';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, appendFileSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { monoMs, roundMs } from '../harness/model/clock.js';
import { median } from '../harness/model/stats.js';
import { parseResponse } from '../harness/traffic/http-response.js';
import { OFFSET_BIN_MS, offsetBins, type ClientWindowTrialRecord } from '../harness/docs/client-window-table.js';
import { probeIdleClose } from '../harness/traffic/probe.js';
import { EXAMPLE_SERVERS, exampleImage } from '../harness/scenarios/examples.js';

/** Planned send − the client's estimate of the close (ms), one drawn per trial: --from … --to by --step. */
const OFFSETS_MS: number[] = [];
const POOL_STAGGER_MS = 40;
const SPIN_MS = 2;
/** nginx's own wait for the app (proxy_read_timeout below): it answers every request by then, a 504 at worst. */
const NGINX_READ_TIMEOUT_S = 15;
/**
 * Past nginx's own wait: a request with no answer by then has a broken connection, which is closed (never reused,
 * so a late answer cannot be taken for the next request's).
 */
const ANSWER_WAIT_MS = (NGINX_READ_TIMEOUT_S + 5) * 1000;
const PROBES = 9;
const LB_IMAGE = process.env.LAB_NGINX_IMAGE ?? 'keepalive-lab/nginx-base:bookworm';

export interface ClientWindowTrial extends ClientWindowTrialRecord {
  env: string[];
  pool: number;
  round: number;
  /** The fastest round trip client → nginx → app → client seen so far on this pool (ms). */
  fastestRoundTripMs: number;
  plannedOffsetMs: number;
  poolStaggerMs: number;
  status: number | null;
  /** On the harness's monotonic clock (ms): the answer the aim counted from, the aimed send, its answer. */
  idleFromMs: number;
  sentAtMs: number;
  answerAtMs: number;
}

function docker(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function nginxConf(pools: number, appPort: number): string {
  const upstreams = Array.from(
    { length: pools },
    (_, i) => `  upstream pool${i} {
    server app:${appPort} max_fails=0;
    keepalive 1;
    keepalive_timeout 60s;
    keepalive_requests 1000000;
  }`,
  ).join('\n');
  const locations = Array.from(
    { length: pools },
    (_, i) => `    location /p${i}/ {
      proxy_pass http://pool${i}/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 0;
      proxy_read_timeout ${NGINX_READ_TIMEOUT_S}s;
    }`,
  ).join('\n');
  const filler = `  upstream filler {
    server app:${appPort} max_fails=0;
    keepalive 64;
    keepalive_timeout 60s;
  }`;
  return `worker_processes 1;
pid /tmp/nginx.pid;
error_log /dev/stderr warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path /tmp/client_body;
  proxy_temp_path /tmp/proxy;
  keepalive_timeout 75s;
  keepalive_requests 1000000;
${upstreams}
${filler}
  server {
    listen 8080;
${locations}
    location /f/ {
      proxy_pass http://filler/;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
`;
}

/** What came back for a request: its status (null: none in time, or the connection failed), when it arrived. */
interface Answer {
  status: number | null;
  atMs: number;
}

/** One client connection to nginx; the next answer resolves the pending send. */
class PoolClient {
  busy = false;
  /** Answers that came with no request waiting: none should; counted and said, never given to a request. */
  strayAnswers = 0;
  /** The connection failed or closed, or a request's wait ran out: every later send gets no answer at once. */
  private broken = false;
  private buf = Buffer.alloc(0);
  private pending: ((r: Answer) => void) | null = null;
  constructor(private readonly socket: net.Socket) {
    const breakOff = () => {
      this.broken = true;
      this.settle({ status: null, atMs: monoMs() });
    };
    socket.on('error', breakOff);
    socket.on('close', breakOff);
    socket.on('data', (d: Buffer) => {
      const at = monoMs();
      this.buf = Buffer.concat([this.buf, d]);
      // Every complete answer in the buffer, framed by Content-Length or chunked encoding (uvicorn and Node chunk).
      for (let parsed = parseResponse(this.buf); parsed !== null; parsed = parseResponse(this.buf)) {
        this.buf = this.buf.subarray(parsed.length);
        if (this.pending === null) this.strayAnswers++;
        this.settle({ status: parsed.status, atMs: at });
      }
    });
  }
  private settle(answer: Answer): void {
    const resolve = this.pending;
    this.pending = null;
    resolve?.(answer);
  }
  send(pool: number): { sentMs: number; answer: Promise<Answer> } {
    if (this.broken) return { sentMs: monoMs(), answer: Promise.resolve({ status: null, atMs: monoMs() }) };
    const answer = new Promise<Answer>((resolve) => {
      this.pending = resolve;
      const timer = setTimeout(() => {
        if (this.pending !== resolve) return;
        this.broken = true;
        this.socket.destroy();
        this.settle({ status: null, atMs: monoMs() });
      }, ANSWER_WAIT_MS);
      timer.unref();
    });
    const sentMs = monoMs();
    this.socket.write(
      `POST ${pool < 0 ? '/f/' : `/p${pool}/`} HTTP/1.1\r\nHost: lab\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi`,
    );
    return { sentMs, answer };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The lab's raw-socket probe, straight at the container (no published port): its idle close, null if none came. */
const probeAt = (host: string, port: number): Promise<number | null> =>
  probeIdleClose(port, { host, path: '/', maxWaitMs: 70_000 }).then(
    (p) => p.idleCloseMs,
    () => null,
  );

/** Companions sent on their own connections `companionLeadMs` before an aimed request: the app busy at its close. */
let companions: PoolClient[] = [];
let companionCount = 0;
let companionLeadMs = 0;

async function sendAt(atMs: number, client: PoolClient, pool: number) {
  const wait = atMs - companionLeadMs - monoMs();
  if (wait > SPIN_MS) await sleep(wait - SPIN_MS);
  if (companionCount > 0) {
    while (monoMs() < atMs - companionLeadMs) {
      // spin
    }
    const free = companions.filter((c) => !c.busy).slice(0, companionCount);
    for (const c of free) {
      c.busy = true;
      void c.send(-1).answer.then(() => (c.busy = false));
    }
  }
  while (monoMs() < atMs) {
    // spin over the last milliseconds a timer cannot resolve
  }
  return client.send(pool);
}

const HELP = `usage: npx tsx scripts/client-window-experiment.ts (--example DIR | --image IMG --port P) --out FILE
  [--env K=V ...] [--pools 24] [--rounds 12] [--from -10] [--to 20] [--step 0.5]
  [--load N | --companions N [--lead 1]] [--together]
examples: ${EXAMPLE_SERVERS.map((e) => e.dir).join(', ')}`;

/** A number option, or a one-line error naming it. */
function numberOption(name: string, text: string | undefined, check: (n: number) => boolean = () => true): number {
  const n = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(n) || !check(n))
    throw new Error(`--${name} ${text ?? ''}: not a valid value\n${HELP}`);
  return n;
}

async function main() {
  const { values } = parseArgs({
    options: {
      example: { type: 'string' },
      image: { type: 'string' },
      port: { type: 'string' },
      env: { type: 'string', multiple: true, default: [] },
      pools: { type: 'string', default: '24' },
      rounds: { type: 'string', default: '12' },
      out: { type: 'string' },
      from: { type: 'string', default: '-10' },
      to: { type: 'string', default: '20' },
      step: { type: 'string', default: '0.5' },
      load: { type: 'string', default: '0' },
      companions: { type: 'string', default: '0' },
      lead: { type: 'string', default: '1' },
      together: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const example = values.example === undefined ? undefined : EXAMPLE_SERVERS.find((e) => e.dir === values.example);
  if (values.example !== undefined && !example)
    throw new Error(`--example ${values.example}: no such example\n${HELP}`);
  const image = example ? exampleImage(example) : values.image;
  const appPort = example ? example.port : numberOption('port', values.port, (n) => Number.isInteger(n) && n > 0);
  if (!image || !values.out) throw new Error(`say which server (--example or --image/--port) and --out\n${HELP}`);
  const out = values.out;
  const pools = numberOption('pools', values.pools, (n) => Number.isInteger(n) && n >= 1 && n <= 64);
  const rounds = numberOption('rounds', values.rounds, (n) => Number.isInteger(n) && n >= 1 && n <= 100);
  const from = numberOption('from', values.from);
  const to = numberOption('to', values.to, (n) => n >= from);
  const step = numberOption('step', values.step, (n) => n > 0);
  const load = numberOption('load', values.load, (n) => Number.isInteger(n) && n >= 0 && n <= 32);
  companionCount = numberOption('companions', values.companions, (n) => Number.isInteger(n) && n >= 0 && n <= 32);
  companionLeadMs = numberOption('lead', values.lead, (n) => n >= 0 && n <= 20);
  if (load > 0 && companionCount > 0) throw new Error(`--load or --companions, not both\n${HELP}`);
  const together = values.together ?? false;
  for (let o = from; o <= to + 1e-9; o += step) OFFSETS_MS.push(Math.round(o * 1000) / 1000);
  try {
    setPriority(-10);
  } catch {
    // not root: sends keep the normal priority
  }
  const tag = `kal-cw-${process.pid}`;
  const dir = mkdtempSync(join(tmpdir(), 'kal-cw-'));
  writeFileSync(join(dir, 'nginx.conf'), nginxConf(pools, appPort));
  docker('network', 'create', tag);
  const cleanup = () => {
    for (const c of [`${tag}-lb`, `${tag}-app`])
      try {
        docker('rm', '-f', c);
      } catch {
        // already gone
      }
    try {
      docker('network', 'rm', tag);
    } catch {
      // already gone
    }
  };
  process.on('SIGTERM', () => {
    cleanup();
    process.exit(143);
  });
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    const envArgs = (values.env ?? []).flatMap((e) => ['-e', e]);
    docker('run', '-d', '--name', `${tag}-app`, '--network', tag, '--network-alias', 'app', ...envArgs, image);
    docker(
      'run',
      '-d',
      '--name',
      `${tag}-lb`,
      '--network',
      tag,
      '-p',
      '127.0.0.1::8080',
      '-v',
      `${dir}/nginx.conf:/etc/nginx/nginx.conf:ro`,
      LB_IMAGE,
      'nginx',
      '-g',
      'daemon off;',
    );
    const lbPort = Number(docker('port', `${tag}-lb`, '8080/tcp').split(':').pop());
    const appIp = docker('inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', `${tag}-app`);
    // Wait for both to answer.
    for (let i = 0; ; i++) {
      try {
        const s = net.connect({ host: appIp, port: appPort });
        await new Promise<void>((res, rej) => (s.once('connect', () => res()), s.once('error', rej)));
        s.destroy();
        break;
      } catch {
        if (i > 100) throw new Error('the app did not listen within 30 s');
        await sleep(300);
      }
    }
    const probes = (
      await Promise.all(Array.from({ length: PROBES }, (_, i) => sleep(i * 100).then(() => probeAt(appIp, appPort))))
    ).flatMap((p) => (p === null ? [] : [p]));
    const probedCloseMs = median(probes);
    if (probedCloseMs === null) throw new Error('the app never closed an idle connection');
    process.stderr.write(`probed close: ${probes.map((p) => p.toFixed(2)).join(' ')} → ${probedCloseMs}\n`);

    const clients = await Promise.all(
      Array.from({ length: pools }, async () => {
        const s = net.connect({ host: '127.0.0.1', port: lbPort, noDelay: true, allowHalfOpen: true });
        await new Promise<void>((res, rej) => (s.once('connect', () => res()), s.once('error', rej)));
        return { socket: s, client: new PoolClient(s) };
      }),
    );
    companions = await Promise.all(
      Array.from({ length: companionCount * 3 }, async () => {
        const s = net.connect({ host: '127.0.0.1', port: lbPort, noDelay: true });
        await new Promise<void>((res, rej) => (s.once('connect', () => res()), s.once('error', rej)));
        return new PoolClient(s);
      }),
    );
    let fastestRoundTripMs = Infinity;
    const trials: ClientWindowTrial[] = [];
    const drawOffset = () => OFFSETS_MS[Math.floor(Math.random() * OFFSETS_MS.length)];
    const record = (r: {
      pool: number;
      round: number;
      plannedOffsetMs: number;
      idleFromMs: number;
      estimateMs: number;
      rtt: number;
      sentMs: number;
      answer: Answer;
    }) => {
      const trial: ClientWindowTrial = {
        image,
        env: values.env ?? [],
        pool: r.pool,
        round: r.round,
        probedCloseMs: roundMs(probedCloseMs),
        probeSamplesMs: probes.map(roundMs),
        fastestRoundTripMs: roundMs(r.rtt),
        plannedOffsetMs: r.plannedOffsetMs,
        poolStaggerMs: together ? 0 : POOL_STAGGER_MS,
        together,
        fillerConnections: load,
        companions: companionCount,
        companionLeadMs,
        sentOffsetMs: roundMs(r.sentMs - r.estimateMs),
        idleFromMs: roundMs(r.idleFromMs),
        sentAtMs: roundMs(r.sentMs),
        answerAtMs: roundMs(r.answer.atMs),
        outcome: r.answer.status === 200 ? 'served' : r.answer.status === 502 ? 'failed' : 'other',
        status: r.answer.status,
      };
      trials.push(trial);
      process.stderr.write(trial.outcome === 'failed' ? 'X' : '.');
      appendFileSync(out, JSON.stringify(trial) + '\n');
    };
    /**
     * --together: the lab's shape. Per round, one burst (a POST on every pool at one instant, so the server answers
     * them as it can and each connection goes idle at its own answer), then each pool's aimed POST at its own
     * connection's estimate + offset, sent in order of their instants.
     */
    const roundsTogether = async () => {
      for (let round = 0; round < rounds; round++) {
        const burst = clients.map(({ client }, pool) => client.send(pool));
        const answers = await Promise.all(burst.map((b) => b.answer));
        answers.forEach((a, pool) => {
          if (a.status === 200) fastestRoundTripMs = Math.min(fastestRoundTripMs, a.atMs - burst[pool].sentMs);
        });
        const rtt = fastestRoundTripMs;
        const plans = answers
          .flatMap((a, pool) => {
            if (a.status === 200) return [{ pool, idleFromMs: a.atMs, estimateMs: a.atMs - rtt + probedCloseMs }];
            process.stderr.write('?');
            return [];
          })
          .map((p) => ({ ...p, plannedOffsetMs: drawOffset() }))
          .sort((x, y) => x.estimateMs + x.plannedOffsetMs - (y.estimateMs + y.plannedOffsetMs));
        const sent = [];
        for (const p of plans)
          sent.push({ p, s: await sendAt(p.estimateMs + p.plannedOffsetMs, clients[p.pool].client, p.pool) });
        for (const { p, s } of sent) {
          const answer = await s.answer;
          if (answer.status === 200) fastestRoundTripMs = Math.min(fastestRoundTripMs, answer.atMs - s.sentMs);
          record({ ...p, round, rtt, sentMs: s.sentMs, answer });
        }
      }
    };
    const chain = async (pool: number) => {
      await sleep(pool * POOL_STAGGER_MS);
      const { client } = clients[pool];
      let { sentMs, answer } = client.send(pool);
      let a = await answer;
      if (a.status === 200) fastestRoundTripMs = Math.min(fastestRoundTripMs, a.atMs - sentMs);
      for (let round = 0; round < rounds; round++) {
        if (a.status !== 200) {
          ({ sentMs, answer } = client.send(pool)); // a fresh upstream connection
          a = await answer;
          if (a.status === 200) fastestRoundTripMs = Math.min(fastestRoundTripMs, a.atMs - sentMs);
          if (a.status !== 200) {
            // No fresh connection to aim at: the round is lost, and said (the table counts the trials it has).
            process.stderr.write('?');
            continue;
          }
        }
        const plannedOffsetMs = drawOffset();
        const idleFromMs = a.atMs;
        const estimateMs = a.atMs - fastestRoundTripMs + probedCloseMs;
        const rtt = fastestRoundTripMs;
        ({ sentMs, answer } = await sendAt(estimateMs + plannedOffsetMs, client, pool));
        a = await answer;
        if (a.status === 200) fastestRoundTripMs = Math.min(fastestRoundTripMs, a.atMs - sentMs);
        record({ pool, round, plannedOffsetMs, idleFromMs, estimateMs, rtt, sentMs, answer: a });
      }
    };
    mkdirSync(dirname(out), { recursive: true });
    let running = true;
    let fillerAnswers = 0;
    const fillers = await Promise.all(
      Array.from({ length: load }, async () => {
        const s = net.connect({ host: '127.0.0.1', port: lbPort, noDelay: true });
        await new Promise<void>((res, rej) => (s.once('connect', () => res()), s.once('error', rej)));
        const client = new PoolClient(s);
        return {
          loop: (async () => {
            while (running) {
              await client.send(-1).answer;
              fillerAnswers++;
            }
            s.destroy();
          })(),
        };
      }),
    );
    if (together) await roundsTogether();
    else await Promise.all(Array.from({ length: pools }, (_, i) => chain(i)));
    running = false;
    await Promise.all(fillers.map((f) => f.loop));
    if (load > 0) console.log(`${fillerAnswers} POSTs back to back beside`);
    const strays = clients.reduce((n, c) => n + c.client.strayAnswers, 0);
    if (strays > 0) console.log(`${strays} answers came after their request's wait had run out`);
    for (const c of clients) c.socket.destroy();
    summarize(trials);
  } finally {
    cleanup();
  }
}

/** The trials per bin of offset, as the docs' table counts them, then in all. */
function summarize(trials: readonly ClientWindowTrial[]) {
  for (const [from, b] of offsetBins(trials)) console.log(`${from} … ${from + OFFSET_BIN_MS} ms: ${b.failed}/${b.n}`);
  const other = trials.filter((t) => t.outcome === 'other').length;
  const failed = trials.filter((t) => t.outcome === 'failed').length;
  console.log(`all: ${failed}/${trials.length - other}${other > 0 ? ` (${other} answered neither 200 nor 502)` : ''}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
