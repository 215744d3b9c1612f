// The example server examples/jvm-jetty behind Caddy, with its fix: SAFE, exit 0
// under --assert safe; as shipped beside it UNSAFE (test/helpers/example-runs.ts).
// First: this file's own ports and Compose project (test/helpers/slot.ts).
import '../helpers/slot.js';
import t from 'tap';
import { fixedBehindCaddy } from '../helpers/example-runs.js';

t.test('examples/jvm-jetty behind Caddy: with the fix SAFE (exit 0), as shipped UNSAFE', (t) =>
  fixedBehindCaddy(t, 'jvm-jetty'),
);
