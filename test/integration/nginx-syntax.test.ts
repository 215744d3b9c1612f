// Real nginx accepts what the renderer writes, for both retry policies.
import t from 'tap';
import { execa } from 'execa';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lbSettings, localLayout, renderNginxConfig } from '../../harness/lb/nginx-config.js';
import { nginxBinary } from '../../harness/runtime/local-stack.js';
import { RETRY_POLICIES, type RetryPolicy } from '../../harness/scenarios/scenarios.js';
import { nginxOrSkip } from '../helpers/require.js';

t.test('nginx -t accepts the rendered config', async (t) => {
  if (!(await nginxOrSkip(t))) return;
  const nginx = (await nginxBinary())!;
  const version = (await execa(nginx, ['-v'])).stderr.trim();
  t.comment(version);
  for (const policy of Object.keys(RETRY_POLICIES) as RetryPolicy[]) {
    const dir = mkdtempSync(join(tmpdir(), 'keepalive-lab-nginx-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'nginx.conf');
    writeFileSync(file, renderNginxConfig(lbSettings(policy), localLayout(dir)));
    const result = await execa(nginx, ['-t', '-p', dir, '-e', join(dir, 'startup.log'), '-c', file], { reject: false });
    t.equal(result.exitCode, 0, `${policy}: ${result.stderr.trim().split('\n').pop()}`);
  }
});
