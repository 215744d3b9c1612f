// The load balancers' names, on their own so that the scenario and the LB-side
// fixes (lb-fixes.ts), which each name an LB, need not import each other.

/**
 * The load balancers the lab puts in front of the apps, each with its own configuration renderer and log parser
 * (harness/lb/).
 */
export const LB_NAMES = ['nginx', 'haproxy', 'caddy'] as const;
export type LbName = (typeof LB_NAMES)[number];
