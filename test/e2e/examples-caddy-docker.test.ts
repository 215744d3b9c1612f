// Real non-Node servers (examples/: gunicorn, uvicorn, Go net/http) behind
// Caddy, the other way round from the nginx file: each with the fix its docs
// give as yours is SAFE (exit 0 under --assert safe), and as shipped beside it
// in the same run UNSAFE (POST: Caddy replays a GET on a new connection, never
// a POST). No preload: the client-side method.
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

t.test('example servers behind Caddy: with the fix SAFE (exit 0), as shipped UNSAFE', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  await buildExampleImages(CI_EXAMPLE_DIRS);
  for (const example of examplesNamed(EXAMPLE_SERVERS, CI_EXAMPLE_DIRS)) {
    await t.test(example.server, async (t) => {
      const run = await lab(
        t,
        [
          ...exampleLabArgs(example, 'fix'),
          '--lb',
          'caddy',
          '--method',
          EXAMPLE_METHOD,
          '--assert',
          'safe',
          '--json',
          ...EXAMPLE_BOUNDED,
        ],
        EXAMPLE_LB_IDLE,
      );
      t.equal(run.exitCode, 0, `with the fix, --assert safe holds (${run.stderr.split('\n').slice(-2).join(' | ')})`);
      const { summary, yours } = summaryOf(t, run.stdout);
      t.equal(yours.measurement, 'client-side');
      t.equal(yours.verdict, 'SAFE', yours.line);
      t.equal(yours.appIdleCloseMs, null, "it kept the idle connection open past the LB's timeout");
      t.match(yours.line, /measured from the client side/);
      const cell = summary.cells.find((c) => c.variant === 'yours')!;
      t.ok((cell.counts.boundary ?? 0) >= 60, `${cell.counts.boundary} requests at the LB's boundary, none failed`);
      const compared = summary.yourApp![1];
      t.match(compared, { variant: 'compared', verdict: 'UNSAFE' }, compared.line);
      t.ok(
        compared.appIdleCloseMs !== null && compared.appIdleCloseMs < 6_000,
        `as shipped it closed after ${compared.appIdleCloseMs} ms`,
      );
      const shipped = summary.cells.find((c) => c.variant === 'compared')!;
      t.ok(shipped.counts.status502 > 0, `as shipped: ${shipped.counts.status502} × 502 from Caddy`);
      await nothingLeft(t);
    });
  }
});
