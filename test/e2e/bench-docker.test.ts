// `npm run bench -- --runs 1` on Docker, through the real CLI: it completes,
// its cross-checks agree, and bench-<id>.json holds what tools read. No speed
// target is asserted here (targets live in the benchmark itself).
// First: this file's own ports and Compose project (test/helpers/slot.ts).
import '../helpers/slot.js';
import t from 'tap';
import { execa } from 'execa';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from '../../harness/bench/metrics.js';
import { projectResources } from '../../harness/runtime/docker-stack.js';
import { dockerOrSkip } from '../helpers/require.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

t.test('npm run bench -- --runs 1', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const resultsDir = mkdtempSync(join(tmpdir(), 'keepalive-lab-bench-'));
  t.teardown(() => rmSync(resultsDir, { recursive: true, force: true }));

  const run = await execa(
    'npm',
    ['run', '-s', 'bench', '--', '--runs', '1', '--pairs', '2', '--runtime', 'docker', '--results-dir', resultsDir],
    {
      cwd: root,
      reject: false,
      timeout: 15 * 60_000,
    },
  );
  t.comment(
    run.stdout
      .split('\n')
      .filter((l) => l.startsWith('| '))
      .join('\n'),
  );
  t.equal(run.exitCode, 0, `exit 0 (stderr tail: ${run.stderr.split('\n').slice(-3).join(' | ')})`);

  const files = readdirSync(resultsDir).filter((f) => f.startsWith('bench-'));
  t.same(files.map((f) => f.replace(/^bench-\d{8}-\d{6}Z/, 'bench-<id>')).sort(), ['bench-<id>.json', 'bench-<id>.md']);
  const json = files.find((f) => f.endsWith('.json'));
  if (!json) return;
  const bench = JSON.parse(readFileSync(join(resultsDir, json), 'utf8')) as BenchResult;
  t.equal(bench.runs.length, 1);
  const [r] = bench.runs;
  t.ok(r.complete, 'the run completed');
  t.ok(
    r.timeToFirst502Ms !== null && r.timeToFirst502Ms > 5_000,
    `first 502 after ${r.timeToFirst502Ms} ms (at least one idle period)`,
  );
  t.same(bench.timeToFirst502Ms, { min: r.timeToFirst502Ms, median: r.timeToFirst502Ms, max: r.timeToFirst502Ms });
  for (const key of ['hitCycleYield', 'aimedOverNaive'] as const) t.ok(key in bench, `${key} is there for tools`);
  t.equal(r.ab.aimed.cycles, 2, 'two aimed A/B cycles');
  t.equal(r.ab.naive.cycles, 2, 'two naive A/B cycles');
  t.ok(r.checks.harnessEqualsAccessLog, "harness 502s = nginx's access log");
  t.ok(r.checks.raceLinesCoverFailures, `nginx race lines (${r.checks.raceLines}) ≥ 502s (${r.checks.count502})`);
  t.ok(bench.checksAgree);
  t.same(await projectResources(), { containers: [], networks: [], volumes: [] }, 'nothing left in Docker');
});
