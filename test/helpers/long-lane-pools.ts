// The long lane's pools, as a real LB kept them (Variant.longPools): each
// cycle's requests name a pool of their own, so no upstream connection may
// carry requests of two cycles. Were the pools one (the header ignored, a pool
// routed to the main upstream), each cycle's burst would take the idle
// connections an earlier cycle left (nginx hands out its most recent first) and
// this fails. And each pool's batch, sent at one instant, takes connections its
// own burst left idle the whole gap, not ones another request had just freed.
import type { Test } from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestRecord } from '../../harness/records/request-records.js';
import type { Summary } from '../../harness/results/schema.js';
import { LB_BOUNDARY_IDLE_SLACK_MS } from '../../harness/records/boundary.js';

function records(runDir: string): RequestRecord[] {
  return readFileSync(join(runDir, 'requests.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as RequestRecord);
}

export function assertLongLanePools(t: Test, summary: Summary, runDir: string, longCycles: number): void {
  const all = records(runDir);
  const longApps = [...new Set(summary.cells.filter((c) => c.lane === 'long').map((c) => c.variant))];
  t.ok(longApps.length > 0, `apps in the long lane: ${longApps.join(', ')}`);
  for (const app of longApps) {
    const mine = all.filter((r) => r.variant === app && r.cycle >= 1 && (r.phase === 'burst' || r.phase === 'aimed'));
    const cyclesOfSocket = new Map<number, Set<number>>();
    for (const r of mine) {
      if (r.upstreamSocketId === null) continue;
      const cycles = cyclesOfSocket.get(r.upstreamSocketId) ?? new Set<number>();
      cycles.add(r.cycle);
      cyclesOfSocket.set(r.upstreamSocketId, cycles);
    }
    const shared = [...cyclesOfSocket]
      .filter(([, cycles]) => cycles.size > 1)
      .map(([id, c]) => `${id}: ${[...c].join(',')}`);
    t.same(shared, [], `${app}: no upstream connection carried two cycles' requests (${cyclesOfSocket.size} seen)`);
    t.same(
      [...new Set(mine.map((r) => r.cycle))].sort((a, b) => a - b),
      Array.from({ length: longCycles }, (_, i) => i + 1),
      `${app}: every long cycle ran`,
    );
    const bursts = mine.filter((r) => r.phase === 'burst');
    const aimed = mine.filter((r) => r.phase === 'aimed');
    const lastBurst = Math.max(...bursts.map((r) => r.startMonoMs));
    const firstAimed = Math.min(...aimed.map((r) => r.startMonoMs));
    t.ok(lastBurst < firstAimed, `${app}: side by side, every cycle's burst went before the first batch`);
    const reused = aimed.filter((r) => (r.upstreamSocketRequest ?? 0) > 1 && r.achievedIdleMs !== null);
    const idleTheGap = reused.filter((r) => r.achievedIdleMs! >= r.idleGapMs! - LB_BOUNDARY_IDLE_SLACK_MS);
    // Where the point is the connection idle longest: an app aimed at the LB's close and shown safe. One aimed at its
    // own close (too-short; behind HAProxy, the fix) meets the race there: its batch's survivors may take connections
    // the race's dead ones left to others (a CI run behind HAProxy: 64 of 84 idle the gap). A slow app serves some of
    // a batch before the rest arrive, and they take what it freed: a fresh-clone CI run with another lab test beside
    // it saw 82 of 96 behind Caddy. A batch spread over its span, or pools that were one, leave most reuses on
    // just-freed connections: two thirds tells those apart from a busy machine.
    if (summary.cells.some((c) => c.variant === app && c.outcome === 'safe'))
      t.ok(
        reused.length > 0 && idleTheGap.length >= (2 / 3) * reused.length,
        `${app}: ${idleTheGap.length} of ${reused.length} reused connections had idled the gap aimed at`,
      );
  }
}
