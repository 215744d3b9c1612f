// A simulated LB + apps for the traffic engine's unit tests: a virtual clock,
// an LB that keeps idle upstream sockets and hands them out most-recent-first,
// apps that close a socket closeDelayMs after its last response, and the race:
// a request that reaches the app within raceWindowMs before that close is lost
// (a 502). Deterministic: the same calls give the same records.
import { HEADERS, type SocketClosedRecord } from '../../harness/model/protocol.js';
import type { VariantName } from '../../harness/scenarios/scenarios.js';
import type { BurstSettings } from '../../harness/traffic/burst.js';
import type { Outcome } from '../../harness/traffic/precise-client.js';
import type { RequestRecord } from '../../harness/records/request-records.js';
import type { AimedSend, AppEvents, TrafficIo } from '../../harness/traffic/traffic-io.js';

export interface SimulatedApp {
  /** Idle time after which the app closes a socket; null: never (outlives the LB). */
  closeDelayMs: number | null;
  /** Added to every time the app reports (its clock minus the harness's). */
  clockOffsetMs?: number;
}

export interface SimulationSettings {
  apps: Record<VariantName, SimulatedApp>;
  /** One-way latency client → LB → app. */
  latencyMs?: number;
  /** A request reaching the app this long (or less) before the socket's close is lost. */
  raceWindowMs?: number;
  /** How the app's response ends of one burst spread out (ms between consecutive ones). */
  burstSpacingMs?: number;
  /** Time an app takes to answer: longer than the gap between aimed sends, so a batch takes several sockets at once. */
  serviceMs?: number;
  /** False: the apps' response-finished events never arrive (as when the log stream lags). */
  reportsResponseEnds?: boolean;
  /** The LB's own idle timeout: it closes (and never hands out) sockets idle this long. Unbounded by default. */
  lbIdleMs?: number;
}

interface Socket {
  id: number;
  /** The LB's pool it belongs to (HEADERS.pool; 0: the app's main one): a request never gets another pool's. */
  pool: number;
  requests: number;
  /** Harness-clock time the last response ended: the idle start. */
  idleSince: number;
  busyUntil: number;
  closed: boolean;
}

class SimulatedAppEvents implements AppEvents {
  readonly ends = new Map<string, number>();
  readonly closes: SocketClosedRecord[] = [];
  constructor(private readonly reports: boolean) {}
  responseEnd(socketId: number, request: number): number | undefined {
    return this.ends.get(`${socketId}/${request}`);
  }
  async waitForResponseEnds(keys: ReadonlyArray<{ socketId: number; request: number }>): Promise<Map<string, number>> {
    const found = new Map<string, number>();
    if (!this.reports) return found;
    for (const k of keys) {
      const end = this.responseEnd(k.socketId, k.request);
      if (end !== undefined) found.set(`${k.socketId}/${k.request}`, end);
    }
    return found;
  }
}

export class SimulatedLab implements TrafficIo {
  nowMs = 1_000_000;
  readonly events = new Map<VariantName, SimulatedAppEvents>();
  /** Every aimed send the engine asked for, in order. */
  readonly sends: AimedSend[] = [];
  /** Every burst's hold instant (app clock), as the engine asked for it. */
  readonly holds: Array<{ variant: VariantName; cycle: number; untilAppMs: number }> = [];
  closed = false;
  private readonly sockets = new Map<VariantName, Socket[]>();
  private nextSocketId = 1;
  private readonly latencyMs: number;
  private readonly raceWindowMs: number;
  private readonly burstSpacingMs: number;
  private readonly serviceMs: number;

  constructor(private readonly settings: SimulationSettings) {
    this.latencyMs = settings.latencyMs ?? 1;
    this.raceWindowMs = settings.raceWindowMs ?? 1;
    this.burstSpacingMs = settings.burstSpacingMs ?? 0.2;
    this.serviceMs = settings.serviceMs ?? 3;
    for (const name of Object.keys(settings.apps)) {
      this.events.set(name, new SimulatedAppEvents(settings.reportsResponseEnds ?? true));
      this.sockets.set(name, []);
    }
  }

  private app(variant: VariantName): SimulatedApp {
    return this.settings.apps[variant];
  }

  private appClock(variant: VariantName, harnessMs: number): number {
    return harnessMs + (this.app(variant).clockOffsetMs ?? 0);
  }

  /** Closes every socket whose idle time ran out by `at`, recording the app's close. */
  private expire(variant: VariantName, at: number): void {
    const delay = this.app(variant).closeDelayMs;
    if (delay === null) return;
    // An LB whose timeout comes first closes the socket itself (lbExpire).
    if (this.settings.lbIdleMs !== undefined && this.settings.lbIdleMs <= delay) return;
    for (const s of this.sockets.get(variant)!) {
      if (s.closed || s.busyUntil > s.idleSince || s.idleSince + delay > at) continue;
      s.closed = true;
      const closedAt = s.idleSince + delay;
      this.events.get(variant)!.closes.push({
        lab: 'socket-closed',
        variant,
        pid: 1,
        socketId: s.id,
        remote: 'lb',
        requests: s.requests,
        acceptedAtMonoMs: 0,
        lastResponseEndMonoMs: this.appClock(variant, s.idleSince),
        closedAtMonoMs: this.appClock(variant, closedAt),
        keepAliveTimerAtMonoMs: this.appClock(variant, closedAt),
        idleMs: delay,
        closedBy: 'app',
        reason: 'keep-alive-timeout',
        keepAliveTimeoutMs: delay - 1_000,
        headersTimeoutMs: 60_000,
      });
    }
  }

  /** The LB closes the sockets it held idle past its timeout (those the app had not closed first). */
  private lbExpire(variant: VariantName, at: number): void {
    const lbIdleMs = this.settings.lbIdleMs;
    if (lbIdleMs === undefined) return;
    for (const s of this.sockets.get(variant)!) {
      if (s.closed || s.idleSince + lbIdleMs > at) continue;
      s.closed = true;
      const closedAt = s.idleSince + lbIdleMs;
      this.events.get(variant)!.closes.push({
        lab: 'socket-closed',
        variant,
        pid: 1,
        socketId: s.id,
        remote: 'lb',
        requests: s.requests,
        acceptedAtMonoMs: 0,
        lastResponseEndMonoMs: this.appClock(variant, s.idleSince),
        closedAtMonoMs: this.appClock(variant, closedAt),
        keepAliveTimerAtMonoMs: null,
        idleMs: lbIdleMs,
        closedBy: 'peer',
        reason: 'fin',
        keepAliveTimeoutMs: null,
        headersTimeoutMs: null,
      });
    }
  }

  /** One request reaching the app at `arrival` (harness clock): a socket, a status, the app's tags. */
  private serve(
    variant: VariantName,
    arrival: number,
    holdUntilAppMs?: number,
    pool = 0,
  ): { status: number; socket: Socket | null; appStart: number | null } {
    this.expire(variant, arrival);
    this.lbExpire(variant, arrival);
    const delay = this.app(variant).closeDelayMs;
    // The LB's cache: most recently idle first, among sockets it still holds and that are not busy.
    const idle = this.sockets
      .get(variant)!
      .filter((s) => !s.closed && s.pool === pool && s.busyUntil <= arrival)
      .sort((a, b) => b.idleSince - a.idleSince);
    let socket = idle[0];
    if (socket && delay !== null && socket.idleSince + delay - arrival <= this.raceWindowMs) {
      // The app is closing it as the request arrives: the LB answers 502.
      socket.closed = true;
      this.expire(variant, Number.POSITIVE_INFINITY);
      return { status: 502, socket: null, appStart: null };
    }
    if (!socket) {
      socket = { id: this.nextSocketId++, pool, requests: 0, idleSince: arrival, busyUntil: arrival, closed: false };
      this.sockets.get(variant)!.push(socket);
    }
    socket.requests += 1;
    // A held response (a burst's) finishes at the hold's instant, on the app's clock.
    const heldUntil =
      holdUntilAppMs === undefined ? -Infinity : holdUntilAppMs - (this.app(variant).clockOffsetMs ?? 0);
    const end = Math.max(arrival + this.serviceMs, heldUntil);
    socket.busyUntil = end;
    socket.idleSince = end;
    this.events.get(variant)!.ends.set(`${socket.id}/${socket.requests}`, this.appClock(variant, end));
    return { status: 200, socket, appStart: this.appClock(variant, arrival) };
  }

  now = (): number => this.nowMs;

  /**
   * Virtual time for concurrent sleepers (a pooled long lane's cycles): each
   * sleep wakes at its own instant, the earliest first, once every task that
   * could run has run (setImmediate comes after the pending promise callbacks).
   */
  sleep = (ms: number, signal: AbortSignal): Promise<void> => {
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const sleeper = { at: this.nowMs + Math.max(0, ms), resolve };
      this.sleepers.push(sleeper);
      signal.addEventListener(
        'abort',
        () => {
          this.sleepers = this.sleepers.filter((x) => x !== sleeper);
          resolve();
        },
        { once: true },
      );
      this.wakeNextSoon();
    });
  };

  private sleepers: Array<{ at: number; resolve: () => void }> = [];
  private waking = false;

  private wakeNextSoon(): void {
    if (this.waking) return;
    this.waking = true;
    setImmediate(() => {
      this.waking = false;
      if (this.sleepers.length === 0) return;
      this.sleepers.sort((a, b) => a.at - b.at);
      const next = this.sleepers.shift()!;
      this.nowMs = Math.max(this.nowMs, next.at);
      next.resolve();
      if (this.sleepers.length > 0) this.wakeNextSoon();
    });
  }

  burst = async (s: BurstSettings): Promise<RequestRecord[]> => {
    const start = this.nowMs;
    if (s.holdUntilAppMs !== undefined)
      this.holds.push({ variant: s.variant, cycle: s.cycle, untilAppMs: s.holdUntilAppMs });
    const records = Array.from({ length: s.concurrency }, (_, i): RequestRecord => {
      const method = s.methods[i % s.methods.length];
      const sent = start + i * this.burstSpacingMs;
      const served = this.serve(s.variant, sent + this.latencyMs, s.holdUntilAppMs, s.pool);
      return {
        requestId: `c${s.cycle}-${s.variant}-burst-${i}`,
        variant: s.variant,
        method,
        cycle: s.cycle,
        phase: 'burst',
        idleGapMs: null,
        offsetMs: null,
        startMonoMs: sent,
        latencyMs: 2 * this.latencyMs,
        status: served.status,
        error: null,
        upstreamSocketId: served.socket?.id ?? null,
        upstreamSocketRequest: served.socket?.requests ?? null,
        appStartMonoMs: served.appStart,
        achievedIdleMs: null,
      };
    });
    // Every variant's burst runs at once (the engine starts them together): the clock moves by one burst's sending,
    // not past its hold, which would leave the next variant's hold instant behind it and its burst unheld.
    this.nowMs = start + s.concurrency * this.burstSpacingMs + 2 * this.latencyMs;
    return records;
  };

  prepare = async (): Promise<void> => {};

  fire = async (sends: readonly AimedSend[], signal: AbortSignal): Promise<(Outcome | null)[]> => {
    this.sends.push(...sends);
    const order = sends.map((s, i) => ({ s, i })).sort((a, b) => a.s.atMonoMs - b.s.atMonoMs);
    const outcomes: (Outcome | null)[] = sends.map(() => null);
    for (const { s, i } of order) {
      if (signal.aborted) break;
      const sentAt = Math.max(this.nowMs, s.atMonoMs);
      this.nowMs = sentAt;
      const served = this.serve(s.variant.name, sentAt + this.latencyMs, s.holdUntilAppMs, s.variant.pool);
      const headers: Record<string, string> = {};
      if (served.socket && served.appStart !== null) {
        headers[HEADERS.socketId] = String(served.socket.id);
        headers[HEADERS.socketRequest] = String(served.socket.requests);
        headers[HEADERS.requestStartMonoMs] = String(served.appStart);
      }
      outcomes[i] = {
        sentAtMonoMs: sentAt,
        doneAtMonoMs: sentAt + 2 * this.latencyMs,
        response: { status: served.status, headers, length: 0 },
        error: null,
      };
    }
    this.nowMs += 2 * this.latencyMs + this.serviceMs;
    return outcomes;
  };

  close = (): void => {
    this.closed = true;
  };
}
