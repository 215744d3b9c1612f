// The live page's cycle chart: the lab's events so far, drawn by the same
// renderer as report.html (report/html/charts.ts, a heat map: a row per
// variant under its LB, a square per cycle), so the stage and the report show
// one chart. Rendered here, on the server: the page only swaps the SVG in.
import type { LabEvent } from './lab-events.js';
import { cycleChartSvg, type CycleChartInput } from '../report/html/charts.js';

/** Follows the events; after each one that changes the chart, its new SVG. */
export class LiveChart {
  private variants: string[] = [];
  private lbOf: Record<string, string> = {};
  private readonly cycles: CycleChartInput['cycles'] = [];
  private readonly firstHit: CycleChartInput['firstHit'] = {};

  /** The chart's SVG when `event` changed it (a run's variants, a cycle, a first 502); null otherwise. */
  observe(event: LabEvent): string | null {
    switch (event.type) {
      case 'run':
        this.variants = event.variants.map((v) => v.name);
        this.lbOf = Object.fromEntries(event.variants.map((v) => [v.name, v.lb]));
        for (const v of this.variants) this.firstHit[v] ??= null;
        return this.svg();
      case 'cycle': {
        const { cycle, lane, kind, count502 } = event.record;
        this.cycles.push({ cycle, lane, kind, count502: { ...count502 } });
        return this.svg();
      }
      case 'first-502':
        this.firstHit[event.variant] = { cycle: event.cycle };
        return this.svg();
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
    return cycleChartSvg({ variants: this.variants, lbOf: this.lbOf, cycles, firstHit: this.firstHit });
  }
}
