// Renders the Caddyfile from the templates in caddy/ and the scenario data: one
// site per app, on the app's LB port. Pure, like the nginx renderer.
import { HEADERS } from '../model/protocol.js';
import type { LbTimings, Variant } from '../scenarios/scenarios.js';
import { lbFixOf, lbIdleTimeoutOf } from '../scenarios/lb-fixes.js';
import { durationText, fillTemplate, lbFixComment, readTemplate } from './template.js';
import type { LbAddresses } from './addresses.js';

export function renderCaddyConfig(lb: LbTimings, addresses: LbAddresses, variants: readonly Variant[]): string {
  const sites = variants.map((v) => {
    const handle = (pool: number | null) =>
      fillTemplate(readTemplate('caddy', 'handle.Caddyfile'), {
        // A reverse_proxy of its own has a transport of its own: its own idle connections.
        matcher: pool === null ? '' : `\t@pool${pool} header ${HEADERS.pool} ${pool}\n`,
        matcherRef: pool === null ? '' : ` @pool${pool}`,
        lbFixComment: lbFixComment(v, '\t\t'),
        appAddress: addresses.appAddress(v),
        lbTryDuration: durationText(lbFixOf(v.lbFix)?.lbTryDurationMs ?? 0),
        keepaliveTimeout: durationText(lbIdleTimeoutOf(v.lbFix, lb.upstreamKeepaliveTimeoutMs)),
        keepaliveConnections: lb.upstreamKeepaliveConnections,
        connectTimeout: durationText(lb.proxyConnectTimeoutMs),
        readTimeout: durationText(lb.proxyReadTimeoutMs),
      });
    // The long lane's pools (Variant.longPools) first: Caddy tries a handle without a matcher last.
    const pools = Array.from({ length: v.longPools ?? 0 }, (_, i) => handle(i + 1));
    return fillTemplate(readTemplate('caddy', 'site.Caddyfile'), {
      variant: v.name,
      port: v.lbPort,
      bindHost: addresses.bindHost,
      handles: [...pools, handle(null)].join(''),
    });
  });
  return fillTemplate(readTemplate('caddy', 'Caddyfile'), { sites: sites.join('\n') });
}

/** `caddy version` prints "2.6.2" (Debian) or "v2.10.2 h1:…" (official); the results keep "2.6.2". */
export function parseCaddyVersion(output: string): string {
  return /v?(\d+\.\d+\.\d+\S*)/.exec(output)?.[1] ?? output.trim();
}
