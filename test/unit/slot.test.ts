// LAB_SLOT: two labs on one machine. The slot read from the environment, and
// what a process in slot 2 derives from it (its ports and Compose project).
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { slotOf } from '../../harness/scenarios/slot.js';

t.test('the slot: a whole number 0–9, anything else says why (the slot is then 0)', async (t) => {
  t.same(slotOf({}), { slot: 0, problem: null }, 'unset: slot 0');
  t.same(slotOf({ LAB_SLOT: ' ' }), { slot: 0, problem: null }, 'empty: slot 0');
  t.same(slotOf({ LAB_SLOT: '2' }), { slot: 2, problem: null });
  t.same(slotOf({ LAB_SLOT: '9' }), { slot: 9, problem: null });
  for (const raw of ['10', '-1', '1.5', 'two']) {
    t.same(
      slotOf({ LAB_SLOT: raw }),
      { slot: 0, problem: `LAB_SLOT must be a whole number from 0 to 9, got '${raw}'.` },
      raw,
    );
  }
});

t.test(
  "slot 2: ports 1000 × 2 up, its own Compose project, build tag and work directory; slot 0's are the documented ones",
  async (t) => {
    const read = (slot: string | undefined) => {
      const script =
        "Promise.all([import('./harness/scenarios/scenarios.ts'), import('./harness/runtime/compose-file.ts'), import('./harness/runtime/local-stack.ts')]).then(([s, c, l]) => console.log(JSON.stringify([s.LB_PORT_BASE, s.APP_PORT_BASE, s.LB_BOUNDARY_PORT, s.COMPOSE_PROJECT, c.BUILT_APP_IMAGE, l.localWorkDirPrefix()])))";
      const env = { ...process.env, LAB_SLOT: slot };
      if (slot === undefined) delete env.LAB_SLOT;
      const run = spawnSync(process.execPath, ['--import=tsx', '-e', script], {
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
      return JSON.parse(run.stdout) as unknown;
    };
    t.same(read(undefined), [8400, 8500, 8400, 'keepalive-lab', 'keepalive-lab/yours:build', 'keepalive-lab-local-']);
    t.same(read('2'), [
      10400,
      10500,
      10400,
      'keepalive-lab-s2',
      'keepalive-lab/yours:build-s2',
      'keepalive-lab-local-s2-',
    ]);
  },
);

t.test("a test file's slot: the helper, imported first, sets it before the harness reads it", async (t) => {
  const script =
    "await import('./test/helpers/slot.ts'); const s = await import('./harness/scenarios/scenarios.ts'); console.log(JSON.stringify([s.LB_PORT_BASE, s.COMPOSE_PROJECT]))";
  const run = spawnSync(process.execPath, ['--import=tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, TAP_JOB_ID: '1', LAB_SLOT: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  t.same(JSON.parse(run.stdout) as unknown, [10400, 'keepalive-lab-s2'], 'tap job 1: slot 2');
});
