// "Test your own app": images built here, each put behind the lab's LB (its
// idle timeout compressed to 12 s) through the real CLI, the way a user's CI
// runs it. The sample app as yours with the fix (SAFE, exit 0) and, in the same
// run, with Node's defaults beside it (UNSAFE); a plain Node http.createServer
// app built with --app-build (the preload injected), then behind Caddy (GET
// masked, still UNSAFE); Debian's nginx serving a static page (no Node: the
// client-side method). Then the mistakes a user makes:
// a wrong image name (exit 2), a wrong port (exit 1), nothing left behind.
// First: this file's own ports and Compose project (test/helpers/slot.ts).
import '../helpers/slot.js';
import t, { type Test } from 'tap';
import { execa } from 'execa';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateSummary, type AppUnderTestSummary, type Summary } from '../../harness/results/schema.js';
import { resolveBaseImages } from '../../harness/runtime/base-images.js';
import { projectResources } from '../../harness/runtime/docker-stack.js';
import { BUILT_APP_IMAGE } from '../../harness/runtime/compose-file.js';
import { DEFAULT_NODE_LINE } from '../../harness/scenarios/scenarios.js';
import { dockerOrSkip } from '../helpers/require.js';
import { invariantProblems } from '../../harness/analysis/invariants.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'test/fixtures/your-apps');
/** The LB's idle timeout, compressed: Node's 6 s close races it, a 13 s keep-alive outlives it. */
const LB_IDLE = '12s';
/**
 * Bounded retries: the short lane cycles on until the first failure, up to this many cycles; 3 cycles a lane, the
 * evidence floor of a SAFE (model/verdict.ts EVIDENCE_FLOOR).
 */
const BOUNDED = ['--cycles', '3', '--max-cycles', '30', '--long-cycles', '3'];

const images = resolveBaseImages();
const SAMPLE_IMAGE = 'keepalive-lab-test/sample-app:yours';
const STATIC_IMAGE = 'keepalive-lab-test/nginx-static:yours';

/** A fixture directory with its Dockerfile's base image filled in (one this machine has, air-gapped or not). */
function fixtureDir(t: Test, name: string, baseImage: string): string {
  const dir = mkdtempSync(join(tmpdir(), `keepalive-lab-${name}-`));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(fixtures, name), dir, { recursive: true });
  writeFileSync(
    join(dir, 'Dockerfile'),
    readFileSync(join(dir, 'Dockerfile.template'), 'utf8').replaceAll('{{BASE_IMAGE}}', baseImage),
  );
  return dir;
}

async function lab(t: Test, args: string[]) {
  const resultsDir = mkdtempSync(join(tmpdir(), 'keepalive-lab-yours-'));
  t.teardown(() => rmSync(resultsDir, { recursive: true, force: true }));
  const started = Date.now();
  const run = await execa(
    'npm',
    ['run', '-s', 'lab', '--', '--results-dir', resultsDir, '--lb-idle-timeout', LB_IDLE, ...args],
    { cwd: root, reject: false, timeout: 10 * 60_000 },
  );
  t.comment(`${args.join(' ')}: exit ${run.exitCode} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  t.comment(
    run.stderr
      .split('\n')
      .filter((l) => /preload|client side|closed the idle|still open|cycle|UNSAFE|SAFE|INCONCLUSIVE/.test(l))
      .join('\n'),
  );
  return run;
}

function summaryOf(t: Test, stdout: string): { summary: Summary; yours: AppUnderTestSummary } {
  const summary = JSON.parse(stdout) as Summary;
  t.same(validateSummary(summary), [], 'a valid v8 summary');
  t.same(invariantProblems(summary), [], 'the counts add up');
  t.same(summary.nginx.mismatches, [], "every 502 the harness counted is in the LB's access log, and no other");
  for (const a of summary.yourApp ?? []) t.comment(`${a.variant}: ${a.line}`);
  return { summary, yours: summary.yourApp![0] };
}

async function nothingLeft(t: Test): Promise<void> {
  t.same(await projectResources(), { containers: [], networks: [], volumes: [] }, 'nothing left behind');
}

t.test('your own app behind the LB', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  // The sample app's image, built here as a user builds theirs.
  await execa('docker', [
    'build',
    '-q',
    '-t',
    SAMPLE_IMAGE,
    '--build-arg',
    `NODE_IMAGE=${images.build}`,
    '--build-arg',
    `RUNTIME_NODE_IMAGE=${images.nodeByLine[DEFAULT_NODE_LINE]}`,
    join(root, 'app'),
  ]);
  await execa('docker', ['build', '-q', '-t', STATIC_IMAGE, fixtureDir(t, 'nginx-static', images.nginx)]);
  t.teardown(() =>
    execa('docker', ['rmi', '-f', SAMPLE_IMAGE, STATIC_IMAGE, BUILT_APP_IMAGE], { reject: false }).then(
      () => undefined,
    ),
  );

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

  await t.test(
    "the same app outliving the LB, with its own 503s: not UNSAFE (they are the app's, not the race)",
    async (t) => {
      const dir = fixtureDir(t, 'plain-node', images.nodeByLine[DEFAULT_NODE_LINE]);
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
        '--app-env',
        'KEEP_ALIVE_TIMEOUT_MS=13000',
        '--assert',
        'safe',
        '--json',
        ...BOUNDED,
      ]);
      const { summary, yours } = summaryOf(t, run.stdout);
      t.equal(yours.verdict, 'SAFE', yours.line);
      t.equal(run.exitCode, 0, '--assert safe holds');
      t.ok(summary.cells[0].counts.appErrors > 0, `its own 503s: ${summary.cells[0].counts.appErrors}, counted apart`);
      t.equal(summary.verdict.word, 'SAFE');
      await nothingLeft(t);
    },
  );

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

  await t.test("Debian's nginx serving a static page (no Node): the client-side method", async (t) => {
    const run = await lab(t, [
      '--app-image',
      STATIC_IMAGE,
      '--app-port',
      '8080',
      '--assert',
      'safe',
      '--json',
      ...BOUNDED,
    ]);
    t.equal(run.exitCode, 99);
    const { summary, yours } = summaryOf(t, run.stdout);
    t.equal(yours.measurement, 'client-side');
    t.equal(yours.node, null);
    t.match(
      yours.line,
      /^UNSAFE: your app closes idle connections after 5\.0 s; the LB keeps them 12\.0 s; reproduced: \d+ of \d+ requests aimed at the close failed.*\(measured from the client side: who closed each connection is not seen\)$/,
    );
    t.ok(
      yours.appIdleCloseMs! > 4_900 && yours.appIdleCloseMs! < 5_200,
      `the raw-socket probe measured ${yours.appIdleCloseMs} ms (keepalive_timeout 5s)`,
    );
    t.equal(summary.cells[0].closedBy.total, 0, 'without the preload nothing says who closed what');
    t.match(run.stderr, /no preload ready line/);
    await nothingLeft(t);
  });

  await t.test(
    'mistakes: a wrong image name (exit 2), a wrong port (exit 1); one line each, nothing left',
    async (t) => {
      const badName = await lab(t, ['--app-image', 'keepalive-lab-test/no-such-app:1']);
      t.equal(badName.exitCode, 2);
      t.match(
        badName.stderr,
        /No image 'keepalive-lab-test\/no-such-app:1' on this machine, and Docker could not pull it/,
      );
      t.notMatch(badName.stderr, /\n\s+at /, 'no stack trace');
      await nothingLeft(t);
      const wrongPort = await lab(t, ['--app-image', STATIC_IMAGE, '--app-port', '9999', '--app-start-timeout', '8s']);
      t.equal(wrongPort.exitCode, 1);
      t.match(
        wrongPort.stderr,
        /Your app \(app-yours, keepalive-lab-test\/nginx-static:yours\) runs but did not answer GET \/ on port 9999 within 8 s/,
      );
      t.match(wrongPort.stderr, /Is --app-port 9999 the port it listens on/);
      t.notMatch(wrongPort.stderr, /\n\s+at /, 'no stack trace');
      await nothingLeft(t);
      const broken = mkdtempSync(join(tmpdir(), 'keepalive-lab-broken-'));
      t.teardown(() => rmSync(broken, { recursive: true, force: true }));
      writeFileSync(join(broken, 'Dockerfile'), 'FROM keepalive-lab-test/no-such-base:1\n');
      const badBuild = await lab(t, ['--app-build', broken]);
      t.equal(badBuild.exitCode, 1);
      t.match(badBuild.stderr, new RegExp(`Your app's image could not be built from ${broken}`));
      await nothingLeft(t);
    },
  );
});
