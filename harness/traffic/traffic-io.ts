// What the traffic engine does to the outside world, behind one interface: the
// clock, sleeping, autocannon bursts and millisecond-precise sends; and what it
// reads of the apps' own accounts (AppEvents). The live implementation talks to
// the LB on loopback; unit tests pass a simulated lab.
import { monoMs } from '../model/clock.js';
import type { SocketClosedRecord } from '../model/protocol.js';
import type { Variant, VariantName } from '../scenarios/scenarios.js';
import { autocannonBurst, type BurstSettings } from './burst.js';
import { fireAt, PreciseClient, requestBytes, type Outcome } from './precise-client.js';
import type { RequestRecord } from '../records/request-records.js';
import { pathFor } from './record-of.js';
import type { Method } from '../scenarios/run-options.js';

/** One request to send at an instant, on a connection opened beforehand. */
export interface AimedSend {
  /** When to write it, CLOCK_MONOTONIC ms. */
  atMonoMs: number;
  variant: Variant;
  /** Which of the variant's prepared connections carries it. */
  connectionIndex: number;
  method: Method;
  /** Where to send it; by default the route pathFor(method) picks. */
  path?: string;
  requestId: string;
  body: string;
  /** The app's clock: hold the response until then (a burst's, HEADERS.holdUntilMonoMs). */
  holdUntilAppMs?: number;
}

export interface TrafficIo {
  /** CLOCK_MONOTONIC ms: the harness's clock, and the app's on a Linux host. */
  now(): number;
  /** Resolves after ms, or at once when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** An autocannon burst on one variant's LB port: one record per request. */
  burst(settings: BurstSettings): Promise<RequestRecord[]>;
  /**
   * Makes sure `connections` keep-alive connections to the variant's LB port are open, none idle longer than maxIdleMs.
   */
  prepare(variant: Variant, connections: number, maxIdleMs?: number): Promise<void>;
  /** Sends each request at its instant; the outcome of each, null for a send an abort skipped. */
  fire(sends: readonly AimedSend[], signal: AbortSignal): Promise<(Outcome | null)[]>;
  /** Closes every connection it opened. */
  close(): void;
}

/** What the engine reads of an app's connection accounting (AppMonitor, live). */
export interface AppEvents {
  /** When the app finished the nth response on a socket (its clock), if it said so yet. */
  responseEnd(socketId: number, request: number): number | undefined;
  /** Waits, at most timeoutMs, until the app has reported the end of every listed response. */
  waitForResponseEnds(
    keys: ReadonlyArray<{ socketId: number; request: number }>,
    timeoutMs: number,
  ): Promise<Map<string, number>>;
  /** Every socket the app closed so far, in order. */
  readonly closes: readonly SocketClosedRecord[];
}

/** A variant's app events; the lab passes them for every variant it drives, so a missing one is a bug. */
export function appEventsOf(apps: ReadonlyMap<VariantName, AppEvents>, variant: VariantName): AppEvents {
  const app = apps.get(variant);
  if (!app) throw new Error(`no app events for variant ${variant}`);
  return app;
}

/** Resolves after ms, or at once when the signal aborts. */
function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The real thing: requests through the LB on 127.0.0.1. */
export function liveTrafficIo(): TrafficIo {
  // One set of connections per LB port and pool: a long-lane cycle's requests name their pool (HEADERS.pool), and
  // behind HAProxy's http-reuse safe only a client connection's second request may get the idle server connection
  // its first left.
  const clients = new Map<string, PreciseClient>();
  const clientFor = (variant: Variant) => {
    const key = `${variant.lbPort}/${variant.pool ?? 0}`;
    let client = clients.get(key);
    if (!client) clients.set(key, (client = new PreciseClient(variant.lbPort)));
    return client;
  };
  return {
    now: monoMs,
    sleep: abortableSleep,
    burst: autocannonBurst,
    prepare: (variant, connections, maxIdleMs) => clientFor(variant).prepare(connections, maxIdleMs),
    fire: (sends, signal) =>
      fireAt(
        sends.map((s) => ({
          atMonoMs: s.atMonoMs,
          client: clientFor(s.variant),
          connectionIndex: s.connectionIndex,
          request: requestBytes(
            s.method,
            s.path ?? pathFor(s.method, s.variant),
            s.variant.lbPort,
            s.requestId,
            s.body,
            s.holdUntilAppMs,
            s.variant.pool,
          ),
        })),
        signal,
      ),
    close: () => {
      for (const client of clients.values()) client.close();
      clients.clear();
    },
  };
}
