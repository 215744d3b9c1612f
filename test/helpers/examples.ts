// The example servers' images (examples/, scripts/build-example-images.sh) for
// the tests that put them behind the lab's LB. test/before.ts builds them once
// for all files; a file run on its own builds what is missing (Docker's cache
// makes a second build a no-op).
import { execa } from 'execa';
import { join } from 'node:path';
import type { ExampleServer } from '../../harness/scenarios/examples.js';
import { root } from './your-app.js';

/** How CI puts an example behind nginx and Caddy. */
export interface CiExample {
  /**
   * The LB's idle timeout: over the server's close by more than the lab's short-lane margin (2 s), and short, for
   * the probe and the fix's long gap both wait it out.
   */
  lbIdle: string;
  /** Where its default idle close may fall, in ms: what its documentation says, not what the lab measured. */
  closeRangeMs: [number, number];
  /** As shipped, the short lane's bound on cycles until its first failure (exampleBounded). */
  maxCycles: number;
  /**
   * Whether it closes idle connections at a periodic check (its documentation says so: gunicorn's threaded worker)
   * rather than each at its own timer: the lab then sends its batch at one instant, not one request per pool.
   */
  closesOnCheck?: boolean;
}

/**
 * Every example, behind nginx and Caddy in CI. gunicorn's threaded worker checks its 2 s once a second (a close 2–3 s
 * after a response); uvicorn's 5 s, Go's 5 s ReadTimeout and Jetty's 30 s are timers.
 */
export const CI_EXAMPLES: Record<string, CiExample> = {
  'python-gunicorn': { lbIdle: '8s', closeRangeMs: [1_950, 3_150], maxCycles: 100, closesOnCheck: true },
  'python-uvicorn': { lbIdle: '8s', closeRangeMs: [4_950, 5_150], maxCycles: 60 },
  'go-nethttp': { lbIdle: '8s', closeRangeMs: [4_950, 5_150], maxCycles: 60 },
  // Cycles of 30 s; 10 of 12 aimed cycles failed behind Caddy, 11 of 12 behind nginx (docs/your-app.md): 8 miss one
  // run in a million.
  'jvm-jetty': { lbIdle: '33s', closeRangeMs: [29_950, 30_300], maxCycles: 8 },
};
export const CI_EXAMPLE_DIRS = Object.keys(CI_EXAMPLES);
/**
 * Bounded: as shipped, the short lane stops at its first failure (a cycle is enough to show the race), at most the
 * example's maxCycles: from the client side not every cycle fails (the kept runs at the LB's 60 s, docs/your-app.md:
 * gunicorn behind Caddy 1 aimed cycle of 12, behind nginx 3; the others 7 to 12): at 1 in 12 a cycle, gunicorn's 100
 * cycles of 2.2 s miss a run's first failure about 1 time in 6,000, and the others' 60 far less often; the fix's
 * long lane runs 3 cycles side by side, the evidence floor of a SAFE (model/verdict.ts EVIDENCE_FLOOR).
 */
export function exampleBounded(dir: string): string[] {
  const { maxCycles } = CI_EXAMPLES[dir];
  return ['--cycles', '1', '--max-cycles', String(maxCycles), '--long-cycles', '3'];
}

/** Builds the examples' images (keepalive-lab/example-<dir>); throws with the script's last lines if one fails. */
export async function buildExampleImages(dirs: readonly string[]): Promise<void> {
  const run = await execa(join(root, 'scripts/build-example-images.sh'), [...dirs], {
    cwd: root,
    all: true,
    reject: false,
    timeout: 15 * 60_000,
  });
  if (run.exitCode !== 0) throw new Error(`scripts/build-example-images.sh failed:\n${run.all ?? ''}`);
}

/** The examples by directory, in the order given. */
export function examplesNamed(all: readonly ExampleServer[], dirs: readonly string[]): ExampleServer[] {
  return dirs.map((dir) => {
    const example = all.find((e) => e.dir === dir);
    if (!example) throw new Error(`no example ${dir}`);
    return example;
  });
}
