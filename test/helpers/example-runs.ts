// The e2e runs of the example servers (test/e2e/examples-*-docker.test.ts), a
// file per server and LB so that tap runs them side by side, each with its own
// timeout: behind nginx the server as shipped is yours (UNSAFE, exit 99 under
// --assert safe) and its fix beside it SAFE; behind Caddy the other way round
// (the fix as yours, exit 0). No preload: the client-side method. Import it
// after ./slot.js: the runs use the file's slot.
import { type Test } from 'tap';
import { EXAMPLE_METHOD } from '../../harness/docs/examples-table.js';
import { EXAMPLE_SERVERS, exampleLabArgs } from '../../harness/scenarios/examples.js';
import { dockerOrSkip } from './require.js';
import { buildExampleImages, CI_EXAMPLES, exampleBounded, examplesNamed } from './examples.js';
import { lab, nothingLeft, summaryOf } from './your-app.js';

/**
 * The progress line that says how an example as shipped is aimed: one request per pool at each connection's own close
 * (AimPolicy.decidePerConnection), or, for a server that closes at a periodic check, its batch at one instant.
 */
function aimLine(variant: string, dir: string): RegExp {
  return CI_EXAMPLES[dir].closesOnCheck
    ? new RegExp(`${variant}: its probe sockets, idle from \\d+ ms apart, closed together: .* its batch at one instant`)
    : new RegExp(`${variant}: no clock to aim by .* one request through each of \\d+ LB pools`);
}

/** The example as shipped behind nginx: UNSAFE, exit 99, failing at the close the probe measured; the fix SAFE. */
export async function asShippedBehindNginx(t: Test, dir: string): Promise<void> {
  if (!(await dockerOrSkip(t))) return;
  await buildExampleImages([dir]);
  const [example] = examplesNamed(EXAMPLE_SERVERS, [dir]);
  const args = [...exampleLabArgs(example, 'default'), '--method', EXAMPLE_METHOD, '--assert', 'safe', '--json'];
  const run = await lab(t, [...args, ...exampleBounded(dir)], CI_EXAMPLES[dir].lbIdle);
  t.equal(run.exitCode, 99, 'as shipped, --assert safe fails');
  const { summary, yours } = summaryOf(t, run.stdout);
  t.equal(yours.measurement, 'client-side', 'no preload in a non-Node server');
  t.match(run.stderr, aimLine('yours', dir), 'aimed as its closes allow: per connection, or at a periodic check');
  t.equal(yours.verdict, 'UNSAFE', yours.line);
  const [low, high] = CI_EXAMPLES[dir].closeRangeMs;
  t.ok(
    yours.appIdleCloseMs !== null && yours.appIdleCloseMs >= low && yours.appIdleCloseMs <= high,
    `the probe measured its idle close: ${yours.appIdleCloseMs} ms (${low}–${high})`,
  );
  const cell = summary.cells.find((c) => c.variant === yours.variant)!;
  t.equal(cell.verdict.word, 'REPRODUCED');
  t.ok(cell.counts.status502 > 0, `${cell.counts.status502} × 502 to the client`);
  t.equal(cell.counts.untied, 0, 'every failure at the idle close the probe measured');
  // Who closed, which the client side cannot see: nginx logged each 502 as the app's close or reset of the connection.
  t.equal(cell.lbLogAppCloses, cell.counts.status502, "nginx's error log: the app closed each failed one");
  t.match(
    yours.line,
    /nginx's error log: [1-9]\d* lines? of the app closing or resetting the upstream connection under a request\)$/,
  );
  const compared = summary.yourApp!.find((a) => a.variant === 'compared')!;
  t.match(compared, { verdict: 'SAFE', envKeys: [example.fixEnv.key] }, compared.line);
  t.equal(compared.appIdleCloseMs, null, 'with the fix it kept the idle connection past the LB');
  await nothingLeft(t);
}

/** The example with its fix behind Caddy: SAFE, exit 0; as shipped beside it UNSAFE (POST: Caddy never replays it). */
export async function fixedBehindCaddy(t: Test, dir: string): Promise<void> {
  if (!(await dockerOrSkip(t))) return;
  await buildExampleImages([dir]);
  const [example] = examplesNamed(EXAMPLE_SERVERS, [dir]);
  const args = [...exampleLabArgs(example, 'fix'), '--lb', 'caddy', '--method', EXAMPLE_METHOD, '--assert', 'safe'];
  const run = await lab(t, [...args, '--json', ...exampleBounded(dir)], CI_EXAMPLES[dir].lbIdle);
  t.equal(run.exitCode, 0, `with the fix, --assert safe holds (${run.stderr.split('\n').slice(-2).join(' | ')})`);
  const { summary, yours } = summaryOf(t, run.stdout);
  t.equal(yours.measurement, 'client-side');
  t.equal(yours.verdict, 'SAFE', yours.line);
  t.equal(yours.appIdleCloseMs, null, "it kept the idle connection open past the LB's timeout");
  t.match(yours.line, /measured from the client side/);
  const cell = summary.cells.find((c) => c.variant === yours.variant)!;
  t.ok((cell.counts.boundary ?? 0) >= 60, `${cell.counts.boundary} requests at the LB's boundary, none failed`);
  t.equal(cell.lbLogAppCloses, 0, "Caddy's error log: no connection closed under a request");
  t.match(
    yours.line,
    /caddy's error log: no line of the app closing or resetting the upstream connection under a request\)$/,
  );
  const compared = summary.yourApp!.find((a) => a.variant === 'compared')!;
  t.equal(compared.verdict, 'UNSAFE', compared.line);
  t.match(run.stderr, aimLine('compared', dir), 'as shipped, aimed as its closes allow');
  const [low, high] = CI_EXAMPLES[dir].closeRangeMs;
  t.ok(
    compared.appIdleCloseMs !== null && compared.appIdleCloseMs >= low && compared.appIdleCloseMs <= high,
    `as shipped it closed after ${compared.appIdleCloseMs} ms`,
  );
  const shipped = summary.cells.find((c) => c.variant === 'compared')!;
  t.ok(shipped.counts.status502 > 0, `as shipped: ${shipped.counts.status502} × 502 from Caddy`);
  // Caddy's error log names failures as the app's close or reset (caddy-log.ts's words), but not always each one: a
  // fresh-clone CI run (2026-12-06) counted 3 × 502 and 2 such lines, and 5 runs of the same did not show it again.
  // At least one, and never more than failed; the message says how many error lines Caddy wrote in all.
  const named = shipped.lbLogAppCloses ?? 0;
  t.ok(
    named >= 1 && named <= shipped.counts.status502,
    `Caddy's error log: ${named} of ${shipped.counts.status502} failed ones named as the app's close or reset ` +
      `(${summary.lbs.caddy?.errorLines ?? '?'} error lines in all)`,
  );
  await nothingLeft(t);
}
