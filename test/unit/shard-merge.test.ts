// npm run merge, from real committed matrix runs: each run's summary split into
// shards the way --shard deals its cells (and written as the shards' run
// directories), then merged. The merged run must have the committed run's
// cells and words, read straight from the committed file, not from the merge;
// report and compare must read it; and every pair of shards that cannot be
// joined is refused in one line, exit 2, with nothing written.
import t, { type Test } from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LabError } from '../../harness/model/errors.js';
import { mergeRuns } from '../../harness/lab/merge-runs.js';
import { readSummary, SCHEMA_VERSION, validateSummary, type Summary } from '../../harness/results/schema.js';
import { appCellName } from '../../harness/scenarios/matrix.js';
import { shardCells } from '../../harness/scenarios/shard.js';
import { LB_PORT_BASE } from '../../harness/scenarios/scenarios.js';
import { parseCaddyAccessLog } from '../../harness/lb/caddy-log.js';
import { variantsForLogs } from '../../harness/report/html/run-files.js';
import { loadSummary } from '../../harness/compare/load.js';
import { compareSummaries } from '../../harness/compare/compare.js';

/** Real default-matrix runs, committed: one INCONCLUSIVE, one FIX FAILED (the busy machine's). */
const RUNS = ['docs/measurements/matrix', 'docs/measurements/matrix-busy'] as const;

/** The committed summary as written (the expected values) and as the lab reads it today. */
function committed(dir: string): { raw: Summary; read: Summary; requests: string[] } {
  const raw = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary;
  const read = readSummary(raw);
  if (read.summary === null) throw new Error(`${dir}: ${read.problems.join('; ')}`);
  const requests = existsSync(join(dir, 'requests.ndjson'))
    ? readFileSync(join(dir, 'requests.ndjson'), 'utf8').split('\n').filter(Boolean)
    : [];
  return { raw, read: read.summary, requests };
}

/** A per-variant record narrowed to some variants. */
const only = <T>(o: Record<string, T>, keep: ReadonlySet<string>) =>
  Object.fromEntries(Object.entries(o).filter(([k]) => keep.has(k)));

/**
 * Shard `index` of `count` of a whole run, as a shard run of it would have written it: its apps' variants, cells,
 * cycles' counts, clocks and requests; the LBs' counts with the shard that ran the LB's first app (the rest 0, so they
 * add up to the whole run's); its own word left as the whole run's (merge decides the merged run's anew).
 */
function shardOf(whole: Summary, requests: string[], index: number, count: number) {
  const matrixCells = whole.options.cells ?? [];
  const cells = shardCells(matrixCells, index, count);
  const mine = new Set(cells.map(appCellName));
  const firstOfLb = (lb: string) => matrixCells.find((c) => c.lb === lb);
  const lbs = Object.fromEntries(
    Object.entries(whole.lbs).flatMap(([lb, counts]) => {
      if (!cells.some((c) => c.lb === lb)) return [];
      const owner = firstOfLb(lb);
      const ownsCounts = owner !== undefined && mine.has(appCellName(owner));
      return [[lb, ownsCounts ? counts : { ...counts, accessEntries: 0, errorLines: 0 }]];
    }),
  );
  const zero = { prematurelyClosed: 0, connectionReset: 0, brokenPipe: 0, other: 0 };
  const aimVariant = mine.has(whole.aimVariant) ? whole.aimVariant : appCellName(cells[0]);
  const summary: Summary = {
    ...whole,
    schemaVersion: SCHEMA_VERSION,
    runId: `${whole.runId}-shard${index}`,
    options: { ...whole.options, cells, shard: { index, count, matrixCells } },
    variants: only(whole.variants, mine),
    cells: whole.cells.filter((c) => mine.has(c.variant)),
    aimVariant,
    schedule: {
      ...whole.schedule,
      closeDelayMs: aimVariant === whole.aimVariant ? whole.schedule.closeDelayMs : null,
      oneWayLatencyMs: only(whole.schedule.oneWayLatencyMs, mine),
      appClocks: only(whole.schedule.appClocks, mine),
      cycles: whole.schedule.cycles
        .filter((c) => Object.keys(c.count502).some((v) => mine.has(v)))
        .map((c) => ({
          ...c,
          achievedGapMs: only(c.achievedGapMs, mine),
          oneWayLatencyMs: only(c.oneWayLatencyMs, mine),
          boundaryMs: only(c.boundaryMs, mine),
          count502: only(c.count502, mine),
          ...(c.appClockOffsetMs ? { appClockOffsetMs: only(c.appClockOffsetMs, mine) } : {}),
        })),
    },
    lbs,
    nginx: index === 1 ? whole.nginx : { errorLog: zero, mismatches: [] },
  };
  const problems = validateSummary(summary);
  if (problems.length > 0) throw new Error(`shard ${index}/${count} is not valid: ${problems.join('; ')}`);
  const ownRequests = requests.filter((line) => mine.has((JSON.parse(line) as { variant: string }).variant));
  return { summary, requests: ownRequests };
}

/** A Caddy access-log line for a request of `variant` sent to its LB port (the shape of lb-configs.test.ts's). */
const caddyLine = (variant: string, port: number) =>
  `{"level":"error","ts":1795824505.397223,"logger":"http.log.access.log0","msg":"handled request","request":{"remote_ip":"127.0.0.1","remote_port":"56976","proto":"HTTP/1.1","method":"POST","host":"127.0.0.1:${port}","uri":"/api/echo","headers":{"X-Lab-Request-Id":["c2-${variant}-aimed-2"]}},"duration":0.015174233,"size":0,"status":502}\n`;

/** The shards written as run directories under a new temporary directory; their paths in shard order. */
function writeShards(whole: Summary, requests: string[], count: number, tmp: string): string[] {
  return Array.from({ length: count }, (_, i) => {
    const { summary, requests: lines } = shardOf(whole, requests, i + 1, count);
    const dir = join(tmp, `shard-${i + 1}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    writeFileSync(join(dir, 'requests.ndjson'), lines.map((l) => `${l}\n`).join(''));
    writeFileSync(join(dir, 'nginx.conf'), `# shard ${i + 1}\n`);
    // Caddy names a request's variant by its LB port only: the nth variant of a run listens on LB_PORT_BASE + n + 1
    // (scenarios.ts makeVariant). The request id names it too, which the test reads back against the port.
    const caddy = Object.keys(summary.variants).flatMap((name, n) =>
      name.startsWith('caddy-') ? [caddyLine(name, LB_PORT_BASE + n + 1)] : [],
    );
    if (caddy.length > 0) writeFileSync(join(dir, 'caddy-access.log'), caddy.join(''));
    return dir;
  });
}

const quiet = () => undefined;

/** What a refusal says, and that it is exit 2. */
function refusal(t: Test, work: () => unknown, message: RegExp): void {
  try {
    work();
    t.fail(`accepted; expected ${String(message)}`);
  } catch (err) {
    t.ok(err instanceof LabError, 'a LabError, not a crash');
    if (!(err instanceof LabError)) throw err;
    t.match(err.message, message);
    t.equal(err.exitCode, 2);
  }
}

for (const run of RUNS) {
  const { raw, read, requests } = committed(run);
  for (const count of [2, 3, 4]) {
    t.test(`${run} in ${count} shards, merged: the committed run's cells and words`, async (t) => {
      const tmp = mkdtempSync(join(tmpdir(), 'kal-merge-'));
      const dirs = writeShards(read, requests, count, tmp);
      // Given in any order: merge sorts them by shard.
      const merged = mergeRuns([...dirs].reverse(), join(tmp, 'results'), quiet);
      const s = merged.summary;
      t.same(
        s.cells.map((c) => c.name),
        raw.cells.map((c) => c.name),
        "exactly the run's cells, in its order",
      );
      t.same(s.cells, read.cells, 'each cell as the run wrote it (counts, outcome, verdict)');
      for (const [i, c] of s.cells.entries()) t.same(c.verdict, raw.cells[i].verdict, `${c.name}: its committed word`);
      t.equal(s.verdict.word, raw.verdict.word, `the run's word: ${raw.verdict.word}, as committed`);
      t.same(s.verdict.reasons, raw.verdict.reasons, 'the same reasons');
      t.equal(s.verdict.text, raw.verdict.text, 'the same counts text');
      t.equal(s.verdict.ok, raw.verdict.ok);
      t.same(s.assertion, raw.assertion, "the same answer to --assert's questions");
      t.same(s.variants, read.variants, 'every app as measured');
      t.same(s.options.cells, raw.options.cells, 'the whole matrix as the options');
      t.equal(s.options.shard, null, 'a merged run is whole');
      t.same(s.lbs, raw.lbs, "each LB's version and log counts, summed over the shards that ran it");
      t.same(s.nginx, raw.nginx);
      // The aim (its race window, close delay) is one shard's: which app a whole run aims at is its engine's choice.
      const aims = dirs.map((d) => (JSON.parse(readFileSync(join(d, 'summary.json'), 'utf8')) as Summary).aimVariant);
      t.ok(aims.includes(s.aimVariant), `the aim variant ${s.aimVariant} is a shard's`);
      t.equal(s.schedule.cycles.length >= raw.schedule.cycles.length, true, 'every cycle of every shard');

      const files = readdirSync(merged.dir);
      for (const name of ['summary.json', 'requests.ndjson', 'report.md', 'report.html'])
        t.ok(files.includes(name), `${name} written`);
      const lines = readFileSync(join(merged.dir, 'requests.ndjson'), 'utf8').split('\n').filter(Boolean);
      t.same([...lines].sort(), [...requests].sort(), 'every request of every shard, each once');
      for (let i = 1; i <= count; i++)
        t.equal(
          readFileSync(join(merged.dir, 'shards', `${i}-of-${count}`, 'nginx.conf'), 'utf8'),
          `# shard ${i}\n`,
          `shard ${i}'s own files kept under shards/${i}-of-${count}/`,
        );
      // Caddy's lines: each request's variant, as its id names it, read back from its port in the merged run.
      const caddy = parseCaddyAccessLog(readFileSync(join(merged.dir, 'caddy-access.log'), 'utf8'), variantsForLogs(s));
      t.same(
        caddy.map((e) => e.variant).sort(),
        Object.keys(s.variants)
          .filter((n) => n.startsWith('caddy-'))
          .sort(),
        "every Caddy line, each its variant's",
      );
      t.ok(
        caddy.every((e) => e.request_id === `c2-${e.variant}-aimed-2`),
        "each line's port names the variant its request id names",
      );
      // The shards' directories are only read.
      t.same(
        readdirSync(dirs[0]).filter((f) => f !== 'caddy-access.log'),
        ['nginx.conf', 'requests.ndjson', 'summary.json'],
      );
      t.match(readFileSync(join(merged.dir, 'report.md'), 'utf8'), raw.verdict.word);

      // compare reads it as any run, and finds the committed run and the merged one the same, row by row.
      const loaded = loadSummary(merged.dir);
      t.equal(loaded.schemaVersion, SCHEMA_VERSION);
      const comparison = compareSummaries(read, loaded.summary);
      t.equal(comparison.rows.length, raw.cells.length, 'a row per cell');
      t.ok(
        comparison.rows.every((r) => r.status === 'ok' || r.status === 'still failing'),
        'no row changed between the run and its merged shards',
      );
    });
  }
}

t.test('refused, exit 2, nothing written: what cannot be one run', async (t) => {
  const { read, requests } = committed(RUNS[0]);
  const tmp = mkdtempSync(join(tmpdir(), 'kal-merge-refuse-'));
  const results = join(tmp, 'results');
  const dirs = writeShards(read, requests, 3, join(tmp, 'a'));
  const rewrite = (dir: string, change: (s: Summary) => Summary) => {
    const s = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary;
    const to = join(tmp, `changed-${Math.random().toString(36).slice(2)}`);
    mkdirSync(to);
    writeFileSync(join(to, 'summary.json'), JSON.stringify(change(s)));
    return to;
  };
  const merge = (paths: string[]) => () => mergeRuns(paths, results, quiet);

  refusal(t, merge([dirs[0], dirs[2]]), /^shard 2\/3 missing: /);
  refusal(t, merge([dirs[0]]), /^shards 2\/3, 3\/3 missing: /);
  refusal(t, merge([dirs[0], dirs[1], dirs[1], dirs[2]]), /^shard 2\/3 is given twice: /);
  refusal(t, merge([...dirs, join(tmp, 'nowhere')]), /^No run directory or summary at /);
  refusal(t, merge([...dirs, tmp]), /has no summary\.json: not a run directory/);
  refusal(
    t,
    merge([join(dirs[0], 'summary.json'), dirs[1], dirs[2]]),
    /summary\.json is a file: give each shard's run directory/,
  );
  refusal(
    t,
    merge([dirs[0], 'docs/measurements/matrix-busy']),
    /is not a shard: its summary is schema v8, from a lab before --shard/,
  );
  refusal(t, merge([dirs[0], 'docs/measurements/matrix']), /is not a shard: it ran without --shard/);
  const whole = rewrite(dirs[0], (s) => ({ ...s, options: { ...s.options, shard: null } }));
  refusal(t, merge([whole, dirs[1]]), /is not a shard: it ran without --shard/);
  // Another matrix: the same index and count, cells dealt from a matrix without its last app.
  const other = rewrite(dirs[1], (s) => ({
    ...s,
    options: {
      ...s.options,
      shard: { index: 2, count: 3, matrixCells: (s.options.shard?.matrixCells ?? []).slice(0, -1) },
    },
  }));
  refusal(t, merge([dirs[0], other, dirs[2]]), /are shards of different matrices/);
  const split4 = writeShards(read, requests, 4, join(tmp, 'b'));
  refusal(t, merge([dirs[0], split4[1], dirs[2]]), /are shards of different matrices/);
  const cycles = rewrite(dirs[1], (s) => ({ ...s, options: { ...s.options, longCycles: s.options.longCycles + 1 } }));
  refusal(t, merge([dirs[0], cycles, dirs[2]]), /ran with different settings \(longCycles\)/);
  const retry = rewrite(dirs[2], (s) => ({ ...s, scenario: { ...s.scenario, retryPolicy: 'nginx' } }));
  refusal(t, merge([dirs[0], dirs[1], retry]), /ran with different settings \(retryPolicy\)/);
  const nginx = rewrite(dirs[1], (s) => ({ ...s, versions: { ...s.versions, nginx: '1.27.0' } }));
  refusal(
    t,
    merge([dirs[0], nginx, dirs[2]]),
    /ran nginx 1\.27\.0, .* nginx 1\.22\.1: shards of one run measure the same/,
  );
  const node = rewrite(dirs[1], (s) => ({ ...s, versions: { ...s.versions, node24: '24.0.0' } }));
  refusal(t, merge([dirs[0], node, dirs[2]]), /ran node24 24\.0\.0/);
  const schema = rewrite(dirs[1], (s) => ({ ...s, schemaVersion: 8 }) as unknown as Summary);
  refusal(
    t,
    merge([dirs[0], schema, dirs[2]]),
    /is not a shard: its summary is schema v8|is not a summary this lab can read/,
  );
  t.notOk(existsSync(results), 'no refusal wrote anything');

  // A machine's own versions may differ between CI runners: kept, both.
  const kernel = rewrite(dirs[1], (s) => ({ ...s, versions: { ...s.versions, kernel: '6.5.0-azure' } }));
  writeFileSync(join(kernel, 'requests.ndjson'), '');
  const merged = mergeRuns([dirs[0], kernel, dirs[2]], results, quiet);
  t.equal(merged.summary.versions.kernel, `${read.versions.kernel}, 6.5.0-azure`);
});

t.test(
  'npm run merge: refusals are one line on stderr, exit 2; a merge prints its run and exits as the lab would',
  async (t) => {
    const { read, requests } = committed(RUNS[1]);
    const tmp = mkdtempSync(join(tmpdir(), 'kal-merge-cli-'));
    const dirs = writeShards(read, requests, 2, tmp);
    const merge = (...argv: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'harness/cli/merge.ts', ...argv], {
        encoding: 'utf8',
        timeout: 120_000,
      });
    const missing = merge(dirs[0], '--results-dir', join(tmp, 'r'));
    t.equal(missing.status, 2);
    t.equal(missing.stdout, '');
    t.same(missing.stderr.trimEnd().split('\n').slice(-2), [
      'keepalive-lab merge: shard 2/2 missing: a merged run has every shard of its matrix.',
      '  hint: See npm run merge -- --help.',
    ]);
    const help = merge('--help');
    t.equal(help.status, 0);
    t.match(help.stdout, /^Usage: npm run merge -- <run-dir> <run-dir>… \[--results-dir <dir>\]$/m);
    t.ok(
      help.stdout.split('\n').every((line) => [...line].length <= 100),
      'every line of --help within 100 columns',
    );
    const none = merge();
    t.equal(none.status, 2);
    t.match(none.stderr, /^keepalive-lab merge: Which runs\?/);
    const typo = merge('--result-dir', 'x');
    t.equal(typo.status, 2);
    t.match(typo.stderr, /unknown flag --result-dir; did you mean --results-dir\?/);

    // The busy run ran with --assert off: merged FIX FAILED is its word, the exit the lab's without --assert (0).
    const ok = merge(...dirs, '--results-dir', join(tmp, 'r'));
    t.equal(ok.status, 0, ok.stderr);
    t.match(ok.stdout, /FIX FAILED/);
    t.match(ok.stdout, /results: .*-merged/);
    t.match(ok.stderr, /merge: read .*shard 1\/2/);
    // With --assert, as the shards of a CI job run: the fix that failed fails the merged run, 99.
    const asserted = dirs.map((dir) => {
      const s = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary;
      const to = `${dir}-assert`;
      mkdirSync(to);
      writeFileSync(join(to, 'summary.json'), JSON.stringify({ ...s, options: { ...s.options, assert: true } }));
      return to;
    });
    const failed = merge(...asserted, '--results-dir', join(tmp, 'r'));
    t.equal(failed.status, 99, failed.stderr);
    const { raw } = committed(RUNS[1]);
    t.ok(raw.assertion.reasons.length > 0, 'the committed run fails --assert');
    t.ok(failed.stderr.includes(`merge: assertion failed: ${raw.assertion.reasons.join('; ')}`), 'for its reasons');
  },
);
