// Run by tap once, before the test files (package.json "tap.before"). The files
// run two at a time, each lab in its own slot, but they share the images and
// the local runtime's app build: built here once, so two files never build the
// same image or directory at the same time. Whatever is missing here (Docker,
// nginx) is left to the files that need it to require or skip.
import { ensureAppBuilt } from '../harness/runtime/app-build.js';
import { DockerStack, dockerStatus } from '../harness/runtime/docker-stack.js';
import { nginxBinary } from '../harness/runtime/local-stack.js';
import { cellsByName, matrixScenario } from '../harness/scenarios/matrix.js';
import { DEFAULT_NODE_LINE, LB_NAMES } from '../harness/scenarios/scenarios.js';
import { monoMs } from '../harness/model/clock.js';

const started = monoMs();
const say = (line: string) => console.log(`# before: ${line} (${((monoMs() - started) / 1000).toFixed(0)} s)`);

if ((await dockerStatus()) === 'ok') {
  // The e2e files run the default Node line's app behind each LB: one app image and the LBs' images.
  const cells = cellsByName(
    LB_NAMES.map((lb) => `${lb === 'nginx' ? '' : `${lb}-`}node${DEFAULT_NODE_LINE}-standalone-default`),
  );
  await new DockerStack({ scenario: matrixScenario(cells) }).build();
  say(`images built: the app on Node ${DEFAULT_NODE_LINE}, ${LB_NAMES.join(', ')}`);
}
if ((await nginxBinary()) !== undefined) {
  await ensureAppBuilt(() => {});
  say("the local runtime's app build is ready");
}
