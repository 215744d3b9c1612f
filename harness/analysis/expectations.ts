// What each fix must show behind an LB: the rule --assert and `compare` share.
import { LB_DRIVERS } from '../lb/drivers.js';
import type { LbName } from '../scenarios/scenarios.js';
import { LB_FIX_NAMES, lbFixOf, NO_LB_FIX, type LbFixName } from '../scenarios/lb-fixes.js';

/** Fixes that must keep an app safe behind an LB with an idle timeout. */
export const MUST_BE_SAFE: ReadonlySet<string> = new Set(['article', 'keepalive-only', 'node-65s']);

/**
 * 'safe': the fix must hold (no failure at all); 'race': Node's defaults must
 * still show the race (a 502, or the LB masking it); null: either outcome is a
 * finding (too-short fixes, and any fix behind an LB without a per-connection
 * idle timeout, HAProxy, where outliving its setting is not enough).
 */
export function expectationOf(fix: string, lb: string, lbFix: string = NO_LB_FIX): 'safe' | 'race' | null {
  // An LB-side fix in front of Node's defaults: the fix's own claim (scenarios/lb-fixes.ts).
  if (lbFix !== NO_LB_FIX)
    return LB_FIX_NAMES.includes(lbFix as LbFixName) && lbFixOf(lbFix as LbFixName)?.mustBeSafe ? 'safe' : null;
  if (fix === 'default') return 'race';
  const lbBoundsIdleConnections = LB_DRIVERS[lb as LbName]?.idleTimeoutBoundsConnections !== false;
  return MUST_BE_SAFE.has(fix) && lbBoundsIdleConnections ? 'safe' : null;
}
