// Sends requests at planned instants, to the millisecond: the race window is a
// few milliseconds wide, so the aimed requests go out on connections opened
// beforehand (no handshake at send time) with a synchronous socket write,
// after a spin-wait over the last milliseconds that timers cannot resolve.
import net from 'node:net';
import { setPriority } from 'node:os';
import { parseResponse, type ParsedResponse } from './http-response.js';

import { monoMs } from '../model/clock.js';
import { HEADERS } from '../model/protocol.js';
import { EMPTY_REPLY } from '../records/request-records.js';
import { messageOf } from '../model/errors.js';

/**
 * Timers are coarse, and late when the CPU is busy: a timer only brings the
 * harness to this far before a send, and the rest is spun. A 4 ms margin was
 * not enough here: in a first cycle, with both apps and the LB on 2 cores, the
 * timer woke 6 ms late and the whole batch went out past the close. Turning
 * the event loop (setImmediate) instead of spinning would let answers and
 * another lane's sends through, but a turn stalled 12–15 ms in 1 to 3 of 12
 * runs of the fireAt test: the spin blocks the harness for 25 ms at most. Sleeping in Atomics.wait to 0.3 ms before
 * each send instead (the CPU free for the LB and the app, which share this machine's 2 cores) failed fewer of a
 * client-side aim's requests, not more: cycles of one run alternating, at 20 s behind nginx, 2026-12-07, uvicorn 24
 * and 31 of 192 against 34 and 53 spun, Go 14 and 15 against 18 and 17, plain Node 40 against 37.
 */
const SPIN_MS = 25;
const RESPONSE_TIMEOUT_MS = 15_000;
/**
 * The nice value the sending thread asks for (lower runs first). On a loaded machine the harness
 * shares the CPU with the stack it aims at and the load beside it, and a send waits for its turn.
 * Measured with bench --cpu-load 1 (load average 3–14 from other work): at the normal priority the
 * first send of 27 of 71 aimed batches went ≥ 3 ms late (up to 260 ms: the timer's wake-up came
 * late), and all of a batch within 3 ms of its plan in 15; at −10, 1 and 16 of 31. Best effort:
 * raising it needs root or CAP_SYS_NICE; without them the sends keep the normal priority.
 */
const SENDING_NICE = -10;
let priorityAsked = false;

/**
 * Asks once, for the thread that sends, to be scheduled ahead of ordinary work. On Linux that is the
 * calling thread: the harness's main JavaScript thread, for the rest of the process (the sends are
 * made there), and the processes and threads it starts afterwards (docker-compose, autocannon's
 * sockets are in-process) inherit it. The apps and LBs run as before.
 */
function raiseSendingPriority(): void {
  if (priorityAsked) return;
  priorityAsked = true;
  try {
    setPriority(SENDING_NICE);
  } catch {
    // EACCES/EPERM: not allowed here; the sends still go, only less promptly under load
  }
}

export interface Outcome {
  sentAtMonoMs: number;
  doneAtMonoMs: number;
  response: ParsedResponse | null;
  /** A client-side failure (reset, timeout) instead of a response. */
  error: string | null;
}

/** One keep-alive connection to the LB carrying one request at a time. */
class Connection {
  private socket: net.Socket | null = null;
  private connected: Promise<void> | null = null;
  /** When the connection last opened or finished a request: the LB's client keep-alive counts from here. */
  private lastUsedMonoMs = 0;
  /** Why the last open or the socket failed, for the send that then finds it closed. */
  private lastError: string | null = null;

  constructor(private readonly port: number) {}

  /**
   * Opens the connection unless it is open and was used within maxIdleMs (a longer-idle one the LB may close any
   * moment: replaced).
   */
  open(maxIdleMs = Infinity): Promise<void> {
    if (this.socket && !this.socket.destroyed && this.connected && monoMs() - this.lastUsedMonoMs > maxIdleMs)
      this.close();
    if (this.socket && !this.socket.destroyed && this.connected) return this.connected;
    this.lastUsedMonoMs = monoMs();
    const socket = net.connect({ host: '127.0.0.1', port: this.port, noDelay: true });
    this.socket = socket;
    this.connected = new Promise((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      this.lastError = err.code ?? err.message;
    });
    socket.once('connect', () => {
      this.lastError = null;
    });
    socket.on('close', () => {
      if (this.socket !== socket) return; // replaced or closed by the harness itself
      this.socket = null;
      this.lastError ??= 'closed by the LB';
    });
    return this.connected;
  }

  /** Writes now (synchronously) and resolves with the outcome; never rejects. */
  sendNow(request: Buffer): Promise<Outcome> {
    const socket = this.socket;
    const sentAtMonoMs = monoMs();
    if (!socket || socket.destroyed) {
      // Say why when known (a refused connect, a reset while idle): a bare "not open" cannot be told apart.
      const why = this.lastError ? ` (${this.lastError})` : '';
      return Promise.resolve({
        sentAtMonoMs,
        doneAtMonoMs: sentAtMonoMs,
        response: null,
        error: `connection to the LB not open${why}`,
      });
    }
    let buf = Buffer.alloc(0);
    socket.write(request);
    return new Promise<Outcome>((resolve) => {
      const done = (response: ParsedResponse | null, error: string | null) => {
        this.lastUsedMonoMs = monoMs();
        clearTimeout(timer);
        socket.off('data', onData);
        socket.off('close', onClose);
        socket.off('error', onError);
        if (error) socket.destroy();
        resolve({ sentAtMonoMs, doneAtMonoMs: monoMs(), response, error });
      };
      const onData = (chunk: Buffer) => {
        buf = Buffer.concat([buf, chunk]);
        try {
          const parsed = parseResponse(buf);
          if (parsed) done(parsed, null);
        } catch (err) {
          done(null, messageOf(err));
        }
      };
      const onError = (err: NodeJS.ErrnoException) => done(null, err.code ?? err.message);
      const onClose = () => done(null, buf.length === 0 ? EMPTY_REPLY : 'connection closed mid-response');
      const timer = setTimeout(() => done(null, 'timeout'), RESPONSE_TIMEOUT_MS);
      socket.on('data', onData);
      socket.once('error', onError);
      socket.once('close', onClose);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }
}

/** A pool of pre-opened connections to one LB port; the caller gives each its own request. */
export class PreciseClient {
  private readonly connections: Connection[] = [];

  constructor(readonly port: number) {}

  /**
   * Makes sure n connections are open, none idle longer than maxIdleMs (those
   * are replaced: the LB's client keep-alive would close them under the next
   * send). A connection that cannot open is left closed: its send then comes
   * back as a client error, which the run counts.
   */
  async prepare(n: number, maxIdleMs = Infinity): Promise<void> {
    while (this.connections.length < n) this.connections.push(new Connection(this.port));
    await Promise.all(this.connections.slice(0, n).map((c) => c.open(maxIdleMs).catch(() => undefined)));
  }

  connection(index: number): Connection {
    return this.connections[index];
  }

  close(): void {
    for (const c of this.connections) c.close();
    this.connections.length = 0;
  }
}

export interface PlannedSend {
  atMonoMs: number;
  client: PreciseClient;
  connectionIndex: number;
  request: Buffer;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends every planned request at its instant (sorted), across clients.
 * Sends already late are sent at once; the outcome records the real send time.
 * Sends skipped by an abort come back as null.
 */
export async function fireAt(plan: PlannedSend[], signal?: AbortSignal): Promise<(Outcome | null)[]> {
  raiseSendingPriority();
  const order = plan.map((p, i) => ({ p, i })).sort((a, b) => a.p.atMonoMs - b.p.atMonoMs);
  const outcomes: Promise<Outcome | null>[] = plan.map(() => Promise.resolve(null));
  for (const { p, i } of order) {
    const wait = p.atMonoMs - monoMs();
    if (wait > SPIN_MS + 1) await sleep(wait - SPIN_MS);
    if (signal?.aborted) break;
    while (monoMs() < p.atMonoMs) {
      // spin: setTimeout cannot hit a millisecond reliably
    }
    outcomes[i] = p.client.connection(p.connectionIndex).sendNow(p.request);
  }
  return Promise.all(outcomes);
}

export function requestBytes(
  method: string,
  path: string,
  port: number,
  requestId: string,
  body = '',
  holdUntilAppMs?: number,
  pool?: number,
): Buffer {
  const lines = [
    `${method} ${path} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'User-Agent: keepalive-lab',
    `${HEADERS.requestId}: ${requestId}`,
  ];
  if (holdUntilAppMs !== undefined) lines.push(`${HEADERS.holdUntilMonoMs}: ${holdUntilAppMs}`);
  if (pool !== undefined) lines.push(`${HEADERS.pool}: ${pool}`);
  if (method !== 'GET') lines.push('Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${method !== 'GET' ? body : ''}`);
}
