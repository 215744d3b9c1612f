// Run by tap once, before the test files (package.json "tap.before"). The files
// run side by side, each lab in its own slot, but they share the images and
// the local runtime's app build: built here once, so two files never build the
// same image or directory at the same time. Whatever is missing here (Docker,
// nginx) is left to the files that need it to require or skip.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureAppBuilt } from '../harness/runtime/app-build.js';
import { DockerStack, dockerStatus } from '../harness/runtime/docker-stack.js';
import { nginxBinary } from '../harness/runtime/local-stack.js';
import { cellsByName, matrixScenario } from '../harness/scenarios/matrix.js';
import { DEFAULT_NODE_LINE, LB_NAMES } from '../harness/scenarios/scenarios.js';
import { monoMs } from '../harness/model/clock.js';
import { LabError, messageOf } from '../harness/model/errors.js';
import { buildExampleImages, CI_EXAMPLE_DIRS } from './helpers/examples.js';

const started = monoMs();
const say = (line: string) => console.log(`# before: ${line} (${((monoMs() - started) / 1000).toFixed(0)} s)`);

/** What the files share, built once; a LabError (no base image, no registry) is its one line and hint, not a stack. */
async function buildShared(): Promise<void> {
  // Side by side: the image build waits on Docker and npm, the local build on npm and next build.
  await Promise.all([buildImages(), buildLocalApp()]);
}

async function buildImages(): Promise<void> {
  if ((await dockerStatus()) === 'ok') {
    // The e2e files run the default Node line's app behind each LB: one app image and the LBs' images.
    const cells = cellsByName(
      LB_NAMES.map((lb) => `${lb === 'nginx' ? '' : `${lb}-`}node${DEFAULT_NODE_LINE}-standalone-default`),
    );
    const workDir = mkdtempSync(join(tmpdir(), 'keepalive-lab-before-'));
    try {
      await new DockerStack({ scenario: matrixScenario(cells), workDir }).build();
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
    say(`images built: the app on Node ${DEFAULT_NODE_LINE}, ${LB_NAMES.join(', ')}`);
    // The example servers the examples-*-docker files put behind nginx and Caddy: Debian's packages, fetched once.
    await buildExampleImages(CI_EXAMPLE_DIRS);
    say(`example servers built: ${CI_EXAMPLE_DIRS.join(', ')}`);
  }
}

async function buildLocalApp(): Promise<void> {
  if ((await nginxBinary()) !== undefined) {
    await ensureAppBuilt(() => {});
    say("the local runtime's app build is ready");
  }
}

// A failure here is said and left to the files: each then fails (or, where allowed, skips) with its own reason,
// instead of tap cancelling the whole run with one exit code.
try {
  await buildShared();
} catch (err) {
  const hint = err instanceof LabError && err.hint ? `\n  hint: ${err.hint}` : '';
  console.error(`# before: could not build what the test files share: ${messageOf(err)}${hint}`);
}
