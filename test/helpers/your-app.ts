// The e2e tests of "Test your own app" (your-app-*-docker.test.ts): the lab run
// through the real CLI as a user's CI runs it, its summary read back, and the
// images the tests build. Import it after ./slot.js: its image tags are the slot's.
import { type Test } from 'tap';
import { execa } from 'execa';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateSummary, type AppUnderTestSummary, type Summary } from '../../harness/results/schema.js';
import { resolveBaseImages } from '../../harness/runtime/base-images.js';
import { projectResources } from '../../harness/runtime/docker-stack.js';
import { BUILT_APP_IMAGE } from '../../harness/runtime/compose-file.js';
import { DEFAULT_NODE_LINE } from '../../harness/scenarios/scenarios.js';
import { invariantProblems } from '../../harness/analysis/invariants.js';
import { SLOT_SUFFIX } from '../../harness/scenarios/slot.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'test/fixtures/your-apps');
/** The LB's idle timeout, compressed: Node's 6 s close races it, a 13 s keep-alive outlives it. */
export const LB_IDLE = '12s';
/**
 * Bounded retries: the short lane cycles on until the first failure, up to this many cycles; 3 cycles a lane, the
 * evidence floor of a SAFE (model/verdict.ts EVIDENCE_FLOOR).
 */
export const BOUNDED = ['--cycles', '3', '--max-cycles', '30', '--long-cycles', '3'];

export const images = resolveBaseImages();
/** The test images are the slot's own: the two your-app files run side by side, each removing its images at the end. */
const slotTag = `yours${SLOT_SUFFIX}`;
export const SAMPLE_IMAGE = `keepalive-lab-test/sample-app:${slotTag}`;
export const STATIC_IMAGE = `keepalive-lab-test/nginx-static:${slotTag}`;

/** A fixture directory with its Dockerfile's base image filled in (one this machine has, air-gapped or not). */
export function fixtureDir(t: Test, name: string, baseImage: string): string {
  const dir = mkdtempSync(join(tmpdir(), `keepalive-lab-${name}-`));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(fixtures, name), dir, { recursive: true });
  writeFileSync(
    join(dir, 'Dockerfile'),
    readFileSync(join(dir, 'Dockerfile.template'), 'utf8').replaceAll('{{BASE_IMAGE}}', baseImage),
  );
  return dir;
}

/** The lab's CLI run as a user's CI runs it, behind an LB that keeps idle connections `lbIdle` (default LB_IDLE). */
export async function lab(t: Test, args: string[], lbIdle = LB_IDLE) {
  const resultsDir = mkdtempSync(join(tmpdir(), 'keepalive-lab-yours-'));
  t.teardown(() => rmSync(resultsDir, { recursive: true, force: true }));
  const started = Date.now();
  const run = await execa(
    'npm',
    ['run', '-s', 'lab', '--', '--results-dir', resultsDir, '--lb-idle-timeout', lbIdle, ...args],
    { cwd: root, reject: false, timeout: 10 * 60_000 },
  );
  t.comment(`${args.join(' ')}: exit ${run.exitCode} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  t.comment(
    run.stderr
      .split('\n')
      .filter((l) => /preload|client side|closed the idle|still open|cycle|UNSAFE|SAFE|INCONCLUSIVE/.test(l))
      .join('\n'),
  );
  return run;
}

export function summaryOf(t: Test, stdout: string): { summary: Summary; yours: AppUnderTestSummary } {
  const summary = JSON.parse(stdout) as Summary;
  t.same(validateSummary(summary), [], 'a valid v8 summary');
  t.same(invariantProblems(summary), [], 'the counts add up');
  t.same(summary.nginx.mismatches, [], "every 502 the harness counted is in the LB's access log, and no other");
  for (const a of summary.yourApp ?? []) t.comment(`${a.variant}: ${a.line}`);
  return { summary, yours: summary.yourApp![0] };
}

export async function nothingLeft(t: Test): Promise<void> {
  t.same(await projectResources(), { containers: [], networks: [], volumes: [] }, 'nothing left behind');
}

/** The sample app's image, built here as a user builds theirs; removed when `t` ends. */
export async function buildSampleImage(t: Test): Promise<void> {
  await execa('docker', [
    'build',
    '-q',
    '-t',
    SAMPLE_IMAGE,
    '--build-arg',
    `NODE_IMAGE=${images.build}`,
    '--build-arg',
    `RUNTIME_NODE_IMAGE=${images.nodeByLine[DEFAULT_NODE_LINE]}`,
    join(root, 'app'),
  ]);
  t.teardown(() => execa('docker', ['rmi', '-f', SAMPLE_IMAGE], { reject: false }).then(() => undefined));
}

/** Debian's nginx serving a static page, as an app; removed when `t` ends. */
export async function buildStaticImage(t: Test): Promise<void> {
  await execa('docker', ['build', '-q', '-t', STATIC_IMAGE, fixtureDir(t, 'nginx-static', images.nginx)]);
  t.teardown(() => execa('docker', ['rmi', '-f', STATIC_IMAGE], { reject: false }).then(() => undefined));
}

/** The image --app-build built in this slot; removed when `t` ends. */
export function removeBuiltImageAtEnd(t: Test): void {
  t.teardown(() => execa('docker', ['rmi', '-f', BUILT_APP_IMAGE], { reject: false }).then(() => undefined));
}
