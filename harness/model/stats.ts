import { roundMs } from './clock.js';

// Proportions with honest uncertainty: how often a variant fails, and how sure
// we can be of it from the number of requests sent.

/** z for a two-sided 95 % interval. */
const Z95 = 1.959963984540054;

export interface Proportion {
  failures: number;
  trials: number;
  rate: number;
  /** 95 % interval: Wilson score; for zero failures, [0, exact one-sided 95 % upper bound]. */
  low: number;
  high: number;
  method: 'wilson' | 'exact-one-sided' | 'none';
}

export function wilsonInterval(failures: number, trials: number, z = Z95): { low: number; high: number } {
  if (trials <= 0) return { low: 0, high: 1 };
  const p = failures / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const center = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

/** With no failure in n trials, the rate p for which that outcome has 5 % probability: 1 - 0.05^(1/n). */
export function zeroFailureUpperBound(trials: number, alpha = 0.05): number {
  return trials > 0 ? 1 - alpha ** (1 / trials) : 1;
}

export function proportion(failures: number, trials: number): Proportion {
  if (!Number.isInteger(failures) || !Number.isInteger(trials) || failures < 0 || trials < 0 || failures > trials) {
    throw new Error(`invalid proportion ${failures}/${trials}`);
  }
  if (trials === 0) return { failures, trials, rate: 0, low: 0, high: 1, method: 'none' };
  if (failures === 0)
    return { failures, trials, rate: 0, low: 0, high: zeroFailureUpperBound(trials), method: 'exact-one-sided' };
  return { failures, trials, rate: failures / trials, ...wilsonInterval(failures, trials), method: 'wilson' };
}

/**
 * The standard normal quantile: z with P(Z ≤ z) = p (Acklam's rational
 * approximation, relative error below 1.2e-9), e.g. 1.959964 for 0.975. For
 * intervals at other levels than 95 %, such as a Bonferroni-corrected family.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`normalQuantile needs 0 < p < 1, got ${p}`);
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
    2.506628277459239,
  ];
  const b = [
    -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1,
  ];
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const tail = (q: number) =>
    (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < low) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - low) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** The difference of two rates (a − b) with its interval (95 % unless another z is given). */
export interface RateDifference {
  difference: number;
  low: number;
  high: number;
  /** The interval leaves out 0: the rates differ beyond chance. */
  significant: boolean;
}

/**
 * a − b with Newcombe's hybrid score interval (his method 10, built from the
 * two Wilson intervals): it keeps its coverage with small counts and rates at
 * 0 or 1, where the textbook Wald interval claims certainty it lacks (0 of 12
 * against 5 of 12). Null when either side has no trials.
 */
export function rateDifference(
  a: { failures: number; trials: number },
  b: { failures: number; trials: number },
  z = Z95,
): RateDifference | null {
  if (a.trials <= 0 || b.trials <= 0) return null;
  const pa = a.failures / a.trials;
  const pb = b.failures / b.trials;
  const wa = wilsonInterval(a.failures, a.trials, z);
  const wb = wilsonInterval(b.failures, b.trials, z);
  const difference = pa - pb;
  const low = difference - Math.sqrt((pa - wa.low) ** 2 + (wb.high - pb) ** 2);
  const high = difference + Math.sqrt((wa.high - pa) ** 2 + (pb - wb.low) ** 2);
  return { difference, low, high, significant: low > 0 || high < 0 };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The p-th percentile (0 < p ≤ 100) by nearest rank: the smallest value with at
 * least p % of the values at or below it, always one of them; null when none.
 */
export function nearestRankPercentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new Error(`nearestRankPercentile needs 0 < p <= 100, got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // p × n first: an integer product divides by 100 exactly where (p / 100) × n may not (7 % of 100: 7.000000000000001).
  return sorted[Math.ceil((p * sorted.length) / 100) - 1];
}

export interface Spread {
  min: number;
  median: number;
  max: number;
}

/** Min, median and max of the known values, to the microsecond; null when none is known. */
export function spreadOf(values: ReadonlyArray<number | null>): Spread | null {
  const known = values.filter((v): v is number => v !== null);
  const middle = median(known);
  if (middle === null) return null;
  return { min: roundMs(Math.min(...known)), median: roundMs(middle), max: roundMs(Math.max(...known)) };
}

export function percent(rate: number, digits = 1): string {
  return `${(rate * 100).toFixed(digits)} %`;
}
