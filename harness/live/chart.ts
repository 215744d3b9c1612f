// The live page's cycle chart: the lab's events so far, drawn by the same
// renderer as report.html (report/html/charts.ts, a heat map: a row per
// variant under its LB, a square per cycle), so the stage and the report show
// one chart. Rendered here, on the server: the page only swaps the SVG in.
//
// What the events carry: each cycle's record (its 502s per variant, exact) and
// each of its variants' counts so far (every failure, 502s among them). A
// cycle's other failures (HAProxy's empty replies) are the growth of the
// latter since the variant's previous cycle: exact for a variant in one lane
// (a matrix's apps); a talk-sized run's variant that also runs the LB-boundary
// lane has the failures of both lanes since its last cycle in the cycle that
// ends next. report.html counts them from requests.ndjson, by lane.
import type { LabEvent, VariantCounts } from './lab-events.js';
import { cycleChartSvg, type CycleChartInput, type SymptomTally } from '../report/html/charts.js';

/** What the events cannot name of a failure that is no 502: the client saw an empty reply, a reset, a 503 or a 504. */
export const OTHER_FAILURE = 'failure other than 502';

/** Follows the events; after each one that changes the chart, its new SVG. */
export class LiveChart {
  private variants: string[] = [];
  private lbOf: Record<string, string> = {};
  private readonly cycles: CycleChartInput['cycles'] = [];
  private readonly firstHit: CycleChartInput['firstHit'] = {};
  /** Each variant's counts at its previous cycle: a cycle's failures are what they grew by. */
  private readonly countsBefore: Record<string, Pick<VariantCounts, 'count502' | 'failed'>> = {};

  /** The chart's SVG when `event` changed it (a run's variants, a cycle); null otherwise. */
  observe(event: LabEvent): string | null {
    switch (event.type) {
      case 'run':
        this.variants = event.variants.map((v) => v.name);
        this.lbOf = Object.fromEntries(event.variants.map((v) => [v.name, v.lb]));
        for (const v of this.variants) this.firstHit[v] ??= null;
        return this.svg();
      case 'cycle': {
        const { cycle, lane, kind, count502 } = event.record;
        const counts: Record<string, SymptomTally> = {};
        for (const [v, n502] of Object.entries(count502)) {
          const now = event.counts[v] ?? { count502: 0, failed: 0 };
          const before = this.countsBefore[v] ?? { count502: 0, failed: 0 };
          const others = Math.max(0, now.failed - before.failed - (now.count502 - before.count502));
          this.countsBefore[v] = { count502: now.count502, failed: now.failed };
          counts[v] = { '502': n502, ...(others > 0 ? { [OTHER_FAILURE]: others } : {}) };
          if ((this.firstHit[v] ?? null) === null && n502 + others > 0) this.firstHit[v] = { cycle, lane };
        }
        this.cycles.push({ cycle, lane, kind, counts });
        return this.svg();
      }
      default:
        return null;
    }
  }

  /** Cycles drawn so far. */
  get cycleCount(): number {
    return this.cycles.length;
  }

  private svg(): string {
    // A matrix's two lanes run at once and their cycles arrive interleaved: drawn lane by lane, as summary.json keeps
    // them.
    const laneOrder = (lane: string) => (lane === 'short' ? 0 : 1);
    const cycles = [...this.cycles].sort((a, b) => laneOrder(a.lane) - laneOrder(b.lane) || a.cycle - b.cycle);
    return cycleChartSvg({
      variants: this.variants,
      lbOf: this.lbOf,
      counted: 'failures',
      cycles,
      firstHit: this.firstHit,
    });
  }
}
