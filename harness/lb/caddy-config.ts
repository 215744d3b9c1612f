// Renders the Caddyfile from the templates in caddy/ and the scenario data: one
// site per app, on the app's LB port. Pure, like the nginx renderer.
import type { LbTimings, Variant } from '../scenarios/scenarios.js';
import { durationText, fillTemplate, readTemplate } from './template.js';
import type { LbAddresses } from './addresses.js';

export function renderCaddyConfig(lb: LbTimings, addresses: LbAddresses, variants: readonly Variant[]): string {
  const sites = variants.map((v) =>
    fillTemplate(readTemplate('caddy', 'site.Caddyfile'), {
      variant: v.name,
      port: v.lbPort,
      bindHost: addresses.bindHost,
      appAddress: addresses.appAddress(v),
      keepaliveTimeout: durationText(lb.upstreamKeepaliveTimeoutMs),
      keepaliveConnections: lb.upstreamKeepaliveConnections,
      connectTimeout: durationText(lb.proxyConnectTimeoutMs),
      readTimeout: durationText(lb.proxyReadTimeoutMs),
    }),
  );
  return fillTemplate(readTemplate('caddy', 'Caddyfile'), { sites: sites.join('\n') });
}

/** `caddy version` prints "2.6.2" (Debian) or "v2.10.2 h1:…" (official); the results keep "2.6.2". */
export function parseCaddyVersion(output: string): string {
  return /v?(\d+\.\d+\.\d+\S*)/.exec(output)?.[1] ?? output.trim();
}
