// What CI and a speaker run: `npm run lab -- --quick --assert --json` on
// Docker, through the real CLI, with the apps' clocks a day off the harness's.
// It must pass, print a valid summary (and write it with --out), find no
// regression against a real earlier run (--baseline), test the fix at the
// LB's own 60 s too (beside the short cycles, within the two minutes), and
// leave no container behind.
// First: this file's own ports and Compose project (test/helpers/slot.ts).
import '../helpers/slot.js';
import t from 'tap';
import { execa } from 'execa';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { SUMMARY_SCHEMA_PATH } from '../../harness/results/schema-files.js';
import { fileURLToPath } from 'node:url';
import { validateSummary, type Summary } from '../../harness/results/schema.js';
import { projectResources } from '../../harness/runtime/docker-stack.js';
import { dockerOrSkip } from '../helpers/require.js';
import { APP_CLOCK_OFFSET_ENV } from '../../harness/model/protocol.js';
import { invariantProblems } from '../../harness/analysis/invariants.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const APP_CLOCK_SHIFT_MS = 86_400_000.25;
/** A warm run (images built) is healthy within this... */
const WARM_BRING_UP_S = 30;
/** ...and done within the talk's two minutes. */
const WARM_WALL_MS = 120_000;

t.test('npm run lab -- --quick --assert --json', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const resultsDir = mkdtempSync(join(tmpdir(), 'keepalive-lab-e2e-'));
  t.teardown(() => rmSync(resultsDir, { recursive: true, force: true }));

  const started = Date.now();
  const outFile = join(resultsDir, 'ci', 'summary.json');
  mkdirSync(dirname(outFile));
  // The baseline is a real earlier run (schema v5): the comparison must find the same words (REPRODUCED, SAFE). Its
  // default hit 6 of 7 cycles; on a loaded machine this run may hit fewer, and a per-cycle rate that fell that far is
  // a regression by compare's own rule (a cold CI run hit 4 of 12): so the rate may move, the words may not.
  const baseline = join(root, 'test/fixtures/runs/20261128-042022Z-docker/summary.json');
  const run = await execa(
    'npm',
    [
      'run',
      '-s',
      'lab',
      '--',
      '--quick',
      '--assert',
      '--json',
      '--runtime',
      'docker',
      '--results-dir',
      resultsDir,
      '--out',
      outFile,
      '--baseline',
      baseline,
    ],
    {
      cwd: root,
      reject: false,
      timeout: 15 * 60_000,
      // The apps' clocks a day off the harness's, as if in Docker Desktop's VM: the lab must aim without a shared
      // clock.
      env: { [APP_CLOCK_OFFSET_ENV]: String(APP_CLOCK_SHIFT_MS) },
    },
  );
  const wallMs = Date.now() - started;
  t.comment(`wall time ${(wallMs / 1000).toFixed(0)} s`);
  // Warm (images built): the stack is healthy within seconds, and the whole run, its LB-boundary lane included, takes
  // at most two minutes.
  const healthyAtS = Number(/\[ *(\d+)s\] stack healthy/.exec(run.stderr)?.[1]);
  if (healthyAtS <= WARM_BRING_UP_S)
    t.ok(wallMs <= WARM_WALL_MS, `warm run: ${(wallMs / 1000).toFixed(0)} s (healthy after ${healthyAtS} s)`);
  else
    t.comment(
      `images were built in this run (healthy after ${healthyAtS} s): the two-minute bound applies to a warm run`,
    );
  t.comment(
    run.stderr
      .split('\n')
      .filter((l) => /cycle|closed the idle|still open|REPRODUCED|assertion/.test(l))
      .join('\n'),
  );
  t.notMatch(run.stderr, /assertion failed/, 'no assertion failed');
  t.match(
    run.stderr,
    /^ {2}- default: REPRODUCED in both|^default +default +racy +REPRODUCED +REPRODUCED /m,
    'default: the same word',
  );
  t.match(run.stderr, /^fixed +article +safe +SAFE +SAFE /m, 'fixed: the same word');
  const comparison = run.stderr.slice(run.stderr.indexOf('baseline: '));
  t.match(
    comparison,
    /baseline: REPRODUCED +20261128-042022Z-docker \(.*summary\.json, schema v5\)/,
    'the comparison is printed, each run with its word (on stderr: stdout is the JSON)',
  );
  t.comment(comparison);
  // The comparison states its own exit code; the run exits with it (0: ok, or a rate that moved the harmless way; 99:
  // the default's rate per cycle fell beyond chance, the words unchanged).
  const stated = Number(/\(exit (\d+)\)/.exec(comparison)?.[1]);
  t.ok([0, 99].includes(stated), `the comparison comes to ok or a rate's change (exit ${stated})`);
  t.equal(
    run.exitCode,
    stated,
    `exit ${stated} as the comparison says (stderr tail: ${run.stderr.split('\n').slice(-3).join(' | ')})`,
  );

  let summary: Summary | undefined;
  try {
    summary = JSON.parse(run.stdout) as Summary;
  } catch {
    t.fail(`stdout is not JSON: ${run.stdout.slice(0, 200)}`);
  }
  if (summary) {
    t.same(validateSummary(summary), [], 'valid summary');
    t.same(invariantProblems(summary), [], 'the counts add up');
    const written = JSON.parse(readFileSync(outFile, 'utf8')) as Summary;
    t.same({ ...written, $schema: summary.$schema }, summary, '--out wrote the summary stdout printed');
    t.equal(Object.keys(written)[0], '$schema', '$schema first');
    t.equal(
      resolve(dirname(outFile), written.$schema),
      SUMMARY_SCHEMA_PATH,
      "--out's $schema leads to the committed schema from where the file is",
    );
    t.equal(summary.runtime, 'docker');
    t.equal(summary.verdict.word, 'REPRODUCED', summary.verdict.text);
    t.equal(summary.verdict.ok, true, summary.verdict.text);
    t.ok(summary.variants.default.rate502.failures >= 1, summary.verdict.text);
    t.equal(summary.variants.fixed.rate502.failures, 0);
    // The fix where a fix can fail: connections idle just under the LB's 60 s, reused through the fixed app's own pool.
    const atLb = summary.variants.fixed.lbBoundary;
    t.comment(`fixed at the LB's 60 s: ${JSON.stringify(atLb)}`);
    // Most of the 30 reuse a connection idle that long; on a loaded machine some sends come late, after nginx closed
    // theirs (24 of 30 while three test files ran at once; 9 of 30 in a CI run beside the example servers' files). A
    // pool the lane did not hold to itself gives none: that is what this guards, not how many a busy machine gets.
    t.ok(atLb && atLb.boundary >= 5, `fixed: ${atLb?.boundary} boundary requests at the LB's 60 s`);
    t.equal(atLb?.failures, 0, "fixed: none failed at the LB's 60 s");
    // Aimed at 59.5 s. On a loaded machine the batch can go late and nginx's own timer with it: in a fresh-clone CI run
    // (2026-12-06) the median reused connection had been idle 60.23 s, nginx still holding it. Far off either way is
    // the lane's error: under 59 s it tests nothing near the LB, and past 61 s nginx's timer never held one.
    t.ok(
      atLb?.idleGapMs && atLb.idleGapMs >= 59_000 && atLb.idleGapMs < 61_000,
      `fixed: reused after ${atLb?.idleGapMs} ms idle`,
    );
    t.match(summary.verdict.text, /fixed: 0 in \d+ .* at the close boundary.*, 0 in \d+ at the LB's 60 s/);
    t.ok(summary.variants.default.measured.probeIdleCloseMs! > 5_000, 'default measured near 6 s');
    t.match(summary.versions.compose, /compose/);
    t.same(summary.nginx.mismatches, []);
    t.equal(summary.schedule.injectedAppClockOffsetMs, APP_CLOCK_SHIFT_MS);
    for (const name of ['default', 'fixed']) {
      const clock = summary.schedule.appClocks[name];
      t.ok(
        clock && Math.abs(clock.offsetMs - APP_CLOCK_SHIFT_MS) <= clock.uncertaintyMs,
        `${name}: app clock offset ${clock?.offsetMs} ± ${clock?.uncertaintyMs} ms`,
      );
    }
  }
  t.same(await projectResources(), { containers: [], networks: [], volumes: [] }, 'nothing left in Docker');
});
