// report.html's pieces (harness/report/html/) against real runs kept as
// fixtures (test/fixtures/runs/): a classic run (schema v5, with the race
// model), a small matrix (v3, older app logs) and a 30-cell matrix's summary
// alone (every optional file missing). Charts are counted by their data-* attributes.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { closeInstant } from '../../harness/records/app-records.js';
import { matchHit } from '../../harness/analysis/race-model.js';
import { LabError, messageOf } from '../../harness/model/errors.js';
import { runVerdict } from '../../harness/analysis/verdict.js';
import { EXIT } from '../../harness/model/exit-codes.js';
import { mainTable } from '../../harness/report/markdown.js';
import { renderReport, REPORT_FILES, writeReport } from '../../harness/report/html/build.js';
import {
  closedByRowsOf,
  cycleChartInputOf,
  hitTimelineOf,
  matrixGridOf,
  cellCountLabel,
  raceWindowDataOf,
  SAME_INSTANT_MS,
  type HitTimeline,
} from '../../harness/report/html/chart-data.js';
import { cycleChartSvg, type CycleChartInput } from '../../harness/report/html/charts.js';
import { closedBySvg } from '../../harness/report/html/closed-by-chart.js';
import { hitTimelineSvg } from '../../harness/report/html/hit-timeline-chart.js';
import { matrixGridSvg } from '../../harness/report/html/matrix-grid-chart.js';
import { raceWindowSvg } from '../../harness/report/html/race-window-chart.js';
import { appAccountOf, readRunFiles } from '../../harness/report/html/run-files.js';
import { clientSymptom } from '../../harness/records/request-records.js';
import { defaultMatrixSummary } from '../helpers/default-matrix.js';
import type { Summary } from '../../harness/results/schema.js';
import type { ClientFailureCounts } from '../../harness/records/failures.js';

const RUNS = fileURLToPath(new URL('../fixtures/runs/', import.meta.url));
const CLASSIC = join(RUNS, '20261128-042022Z-docker');
const MATRIX = join(RUNS, '20261127-221646Z-docker');
const SUMMARY_ONLY = join(RUNS, '20261127-224243Z-docker-summary-only');

/** Every opening tag of an element carrying `attr` (optionally with a value). */
function tagsWith(svg: string, attr: string, value?: string | number): string[] {
  const needle = value === undefined ? `${attr}="` : `${attr}="${value}"`;
  return [...svg.matchAll(/<[a-z]+\b[^>]*>/g)].map((m) => m[0]).filter((tag) => tag.includes(` ${needle}`));
}

/** One attribute's value in a tag. */
const attrOf = (tag: string, attr: string) => new RegExp(` ${attr}="([^"]*)"`).exec(tag)?.[1];
const round1 = (v: number) => Math.round(v * 10) / 10;

const classic = readRunFiles(CLASSIC);
const matrix = readRunFiles(MATRIX);

t.test('the run files of a classic run: every file read, nothing missing', async (t) => {
  const lines = readFileSync(join(CLASSIC, 'requests.ndjson'), 'utf8').trim().split('\n').length;
  t.equal(classic.records?.length, lines, 'one record per line of requests.ndjson');
  t.same(Object.keys(classic.apps), Object.keys(classic.summary.variants));
  t.ok(classic.apps.default!.closes.length > 0, "the app's closes");
  t.ok(classic.apps.default!.responseEnds.size > 0, "the app's response ends");
  t.ok(
    classic.access !== null && classic.access.length === classic.summary.lbs.nginx.accessEntries,
    "nginx's access log, as many entries as the summary counted",
  );
  t.same(classic.missing, []);
});

t.test('a summary alone: the missing files are said, each with what it costs', async (t) => {
  const files = readRunFiles(SUMMARY_ONLY);
  t.equal(files.records, null);
  t.equal(files.access, null);
  t.ok(Object.values(files.apps).every((a) => a === null));
  t.equal(files.missing.length, 3, "requests.ndjson, the aim variant's app log, nginx's access log");
  t.match(files.missing.join('\n'), /requests\.ndjson.*no hit timeline/);
  t.match(files.missing.join('\n'), new RegExp(`app-${files.summary.aimVariant}\\.log`));
  t.match(files.missing.join('\n'), /nginx-access\.log/);
});

t.test('a missing directory or a bad summary.json is a LabError with exit code 2', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'report-html-bad-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  /** The error a read throws: a one-line LabError for exit code 2. */
  const badInput = (dirToRead: string, what: string, message: RegExp) => {
    try {
      readRunFiles(dirToRead);
      t.fail(`${what}: no error`);
    } catch (err) {
      t.ok(err instanceof LabError && err.exitCode === EXIT.badInput, `${what}: a LabError, exit 2`);
      t.notMatch(messageOf(err), /\n/, `${what}: one line`);
      t.match(messageOf(err), message, what);
    }
  };
  badInput(
    join(dir, 'nope'),
    'missing directory',
    /^No run directory or summary at .*\(give results\/<run-id> or its summary\.json\)\.$/,
  );
  badInput(dir, 'no summary.json', /has no summary\.json/);
  writeFileSync(join(dir, 'summary.json'), '{ torn');
  badInput(dir, 'not JSON', /is not valid JSON/);
  writeFileSync(join(dir, 'summary.json'), JSON.stringify({ schemaVersion: 5 }));
  badInput(dir, 'not a summary', /is not a summary this lab can read.*runId missing/);
  writeFileSync(join(dir, 'summary.json'), JSON.stringify({ schemaVersion: 99 }));
  badInput(dir, 'a version from the future', /schemaVersion 99/);
});

t.test('older app logs (no timer instant) read with it as null; current ones unchanged', async (t) => {
  const old =
    '{"lab":"socket-closed","variant":"v","pid":1,"socketId":3,"remote":"x","requests":2,"acceptedAtMonoMs":1,"lastResponseEndMonoMs":10,"closedAtMonoMs":6010,"idleMs":6000,"closedBy":"app","reason":"keep-alive-timeout","keepAliveTimeoutMs":5000,"headersTimeoutMs":60000}';
  const current = old.replace('"closedAtMonoMs":6010', '"closedAtMonoMs":6012,"keepAliveTimerAtMonoMs":6010');
  const account = appAccountOf(
    `next starting\n${old}\n${current}\n{"lab":"response-finished","socketId":3,"request":2,"method":"GET","status":200,"endMonoMs":10}\n`,
  );
  t.equal(account.closes.length, 2);
  t.equal(account.closes[0].keepAliveTimerAtMonoMs, null);
  t.equal(closeInstant(account.closes[0]), 6010);
  t.equal(account.closes[1].keepAliveTimerAtMonoMs, 6010);
  t.equal(account.responseEnds.get('3/2'), 10);
  t.ok(
    matrix.apps[matrix.summary.aimVariant]!.closes.some((c) => c.closedBy === 'app'),
    "the v3 matrix's app logs are read",
  );
});

/** A chart's squares of one variant, added up (data-count). */
const drawnFor = (svg: string, variant: string) =>
  tagsWith(svg, 'data-count')
    .filter((b) => b.includes(` data-variant="${variant}"`))
    .reduce((n, b) => n + Number(attrOf(b, 'data-count')), 0);

const MATRIX_BUSY = fileURLToPath(new URL('../../docs/measurements/matrix-busy/', import.meta.url));

t.test(
  'chart a, with requests.ndjson: every failure the client saw per cycle; the totals are the cells counts',
  async (t) => {
    for (const files of [classic, matrix, readRunFiles(MATRIX_BUSY)]) {
      const { summary, records } = files;
      const svg = cycleChartSvg(cycleChartInputOf(summary, records));
      const cycles = summary.schedule.cycles;
      t.match(svg, /<title>Failures per cycle, per variant<\/title>/, `${summary.runId}: titled for failures`);
      t.equal(tagsWith(svg, 'data-cycle-group').length, cycles.length, `${summary.runId}: groups = cycles`);
      t.equal(
        tagsWith(svg, 'data-count').length,
        cycles.reduce((n, c) => n + Object.keys(c.count502).length, 0),
        `${summary.runId}: squares = Σ variants per cycle`,
      );
      for (const name of Object.keys(summary.variants)) {
        // The client's failures of the variant, counted here from the records: every symptom, not only 502.
        const failed = records!.filter((r) => r.variant === name && clientSymptom(r) !== null).length;
        t.equal(drawnFor(svg, name), failed, `${name}: the squares add up to its ${failed} failures`);
        t.equal(
          tagsWith(svg, 'data-variant-row', name).reduce((n, r) => n + Number(attrOf(r, 'data-total')), 0),
          failed,
          `${name}: its row says its total`,
        );
      }
    }
    // The committed busy matrix: HAProxy's failures are empty replies, which a count of 502s showed as zeros.
    const busy = readRunFiles(MATRIX_BUSY);
    const svg = cycleChartSvg(cycleChartInputOf(busy.summary, busy.records));
    const emptyReplies = (cells: Summary['cells'], variant: string) =>
      cells.filter((c) => c.variant === variant).reduce((n, c) => n + c.counts.emptyReply, 0);
    for (const variant of ['haproxy-node24-standalone-default', 'haproxy-node24-standalone-article']) {
      const n = emptyReplies(busy.summary.cells, variant);
      t.ok(n > 0, `${variant}: failed by empty replies`);
      t.equal(drawnFor(svg, variant), n, `${variant}: its ${n} empty replies in its squares`);
      t.match(svg, new RegExp(`>${n} × empty reply, first in cycle \\d+</text>`), `${variant}: its total names them`);
    }
    const article = 'haproxy-node24-standalone-article';
    t.equal(
      tagsWith(svg, 'data-first-hit').filter((b) => b.includes(` data-variant="${article}"`)).length,
      1,
      'the FIX FAILED app: its first failure marked',
    );
    const c3 = cycleChartSvg(cycleChartInputOf(classic.summary, classic.records));
    t.match(
      c3,
      /<rect [^>]*data-cycle="3" data-lane="short" data-variant="default" data-count="\d+"/,
      'the square attributes the live page counts',
    );
    // Every count is written in its square: the 'default' row's texts are its counts in cycle order.
    const counts = classic.summary.schedule.cycles.map(
      (c) => classic.records!.filter((r) => r.variant === 'default' && r.cycle === c.cycle && clientSymptom(r)).length,
    );
    const written = [...c3.matchAll(/data-variant="default"[^>]*>.*?<\/rect><text [^>]*>([^<]*)<\/text>/g)].map((m) =>
      Number(m[1].replace('▼', '')),
    );
    t.same(written, counts, 'each square says its count');
  },
);

t.test(
  "chart a, summary only: the summary's 502s per cycle, said so; a row whose app failed otherwise says where",
  async (t) => {
    for (const summary of [readRunFiles(SUMMARY_ONLY).summary, readRunFiles(MATRIX_BUSY).summary]) {
      const input = cycleChartInputOf(summary, null);
      const svg = cycleChartSvg(input);
      t.match(svg, /<title>502s per cycle, per variant<\/title>/, `${summary.runId}: titled for 502s`);
      t.match(svg, /502s only: this run kept no requests\.ndjson/, 'its key says why');
      for (const [name, v] of Object.entries(summary.variants)) {
        t.equal(drawnFor(svg, name), v.rate502.failures, `${name}: the squares add up to its 502s`);
        const firsts = tagsWith(svg, 'data-first-hit').filter((b) => b.includes(` data-variant="${name}"`));
        t.equal(firsts.length, v.firstHit ? 1 : 0, `${name}: its first 502 marked once, or not at all`);
        if (v.firstHit) t.equal(attrOf(firsts[0], 'data-cycle'), String(v.firstHit.cycle));
      }
    }
    // The busy matrix without its requests: HAProxy's REPRODUCED and FIX FAILED rows are zeros of 502, never clean.
    const busy = readRunFiles(MATRIX_BUSY).summary;
    const svg = cycleChartSvg(cycleChartInputOf(busy, null));
    const noted = tagsWith(svg, 'data-note', 'true');
    const otherwise = busy.cells.filter((c) => c.counts.emptyReply + c.counts.reset + c.counts.status503 > 0);
    t.ok(otherwise.length >= 2, 'the busy matrix has cells that failed otherwise than by 502');
    t.equal(noted.length, new Set(otherwise.map((c) => c.variant)).size, 'a note on each of their rows, only theirs');
    for (const variant of new Set(otherwise.filter((c) => c.lb === 'haproxy').map((c) => c.variant))) {
      const n = busy.cells.filter((c) => c.variant === variant).reduce((k, c) => k + c.counts.emptyReply, 0);
      t.match(
        svg,
        new RegExp(`>0 × 502 · 502s only here; its ${n} empty replies: see the grid</text>`),
        `${variant}: its row says where its failures are`,
      );
    }
  },
);

t.test('chart a: rows under their LB for a matrix of several LBs; none for one LB', async (t) => {
  const many = cycleChartInputOf(defaultMatrixSummary(), null);
  const svg = cycleChartSvg(many);
  t.same(
    tagsWith(svg, 'data-lb-group').map((g) => attrOf(g, 'data-lb-group')),
    ['nginx', 'haproxy', 'caddy'],
    'a heading per LB, in the order they ran',
  );
  const rows = tagsWith(svg, 'data-variant-row').map((r) => attrOf(r, 'data-variant-row'));
  t.same(rows.slice(-4), [
    'haproxy-node24-standalone-default',
    'haproxy-node24-standalone-article',
    'caddy-node24-standalone-default',
    'caddy-node24-standalone-article',
  ]);
  t.equal(rows.length, 19, 'a row per app: each ran in one lane');
  t.equal(tagsWith(cycleChartSvg(cycleChartInputOf(matrix.summary, matrix.records)), 'data-lb-group').length, 0);
  // A variant in both lanes gets a row in each; its first failure is marked in its own lane.
  const twoLanes = cycleChartSvg({
    variants: ['a'],
    counted: 'failures',
    cycles: [
      { cycle: 1, lane: 'short', kind: 'aimed', counts: { a: { '502': 1 } } },
      { cycle: 1, lane: 'long', kind: 'aimed', counts: { a: { '502': 1, reset: 1 } } },
    ],
    firstHit: { a: { cycle: 1, lane: 'long' } },
  });
  t.same(
    tagsWith(twoLanes, 'data-variant-row').map((r) => [attrOf(r, 'data-lane'), attrOf(r, 'data-total')]),
    [
      ['short', '1'],
      ['long', '2'],
    ],
  );
  const firsts = tagsWith(twoLanes, 'data-first-hit');
  t.equal(firsts.length, 1, 'its first failure marked once');
  t.equal(attrOf(firsts[0], 'data-lane'), 'long', 'in its lane');
  t.match(twoLanes, />1 × 502, 1 × reset, first in cycle 1<\/text>/, 'the row names each symptom');
});

t.test('chart a draws an empty chart with no cycles, and escapes what it writes', async (t) => {
  const empty = cycleChartSvg({
    variants: ['default', 'fixed'],
    counted: 'failures',
    cycles: [],
    firstHit: { default: null, fixed: null },
  });
  t.match(empty, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  t.match(empty, /No cycles yet/);
  t.equal(tagsWith(empty, 'data-count').length, 0);
  t.match(empty, /<title>Failures per cycle, per variant<\/title><desc>No cycles yet\.<\/desc>/);
  t.doesNotThrow(
    () => cycleChartSvg({ variants: [], counted: 'failures', cycles: [], firstHit: {} }),
    'not even a variant',
  );
  const hostile: CycleChartInput = {
    variants: ['<b>&"x"'],
    counted: 'failures',
    cycles: [{ cycle: 1, lane: 'short', kind: 'aimed', counts: { '<b>&"x"': { '502': 2 } } }],
    firstHit: { '<b>&"x"': { cycle: 1 } },
  };
  const svg = cycleChartSvg(hostile);
  t.notMatch(svg, /<b>/, 'no markup from a name');
  t.match(svg, /&lt;b&gt;&amp;&quot;x&quot;/);
});

t.test("chart b: the aim variant's aimed requests by planned offset, and the measured window", async (t) => {
  const data = raceWindowDataOf(classic.summary);
  const aimed = classic.records!.filter(
    (r) => r.variant === data.variant && r.phase === 'aimed' && r.offsetMs !== null,
  );
  t.equal(
    data.bins.reduce((n, b) => n + b.sent, 0),
    aimed.length,
    'every aimed request in a bin',
  );
  t.equal(
    data.bins.reduce((n, b) => n + b.hit, 0),
    aimed.filter((r) => r.status === 502).length,
    'every 502 among them',
  );
  t.same(
    data.bins.map((b) => b.offsetMs),
    [...data.bins.map((b) => b.offsetMs)].sort((a, b) => a - b),
    'in offset order',
  );
  // This v5 summary's own window (the old rule: latest served early … earliest served late) holds none of its hits:
  // drawn from the hits.
  t.same(data.writtenWindowMs, classic.summary.raceWindow.model!.windowMs);
  t.equal(data.windowFrom, 'hits');
  t.same(
    data.windowMs,
    { from: -14.408, to: 1.657, width: 16.065 },
    'from the earliest hit to the latest, the close inside',
  );
  const svg = raceWindowSvg(data);
  const bars = tagsWith(svg, 'data-offset-ms');
  t.equal(bars.length, data.bins.length);
  for (const b of data.bins)
    t.match(svg, new RegExp(`>${b.hit}/${b.sent}</text>`), `${b.offsetMs} ms written as failed/sent`);
  const [window] = tagsWith(svg, 'data-role', 'window');
  t.ok(window, 'the window drawn');
  t.ok(Number(attrOf(window, 'data-width-ms')) >= 0, 'never a negative width');
  t.equal(tagsWith(svg, 'data-role', 'window-unread').length, 1, 'before the close: the loop busy, the request unread');
  t.equal(tagsWith(svg, 'data-role', 'window-in-flight').length, 1, 'after it: the FIN in flight');
  t.match(svg, /drawn from the hits/);
  // A summary whose window was negative (your app, the old rule): drawn from its hits, never with a negative width.
  const yours = raceWindowDataOf(readRunFiles(join(RUNS, '20261128-084831Z-docker-your-app-summary-only')).summary);
  t.equal(yours.writtenWindowMs!.width, -29.949);
  t.same(yours.windowMs, { from: -45.994, to: 0, width: 45.994 });
  const yoursSvg = raceWindowSvg(yours);
  t.notOk(
    tagsWith(yoursSvg, 'data-width-ms').some((tag) => Number(attrOf(tag, 'data-width-ms')) < 0),
    'no negative width drawn',
  );
  t.equal(
    tagsWith(yoursSvg, 'data-role', 'window-in-flight').length,
    0,
    'every hit before the close: no side after it',
  );
  t.match(yoursSvg, /its width was negative \(−?-?29\.9 ms\)/);
  t.match(yoursSvg, /past its predicted close/, 'the served requests that overlap the hits, said');
  // Before v5 there is no race model: said so, bars still drawn.
  const old = raceWindowDataOf(matrix.summary);
  t.equal(old.modelPresent, false);
  const oldSvg = raceWindowSvg(old);
  t.equal(tagsWith(oldSvg, 'data-role', 'window').length, 0);
  t.match(oldSvg, /predates the race model/);
  t.match(raceWindowSvg({ ...data, bins: [] }), /No aimed requests/);
});

t.test('chart c: the hit nearest an app close, as race-model.ts matches it, step by step', async (t) => {
  const { summary } = classic;
  const hit = hitTimelineOf(summary, classic.records, classic.apps[summary.aimVariant], classic.access) as HitTimeline;
  t.notOk('reason' in hit, 'a hit to show');
  const sendToAppMs = summary.schedule.appClocks[summary.aimVariant]!.sendToAppMs;
  const hits = classic.records!.filter(
    (r) => r.variant === summary.aimVariant && r.phase === 'aimed' && clientSymptom(r) !== null,
  );
  const margins = hits
    .map((r) => matchHit(r, classic.apps[summary.aimVariant]!.closes, sendToAppMs))
    .filter((m) => m !== null)
    .map((m) => Math.abs(m.arrivalMinusCloseMs));
  t.equal(Math.abs(hit.arrivalMinusCloseMs), Math.min(...margins), 'the smallest margin of all hits');
  const model = summary.raceWindow.model!.hitsMs!;
  t.ok(hit.arrivalMinusCloseMs >= model.min && hit.arrivalMinusCloseMs <= model.max, "within the race model's hits");
  t.equal(hit.symptom, '502');
  t.same(hit.lbLog, { lb: 'nginx', status: 502, retries: 0 }, "nginx's line for the request");
  t.ok(hit.timerMs > 5_000 && hit.timerMs < 7_000, `idle about Node's 5 s + 1 s (${hit.timerMs} ms)`);
  t.ok(hit.clientAnswerMs! > hit.clientSendMs, 'the answer after the send');
  t.equal(hit.lastResponseFrom, 'response-finished');
  const closes = classic.apps[summary.aimVariant]!.closes.filter((c) => c.closedBy === 'app');
  const chosen = closes.find((c) => c.socketId === hit.socketId)!;
  const atOnce = closes.filter((c) => Math.abs(closeInstant(c) - closeInstant(chosen)) <= SAME_INSTANT_MS).length;
  t.equal(hit.closesAtOnce, atOnce, `the candidates: ${atOnce} closes within ±${SAME_INSTANT_MS} ms`);
  const svg = hitTimelineSvg(hit);
  t.match(
    svg,
    atOnce > 1
      ? new RegExp(`LB reuses a socket closing then \\(#${hit.socketId}, one of ${atOnce} within`)
      : new RegExp(`LB reuses socket #${hit.socketId}:`),
    'the socket named as known as it is',
  );
  t.same(
    tagsWith(svg, 'data-step')
      .map((s) => attrOf(s, 'data-step'))
      .sort(),
    ['answer', 'last-response', 'reset', 'reuse', 'send', 'timer'],
  );
  t.equal(tagsWith(svg, 'data-lifeline').length, 3);
  t.match(svg, new RegExp(`idle ${hit.timerMs.toFixed(1)} ms`));
  t.match(svg, /502 after \d+\.\d ms/);
  // The race to scale: the loop busy from the timer's due instant to its firing, the request unread in the socket
  // meanwhile.
  t.equal(hit.place, 'unread');
  t.equal(hit.dueMs, 6_000, "last response + Node's 5000 + 1000 ms (this v5 log predates the due instant's record)");
  t.equal(hit.loopDelayMs, 3.154);
  const [busy] = tagsWith(svg, 'data-role', 'loop-busy');
  t.same([Number(attrOf(busy, 'data-from-ms')), Number(attrOf(busy, 'data-to-ms'))], [6_000, round1(hit.timerMs)]);
  t.equal(tagsWith(svg, 'data-role', 'unread').length, 1);
  t.match(svg, /reset \(RST: closed with the request unread\)/);

  // The v3 hit that reached the app 19.8 ms early: its socket closed 23.9 ms after its timer was due, the request
  // unread meanwhile.
  const v3 = hitTimelineOf(
    matrix.summary,
    matrix.records,
    matrix.apps[matrix.summary.aimVariant],
    matrix.access,
  ) as HitTimeline;
  t.notOk('reason' in v3, 'a v3 run (one clock, no timer instants) has its hit too');
  t.equal(round1(v3.arrivalMinusCloseMs), -19.8);
  t.equal(v3.loopDelayMs, 23.927);
  t.equal(v3.place, 'unread');
  t.match(hitTimelineSvg(v3), /request unread in the socket 19\.8 ms/);

  // A hit after the close: the request and the app's FIN cross, in flight at once.
  const late: HitTimeline = {
    ...hit,
    arrivalMs: hit.timerMs + 0.5,
    clientSendMs: hit.timerMs - 0.3,
    arrivalMinusCloseMs: 0.5,
    place: 'in-flight',
    clientAnswerMs: hit.timerMs + 1.6,
  };
  const lateSvg = hitTimelineSvg(late);
  const line = (step: string) => {
    const [tag] = [...lateSvg.matchAll(new RegExp(`<g data-step="${step}"[^>]*><line ([^>]*)/>`, 'g'))].map(
      (m) => m[1],
    );
    return { y1: Number(attrOf(` ${tag}`, 'y1')), y2: Number(attrOf(` ${tag}`, 'y2')) };
  };
  const request = line('reuse');
  const fin = line('reset');
  t.ok(
    request.y1 < fin.y2 && request.y2 > fin.y1,
    'the request leaves the LB before the FIN reaches it, and reaches the app after the FIN left',
  );
  t.match(lateSvg, /request and FIN in flight at once/);
  t.equal(tagsWith(lateSvg, 'data-role', 'unread').length, 0);
});

t.test('chart c says why there is no timeline', async (t) => {
  const { summary } = classic;
  const reason = (h: ReturnType<typeof hitTimelineOf>) => ('reason' in h ? h.reason : 'drawn');
  t.match(reason(hitTimelineOf(summary, null, classic.apps.default, null)), /requests\.ndjson is missing/);
  t.match(reason(hitTimelineOf(summary, classic.records, null, null)), /app-default\.log is missing/);
  t.match(
    reason(hitTimelineOf({ ...summary, aimVariant: 'fixed' }, classic.records, classic.apps.fixed, null)),
    /fixed had no failed aimed request/,
  );
  const svg = hitTimelineSvg({ reason: 'app-<x>.log is missing' });
  t.match(svg, /app-&lt;x&gt;\.log is missing/);
  t.equal(tagsWith(svg, 'data-role', 'empty').length, 1);
  t.equal(tagsWith(svg, 'data-step').length, 0);
});

t.test('chart d: who closed each upstream connection, the segments adding up to the total', async (t) => {
  for (const { summary } of [classic, matrix]) {
    const rows = closedByRowsOf(summary);
    const svg = closedBySvg(rows);
    for (const r of rows) {
      const v = summary.variants[r.variant];
      t.equal(r.lbDuringTraffic + r.lbAtShutdown, v.closedBy.lb);
      const drawn = tagsWith(svg, 'data-closed-by')
        .filter((s) => s.includes(` data-variant="${r.variant}"`))
        .reduce((n, s) => n + Number(attrOf(s, 'data-count')), 0);
      t.equal(drawn, v.closedBy.total, `${r.variant}: segments = total`);
      t.match(
        svg,
        new RegExp(
          `app ${v.closedBy.app} · LB during traffic ${r.lbDuringTraffic} · LB at shutdown ${v.closedBy.lbAtShutdown} · reset ${v.closedBy.reset} · still open ${v.closedBy.open} \\(${v.closedBy.total} in all\\)`,
        ),
        `${r.variant} in words`,
      );
    }
  }
});

t.test('chart e: one square per cell, its outcome in words and its counts', async (t) => {
  t.equal(matrixGridOf(classic.summary), null, 'not for a classic run');
  for (const summary of [matrix.summary, readRunFiles(SUMMARY_ONLY).summary]) {
    const grid = matrixGridOf(summary)!;
    const svg = matrixGridSvg(grid);
    const squares = tagsWith(svg, 'data-role', 'cell-square');
    t.equal(squares.length, summary.cells.length, `${summary.runId}: one square per cell`);
    t.equal(grid.rows.length * grid.columns.length, summary.cells.length, 'rows × columns = cells');
    for (const c of summary.cells) {
      const g = tagsWith(svg, 'data-cell', c.name);
      t.equal(attrOf(g[0], 'data-outcome'), c.outcome);
      // One count over another: the boundary requests that failed out of the boundary requests (not every request's
      // failures over the boundary's).
      const rate = c.boundaryFailureRate!;
      const words = /data-role="counts">([^<]+)</.exec(svg.slice(svg.indexOf(`data-cell="${c.name}"`)))![1];
      const m = /^(no failure|\d+) ?(.*) \/ (\d+)$/.exec(words);
      t.ok(m, `${c.name}: '${words}' is failures / trials`);
      t.equal(Number(m![3]), rate.trials, `${c.name}: out of its ${rate.trials} boundary requests`);
      t.equal(m![1] === 'no failure' ? 0 : Number(m![1]), rate.failures, `${c.name}: ${rate.failures} of them failed`);
    }
    t.same(
      [...svg.matchAll(/<g data-cell="([^"]+)"[^>]*>.*?data-role="outcome">([^<]+)</g)].map((m) => [m[1], m[2]]),
      summary.cells.map((c) => [c.name, c.verdict.word]),
      "every square says its cell's verdict word, as summary.json has it",
    );
  }
});

t.test("chart e's legend: beside the squares when a slide has room, above them when not", async (t) => {
  const grid = matrixGridOf(readRunFiles(MATRIX_BUSY).summary)!;
  const place = (svg: string) => {
    const squares = tagsWith(svg, 'data-role', 'cell-square');
    const legend = svg.slice(svg.indexOf('data-role="legend"'));
    const swatches = tagsWith(legend.slice(0, legend.indexOf('</g></g>')), 'stroke-width', 2).filter((r) =>
      r.startsWith('<rect'),
    );
    return {
      squaresRight: Math.max(...squares.map((r) => Number(attrOf(r, 'x')) + Number(attrOf(r, 'width')))),
      squaresTop: Math.min(...squares.map((r) => Number(attrOf(r, 'y')))),
      legendLeft: Math.min(...swatches.map((r) => Number(attrOf(r, 'x')))),
      legendBottom: Math.max(...swatches.map((r) => Number(attrOf(r, 'y')))),
      width: Number(attrOf(svg, 'width')),
    };
  };
  const two = place(matrixGridSvg(grid));
  t.ok(two.legendLeft > two.squaresRight, 'two methods: the legend right of the squares');
  t.ok(two.width <= 1880, `and the chart a slide wide (${two.width} px)`);
  // Four methods: no room beside on a 1,920-px slide.
  const methods = ['POST', 'GET', 'PUT', 'PATCH'];
  const wide = {
    ...grid,
    columns: methods,
    cells: grid.cells.flatMap((c) =>
      c.method === 'GET' ? methods.slice(1).map((m) => ({ ...c, method: m, name: `${c.name}-${m}` })) : [c],
    ),
  };
  const four = place(matrixGridSvg(wide));
  t.ok(four.legendBottom < four.squaresTop, 'four methods: the legend above the squares');
  t.ok(four.width <= 1880, `and the chart a slide wide (${four.width} px)`);
});

t.test("chart e's counts: the boundary's failures out of its requests, named by their symptom", async (t) => {
  const cell = (counts: Partial<ClientFailureCounts>, failures: number | null, trials = 24) => ({
    clientSaw: 'as the summary words it',
    counts: { status502: 0, status503: 0, status504: 0, emptyReply: 0, reset: 0, ...counts },
    boundaryFailureRate: failures === null ? null : { failures, trials },
  });
  // HAProxy's cell: 21 empty replies in all (bursts included), 14 of them among its 24 boundary requests.
  t.equal(cellCountLabel(cell({ emptyReply: 21 }, 14)), '14 empty replies / 24');
  t.equal(cellCountLabel(cell({ emptyReply: 3 }, 1)), '1 empty reply / 24');
  t.equal(cellCountLabel(cell({ status502: 9 }, 7, 96)), '7 × 502 / 96');
  t.equal(cellCountLabel(cell({ reset: 2 }, 2)), '2 resets / 24');
  t.equal(cellCountLabel(cell({ status502: 3, reset: 1 }, 4)), '4 failures / 24', 'two kinds: not named');
  t.equal(cellCountLabel(cell({ status502: 2 }, 0, 40)), 'no failure / 40', 'failures only outside the boundary');
  t.equal(cellCountLabel(cell({}, null)), 'as the summary words it (all requests)', 'an old summary: said so');
  const busy = readRunFiles(MATRIX_BUSY).summary;
  const svg = matrixGridSvg(matrixGridOf(busy)!);
  for (const c of busy.cells.filter((x) => x.lb === 'haproxy' && x.boundaryFailureRate!.failures > 0))
    t.ok(
      svg.includes(`>${c.boundaryFailureRate!.failures} empty repl`),
      `${c.name}: its square names the empty replies (${c.clientSaw} in all)`,
    );
});

t.test('the page: self-contained, the verdict, the table, every chart; the SVG files standalone', async (t) => {
  for (const files of [classic, matrix]) {
    const { html, svgs } = renderReport(files);
    const isMatrix = files.summary.scenario.kind === 'matrix';
    t.notMatch(html, /<script|<link|<img|<iframe|@import|url\(/i, 'nothing to load or run');
    t.notMatch(
      html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, ''),
      /https?:\/\//,
      'no address but the SVG namespace',
    );
    t.match(html, /Content-Security-Policy" content="default-src 'none'/);
    t.match(
      html,
      /<p class="verdict tone-bad" data-role="verdict" data-word="REPRODUCED" data-tone="bad">REPRODUCED: /,
    );
    const table = isMatrix ? /<table class="matrix">[\s\S]*?<\/table>/.exec(html)![0] : html;
    const [head, ...rows] = mainTable(files.summary);
    t.equal(
      (table.match(/<tr><th scope="row">/g) ?? []).length -
        (isMatrix ? 0 : 7 + Object.keys(files.summary.variants).length),
      rows.length,
      "the table: report.md's rows (and, for a classic run, the facts' 7 and the measured closes')",
    );
    if (isMatrix) {
      const heads = [...table.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
      t.same(heads.slice(0, 3), ['cell', 'method', 'verdict'], 'the outcome right after the cell and its method');
      t.equal(heads.length, head.length - 1, "every column but the LB's, which heads its group");
      t.same(
        [...table.matchAll(/<th scope="rowgroup" colspan="\d+">([^<]*)</g)].map((m) => m[1]),
        ['nginx 1.22.1'],
        'a row group per LB, named with its version',
      );
    }
    const expected = [
      REPORT_FILES.cycles,
      REPORT_FILES.raceWindow,
      REPORT_FILES.hitTimeline,
      REPORT_FILES.closedBy,
      ...(isMatrix ? [REPORT_FILES.matrix] : []),
    ];
    t.same(Object.keys(svgs).sort(), expected.sort());
    for (const [name, svg] of Object.entries(svgs)) {
      t.match(
        svg,
        /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* font-family="[^"]+"/,
        `${name}: standalone, with its font`,
      );
      t.ok(html.includes(svg.split('\n')[1]), `${name}: the same chart inline in the page`);
    }
  }
  const { html } = renderReport(readRunFiles(SUMMARY_ONLY));
  t.match(html, /<h2>Not drawn<\/h2>/, 'missing files are said on the page');
  // The default matrix: a row group per LB, in the order they ran; the grid right after the verdict.
  const dm = renderReport({
    dir: '/nowhere',
    summary: defaultMatrixSummary(),
    writtenSchemaVersion: 3,
    records: null,
    apps: {},
    access: null,
    missing: [],
  }).html;
  t.same(
    [...dm.matchAll(/<th scope="rowgroup" colspan="\d+">([^<]*)</g)].map((m) => m[1]),
    ['nginx 1.22.1', 'haproxy 2.6.12', 'caddy 2.6.2'],
  );
  t.match(
    dm,
    /data-role="verdict"[^\n]*\n<section id="matrix">\n<figure>\n<div class="chart"><svg [^>]*data-chart="matrix"/,
    'the grid right under the verdict, its own title its heading',
  );
  t.notMatch(dm, /<h2>The matrix<\/h2>/, 'no second heading over it');
  t.ok(dm.indexOf('id="facts"') > dm.indexOf('id="table"'), "the run's facts after the cells");
});

t.test('a run that ended before its traffic: every chart drawn empty, the page says why', async (t) => {
  const { summary } = classic;
  const zero = { app: 0, lb: 0, lbAtShutdown: 0, reset: 0, open: 0, total: 0 };
  const early = {
    ...summary,
    complete: false,
    failure: {
      phase: 'probe' as const,
      message: 'The idle-close probe of default on 127.0.0.1:8501 failed: ECONNREFUSED.',
    },
    variants: Object.fromEntries(
      Object.entries(summary.variants).map(([k, v]) => [k, { ...v, firstHit: null, closedBy: zero }]),
    ),
    raceWindow: { hits: 0, plannedOffsetMs: null, arrivalMinusAppCloseMs: null, byOffsetMs: {} },
    schedule: { ...summary.schedule, closeDelayMs: null, cycles: [] },
  };
  // Its verdict as the lab gives an unfinished run one (analysis/verdict.ts): the page only draws it.
  const earlyWithVerdict = { ...early, verdict: { ...summary.verdict, ...runVerdict(early), ok: false } };
  const { html, svgs } = renderReport({
    dir: '/nowhere',
    summary: earlyWithVerdict,
    writtenSchemaVersion: 4,
    records: [],
    apps: { default: null, fixed: null },
    access: null,
    missing: [],
  });
  t.match(
    html,
    /From <code>summary\.json<\/code> \(schema v4\) and the run's logs; rebuild with <code>npm run report -- \/nowhere<\/code>/,
    'the footer: the version as written, the real directory',
  );
  t.match(html, /class="verdict tone-warn" data-role="verdict" data-word="INCOMPLETE" data-tone="warn"/);
  t.match(html, /This run ended early, during probe: The idle-close probe/);
  t.same(Object.keys(svgs), [], 'nothing to draw: no chart file');
  for (const why of [
    /Failures per cycle: No traffic cycle ran/,
    /The race window: No aimed requests/,
    /One real hit, step by step: No timeline: app-default\.log is missing/,
    /Who closed the upstream connections: No upstream connection/,
  ])
    t.match(html, why, `the page says why: ${why.source}`);
  t.equal((html.match(/data-role="not-drawn"/g) ?? []).length, 4, 'each in its place');
});

t.test('writeReport writes the page and the charts beside summary.json, which it leaves alone', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'report-html-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(CLASSIC, dir, { recursive: true });
  const before = readFileSync(join(dir, 'summary.json'), 'utf8');
  const { reportPath, written } = writeReport(dir);
  t.equal(reportPath, join(dir, 'report.html'));
  t.same(written.sort(), [
    'chart-closed-by.svg',
    'chart-cycles.svg',
    'chart-hit-timeline.svg',
    'chart-race-window.svg',
    'report.html',
  ]);
  t.equal(readFileSync(join(dir, 'summary.json'), 'utf8'), before);
});

t.test('a summary alone: its charts, but no hit timeline file (nothing to draw); the page says so', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'report-html-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(SUMMARY_ONLY, dir, { recursive: true });
  const { written } = writeReport(dir);
  t.same(written.sort(), [
    'chart-closed-by.svg',
    'chart-cycles.svg',
    'chart-matrix.svg',
    'chart-race-window.svg',
    'report.html',
  ]);
  t.notOk(existsSync(join(dir, 'chart-hit-timeline.svg')), 'no empty chart file');
  const html = readFileSync(join(dir, 'report.html'), 'utf8');
  t.match(html, /<li>One real hit, step by step: No timeline: requests\.ndjson is missing/);
});

t.test('npm run report: --help, a missing directory (one line, exit 2), a run', async (t) => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const report = (...args: string[]) =>
    spawnSync(process.execPath, ['--import=tsx', 'harness/cli/report.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
  const help = report('--help');
  t.equal(help.status, EXIT.ok);
  t.match(help.stdout, /Usage: npm run report -- <run-dir \| summary\.json> \[--png\]/);
  t.ok(
    help.stdout.split('\n').every((l) => l.length <= 100),
    'help within 100 columns',
  );
  const missing = report(join(tmpdir(), 'no-such-run-dir'));
  t.equal(missing.status, EXIT.badInput);
  t.equal(missing.stderr.trimEnd().split('\n').length, 1, `one line: ${missing.stderr}`);
  t.match(missing.stderr, /^keepalive-lab report: No run directory or summary at /);
  t.equal(missing.stdout, '');
  t.equal(report().status, EXIT.badInput, 'no directory given');
  const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(MATRIX, dir, { recursive: true });
  const ok = report(dir);
  t.equal(ok.status, EXIT.ok, ok.stderr);
  t.equal(ok.stdout, `${join(dir, 'report.html')}\n`, 'prints the path of report.html');
  t.equal(ok.stderr, '');
  // Its summary.json instead of the directory: the same report, beside it.
  rmSync(join(dir, 'report.html'));
  const bySummary = report(join(dir, 'summary.json'));
  t.equal(bySummary.status, EXIT.ok, bySummary.stderr);
  t.equal(bySummary.stdout, `${join(dir, 'report.html')}\n`, 'a summary file: the report beside it');
  t.ok(existsSync(join(dir, 'report.html')));
  const notSummary = report(join(dir, 'requests.ndjson'));
  t.equal(notSummary.status, EXIT.badInput, 'a file that is not a summary: exit 2');
  t.equal(notSummary.stderr.trimEnd().split('\n').length, 1, `one line: ${notSummary.stderr}`);
  t.match(notSummary.stderr, /requests\.ndjson is not valid JSON/);
  t.equal(report(dir, dir).status, EXIT.badInput, 'two runs');
  const mistyped = report(dir, '--pgn');
  t.equal(mistyped.status, EXIT.badInput, 'a mistyped flag: exit 2');
  t.same(
    mistyped.stderr.trimEnd().split('\n'),
    ['keepalive-lab report: unknown flag --pgn; did you mean --png?', '  hint: See npm run report -- --help.'],
    "a mistyped flag: the nearest one, in our words (not parseArgs' 'Unknown option … To specify a positional')",
  );
});
