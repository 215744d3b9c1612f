// The one source of truth for every variant, timeout, port and image of the lab.
// docker-compose.yml repeats some of these as defaults (YAML cannot import them);
// test/unit/scenarios.test.ts fails if the two ever disagree.

/** How the LB reacts when a cached upstream connection fails under a request. */
export type RetryPolicy = 'alb' | 'nginx';

export const RETRY_POLICIES: Record<RetryPolicy, { proxyNextUpstream: string; description: string }> = {
  // AWS ALB never retries: every request that hits the race becomes a 502.
  alb: { proxyNextUpstream: 'off', description: 'never retries, like AWS ALB' },
  // nginx's own default retries idempotent requests (GET) on a fresh
  // connection, so only POST and other non-idempotent requests show the 502.
  nginx: { proxyNextUpstream: 'error timeout', description: "nginx's default: retries idempotent requests" },
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = 'alb';

/** The load balancer: idle upstream connections live 60 s, as on AWS ALB. */
export interface LbTimings {
  upstreamKeepaliveTimeoutMs: number;
  upstreamKeepaliveConnections: number;
  upstreamKeepaliveRequests: number;
  clientKeepaliveTimeoutMs: number;
  proxyConnectTimeoutMs: number;
  proxyReadTimeoutMs: number;
}

export const LB: LbTimings = {
  upstreamKeepaliveTimeoutMs: 60_000,
  upstreamKeepaliveConnections: 32,
  upstreamKeepaliveRequests: 1000,
  clientKeepaliveTimeoutMs: 65_000,
  proxyConnectTimeoutMs: 5_000,
  proxyReadTimeoutMs: 60_000,
};

export type VariantName = 'default' | 'fixed';

export interface Variant {
  name: VariantName;
  description: string;
  /** server.keepAliveTimeout; undefined = Node's default (5000 ms). */
  keepAliveTimeoutMs: number | undefined;
  /** server.headersTimeout; undefined = Node's default (60000 ms). */
  headersTimeoutMs: number | undefined;
  /** Port the LB listens on for this variant (host loopback, and inside the nginx container). */
  lbPort: number;
  /** Host loopback port published straight to the app, for probes that bypass the LB. */
  appPort: number;
  /** Compose service name of the app. */
  service: string;
}

export const VARIANTS: readonly Variant[] = [
  {
    name: 'default',
    description: "Node's defaults: the app closes idle sockets long before the LB does",
    keepAliveTimeoutMs: undefined,
    headersTimeoutMs: undefined,
    lbPort: 8401,
    appPort: 8411,
    service: 'app-default',
  },
  {
    name: 'fixed',
    description: 'the app outlives the LB: keep-alive 61 s, headers 62 s',
    keepAliveTimeoutMs: LB.upstreamKeepaliveTimeoutMs + 1_000,
    headersTimeoutMs: LB.upstreamKeepaliveTimeoutMs + 2_000,
    lbPort: 8402,
    appPort: 8412,
    service: 'app-fixed',
  },
];

/** A value for every variant of a list, keyed by name. */
export function perVariant<T>(variants: readonly Variant[], value: (v: Variant) => T): Record<VariantName, T> {
  return Object.fromEntries(variants.map((v) => [v.name, value(v)])) as Record<VariantName, T>;
}

export function variantByName(name: string): Variant {
  const variant = VARIANTS.find((v) => v.name === name);
  if (!variant) throw new Error(`unknown variant '${name}'`);
  return variant;
}

/** Port the app listens on inside its container. */
export const APP_CONTAINER_PORT = 3000;

export const SERVER_MODES = ['standalone', 'custom'] as const;
export type ServerMode = (typeof SERVER_MODES)[number];
export const DEFAULT_SERVER_MODE: ServerMode = 'standalone';

/** Official images for real users; air-gapped machines swap them via .env. */
export const BASE_IMAGES = {
  node: 'node:24.21.0-bookworm-slim',
  nginx: 'nginx:1.28.0-bookworm',
} as const;

export const COMPOSE_PROJECT = 'keepalive-lab';

/** Everything that defines one configuration of the lab; runs and results carry it whole. */
export interface Scenario {
  retryPolicy: RetryPolicy;
  serverMode: ServerMode;
  lb: LbTimings;
  variants: readonly Variant[];
}

export function defaultScenario(overrides: Partial<Scenario> = {}): Scenario {
  return { retryPolicy: DEFAULT_RETRY_POLICY, serverMode: DEFAULT_SERVER_MODE, lb: LB, variants: VARIANTS, ...overrides };
}

/** Node 20 closes an idle socket about 1 s after keepAliveTimeout; probes measure the real value. */
export const NODE_DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 5_000;
