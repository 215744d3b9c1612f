// Turns one run's raw material (request records, probes, the app's socket
// accounting, the LBs' logs) into the summary: counts, rates with intervals,
// who closed what, the race window, and the verdict. Pure. Each phase is a
// module of its own; this one puts their answers in summary.json's order.
import {
  summaryOptionsOf,
  DEFAULT_SUMMARY_SCHEMA_REF,
  SCHEMA_VERSION,
  type Summary,
} from '../records/summary-schema.js';
import { countErrorLog } from '../lb/nginx-log.js';
import type { TrafficResult } from '../traffic/engine.js';
import { noTraffic, type SummaryInput } from './summary-input.js';
import { variantSummaries } from './variant-summary.js';
import { cellSummaries } from './cell-summary.js';
import { yourAppSummaries } from './your-app-summary.js';
import { accessLogMismatches, lbLogCounts, type Mismatch } from './lb-logs.js';
import { aimRaceWindow } from './race-window.js';
import { judgeRun } from './judge-run.js';

export type { SummaryInput } from './summary-input.js';

/** What the run was and when: the summary's opening fields. */
function runHeader(input: SummaryInput, complete: boolean) {
  return {
    // Where the lab writes it (results/<run-id>/); a writer elsewhere sets its own (schemaRefFrom).
    $schema: DEFAULT_SUMMARY_SCHEMA_REF,
    schemaVersion: SCHEMA_VERSION,
    runId: input.runId,
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    wallTimeMs: input.finishedAt.getTime() - input.startedAt.getTime(),
    complete,
    failure: input.failure,
    interrupted: input.interrupted,
    runtime: input.runtime,
    mode: input.options.mode,
    options: summaryOptionsOf(input.options),
    versions: input.versions,
    scenario: {
      kind: input.scenario.kind,
      retryPolicy: input.scenario.retryPolicy,
      haproxyReuse: input.scenario.haproxyReuse,
      serverMode: [...new Set(input.scenario.variants.map((v) => v.serverMode))].join(','),
      lb: { ...input.scenario.lb },
    },
  } satisfies Partial<Summary>;
}

/** What the run found, for its verdict and assertion. */
interface Findings {
  complete: boolean;
  aim: string;
  variants: Summary['variants'];
  mismatches: Mismatch[];
  cells: Summary['cells'];
  yourApp: Summary['yourApp'];
}

/** The run's verdict (judge-run.ts) with the counts beside it, and --assert's answer on both. */
function judge(input: SummaryInput, f: Findings): Pick<Summary, 'verdict' | 'assertion'> {
  const { scenario, interrupted, failure, options } = input;
  return judgeRun({
    ...f,
    kind: scenario.kind,
    lbTimeoutMs: scenario.lb.upstreamKeepaliveTimeoutMs,
    interrupted,
    failure,
    names: scenario.variants.map((v) => v.name),
    assert: options.assert,
    assertSafe: options.assertSafe,
  });
}

/** How the traffic was scheduled: the close delay aimed at, each app's clock, the cycles as they ran. */
function scheduleOf(input: SummaryInput, traffic: TrafficResult): Summary['schedule'] {
  return {
    closeDelayMs: input.traffic?.closeDelayMs ?? null,
    oneWayLatencyMs: traffic.oneWayLatencyMs,
    appClocks: traffic.appClocks,
    injectedAppClockOffsetMs: input.injectedAppClockOffsetMs,
    cycles: traffic.cycles,
  };
}

/**
 * The run's summary, in phases: each variant over the run, the harness's 502s against the LBs' logs, one cell per
 * variant × method, your apps' words, then the verdict and the assertion on what they found.
 */
export function buildSummary(input: SummaryInput): Summary {
  const traffic = input.traffic ?? noTraffic(input.scenario);
  const aim = traffic.aimVariant;
  const complete = input.failure === null && !input.interrupted;
  const variants = variantSummaries(input, traffic);
  const names = input.scenario.variants.map((v) => v.name);
  const mismatches = accessLogMismatches(traffic.records, input.accessLog, names);
  const cells = cellSummaries(input, traffic, variants);
  const yourApp = yourAppSummaries(input, cells);
  const { verdict, assertion } = judge(input, { complete, aim, variants, mismatches, cells, yourApp });
  return {
    ...runHeader(input, complete),
    variants,
    cells,
    aimVariant: aim,
    raceWindow: aimRaceWindow(input, traffic, variants[aim].measured.appCloseDelayMedianMs),
    schedule: scheduleOf(input, traffic),
    lbs: lbLogCounts(input.scenario, input.versions, input.accessLog, input.lbErrorLogs),
    nginx: { errorLog: countErrorLog(input.lbErrorLogs.nginx ?? ''), mismatches },
    yourApp,
    verdict,
    assertion,
  };
}
