// What people read: the side-by-side table, the verdict and report.md, all
// rebuilt from a Summary alone.
import { lbFixSection } from './lb-fixes.js';
import { closedWhileIdle } from '../analysis/outcome.js';
import { percent, type Proportion } from '../model/stats.js';
import type { CellSummary, RaceModel, Summary, VariantSummary } from '../results/schema.js';
import { YOUR_APP_FIX } from '../scenarios/scenarios.js';
import { failuresSeen } from '../records/failures.js';
import { markdownTable } from './markdown-table.js';

const ms = (v: number | null) => (v === null ? '—' : `${(v / 1000).toFixed(3)} s`);

/** Wilson 95 % interval; with no 502 at all, the exact one-sided 95 % upper bound. */
function rateCell(p: Proportion): string {
  return p.failures === 0
    ? `0 (≤ ${percent(p.high, 2)}, one-sided)`
    : `${percent(p.rate)} (${percent(p.low)}–${percent(p.high)})`;
}

export function tableRows(summary: Summary): string[][] {
  const vs = Object.values(summary.variants);
  const row = (label: string, cell: (v: VariantSummary) => string) => [label, ...vs.map(cell)];
  return [
    ['', ...vs.map((v) => v.name)],
    row('keepAliveTimeout (configured)', (v) =>
      v.configured.keepAliveTimeoutMs === null ? 'Node default' : `${v.configured.keepAliveTimeoutMs} ms`,
    ),
    row(
      'server keepAliveTimeout / headersTimeout',
      (v) => `${v.measured.serverKeepAliveTimeoutMs ?? '—'} / ${v.measured.serverHeadersTimeoutMs ?? '—'} ms`,
    ),
    row('idle close, measured', (v) =>
      v.measured.probeIdleCloseMs === null
        ? `open after ${ms(v.measured.probeWatchedMs)}`
        : ms(v.measured.probeIdleCloseMs),
    ),
    row('requests', (v) => String(v.requests.total)),
    row('boundary requests', (v) => String(v.requests.boundary)),
    row('502s', (v) => String(v.rate502.failures)),
    row('502 rate at the boundary (95 %)', (v) => rateCell(v.boundaryRate502)),
    // 502s cluster by cycle: the cycles are the honest unit for a rate's interval.
    row(
      'aimed cycles with a 502 (95 %)',
      (v) => `${v.boundaryCycles.hitting}/${v.boundaryCycles.cycles}: ${rateCell(v.boundaryCycles.rate)}`,
    ),
    row('502 rate, all requests (95 %)', (v) => rateCell(v.rate502)),
    row('client-side errors', (v) => String(v.requests.clientErrors)),
    row("first 502 (from the run's start)", (v) =>
      v.firstHit ? `cycle ${v.firstHit.cycle}, ${(v.firstHit.elapsedMs / 1000).toFixed(1)} s` : '—',
    ),
    row('upstream closed by app / LB / reset', (v) => `${v.closedBy.app} / ${v.closedBy.lb} / ${v.closedBy.reset}`),
    row("  of the LB's: at shutdown", (v) => String(v.closedBy.lbAtShutdown)),
    row('502s in nginx access log', (v) => String(v.nginx.access502)),
  ];
}

const seconds = (v: number | null) => (v === null ? '—' : `${(v / 1000).toFixed(2)} s`);
const timeoutCell = (v: number | null) => (v === null ? 'default' : String(v));

/** The matrix table: one row per cell with its conclusion. */
export function matrixRows(summary: Summary): string[][] {
  const row = (c: CellSummary) => {
    const b = c.counts.boundary;
    const r = c.boundaryFailureRate ?? c.boundaryRate502;
    const rate = r === null ? '—' : r.failures === 0 ? `≤ ${percent(r.high, 1)}` : `${percent(r.rate)}`;
    const failed = failuresSeen(c.counts);
    const closed = closedWhileIdle(c.closedBy);
    const idle = closed;
    return [
      c.variant,
      c.method,
      c.lbVersion ? `${c.lb} ${c.lbVersion.split(/[-+]/)[0]}` : c.lb,
      c.node ?? (c.fix === YOUR_APP_FIX ? '—' : c.nodeLine),
      c.fix === YOUR_APP_FIX ? '—' : c.serverMode,
      // A user's app sets its own timeouts: the lab only measures them (app idle close).
      c.fix === YOUR_APP_FIX ? 'as shipped' : `${timeoutCell(c.keepAliveTimeoutMs)}/${timeoutCell(c.headersTimeoutMs)}`,
      seconds(c.appIdleCloseMs),
      c.effectiveCloseMs === null ? '—' : `${seconds(c.effectiveCloseMs)} (${c.effectiveCloseBy})`,
      `${failed}/${b ?? '—'}`,
      rate,
      c.clientSaw,
      c.maskedLatencyMs ? `${c.counts.masked} (${c.maskedLatencyMs.median} ms)` : String(c.counts.masked),
      `${idle.app}/${idle.lb}`,
      c.firstHit ? `${(c.firstHit.afterTrafficStartMs / 1000).toFixed(1)} s` : '—',
      c.verdict.word,
    ];
  };
  return [
    [
      'cell',
      'method',
      'LB',
      'node',
      'mode',
      'keepAlive/headers ms',
      'app idle close',
      'close behind LB (by)',
      'failed/boundary',
      'failure rate (95 %)',
      'client saw',
      'retried (latency)',
      'closed app/LB',
      'first failure (traffic)',
      'verdict',
    ],
    ...summary.cells.map(row),
  ];
}

export function formatTable(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function verdictLine(summary: Summary): string {
  // Your app: one verdict line per app, and the image it was (what a later run is compared against).
  if (summary.yourApp && summary.complete) {
    return summary.yourApp
      .map(
        (a) =>
          `${a.verdict}: ${a.variant}: ${a.line.slice(a.verdict.length + 2)}\n  image ${a.image.ref}${a.image.id ? ` (${a.image.id})` : ''}; measured ${a.measurement === 'preload' ? `with the preload, Node ${a.node}` : 'from the client side'}`,
      )
      .join('\n');
  }
  // The word summary.json has (analysis/verdict.ts), then the counts; the reasons when the word needs them.
  const { word, text, reasons } = summary.verdict;
  return `${word}: ${text}${reasons.length > 0 ? `\n  why: ${reasons.join('; ')}` : ''}`;
}

/** What the terminal and report.md show first: the matrix table for a matrix, the side-by-side table otherwise. */
export function mainTable(summary: Summary): string[][] {
  return summary.scenario.kind === 'matrix' ? matrixRows(summary) : tableRows(summary);
}

/** The cells' reasons, one line each (the table has only the outcome). */
export function cellReasons(summary: Summary): string[] {
  return summary.cells.map((c) => `${c.name}: ${c.verdict.word} — ${c.reason}; ${c.verdict.evidence}`);
}

export function reportMarkdown(summary: Summary): string {
  const rows = mainTable(summary);
  const md = [
    `# keepalive-lab run ${summary.runId}`,
    '',
    `**${verdictLine(summary)}**`,
    '',
    markdownTable(rows[0], rows.slice(1)),
    '',
    ...(summary.scenario.kind === 'matrix' ? ['## Cells', '', ...cellReasons(summary).map((l) => `- ${l}`), ''] : []),
    ...lbFixSection(summary),
    '## How it ran',
    '',
    `- runtime: ${summary.runtime}, mode: ${summary.mode}, nginx retry policy: ${summary.scenario.retryPolicy}${summary.scenario.haproxyReuse ? `, HAProxy http-reuse: ${summary.scenario.haproxyReuse}` : ''}, app server: ${summary.scenario.serverMode}`,
    `- LB upstream keep-alive: ${summary.scenario.lb.upstreamKeepaliveTimeoutMs} ms`,
    `- versions: ${Object.entries(summary.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    ...(summary.scenario.kind === 'matrix'
      ? [
          '- matrix columns: "app idle close" is the app alone (probe), "close behind LB" the median idle time at which upstream connections closed during the run and who closed most; "closed app/LB" counts idle closes during traffic',
        ]
      : []),
    `- aimed at ${summary.aimVariant}'s close delay ${fmtMs(summary.schedule.closeDelayMs, 1)} (app clock), one-way latency ${Object.entries(
      summary.schedule.oneWayLatencyMs,
    )
      .map(([k, v]) => `${k} ${fmtMs(v, 2)}`)
      .join(', ')}`,
    `- app clocks − harness clock (estimated from the exchanges, no clock shared): ${appClocksText(summary)}`,
    `- ${summary.schedule.cycles.length} cycles, wall time ${(summary.wallTimeMs / 1000).toFixed(1)} s${summary.interrupted ? ' (interrupted)' : ''}${summary.failure ? ` (failed during ${summary.failure.phase}: ${summary.failure.message})` : ''}`,
    `- race window: ${summary.raceWindow.hits} hits; planned offsets ${fmtSpread(summary.raceWindow.plannedOffsetMs)}; arrival − app close ${fmtSpread(summary.raceWindow.arrivalMinusAppCloseMs)}`,
    ...(summary.raceWindow.model
      ? [`- against the app's real closes: ${raceModelText(summary.raceWindow.model)}`]
      : []),
    `- nginx error log: ${Object.entries(summary.nginx.errorLog)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `- LBs: ${Object.entries(summary.lbs)
      .map(
        ([lb, l]) => `${lb} ${l.version ?? '?'} (${l.accessEntries} access-log entries, ${l.errorLines} error lines)`,
      )
      .join('; ')}`,
    summary.nginx.mismatches.length === 0
      ? "- every 502 the harness counted is in its LB's access log, and no other"
      : `- MISMATCH harness vs access log: ${JSON.stringify(summary.nginx.mismatches)}`,
    '',
    'Files: `summary.json` (schema v' +
      summary.schemaVersion +
      "), `requests.ndjson`, `compose.json` (Docker), each LB's configuration (`nginx.conf`, `haproxy.cfg`, `Caddyfile`) and `<lb>-access.log`, `<lb>-error.log`, `app-*.log`.",
    '',
  ];
  return md.join('\n');
}

function raceModelText(m: RaceModel): string {
  const part = (what: string, s: RaceModel['hitsMs']) => `${what} ${s === null ? '—' : `${fmtSpread(s)} (${s.count})`}`;
  const window =
    m.windowMs === null
      ? 'none (no hit met a close)'
      : `${m.windowMs.from.toFixed(1)} … ${m.windowMs.to.toFixed(1)} ms (${m.windowMs.width.toFixed(1)} ms wide)`;
  return `${part('hits', m.hitsMs)}; ${part('served early on a reused connection', m.servedBeforeCloseMs)}; ${part('served late on a new one', m.servedAfterCloseMs)}; window ${window}`;
}

function appClocksText(summary: Summary): string {
  const shift = summary.schedule.injectedAppClockOffsetMs;
  const clocks = Object.entries(summary.schedule.appClocks).map(
    ([k, c]) => `${k} ${c === null ? '—' : `${c.offsetMs.toFixed(1)} ± ${c.uncertaintyMs.toFixed(2)} ms`}`,
  );
  return `${clocks.length > 0 ? clocks.join(', ') : "— (before schema v5 the apps shared the harness's clock)"}${shift !== 0 ? ` (a test shifted them by ${shift} ms)` : ''}`;
}

function fmtMs(v: number | null, digits: number): string {
  return v === null ? '—' : `${v.toFixed(digits)} ms`;
}

function fmtSpread(s: { min: number; median: number; max: number } | null): string {
  return s === null ? '—' : `${s.min.toFixed(1)} … ${s.max.toFixed(1)} ms (median ${s.median.toFixed(1)})`;
}
