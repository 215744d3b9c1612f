// What the boundary rule (records/boundary.ts) needs to know of the LB in
// front of a variant, built in one place: the traffic engine's wait for
// boundary requests and the summary's count read the same context.
import type { AppCloseContext, BoundaryContext } from '../records/boundary.js';
import { lbFixOf } from '../scenarios/lb-fixes.js';
import type { Scenario, Variant } from '../scenarios/scenarios.js';
import { LB_DRIVERS } from './drivers.js';

/**
 * A variant's requests of one method, as testedBoundary reads them: whether its LB replays them unseen, whether an
 * LB-side fix is in front of it, and the app's closes.
 */
export function boundaryContextOf(
  scenario: Scenario,
  v: Pick<Variant, 'lb' | 'lbFix'>,
  method: string,
  app: AppCloseContext,
): BoundaryContext {
  return {
    replaysUnseen: LB_DRIVERS[v.lb].silentRetry(scenario, method, v) !== null,
    lbFixed: lbFixOf(v.lbFix) !== null,
    ...app,
  };
}
