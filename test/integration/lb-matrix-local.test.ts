// HAProxy and Caddy on the local runtime (Debian's packages, the host's Node),
// each in front of the app with Node's defaults and with the article's fix,
// the LBs' idle timeout compressed to 12 s.
// First: this file's own ports and Compose project (test/helpers/slot.ts).
import '../helpers/slot.js';
import t from 'tap';
import { lineFor, LONG_CYCLES } from '../helpers/reduced-matrix.js';
import { assertLongLanePools } from '../helpers/long-lane-pools.js';
import {
  assertCaddyDefault,
  assertFixedSafe,
  assertHaproxyDefault,
  assertHaproxyFixed,
  assertLbRun,
  runLbMatrix,
} from '../helpers/lb-matrix.js';
import { lbsOrSkip } from '../helpers/require.js';

t.test('HAProxy and Caddy beside each other, local runtime', async (t) => {
  if (!(await lbsOrSkip(t, ['haproxy', 'caddy']))) return;
  const line = lineFor('local');
  const cells = ['haproxy', 'caddy'].flatMap((lb) =>
    ['default', 'article'].map((fix) => `${lb}-node${line}-standalone-${fix}`),
  );
  const { summary, runDir, progress } = await runLbMatrix(t, 'local', cells);
  assertLbRun(t, summary, runDir);
  // HAProxy's backends and Caddy's reverse_proxy handles: each pool its own idle connections.
  assertLongLanePools(t, summary, runDir, LONG_CYCLES);
  assertHaproxyDefault(t, summary, runDir, line);
  assertCaddyDefault(t, summary, line);
  assertHaproxyFixed(t, summary, line);
  assertFixedSafe(t, summary, 'caddy', line);
  t.match(progress.join('\n'), /bringing up haproxy, caddy and the apps locally/);
});
