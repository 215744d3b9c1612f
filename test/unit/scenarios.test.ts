import t from 'tap';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeImageDefaults, composeVariables } from '../../harness/runtime/compose-env.js';
import { createRequire } from 'node:module';
import {
  LB,
  LB_BOUNDARY_PORT,
  lbPortsOf,
  SERVER_MODES,
  VARIANTS,
  variantByName,
} from '../../harness/scenarios/scenarios.js';

const compose = readFileSync(fileURLToPath(new URL('../../docker-compose.yml', import.meta.url)), 'utf8');

/** `${NAME:-default}` pairs of docker-compose.yml. */
function composeDefaults(): Map<string, string> {
  const defaults = new Map<string, string>();
  for (const m of compose.matchAll(/\$\{(LAB_\w+):-([^}]*)\}/g)) {
    if (defaults.has(m[1]) && defaults.get(m[1]) !== m[2]) throw new Error(`${m[1]} has two defaults`);
    defaults.set(m[1], m[2]);
  }
  return defaults;
}

t.test('default variant keeps Node defaults; fixed outlives the LB', async (t) => {
  const def = variantByName('default');
  t.equal(def.keepAliveTimeoutMs, undefined);
  t.equal(def.headersTimeoutMs, undefined);
  const fixed = variantByName('fixed');
  t.equal(fixed.keepAliveTimeoutMs, 61_000);
  t.equal(fixed.headersTimeoutMs, 62_000);
  t.ok(fixed.keepAliveTimeoutMs! > LB.upstreamKeepaliveTimeoutMs, 'app idles longer than the LB');
  t.ok(fixed.headersTimeoutMs! > fixed.keepAliveTimeoutMs!, 'headersTimeout above keepAliveTimeout');
  t.equal(LB.upstreamKeepaliveTimeoutMs, 60_000);
  t.throws(() => variantByName('nope'), /unknown variant/);
});

t.test('ports are distinct and services named once', async (t) => {
  const ports = VARIANTS.flatMap((v) => [...lbPortsOf(v), v.appPort]);
  t.ok(ports.includes(LB_BOUNDARY_PORT), "the fixed app's LB-boundary pool has a port of its own");
  t.equal(new Set(ports).size, ports.length);
  t.equal(new Set(VARIANTS.map((v) => v.service)).size, VARIANTS.length);
});

t.test('docker-compose.yml defaults agree with the scenarios', async (t) => {
  const defaults = composeDefaults();
  const expected = { ...composeVariables(), ...composeImageDefaults() };
  t.same([...defaults.keys()].sort(), Object.keys(expected).sort(), 'the same variables');
  for (const [name, value] of Object.entries(expected)) t.equal(defaults.get(name), value, name);
  for (const v of VARIANTS) {
    t.match(compose, new RegExp(`\\n  ${v.service}:\\n`), `service ${v.service}`);
    for (const port of lbPortsOf(v)) t.match(compose, `:${port}"`, `nginx listens on ${port} in its container`);
  }
  t.match(compose, `http://127.0.0.1:${VARIANTS[0].lbPort}/lb-health`, 'LB health check on a variant port');
});

t.test('every published port binds loopback only', async (t) => {
  const published = [...compose.matchAll(/^\s+- "([^"]*:\d+)"$/gm)].map((m) => m[1]).filter((p) => !p.includes('/'));
  t.ok(published.length >= 4);
  for (const p of published) t.match(p, /^127\.0\.0\.1:/, p);
});

t.test("the app accepts exactly the harness's server modes", async (t) => {
  const { SERVER_MODES: appModes } = createRequire(import.meta.url)('../../app/lab/server-settings.cjs') as {
    SERVER_MODES: string[];
  };
  t.same(appModes, [...SERVER_MODES]);
});

t.test("the Dockerfile's build and runtime images default to the same official one", async (t) => {
  const dockerfile = readFileSync(fileURLToPath(new URL('../../app/Dockerfile', import.meta.url)), 'utf8');
  t.match(dockerfile, `ARG NODE_IMAGE=${composeImageDefaults().LAB_NODE_IMAGE}\n`);
  t.match(dockerfile, `ARG RUNTIME_NODE_IMAGE=${composeImageDefaults().LAB_NODE_IMAGE}\n`);
});
