// compare: the regression rules on real summaries (a talk-sized v5 run and a
// v3 matrix, as the lab wrote them), altered where a test needs a regression.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { proportion } from '../../harness/analysis/stats.js';
import { compareSummaries } from '../../harness/compare/compare.js';
import { formatComparison } from '../../harness/compare/format.js';
import { loadSummary } from '../../harness/compare/load.js';
import { LabError } from '../../harness/errors.js';
import type { Summary } from '../../harness/results/schema.js';

const CLASSIC = 'test/fixtures/runs/20261128-042022Z-docker/summary.json';
const MATRIX = 'test/fixtures/runs/20261127-224243Z-docker-summary-only/summary.json';
const classic = () => loadSummary(CLASSIC).summary;
const files = { baseline: { file: 'a', schemaVersion: 5 }, current: { file: 'b', schemaVersion: 5 } };

/**
 * A variant's counts set to `failures` 502s in `hitting` of its aimed cycles
 * (boundary trials and cycles kept), and the --assert reasons the lab gives
 * such a run (summarize.ts; tested in summarize.test.ts).
 */
function with502s(s: Summary, variant: string, failures: number, hitting: number, reasons: string[] = []): Summary {
  const copy: Summary = structuredClone(s);
  copy.assertion = { ...copy.assertion, passed: reasons.length === 0, reasons };
  const v = copy.variants[variant];
  v.rate502 = proportion(failures, v.rate502.trials);
  v.boundaryRate502 = proportion(failures, v.boundaryRate502.trials);
  v.boundaryCycles = { ...v.boundaryCycles, hitting, rate: proportion(hitting, v.boundaryCycles.cycles) };
  return copy;
}

t.test('a run against itself: no regression, no change', async (t) => {
  const c = compareSummaries(classic(), classic());
  t.equal(c.passed, true);
  t.same(c.regressions, []);
  t.same(c.changes, []);
  t.same(c.rows.map((r) => [r.name, r.expected, r.change?.unit, r.change?.difference]), [
    ['default', 'race', 'cycles', 0],
    ['fixed', 'safe', 'cycles', 0],
  ]);
  t.match(formatComparison(c, files), /NO REGRESSION/);
});

t.test("the current run's --assert reasons are the regressions, each on its row, even when the rate change is within chance", async (t) => {
  const c = compareSummaries(classic(), with502s(classic(), 'fixed', 1, 1, ['fixed showed 1 × 502', 'harness and nginx access log disagree on 502s']));
  t.equal(c.passed, false);
  t.same(c.regressions, ['fixed showed 1 × 502', 'harness and nginx access log disagree on 502s']);
  t.same(c.rows.map((r) => [r.name, r.regressions]), [['default', []], ['fixed', ['fixed showed 1 × 502']]]);
  t.same(c.changes, [], '1 of 7 cycles against 0 of 7 is within chance');
  t.match(formatComparison(c, files), /fixed .*REGRESSION[\s\S]*REGRESSION \(2\):\n {2}- fixed showed 1 × 502\n {2}- harness and nginx/);
});

t.test("Node's defaults no longer showing the race is a regression", async (t) => {
  const c = compareSummaries(classic(), with502s(classic(), 'default', 0, 0, ['default showed no 502']));
  t.equal(c.passed, false);
  t.same(c.regressions, ['default showed no 502']);
  t.match(c.changes, [/^default: its failure rate per aimed cycle moved down by 86 %/], '6 of 7 cycles to 0 of 7 is beyond chance');
});

t.test('a rate that moved beyond chance is flagged either way; within chance it is not', async (t) => {
  const up = compareSummaries(with502s(classic(), 'default', 2, 2), with502s(classic(), 'default', 5, 4));
  t.same(up.regressions, []);
  t.equal(up.changes.length, 0, '2 of 7 → 4 of 7 cycles: within chance with 7 cycles');
  const many = (s: Summary, hitting: number) => {
    const copy = with502s(s, 'default', hitting, 1);
    copy.variants.default.boundaryCycles = { cycles: 30, hitting, rate: proportion(hitting, 30) };
    return copy;
  };
  const c = compareSummaries(many(classic(), 3), many(classic(), 20));
  t.match(c.changes, [/^default: its failure rate per aimed cycle moved up by 57 % \(97\.5 % interval 29 % … 74 %\)/], 'two rows: each at 97.5 %');
  t.same(c.family, { rows: 2, rowLevel: 0.975 });
  t.equal(c.passed, false, 'a change fails the comparison: the lab or the app changed');
  t.same(c.regressions, []);
  t.match(formatComparison(c, files), /default .*CHANGED[\s\S]*CHANGED beyond chance \(1\)/);
});

t.test('a matrix compares per cell (each method, each LB); v3 cells by boundary request, and it says so', async (t) => {
  const m = loadSummary(MATRIX);
  t.equal(m.schemaVersion, 3, 'the file as written');
  const c = compareSummaries(m.summary, m.summary);
  t.equal(c.passed, true);
  t.same(c.rows.map((r) => r.name), m.summary.cells.map((cell) => cell.name));
  t.ok(c.rows.every((r) => r.kind === 'cell' && r.change?.unit === 'requests'));
  t.equal(c.family.rows, m.summary.cells.length, 'Bonferroni over every cell compared');
  t.match(c.notes, [/compared by boundary request, since a summary older than v6/]);
  const tooShort = c.rows.find((r) => r.name === 'node24-standalone-too-short-post');
  t.equal(tooShort?.expected, null, 'a too-short fix is a finding either way, never a regression');
});

t.test("a cell that shows the race without a 502 (HAProxy's empty replies) is no regression", async (t) => {
  const m = structuredClone(loadSummary(MATRIX).summary);
  const cell = m.cells.find((c) => c.fix === 'default')!;
  Object.assign(cell, { lb: 'haproxy', outcome: 'reproduced', clientSaw: '5 × empty reply' });
  cell.counts = { ...cell.counts, status502: 0, emptyReply: 5 };
  const c = compareSummaries(m, m);
  t.equal(c.passed, true);
  t.match(c.rows.find((r) => r.name === cell.name), { expected: 'race', current: { failures: 5, outcome: 'reproduced' }, regressions: [] });
});

t.test('runs with nothing in common cannot be compared: exit 2', async (t) => {
  t.throws(() => compareSummaries(classic(), loadSummary(MATRIX).summary), { message: /share no variant or cell/, exitCode: 2 });
});

t.test('files that cannot be compared: one line each, exit 2', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'compare-'));
  writeFileSync(join(dir, 'broken.json'), '{"schemaVersion": 5, ');
  writeFileSync(join(dir, 'future.json'), '{"schemaVersion": 99}');
  for (const [path, message] of [
    [join(dir, 'missing'), /no such file or directory/],
    [dir, /no summary\.json in that directory/],
    [join(dir, 'broken.json'), /is not JSON/],
    [join(dir, 'future.json'), /schemaVersion 99 is not one this lab reads/],
  ] as const) {
    try {
      loadSummary(path);
      t.fail(`${path} accepted`);
    } catch (err) {
      t.type(err, LabError);
      t.equal((err as LabError).exitCode, 2);
      t.match((err as LabError).message, message);
      t.notMatch((err as LabError).message, /\n/, 'one line');
    }
  }
});

t.test('npm run compare: the exit code says it', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'compare-cli-'));
  const regressed = join(dir, 'regressed.json');
  writeFileSync(regressed, JSON.stringify(with502s(classic(), 'fixed', 2, 1, ['fixed showed 2 × 502'])));
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import=tsx', 'harness/compare-cli.ts', ...args], { encoding: 'utf8' });
  const same = run(CLASSIC, CLASSIC);
  t.equal(same.status, 0, same.stderr);
  t.match(same.stdout, /NO REGRESSION/);
  const bad = run(CLASSIC, regressed);
  t.equal(bad.status, 99);
  t.match(bad.stdout, /REGRESSION \(1\):\n {2}- fixed showed 2 × 502/);
  const json = JSON.parse(execFileSync(process.execPath, ['--import=tsx', 'harness/compare-cli.ts', CLASSIC, CLASSIC, '--json'], { encoding: 'utf8' }));
  t.match(json, { passed: true, files: { baseline: { schemaVersion: 5 } }, rows: [{ name: 'default' }, { name: 'fixed' }] });
  const missing = run(CLASSIC);
  t.equal(missing.status, 2);
  t.match(missing.stderr, /compare needs two runs/);
  t.notMatch(missing.stderr, /at .*\.ts:\d+/, 'no stack trace');
});

t.test('npm run lab -- --baseline: a bad file exits 2 before anything runs; so does --out into a missing directory', async (t) => {
  const resultsDir = mkdtempSync(join(tmpdir(), 'baseline-'));
  const lab = (...args: string[]) => spawnSync(process.execPath, ['--import=tsx', 'harness/cli.ts', '--results-dir', resultsDir, ...args], { encoding: 'utf8', timeout: 60_000 });
  const missing = lab('--baseline', join(resultsDir, 'nope.json'));
  t.equal(missing.status, 2);
  t.match(missing.stderr, /^keepalive-lab: .*nope\.json: no such file or directory\.\n {2}hint: /);
  const notSummary = lab('--baseline', 'package.json');
  t.equal(notSummary.status, 2);
  t.match(notSummary.stderr, /package\.json is not a summary this lab can compare/);
  const incompatible = lab('--baseline', MATRIX);
  t.equal(incompatible.status, 2, 'a matrix baseline for a talk-sized run: nothing in common, said before the run');
  t.match(incompatible.stderr, /share no variant or cell \(node20-standalone-default-post, .* and 26 more against default, fixed\)/);
  const out = lab('--out', join(resultsDir, 'no-such-dir', 'summary.json'));
  t.equal(out.status, 2);
  t.match(out.stderr, /--out .*: the directory .*no-such-dir does not exist/);
  const outDir = lab('--out', tmpdir());
  t.equal(outDir.status, 2);
  t.match(outDir.stderr, /--out .* is a directory; give a file name/);
  t.same(readdirSync(resultsDir), [], 'no run was started');
});

t.test('your app: two real runs of the sample app as yours (v7) compare by their cell, and no regression says what it means there', async (t) => {
  const a = loadSummary('test/fixtures/runs/20261128-084831Z-docker-your-app-summary-only/summary.json');
  const b = loadSummary('test/fixtures/runs/20261128-085126Z-docker-your-app-summary-only/summary.json');
  t.equal(a.schemaVersion, 7);
  t.same(a.summary.yourApp?.map((y) => [y.variant, y.verdict, y.measurement]), [['yours', 'UNSAFE', 'preload']]);
  const c = compareSummaries(a.summary, b.summary);
  t.same(c.rows.map((r) => [r.name, r.fix]), [['yours-get', 'yours']]);
  t.equal(c.passed, true);
  t.match(formatComparison(c, files), /NO REGRESSION: no rate of your app moved beyond chance \(whether it is safe is each run's own verdict: --assert safe\)\./);
});
