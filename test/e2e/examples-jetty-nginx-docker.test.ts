// The example server examples/jvm-jetty behind nginx, as shipped: UNSAFE, exit 99
// under --assert safe; its fix beside it SAFE (test/helpers/example-runs.ts).
// First: this file's own ports and Compose project (test/helpers/slot.ts).
import '../helpers/slot.js';
import t from 'tap';
import { asShippedBehindNginx } from '../helpers/example-runs.js';

t.test('examples/jvm-jetty behind nginx: as shipped UNSAFE (exit 99), with the fix SAFE', (t) =>
  asShippedBehindNginx(t, 'jvm-jetty'),
);
