// Renders the LB's nginx.conf from the templates in nginx/ and the scenario data.
// Pure: the same inputs give the same text, which Docker and the local runtime
// both use and every run saves beside its results.
import { HEADERS } from '../model/protocol.js';
import { DOCKER_ADDRESSES } from './addresses.js';
import {
  LB,
  lbBoundaryPoolOf,
  RETRY_POLICIES,
  VARIANTS,
  type LbTimings,
  type RetryPolicy,
  type Variant,
} from '../scenarios/scenarios.js';
import { lbFixOf, lbIdleTimeoutOf } from '../scenarios/lb-fixes.js';
import { durationText, fillTemplate, lbFixComment, readTemplate } from './template.js';

const template = (name: string) => readTemplate('nginx', `${name}.conf`);

export { fillTemplate };
/** nginx time syntax. */
export const nginxDuration = durationText;

/** nginx's variable for a request header ($http_…) or an upstream response header ($upstream_http_…). */
export function nginxHeaderVariable(side: 'request' | 'upstream-response', header: string): string {
  return `$${side === 'request' ? 'http' : 'upstream_http'}_${header.toLowerCase().replace(/-/g, '_')}`;
}

export interface LbSettings extends LbTimings {
  retryPolicy: RetryPolicy;
}

export function lbSettings(retryPolicy: RetryPolicy, overrides: Partial<LbSettings> = {}): LbSettings {
  return { ...LB, retryPolicy, ...overrides };
}

/** Where the LB listens and finds each app, and where it writes; differs per runtime. */
export interface NginxLayout {
  listen: (variant: Variant) => string;
  appAddress: (variant: Variant) => string;
  pidFile: string;
  errorLog: string;
  accessLog: string;
  tempDir: string;
}

/** Inside the nginx container: apps by service name, logs to the container's streams. */
export const DOCKER_LAYOUT: NginxLayout = {
  listen: (v) => String(v.lbPort),
  appAddress: DOCKER_ADDRESSES.appAddress,
  pidFile: '/tmp/nginx.pid',
  errorLog: '/dev/stderr',
  accessLog: '/dev/stdout',
  tempDir: '/tmp',
};

export function upstreamName(variant: Variant): string {
  return `app_${variant.name}`;
}

/** The upstream of a variant's LB-boundary pool: the same app, a keep-alive cache of its own. */
export function lbBoundaryUpstreamName(variant: Variant): string {
  return `${upstreamName(variant)}_lb_boundary`;
}

/**
 * Every upstream pool and the port that reaches it: each variant's own, and
 * the LB-boundary pool of a variant that has one (Variant.lbBoundaryPort),
 * the same app behind every directive of the other.
 */
function poolsOf(variants: readonly Variant[]): Array<{ upstream: string; via: Variant }> {
  return variants.flatMap((v) => {
    const pool = lbBoundaryPoolOf(v);
    return [
      { upstream: upstreamName(v), via: v },
      ...(pool ? [{ upstream: lbBoundaryUpstreamName(v), via: pool }] : []),
    ];
  });
}

/** The upstream of one of a variant's long-lane pools (Variant.longPools): the same app, a cache of its own. */
export function poolUpstreamName(variant: Variant, pool: number): string {
  return `${upstreamName(variant)}_pool${pool}`;
}

/** The variable a pooled variant's proxy_pass adds to its upstream's name: the pool's suffix, or none. */
const POOL_SUFFIX_VARIABLE = '$lab_pool';

/**
 * The pool a request names (HEADERS.pool) as the suffix of its upstream's name:
 * 'app_x' + '_pool3' is the upstream block app_x_pool3 (nginx looks a
 * proxy_pass with variables up among its upstream blocks first). No header, or
 * a pool the app has not, is its main upstream.
 */
function poolMap(pools: number): string {
  const lines = Array.from({ length: pools }, (_, i) => `    "${i + 1}" "_pool${i + 1}";`);
  return [
    `  # The long lane's cycles each go through a pool of their own (${HEADERS.pool}: n → upstream <app>_pool<n>).`,
    `  map ${nginxHeaderVariable('request', HEADERS.pool)} ${POOL_SUFFIX_VARIABLE} {`,
    '    default "";',
    ...lines,
    '  }',
  ].join('\n');
}

export function renderNginxConfig(
  lb: LbSettings,
  layout: NginxLayout,
  variants: readonly Variant[] = VARIANTS,
): string {
  const policy = RETRY_POLICIES[lb.retryPolicy];
  if (!policy) throw new Error(`unknown retry policy '${lb.retryPolicy}'`);
  const pools = poolsOf(variants);
  const upstream = (name: string, v: Variant, keepaliveConnections: number) =>
    fillTemplate(template('upstream'), {
      upstreamName: name,
      lbFixComment: lbFixComment(v, '    '),
      appAddress: layout.appAddress(v),
      keepaliveConnections,
      keepaliveTimeout: nginxDuration(lbIdleTimeoutOf(v.lbFix, lb.upstreamKeepaliveTimeoutMs)),
      keepaliveRequests: lb.upstreamKeepaliveRequests,
    });
  const upstreams = pools.map(({ upstream: name, via: v }) => upstream(name, v, lb.upstreamKeepaliveConnections));
  const longPools = variants.flatMap((v) =>
    Array.from({ length: v.longPools ?? 0 }, (_, i) =>
      upstream(poolUpstreamName(v, i + 1), v, lb.upstreamKeepaliveConnections),
    ),
  );
  const maxPools = Math.max(0, ...variants.map((v) => v.longPools ?? 0));
  const servers = pools.map(({ upstream: name, via: v }) =>
    fillTemplate(template('server'), {
      listen: layout.listen(v),
      variant: v.name,
      lbFixComment: lbFixComment(v, '    '),
      upstreamName: v.longPools ? `${name}${POOL_SUFFIX_VARIABLE}` : name,
      proxyConnectTimeout: nginxDuration(lb.proxyConnectTimeoutMs),
      proxyReadTimeout: nginxDuration(lb.proxyReadTimeoutMs),
      proxyNextUpstream: lbFixOf(v.lbFix)?.proxyNextUpstream ?? policy.proxyNextUpstream,
    }),
  );
  return fillTemplate(template('nginx'), {
    retryPolicy: lb.retryPolicy,
    retryPolicyDescription: policy.description,
    pidFile: layout.pidFile,
    errorLog: layout.errorLog,
    accessLog: layout.accessLog,
    tempDir: layout.tempDir,
    clientKeepaliveTimeout: nginxDuration(lb.clientKeepaliveTimeoutMs),
    requestIdVariable: nginxHeaderVariable('request', HEADERS.requestId),
    upstreamSocketIdVariable: nginxHeaderVariable('upstream-response', HEADERS.socketId),
    upstreams: [...(maxPools > 0 ? [poolMap(maxPools)] : []), ...upstreams, ...longPools].join('\n'),
    servers: servers.join('\n'),
  });
}

/** The committed files docker-compose.yml mounts, one per retry policy. */
export function generatedConfigPath(policy: RetryPolicy): string {
  return `nginx/generated/lb-${policy}.conf`;
}

/** `nginx -v` prints "nginx version: nginx/1.22.1" (on stderr); the results keep "1.22.1". */
export function parseNginxVersion(output: string): string {
  return output.replace(/^nginx version: nginx\//, '').trim();
}

/** On loopback beside the app processes, writing into a run's own directory. */
export function localLayout(dir: string): NginxLayout {
  return {
    listen: (v) => `127.0.0.1:${v.lbPort}`,
    appAddress: (v) => `127.0.0.1:${v.appPort}`,
    pidFile: `${dir}/nginx.pid`,
    errorLog: `${dir}/nginx-error.log`,
    accessLog: `${dir}/nginx-access.log`,
    tempDir: dir,
  };
}
