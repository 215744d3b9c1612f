// "Test your own app", the rest: the plain Node app outliving the LB with its
// own 503s (SAFE: they are not the race); the same app with --no-preload (the
// client-side method, as for any server; examples-*-docker.test.ts runs real
// non-Node ones); the mistakes a user makes — a wrong image
// name (exit 2), a wrong port (exit 1), a Dockerfile that does not build —
// each one line, nothing left behind (test/helpers/your-app.ts runs the CLI).
// First: this file's own ports and Compose project (test/helpers/slot.ts).
import '../helpers/slot.js';
import t from 'tap';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_NODE_LINE } from '../../harness/scenarios/scenarios.js';
import { dockerOrSkip } from '../helpers/require.js';
import {
  BOUNDED,
  buildStaticImage,
  fixtureDir,
  images,
  lab,
  nothingLeft,
  removeBuiltImageAtEnd,
  STATIC_IMAGE,
  summaryOf,
} from '../helpers/your-app.js';

t.test('your own app behind the LB: no preload, and the mistakes', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  await buildStaticImage(t);
  removeBuiltImageAtEnd(t);

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

  await t.test('the plain Node app with --no-preload: measured from the client side, as any server', async (t) => {
    const dir = fixtureDir(t, 'plain-node', images.nodeByLine[DEFAULT_NODE_LINE]);
    const run = await lab(t, [
      '--app-build',
      dir,
      '--app-port',
      '8080',
      '--method',
      'POST',
      '--no-preload',
      '--assert',
      'safe',
      '--json',
      ...BOUNDED,
    ]);
    t.equal(run.exitCode, 99);
    const { summary, yours } = summaryOf(t, run.stdout);
    t.equal(yours.measurement, 'client-side', 'no preload loaded, though it is a Node app');
    t.equal(yours.node, null);
    t.match(
      yours.line,
      /^UNSAFE: your app closes idle connections after (5\.9|6\.[0-2]) s; the LB keeps them 12\.0 s; reproduced: \d+ of \d+ requests aimed at the close failed.*\(measured from the client side; nginx's error log: [1-9]\d* lines? of the app closing or resetting the upstream connection under a request\)$/,
    );
    t.ok(
      yours.appIdleCloseMs! > 5_900 && yours.appIdleCloseMs! < 6_200,
      `the raw-socket probe measured ${yours.appIdleCloseMs} ms (Node's 5 s and its 1 s buffer)`,
    );
    t.equal(summary.cells[0].closedBy.total, 0, 'without the preload nothing says who closed what');
    t.match(run.stderr, /yours: \S+ — --no-preload: /, 'the output says why');
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
        new RegExp(
          `Your app \\(app-yours, ${STATIC_IMAGE.replace('/', '\\/')}\\) runs but did not answer GET \\/ on port 9999 within 8 s`,
        ),
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
