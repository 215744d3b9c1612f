// What each fix must show behind an LB: the rule --assert and `compare` share.
import { LB_DRIVERS } from '../lb/drivers.js';
import type { LbName } from '../scenarios/scenarios.js';

/** Fixes that must keep an app safe behind an LB with an idle timeout. */
export const MUST_BE_SAFE: ReadonlySet<string> = new Set(['article', 'keepalive-only', 'node-65s']);

/**
 * 'safe': the fix must hold (no failure at all); 'race': Node's defaults must
 * still show the race (a 502, or the LB masking it); null: either outcome is a
 * finding (too-short fixes, and any fix behind an LB without a per-connection
 * idle timeout, HAProxy, where outliving its setting is not enough).
 */
export function expectationOf(fix: string, lb: string): 'safe' | 'race' | null {
  if (fix === 'default') return 'race';
  const lbBoundsIdleConnections = LB_DRIVERS[lb as LbName]?.idleTimeoutBoundsConnections !== false;
  return MUST_BE_SAFE.has(fix) && lbBoundsIdleConnections ? 'safe' : null;
}
