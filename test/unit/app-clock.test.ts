// Estimating an app's clock offset from request exchanges (harness/traffic/app-clock.ts),
// on synthetic samples whose true offset is known.
import t from 'tap';
import { clockSampleOf, estimateAppClock, type ClockSample } from '../../harness/traffic/app-clock.js';

const OFFSET_MS = 73_912.345;

/** An exchange sent at `sent` (harness), reaching the app after `forward` ms, answered after `back` ms more. */
const exchange = (sent: number, forward: number, back: number, offset = OFFSET_MS): ClockSample => ({
  sentAtMs: sent,
  appAtMs: sent + forward + offset,
  receivedAtMs: sent + forward + back,
});

t.test('symmetric delays: the offset exactly, uncertainty half the fastest round trip', async (t) => {
  const e = estimateAppClock([exchange(0, 1, 1), exchange(100, 1.2, 1.1), exchange(200, 0.9, 0.9)])!;
  t.ok(Math.abs(e.offsetMs - OFFSET_MS) < 0.001, `offset ${e.offsetMs}`);
  t.ok(e.uncertaintyMs <= 0.9 + 1e-9, `± ${e.uncertaintyMs}`);
  t.equal(
    e.sendToAppMs,
    Math.round((OFFSET_MS + 0.9) * 1000) / 1000,
    'send-to-app: the fastest forward trip, on the app clock',
  );
  t.equal(e.samples, 3);
  t.ok(e.consistent);
});

t.test('asymmetric delays: the true offset stays within the stated uncertainty', async (t) => {
  // Requests cross Docker's proxy and the LB slowly, answers come back fast: a symmetric guess is off by half the
  // asymmetry.
  const samples = [exchange(0, 3, 0.5), exchange(50, 2.8, 0.6), exchange(90, 3.1, 0.4)];
  const e = estimateAppClock(samples)!;
  t.ok(Math.abs(e.offsetMs - OFFSET_MS) <= e.uncertaintyMs, `|${e.offsetMs} − ${OFFSET_MS}| ≤ ${e.uncertaintyMs}`);
  t.ok(e.uncertaintyMs < 2, 'and the bounds are tight');
  t.ok(Math.abs(e.sendToAppMs - (OFFSET_MS + 2.8)) < 0.001, 'aiming is exact whatever the asymmetry');
});

t.test('outliers (queueing, a stalled CPU) widen nothing and cannot pull the estimate', async (t) => {
  const clean = [exchange(0, 1, 1), exchange(10, 1, 1)];
  const withOutliers = [...clean, exchange(20, 250, 1), exchange(30, 1, 400), exchange(40, 90, 90)];
  t.same(estimateAppClock(withOutliers)!.offsetMs, estimateAppClock(clean)!.offsetMs);
  t.same(estimateAppClock(withOutliers)!.uncertaintyMs, estimateAppClock(clean)!.uncertaintyMs);
});

t.test('a negative offset, and samples that disagree (a clock drifted): the fastest exchanges decide', async (t) => {
  t.ok(Math.abs(estimateAppClock([exchange(0, 1, 1, -5e6)])!.offsetMs + 5e6) < 0.001);
  // The app's clock stepped by 40 ms between the samples: no offset satisfies all bounds.
  const drifted = [
    exchange(0, 1, 1),
    exchange(10, 1.5, 1.5),
    exchange(20, 0.8, 0.8, OFFSET_MS + 40),
    exchange(30, 5, 5, OFFSET_MS + 40),
  ];
  const e = estimateAppClock(drifted)!;
  t.notOk(e.consistent, 'said so');
  t.ok(e.uncertaintyMs <= 1.5, `± ${e.uncertaintyMs}: half the slowest of the fastest three`);
  t.ok(
    [OFFSET_MS, OFFSET_MS + 40].some((o) => Math.abs(e.offsetMs - o) <= 1.5),
    `the estimate is one of the two clocks (${e.offsetMs})`,
  );
});

t.test("no usable sample: null; a request without the app's stamp gives none", async (t) => {
  t.equal(estimateAppClock([]), null);
  t.equal(
    estimateAppClock([{ sentAtMs: 10, appAtMs: 5, receivedAtMs: 9 }]),
    null,
    'an answer before its request is not a sample',
  );
  t.equal(clockSampleOf({ startMonoMs: 1, latencyMs: 2, appStartMonoMs: null }), null);
  t.same(clockSampleOf({ startMonoMs: 1, latencyMs: 2, appStartMonoMs: 50 }), {
    sentAtMs: 1,
    appAtMs: 50,
    receivedAtMs: 3,
  });
});
