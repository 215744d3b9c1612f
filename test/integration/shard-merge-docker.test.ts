// --shard and npm run merge on Docker, end to end: a tiny matrix (two apps of
// Node's defaults behind nginx, the short lane only) run as two shards one
// after the other, and the shards merged. Asserted: the merged run has exactly
// the cells a whole run of the matrix has (its apps × methods, in its order),
// each shard's apart, counts that show traffic ran, and the merged verdict is
// what the run-level rule gives for the merged cells. (A whole run beside them
// added 34 s to CI and nothing the cell list does not say: the outcomes of two
// runs of a probabilistic race may differ anyway.) About 35 s a shard once the
// images are built, on a 2-core machine, 2026-12-06.
// First: this file's own ports and Compose project (test/helpers/slot.ts).
import '../helpers/slot.js';
import t from 'tap';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVerdict } from '../../harness/analysis/verdict.js';
import { parseLabArgs } from '../../harness/cli/options.js';
import { compareSummaries } from '../../harness/compare/compare.js';
import { loadSummary } from '../../harness/compare/load.js';
import { runLab } from '../../harness/lab/lab.js';
import { appCellName } from '../../harness/scenarios/matrix.js';
import { mergeRuns } from '../../harness/lab/merge-runs.js';
import { EXIT } from '../../harness/model/exit-codes.js';
import { projectResources } from '../../harness/runtime/docker-stack.js';
import type { Summary } from '../../harness/results/schema.js';
import { dockerOrSkip } from '../helpers/require.js';

/** Two short-lane apps of the default matrix: Node 24's defaults, standalone and next start, behind nginx. */
const ONLY = 'lb=nginx,node=24,fix=default,mode=standalone,mode=next-start';
const APPS = ['node24-standalone-default', 'node24-next-start-default'];
/** Few cycles: the short lane stops once each app has failed, and never runs past max-cycles. */
const FLAGS = ['--runtime', 'docker', '--matrix', '--only', ONLY, '--cycles', '3', '--max-cycles', '8'];

const names = (s: Summary) => s.cells.map((c) => c.name);
const lines = (dir: string) => readFileSync(join(dir, 'requests.ndjson'), 'utf8').split('\n').filter(Boolean).length;

t.test('a matrix run whole, and as two shards merged: the same cells, the verdict by the same rule', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const resultsDir = mkdtempSync(join(tmpdir(), 'keepalive-lab-shard-merge-docker-'));
  t.teardown(() => rmSync(resultsDir, { recursive: true, force: true }));
  const run = async (label: string, extra: string[]) => {
    const started = Date.now();
    const progress: string[] = [];
    const outcome = await runLab(
      { ...parseLabArgs([...FLAGS, ...extra]), resultsDir },
      { progress: (line) => progress.push(line), signal: new AbortController().signal },
    );
    t.comment(
      `${label}: ${((Date.now() - started) / 1000).toFixed(0)} s; ${outcome.summary.verdict.word}: ${outcome.summary.verdict.text}`,
    );
    return { ...outcome, progress };
  };

  const whole = parseLabArgs(FLAGS);
  const wholeCells = (whole.cells ?? []).flatMap((c) =>
    whole.methods.map((m) => `${appCellName(c)}-${m.toLowerCase()}`),
  );
  const one = await run('shard 1/2', ['--shard', '1/2']);
  const two = await run('shard 2/2', ['--shard', '2/2']);
  t.same(await projectResources(), { containers: [], networks: [], volumes: [] }, 'nothing left behind');

  t.same((whole.cells ?? []).map(appCellName), APPS, 'the whole matrix: both apps');
  for (const [shard, index] of [
    [one, 1],
    [two, 2],
  ] as const) {
    t.equal(shard.summary.complete, true, `shard ${index}/2 finished`);
    t.same(shard.summary.options.shard?.index, index);
    t.same(shard.summary.options.shard?.matrixCells, whole.cells, 'the whole matrix recorded');
    t.equal(shard.summary.cells.length, 2, `shard ${index}/2: one app, both methods`);
    t.ok(
      shard.progress.some((line) => line.startsWith(`shard ${index}/2: 1 of the matrix's 2 apps`)),
      'the run says which part it is',
    );
  }
  const oneNames = names(one.summary);
  t.notOk(
    names(two.summary).some((n) => oneNames.includes(n)),
    "the shards' cells are disjoint",
  );

  const merged = mergeRuns([two.runDir, one.runDir], resultsDir, (line) => t.comment(`merge: ${line}`));
  const s = merged.summary;
  t.same(names(s), wholeCells, "exactly the whole matrix's cells, in its order");
  t.equal(s.complete, true);
  t.equal(s.options.shard, null);
  for (const c of s.cells) {
    const from = [...one.summary.cells, ...two.summary.cells].find((x) => x.name === c.name);
    t.same(c, from, `${c.name}: the cell as its shard measured it`);
    t.ok(c.counts.requests >= 20, `${c.name}: ${c.counts.requests} requests sent`);
    t.ok((c.counts.aimed ?? 0) >= 3, `${c.name}: ${c.counts.aimed} aimed at its close`);
  }
  const rule = runVerdict({
    complete: s.complete,
    interrupted: s.interrupted,
    failure: s.failure,
    yourApp: s.yourApp,
    variants: s.variants,
    nginx: s.nginx,
    cells: s.cells,
  });
  t.equal(s.verdict.word, rule.word, `the merged verdict (${s.verdict.word}) is the run rule's for its cells`);
  t.same(s.verdict.reasons, rule.reasons);
  t.equal(lines(merged.dir), lines(one.runDir) + lines(two.runDir), "every shard's requests, each once");
  for (const app of APPS) t.ok(existsSync(join(merged.dir, `app-${app}.log`)), `app-${app}.log there`);
  t.ok(existsSync(join(merged.dir, 'report.html')), 'report.html drawn');
  t.ok(existsSync(join(merged.dir, 'shards', '1-of-2', 'nginx.conf')), "shard 1's nginx.conf kept");

  const comparison = compareSummaries(s, loadSummary(merged.dir).summary);
  t.equal(comparison.rows.length, wholeCells.length, 'compare reads it from disk: a row per cell');
  // Compared with itself a run is never a regression: ok when its verdict is the answer it exists to give, failing as
  // its baseline did when a cell missed the race in its few cycles (INCONCLUSIVE: a fresh-clone CI, 2026-12-07).
  t.equal(
    comparison.exitCode,
    s.verdict.word === 'INCONCLUSIVE' ? EXIT.stillFailing : EXIT.ok,
    `the merged run (${s.verdict.word}) compared with itself: no regression`,
  );
});
