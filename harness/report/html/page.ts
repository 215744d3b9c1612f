// report.html: one self-contained page per run: inline CSS, the charts inline
// as SVG, the system's fonts, no script and nothing fetched (its
// Content-Security-Policy forbids it). Large type for a screen, plain enough to print.
// Its first screen is the answer: the headline, the verdict and, for a matrix,
// the outcome grid; the run's facts come last, as tables.
import { LB_FIX_TABLE_NOTE, lbFixGroups, lbFixRows } from '../lb-fixes.js';
import { isAbsolute, relative } from 'node:path';
import { headlineText } from '../headline.js';
import { cellReasons, mainTable, verdictLine } from '../markdown.js';
import type { Summary } from '../../results/schema.js';
import { esc } from './svg.js';

/** One chart on the page: the SVG, what it shows, and its standalone file's name. */
export interface PageChart {
  id: string;
  heading: string;
  /** null: nothing to draw; the caption says why, and the page lists it under "Not drawn". */
  svg: string | null;
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

// Wide enough for a chart drawn for a 1,920-px slide to show at its own size (charts: at most 1,880 px); text keeps a
// reading measure. Narrower, a chart scrolls sideways instead of shrinking its labels to nothing.
const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; font-size: 18px; line-height: 1.5;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 1920px; padding: 16px 20px 64px; }
h1 { font-size: 1.2rem; font-weight: 600; color: #444; margin: 0; }
h2 { font-size: 1.35rem; margin: 1.6em 0 .5em; border-bottom: 2px solid #ddd; padding-bottom: .2em; }
p, figcaption, ul { max-width: 70em; }
.headline { font-size: 1.7rem; font-weight: 700; line-height: 1.3; margin: .2em 0 0; white-space: pre-wrap; }
.verdict { font-size: 1.2rem; font-weight: 700; line-height: 1.35; margin: .4em 0 .5em; padding: .4em .9em; border-left: 10px solid #555; background: #f5f5f5; max-width: none; }
.verdict.tone-good { border-color: #009E73; } .verdict.tone-bad { border-color: #D55E00; } .verdict.tone-warn { border-color: #E69F00; }
.notice { border: 2px solid #E69F00; background: #fff8e6; padding: .5em .9em; }
#answer h2 { margin-top: .6em; }
#answer figure { margin: .3em 0 1.5em; }
figure { margin: .8em 0 2em; }
figure .chart { overflow-x: auto; }
figure svg { display: block; max-width: none; height: auto; }
figcaption { font-size: 1rem; color: #333; margin-top: .5em; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .95rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
thead th { background: #eee; }
tbody tr:nth-child(even) { background: #f7f7f7; }
tbody th[scope="rowgroup"] { background: #e4e4e4; font-size: 1.05rem; }
table.facts th[scope="row"] { background: #f3f3f3; white-space: nowrap; }
ul.missing li, ul.reasons li { margin: .2em 0; }
code { font-size: .92em; }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .verdict, table { break-inside: avoid; }
  figure .chart, .table-wrap { overflow: visible; }
  figure svg { max-width: 100%; }
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

/** The LB-side fixes of a run that has them: the answer and a table per LB, the same rows as report.md's. */
function lbFixesSection(summary: Summary): string {
  const groups = lbFixGroups([summary]);
  if (groups.length === 0) return '';
  return [
    '<section id="lb-fixes"><h2>LB-side fixes</h2>',
    ...groups.map(({ lb, groups: gs }) =>
      [
        `<h3>${esc(lb)}</h3>`,
        `<ul class="reasons">${gs
          .map((g) =>
            g.items.length === 0
              ? `<li>${esc(`${g.title}: ${g.empty}.`)}</li>`
              : `<li>${esc(g.title)}:<ul>${g.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul></li>`,
          )
          .join('\n')}</ul>`,
        htmlTable(lbFixRows(summary, lb), true),
      ].join('\n'),
    ),
    `<p>${esc(LB_FIX_TABLE_NOTE)}</p>`,
    '</section>',
  ].join('\n');
}

const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(3)} s`);

/** Per variant, its closes: configured, probed, and during the traffic. */
function measuredClosesRows(summary: Summary): string[][] {
  return [
    ['variant', 'configured', 'idle close (probe)', 'close during the traffic (median)'],
    ...Object.values(summary.variants).map((v) => [
      v.name,
      v.configured.keepAliveTimeoutMs === null
        ? "Node's default keepAliveTimeout"
        : `keepAliveTimeout ${v.configured.keepAliveTimeoutMs} ms`,
      v.measured.probeIdleCloseMs === null
        ? `still open after ${seconds(v.measured.probeWatchedMs)}`
        : seconds(v.measured.probeIdleCloseMs),
      seconds(v.measured.appCloseDelayMedianMs),
    ]),
  ];
}

/** The run's facts, one row each: when, where, what ran, with which timeouts. */
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
    [
      'aim',
      `${summary.aimVariant}'s close delay ${summary.schedule.closeDelayMs === null ? '—' : `${summary.schedule.closeDelayMs.toFixed(1)} ms`} (app clock), ${summary.schedule.cycles.length} cycles`,
    ],
    ["apps' clocks − harness", clocks.length > 0 ? clocks.join(', ') : 'one clock (before schema v5)'],
  ];
  return `<div class="table-wrap"><table class="facts"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('\n')}</tbody></table></div>`;
}

/** A header cell's place in mainTable's matrix header; a renamed column is a bug here, not a user's problem. */
function columnOf(head: readonly string[], name: string): number {
  const i = head.indexOf(name);
  if (i < 0) throw new Error(`report.html: the matrix table has no '${name}' column (${head.join(', ')})`);
  return i;
}

/**
 * The matrix cell by cell: mainTable's rows (report.md's), with the outcome right after the cell and its method, and
 * the rows under their LB (one row group each, named with its version; the LB column is then the group's heading).
 */
function matrixTable(summary: Summary): string {
  const [head, ...body] = mainTable(summary);
  const lbColumn = columnOf(head, 'LB');
  const first = [columnOf(head, 'cell'), columnOf(head, 'method'), columnOf(head, 'verdict')];
  const order = [...first, ...head.map((_, i) => i).filter((i) => !first.includes(i) && i !== lbColumn)];
  // mainTable has one row per cell, in the summary's order.
  const lbs = [...new Set(body.map((r) => r[lbColumn]))];
  const groups = lbs.map((lb) => {
    const rows = body.filter((r) => r[lbColumn] === lb);
    return [
      `<tbody data-lb="${esc(lb)}">`,
      `<tr><th scope="rowgroup" colspan="${order.length}">${esc(lb)}</th></tr>`,
      ...rows.map(
        (r) =>
          `<tr>${order.map((i, j) => (j === 0 ? `<th scope="row">${esc(r[i])}</th>` : `<td>${esc(r[i])}</td>`)).join('')}</tr>`,
      ),
      '</tbody>',
    ].join('\n');
  });
  return [
    '<div class="table-wrap"><table class="matrix">',
    `<thead><tr>${order.map((i) => `<th scope="col">${esc(head[i])}</th>`).join('')}</tr></thead>`,
    ...groups,
    '</table></div>',
  ].join('\n');
}

/**
 * The verdict element: its word and tone as summary.json has them, drawn by the tone alone (never by "the run
 * completed").
 */
function verdictElement(summary: Summary): string {
  const { word, tone } = summary.verdict;
  return `<p class="verdict tone-${esc(tone)}" data-role="verdict" data-word="${esc(word)}" data-tone="${esc(tone)}">${esc(verdictLine(summary))}</p>`;
}

/**
 * A chart as a figure; one with nothing to draw as its heading and why. `headed: false` for a chart whose own title
 * is its heading (the grid on the first screen, where every line counts).
 */
function chartFigure(c: PageChart, headed = true): string {
  return [
    `<section id="${esc(c.id)}">`,
    headed || c.svg === null ? `<h2>${esc(c.heading)}</h2>` : '',
    c.svg === null
      ? `<p class="notice" data-role="not-drawn">${esc(c.caption)}</p>`
      : [
          '<figure>',
          `<div class="chart">${c.svg}</div>`,
          `<figcaption>${esc(c.caption)} <a href="${esc(c.file)}">${esc(c.file)}</a></figcaption>`,
          '</figure>',
        ].join('\n'),
    '</section>',
  ]
    .filter((line) => line !== '')
    .join('\n');
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
  // For a matrix the outcome grid answers right under the verdict; a classic run's few rows do.
  const [grid, charts] = isMatrix
    ? [input.charts.filter((c) => c.id === 'matrix'), input.charts.filter((c) => c.id !== 'matrix')]
    : [[], input.charts];
  const notDrawn = [
    ...input.charts.filter((c) => c.svg === null).map((c) => `${c.heading}: ${c.caption}`),
    ...input.missing,
  ];
  const body = [
    '<section id="answer">',
    `<h1>keepalive-lab run ${esc(summary.runId)}</h1>`,
    // The terminal's headline, word for word: what a reader takes in first.
    `<p class="headline" data-role="headline">${esc(headlineText(summary, false))}</p>`,
    verdictElement(summary),
    failure ? `<p class="notice">${esc(failure)}</p>` : '',
    ...(isMatrix ? [] : ['<h2>Side by side</h2>', htmlTable(mainTable(summary), true)]),
    ...grid.map((c) => chartFigure(c, false)),
    '</section>',
    ...charts.map((c) => chartFigure(c)),
    ...(isMatrix
      ? [
          '<section id="table"><h2>The matrix, cell by cell</h2>',
          matrixTable(summary),
          `<ul class="reasons">${cellReasons(summary)
            .map((l) => `<li>${esc(l)}</li>`)
            .join('\n')}</ul>`,
          '</section>',
        ]
      : []),
    lbFixesSection(summary),
    '<section id="facts"><h2>How it ran</h2>',
    facts(summary),
    '<h3>Measured closes</h3>',
    htmlTable(measuredClosesRows(summary), true),
    '</section>',
    notDrawn.length > 0
      ? `<section id="missing"><h2>Not drawn</h2><p>What the page could not draw, and the run's files it did not find:</p><ul class="missing">${notDrawn.map((m) => `<li>${esc(m)}</li>`).join('\n')}</ul></section>`
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
