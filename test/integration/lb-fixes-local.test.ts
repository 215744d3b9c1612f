// LB-side fixes on the local runtime (Debian's nginx and HAProxy, the host's
// Node with its defaults: idle sockets closed after 6 s), each beside its LB
// unfixed: nginx's upstream keepalive_timeout 4 s, and HAProxy's http-reuse
// never with the client's idle connection closed after 4 s, must be SAFE on ≥
// 300 boundary requests aimed at the app's close, with the LB closing every
// idle connection; http-reuse never alone must still show the race (its server
// connection stays with the client's, idle past the app's close); both
// baselines REPRODUCED. A lab that aimed elsewhere, counted fresh connections
// wrong or wrote a fix into the wrong block fails here.
// First: this file's own ports and Compose project (test/helpers/slot.ts).
import '../helpers/slot.js';
import t from 'tap';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLab } from '../../harness/lab/lab.js';
import { parseLabArgs } from '../../harness/cli/options.js';
import { appCellName, LB_FIX_MATRIX, matrixScenario } from '../../harness/scenarios/matrix.js';
import { readSummary } from '../../harness/results/schema.js';
import type { RequestRecord } from '../../harness/records/request-records.js';
import { lbsOrSkip } from '../helpers/require.js';
import { cell, lineFor } from '../helpers/reduced-matrix.js';

/** The boundary requests a fix's SAFE needs (one method: POST), the bar for "≤ 1 %". */
const MIN_BOUNDARY = 300;

t.test("LB-side fixes beside their LBs unfixed, in front of Node's defaults (local runtime)", async (t) => {
  if (!(await lbsOrSkip(t, ['nginx', 'haproxy']))) return;
  // The local runtime runs every app on this host's Node: the fixes' app on its line.
  const line = lineFor('local');
  const cells = LB_FIX_MATRIX.filter(
    (c) =>
      (c.lb === 'nginx' || c.lb === 'haproxy') &&
      [undefined, 'keepalive-timeout-4s', 'http-reuse-never', 'http-reuse-never-client-4s'].includes(c.lbFix),
  ).map((c) => ({ ...c, nodeLine: line as typeof c.nodeLine }));
  const names = cells.map(appCellName);
  t.same(names, [
    `node${line}-standalone-default`,
    'lbfix-keepalive-timeout-4s',
    `haproxy-node${line}-standalone-default`,
    'haproxy-lbfix-http-reuse-never',
    'haproxy-lbfix-http-reuse-never-client-4s',
  ]);
  const resultsDir = mkdtempSync(join(tmpdir(), 'keepalive-lab-lb-fixes-'));
  t.teardown(() => rmSync(resultsDir, { recursive: true, force: true }));
  // 32 POSTs a cycle per app: 10 cycles give the fix its 300; 14 at least give the unsafe fix room to show the race
  // (it hit in 16 of 40 cycles on Docker); the baselines go on until they fail (up to 30).
  const argv = ['--runtime', 'local', '--matrix', '--methods', 'POST', '--cycles', '14', '--max-cycles', '30'];
  const started = Date.now();
  const { summary, runDir } = await runLab(
    { ...parseLabArgs([...argv, '--min-boundary', String(MIN_BOUNDARY)]), resultsDir },
    { progress: () => {}, signal: new AbortController().signal },
    { scenario: matrixScenario(cells) },
  );
  t.comment(`LB-side fixes on local: ${((Date.now() - started) / 1000).toFixed(0)} s; ${summary.verdict.text}`);
  for (const c of summary.cells) t.comment(`${c.name}: ${c.verdict.word} (${c.reason})`);
  t.same(readSummary(JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8'))).problems, []);
  t.equal(summary.complete, true, 'complete');

  for (const [name, lb] of [
    ['lbfix-keepalive-timeout-4s-post', 'nginx'],
    ['haproxy-lbfix-http-reuse-never-client-4s-post', 'haproxy'],
  ]) {
    const safe = cell(summary, name);
    t.equal(safe.verdict.word, 'SAFE', `${name}: ${safe.reason}`);
    t.ok(safe.counts.boundary! >= MIN_BOUNDARY, `${name}: ${safe.counts.boundary} boundary requests`);
    t.equal(safe.counts.clientErrors, 0, `${name}: no send lost to the LB's shorter client keep-alive`);
    t.equal(safe.closedBy.app, 0, `${name}: the app closed no idle connection: ${lb} closed them first`);
    t.ok(
      safe.effectiveCloseBy === 'lb' && safe.effectiveCloseMs! > 3_900 && safe.effectiveCloseMs! < 4_300,
      `${name}: ${lb} closed them at ${safe.effectiveCloseMs} ms idle`,
    );
    t.ok(
      safe.boundaryMs! > 5_900,
      `${name}: aimed at the app's close (${safe.boundaryMs} ms), where the race would be`,
    );
    t.equal(safe.duplicates, 0, `${name}: nothing replayed`);
    t.ok(safe.connectionsPer1000! > 0 && safe.connectionsPer1000! <= 1000, `${safe.connectionsPer1000} per 1,000`);
    t.ok(safe.addedLatencyMs !== null, `${name}: priced against its baseline`);
  }
  t.equal(cell(summary, 'lbfix-keepalive-timeout-4s-post').lbFix, 'keepalive-timeout-4s');

  const unsafe = cell(summary, 'haproxy-lbfix-http-reuse-never-post');
  t.equal(unsafe.lbFix, 'http-reuse-never');
  t.equal(unsafe.outcome, 'reproduced', unsafe.reason);
  t.ok(unsafe.closedBy.app > 0, 'the app closed idle connections HAProxy held');

  // The price rounds: one request per app after an idle gap under the app's close. The baseline reuses its idle
  // connection there; nginx's 4 s fix has closed it, and the request pays for a new one.
  const records = readFileSync(join(runDir, 'requests.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as RequestRecord);
  const price = (variant: string) => records.filter((r) => r.variant === variant && r.phase === 'price');
  const baselinePrice = price(`node${line}-standalone-default`);
  t.equal(baselinePrice.length, 8, 'eight price rounds for the one method');
  t.ok(
    baselinePrice.every((r) => r.upstreamSocketRequest! > 1 && r.achievedIdleMs! > r.idleGapMs! - 100),
    `the baseline reused a connection idle the gap each time (${baselinePrice.map((r) => r.achievedIdleMs).join(', ')} ms)`,
  );
  t.ok(
    price('lbfix-keepalive-timeout-4s').every((r) => r.upstreamSocketRequest === 1 && r.status === 200),
    'the fix answered each on a new connection',
  );

  for (const name of [`node${line}-standalone-default-post`, `haproxy-node${line}-standalone-default-post`]) {
    const baseline = cell(summary, name);
    t.equal(baseline.lbFix, 'none');
    t.equal(baseline.outcome, 'reproduced', `${name}: ${baseline.reason}`);
    t.equal(baseline.addedLatencyMs, null, 'a baseline has no price of its own');
  }
});
