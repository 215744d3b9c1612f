// One HAProxy and one Caddy cell through Docker (the air-gapped or official
// images), Node's defaults on the default line: what each LB's client sees.
// First: this file's own ports and Compose project (test/helpers/slot.ts).
import '../helpers/slot.js';
import t from 'tap';
import { assertCaddyDefault, assertHaproxyDefault, assertLbRun, runLbMatrix } from '../helpers/lb-matrix.js';
import { lineFor } from '../helpers/reduced-matrix.js';
import { dockerOrSkip } from '../helpers/require.js';

t.test('HAProxy and Caddy beside each other, Docker runtime', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const line = lineFor('docker');
  const { summary, runDir } = await runLbMatrix(t, 'docker', [
    `haproxy-node${line}-standalone-default`,
    `caddy-node${line}-standalone-default`,
  ]);
  assertLbRun(t, summary, runDir);
  assertHaproxyDefault(t, summary, runDir, line);
  assertCaddyDefault(t, summary, line);
  t.match(summary.lbs.haproxy.version, /^\d+\.\d+/);
  t.match(summary.lbs.caddy.version, /^\d+\.\d+/);
});
