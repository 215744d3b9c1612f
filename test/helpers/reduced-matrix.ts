// The reduced matrix CI runs on both runtimes, with the LB's idle timeout
// compressed so its long lane fits a test: Node's defaults (standalone and
// `next start`) must reproduce, the article's fix must be safe, and the
// too-short fix (closing at about the LB's own timeout) must be classified
// consistently with who closed its connections. A broken lab fails here.
import type { Test } from 'tap';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLab } from '../../harness/lab/lab.js';
import { cellsByName, matrixScenario } from '../../harness/scenarios/matrix.js';
import { parseLabArgs } from '../../harness/cli/options.js';
import { readSummary, type CellSummary, type Summary } from '../../harness/results/schema.js';
import { DEFAULT_NODE_LINE, LB } from '../../harness/scenarios/scenarios.js';
import { invariantProblems } from '../../harness/analysis/invariants.js';
import { assertLongLanePools } from './long-lane-pools.js';

/**
 * Long enough that Node's default close (6 s) is in the short lane, short enough for three long cycles in under a
 * minute.
 */
export const COMPRESSED_LB_MS = 12_000;
/** The long lane's cycles: side by side, each through a pool of its own. */
export const LONG_CYCLES = 3;
/** --min-boundary is per app; each of its two method cells needs half. */
export const MIN_BOUNDARY_PER_CELL = 8;
/** The apps, on a Node line: Docker's default line (the only image CI builds), or the host's for the local runtime. */
export const reducedCells = (line: string) =>
  ['standalone-default', 'next-start-default', 'standalone-article', 'standalone-too-short'].map(
    (c) => `node${line}-${c}`,
  );
/** The Node line each runtime runs the reduced matrix on. */
export const lineFor = (runtime: 'local' | 'docker') =>
  runtime === 'docker' ? DEFAULT_NODE_LINE : process.versions.node.split('.')[0];

/** Runs these cells with the LB's idle timeout compressed; the run's figures go to the test's comments. */
export async function runCompressedMatrix(
  t: Test,
  runtime: 'local' | 'docker',
  cells: readonly string[],
  label: string,
): Promise<{ summary: Summary; runDir: string; progress: string[] }> {
  const resultsDir = mkdtempSync(join(tmpdir(), `keepalive-lab-${label}-${runtime}-`));
  t.teardown(() => rmSync(resultsDir, { recursive: true, force: true }));
  const scenario = matrixScenario(cellsByName(cells), 'alb', { ...LB, upstreamKeepaliveTimeoutMs: COMPRESSED_LB_MS });
  // Bounded retries: the short lane cycles until every cell the LB does not retry has failed once (up to 30 cycles).
  const argv = [
    '--runtime',
    runtime,
    '--scenario',
    cells.join(','),
    '--cycles',
    '3',
    '--max-cycles',
    '30',
    '--long-cycles',
    String(LONG_CYCLES),
    '--min-boundary',
    String(2 * MIN_BOUNDARY_PER_CELL),
  ];
  const progress: string[] = [];
  const started = Date.now();
  const { summary, runDir } = await runLab(
    { ...parseLabArgs(argv), resultsDir },
    { progress: (l) => progress.push(l), signal: new AbortController().signal },
    { scenario },
  );
  t.comment(`${label} on ${runtime}: ${((Date.now() - started) / 1000).toFixed(0)} s; ${summary.verdict.text}`);
  for (const c of summary.cells) {
    t.comment(
      `${c.name}: ${c.outcome} (${c.reason}); client saw ${c.clientSaw}; close behind the LB ${c.effectiveCloseMs} ms by ${c.effectiveCloseBy}; first failure ${c.firstHit ? `${c.firstHit.afterTrafficStartMs} ms` : '—'}`,
    );
  }
  return { summary, runDir, progress };
}

export function runReducedMatrix(
  t: Test,
  runtime: 'local' | 'docker',
): Promise<{ summary: Summary; runDir: string; progress: string[] }> {
  return runCompressedMatrix(t, runtime, reducedCells(lineFor(runtime)), 'reduced matrix');
}

/** The cell of that name; a missing one fails loudly with the names there are. */
export function cell(summary: Summary, name: string): CellSummary {
  const found = summary.cells.find((c) => c.name === name);
  if (!found) throw new Error(`no cell ${name} in ${summary.cells.map((c) => c.name).join(', ')}`);
  return found;
}

export function assertReducedMatrix(t: Test, summary: Summary, runDir: string, line: string): void {
  assertLongLanePools(t, summary, runDir, LONG_CYCLES);
  const fromDisk = readSummary(JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')));
  t.same(fromDisk.problems, [], 'summary.json reads back');
  t.equal(summary.complete, true, 'complete');
  t.same(invariantProblems(summary), [], 'the counts add up');
  t.equal(summary.scenario.kind, 'matrix');
  t.equal(summary.cells.length, reducedCells(line).length * 2, 'one cell per app × method');
  t.same(summary.nginx.mismatches, [], "every 502 the harness counted is in nginx's access log, and no other");
  t.ok(
    summary.cells.every((c) => c.node?.split('.')[0] === line),
    `every cell ran on Node ${line} (${summary.cells[0].node})`,
  );

  for (const mode of ['standalone', 'next-start']) {
    for (const method of ['post', 'get']) {
      const c = cell(summary, `node${line}-${mode}-default-${method}`);
      t.equal(c.outcome, 'reproduced', `${c.name}: ${c.reason}`);
      t.equal(c.serverMode, mode);
      t.equal(c.lane, 'short');
      t.ok(
        c.effectiveCloseBy === 'app' && c.effectiveCloseMs! > 5_900 && c.effectiveCloseMs! < 6_200,
        `${c.name}: the app closes idle upstream connections at ${c.effectiveCloseMs} ms`,
      );
      t.ok(
        c.firstHit !== null && c.firstHit.afterTrafficStartMs > 0,
        `${c.name}: first 502 after ${c.firstHit?.afterTrafficStartMs} ms of traffic`,
      );
    }
  }

  for (const method of ['post', 'get']) {
    const c = cell(summary, `node${line}-standalone-article-${method}`);
    t.equal(c.outcome, 'safe', `${c.name}: ${c.reason}`);
    t.equal(c.lane, 'long', 'driven at the LB timeout');
    // 200 ms before the LB's close as learned (nginx's timer runs up to ~0.3 s off its setting), 500 ms before it until
    // then.
    t.ok(
      Math.abs(c.boundaryMs! - COMPRESSED_LB_MS) <= 500,
      `aimed just before the LB's own close (${c.boundaryMs} ms)`,
    );
    // Aimed before the LB's close, most requests reuse a connection idle that long
    // (aimed at or after it, as before, none would: the LB would have closed them).
    t.ok(
      c.counts.boundary! * 2 >= c.counts.aimed!,
      `${c.counts.boundary} of ${c.counts.aimed} aimed requests reused an idle upstream connection`,
    );
    // Whether the LB's own idle close falls before or after the sends aimed at it
    // varies (its timer runs tens of ms early or late); that the app never closes is certain.
    t.equal(
      c.closedBy.app + c.closedBy.reset,
      0,
      `the app closed none of the LB's connections (the LB closed ${c.closedBy.lb - c.closedBy.lbAtShutdown} while idle)`,
    );
    t.not(c.effectiveCloseBy, 'app');
    t.ok(c.appIdleCloseMs! > COMPRESSED_LB_MS, `alone, the app would close at ${c.appIdleCloseMs} ms, after the LB`);
    t.equal(c.keepAliveTimeoutMs, COMPRESSED_LB_MS + 1_000);
  }

  // Who wins the race to close the too-short app's connections varies from run
  // to run; what is certain is where it was measured and aimed, and that its
  // outcome follows from what happened.
  for (const method of ['post', 'get']) {
    const c = cell(summary, `node${line}-standalone-too-short-${method}`);
    t.equal(c.lane, 'long');
    t.ok(
      Math.abs(c.appIdleCloseMs! - COMPRESSED_LB_MS) < 100,
      `alone, the app closes at ${c.appIdleCloseMs} ms: the LB's own timeout`,
    );
    // Aimed at its own close while that stays within 50 ms of the LB's timeout,
    // else just before the LB's close: which one depends on this run's timer jitter.
    t.ok(Math.abs(c.boundaryMs! - COMPRESSED_LB_MS) <= 500, `aimed at the LB's timeout region (${c.boundaryMs} ms)`);
    t.ok(
      Math.abs(c.effectiveCloseMs! - COMPRESSED_LB_MS) < 200,
      `behind the LB, its connections closed at ${c.effectiveCloseMs} ms`,
    );
    // Its outcome follows its evidence: a 502 is reproduced; the app closing first
    // without a hit is inconclusive; only the LB closing every idle connection is safe.
    const appFirst = c.closedBy.app + c.closedBy.reset;
    const expected =
      c.counts.status502 > 0
        ? 'reproduced'
        : appFirst > 0 || c.counts.boundary! < MIN_BOUNDARY_PER_CELL
          ? 'inconclusive'
          : 'safe';
    t.equal(
      c.outcome,
      expected,
      `${c.name}: ${c.counts.status502} × 502, the app closed ${appFirst} first, ${c.counts.boundary} boundary requests: ${c.reason}`,
    );
    // Each long cycle fills its pool (the LB's cache of 32), half of them per method.
    const perMethod = LB.upstreamKeepaliveConnections / 2;
    t.equal(
      c.counts.aimed,
      LONG_CYCLES * perMethod,
      `every aimed request was sent (${LONG_CYCLES} long cycles, ${perMethod} per method)`,
    );
    t.comment(
      `${c.name}: ${c.outcome}; closed by app ${c.closedBy.app + c.closedBy.reset}, by LB ${c.closedBy.lb - c.closedBy.lbAtShutdown}; ${c.counts.status502} × 502 in ${c.counts.boundary}`,
    );
  }
}
