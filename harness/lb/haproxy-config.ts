// Renders haproxy.cfg from the templates in haproxy/ and the scenario data: one
// frontend (named after the variant, which its log lines carry) and one backend
// per app. Pure, like the nginx renderer.
import { HEADERS } from '../model/protocol.js';
import type { HaproxyReuse, LbTimings, Variant } from '../scenarios/scenarios.js';
import { durationText, fillTemplate, readTemplate } from './template.js';
import type { LbAddresses } from './addresses.js';

export function renderHaproxyConfig(
  lb: LbTimings,
  reuse: HaproxyReuse,
  addresses: LbAddresses,
  variants: readonly Variant[],
): string {
  const proxies = variants.map((v) =>
    fillTemplate(readTemplate('haproxy', 'proxy.cfg'), {
      variant: v.name,
      listen: addresses.listen(v),
      backend: `app_${v.name}`,
      reuse,
      appAddress: addresses.appAddress(v),
      keepaliveConnections: lb.upstreamKeepaliveConnections,
      keepaliveTimeout: durationText(lb.upstreamKeepaliveTimeoutMs),
      requestIdHeader: HEADERS.requestId,
      socketIdHeader: HEADERS.socketId,
    }),
  );
  return fillTemplate(readTemplate('haproxy', 'haproxy.cfg'), {
    reuse,
    connectTimeout: durationText(lb.proxyConnectTimeoutMs),
    clientKeepaliveTimeout: durationText(lb.clientKeepaliveTimeoutMs),
    readTimeout: durationText(lb.proxyReadTimeoutMs),
    proxies: proxies.join('\n'),
  });
}

/** `haproxy -v` prints "HAProxy version 2.6.12-1+deb12u2 2025/…"; the results keep "2.6.12-1+deb12u2". */
export function parseHaproxyVersion(output: string): string {
  return /HAProxy version (\S+)/.exec(output)?.[1] ?? output.trim().split('\n')[0];
}
