// A burst of C concurrent requests with autocannon: every connection sends one
// request, so the LB ends up holding C upstream sockets that go idle together.
// Timing here needs no precision; the app's clock tells when each went idle.
import autocannon from 'autocannon';
import type { EventEmitter } from 'node:events';
import type { Method } from '../options.js';
import type { VariantName } from '../scenarios.js';
import { monoMs } from '../clock.js';
import { headerNumber, pathFor, type RequestRecord } from './records.js';

export interface BurstSettings {
  port: number;
  variant: VariantName;
  cycle: number;
  concurrency: number;
  methods: readonly Method[];
  signal?: AbortSignal;
}

/** Flat [name, value, ...] header list from autocannon's parser, as a lower-cased map. */
function headerMap(flat: string[] | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (let i = 0; flat && i + 1 < flat.length; i += 2) map[flat[i].toLowerCase()] = flat[i + 1];
  return map;
}

export async function autocannonBurst(s: BurstSettings): Promise<RequestRecord[]> {
  const records: RequestRecord[] = [];
  let clientIndex = 0;
  let errors = 0;
  const instance = autocannon({
    url: `http://127.0.0.1:${s.port}`,
    connections: s.concurrency,
    amount: s.concurrency,
    timeout: 10,
    setupClient: (client: any) => {
      const index = clientIndex++;
      const method = s.methods[index % s.methods.length];
      const requestId = `c${s.cycle}-${s.variant}-burst-${index}`;
      client.setRequests([
        {
          method,
          path: pathFor(method),
          headers: { 'x-lab-request-id': requestId, 'content-type': 'application/json' },
          body: method === 'GET' ? undefined : JSON.stringify({ cycle: s.cycle, index }),
        },
      ]);
      let headers: Record<string, string> = {};
      client.on('headers', (info: { headers?: string[] }) => {
        headers = headerMap(info.headers);
      });
      client.on('response', (status: number, _bytes: number, responseTimeMs: number) => {
        const now = monoMs();
        records.push({
          requestId,
          variant: s.variant,
          method,
          cycle: s.cycle,
          phase: 'burst',
          idleGapMs: null,
          offsetMs: null,
          startMonoMs: now - responseTimeMs,
          latencyMs: responseTimeMs,
          status,
          error: null,
          upstreamSocketId: headerNumber(headers, 'x-lab-socket-id'),
          upstreamSocketRequest: headerNumber(headers, 'x-lab-socket-request'),
          appStartMonoMs: headerNumber(headers, 'x-lab-request-start-mono-ms'),
          achievedIdleMs: null,
        });
      });
    },
  } as autocannon.Options) as unknown as EventEmitter & PromiseLike<autocannon.Result> & { stop(): void };
  instance.on('reqError', () => {
    errors += 1;
  });
  const stop = () => instance.stop();
  s.signal?.addEventListener('abort', stop, { once: true });
  try {
    await instance;
  } finally {
    s.signal?.removeEventListener('abort', stop);
  }
  // autocannon does not say which connection failed; each failure is one record.
  for (let i = 0; i < errors; i++) {
    records.push({
      requestId: `c${s.cycle}-${s.variant}-burst-error-${i}`,
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
    });
  }
  return records;
}
