// Where, against the app's keep-alive timer, does a request reused on an idle
// connection get lost? A local experiment on loopback, no Docker, no LB:
//
//   npx tsx scripts/race-window-experiment.ts [--out FILE] [--repeats N]
//
// A plain Node http.Server (scripts/race-window-server.cjs, keepAliveTimeout
// 1000 ms) runs with the lab's preload, which records when each socket's
// keep-alive timer was due and when it fired. Per trial a raw TCP client (the
// LB's part) gets one response on a fresh connection, then sends its next
// request on it at a planned offset from the instant the timer is due. In half
// the trials another request first holds the app's event loop for 20 ms,
// starting 5 ms before that instant (a page render). What the client sees
// first says where the request was: an answer (read in time), a reset (it lay
// unread in the socket when the app closed it: Linux resets a connection
// closed with unread data) or a FIN (the app had closed before it came).
// Client and app share one CLOCK_MONOTONIC, so no clock is estimated.
// One JSON line per trial goes to --out (docs/measurements/race-window/).
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { NODE_KEEP_ALIVE_BUFFER_MS, parseAppRecords } from '../harness/records/app-records.js';
import { monoMs, roundMs } from '../harness/model/clock.js';
import { HEADERS, type SocketClosedRecord } from '../harness/model/protocol.js';

const KEEP_ALIVE_TIMEOUT_MS = 1_000;
/** The render that holds the loop, and how long before the timer's due instant it starts. */
const BUSY_MS = 20;
const BUSY_LEAD_MS = 5;
/** Planned send − the timer's due instant, per condition (ms). */
const OFFSETS = {
  idle: [-3, -2, -1, -0.5, 0, 0.5, 1, 2, 3],
  busy: [-9, -7, -6, -5.5, -4.5, -4, -2, 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22],
} as const;
/** Bounds on every wait: a trial that exceeds one is recorded as such, never waited on forever. */
const OUTCOME_WAIT_MS = 1_000;
const RECORD_WAIT_MS = 3_000;

const preload = fileURLToPath(new URL('../app/lab/connection-accounting.cjs', import.meta.url));
const serverScript = fileURLToPath(new URL('./race-window-server.cjs', import.meta.url));

/** One trial as written to the data file: raw instants on the shared clock (ms), then what they imply. */
export interface Trial {
  node: string;
  keepAliveTimeoutMs: number;
  busyMs: number;
  busyLeadMs: number;
  plannedOffsetMs: number;
  /**
   * What the client saw first after its send: 'served' (an answer), 'reset' (ECONNRESET), 'fin' (EOF), 'none' (nothing
   * in time).
   */
  outcome: 'served' | 'reset' | 'fin' | 'none';
  /** The client saw the app's FIN before it sent. */
  finBeforeSend: boolean;
  sentAtMonoMs: number;
  /** The app finished the connection's first response (its response-finished record). */
  responseEndMonoMs: number;
  /**
   * The preload's record of the timer: due, fired, the close event; null when it never fired (the request was read
   * first).
   */
  timerDueMonoMs: number | null;
  timerAtMonoMs: number | null;
  closedAtMonoMs: number | null;
  /** The busy request's start and end in the app; null without one. */
  busyStartMonoMs: number | null;
  busyEndMonoMs: number | null;
  /**
   * sent − due, where due is the preload's when the timer fired, else response end + keepAliveTimeout + Node's buffer.
   */
  sentMinusDueMs: number;
  /** sent − the timer's firing; null when it never fired. */
  sentMinusTimerMs: number | null;
  /** The timer's firing − its due instant: the event loop's delay; null when it never fired. */
  loopDelayMs: number | null;
}

interface Server {
  child: ChildProcess;
  port: number;
  output: () => string;
}

async function until<T>(what: string, get: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = monoMs() + timeoutMs;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (monoMs() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

async function startServer(): Promise<Server> {
  const child = spawn(process.execPath, ['--require', preload, serverScript], {
    env: {
      ...process.env,
      KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_TIMEOUT_MS),
      LAB_VARIANT: 'experiment',
      LAB_APP_CLOCK_OFFSET_MS: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  const port = await until('the server to listen', () => /"listening":(\d+)/.exec(output)?.[1], 10_000);
  return { child, port: Number(port), output: () => output };
}

async function connect(port: number): Promise<net.Socket> {
  // Half-open allowed: like an LB that has not yet noticed the app's FIN, the client still sends.
  const socket = net.connect({ host: '127.0.0.1', port, allowHalfOpen: true, noDelay: true });
  await once(socket, 'connect');
  return socket;
}

/** Sends GET path and resolves with the response's headers (lower-cased) once its body ("ok\n") is in. */
async function get(socket: net.Socket, path: string): Promise<Record<string, string>> {
  let text = '';
  const done = new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      text += d.toString('latin1');
      if (text.endsWith('ok\n')) {
        socket.off('data', onData);
        socket.off('error', reject);
        resolve();
      }
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
  socket.write(`GET ${path} HTTP/1.1\r\nHost: lab\r\n\r\n`);
  await Promise.race([done, sleep(OUTCOME_WAIT_MS).then(() => Promise.reject(new Error(`no answer to GET ${path}`)))]);
  const headers: Record<string, string> = {};
  for (const line of text.split('\r\n\r\n')[0].split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Waits on the timer's clock, to a few µs: a timer to within 3 ms, then a spin. */
async function at(instantMs: number): Promise<void> {
  const ahead = instantMs - monoMs() - 3;
  if (ahead > 0) await sleep(ahead);
  while (monoMs() < instantMs) {
    // spin
  }
}

function appRecords(server: Server) {
  return parseAppRecords(server.output());
}

/** When the app finished the first response on a socket, once it has said so. */
function responseEnd(server: Server, socketId: number): number | undefined {
  for (const r of appRecords(server))
    if (r.lab === 'response-finished' && r.socketId === socketId && r.request === 1) return r.endMonoMs;
  return undefined;
}

async function trial(server: Server, busyMs: number, plannedOffsetMs: number): Promise<Trial> {
  const victim = await connect(server.port);
  const busy = busyMs > 0 ? await connect(server.port) : null;
  try {
    const socketId = Number((await get(victim, '/'))[HEADERS.socketId]);
    const responseEndMonoMs = await until('the first response', () => responseEnd(server, socketId), RECORD_WAIT_MS);
    const dueEstimate = responseEndMonoMs + KEEP_ALIVE_TIMEOUT_MS + NODE_KEEP_ALIVE_BUFFER_MS;

    // What the victim sees first, from now on.
    let first: { what: Trial['outcome']; atMs: number } | null = null;
    const see = (what: Trial['outcome']) => () => {
      first ??= { what, atMs: monoMs() };
    };
    victim.on('data', see('served'));
    victim.on('end', see('fin'));
    victim.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? see('reset')() : see('none')()));

    // The two sends in the order of their instants.
    let busyAnswer: Promise<Record<string, string>> | null = null;
    let finBeforeSend = false;
    let sentAtMonoMs = NaN;
    const sends = [
      {
        atMs: dueEstimate + plannedOffsetMs,
        send: () => {
          finBeforeSend = (first as { what: string } | null)?.what === 'fin';
          victim.write('GET / HTTP/1.1\r\nHost: lab\r\n\r\n');
          sentAtMonoMs = monoMs();
        },
      },
      ...(busy
        ? [{ atMs: dueEstimate - BUSY_LEAD_MS, send: () => void (busyAnswer = get(busy, `/busy/${busyMs}`)) }]
        : []),
    ].sort((a, b) => a.atMs - b.atMs);
    for (const s of sends) {
      await at(s.atMs);
      s.send();
    }
    await until(
      'what the client sees',
      () =>
        first ?? (monoMs() - sentAtMonoMs > OUTCOME_WAIT_MS ? { what: 'none' as const, atMs: monoMs() } : undefined),
      OUTCOME_WAIT_MS * 2,
    );
    const busyHeaders = busyAnswer === null ? null : await (busyAnswer as Promise<Record<string, string>>);
    victim.destroy();
    busy?.destroy();

    const closed = await until(
      'the victim socket-closed record',
      () =>
        appRecords(server).find((r): r is SocketClosedRecord => r.lab === 'socket-closed' && r.socketId === socketId),
      RECORD_WAIT_MS,
    );
    const busySocket = busyHeaders ? Number(busyHeaders[HEADERS.socketId]) : null;
    const busyEnd = busySocket === null ? null : (responseEnd(server, busySocket) ?? null);
    const timerDueMonoMs = closed.keepAliveTimerDueMonoMs ?? null;
    const timerAtMonoMs = closed.keepAliveTimerAtMonoMs;
    const due = timerDueMonoMs ?? dueEstimate;
    const outcome = (first as { what: Trial['outcome'] } | null)?.what ?? 'none';
    return {
      node: process.version,
      keepAliveTimeoutMs: KEEP_ALIVE_TIMEOUT_MS,
      busyMs,
      busyLeadMs: busyMs > 0 ? BUSY_LEAD_MS : 0,
      plannedOffsetMs,
      outcome,
      finBeforeSend,
      sentAtMonoMs: roundMs(sentAtMonoMs),
      responseEndMonoMs,
      timerDueMonoMs,
      timerAtMonoMs,
      closedAtMonoMs: timerAtMonoMs === null ? null : closed.closedAtMonoMs,
      busyStartMonoMs: busyHeaders ? Number(busyHeaders[HEADERS.requestStartMonoMs]) : null,
      busyEndMonoMs: busyEnd,
      sentMinusDueMs: roundMs(sentAtMonoMs - due),
      sentMinusTimerMs: timerAtMonoMs === null ? null : roundMs(sentAtMonoMs - timerAtMonoMs),
      loopDelayMs: timerAtMonoMs === null || timerDueMonoMs === null ? null : roundMs(timerAtMonoMs - timerDueMonoMs),
    };
  } finally {
    victim.destroy();
    busy?.destroy();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'docs/measurements/race-window/loopback.ndjson' },
      repeats: { type: 'string', default: '2' },
    },
  });
  const repeats = Math.min(10, Math.max(1, Number(values.repeats)));
  const server = await startServer();
  const trials: Trial[] = [];
  try {
    for (let r = 0; r < repeats; r++) {
      for (const [busyMs, offsets] of [
        [0, OFFSETS.idle],
        [BUSY_MS, OFFSETS.busy],
      ] as const) {
        for (const offset of offsets) {
          const t = await trial(server, busyMs, offset);
          trials.push(t);
          process.stderr.write(
            `busy ${busyMs} ms, planned ${offset} ms: ${t.outcome}${t.finBeforeSend ? ' (FIN before the send)' : ''}; sent − due ${t.sentMinusDueMs} ms, loop delay ${t.loopDelayMs ?? '—'} ms\n`,
          );
        }
      }
    }
  } finally {
    server.child.kill('SIGTERM');
  }
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, trials.map((t) => JSON.stringify(t)).join('\n') + '\n');
  process.stderr.write(`${trials.length} trials written to ${values.out}\n`);
}

await main();
