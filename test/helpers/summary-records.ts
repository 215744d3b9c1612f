// Small builders of what a summary is made from, for the tests of its parts
// (test/unit/summary-*.test.ts): one request, one close of the app's, one
// access-log entry, a variant, a run's input; each a plain default a test
// overrides field by field.
import type { SocketClosedRecord } from '../../harness/model/protocol.js';
import type { AccessLogEntry } from '../../harness/lb/access-log.js';
import type { RequestRecord } from '../../harness/records/request-records.js';
import type { SummaryInput } from '../../harness/analysis/summarize.js';
import type { TrafficResult } from '../../harness/traffic/engine.js';
import { DEFAULT_OPTIONS } from '../../harness/scenarios/run-options.js';
import { defaultScenario, type Variant } from '../../harness/scenarios/scenarios.js';

/** An aimed POST to 'default' at 10 s, answered 200 on a reused socket (7, its 2nd request). */
export function request(overrides: Partial<RequestRecord> = {}): RequestRecord {
  return {
    requestId: 'r',
    variant: 'default',
    method: 'POST',
    cycle: 1,
    phase: 'aimed',
    idleGapMs: 6_000,
    offsetMs: 0,
    startMonoMs: 10_000,
    latencyMs: 3,
    status: 200,
    error: null,
    upstreamSocketId: 7,
    upstreamSocketRequest: 2,
    appStartMonoMs: 10_001,
    achievedIdleMs: null,
    ...overrides,
  };
}

/** The app's idle close of socket 7 at 10 s (its timer's instant too), 6 s after its last response. */
export function appClose(overrides: Partial<SocketClosedRecord> = {}): SocketClosedRecord {
  return {
    lab: 'socket-closed',
    variant: null,
    pid: 1,
    socketId: 7,
    remote: 'x',
    requests: 2,
    acceptedAtMonoMs: 0,
    lastResponseEndMonoMs: 4_000,
    closedAtMonoMs: 10_000,
    keepAliveTimerAtMonoMs: 10_000,
    idleMs: 6_000,
    closedBy: 'app',
    reason: 'keep-alive-timeout',
    keepAliveTimeoutMs: 5_000,
    headersTimeoutMs: 60_000,
    ...overrides,
  };
}

/** nginx's line for a POST to 'default' answered 200, not retried. */
export function accessEntry(overrides: Partial<AccessLogEntry> = {}): AccessLogEntry {
  return {
    lb: 'nginx',
    time_s: 1,
    variant: 'default',
    request_method: 'POST',
    status: 200,
    request_id: 'r',
    upstream_socket_id: '',
    retries: 0,
    ...overrides,
  };
}

/** A request the LB answered itself (502 unless overridden): no stamp of the app's, so the race's, not the app's. */
export function lbFailure(overrides: Partial<RequestRecord> = {}): RequestRecord {
  return request({
    status: 502,
    upstreamSocketId: null,
    upstreamSocketRequest: null,
    appStartMonoMs: null,
    ...overrides,
  });
}

/** Node's defaults behind nginx on LB port 8401: the talk-sized run's 'default', written out. */
export function variant(overrides: Partial<Variant> = {}): Variant {
  return {
    name: 'default',
    description: "Node's defaults",
    keepAliveTimeoutMs: undefined,
    headersTimeoutMs: undefined,
    nodeLine: '24',
    serverMode: 'standalone',
    fix: 'default',
    lb: 'nginx',
    lbPort: 8401,
    appPort: 8501,
    service: 'app-default',
    ...overrides,
  };
}

/** The traffic of a run of the given variants: their records, nothing measured. */
export function traffic(records: RequestRecord[], overrides: Partial<TrafficResult> = {}): TrafficResult {
  return {
    records,
    cycles: [],
    aimVariant: 'default',
    closeDelayMs: 6_000,
    oneWayLatencyMs: {},
    appClocks: {},
    boundaryMs: {},
    lanes: {},
    ...overrides,
  };
}

/**
 * A complete run of the given variants (the talk-sized run's 'default' alone unless told) that sent nothing: a test
 * adds the traffic, closes and logs it is about. Traffic ran from 10 s to 100 s; the LB's idle timeout is 60 s.
 */
export function summaryInput(overrides: Partial<SummaryInput> = {}, variants: Variant[] = [variant()]): SummaryInput {
  return {
    runId: 'test',
    startedAt: new Date(0),
    finishedAt: new Date(100_000),
    interrupted: false,
    failure: null,
    runtime: 'local',
    runStartMonoMs: 0,
    trafficStartMonoMs: 10_000,
    trafficEndMonoMs: 100_000,
    injectedAppClockOffsetMs: 0,
    options: DEFAULT_OPTIONS,
    versions: { node: '24.0.0', nginx: '1.28.0' },
    scenario: defaultScenario({ variants }),
    yourApp: null,
    probes: {},
    traffic: traffic([]),
    appCloses: {},
    appResponseEnds: {},
    accessLog: [],
    lbErrorLogs: {},
    ...overrides,
  };
}
