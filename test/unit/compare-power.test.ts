// The smallest change compare says a row could have seen (harness/compare/power.ts),
// checked against published values, never against numbers this code produced.
import t from 'tap';
import { cohensH, detectableChange, detectableH } from '../../harness/compare/power.js';

t.test("Cohen's h and the detectable h match R's pwr (a published run of pwr.2p.test)", async (t) => {
  // stats.stackexchange.com/q/258522: ES.h(0.69, 0.68) = 0.0215284, and
  // pwr.2p.test(h, n = 10000, sig.level = 0.05) gives power = 0.3310592.
  t.ok(Math.abs(cohensH(0.69, 0.68) - 0.0215284) < 1e-7, String(cohensH(0.69, 0.68)));
  // Read backwards: at that power, two samples of 10000 find h = 0.0215284. pwr
  // also counts the wrong-sign tail (2.5e-4 of power here), which the bound leaves out: 0.05 % apart.
  const h = detectableH(10_000, 10_000, 0.05, 0.3310592)!;
  t.ok(Math.abs(h - 0.0215284) < 2e-5, String(h));
  // And as rates: from 68 %, a change of one point either way (to 69 %, the pair above).
  const d = detectableChange(0.68, 10_000, 10_000, 0.05, 0.3310592)!;
  t.ok(Math.abs(d.up! - 0.01) < 1e-4, String(d.up));
});

t.test(
  "Cohen's table of sample sizes for two proportions at 80 % power (Cohen 1992, A Power Primer, Table 2)",
  async (t) => {
    // n per group for small, medium and large h (0.2, 0.5, 0.8): 392, 63, 25 at α = .05; 584, 93, 36 at α = .01.
    // The table rounds n to a whole number, so h read back from it is close, not exact.
    for (const [alpha, rows] of [
      [
        0.05,
        [
          [392, 0.2],
          [63, 0.5],
          [25, 0.8],
        ],
      ],
      [
        0.01,
        [
          [584, 0.2],
          [93, 0.5],
          [36, 0.8],
        ],
      ],
    ] as const) {
      for (const [n, h] of rows) {
        const found = detectableH(n, n, alpha)!;
        t.ok(Math.abs(found - h) < 0.01, `α ${alpha}, n ${n}: h ${found.toFixed(4)}, the table's ${h}`);
      }
    }
  },
);

t.test('no sample, no claim; rates past 0 or 100 % are not detectable changes', async (t) => {
  t.equal(detectableH(0, 12, 0.05), null);
  t.equal(detectableChange(0.5, 12, 0, 0.05), null);
  const fromZero = detectableChange(0, 7, 7, 0.05)!;
  t.equal(fromZero.down, null, 'nothing below 0');
  t.ok(fromZero.up! > 0 && fromZero.up! < 1);
  t.same(
    detectableChange(0.5, 2, 2, 0.05),
    { up: null, down: null },
    'two trials each: not even 0 % against 100 % is likely to show',
  );
});
