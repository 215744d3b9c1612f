// The Docker runtime when its daemon goes away mid-run: a socket with nothing
// behind it, and a daemon that accepts but never answers. Either way every
// call the lab makes mid-run ends in one LabError, never in a hang.
import t from 'tap';
import Docker from 'dockerode';
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LabError } from '../../harness/model/errors.js';
import { EXIT } from '../../harness/model/exit-codes.js';
import { withDeadline } from '../../harness/model/deadline.js';
import { DockerStack } from '../../harness/runtime/docker-stack.js';
import { VARIANTS } from '../../harness/scenarios/scenarios.js';

const dir = mkdtempSync(join(tmpdir(), 'keepalive-lab-daemon-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

const DAEMON_GONE = /^The Docker daemon stopped answering during the run/;

t.test('no daemon behind the socket: every mid-run call is one LabError at once', async (t) => {
  const stack = new DockerStack({ docker: new Docker({ socketPath: join(dir, 'none.sock') }) });
  const started = Date.now();
  for (const [name, call] of [
    ['checkRunning', () => stack.checkRunning()],
    ['appLogs', () => stack.appLogs(VARIANTS[0])],
    ['lbLogs', () => stack.lbLogs('nginx')],
    ['versions', () => stack.versions()],
  ] as const) {
    const err = await call().then(
      () => null,
      (e: unknown) => e,
    );
    t.type(err, LabError, `${name}: a LabError`);
    t.match((err as LabError).message, DAEMON_GONE, name);
    t.equal((err as LabError).exitCode, EXIT.couldNotRun);
  }
  t.ok(Date.now() - started < 5_000, 'fast');
});

t.test('a daemon that hangs: bounded by the API timeout', async (t) => {
  const socketPath = join(dir, 'hung.sock');
  const held: net.Socket[] = [];
  const hung = net.createServer((s) => held.push(s));
  await new Promise<void>((r) => hung.listen(socketPath, r));
  t.teardown(() => {
    held.forEach((s) => s.destroy());
    hung.close();
  });
  const stack = new DockerStack({ docker: new Docker({ socketPath }), apiTimeoutMs: 300 });
  const started = Date.now();
  await t.rejects(stack.checkRunning(), {
    message: /stopped answering during the run \(the Docker daemon \(list app-default\) did not answer within 0\.3 s\)/,
  });
  await t.rejects(stack.appLogs(VARIANTS[1]), { message: DAEMON_GONE });
  t.ok(Date.now() - started < 3_000, `gave up in ${Date.now() - started} ms`);
});

t.test('withDeadline: passes results and errors through, and bounds a wait', async (t) => {
  t.equal(await withDeadline(Promise.resolve(7), 100, 'x'), 7);
  await t.rejects(withDeadline(Promise.reject(new Error('own')), 100, 'x'), { message: 'own' });
  await t.rejects(withDeadline(new Promise(() => {}), 50, 'the thing'), {
    name: 'DeadlineExceeded',
    message: 'the thing did not answer within 0.05 s',
  });
});
