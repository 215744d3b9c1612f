// A talk-sized run made up, request by request, for the verdict's tests: the
// summary is built by the lab's own buildSummary from records, app closes and
// an access log, as a real run's is. Each shape of failure a verdict must tell
// apart is a setting: the race's 502 at an app close, a 502 far from any, the
// app's own 503 (stamped), a fix that fails, an interrupted run.
import type { SocketClosedRecord } from '../../harness/model/protocol.js';
import type { AccessLogEntry } from '../../harness/lb/access-log.js';
import { buildSummary, type SummaryInput } from '../../harness/analysis/summarize.js';
import { parseLabArgs } from '../../harness/cli/options.js';
import type { CycleRecord, Summary } from '../../harness/results/schema.js';
import {
  appUnderTestVariant,
  defaultScenario,
  type AppUnderTest,
  type VariantName,
} from '../../harness/scenarios/scenarios.js';
import type { RequestRecord } from '../../harness/records/request-records.js';

/** What the default (Node's defaults) and fixed variants answer their first aimed POST of a cycle with. */
export type FirstAnswer = 'ok' | 'race-502' | 'untied-502' | 'app-503' | 'masked';

export interface SyntheticRun {
  cycles?: number;
  /** Aimed requests per variant, method and cycle. */
  perCycle?: number;
  default?: FirstAnswer;
  fixed?: FirstAnswer;
  interrupted?: boolean;
  /** A matrix of the fixed app alone (no Node's defaults to show the race): what a SAFE run is. */
  fixedAlone?: boolean;
  /** Your app (--app-image) alone, answering as `default` says, measured with the preload. */
  yourApp?: boolean;
}

const CYCLE_MS = 10_000;
const SOCKET_BASE: Record<string, number> = { default: 1_000, fixed: 2_000, yours: 3_000 };
const YOUR_APP: AppUnderTest = {
  image: 'my-app:ci',
  buildDir: null,
  preload: true,
  containerPort: 8080,
  healthPath: '/',
  startTimeoutMs: 120_000,
  trafficPath: '/',
  env: {},
};

function request(
  variant: VariantName,
  method: 'POST' | 'GET',
  cycle: number,
  i: number,
  answer: FirstAnswer,
  socketId: number,
): RequestRecord {
  const startMonoMs = cycle * CYCLE_MS + i;
  // A masked request: the LB met the race, retried on a new connection, and the app answered (the access log counts the
  // retry).
  const fromApp = answer === 'ok' || answer === 'app-503' || answer === 'masked';
  return {
    requestId: `c${cycle}-${variant}-aimed-${method}-${i}`,
    variant,
    method,
    cycle,
    phase: 'aimed',
    idleGapMs: 6_000,
    offsetMs: i - 2,
    startMonoMs,
    latencyMs: 3,
    status: answer === 'ok' || answer === 'masked' ? 200 : answer === 'app-503' ? 503 : 502,
    error: null,
    // The app's stamps come back only on a response the app wrote; the LB's own 502 has none.
    upstreamSocketId: fromApp ? socketId : null,
    upstreamSocketRequest: fromApp ? (answer === 'masked' ? 1 : 2) : null,
    appStartMonoMs: fromApp ? startMonoMs + 1 : null,
    achievedIdleMs: null,
  };
}

function appClose(socketId: number, atMonoMs: number): SocketClosedRecord {
  return {
    lab: 'socket-closed',
    variant: null,
    pid: 1,
    socketId,
    remote: 'x',
    requests: 2,
    acceptedAtMonoMs: 0,
    lastResponseEndMonoMs: atMonoMs - 6_000,
    closedAtMonoMs: atMonoMs,
    keepAliveTimerAtMonoMs: atMonoMs,
    idleMs: 6_000,
    closedBy: 'app',
    reason: 'keep-alive-timeout',
    keepAliveTimeoutMs: 5_000,
    headersTimeoutMs: 60_000,
  };
}

/** The SummaryInput of a made-up talk-sized run. */
export function syntheticInput(run: SyntheticRun = {}): SummaryInput {
  const { cycles = 4, perCycle = 6, interrupted = false, fixedAlone = false, yourApp = false } = run;
  const variantNames: readonly VariantName[] = yourApp ? ['yours'] : fixedAlone ? ['fixed'] : ['default', 'fixed'];
  const masked = new Set<string>();
  const perName = <T>(value: T) => Object.fromEntries(variantNames.map((n) => [n, value]));
  const answers: Record<string, FirstAnswer> = {
    default: run.default ?? 'race-502',
    fixed: run.fixed ?? 'ok',
    yours: run.default ?? 'race-502',
  };
  const records: RequestRecord[] = [];
  const closes: Record<string, SocketClosedRecord[]> = { default: [], fixed: [], yours: [] };
  const cycleRecords: CycleRecord[] = [];
  for (let cycle = 1; cycle <= cycles; cycle++) {
    // Every variant of the run counted (yours too): an uncounted one would be NaN, which JSON writes as null.
    const count502: Record<string, number> = { default: 0, fixed: 0, ...perName(0) };
    for (const variant of variantNames) {
      for (const method of ['POST', 'GET'] as const) {
        for (let i = 0; i < perCycle; i++) {
          const socketId = SOCKET_BASE[variant] + cycle * 100 + i * 2 + (method === 'GET' ? 1 : 0);
          const answer = method === 'POST' && i === 0 ? answers[variant] : 'ok';
          const r = request(variant, method, cycle, i, answer, socketId);
          records.push(r);
          if (r.status === 502) count502[variant]++;
          // The race's 502: the app closed the idle connection the LB reused, at the instant the request arrived.
          if (answer === 'race-502' || answer === 'masked') closes[variant].push(appClose(socketId, r.startMonoMs));
          if (answer === 'masked') masked.add(r.requestId);
        }
      }
    }
    cycleRecords.push({
      cycle,
      lane: 'short',
      kind: 'aimed',
      aimVariant: variantNames[0],
      closeDelayMs: 6_001,
      centerOffsetMs: 0,
      intendedGapMs: 6_001,
      achievedGapMs: perName(6_001),
      oneWayLatencyMs: perName(0),
      boundaryMs: perName(6_001),
      sendsPerVariant: perCycle,
      count502,
    });
  }
  const accessLog: AccessLogEntry[] = records.map((r) => ({
    lb: 'nginx',
    time_s: 1,
    variant: r.variant,
    request_method: r.method,
    status: r.status ?? 499,
    request_id: r.requestId,
    upstream_socket_id: '',
    retries: masked.has(r.requestId) ? 1 : 0,
  }));
  const scenario = yourApp
    ? defaultScenario({ kind: 'matrix', variants: [appUnderTestVariant('yours', 0, YOUR_APP, 'nginx')] })
    : fixedAlone
      ? defaultScenario({ kind: 'matrix', variants: defaultScenario().variants.filter((v) => v.name === 'fixed') })
      : defaultScenario();
  return {
    runId: 'synthetic',
    startedAt: new Date(0),
    finishedAt: new Date(90_000),
    interrupted,
    failure: null,
    runtime: 'local',
    runStartMonoMs: 0,
    trafficStartMonoMs: CYCLE_MS,
    trafficEndMonoMs: (cycles + 1) * CYCLE_MS,
    injectedAppClockOffsetMs: 0,
    appResponseEnds: {},
    options: { ...parseLabArgs(['--cycles', String(cycles)]), minBoundaryRequests: 16 },
    versions: { node: '24.0.0', nginx: '1.22.1', kernel: 'k' },
    scenario,
    probes: {
      default: {
        closedBy: 'app',
        closeKind: 'fin',
        idleCloseMs: 6_001,
        watchedMs: 6_001,
        advertisedKeepAlive: 'timeout=5',
        status: 200,
      },
      fixed: {
        closedBy: 'none',
        closeKind: null,
        idleCloseMs: null,
        watchedMs: 9_000,
        advertisedKeepAlive: 'timeout=61',
        status: 200,
      },
      yours: {
        closedBy: 'app',
        closeKind: 'fin',
        idleCloseMs: 6_001,
        watchedMs: 6_001,
        advertisedKeepAlive: 'timeout=5',
        status: 200,
      },
    },
    yourApp: yourApp
      ? { images: { yours: { ref: YOUR_APP.image, id: null, repoDigests: [] } }, preloadNode: { yours: 'v24.0.0' } }
      : null,
    traffic: {
      records,
      cycles: cycleRecords,
      aimVariant: variantNames[0],
      closeDelayMs: 6_001,
      oneWayLatencyMs: perName(0),
      appClocks: perName(null),
      boundaryMs: perName(6_001),
      lanes: perName('short' as const),
    },
    appCloses: closes,
    accessLog,
    // A run that read its LB's log, and found no line of the race in it.
    lbErrorLogs: { nginx: '' },
  };
}

/** The summary of a made-up talk-sized run, built by the lab's own rule. */
export function syntheticRun(run: SyntheticRun = {}): Summary {
  return buildSummary(syntheticInput(run));
}
