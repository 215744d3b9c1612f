// The smallest change a comparison could have seen: with few aimed cycles, a
// row that reads "ok" may only mean the sample was too small to tell. Pure.
//
// Two-proportion power on the arcsine scale (Cohen 1988, ch. 6; R's
// pwr.2p2n.test): φ = 2·asin(√p) makes a proportion's variance about 1/n
// whatever p is, so a difference h = φ₂ − φ₁ between samples of n₁ and n₂ is
// found, two-sided at level α with power 1 − β, when
//   h ≥ (z₁₋α/₂ + z₁₋β) · √(1/n₁ + 1/n₂)
// (the far tail, the wrong-sign rejection, left out: it is below 1e-3 here).
// From the baseline's rate, that h reads back as a rate up or down. It is an
// approximation of the interval compare draws (Newcombe's hybrid score), close
// enough to say "this sample could not have seen a change below X".
import { normalQuantile } from '../model/stats.js';

/** The power the smallest detectable change is stated at: the usual 80 %. */
export const POWER = 0.8;

/** Cohen's h between two proportions: 2·asin(√p₁) − 2·asin(√p₂). */
export function cohensH(p1: number, p2: number): number {
  return 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2));
}

/**
 * The smallest |h| a two-sided test at `alpha` finds with `power` between samples of n1 and n2; null when either is
 * empty.
 */
export function detectableH(n1: number, n2: number, alpha: number, power = POWER): number | null {
  if (n1 <= 0 || n2 <= 0) return null;
  return (normalQuantile(1 - alpha / 2) + normalQuantile(power)) * Math.sqrt(1 / n1 + 1 / n2);
}

/**
 * The smallest change of a rate, up and down from `baselineRate`, the test finds with `power`; null where no rate in
 * [0, 1] is that far.
 */
export interface DetectableChange {
  up: number | null;
  down: number | null;
}

/** DetectableChange from a baseline rate over n1 trials against n2 trials now; null when either side has none. */
export function detectableChange(
  baselineRate: number,
  n1: number,
  n2: number,
  alpha: number,
  power = POWER,
): DetectableChange | null {
  const h = detectableH(n1, n2, alpha, power);
  if (h === null) return null;
  const phi = 2 * Math.asin(Math.sqrt(baselineRate));
  const rateAt = (angle: number) => Math.sin(angle / 2) ** 2;
  return {
    up: phi + h <= Math.PI ? rateAt(phi + h) - baselineRate : null,
    down: phi - h >= 0 ? baselineRate - rateAt(phi - h) : null,
  };
}
