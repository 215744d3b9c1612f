// Measures how long an app keeps an idle keep-alive connection open, with a
// raw socket straight at it: one request, then silence until the app closes
// (or the probe gives up). The answer is what the app does, not what it says
// in its Keep-Alive header.
import { setMaxListeners } from 'node:events';
import net from 'node:net';
import { monoMs } from '../model/clock.js';
import { median } from '../model/stats.js';

export interface IdleCloseProbe {
  /** 'app' when the app closed the socket first; 'none' when it was still open at the deadline. */
  closedBy: 'app' | 'none';
  /** How the app closed: a FIN (graceful) or a reset. */
  closeKind: 'fin' | 'reset' | null;
  /** From the end of the response to the close, in ms; null if still open. */
  idleCloseMs: number | null;
  /** How long the probe watched the idle socket. */
  watchedMs: number;
  /** The Keep-Alive response header, as the app advertised it. */
  advertisedKeepAlive: string | null;
  /** Status of the probe's request. */
  status: number | null;
  /** When the response ended and the app closed the socket (harness clock); null if it never answered or closed. */
  idleFromMonoMs?: number | null;
  closedAtMonoMs?: number | null;
  /**
   * Several sockets (probeIdleCloses): whether the app closed sockets that went idle apart at one instant, as an app
   * that closes idle connections at a periodic check does (gunicorn's threaded worker, once a second) rather than at
   * each connection's own timer.
   */
  closesTogether?: boolean;
}

/**
 * How many idle sockets the probe watches per app, and how far apart they start. In most runs of the
 * client-window experiment the first of its sockets read the app's close later than the ones after it, each of
 * which closed shortly after another (docs/client-side-aim.md, its probe column): on this VM a timer that comes due
 * after seconds of an idle machine can wake late, and the lab's aimed cycles, whose sends are spun for, see the
 * awake timing. The median of five is that close however late one of them wakes.
 */
export const PROBE_SOCKETS = 5;
export const PROBE_SOCKET_STAGGER_MS = 100;
/**
 * Two probe sockets whose idle starts lie at least half a stagger apart closed together when their closes lie
 * within this: each connection's own timer would close them as far apart as they went idle. gunicorn's threaded
 * worker closed 4 of 5 within a millisecond; uvicorn's, Go's, Jetty's and Node's closed about 100 ms apart.
 */
export const CLOSED_TOGETHER_MS = 10;

/** How long the probe waits for its response before it gives up on the app. */
const RESPONSE_DEADLINE_MS = 10_000;

/** What the probe saw: the response's head, and how and after how long idle the socket ended. */
function probeOf(
  head: string,
  closedBy: IdleCloseProbe['closedBy'],
  closeKind: IdleCloseProbe['closeKind'],
  idle: { fromMonoMs: number; watchedMs: number },
): IdleCloseProbe {
  const status = /^HTTP\/1\.1 (\d{3})/.exec(head);
  const keepAlive = /\r\nkeep-alive: *([^\r\n]*)/i.exec(head);
  const { fromMonoMs, watchedMs } = idle;
  return {
    closedBy,
    closeKind,
    idleCloseMs: closedBy === 'app' ? watchedMs : null,
    watchedMs,
    advertisedKeepAlive: keepAlive ? keepAlive[1].trim() : null,
    status: status ? Number(status[1]) : null,
    idleFromMonoMs: fromMonoMs,
    closedAtMonoMs: closedBy === 'app' ? fromMonoMs + watchedMs : null,
  };
}

/**
 * The signal `probes` probes share at once: each listens on it for its whole
 * watch, and a matrix probes 19 apps side by side, past Node's default of 10
 * listeners per signal, whose "possible memory leak" warning would otherwise
 * reach the user. Aborting `signal` aborts this one.
 */
export function probesSignal(signal: AbortSignal, probes: number): AbortSignal {
  const shared = AbortSignal.any([signal]);
  setMaxListeners(Math.max(probes, 1), shared);
  return shared;
}

/** An interrupt ends a probe at once: a matrix watches idle sockets for over a minute. */
export function probeIdleClose(
  port: number,
  options: { maxWaitMs: number; path?: string; signal?: AbortSignal; host?: string },
): Promise<IdleCloseProbe> {
  const { maxWaitMs, path = '/api/health', signal, host = '127.0.0.1' } = options;
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let head = '';
    let lastDataAt: number | null = null;
    let settled = false;
    // Until the response: a bounded wait for it. After: the idle watch, restarted by any data.
    let timer = setTimeout(
      () => fail(new Error(`no response from ${host}:${port} within ${RESPONSE_DEADLINE_MS} ms`)),
      RESPONSE_DEADLINE_MS,
    );

    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      clearTimeout(timer);
      socket.destroy();
      reject(err);
    };
    const finish = (closedBy: IdleCloseProbe['closedBy'], closeKind: IdleCloseProbe['closeKind']) => {
      if (settled) return;
      if (lastDataAt === null) return fail(new Error(`${host}:${port} closed before answering the probe`));
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      clearTimeout(timer);
      const watchedMs = monoMs() - lastDataAt;
      socket.destroy();
      resolve(probeOf(head, closedBy, closeKind, { fromMonoMs: lastDataAt, watchedMs }));
    };

    const onAbort = () => fail(new Error('interrupted'));
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    socket.on('connect', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nUser-Agent: keepalive-lab-probe\r\n\r\n`);
    });
    socket.on('data', (chunk) => {
      // The server sends nothing after the response, so the last data is its end.
      lastDataAt = monoMs();
      if (head.length < 8192) head += chunk.toString('latin1');
      clearTimeout(timer);
      timer = setTimeout(() => finish('none', null), maxWaitMs);
    });
    socket.on('end', () => finish('app', 'fin'));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNRESET' && lastDataAt !== null) finish('app', 'reset');
      else fail(err);
    });
  });
}

/**
 * The probe of an app: PROBE_SOCKETS sockets, PROBE_SOCKET_STAGGER_MS apart, each as probeIdleClose, and one
 * account of those that got an answer (medianProbe). A socket that failed (an app that serves one connection at a
 * time leaves the later ones unanswered past the deadline) is left out; rejects when every one failed, or when
 * the run was interrupted (never a median of the sockets that happened to finish first).
 */
export async function probeIdleCloses(
  port: number,
  options: { maxWaitMs: number; path?: string; signal?: AbortSignal },
): Promise<IdleCloseProbe> {
  const settled = await Promise.allSettled(
    Array.from({ length: PROBE_SOCKETS }, (_, i) =>
      new Promise<void>((resolve) => setTimeout(resolve, i * PROBE_SOCKET_STAGGER_MS)).then(() => {
        if (options.signal?.aborted) throw new Error('interrupted');
        return probeIdleClose(port, options);
      }),
    ),
  );
  if (options.signal?.aborted) throw new Error('interrupted');
  const answered = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  if (answered.length === 0) throw (settled[0] as PromiseRejectedResult).reason;
  return { ...medianProbe(answered), closesTogether: closedTogether(answered) };
}

/**
 * Whether any two of an app's probe sockets that went idle at least half a stagger apart closed within
 * CLOSED_TOGETHER_MS of each other.
 */
export function closedTogether(probes: readonly IdleCloseProbe[]): boolean {
  const closed = probes.flatMap((p) =>
    p.closedAtMonoMs === null || p.closedAtMonoMs === undefined || p.idleFromMonoMs == null
      ? []
      : [{ from: p.idleFromMonoMs, at: p.closedAtMonoMs }],
  );
  return closed.some((a, i) =>
    closed
      .slice(i + 1)
      .some(
        (b) => Math.abs(a.from - b.from) >= PROBE_SOCKET_STAGGER_MS / 2 && Math.abs(a.at - b.at) <= CLOSED_TOGETHER_MS,
      ),
  );
}

/**
 * Several probes of one app as one: closed by the app when most of its sockets were, at the median of their
 * closes (watched that long), its close kind, Keep-Alive header and status those of the socket at that median;
 * else still open, watched as long as the longest watch, as the first socket said.
 */
export function medianProbe(probes: readonly IdleCloseProbe[]): IdleCloseProbe {
  if (probes.length === 0) throw new Error('no probe to summarize');
  const closed = probes
    .flatMap((p) => (p.idleCloseMs === null ? [] : [{ probe: p, idleCloseMs: p.idleCloseMs }]))
    .sort((a, b) => a.idleCloseMs - b.idleCloseMs);
  if (closed.length * 2 <= probes.length) {
    const watchedMs = Math.max(...probes.map((p) => p.watchedMs));
    return { ...probes[0], closedBy: 'none', closeKind: null, idleCloseMs: null, watchedMs };
  }
  const at = closed[Math.floor((closed.length - 1) / 2)].probe;
  const idleCloseMs = median(closed.map((c) => c.idleCloseMs));
  return { ...at, idleCloseMs, watchedMs: idleCloseMs ?? at.watchedMs };
}
