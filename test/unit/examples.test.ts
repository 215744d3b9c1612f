// The example servers' one list (harness/scenarios/examples.ts) against the
// files under examples/: every example with a Dockerfile is listed, listens
// where its Dockerfile says, and reads the variable its fix is given as.
import t from 'tap';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_SERVERS, exampleImage, exampleLabArgs } from '../../harness/scenarios/examples.js';

const examplesDir = fileURLToPath(new URL('../../examples/', import.meta.url));
const filesOf = (dir: string) =>
  readdirSync(join(examplesDir, dir)).map((f) => readFileSync(join(examplesDir, dir, f), 'utf8'));

t.test('every example directory with a Dockerfile is in the list, and only those', async (t) => {
  const withDockerfile = readdirSync(examplesDir).filter((d) => existsSync(join(examplesDir, d, 'Dockerfile')));
  t.same(EXAMPLE_SERVERS.map((e) => e.dir).sort(), withDockerfile.sort());
});

for (const example of EXAMPLE_SERVERS) {
  t.test(`${example.dir}: its port and its fix's variable are the image's`, async (t) => {
    const dockerfile = readFileSync(join(examplesDir, example.dir, 'Dockerfile'), 'utf8');
    t.match(dockerfile, new RegExp(`^EXPOSE ${example.port}$`, 'm'), `EXPOSE ${example.port}`);
    t.ok(
      filesOf(example.dir).some((text) => text.includes(example.fixEnv.key)),
      `${example.fixEnv.key} is read in examples/${example.dir}`,
    );
  });
}

t.test(
  'the flags: as shipped with the fix beside it, or the fix as yours with the variable emptied beside it',
  async (t) => {
    const gunicorn = EXAMPLE_SERVERS.find((e) => e.dir === 'python-gunicorn')!;
    t.equal(exampleImage(gunicorn), 'keepalive-lab/example-python-gunicorn');
    t.same(exampleLabArgs(gunicorn, 'default'), [
      '--app-image',
      'keepalive-lab/example-python-gunicorn',
      '--app-port',
      '8000',
      '--compare-env',
      'GUNICORN_CMD_ARGS=--keep-alive 75',
    ]);
    t.same(exampleLabArgs(gunicorn, 'fix').slice(4), [
      '--app-env',
      'GUNICORN_CMD_ARGS=--keep-alive 75',
      '--compare-env',
      'GUNICORN_CMD_ARGS=',
    ]);
  },
);
