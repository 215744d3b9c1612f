// Caddy's side: its JSON access log (stdout), one object per request, and its
// JSON error log (stderr), where reverse_proxy reports an upstream request that
// failed. Caddy's access log does not name the site, so the variant comes from
// the port of the Host header (the lab always sends 127.0.0.1:<LB port>).
// Go's transport retries an idempotent request on a fresh connection without
// telling Caddy: such a retry appears nowhere in Caddy's logs.
import { HEADERS } from '../model/protocol.js';
import type { Variant } from '../scenarios/scenarios.js';
import type { AccessLogEntry } from './access-log.js';
import { readJsonLines } from '../model/json-lines.js';
import type { RaceLogLine } from './race-lines.js';

interface CaddyAccessLine {
  ts: number;
  logger: string;
  msg: string;
  status: number;
  request: { method: string; host: string; uri: string; headers?: Record<string, string[]> };
  resp_headers?: Record<string, string[]>;
}

function isAccessLine(object: object): object is CaddyAccessLine {
  const o = object as Record<string, unknown>;
  return (
    typeof o.logger === 'string' &&
    o.logger.startsWith('http.log.access') &&
    typeof o.status === 'number' &&
    typeof o.request === 'object'
  );
}

/** Go canonicalizes header names (X-Lab-Request-Id); the protocol spells them in lower case. */
function header(headers: Record<string, string[]> | undefined, name: string): string {
  if (headers === undefined) return '';
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key ? (headers[key][0] ?? '') : '';
}

export function parseCaddyAccessLog(text: string, variants: readonly Variant[]): AccessLogEntry[] {
  const byPort = new Map(variants.map((v) => [v.lbPort, v.name]));
  return readJsonLines(text)
    .filter(isAccessLine)
    .flatMap((l) => {
      const variant = byPort.get(Number(/:(\d+)$/.exec(l.request.host)?.[1]));
      if (variant === undefined || l.request.uri === '/lb-health') return [];
      return [
        {
          lb: 'caddy' as const,
          time_s: l.ts,
          variant,
          request_method: l.request.method,
          status: l.status,
          request_id: header(l.request.headers, HEADERS.requestId),
          upstream_socket_id: header(l.resp_headers, HEADERS.socketId),
          retries: 0,
        },
      ];
    });
}

/** Caddy's error-level lines (stderr), e.g. reverse_proxy's "EOF" when an upstream connection died under a request. */
export function countCaddyErrors(stderr: string): number {
  return readJsonLines(stderr).filter((o) => (o as { level?: string }).level === 'error').length;
}

/**
 * What reverse_proxy says when the upstream connection under a request was closed or reset by the app: Go's
 * transport's EOF ("unexpected EOF" too), a reset, a write to a closed connection, or its own word for an idle
 * connection the server closed under a request it will not replay.
 */
const CADDY_RACE_ERRORS = /\bEOF\b|connection reset by peer|broken pipe|server closed idle connection/i;

/**
 * Error lines of the race: a 502 that reverse_proxy logged (logger http.log.error…) with one of those words,
 * attributed by the port of its Host header and its method, as nginx's are (nginx-log.ts raceLogLines).
 */
export function caddyRaceLogLines(stderr: string): RaceLogLine[] {
  return readJsonLines(stderr).flatMap((o) => {
    const line = o as {
      level?: string;
      logger?: string;
      msg?: string;
      status?: number;
      request?: { method?: string; host?: string; headers?: Record<string, string[]> };
    };
    const race =
      line.level === 'error' &&
      line.logger?.startsWith('http.log.error') === true &&
      line.status === 502 &&
      typeof line.msg === 'string' &&
      CADDY_RACE_ERRORS.test(line.msg);
    if (!race) return [];
    const port = /:(\d+)$/.exec(line.request?.host ?? '')?.[1];
    const requestId = header(line.request?.headers, HEADERS.requestId);
    return [
      {
        lbPort: port === undefined ? null : Number(port),
        method: line.request?.method ?? null,
        requestId: requestId === '' ? null : requestId,
      },
    ];
  });
}
