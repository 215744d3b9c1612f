// Renders haproxy.cfg from the templates in haproxy/ and the scenario data: one
// frontend (named after the variant, which its log lines carry) and one backend
// per app. Pure, like the nginx renderer.
import { HEADERS } from '../model/protocol.js';
import type { HaproxyReuse, LbTimings, Variant } from '../scenarios/scenarios.js';
import { lbFixOf } from '../scenarios/lb-fixes.js';
import { durationText, fillTemplate, lbFixComment, readTemplate } from './template.js';

/** HAProxy's own default, written out: only a failed connect is retried, never a request on a dead connection. */
export const HAPROXY_RETRY_ON = 'conn-failure';
import type { LbAddresses } from './addresses.js';

/** A frontend's own settings: an LB-side fix's client idle timeout (the defaults' otherwise, written there). */
function frontendSettingsOf(v: Variant): string {
  const clientIdleMs = lbFixOf(v.lbFix)?.clientIdleTimeoutMs;
  return clientIdleMs === undefined
    ? ''
    : `${lbFixComment(v, '  ')}  timeout http-keep-alive ${durationText(clientIdleMs)}\n`;
}

export function renderHaproxyConfig(
  lb: LbTimings,
  reuse: HaproxyReuse,
  addresses: LbAddresses,
  variants: readonly Variant[],
): string {
  const backend = (name: string, v: Variant, keepaliveConnections: number) => {
    const fix = lbFixOf(v.lbFix);
    return fillTemplate(readTemplate('haproxy', 'backend.cfg'), {
      backend: name,
      lbFixComment: lbFixComment(v, '  '),
      reuse: fix?.httpReuse ?? reuse,
      appAddress: addresses.appAddress(v),
      keepaliveConnections,
      keepaliveTimeout: durationText(lb.upstreamKeepaliveTimeoutMs),
      poolPurgeDelay: durationText(fix?.poolPurgeDelayMs ?? lb.upstreamKeepaliveTimeoutMs),
      retryOn: fix?.retryOn ?? HAPROXY_RETRY_ON,
    });
  };
  const proxies = variants.map((v) => {
    const main = `app_${v.name}`;
    // The long lane's pools (Variant.longPools): a backend each, chosen by the request's HEADERS.pool.
    const pools = Array.from({ length: v.longPools ?? 0 }, (_, i) => ({ n: i + 1, name: `${main}_pool${i + 1}` }));
    return fillTemplate(readTemplate('haproxy', 'proxy.cfg'), {
      variant: v.name,
      listen: addresses.listen(v),
      backend: main,
      requestIdHeader: HEADERS.requestId,
      socketIdHeader: HEADERS.socketId,
      frontendSettings: frontendSettingsOf(v),
      poolRules: pools.map((p) => `  use_backend ${p.name} if { req.hdr(${HEADERS.pool}) -m str ${p.n} }\n`).join(''),
      backends: [
        backend(main, v, lb.upstreamKeepaliveConnections),
        ...pools.map((p) => backend(p.name, v, lb.upstreamKeepaliveConnections)),
      ].join('\n'),
    });
  });
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
