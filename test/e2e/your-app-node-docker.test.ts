// "Test your own app", Node apps: images built here, each put behind the lab's
// LB (its idle timeout compressed to 12 s) through the real CLI, the way a
// user's CI runs it (test/helpers/your-app.ts). The sample app as yours with
// the fix (SAFE, exit 0) and, in the same run, with Node's defaults beside it
// (UNSAFE); a plain Node http.createServer app built with --app-build (the
// preload injected, its own 503s counted apart), then behind Caddy (GET
// masked, still UNSAFE, exit 99 under --assert safe).
// First: this file's own ports and Compose project (test/helpers/slot.ts).
import '../helpers/slot.js';
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Summary } from '../../harness/results/schema.js';
import { BUILT_APP_IMAGE } from '../../harness/runtime/compose-file.js';
import { DEFAULT_NODE_LINE } from '../../harness/scenarios/scenarios.js';
import { dockerOrSkip } from '../helpers/require.js';
import {
  BOUNDED,
  buildSampleImage,
  fixtureDir,
  images,
  lab,
  nothingLeft,
  removeBuiltImageAtEnd,
  SAMPLE_IMAGE,
  summaryOf,
} from '../helpers/your-app.js';

t.test('your own Node app behind the LB', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  await buildSampleImage(t);
  removeBuiltImageAtEnd(t);

  await t.test(
    "the sample app with the fix (keep-alive past the LB): SAFE, exit 0; with Node's 5 s beside it: UNSAFE",
    async (t) => {
      const run = await lab(t, [
        '--app-image',
        SAMPLE_IMAGE,
        '--health',
        '/api/health',
        '--app-env',
        'KEEP_ALIVE_TIMEOUT=13000',
        '--compare-env',
        'KEEP_ALIVE_TIMEOUT=5000',
        '--assert',
        'safe',
        '--json',
        ...BOUNDED,
      ]);
      t.equal(run.exitCode, 0, `--assert safe asks about yours only (${run.stderr.split('\n').slice(-3).join(' | ')})`);
      const { summary, yours } = summaryOf(t, run.stdout);
      // The same image with Node's 5 s, in the same run: what a user's unfixed app gets.
      const compared = summary.yourApp![1];
      t.match(compared, { variant: 'compared', verdict: 'UNSAFE', envKeys: ['KEEP_ALIVE_TIMEOUT'] }, compared.line);
      t.match(
        compared.line,
        /^UNSAFE: your app closes idle connections after 6\.\d s; the LB keeps them 12\.0 s; reproduced: \d+ of \d+ requests aimed at the close failed \(\d+\/\d+ aimed cycles\), \d+ × 502 in all \d+ requests$/,
      );
      t.equal(compared.measurement, 'preload');
      t.match(compared.node, /^v\d+\./, `the preload reported Node ${compared.node}`);
      t.match(compared.image, { ref: SAMPLE_IMAGE, id: /^sha256:[0-9a-f]{64}$/ });
      t.ok(
        compared.appIdleCloseMs !== null && compared.appIdleCloseMs > 5_900 && compared.appIdleCloseMs < 6_200,
        `the probe measured ${compared.appIdleCloseMs} ms`,
      );
      t.ok(summary.cells[1].closedBy.app > 0, 'the app closed idle connections the LB held');
      t.match(run.stderr, /the preload loaded \(Node v\d+/);
      t.same(
        summary.cells.map((c) => [c.name, c.lane]),
        [
          ['yours-get', 'long'],
          ['compared-get', 'short'],
        ],
        'each at its own boundary, in one run',
      );
      t.equal(yours.verdict, 'SAFE', yours.line);
      t.match(
        yours.line,
        /^SAFE: .*; 0 failures in \d+ at the LB's boundary \(≤ [\d.]+ % per request; \d+ aimed cycles: ≤ [\d.]+ % per cycle, one-sided 95 %\)$/,
      );
      t.equal(
        summary.cells[0].closedBy.app + summary.cells[0].closedBy.reset,
        0,
        "the app closed none of the LB's connections",
      );
      t.notMatch(
        readFileSync(join(/results in (\S+)/.exec(run.stderr)![1], 'compose.json'), 'utf8'),
        /13000/,
        'compose.json names a private env file, never a value',
      );
      t.ok(
        yours.appIdleCloseMs === null || yours.appIdleCloseMs > 12_000,
        `alone it closes at ${yours.appIdleCloseMs} ms, after the LB`,
      );
      t.same(yours.envKeys, ['KEEP_ALIVE_TIMEOUT'], 'the names of its variables');
      t.notMatch(run.stdout, /"13000"/, 'never their values');
      await nothingLeft(t);
    },
  );

  await t.test('a plain Node http.createServer app, built with --app-build: the preload injected', async (t) => {
    const dir = fixtureDir(t, 'plain-node', images.nodeByLine[DEFAULT_NODE_LINE]);
    // Every 4th request gets the app's own 503: counted apart, never the race.
    const run = await lab(t, [
      '--app-build',
      dir,
      '--app-port',
      '8080',
      '--method',
      'POST',
      '--path',
      '/orders',
      '--app-env',
      'APP_503_EVERY=4',
      ...BOUNDED,
    ]);
    t.equal(run.exitCode, 0, 'no assertion asked: the verdict is a finding');
    t.match(
      run.stdout,
      /^UNSAFE {2}yours: your app closes idle connections after 6\.\d s; the LB keeps them 12\.0 s; reproduced: \d+ of \d+ requests aimed at the close failed/m,
      'the headline',
    );
    t.match(run.stdout, /measured with the preload, Node v\d+/);
    const dirRun = /results: (\S+)/.exec(run.stdout)![1];
    const summary = JSON.parse(readFileSync(join(dirRun, 'summary.json'), 'utf8')) as Summary;
    t.match(summary.yourApp![0], {
      verdict: 'UNSAFE',
      measurement: 'preload',
      buildDir: dir,
      method: 'POST',
      trafficPath: '/orders',
      containerPort: 8080,
    });
    t.ok(readFileSync(join(dirRun, 'requests.ndjson'), 'utf8').includes('"method":"POST"'));
    const [cell] = summary.cells;
    t.ok(cell.counts.appErrors > 0, `the app's own 503s counted apart: ${cell.counts.appErrors}`);
    t.equal(cell.counts.status503, 0, "none of them taken for the LB's");
    t.ok(cell.counts.status502 > 0, `the race's 502s still counted: ${cell.counts.status502}`);
    t.equal(cell.counts.untied, 0, 'each tied to an idle close of the app');
    t.match(cell.verdict.evidence, /the app's own 5xx: \d+ \(not the race\)/);
    await nothingLeft(t);
  });

  await t.test('the same app behind Caddy: GET replayed unseen (masked), still UNSAFE', async (t) => {
    const run = await lab(t, [
      '--app-image',
      BUILT_APP_IMAGE,
      '--app-port',
      '8080',
      '--lb',
      'caddy',
      '--assert',
      'safe',
      '--json',
      ...BOUNDED,
    ]);
    t.equal(run.exitCode, 99, 'the assertion-failure exit code');
    const { summary, yours } = summaryOf(t, run.stdout);
    t.match(summary.assertion.reasons.join(), /yours is UNSAFE/);
    t.equal(summary.cells[0].lb, 'caddy');
    t.equal(summary.cells[0].outcome, 'masked', summary.cells[0].reason);
    t.match(yours, { verdict: 'UNSAFE', line: /this LB hid it from GET .*Go's transport under Caddy replays a GET/ });
    await nothingLeft(t);
  });
});
