// The reduced LB matrix CI runs: HAProxy and Caddy in front of the app with
// Node's defaults (and, on the local runtime, the article's fix), the LB's idle
// timeout compressed to 12 s. What each LB's client sees was measured here
// (README, "Behind HAProxy and Caddy"); a broken lab fails below.
import type { Test } from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSummary, type Summary } from '../../harness/results/schema.js';
import { clientSymptom, type RequestRecord } from '../../harness/records/request-records.js';
import { cell, MIN_BOUNDARY_PER_CELL, runCompressedMatrix } from './reduced-matrix.js';

export const runLbMatrix = (t: Test, runtime: 'local' | 'docker', cells: string[]) =>
  runCompressedMatrix(t, runtime, cells, 'LB matrix');

function records(runDir: string): RequestRecord[] {
  return readFileSync(join(runDir, 'requests.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as RequestRecord);
}

export function assertLbRun(t: Test, summary: Summary, runDir: string): void {
  t.same(
    readSummary(JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8'))).problems,
    [],
    'summary.json reads back',
  );
  t.equal(summary.complete, true, 'complete');
  t.same(summary.nginx.mismatches, [], "every 502 the harness counted is in its LB's access log, and no other");
  for (const lb of Object.keys(summary.lbs)) t.ok(summary.lbs[lb].version, `${lb} ${summary.lbs[lb].version}`);
}

/**
 * HAProxy with Node's defaults: the race reproduces for both methods (it retries
 * neither), and the client sees its connection closed without a response.
 * HAProxy logs nothing for those requests: its access log lacks exactly them.
 */
export function assertHaproxyDefault(t: Test, summary: Summary, runDir: string, line: string): void {
  const failed = records(runDir).filter(
    (r) => r.variant === `haproxy-node${line}-standalone-default` && clientSymptom(r) !== null,
  );
  for (const method of ['post', 'get']) {
    const c = cell(summary, `haproxy-node${line}-standalone-default-${method}`);
    t.equal(c.lb, 'haproxy');
    t.equal(c.outcome, 'reproduced', `${c.name}: ${c.reason}`);
    t.ok(
      c.counts.emptyReply + c.counts.reset + c.counts.status502 + c.counts.status503 > 0,
      `${c.name}: the client saw ${c.clientSaw}`,
    );
    t.ok(
      c.effectiveCloseBy === 'app' && c.effectiveCloseMs! > 5_900 && c.effectiveCloseMs! < 6_200,
      `${c.name}: the app closed idle upstream connections at ${c.effectiveCloseMs} ms`,
    );
  }
  const logged = new Set(
    readFileSync(join(runDir, 'haproxy-access.log'), 'utf8')
      .split('\n')
      .flatMap((l) => /"request_id":"([^"]+)"/.exec(l)?.[1] ?? []),
  );
  const dropped = failed.filter((r) => r.status === null);
  t.ok(
    dropped.every((r) => !logged.has(r.requestId)),
    `HAProxy logged none of the ${dropped.length} requests it dropped`,
  );
}

/** Caddy with Node's defaults: POST gets a 502; GET is replayed by Go's transport (masked, nothing logged). */
export function assertCaddyDefault(t: Test, summary: Summary, line: string): void {
  const post = cell(summary, `caddy-node${line}-standalone-default-post`);
  t.equal(post.outcome, 'reproduced', `${post.name}: ${post.reason}`);
  t.ok(post.counts.status502 > 0, `${post.name}: the client saw ${post.clientSaw}`);
  const get = cell(summary, `caddy-node${line}-standalone-default-get`);
  t.equal(
    get.counts.status502 + get.counts.emptyReply + get.counts.reset,
    0,
    `${get.name}: no failure reached the client (${get.clientSaw})`,
  );
  t.equal(get.outcome, 'masked', `${get.name}: ${get.reason}`);
  t.ok(get.closedBy.app > 0, 'the app closed idle connections Caddy held: the race was there');
}

/**
 * The article's fix behind HAProxy: HAProxy has no idle timeout for a pooled
 * server connection (it resets a part of them every pool-purge-delay, first
 * after several delays), so it still holds them when the app closes them at
 * LB + 2 s. The app closing HAProxy's idle connections is certain; whether a
 * request aimed at that close gets an empty reply varies. Either way a finding,
 * never a failed assertion.
 */
export function assertHaproxyFixed(t: Test, summary: Summary, line: string): void {
  for (const method of ['post', 'get']) {
    const c = cell(summary, `haproxy-node${line}-standalone-article-${method}`);
    t.equal(c.lane, 'long');
    t.ok(
      Math.abs(c.boundaryMs! - c.appIdleCloseMs!) < 100,
      `${c.name}: aimed at the app's own close (${c.boundaryMs} ms; alone it closes at ${c.appIdleCloseMs} ms)`,
    );
    t.ok(c.closedBy.app > 0, `${c.name}: the app closed ${c.closedBy.app} idle connections HAProxy still held`);
    t.ok(
      ['reproduced', 'inconclusive'].includes(c.outcome),
      `${c.name}: ${c.outcome}: the client saw ${c.clientSaw}; ${c.reason}`,
    );
    t.notOk(
      summary.assertion.reasons.some((r) => r.startsWith(c.name)),
      `${c.name} is a finding, not a failed assertion`,
    );
  }
}

/**
 * The article's fix behind an LB: safe, aimed just before the LB's own close, the app closing none of its connections.
 */
export function assertFixedSafe(t: Test, summary: Summary, lb: string, line: string): void {
  for (const method of ['post', 'get']) {
    const c = cell(summary, `${lb}-node${line}-standalone-article-${method}`);
    t.equal(c.outcome, 'safe', `${c.name}: ${c.reason}`);
    t.equal(c.lane, 'long');
    t.equal(c.closedBy.app + c.closedBy.reset, 0, `${c.name}: the app closed none of ${lb}'s connections`);
    t.ok(
      c.counts.boundary! >= MIN_BOUNDARY_PER_CELL,
      `${c.name}: ${c.counts.boundary} aimed requests reused an idle upstream connection`,
    );
  }
}
