import { roundMs } from '../clock.js';

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
  if (failures === 0) return { failures, trials, rate: 0, low: 0, high: zeroFailureUpperBound(trials), method: 'exact-one-sided' };
  return { failures, trials, rate: failures / trials, ...wilsonInterval(failures, trials), method: 'wilson' };
}

/** The difference of two rates (a − b) with its 95 % interval. */
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
export function rateDifference(a: { failures: number; trials: number }, b: { failures: number; trials: number }, z = Z95): RateDifference | null {
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

export interface Spread {
  min: number;
  median: number;
  max: number;
}

/** Min, median and max of the known values, to the microsecond; null when none is known. */
export function spreadOf(values: ReadonlyArray<number | null>): Spread | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return null;
  return { min: roundMs(Math.min(...known)), median: roundMs(median(known)!), max: roundMs(Math.max(...known)) };
}

export function percent(rate: number, digits = 1): string {
  return `${(rate * 100).toFixed(digits)} %`;
}
