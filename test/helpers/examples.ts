// The example servers' images (examples/, scripts/build-example-images.sh) for
// the tests that put them behind the lab's LB. test/before.ts builds them once
// for all files; a file run on its own builds what is missing (Docker's cache
// makes a second build a no-op).
import { execa } from 'execa';
import { join } from 'node:path';
import type { ExampleServer } from '../../harness/scenarios/examples.js';
import { root } from './your-app.js';

/**
 * The examples CI puts behind nginx and Caddy: their 5 s idle closes are timers, under EXAMPLE_LB_IDLE. Not Jetty
 * (30 s), nor gunicorn: its threaded worker closes on a once-a-second tick that traffic moves, so the probe's close
 * (2 or 3 s) need not be the cycles', and its first failure may never come (docs/your-app.md's table).
 */
export const CI_EXAMPLE_DIRS = ['python-uvicorn', 'go-nethttp'] as const;
/** The LB's idle timeout for them: over their 5 s, and short, for the probe and the fix's long gap both wait it out. */
export const EXAMPLE_LB_IDLE = '8s';
/**
 * Bounded: as shipped, the short lane stops at its first failure (a cycle is enough to show the race), at most 60
 * cycles of 5 s: from the client side a cycle fails seldom (Go behind nginx first failed in cycles 5, 11 and 16 here:
 * about 1 in 9, so 30 cycles would miss about 3 % of runs, 60 under 0.1 %); the fix's long lane runs 3 cycles side by
 * side, the evidence floor of a SAFE (model/verdict.ts EVIDENCE_FLOOR).
 */
export const EXAMPLE_BOUNDED = ['--cycles', '1', '--max-cycles', '60', '--long-cycles', '3'];

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
