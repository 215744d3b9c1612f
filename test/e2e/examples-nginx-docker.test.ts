// Real non-Node servers (examples/: gunicorn, uvicorn, Go net/http) behind
// nginx, through the real CLI as a user's CI runs it: each as shipped, its
// default idle timeout under the LB's (compressed to 8 s), is UNSAFE (exit 99
// under --assert safe), failing requests aimed at the idle close the probe
// measured; the fix its docs give, beside it in the same run, is SAFE. No
// preload: the client-side method. The Caddy file runs them the other way
// round (the fix as yours, exit 0).
// First: this file's own ports and Compose project (test/helpers/slot.ts).
import '../helpers/slot.js';
import t from 'tap';
import { EXAMPLE_METHOD } from '../../harness/docs/examples-table.js';
import { EXAMPLE_SERVERS, exampleLabArgs } from '../../harness/scenarios/examples.js';
import { dockerOrSkip } from '../helpers/require.js';
import {
  buildExampleImages,
  CI_EXAMPLE_DIRS,
  EXAMPLE_BOUNDED,
  EXAMPLE_LB_IDLE,
  examplesNamed,
} from '../helpers/examples.js';
import { lab, nothingLeft, summaryOf } from '../helpers/your-app.js';

/**
 * Where each example's default idle close may fall, in ms: uvicorn's 5 s and Go's 5 s ReadTimeout are timers;
 * gunicorn's threaded worker checks its 2 s once a second, on a loop tick a response does not wake, so 2–3 s.
 */
const CLOSE_RANGE_MS: Record<string, [number, number]> = {
  'python-gunicorn': [1_950, 3_150],
  'python-uvicorn': [4_950, 5_150],
  'go-nethttp': [4_950, 5_150],
};

t.test('example servers behind nginx: as shipped UNSAFE (exit 99), with the fix SAFE', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  await buildExampleImages(CI_EXAMPLE_DIRS);
  for (const example of examplesNamed(EXAMPLE_SERVERS, CI_EXAMPLE_DIRS)) {
    await t.test(example.server, async (t) => {
      const run = await lab(
        t,
        [
          ...exampleLabArgs(example, 'default'),
          '--method',
          EXAMPLE_METHOD,
          '--assert',
          'safe',
          '--json',
          ...EXAMPLE_BOUNDED,
        ],
        EXAMPLE_LB_IDLE,
      );
      t.equal(run.exitCode, 99, 'as shipped, --assert safe fails');
      const { summary, yours } = summaryOf(t, run.stdout);
      t.equal(yours.measurement, 'client-side', 'no preload in a non-Node server');
      t.equal(yours.verdict, 'UNSAFE', yours.line);
      const [low, high] = CLOSE_RANGE_MS[example.dir];
      t.ok(
        yours.appIdleCloseMs !== null && yours.appIdleCloseMs >= low && yours.appIdleCloseMs <= high,
        `the probe measured its idle close: ${yours.appIdleCloseMs} ms (${low}–${high})`,
      );
      const cell = summary.cells.find((c) => c.variant === 'yours')!;
      t.equal(cell.verdict.word, 'REPRODUCED');
      t.ok(cell.counts.status502 > 0, `${cell.counts.status502} × 502 to the client`);
      t.equal(cell.counts.untied, 0, 'every failure at the idle close the probe measured');
      const compared = summary.yourApp![1];
      t.match(compared, { variant: 'compared', verdict: 'SAFE', envKeys: [example.fixEnv.key] }, compared.line);
      t.equal(compared.appIdleCloseMs, null, 'with the fix it kept the idle connection past the LB');
      await nothingLeft(t);
    });
  }
});
