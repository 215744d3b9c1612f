// The fixes an operator can make on the LB's side, with the app left as it
// ships (Node's defaults: it closes idle sockets after 6 s). Data only: each
// fix names its LB, the settings it writes into that LB's configuration
// (harness/lb/ renders them), and what it claims. Whether the claim holds is
// what a matrix run with `--only lbfix=…` measures; the rendered
// configuration shows every setting.
import type { LbName } from './lb-names.js';

/** Every LB-side fix, 'none' for the LB as the lab configures it (the unsafe baseline beside each fix). */
export const LB_FIX_NAMES = [
  'none',
  'keepalive-timeout-4s',
  'keepalive-timeout-5900ms',
  'retry-non-idempotent',
  'pool-purge-1s',
  'pool-purge-500ms',
  'http-reuse-never',
  'http-reuse-never-client-4s',
  'retry-empty-response',
  'keepalive-4s',
  'lb-try-duration-5s',
] as const;
export type LbFixName = (typeof LB_FIX_NAMES)[number];
export const NO_LB_FIX: LbFixName = 'none';

/**
 * One LB-side fix: the LB it is for, the settings it changes (each renderer
 * reads only its own LB's), and in a sentence what it does. Settings not
 * named keep the lab's values (harness/scenarios/scenarios.ts LB).
 */
export interface LbFix {
  lb: LbName;
  description: string;
  /**
   * Whether it must keep the app safe (an idle timeout well under the app's
   * close: the LB never holds a connection the app closes); otherwise either
   * outcome is a finding, and the run says which.
   */
  mustBeSafe: boolean;
  /** How long the LB keeps an idle upstream connection: nginx's upstream keepalive_timeout, Caddy's keepalive. */
  idleTimeoutMs?: number;
  /** nginx proxy_next_upstream. */
  proxyNextUpstream?: string;
  /** HAProxy server pool-purge-delay. */
  poolPurgeDelayMs?: number;
  /** HAProxy http-reuse. */
  httpReuse?: 'never';
  /** HAProxy's frontend timeout http-keep-alive: how long it keeps a client's idle connection (and what it holds). */
  clientIdleTimeoutMs?: number;
  /** HAProxy retry-on (with its retries). */
  retryOn?: string;
  /** Caddy lb_try_duration: how long it may retry a failed round trip. */
  lbTryDurationMs?: number;
}

/** Each LB-side fix; 'none' has no LB of its own (it is every LB's baseline). */
export const LB_FIXES: Record<Exclude<LbFixName, 'none'>, LbFix> = {
  'keepalive-timeout-4s': {
    lb: 'nginx',
    idleTimeoutMs: 4_000,
    mustBeSafe: true,
    description: 'upstream keepalive_timeout 4 s: nginx closes idle connections 2 s before the app would',
  },
  'keepalive-timeout-5900ms': {
    lb: 'nginx',
    mustBeSafe: false,
    idleTimeoutMs: 5_900,
    description: "upstream keepalive_timeout 5.9 s: 0.1 s before the app's 6.0 s close",
  },
  'retry-non-idempotent': {
    lb: 'nginx',
    mustBeSafe: false,
    proxyNextUpstream: 'error timeout non_idempotent',
    description:
      'proxy_next_upstream error timeout non_idempotent: a request that fails on a dead connection, POST too, is retried',
  },
  'pool-purge-1s': {
    lb: 'haproxy',
    mustBeSafe: false,
    poolPurgeDelayMs: 1_000,
    description: 'pool-purge-delay 1 s: HAProxy purges idle server connections every second',
  },
  'pool-purge-500ms': {
    lb: 'haproxy',
    mustBeSafe: false,
    poolPurgeDelayMs: 500,
    description: 'pool-purge-delay 500 ms: HAProxy purges idle server connections twice a second',
  },
  'http-reuse-never': {
    lb: 'haproxy',
    mustBeSafe: false,
    httpReuse: 'never',
    description: 'http-reuse never: no idle server connection is shared between client connections',
  },
  'http-reuse-never-client-4s': {
    lb: 'haproxy',
    mustBeSafe: true,
    httpReuse: 'never',
    clientIdleTimeoutMs: 4_000,
    description:
      "http-reuse never and the client's idle connection closed after 4 s: a server connection never outlives its client's",
  },
  'retry-empty-response': {
    lb: 'haproxy',
    mustBeSafe: false,
    retryOn: 'conn-failure empty-response response-timeout',
    description:
      'retry-on conn-failure empty-response response-timeout: a request whose server connection dies is retried',
  },
  'keepalive-4s': {
    lb: 'caddy',
    idleTimeoutMs: 4_000,
    mustBeSafe: true,
    description: "transport keepalive 4 s: Go's transport closes idle connections 2 s before the app would",
  },
  'lb-try-duration-5s': {
    lb: 'caddy',
    mustBeSafe: false,
    lbTryDurationMs: 5_000,
    description: 'lb_try_duration 5 s: Caddy may retry a failed request for 5 s',
  },
};

/**
 * Boundary requests per method a run with LB-side fixes needs by default (--min-boundary): 0 failures in 300 bound
 * the rate at ≤ 1 % (one-sided 95 %), the claim a fix's SAFE makes.
 */
export const LB_FIX_BOUNDARY_PER_CELL = 300;

/** A fix's settings; none for the baseline. */
export function lbFixOf(name: LbFixName | undefined): LbFix | null {
  return name === undefined || name === 'none' ? null : LB_FIXES[name];
}

/** Whether any of these apps (cells or variants) has an LB-side fix in front: a run that measures LB-side fixes. */
export function hasLbFixes(apps: ReadonlyArray<{ lbFix?: LbFixName }> | null): boolean {
  return apps?.some((a) => lbFixOf(a.lbFix) !== null) ?? false;
}

/** The LB-side fixes of one LB, in LB_FIX_NAMES order. */
export function lbFixesFor(lb: LbName): Array<Exclude<LbFixName, 'none'>> {
  return (Object.keys(LB_FIXES) as Array<Exclude<LbFixName, 'none'>>).filter((n) => LB_FIXES[n].lb === lb);
}

/** How long the LB keeps an idle upstream connection of a variant: its fix's setting, else the lab's. */
export function lbIdleTimeoutOf(lbFix: LbFixName | undefined, labTimeoutMs: number): number {
  return lbFixOf(lbFix)?.idleTimeoutMs ?? labTimeoutMs;
}

/** How long the LB keeps a client's idle connection in front of a variant: its fix's setting, else the lab's. */
export function clientIdleTimeoutOf(lbFix: LbFixName | undefined, labTimeoutMs: number): number {
  return lbFixOf(lbFix)?.clientIdleTimeoutMs ?? labTimeoutMs;
}
