// report.html and the charts as standalone SVG files, from a run's files: what
// the lab does at the end of every run and `npm run report` does for a saved one.
import { join } from 'node:path';
import { writeRunFile } from '../../records/writer.js';
import { VERDICT_WORDS } from '../../model/verdict.js';
import { closedByRowsOf, cycleChartInputOf, hitTimelineOf, matrixGridOf, raceWindowDataOf } from './chart-data.js';
import { cycleChartSvg, cycleChartTitle, variantTotalWords } from './charts.js';
import { closedBySvg } from './closed-by-chart.js';
import { hitTimelineSvg } from './hit-timeline-chart.js';
import { matrixGridSvg } from './matrix-grid-chart.js';
import { reportHtml, type PageChart } from './page.js';
import { raceWindowSvg } from './race-window-chart.js';
import { readRunFiles, type RunFiles } from './run-files.js';
import { svgFile } from './svg.js';

/** The files the report writes into the run directory. */
export const REPORT_FILES = {
  html: 'report.html',
  cycles: 'chart-cycles.svg',
  raceWindow: 'chart-race-window.svg',
  hitTimeline: 'chart-hit-timeline.svg',
  closedBy: 'chart-closed-by.svg',
  /** Matrix runs only. */
  matrix: 'chart-matrix.svg',
} as const;

/** The page and each chart as a file of its own, by file name (a chart with nothing to draw has none). */
export interface RenderedReport {
  html: string;
  svgs: Record<string, string>;
}

/**
 * Every chart of a run, with its caption, in the page's order. A chart with nothing to draw (no cycle, no aimed
 * request, no hit to show, no connection) has no SVG: its caption says why, and no empty file is written.
 */
export function chartsOf(files: RunFiles): PageChart[] {
  const { summary } = files;
  const charts: PageChart[] = [];
  const grid = matrixGridOf(summary);
  if (grid !== null) {
    const counts = VERDICT_WORDS.filter((w) => grid.cells.some((c) => c.word === w))
      .map((w) => `${grid.cells.filter((c) => c.word === w).length} ${w}`)
      .join(', ');
    charts.push({
      id: 'matrix',
      heading: 'The matrix',
      svg: grid.cells.length === 0 ? null : matrixGridSvg(grid),
      caption: `One square per cell: rows are app variants${grid.manyLbs ? ' under their LB' : ''}, columns request methods; each says its verdict in words and how many of its boundary requests failed, out of how many, named by what the client saw (${counts}).`,
      file: REPORT_FILES.matrix,
    });
  }
  const cycles = cycleChartInputOf(summary, files.records);
  const totals = cycles.variants.map((v) => `${v} ${variantTotalWords(cycles, v)}`).join(', ');
  const what = cycles.counted === 'failures' ? 'failures' : '502s';
  charts.push({
    id: 'cycles',
    heading: cycleChartTitle(cycles).replace(/, per variant$/, ''),
    svg: cycles.cycles.length === 0 ? null : cycleChartSvg(cycles),
    caption:
      cycles.cycles.length === 0
        ? `No traffic cycle ran: no ${what} per cycle to show.`
        : `A row per variant${Object.keys(summary.lbs).length > 1 ? ', under its LB' : ''}, a square per traffic cycle (an idle gap, then requests aimed at the app's close) with ${cycles.counted === 'failures' ? 'the failures the client saw in it (502/503/504, empty reply, reset)' : 'its 502s (this run kept no requests.ndjson: a row whose app failed otherwise says so; the grid counts every failure)'} written in it, the darker the more; ▼ and a heavy border mark a variant's first. In all: ${totals}.`,
    file: REPORT_FILES.cycles,
  });
  const race = raceWindowDataOf(summary);
  charts.push({
    id: 'race-window',
    heading: 'The race window',
    svg: race.bins.length === 0 ? null : raceWindowSvg(race),
    caption:
      race.bins.length === 0
        ? 'No aimed requests: no race window to show.'
        : `${race.variant}'s aimed requests by when they were planned to arrive, relative to the close the lab predicted: sent (grey) and failed (red). Below, on its own scale, the hits against the app's real closes, and the window that holds them: before the close for as long as the app's event loop was busy past its keep-alive timer (a request then lies unread, and the timer, run before the loop next reads its sockets, closes the socket on it), after it while the app's FIN is on its way to the LB.`,
    file: REPORT_FILES.raceWindow,
  });
  const hit = hitTimelineOf(summary, files.records, files.apps[summary.aimVariant] ?? null, files.access);
  charts.push({
    id: 'hit-timeline',
    heading: 'One real hit, step by step',
    svg: 'reason' in hit ? null : hitTimelineSvg(hit),
    caption:
      'reason' in hit
        ? `No timeline: ${hit.reason}`
        : `The hit of ${hit.variant} that arrived nearest an app close (${hit.requestId}): the upstream socket's last response, its idle time, then, to scale, the LB reusing the socket ${Math.abs(hit.arrivalMinusCloseMs).toFixed(1)} ms ${hit.arrivalMinusCloseMs >= 0 ? 'after' : 'before'} the app's keep-alive close${hit.place === 'in-flight' ? ", the request and the app's FIN in flight at once" : `, the request lying unread while the app's event loop was busy${hit.loopDelayMs !== null && hit.loopDelayMs > 0 ? ` (its timer ${hit.loopDelayMs.toFixed(1)} ms late)` : ''}`}, and the ${hit.symptom} the client got. Times from the app's accounting and the harness's records, on the app's clock.`,
    file: REPORT_FILES.hitTimeline,
  });
  const closedBy = closedByRowsOf(summary);
  const anyConnection = closedBy.some((r) => r.total > 0);
  charts.push({
    id: 'closed-by',
    heading: 'Who closed the upstream connections',
    svg: anyConnection ? closedBySvg(closedBy) : null,
    caption: !anyConnection
      ? "No upstream connection in the app's accounting: nobody's closes to show."
      : "Per variant, every connection between the LB and the app by who closed it, from the app's accounting: the app (its keep-alive timer: the race is possible), the LB during the traffic or when it was stopped at the end, a reset, or still open.",
    file: REPORT_FILES.closedBy,
  });
  return charts;
}

/** The page and the standalone SVGs of a run's files; pure. */
export function renderReport(files: RunFiles): RenderedReport {
  const charts = chartsOf(files);
  const html = reportHtml({
    summary: files.summary,
    dir: files.dir,
    writtenSchemaVersion: files.writtenSchemaVersion,
    charts,
    missing: files.missing,
  });
  return {
    html,
    svgs: Object.fromEntries(charts.flatMap((c) => (c.svg === null ? [] : [[c.file, svgFile(c.svg)]]))),
  };
}

/**
 * Reads a run directory (or a summary file) and writes report.html and its charts into it (beside it)
 * (atomically, like every run file). Throws LabError when summary.json is
 * missing or unreadable; missing optional files only mean fewer charts.
 */
export function writeReport(dirOrSummary: string): {
  reportPath: string;
  /** The directory written into: the run's, or the summary file's. */
  dir: string;
  written: string[];
  missing: string[];
} {
  const files = readRunFiles(dirOrSummary);
  const { html, svgs } = renderReport(files);
  const written: string[] = [];
  for (const [name, svg] of Object.entries(svgs)) {
    writeRunFile(files.dir, name, svg);
    written.push(name);
  }
  // The page last: it links to the charts, which are then there.
  writeRunFile(files.dir, REPORT_FILES.html, html);
  written.push(REPORT_FILES.html);
  return { reportPath: join(files.dir, REPORT_FILES.html), dir: files.dir, written, missing: files.missing };
}
