// Hand-made records for the traffic engine's parts (estimates, aim policy,
// cycle report, cycle steps, naive cycles): a request the lane sent, a socket
// an app closed, an app's events that only hold what a test gives them, and a
// TrafficIo whose clock moves only when slept.
import { HEADERS, type SocketClosedRecord } from '../../harness/model/protocol.js';
import type { RequestRecord } from '../../harness/records/request-records.js';
import type { Variant } from '../../harness/scenarios/scenarios.js';
import type { BurstSettings } from '../../harness/traffic/burst.js';
import type { Outcome } from '../../harness/traffic/precise-client.js';
import type { AimedSend, AppEvents, TrafficIo } from '../../harness/traffic/traffic-io.js';

/** An aimed POST of variant 'default', cycle 1, answered 200 on a new upstream connection; override what matters. */
export function request(over: Partial<RequestRecord> = {}): RequestRecord {
  return {
    requestId: 'c1-default-aimed-0',
    variant: 'default',
    method: 'POST',
    cycle: 1,
    phase: 'aimed',
    idleGapMs: 6_000,
    offsetMs: 0,
    startMonoMs: 10_000,
    latencyMs: 2,
    status: 200,
    error: null,
    upstreamSocketId: 1,
    upstreamSocketRequest: 1,
    appStartMonoMs: null,
    achievedIdleMs: null,
    ...over,
  };
}

/** The LB's own 502: no response of the app's, so none of its stamps. */
export const LB_502 = { status: 502, upstreamSocketId: null, upstreamSocketRequest: null, appStartMonoMs: null };

/**
 * A socket the app closed by its keep-alive timer: idle from `lastEndMs`, the
 * timer fired `idleMs` later (app clock), its 'close' event 5 ms after that.
 */
export function appClose(socketId: number, lastEndMs: number, idleMs: number): SocketClosedRecord {
  return {
    lab: 'socket-closed',
    variant: 'default',
    pid: 1,
    socketId,
    remote: 'lb',
    requests: 2,
    acceptedAtMonoMs: 0,
    lastResponseEndMonoMs: lastEndMs,
    closedAtMonoMs: lastEndMs + idleMs + 5,
    keepAliveTimerAtMonoMs: lastEndMs + idleMs,
    idleMs,
    closedBy: 'app',
    reason: 'keep-alive-timeout',
    keepAliveTimeoutMs: 5_000,
    headersTimeoutMs: 60_000,
  };
}

/** A socket the LB closed (a FIN from the peer) after it had been idle `idleMs` since `lastEndMs` (app clock). */
export function lbClose(socketId: number, lastEndMs: number, idleMs: number): SocketClosedRecord {
  return {
    ...appClose(socketId, lastEndMs, idleMs),
    closedAtMonoMs: lastEndMs + idleMs,
    keepAliveTimerAtMonoMs: null,
    closedBy: 'peer',
    reason: 'fin',
  };
}

/** An app's events holding only the given closes and response ends (`socketId/request` → app-clock ms). */
export function appEvents(closes: SocketClosedRecord[] = [], ends: Record<string, number> = {}): AppEvents {
  return {
    closes,
    responseEnd: (socketId, nth) => ends[`${socketId}/${nth}`],
    waitForResponseEnds: async (keys) =>
      new Map(
        keys.flatMap(({ socketId, request: nth }) => {
          const key = `${socketId}/${nth}`;
          return key in ends ? [[key, ends[key]] as const] : [];
        }),
      ),
  };
}

/** An answer of the app's, stamped: on upstream socket `socketId` (its `nth` request), started at `appStartMs`. */
export function stamped(status: number, socketId: number, nth: number, appStartMs: number): Outcome['response'] {
  return {
    status,
    headers: {
      [HEADERS.socketId]: String(socketId),
      [HEADERS.socketRequest]: String(nth),
      [HEADERS.requestStartMonoMs]: String(appStartMs),
    },
    length: 0,
  };
}

/**
 * A TrafficIo for the engine's parts: its clock starts at 1000 ms and moves only
 * when slept; a burst's requests go out at the current instant and are answered
 * after 3, 5 and 4 ms in turn (untagged, as from an app without the preload);
 * every send is answered by `answer` 2 ms after it went out (200, untagged by
 * default), and none is skipped unless the signal aborted.
 */
export class ScriptedIo implements TrafficIo {
  nowMs = 1_000;
  readonly bursts: BurstSettings[] = [];
  readonly sends: AimedSend[] = [];
  readonly sleeps: number[] = [];
  /** What was prepared: a variant's connections, through one of its pools (Variant.pool) when it names one. */
  readonly prepared: Array<{ variant: string; connections: number; maxIdleMs?: number; pool?: number }> = [];
  answer: (send: AimedSend) => Outcome['response'] = () => ({ status: 200, headers: {}, length: 0 });

  now = () => this.nowMs;
  sleep = async (ms: number) => {
    this.sleeps.push(ms);
    this.nowMs += ms;
  };
  burst = async (s: BurstSettings): Promise<RequestRecord[]> => {
    this.bursts.push(s);
    return Array.from({ length: s.concurrency }, (_, i) =>
      request({
        requestId: `c${s.cycle}-${s.variant}-burst-${i}`,
        variant: s.variant,
        method: s.methods[i % s.methods.length],
        cycle: s.cycle,
        phase: 'burst',
        idleGapMs: null,
        offsetMs: null,
        startMonoMs: this.nowMs,
        latencyMs: [3, 5, 4][i % 3],
        upstreamSocketId: null,
        upstreamSocketRequest: null,
      }),
    );
  };
  prepare = async (variant: Variant, connections: number, maxIdleMs?: number) => {
    this.prepared.push({
      variant: variant.name,
      connections,
      maxIdleMs,
      ...(variant.pool === undefined ? {} : { pool: variant.pool }),
    });
  };
  fire = async (sends: readonly AimedSend[], signal: AbortSignal): Promise<(Outcome | null)[]> =>
    sends.map((s) => {
      if (signal.aborted) return null;
      this.sends.push(s);
      return { sentAtMonoMs: s.atMonoMs, doneAtMonoMs: s.atMonoMs + 2, response: this.answer(s), error: null };
    });
  close = () => {};
}
