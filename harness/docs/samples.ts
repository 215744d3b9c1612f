// What a user sees, as the lab printed it for a committed run: the talk-sized
// run's headline, table and verdict; compare's output for two committed runs;
// your app's verdict line. The same functions the commands print with.
import { compareSummaries } from '../compare/compare.js';
import { formatComparison } from '../compare/format.js';
import { loadSummary } from '../compare/load.js';
import { headlineText } from '../report/headline.js';
import { formatTable, mainTable, verdictLine } from '../report/markdown.js';
import type { Summary } from '../results/schema.js';

const fence = (text: string) => ['```', text, '```'].join('\n');

/** What `npm run lab` prints at its end (its last line, the results path, aside). */
export function labOutput(summary: Summary): string {
  return `${headlineText(summary, false)}\n\n${formatTable(mainTable(summary))}\n\n${verdictLine(summary)}`;
}

export function talkSample(summary: Summary, caption: string): string {
  return [fence(labOutput(summary)), '', caption].join('\n');
}

/** `npm run compare -- <a> <b>`: the command and what it prints, for two committed runs. */
export function compareSample(a: string, b: string): string {
  const [baseline, current] = [loadSummary(a), loadSummary(b)];
  const printed = formatComparison(compareSummaries(baseline.summary, current.summary), {
    baseline: { file: baseline.file, schemaVersion: baseline.schemaVersion },
    current: { file: current.file, schemaVersion: current.schemaVersion },
  });
  return fence(`$ npm run compare -- ${a} ${b}\n${printed}`);
}

/** Your app's verdict line(s), as the lab prints them, for committed your-app runs. */
export function yourAppLines(paths: readonly string[]): string {
  const lines = paths.flatMap((p) => (loadSummary(p).summary.yourApp ?? []).map((a) => a.line));
  return [fence(lines.join('\n')), '', `From ${paths.map((p) => `\`${p}\``).join(', ')}.`].join('\n');
}

/**
 * Your app behind a long LB timeout: its verdict line as the lab printed it,
 * the requests that tested the LB's boundary per method, and in how many
 * cycles side by side (the long lane's pools), for a committed run.
 */
export function longLbSample(summary: Summary, caption: string): string {
  const lines = (summary.yourApp ?? []).map((a) => a.line);
  const lbS = summary.scenario.lb.upstreamKeepaliveTimeoutMs / 1000;
  const longCycles = summary.schedule.cycles.filter((c) => c.lane === 'long').length;
  const perMethod = summary.cells.map((c) => `${c.method} ${c.counts.boundary} of ${c.counts.aimed} aimed`).join(', ');
  return [
    fence(lines.join('\n')),
    '',
    `Requests that tested the LB's ${lbS} s boundary: ${perMethod}, in ${longCycles} long cycles side by side, one idle gap.`,
    '',
    caption,
  ].join('\n');
}
