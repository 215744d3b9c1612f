import t, { type Test } from 'tap';
import {
  median,
  normalQuantile,
  proportion,
  rateDifference,
  wilsonInterval,
  zeroFailureUpperBound,
} from '../../harness/model/stats.js';

const close = (t: Test, actual: number, expected: number, what: string) =>
  t.ok(Math.abs(actual - expected) < 5e-5, `${what}: ${actual.toFixed(5)} ≈ ${expected}`);

t.test('Wilson score interval matches published values', async (t) => {
  // Wilson (1927) score interval, z = 1.96; the last is the example size.
  let w = wilsonInterval(1, 10);
  close(t, w.low, 0.01788, '1/10 low');
  close(t, w.high, 0.40415, '1/10 high');
  w = wilsonInterval(5, 100);
  close(t, w.low, 0.02154, '5/100 low');
  close(t, w.high, 0.11175, '5/100 high');
  w = wilsonInterval(37, 640);
  close(t, w.low, 0.04223, '37/640 low');
  close(t, w.high, 0.07867, '37/640 high');
});

t.test('zero failures: the exact one-sided 95 % upper bound', async (t) => {
  close(t, zeroFailureUpperBound(640), 0.00467, '0/640');
  close(t, zeroFailureUpperBound(100), 0.02951, '0/100');
  t.equal(zeroFailureUpperBound(0), 1);
  const p = proportion(0, 640);
  t.equal(p.method, 'exact-one-sided');
  t.equal(p.low, 0);
  close(t, p.high, 0.00467, 'proportion 0/640');
});

t.test('proportions and their edges', async (t) => {
  t.equal(proportion(3, 10).rate, 0.3);
  t.equal(proportion(3, 10).method, 'wilson');
  t.equal(proportion(0, 0).method, 'none');
  close(t, proportion(10, 10).high, 1, '10/10 high');
  close(t, proportion(10, 10).low, 0.72246, '10/10 low');
  t.throws(() => proportion(5, 3));
  t.throws(() => proportion(-1, 3));
  t.throws(() => proportion(1.5, 3));
});

t.test('median', async (t) => {
  t.equal(median([]), null);
  t.equal(median([3, 1, 2]), 2);
  t.equal(median([4, 1, 3, 2]), 2.5);
});

t.test(
  "rateDifference: Newcombe's hybrid score interval, against his published values (Stat Med 1998, table II)",
  async (t) => {
    const check = (a: [number, number], b: [number, number], low: number, high: number) => {
      const d = rateDifference({ failures: a[0], trials: a[1] }, { failures: b[0], trials: b[1] })!;
      t.ok(
        Math.abs(d.low - low) < 0.00006 && Math.abs(d.high - high) < 0.00006,
        `${a.join('/')} − ${b.join('/')}: ${d.low.toFixed(4)} … ${d.high.toFixed(4)}, published ${low} … ${high}`,
      );
      return d;
    };
    t.ok(check([56, 70], [48, 80], 0.0524, 0.3339).significant);
    t.ok(check([9, 10], [3, 10], 0.1705, 0.809).significant);
    t.notOk(check([5, 56], [0, 29], -0.0381, 0.1926).significant, 'an interval around 0 is not a change');
    t.notOk(check([0, 10], [0, 20], -0.1611, 0.2775).significant);
    t.equal(
      rateDifference({ failures: 0, trials: 0 }, { failures: 1, trials: 4 }),
      null,
      'nothing to compare without trials',
    );
  },
);

t.test('normalQuantile: the standard normal table', async (t) => {
  for (const [p, z] of [
    [0.5, 0],
    [0.975, 1.959964],
    [0.95, 1.644854],
    [0.99, 2.326348],
    [0.99875, 3.023341],
    [0.025, -1.959964],
    [0.001, -3.090232],
    [1e-6, -4.753424],
  ]) {
    close(t, normalQuantile(p), z, `z(${p})`);
  }
  t.throws(() => normalQuantile(1));
});
