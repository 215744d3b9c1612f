// Real HAProxy and Caddy accept what their renderers write (nginx: nginx-syntax.test.ts),
// checked by the driver's own validate command, the one a user would run; and
// every LB, nginx too, accepts each LB-side fix's settings.
import t from 'tap';
import { execa } from 'execa';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LB_DRIVERS, lbsOf } from '../../harness/lb/drivers.js';
import { cellsByName, LB_FIX_MATRIX, matrixScenario } from '../../harness/scenarios/matrix.js';
import { LB_FIXES } from '../../harness/scenarios/lb-fixes.js';
import { lbBinary, localLbVersion } from '../../harness/runtime/local-stack.js';
import { HAPROXY_REUSE_MODES, LB } from '../../harness/scenarios/scenarios.js';
import { lbsOrSkip } from '../helpers/require.js';

const cells = cellsByName([
  'haproxy-node24-standalone-default',
  'haproxy-node24-custom-article',
  'caddy-node24-standalone-default',
  'caddy-node24-next-start-article',
]);

for (const lb of ['haproxy', 'caddy'] as const) {
  t.test(`${lb} accepts the rendered configuration`, async (t) => {
    if (!(await lbsOrSkip(t, [lb]))) return;
    const driver = LB_DRIVERS[lb];
    const binary = (await lbBinary(driver))!;
    t.comment(`${lb} ${await localLbVersion(driver)}`);
    for (const haproxyReuse of HAPROXY_REUSE_MODES) {
      const scenario = matrixScenario(cells, 'alb', { ...LB, upstreamKeepaliveTimeoutMs: 12_000 }, haproxyReuse);
      const dir = mkdtempSync(join(tmpdir(), `keepalive-lab-${lb}-`));
      t.teardown(() => rmSync(dir, { recursive: true, force: true }));
      const { variants } = lbsOf(scenario).find((l) => l.driver.name === lb)!;
      const file = join(dir, driver.configFile);
      writeFileSync(file, driver.render(scenario, variants, { runtime: 'local', workDir: dir }));
      const result = await execa(binary, driver.validateArgs(file, dir), {
        reject: false,
        env: { ...process.env, ...driver.env(dir) },
      });
      t.equal(
        result.exitCode,
        0,
        `${lb} (http-reuse ${haproxyReuse}): ${(result.stderr || result.stdout).trim().split('\n').pop()}`,
      );
      // The Docker rendering too, where Caddy resolves the apps' service names only when proxying (haproxy -c would
      // resolve them now).
      if (lb === 'caddy') {
        writeFileSync(file, driver.render(scenario, variants, { runtime: 'docker' }));
        const docker = await execa(binary, driver.validateArgs(file, dir), {
          reject: false,
          env: { ...process.env, ...driver.env(dir) },
        });
        t.equal(
          docker.exitCode,
          0,
          `caddy, Docker rendering: ${(docker.stderr || docker.stdout).trim().split('\n').pop()}`,
        );
      }
    }
  });
}

t.test('every LB accepts each LB-side fix it has, written into the fix cells only', async (t) => {
  if (!(await lbsOrSkip(t, ['nginx', 'haproxy', 'caddy']))) return;
  const scenario = matrixScenario(LB_FIX_MATRIX);
  for (const { driver, variants } of lbsOf(scenario)) {
    const dir = mkdtempSync(join(tmpdir(), `keepalive-lab-${driver.name}-fixes-`));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, driver.configFile);
    const text = driver.render(scenario, variants, { runtime: 'local', workDir: dir });
    writeFileSync(file, text);
    const result = await execa((await lbBinary(driver))!, driver.validateArgs(file, dir), {
      reject: false,
      env: { ...process.env, ...driver.env(dir) },
    });
    t.equal(result.exitCode, 0, `${driver.name}: ${(result.stderr || result.stdout).trim().split('\n').pop()}`);
    const fixes = variants.filter((v) => v.lbFix !== undefined);
    t.ok(fixes.length >= 2, `${driver.name}: its fixes are in the run`);
    for (const v of fixes)
      t.match(text, `LB-side fix ${v.lbFix}: ${LB_FIXES[v.lbFix as keyof typeof LB_FIXES].description}`);
  }
});

t.test('a broken configuration is refused (the check can fail)', async (t) => {
  if (!(await lbsOrSkip(t, ['haproxy', 'caddy']))) return;
  const dir = mkdtempSync(join(tmpdir(), 'keepalive-lab-broken-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  for (const lb of ['haproxy', 'caddy'] as const) {
    const driver = LB_DRIVERS[lb];
    const file = join(dir, driver.configFile);
    writeFileSync(
      file,
      lb === 'haproxy'
        ? 'frontend x\n  bind 127.0.0.1:8401\n  no-such-keyword\n'
        : 'http://:8401 {\n\tno_such_directive\n}\n',
    );
    const result = await execa((await lbBinary(driver))!, driver.validateArgs(file, dir), {
      reject: false,
      env: { ...process.env, ...driver.env(dir) },
    });
    t.not(result.exitCode, 0, `${lb} refuses it`);
  }
});
