// What CI and a speaker run: `npm run lab -- --quick --assert --json` on
// Docker, through the real CLI, with the apps' clocks a day off the harness's.
// It must pass, print a valid summary, and leave no container behind.
import t from 'tap';
import { execa } from 'execa';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateSummary, type Summary } from '../../harness/results/schema.js';
import { projectResources } from '../../harness/runtime/docker-stack.js';
import { dockerOrSkip } from '../helpers/require.js';
import { APP_CLOCK_OFFSET_ENV } from '../../harness/protocol.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const APP_CLOCK_SHIFT_MS = 86_400_000.25;

t.test('npm run lab -- --quick --assert --json', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const resultsDir = mkdtempSync(join(tmpdir(), 'keepalive-lab-e2e-'));
  t.teardown(() => rmSync(resultsDir, { recursive: true, force: true }));

  const started = Date.now();
  const run = await execa('npm', ['run', '-s', 'lab', '--', '--quick', '--assert', '--json', '--runtime', 'docker', '--results-dir', resultsDir], {
    cwd: root,
    reject: false,
    timeout: 15 * 60_000,
    // The apps' clocks a day off the harness's, as if in Docker Desktop's VM: the lab must aim without a shared clock.
    env: { [APP_CLOCK_OFFSET_ENV]: String(APP_CLOCK_SHIFT_MS) },
  });
  t.comment(`wall time ${((Date.now() - started) / 1000).toFixed(0)} s`);
  t.comment(run.stderr.split('\n').filter((l) => /cycle|closed the idle|still open|REPRODUCED|assertion/.test(l)).join('\n'));
  t.equal(run.exitCode, 0, `exit 0 (stderr tail: ${run.stderr.split('\n').slice(-3).join(' | ')})`);

  let summary: Summary | undefined;
  try {
    summary = JSON.parse(run.stdout) as Summary;
  } catch {
    t.fail(`stdout is not JSON: ${run.stdout.slice(0, 200)}`);
  }
  if (summary) {
    t.same(validateSummary(summary), [], 'valid summary');
    t.equal(summary.runtime, 'docker');
    t.equal(summary.verdict.ok, true, summary.verdict.text);
    t.ok(summary.variants.default.rate502.failures >= 1, summary.verdict.text);
    t.equal(summary.variants.fixed.rate502.failures, 0);
    t.ok(summary.variants.default.measured.probeIdleCloseMs! > 5_000, 'default measured near 6 s');
    t.match(summary.versions.compose, /compose/);
    t.same(summary.nginx.mismatches, []);
    t.equal(summary.schedule.injectedAppClockOffsetMs, APP_CLOCK_SHIFT_MS);
    for (const name of ['default', 'fixed']) {
      const clock = summary.schedule.appClocks[name];
      t.ok(clock && Math.abs(clock.offsetMs - APP_CLOCK_SHIFT_MS) <= clock.uncertaintyMs, `${name}: app clock offset ${clock?.offsetMs} ± ${clock?.uncertaintyMs} ms`);
    }
  }
  t.same(await projectResources(), { containers: [], networks: [], volumes: [] }, 'nothing left in Docker');
});
