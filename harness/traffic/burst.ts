// A burst of C concurrent requests with autocannon: every connection sends one
// request, so the LB ends up holding C upstream sockets that go idle together.
// Timing here needs no precision; the app's clock tells when each went idle.
import autocannon from 'autocannon';
import { HEADERS } from '../model/protocol.js';
import type { VariantName } from '../scenarios/scenarios.js';
import { monoMs } from '../model/clock.js';
import type { RequestRecord } from '../records/request-records.js';
import { burstPathFor, upstreamTags } from './record-of.js';
import type { Method } from '../scenarios/run-options.js';

/** autocannon's per-request timeout is in seconds; a burst request through the LB answers in milliseconds. */
const BURST_REQUEST_TIMEOUT_S = 10;

export interface BurstSettings {
  port: number;
  variant: VariantName;
  cycle: number;
  concurrency: number;
  methods: readonly Method[];
  /**
   * The app's clock: every response is held until then, so the connections go idle together (HEADERS.holdUntilMonoMs).
   */
  holdUntilAppMs?: number;
  /** A user's app: the path every request asks (--path); the sample app's cheapest routes otherwise. */
  trafficPath?: string;
  /** The LB's pool for the app its requests name (HEADERS.pool, Variant.pool); undefined: the app's main one. */
  pool?: number;
  signal?: AbortSignal;
}

/**
 * autocannon's 'headers' event passes its HTTP parser's info, whose `headers`
 * is a flat [name, value, ...] list (its type definitions say otherwise);
 * returned as a lower-cased map.
 */
export function headerMap(info: unknown): Record<string, string> {
  const flat = (info as { headers?: unknown } | null)?.headers;
  const map: Record<string, string> = {};
  if (!Array.isArray(flat)) return map;
  for (let i = 0; i + 1 < flat.length; i += 2) map[String(flat[i]).toLowerCase()] = String(flat[i + 1]);
  return map;
}

/** The record of a burst request autocannon saw fail; it does not say which connection's it was. */
function clientErrorRecord(s: BurstSettings, index: number): RequestRecord {
  return {
    requestId: `c${s.cycle}-${s.variant}-burst-error-${index}`,
    variant: s.variant,
    method: 'unknown',
    cycle: s.cycle,
    phase: 'burst',
    idleGapMs: null,
    offsetMs: null,
    startMonoMs: monoMs(),
    latencyMs: null,
    status: null,
    error: 'client error (autocannon)',
    upstreamSocketId: null,
    upstreamSocketRequest: null,
    appStartMonoMs: null,
    achievedIdleMs: null,
  };
}

/** The request one burst connection sends: the nth of the burst, its method's cheapest route, held if asked. */
function burstRequest(s: BurstSettings, method: Method, requestId: string, index: number): autocannon.Request {
  return {
    method,
    path: s.trafficPath ?? burstPathFor(method),
    headers: {
      [HEADERS.requestId]: requestId,
      'content-type': 'application/json',
      ...(s.holdUntilAppMs === undefined ? {} : { [HEADERS.holdUntilMonoMs]: String(s.holdUntilAppMs) }),
      ...(s.pool === undefined ? {} : { [HEADERS.pool]: String(s.pool) }),
    },
    body: method === 'GET' ? undefined : JSON.stringify({ cycle: s.cycle, index }),
  };
}

/** The record of an answered burst request, as its response arrives (now). */
function answeredRecord(
  s: BurstSettings,
  request: { requestId: string; method: Method },
  response: { status: number; responseTimeMs: number; headers: Record<string, string> },
): RequestRecord {
  const now = monoMs();
  return {
    requestId: request.requestId,
    variant: s.variant,
    method: request.method,
    cycle: s.cycle,
    phase: 'burst',
    idleGapMs: null,
    offsetMs: null,
    startMonoMs: now - response.responseTimeMs,
    latencyMs: response.responseTimeMs,
    status: response.status,
    error: null,
    ...upstreamTags(response.headers),
    achievedIdleMs: null,
  };
}

/** Sends the burst and resolves with one record per request (answered or failed). */
export async function autocannonBurst(s: BurstSettings): Promise<RequestRecord[]> {
  const records: RequestRecord[] = [];
  let clientIndex = 0;
  let errors = 0;
  const setupClient = (client: autocannon.Client) => {
    const index = clientIndex++;
    const method = s.methods[index % s.methods.length];
    const requestId = `c${s.cycle}-${s.variant}-burst-${index}`;
    client.setRequests([burstRequest(s, method, requestId, index)]);
    let headers: Record<string, string> = {};
    client.on('headers', (info: unknown) => {
      headers = headerMap(info);
    });
    client.on('response', (status, _bytes, responseTimeMs) => {
      records.push(answeredRecord(s, { requestId, method }, { status, responseTimeMs, headers }));
    });
  };
  await runAutocannon(s, setupClient, () => {
    errors += 1;
  });
  for (let i = 0; i < errors; i++) records.push(clientErrorRecord(s, i));
  return records;
}

/** One autocannon run: a connection per request, one request each; stopped by the burst's signal. */
function runAutocannon(
  s: BurstSettings,
  setupClient: (client: autocannon.Client) => void,
  onRequestError: () => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let stop = () => {};
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${s.port}`,
        connections: s.concurrency,
        amount: s.concurrency,
        timeout: BURST_REQUEST_TIMEOUT_S,
        setupClient,
      },
      (err) => {
        s.signal?.removeEventListener('abort', stop);
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolve();
      },
    );
    stop = () => instance.stop();
    s.signal?.addEventListener('abort', stop, { once: true });
    instance.on('reqError', onRequestError);
  });
}
