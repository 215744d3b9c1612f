// The steps on the wire a lane's cycles are made of, on all its variants at
// once: the calibration before the first cycle, the burst that leaves the LB
// holding idle upstream connections (and when each went idle), and the batch
// sent around an instant per variant. Every step keeps the records of what it
// sent: together they are the lane's records.
import { clientIdleTimeoutOf } from '../scenarios/lb-fixes.js';
import { LabError } from '../model/errors.js';
import { roundMs } from '../model/clock.js';
import { clientSymptom, type Phase, type RequestRecord } from '../records/request-records.js';
import type { Method } from '../scenarios/run-options.js';
import { poolOf, type Scenario, type Variant, type VariantName } from '../scenarios/scenarios.js';
import { LB_DRIVERS } from '../lb/drivers.js';
import type { Estimates } from './estimates.js';
import type { Outcome } from './precise-client.js';
import { burstPathFor, requestRecordOf, type RecordBase } from './record-of.js';
import { appEventsOf, type AimedSend, type AppEvents, type TrafficIo } from './traffic-io.js';

/**
 * The engine's own client connections are replaced before a send once idle
 * this close to the LB's client keep-alive (65 s): a long-lane cycle whose
 * apps are aimed past the LB's timeout (behind HAProxy) runs over a minute,
 * and the LB would close them under the send (measured: 17 sends lost so).
 */
export const CLIENT_IDLE_MARGIN_MS = 2_000;
/** Long gaps are slept in steps of at most this, so an interrupt is honoured quickly... */
export const LONG_SLEEP_STEP_MS = 5_000;
/** ...and the last second before the sends is left to fireAt's precise wait. */
export const LONG_SLEEP_WAKE_EARLY_MS = 1_000;
/**
 * How long to wait after a burst for the app's response-finished lines. They come
 * through Docker's log stream within about 100 ms here; past this, the response's
 * start header stands in (see APP_RESPONSE_MS).
 */
export const EVENT_WAIT_MS = 1_500;
/**
 * The sample app answers in about a millisecond: start header + this ≈ the idle start (or the hold's instant, if
 * later).
 */
export const APP_RESPONSE_MS = 1;
/**
 * A burst's responses are held to an instant this far after its sends would
 * reach the app: long enough for the app to have handled all of them, short
 * beside a cycle. Measured here (Docker, both apps bursting at once on 2
 * cores): with 100 ms, handlers still running at the instant ended up to 25 ms
 * after it in a third of the cycles (autocannon's start-up and the other
 * app's burst take their share), and those cycles' closes spread as before.
 */
export const BURST_HOLD_MS = 250;
/** Calibration asks the app's cheapest route: its start header then measures the path, not the page. */
export const CALIBRATION_PATH = '/api/health';
/**
 * Requests per variant that measure the send-to-app delay and the app clock before the first cycle, and the pause
 * between them.
 */
export const CALIBRATION_SENDS = 3;
export const CALIBRATION_PAUSE_MS = 20;

/** Where one variant's sends of a cycle go: the idle gap of their center, and each send's offset from it. */
export interface VariantAim {
  gapMs: number;
  centerOffsetMs: number;
  relativeOffsetsMs: number[];
}

/** One variant's sends of a cycle: its aim, and when (harness clock) its center send goes; null: not this cycle. */
export interface AimedVariant {
  variant: Variant;
  aim: VariantAim;
  centerMonoMs: number | null;
  /**
   * Aimed one per connection (CycleStepsInput.aimsPerConnection): send i's center, through pool i + 1, at its own
   * connection's close; null for a connection the burst left no idle start on (that send is not made).
   */
  connectionCentersMonoMs?: readonly (number | null)[];
}

/** A lane as its steps on the wire see it. */
export interface CycleStepsInput {
  scenario: Scenario;
  /** The lane's variants. */
  variants: readonly Variant[];
  methods: readonly Method[];
  apps: ReadonlyMap<VariantName, AppEvents>;
  io: TrafficIo;
  signal: AbortSignal;
  /** Calibration feeds each app's clock; bursts are held by it. */
  estimates: Estimates;
  /** Requests per cycle (burst and batch) of a variant (AimPolicy.sendsPerCycle). */
  sendsPerCycle: (v: Variant) => number;
  /**
   * Whether a variant goes one connection per pool (AimPolicy.aimsPerConnection, decided once after calibration): its
   * burst's request i through pool i + 1, so that each pool holds one idle connection whose close the batch's request
   * i is aimed at.
   */
  aimsPerConnection?: (v: Variant) => boolean;
  /** Where the records go: the lane's, when several steps (a pooled long lane's cycles) make one lane. */
  records?: RequestRecord[];
  /**
   * A pooled cycle's: its variants' bursts start this span apart in all, one
   * app at a time, and so (a gap later) do their batches. 32 requests to each
   * of 11 Next.js apps at one instant took this 2-core machine 1.4 s to serve
   * (about 4 ms each); a request the LB had written meanwhile lay unread in a
   * fixed app's socket past its own close.
   */
  burstSpreadMs?: number;
}

/** One lane's steps on the wire, and the records of every request they sent. */
export class CycleSteps {
  /** Every request the lane sent, in the order their records were kept. */
  readonly records: RequestRecord[];
  /** Per variant aimed one per connection, the last burst's idle start on each connection (pool order); null: none. */
  private readonly connectionIdleStarts = new Map<VariantName, (number | null)[]>();

  constructor(private readonly input: CycleStepsInput) {
    this.records = input.records ?? [];
  }

  /** The variants its steps send to (a pooled cycle's name their pool). */
  get variants(): readonly Variant[] {
    return this.input.variants;
  }

  /** Whether its signal (the lane's, or a pooled wave's) has stopped it. */
  get aborted(): boolean {
    return this.input.signal.aborted;
  }

  /**
   * A variant's client connections idle longer than this are replaced before they carry a request
   * (CLIENT_IDLE_MARGIN_MS): the LB's client keep-alive, or an LB-side fix's shorter one (HAProxy's 4 s closed 57
   * prepared connections under their sends, a run of 2026-12-06).
   */
  private clientMaxIdleMs(v: Variant): number {
    return clientIdleTimeoutOf(v.lbFix, this.input.scenario.lb.clientKeepaliveTimeoutMs) - CLIENT_IDLE_MARGIN_MS;
  }

  /**
   * Before the first cycle, a few requests per app measure when a send reaches
   * it (its clock's offset + the one-way latency): no clock is assumed shared.
   */
  async calibrate(): Promise<void> {
    const { io, signal, variants, estimates } = this.input;
    for (const v of variants) {
      await io.prepare(v, 1);
      const calibration: RequestRecord[] = [];
      for (let i = 0; i < CALIBRATION_SENDS; i++) {
        const { send, base } = this.calibrationRequest(v, i, io.now());
        const [outcome] = await io.fire([send], signal);
        if (!outcome) return; // aborted
        calibration.push(this.keep(outcome, base));
        await io.sleep(CALIBRATION_PAUSE_MS, signal);
      }
      if (!calibration.some(answeredByApp)) {
        const last = this.records.at(-1);
        throw new LabError(
          `No answer through the LB for ${v.name} (calibration): ${last?.error ?? `status ${last?.status}`}.`,
        );
      }
      estimates.keepClockSamples(v.name, calibration);
    }
  }

  /**
   * Calibration's request n to a variant (`c0-<variant>-calibration-<n>`: a GET of its cheapest route) at `atMonoMs`,
   * through its first connection or `sender`'s, and its record's base.
   */
  private calibrationRequest(
    v: Variant,
    n: number,
    atMonoMs: number,
    sender: { variant: Variant; connectionIndex: number } = { variant: v, connectionIndex: 0 },
  ): { send: AimedSend; base: RecordBase } {
    const requestId = `c0-${v.name}-calibration-${n}`;
    const path = v.app?.healthPath ?? CALIBRATION_PATH;
    return {
      send: { atMonoMs, ...sender, method: 'GET', path, requestId, body: '' },
      base: {
        requestId,
        variant: v.name,
        method: 'GET',
        cycle: 0,
        phase: 'calibration',
        idleGapMs: null,
        offsetMs: null,
      },
    };
  }

  /**
   * After calibration, for each variant aimed one per connection: one request through each of its pools at once, so
   * that its first burst finds an upstream connection in every pool, as every later burst does. Opened under the
   * first burst instead, uvicorn's 8 connections answered 6.5–17 ms after their sends, against 2–7 ms a cycle later,
   * and that cycle's estimates of their closes were off by as much.
   */
  async openPools(): Promise<void> {
    const { io, signal, variants, sendsPerCycle } = this.input;
    const opening = variants.filter((v) => this.perConnection(v));
    if (signal.aborted || opening.length === 0) return;
    await Promise.all(opening.map((v) => this.prepareConnections(v, sendsPerCycle(v))));
    if (signal.aborted) return;
    // Numbered on from calibration's own.
    const requests = opening.flatMap((v) =>
      Array.from({ length: sendsPerCycle(v) }, (_, i) =>
        this.calibrationRequest(v, CALIBRATION_SENDS + i, io.now(), this.senderOf(v, i)),
      ),
    );
    const sends = requests.map((r) => r.send);
    const bases = requests.map((r) => r.base);
    const outcomes = await io.fire(sends, signal);
    const kept = outcomes.flatMap((o, i) => (o ? [this.keep(o, bases[i])] : []));
    // As calibration: an app no pool's request reached (a pool the LB does not route) cannot be aimed through them.
    for (const v of opening) {
      const mine = kept.filter((r) => r.variant === v.name);
      if (!signal.aborted && !mine.some(answeredByApp)) {
        throw new LabError(
          `No answer through the LB's pools for ${v.name}: ${mine.at(-1)?.error ?? `status ${mine.at(-1)?.status}`}.`,
        );
      }
    }
  }

  /**
   * Bursts on every variant at once (a pooled cycle's one after another,
   * burstSpreadMs over all); returns each variant's upstream idle starts (app
   * clock), ascending. A held burst's responses are all held to one instant on
   * its app's clock, so its connections go idle (and close) together; the
   * bench's naive client holds none.
   */
  async burst(cycle: number, held = true): Promise<Map<VariantName, number[]>> {
    const { variants } = this.input;
    const stepMs = (this.input.burstSpreadMs ?? 0) / variants.length;
    const bursts = await Promise.all(variants.map((v, i) => this.heldBurstOf(v, cycle, held, i * stepMs)));
    const idleStarts = new Map<VariantName, number[]>();
    await Promise.all(
      variants.map(async (v, i) => {
        const { records, holdUntilAppMs } = bursts[i];
        const answered = records.flatMap((r) => r ?? []);
        this.records.push(...answered);
        if (this.perConnection(v)) this.connectionIdleStarts.set(v.name, clientSideIdleStartsPerRequest(records));
        else this.connectionIdleStarts.delete(v.name);
        const starts = await this.idleStartsOf(v, answered, holdUntilAppMs);
        idleStarts.set(
          v.name,
          starts.sort((a, b) => a - b),
        );
      }),
    );
    return idleStarts;
  }

  /**
   * One variant's burst, `afterMs` from now: its connections first, then the
   * hold's instant (opening a pooled cycle's on a busy machine can take longer
   * than the hold), then the requests.
   */
  private async heldBurstOf(
    v: Variant,
    cycle: number,
    held: boolean,
    afterMs: number,
  ): Promise<{ records: (RequestRecord | null)[]; holdUntilAppMs: number | undefined }> {
    const { io, estimates, sendsPerCycle, signal } = this.input;
    if (afterMs > 0) await io.sleep(afterMs, signal);
    if (signal.aborted) return { records: [], holdUntilAppMs: undefined };
    if (this.burstsOnPrepared(v)) await this.prepareConnections(v, sendsPerCycle(v));
    const holdUntilAppMs = held ? roundMs(io.now() + estimates.sendToAppMs(v.name) + BURST_HOLD_MS) : undefined;
    return { records: await this.burstOf(v, cycle, holdUntilAppMs), holdUntilAppMs };
  }

  /**
   * One price round: an idle gap, then one request per app, one after another
   * (none while another is out: each fix and its baseline meet the same
   * machine at rest), of one method, the rounds taking the methods in turn.
   * Only a request after the gap can pay for a new connection: a second one
   * would reuse the connection the first had just opened. The gap is under
   * the app's close and over a fix's shorter idle timeout: there a baseline
   * reuses its idle upstream connection, and a fix that closed it pays for a
   * new one (a retrying fix pays only at the race: its masked requests'
   * latency).
   */
  async priceRound(round: number, gapMs: number): Promise<void> {
    const { io, signal, variants, methods } = this.input;
    const method = methods[round % methods.length];
    await io.sleep(gapMs, signal);
    for (const v of variants) {
      if (signal.aborted) return;
      await io.prepare(v, 1, this.clientMaxIdleMs(v));
      const requestId = `c0-${v.name}-price-${round}`;
      const [outcome] = await io.fire(
        [
          {
            atMonoMs: io.now(),
            variant: v,
            connectionIndex: 0,
            method,
            path: undefined,
            requestId,
            body: method === 'GET' ? '' : JSON.stringify({ price: round }),
          },
        ],
        signal,
      );
      if (!outcome) return;
      this.keep(outcome, {
        requestId,
        variant: v.name,
        method,
        cycle: 0,
        phase: 'price',
        idleGapMs: gapMs,
        offsetMs: null,
      });
    }
  }

  /**
   * When each of a burst's upstream connections went idle (app clock): the
   * app's response-finished events; without them (they were late), its start
   * headers are the next best clock; without either (an app with no preload),
   * the client's own view.
   */
  private async idleStartsOf(v: Variant, burst: RequestRecord[], holdUntilAppMs: number | undefined) {
    const keys = burst.flatMap((r) =>
      r.upstreamSocketId === null || r.upstreamSocketRequest === null
        ? []
        : [{ socketId: r.upstreamSocketId, request: r.upstreamSocketRequest }],
    );
    const ends = await appEventsOf(this.input.apps, v.name).waitForResponseEnds(keys, EVENT_WAIT_MS);
    const appStarts = burst.flatMap((r) =>
      r.appStartMonoMs === null ? [] : [Math.max(r.appStartMonoMs + APP_RESPONSE_MS, holdUntilAppMs ?? -Infinity)],
    );
    const clientSide = v.app ? clientSideIdleStarts(burst) : [];
    return ends.size > 0 ? [...ends.values()] : appStarts.length > 0 ? appStarts : clientSide;
  }

  /** Whether a variant's cycle goes one connection per pool (CycleStepsInput.aimsPerConnection). */
  private perConnection(v: Variant): boolean {
    return this.input.aimsPerConnection?.(v) ?? false;
  }

  /**
   * The last burst's idle start on each of a variant's connections, in pool order (null: that request got no answer
   * from the app); null unless the variant is aimed one per connection.
   */
  idleStartsPerConnection(variant: VariantName): (number | null)[] | null {
    return this.connectionIdleStarts.get(variant) ?? null;
  }

  /**
   * The client connection send i of a variant's cycle goes out on: the variant's own connection i, or, aimed one per
   * connection, the first connection of pool i + 1.
   */
  private senderOf(v: Variant, i: number): { variant: Variant; connectionIndex: number } {
    return this.perConnection(v)
      ? { variant: poolOf(v, i + 1), connectionIndex: 0 }
      : { variant: v, connectionIndex: i };
  }

  /** Opens a variant's n client connections: its own, or aimed one per connection, one in each of its first n pools. */
  private async prepareConnections(v: Variant, n: number): Promise<void> {
    const { io } = this.input;
    const maxIdleMs = this.clientMaxIdleMs(v);
    if (this.perConnection(v))
      await Promise.all(Array.from({ length: n }, (_, i) => io.prepare(poolOf(v, i + 1), 1, maxIdleMs)));
    else await io.prepare(v, n, maxIdleMs);
  }

  /**
   * Whether a variant's burst goes out on the connections its aimed requests
   * use next (burstOf): aimed one per connection (each pool's one connection
   * carries its burst request, then its aimed one), behind HAProxy's
   * http-reuse safe, and in a pooled long-lane cycle, whose 20 bursts per app
   * in half a minute as autocannon runs (one each, 220 in a default matrix)
   * kept this 2-core machine's load at 31 and its batches seconds late.
   */
  private burstsOnPrepared(v: Variant): boolean {
    return (
      this.perConnection(v) || v.pool !== undefined || !LB_DRIVERS[v.lb].firstRequestReusesIdle(this.input.scenario)
    );
  }

  /**
   * One variant's burst: autocannon's connections, or, behind an LB that never
   * gives the first request of a client connection an idle upstream connection
   * (HAProxy's http-reuse safe), the very connections the aimed requests go out
   * on next, so that each aimed request is the second on its client connection
   * and may get the upstream connection its burst request left idle.
   */
  private async burstOf(
    v: Variant,
    cycle: number,
    holdUntilAppMs: number | undefined,
  ): Promise<(RequestRecord | null)[]> {
    const { methods, signal, io, sendsPerCycle } = this.input;
    if (!this.burstsOnPrepared(v)) {
      return io.burst({
        port: v.lbPort,
        variant: v.name,
        cycle,
        concurrency: sendsPerCycle(v),
        methods,
        holdUntilAppMs,
        trafficPath: v.app?.trafficPath,
        pool: v.pool,
        signal,
      });
    }
    // Its connections are open already (burst). All at one instant, aimed one per connection too: staggered 4 ms
    // apart, fireAt spun between them and timestamped the answers that came meanwhile late, and in one run each of
    // uvicorn, Go and the plain Node app no aimed request of 80 failed (2026-12-06).
    const at = io.now();
    const bases: RecordBase[] = [];
    const sends: AimedSend[] = Array.from({ length: sendsPerCycle(v) }, (_, i) => {
      const method = methods[i % methods.length];
      const requestId = `c${cycle}-${v.name}-burst-${i}`;
      bases.push({ requestId, variant: v.name, method, cycle, phase: 'burst', idleGapMs: null, offsetMs: null });
      return {
        atMonoMs: at,
        ...this.senderOf(v, i),
        method,
        path: burstPathFor(method, v),
        requestId,
        body: method === 'GET' ? '' : JSON.stringify({ cycle, index: i }),
        holdUntilAppMs,
      };
    });
    const outcomes = await io.fire(sends, signal);
    return outcomes.map((o, i) => (o ? this.recordOf(o, bases[i]) : null));
  }

  /**
   * Sends, per variant, one request per offset, at its center send time (the
   * harness's clock) + the offset. Connections are prepared after the long
   * sleep, a second before: a client connection idle for a minute would be the
   * LB's to close.
   */
  async sendAround(cycle: number, phase: Phase, targets: readonly AimedVariant[]): Promise<RequestRecord[]> {
    const { methods, io, signal } = this.input;
    const sends: AimedSend[] = [];
    const bases: RecordBase[] = [];
    await this.sleepUntilShortlyBefore(Math.min(...targets.map((t) => t.centerMonoMs ?? Infinity)));
    if (signal.aborted) return [];
    // Every variant's connections at once: one after another, a matrix's 19 on a busy machine took seconds, and the
    // first ones idled on towards the LB's client keep-alive meanwhile.
    await Promise.all(
      targets.flatMap((t) =>
        t.centerMonoMs === null ? [] : [this.prepareConnections(t.variant, t.aim.relativeOffsetsMs.length)],
      ),
    );
    for (const { variant: v, aim, centerMonoMs: center, connectionCentersMonoMs } of targets) {
      if (center === null) continue;
      const { gapMs, relativeOffsetsMs, centerOffsetMs } = aim;
      relativeOffsetsMs.forEach((rel, i) => {
        // Aimed one per connection: each send at its own connection's close, or not at all.
        const sendCenter = connectionCentersMonoMs ? (connectionCentersMonoMs[i] ?? null) : center;
        if (sendCenter === null) return;
        const method = methods[i % methods.length];
        const requestId = `c${cycle}-${v.name}-${phase}-${i}`;
        sends.push({
          atMonoMs: sendCenter + rel,
          ...this.senderOf(v, i),
          method,
          // A pooled cycle's batch asks the burst's cheap routes: what it tests is the idle connection under it, and
          // 32 page renders per app at one instant, 20 times in half a minute, overran this 2-core machine.
          path: v.pool === undefined ? undefined : burstPathFor(method, v),
          requestId,
          body: method === 'GET' ? '' : JSON.stringify({ cycle, i }),
        });
        bases.push({
          requestId,
          variant: v.name,
          method,
          cycle,
          phase,
          idleGapMs: roundMs(gapMs + rel),
          offsetMs: roundMs(centerOffsetMs + rel),
        });
      });
    }
    const outcomes = await io.fire(sends, signal);
    return outcomes.flatMap((o, i) => (o ? [this.keep(o, bases[i])] : []));
  }

  /** Sleeps in interruptible steps until a second before `atMonoMs`; fireAt's precise wait does the rest. */
  private async sleepUntilShortlyBefore(atMonoMs: number): Promise<void> {
    const { io, signal } = this.input;
    const wakeAt = atMonoMs - LONG_SLEEP_WAKE_EARLY_MS;
    while (Number.isFinite(wakeAt) && !signal.aborted && io.now() < wakeAt) {
      await io.sleep(Math.min(LONG_SLEEP_STEP_MS, wakeAt - io.now()), signal);
    }
  }

  /** A record of an outcome, kept with the lane's. */
  private keep(outcome: Outcome, base: RecordBase): RequestRecord {
    const record = this.recordOf(outcome, base);
    this.records.push(record);
    return record;
  }

  private recordOf(outcome: Outcome, base: RecordBase): RequestRecord {
    const app = appEventsOf(this.input.apps, base.variant);
    return requestRecordOf(outcome, base, (socketId, request) => app.responseEnd(socketId, request));
  }
}

/**
 * Whether the app answered a request: a response came from it, stamped by the preload, or (an app without it) any
 * status but the LB's own errors.
 */
function answeredByApp(r: RequestRecord): boolean {
  return r.appStartMonoMs !== null || (r.status !== null && r.status < 502);
}

/**
 * An app without the preload tells nothing: each response's idle start is
 * taken as its arrival at the client, late by the way back from the app. The
 * probe timed the idle close at the client too (the FIN's arrival less the
 * response's), so the close delay itself is the app's; a request sent at the
 * estimate reaches the app a round trip through the LB after its close, under
 * a millisecond here, which the aim's offsets take up.
 */
export function clientSideIdleStarts(burst: readonly RequestRecord[]): number[] {
  return clientSideIdleStartsPerRequest(burst).filter((s): s is number => s !== null);
}

/** A request's round trip when the app answered it (a status, no client-side symptom); null otherwise. */
function answeredLatencyMs(r: RequestRecord | null): number | null {
  return r !== null && r.status !== null && clientSymptom(r) === null && r.latencyMs !== null ? r.latencyMs : null;
}

/**
 * clientSideIdleStarts, one per request in the burst's order: null for a request the app did not answer (an LB's
 * 502 left no idle connection to the app; a send an interrupt skipped). Not the arrival less the burst's fastest
 * round trip: that round trip is mostly how long the app kept the burst's first request waiting, 1.5 to 12 ms from
 * cycle to cycle here, and it moved every estimate of a cycle early by as much (uvicorn behind nginx, its packets
 * captured on the Docker bridge, 2026-12-07: each answer reached the harness 0.1–0.4 ms after the app sent it, and
 * the app's FIN came 5001–5006 ms after that arrival).
 */
export function clientSideIdleStartsPerRequest(burst: readonly (RequestRecord | null)[]): (number | null)[] {
  return burst.map((r) => {
    const latencyMs = answeredLatencyMs(r);
    return r === null || latencyMs === null ? null : r.startMonoMs + latencyMs;
  });
}
