// What a run tells listeners while it runs (the live page, --live), as typed
// events beside the progress lines: the terminal reads sentences, a listener
// reads records. The lab emits; what a listener does with them is its own
// business, and a listener that throws never breaks a run.
import { headlineText } from '../report/headline.js';
import { testedBoundary, type BoundaryContext } from '../records/boundary.js';
import { verdictLine } from '../report/markdown.js';
import type { LabPhase, CycleRecord, Summary } from '../results/schema.js';
import type { Scenario, VariantName } from '../scenarios/scenarios.js';
import { clientSymptom, type RequestRecord } from '../records/request-records.js';
import type { Runtime } from '../scenarios/run-options.js';
import { failuresSeen } from '../records/failures.js';
import { messageOf } from '../model/errors.js';

/**
 * One variant's requests so far, counted as summary.json counts them (requests.total, rate502.failures,
 * requests.boundary).
 */
export interface VariantCounts {
  /** Every request sent to the variant, calibration and bursts included. */
  sent: number;
  count502: number;
  /**
   * Every failure the client saw: 502s, and 503, 504, an empty reply or a reset (HAProxy answers the race with empty
   * replies).
   */
  failed: number;
  /** Requests aimed at the close boundary. */
  boundary: number;
}

/** A variant as a listener needs it to lay out its counters before the first cycle. */
export interface RunVariant {
  name: VariantName;
  description: string;
  lb: string;
  fix: string;
}

/** Everything a run emits, in the order it happens: run, phases, cycles (and first 502s), then done or failed. */
export type LabEvent =
  /** Preflight found a runtime and made the results directory. */
  | { type: 'run'; runId: string; runtime: Runtime; scenarioKind: Scenario['kind']; variants: RunVariant[] }
  /** The run entered a phase (preflight first). */
  | { type: 'phase'; phase: LabPhase }
  /** A traffic cycle ended: its record (as summary.json keeps it) and each of its lane's variants' counts so far. */
  | { type: 'cycle'; record: CycleRecord; counts: Record<VariantName, VariantCounts> }
  /** A variant's first 502, once per variant. */
  | { type: 'first-502'; variant: VariantName; cycle: number; afterTrafficStartMs: number }
  /** The results are written: the verdict and the final counts, from summary.json. */
  | {
      type: 'done';
      verdict: Summary['verdict'];
      headline: string;
      verdictLine: string;
      complete: boolean;
      interrupted: boolean;
      counts: Record<VariantName, VariantCounts>;
      runDir: string;
    }
  /** The run ended with an error (or an interrupt) in `phase`; what it measured is written. */
  | { type: 'failed'; phase: LabPhase; message: string; interrupted: boolean };

/** Every event type, for listeners that route by name (the live server's SSE event names). */
export type LabEventType = LabEvent['type'];

/** The listener LabIo may carry. */
export type LabEventListener = (event: LabEvent) => void;

/** During the traffic the app's closes are not read yet: the live count of boundary requests goes without them. */
const LIVE_BOUNDARY_CONTEXT: BoundaryContext = { replaysUnseen: false, appCloseInstants: [], sendToAppMs: 0 };

/** Per variant, its requests so far, by summary.json's definitions (analysis/variant-summary.ts). */
export function countsOf(
  records: readonly RequestRecord[],
  variants: readonly VariantName[],
): Record<VariantName, VariantCounts> {
  const counts: Record<VariantName, VariantCounts> = Object.fromEntries(
    variants.map((v) => [v, { sent: 0, count502: 0, failed: 0, boundary: 0 }]),
  );
  for (const r of records) {
    const c = counts[r.variant];
    if (!c) continue;
    c.sent++;
    const symptom = clientSymptom(r);
    if (symptom === '502') c.count502++;
    if (symptom !== null) c.failed++;
    // Tested the boundary (failed, or reused an idle connection), as the summary counts it; a request an LB replayed
    // unseen (Caddy's GET) counts there only once the app's closes are read, after the traffic.
    if (testedBoundary(r, LIVE_BOUNDARY_CONTEXT)) c.boundary++;
  }
  return counts;
}

/** A finished run's counts, read from its summary: what the live page ends on equals summary.json. */
export function countsOfSummary(summary: Summary): Record<VariantName, VariantCounts> {
  return Object.fromEntries(
    Object.entries(summary.variants).map(([name, v]) => [
      name,
      {
        sent: v.requests.total,
        count502: v.rate502.failures,
        // Its cells (one per method) count every symptom.
        failed: summary.cells.filter((c) => c.variant === name).reduce((n, c) => n + failuresSeen(c.counts), 0),
        boundary: v.requests.boundary,
      },
    ]),
  );
}

/**
 * The lab's side of the stream: emits safely (a listener that throws is
 * reported once and dropped, the run goes on) and announces each variant's
 * first 502 once.
 */
export class LabEventSink {
  private listener: LabEventListener | undefined;
  private readonly announced502 = new Set<VariantName>();

  /** `warn` says once, in the run's progress, that a listener failed. */
  constructor(
    listener: LabEventListener | undefined,
    private readonly warn: (line: string) => void,
  ) {
    this.listener = listener;
  }

  emit(event: LabEvent): void {
    if (!this.listener) return;
    try {
      this.listener(event);
    } catch (err) {
      this.listener = undefined;
      this.warn(`a lab event listener failed (${messageOf(err)}); the run goes on without it`);
    }
  }

  /**
   * A cycle ended: its record, the counts of its lane's variants from every
   * request record so far, and any variant's first 502. The records are read
   * only when someone listens.
   */
  cycle(record: CycleRecord, recordsSoFar: () => readonly RequestRecord[], trafficStartMonoMs: number): void {
    if (!this.listener) return;
    const records = recordsSoFar();
    const variants = Object.keys(record.count502);
    this.emit({ type: 'cycle', record, counts: countsOf(records, variants) });
    for (const variant of variants) {
      if (this.announced502.has(variant)) continue;
      // The first in record order, as summary.json's firstHit picks it (time from the start of traffic, as its cells
      // count it).
      const first = records.find((r) => r.variant === variant && r.status === 502);
      if (!first) continue;
      this.announced502.add(variant);
      this.emit({
        type: 'first-502',
        variant,
        cycle: first.cycle,
        afterTrafficStartMs: Math.round(first.startMonoMs - trafficStartMonoMs),
      });
    }
  }
}

/**
 * The 'done' event of a finished run: the verdict as summary.json has it, and
 * the terminal's headline and verdict line rendered from it, so the live page
 * shows the same words the terminal printed.
 */
export function doneEventOf(summary: Summary, runDir: string): Extract<LabEvent, { type: 'done' }> {
  return {
    type: 'done',
    verdict: summary.verdict,
    headline: headlineText(summary, false),
    verdictLine: verdictLine(summary),
    complete: summary.complete,
    interrupted: summary.interrupted,
    counts: countsOfSummary(summary),
    runDir,
  };
}
