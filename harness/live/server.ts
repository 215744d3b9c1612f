// --live: a page on 127.0.0.1 that follows the run, fed by server-sent events.
// node:http and nothing else: GET / is the page, GET /events the stream
// (event-stream.ts), anything else 404. Loopback only: the lab's story is for
// the speaker's own browser, never the conference Wi-Fi.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LabError, messageOf } from '../model/errors.js';
import { EXIT } from '../model/exit-codes.js';
import type { LabEvent } from './lab-events.js';
import { LiveChart } from './chart.js';
import { EventStream } from './event-stream.js';
import { livePageHtml } from './page.js';

/** The only address the live page is served on. */
export const LIVE_HOST = '127.0.0.1';
/** A speaker's laptop, the projector's mirror and a spare tab, with room to spare; more are refused (503). */
export const MAX_LIVE_CLIENTS = 16;
/** A comment line this often keeps a quiet stream (bring-up is quiet for up to a minute) from being dropped as idle. */
const HEARTBEAT_MS = 15_000;

/**
 * What the stream carries: the lab's events under their own type, 'chart'
 * ({ svg, cycles }, or { error }) after each one that changes the chart, and
 * 'end' ({ reason: 'done' | 'failed' | 'stopped' }) last.
 */
export type LiveMessageType = LabEvent['type'] | 'chart' | 'end';

/** A running live server; stop() ends every stream and closes it, and is safe to call twice. */
export interface LiveServer {
  /** http://127.0.0.1:<port>/ */
  readonly url: string;
  readonly port: number;
  /**
   * Sends a lab event to every open page and keeps it for pages that join later; after 'done' or 'failed', 'end'
   * follows and the stream is over.
   */
  publish(event: LabEvent): void;
  stop(): Promise<void>;
}

export interface LiveServerOptions {
  /** 0 or absent: any free port. A port the user chose that is taken is their mistake (exit 2). */
  port?: number;
  /** How often an idle stream gets a comment line; HEARTBEAT_MS by default (tests shorten it). */
  heartbeatMs?: number;
}

/** The page's own rules: nothing but itself (inline style and script) and its event stream; no other origin, ever. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * Answers a request: the page at /, the stream at /events, 404 elsewhere; only to a Host of the port it listens on
 * (portOf: known once it listens).
 */
function requestHandler(stream: EventStream, portOf: () => number): RequestListener {
  return (req, res) => {
    const port = portOf();
    // A page of another site that resolves its own name to 127.0.0.1 (DNS rebinding) sends its own Host: refused.
    const host = req.headers.host ?? '';
    if (host !== `${LIVE_HOST}:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`This live page answers as ${LIVE_HOST}:${port} only.\n`);
      return;
    }
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && !(req.method === 'HEAD' && path === '/')) {
      res.writeHead(405, { allow: 'GET', 'content-type': 'text/plain; charset=utf-8' });
      res.end('GET only.\n');
    } else if (path === '/') {
      res.writeHead(200, PAGE_HEADERS);
      res.end(req.method === 'HEAD' ? undefined : livePageHtml());
    } else if (path === '/events') {
      stream.attach(req, res);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found: the live page is at /.\n');
    }
  };
}

/** Listens on 127.0.0.1 at the requested port (0: any free one); a failure ends the stream and says why in a line. */
async function listen(server: Server, requestedPort: number, stream: EventStream): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      stream.end('end', { reason: 'stopped' });
      reject(listenError(err, requestedPort));
    };
    server.once('error', onError);
    server.listen(requestedPort, LIVE_HOST, () => {
      server.off('error', onError);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** Starts the server on 127.0.0.1; resolves once it listens. */
export async function startLiveServer(options: LiveServerOptions = {}): Promise<LiveServer> {
  const stream = new EventStream(MAX_LIVE_CLIENTS, options.heartbeatMs ?? HEARTBEAT_MS);
  const chart = new LiveChart();
  let port = options.port ?? 0;
  const server = createServer(requestHandler(stream, () => port));
  port = await listen(server, port, stream);

  let closing: Promise<void> | null = null;
  return {
    url: `http://${LIVE_HOST}:${port}/`,
    port,
    publish(event) {
      if (stream.isEnded) return;
      stream.send(event.type, event);
      try {
        const svg = chart.observe(event);
        if (svg !== null) stream.send('chart', { svg, cycles: chart.cycleCount }, { supersedes: true });
      } catch (err) {
        // A chart that cannot be drawn leaves the rest of the page live, and says so on it.
        stream.send('chart', { error: `The chart could not be drawn: ${messageOf(err)}` }, { supersedes: true });
      }
      if (event.type === 'done' || event.type === 'failed') stream.end('end', { reason: event.type });
    },
    stop() {
      // A page still open hears the stream is over, so it stops reconnecting to a server that is gone.
      stream.end('end', { reason: 'stopped' });
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A browser's idle keep-alive connection must not hold the close (and the lab's exit) up.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** Why the server could not listen, as one line: a port the user chose that is taken is their mistake. */
function listenError(err: NodeJS.ErrnoException, requestedPort: number): LabError {
  if (requestedPort !== 0 && err.code === 'EADDRINUSE') {
    return new LabError(
      `--live-port ${requestedPort} is taken: something already listens on ${LIVE_HOST}:${requestedPort}.`,
      'Pick another port, or leave --live-port out and the live page takes a free one.',
      EXIT.badInput,
    );
  }
  if (requestedPort !== 0 && err.code === 'EACCES') {
    return new LabError(
      `--live-port ${requestedPort} needs privileges this user lacks.`,
      'Use a port above 1023, or leave --live-port out.',
      EXIT.badInput,
    );
  }
  return new LabError(
    `The live page could not listen on ${LIVE_HOST}: ${err.message}.`,
    'Run without --live; the terminal shows the same run.',
  );
}
