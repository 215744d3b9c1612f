import t from 'tap';
import { densestCluster, GapScheduler, spreadOffsets } from '../../harness/traffic/gap-scheduler.js';

const settings = { sendsPerCycle: 5, spreadMs: 2, sweepMs: [0, -1, 1, -2, 2], maxOffsetMs: 3, lateWakeTailMs: [] };
const withTail = { ...settings, sendsPerCycle: 8, lateWakeTailMs: [4, 7, 10] };

t.test('sends spread evenly around the center', async (t) => {
  t.same(spreadOffsets(0, 2, 5), [-2, -1, 0, 1, 2]);
  t.same(spreadOffsets(1, 2, 3), [-1, 1, 3]);
  t.same(spreadOffsets(-1.5, 2, 1), [-1.5]);
});

t.test('the first plan aims at the measured close', async (t) => {
  const s = new GapScheduler(settings);
  const plan = s.plan(6001.5);
  t.equal(plan.centerOffsetMs, 0);
  t.equal(plan.intendedGapMs, 6001.5);
  t.same(plan.sendOffsetsMs, [-2, -1, 0, 1, 2]);
});

t.test('misses walk the sweep; the walk wraps and stays bounded', async (t) => {
  const s = new GapScheduler(settings);
  const centers: number[] = [];
  for (let i = 0; i < 12; i++) {
    const plan = s.plan(6000);
    centers.push(plan.centerOffsetMs);
    s.record(plan, []);
  }
  t.same(centers, [0, -1, 1, -2, 2, 0, -1, 1, -2, 2, 0, -1]);
});

t.test('a hit re-centers on the offsets that hit, within the bound', async (t) => {
  const s = new GapScheduler(settings);
  s.record(s.plan(6000), [-2, -1]);
  t.equal(s.plan(6000).centerOffsetMs, -1.5, 'mean of the hits');
  s.record(s.plan(6000), []);
  t.equal(s.plan(6000).centerOffsetMs, -2.5, 'then sweeps around the hit');
  s.record(s.plan(6000), [-9]);
  t.equal(s.plan(6000).centerOffsetMs, -3, 'never past maxOffsetMs');
  for (let i = 0; i < 20; i++) s.record(s.plan(6000), []);
  t.ok(Math.abs(s.plan(6000).centerOffsetMs) <= 3);
});

t.test('until a cycle hits, the last sends trail the center for an app that wakes late', async (t) => {
  const s = new GapScheduler(withTail);
  const first = s.plan(6000);
  t.same(first.sendOffsetsMs, [-2, -1, 0, 1, 2, 4, 7, 10], 'five over ±2 ms, three behind');
  t.equal(first.tailSends, 3);
  s.record(first, []);
  const second = s.plan(6000);
  t.same(second.sendOffsetsMs, [-3, -2, -1, 0, 1, 3, 6, 9], 'a miss sweeps the core and the tail with it');
  s.record(second, [6, 9]);
  const after = s.plan(6000);
  t.equal(after.centerOffsetMs, -1, 'a tail-only hit keeps the center it hit from');
  t.same(
    after.sendOffsetsMs,
    [-3, -2.429, -1.857, -1.286, -0.714, -0.143, 0.429, 1],
    'and ends the tail: all 8 in the core',
  );
});

t.test('a hit in the core re-centers on the core hits alone', async (t) => {
  const s = new GapScheduler(withTail);
  s.record(s.plan(6000), [1, 2, 7, 10]);
  t.equal(s.plan(6000).centerOffsetMs, 1.5);
});

t.test('hits are sorted by the plan they were sent on, not the center since', async (t) => {
  const s = new GapScheduler(withTail);
  const early = s.plan(6000); // two pooled cycles planned side by side, the first to record moves the center
  const late = s.plan(6000);
  s.record(early, [-1.999]);
  t.equal(s.plan(6000).centerOffsetMs, -1.999);
  s.record(late, [2]);
  t.equal(s.plan(6000).centerOffsetMs, 2, "the top of the late plan's core is a core hit, whatever the center now");
});

t.test('a plan under twice the tail keeps every send in the core', async (t) => {
  const s = new GapScheduler({ ...withTail, sendsPerCycle: 5 });
  t.same(s.plan(6000).sendOffsetsMs, [-2, -1, 0, 1, 2]);
});

t.test('bad settings are refused', async (t) => {
  t.throws(() => new GapScheduler({ ...settings, sendsPerCycle: 0 }));
  t.throws(() => new GapScheduler({ ...settings, sweepMs: [] }));
});

t.test('densest cluster: the largest group within the window, earliest on ties', async (t) => {
  t.equal(densestCluster([], 2), null);
  t.equal(densestCluster([5], 2), 5);
  t.equal(densestCluster([0, 10, 10.5, 11, 20], 2), 10.5);
  t.equal(densestCluster([0, 1, 10, 11], 2), 0.5, 'tie: the earliest group');
  t.equal(densestCluster([0, 3, 6], 2), 0);
});
