// report.html: one self-contained page per run: inline CSS, the charts inline
// as SVG, the system's fonts, no script and nothing fetched (its
// Content-Security-Policy forbids it). Large type for a screen, plain enough to print.
import { isAbsolute, relative } from 'node:path';
import { headlineText } from '../headline.js';
import { cellReasons, mainTable, verdictLine } from '../markdown.js';
import type { Summary } from '../../results/schema.js';
import { esc } from './svg.js';

/** One chart on the page: the SVG, what it shows, and its standalone file's name. */
export interface PageChart {
  id: string;
  heading: string;
  svg: string;
  caption: string;
  file: string;
}

/** What the page is made of: the summary, the charts in page order, and what could not be read. */
export interface PageInput {
  summary: Summary;
  /** The run's directory and the schema version its summary.json was written in, for the page's footer. */
  dir: string;
  writtenSchemaVersion: number;
  charts: PageChart[];
  /** Files the report could not read, and what that cost. */
  missing: string[];
}

/** Wider than this, a chart scrolls sideways on screen instead of shrinking its labels to nothing. */
const WIDE_CHART_PX = 1100;

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 18px; line-height: 1.5;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1160px; padding: 24px 28px 64px; }
h1 { font-size: 1.7rem; margin: 0 0 .4em; }
h2 { font-size: 1.35rem; margin: 2em 0 .5em; border-bottom: 2px solid #ddd; padding-bottom: .2em; }
.headline { font-size: 1.9rem; font-weight: 700; margin: .3em 0 0; white-space: pre-wrap; }
.verdict { font-size: 1.45rem; font-weight: 700; line-height: 1.35; margin: .6em 0 1em; padding: .6em .9em; border-left: 10px solid #555; background: #f5f5f5; }
.verdict.tone-good { border-color: #009E73; } .verdict.tone-bad { border-color: #D55E00; } .verdict.tone-warn { border-color: #E69F00; }
.notice { border: 2px solid #E69F00; background: #fff8e6; padding: .5em .9em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25em 1.2em; margin: 0; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
figure { margin: 1.6em 0 2.4em; }
figure .chart { overflow-x: auto; }
figure svg { display: block; max-width: 100%; height: auto; }
figure .chart.wide svg { max-width: none; }
figcaption { font-size: 1rem; color: #333; margin-top: .5em; max-width: 60em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .95rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody tr:nth-child(even) { background: #f7f7f7; }
ul.missing li, ul.reasons li { margin: .2em 0; }
code { font-size: .92em; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .verdict, table { break-inside: avoid; }
  figure .chart, .table-wrap { overflow: visible; }
  figure .chart.wide svg { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
`;

/** A heading row, then body rows; a table whose first column labels its rows (the classic one) gets row headers. */
function htmlTable(rows: string[][], rowHeaders: boolean): string {
  const [head, ...body] = rows;
  const cell = (v: string, j: number) =>
    rowHeaders && j === 0 ? `<th scope="row">${esc(v)}</th>` : `<td>${esc(v)}</td>`;
  return [
    '<div class="table-wrap"><table>',
    `<thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${body.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n')}</tbody>`,
    '</table></div>',
  ].join('\n');
}

const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(3)} s`);

/** Per variant, its closes in one line: configured, probed, and during the traffic. */
function measuredCloses(summary: Summary): string[] {
  return Object.values(summary.variants).map((v) => {
    const configured =
      v.configured.keepAliveTimeoutMs === null
        ? "Node's default keepAliveTimeout"
        : `keepAliveTimeout ${v.configured.keepAliveTimeoutMs} ms`;
    const probe =
      v.measured.probeIdleCloseMs === null
        ? `still open after ${seconds(v.measured.probeWatchedMs)} (probe)`
        : `closed an idle socket after ${seconds(v.measured.probeIdleCloseMs)} (probe)`;
    const traffic =
      v.measured.appCloseDelayMedianMs === null
        ? ''
        : `, median ${seconds(v.measured.appCloseDelayMedianMs)} during the traffic`;
    return `${v.name}: ${configured}; ${probe}${traffic}`;
  });
}

/** The run's facts: when, where, what ran, with which timeouts, and what was measured. */
function facts(summary: Summary): string {
  const lbs = Object.entries(summary.lbs).map(
    ([lb, l]) => `${lb} ${l.version ?? '?'} (${l.accessEntries} access-log entries, ${l.errorLines} error lines)`,
  );
  const clocks = Object.entries(summary.schedule.appClocks).map(
    ([k, c]) => `${k} ${c === null ? '—' : `${c.offsetMs.toFixed(1)} ± ${c.uncertaintyMs.toFixed(2)} ms`}`,
  );
  const lbKeepAliveMs: number | undefined = summary.scenario.lb.upstreamKeepaliveTimeoutMs;
  const rows: Array<[string, string]> = [
    ['run', `${summary.runId} (${summary.runtime}, ${summary.mode}, ${summary.scenario.kind ?? 'classic'})`],
    ['when', `${summary.startedAt} → ${summary.finishedAt} (${(summary.wallTimeMs / 1000).toFixed(1)} s)`],
    [
      'versions',
      Object.entries(summary.versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    ],
    ['load balancer', lbs.join('; ') || '—'],
    [
      'LB timeouts',
      `upstream keep-alive ${typeof lbKeepAliveMs === 'number' ? `${lbKeepAliveMs / 1000} s` : '—'}, retry policy ${summary.scenario.retryPolicy}${summary.scenario.haproxyReuse && 'haproxy' in summary.lbs ? `, HAProxy http-reuse ${summary.scenario.haproxyReuse}` : ''}`,
    ],
    ['measured closes', measuredCloses(summary).map(esc).join('<br>')],
    [
      'aim',
      `${summary.aimVariant}'s close delay ${summary.schedule.closeDelayMs === null ? '—' : `${summary.schedule.closeDelayMs.toFixed(1)} ms`} (app clock), ${summary.schedule.cycles.length} cycles`,
    ],
    ["apps' clocks − harness", clocks.length > 0 ? clocks.join(', ') : 'one clock (before schema v5)'],
  ];
  // measured closes is already escaped line by line (joined with <br>); the others are plain text.
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${k === 'measured closes' ? v : esc(v)}</dd>`).join('\n')}</dl>`;
}

/**
 * The verdict element: its word and tone as summary.json has them, drawn by the tone alone (never by "the run
 * completed").
 */
function verdictElement(summary: Summary): string {
  const { word, tone } = summary.verdict;
  return `<p class="verdict tone-${esc(tone)}" data-role="verdict" data-word="${esc(word)}" data-tone="${esc(tone)}">${esc(verdictLine(summary))}</p>`;
}

function chartFigure(c: PageChart): string {
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(c.svg)?.[1] ?? 0);
  return [
    `<section id="${esc(c.id)}">`,
    `<h2>${esc(c.heading)}</h2>`,
    '<figure>',
    `<div class="chart${width > WIDE_CHART_PX ? ' wide' : ''}">${c.svg}</div>`,
    `<figcaption>${esc(c.caption)} <a href="${esc(c.file)}">${esc(c.file)}</a></figcaption>`,
    '</figure>',
    '</section>',
  ].join('\n');
}

/**
 * The run directory as the page shows it: relative to where the lab runs (a shared report should not carry a home
 * directory), else as given.
 */
function shownPath(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? dir : rel;
}

/** Quoted for a shell when it needs it. */
const shellWord = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`);

/** The whole page. */
export function reportHtml(input: PageInput): string {
  const { summary } = input;
  const isMatrix = summary.scenario.kind === 'matrix';
  const failure = summary.failure
    ? `This run ended early, during ${summary.failure.phase}: ${summary.failure.message}. The charts show what it measured.`
    : summary.interrupted
      ? 'This run was interrupted: the charts show what it measured until then.'
      : null;
  const body = [
    `<h1>keepalive-lab run ${esc(summary.runId)}</h1>`,
    // The terminal's headline, word for word: what a reader takes in first.
    `<p class="headline" data-role="headline">${esc(headlineText(summary, false))}</p>`,
    verdictElement(summary),
    failure ? `<p class="notice">${esc(failure)}</p>` : '',
    '<section id="facts"><h2>How it ran</h2>',
    facts(summary),
    '</section>',
    ...input.charts.map(chartFigure),
    `<section id="table"><h2>${isMatrix ? 'The matrix, cell by cell' : 'Side by side'}</h2>`,
    htmlTable(mainTable(summary), !isMatrix),
    isMatrix
      ? `<ul class="reasons">${cellReasons(summary)
          .map((l) => `<li>${esc(l)}</li>`)
          .join('\n')}</ul>`
      : '',
    '</section>',
    input.missing.length > 0
      ? `<section id="missing"><h2>Not drawn</h2><p>These files of the run were not found, so the page has less:</p><ul class="missing">${input.missing.map((m) => `<li>${esc(m)}</li>`).join('\n')}</ul></section>`
      : '',
    `<p><small>From <code>summary.json</code> (schema v${esc(input.writtenSchemaVersion)}) and the run's logs; rebuild with <code>npm run report -- ${esc(shellWord(shownPath(input.dir)))}</code>.</small></p>`,
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing to fetch: the page is whole as it is, and the policy says so to the browser.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(summary.verdict.word)} · keepalive-lab ${esc(summary.runId)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...body.filter((s) => s !== ''),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
