// The flags that put a user's own app behind the lab's LB (--app-image,
// --app-build and those around them), validated into AppOptions; a mistake is
// one line and exit 2, like every other flag.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { APP_METHODS, type AppMethod, type AppOptions } from '../scenarios/run-options.js';
import { LabError } from '../model/errors.js';
import { EXIT } from '../model/exit-codes.js';
import { APP_CLOCK_OFFSET_ENV } from '../model/protocol.js';
import type { FlagRange } from './flags.js';
import { APP_CONTAINER_PORT, DEFAULT_LB, LB, LB_NAMES, type LbName } from '../scenarios/scenarios.js';

/** A JVM or a big Node app can take a minute to serve; two leaves room. */
export const DEFAULT_APP_START_TIMEOUT_MS = 120_000;

/** What --lb-idle-timeout may be: AWS ALB's range (1–4000 s) covers the others users name (GCP's 600 s). */
export const LB_IDLE_TIMEOUT_RANGE = { min: 1_000, max: 4_000_000, unit: 'ms' } as const satisfies FlagRange;

/** What --app-start-timeout may be: a second to an hour. */
export const APP_START_TIMEOUT_RANGE = { min: 1_000, max: 3_600_000, unit: 'ms' } as const satisfies FlagRange;
/** --app-port: any TCP port. */
export const APP_PORT_RANGE = { min: 1, max: 65_535 } as const satisfies FlagRange;

/** The flags, as parseArgs returns them. */
export interface AppFlags {
  'app-image'?: string;
  'app-build'?: string;
  'app-port'?: string;
  health?: string;
  'app-env'?: string[];
  path?: string;
  method?: string;
  'compare-image'?: string;
  'compare-env'?: string[];
  lb?: string;
  'lb-idle-timeout'?: string;
  'app-start-timeout'?: string;
  'no-preload'?: boolean;
  matrix?: boolean;
  scenario?: string;
  only?: string;
  full?: boolean;
  methods?: string;
  runtime?: string;
  'server-mode'?: string;
  'retry-policy'?: string;
  'haproxy-reuse'?: string;
}

const usage = (message: string) =>
  new LabError(message, 'See npm run lab -- --help (Your own app) and docs/your-app.md.', EXIT.badInput);

/** The flags that only mean something with your app. */
const APP_ONLY_FLAGS = [
  'app-port',
  'health',
  'app-env',
  'path',
  'method',
  'compare-image',
  'compare-env',
  'lb',
  'lb-idle-timeout',
  'app-start-timeout',
  'no-preload',
] as const;
/** The sample run's and the matrix's flags, which say nothing about your app. */
const SAMPLE_ONLY_FLAGS = ['matrix', 'scenario', 'only', 'full', 'methods', 'server-mode'] as const;

/** '60s', '350s', '10m', '1500ms' or a bare number of seconds, in ms. */
export function parseDurationMs(name: string, raw: string, { min, max }: FlagRange = LB_IDLE_TIMEOUT_RANGE): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(raw.trim());
  if (!match) throw usage(`--${name} must be a duration such as 60s, 10m or 1500ms, got '${raw}'.`);
  const unitMs: Record<string, number> = { ms: 1, s: 1_000, m: 60_000 };
  const ms = Number(match[1]) * unitMs[match[2] ?? 's'];
  if (!Number.isInteger(ms)) throw usage(`--${name} must be a whole number of milliseconds, got '${raw}'.`);
  if (ms < min || ms > max)
    throw usage(`--${name} must be between ${min / 1000} s and ${max / 1000} s, got ${ms / 1000} s.`);
  return ms;
}

/** What the lab sets in your app's environment itself (NODE_OPTIONS is merged: yours, then the preload). */
const LAB_SET_ENV = ['LAB_VARIANT', APP_CLOCK_OFFSET_ENV];

/** KEY=VALUE pairs; the lab's own variables are not the user's to set. */
export function parseEnv(name: string, pairs: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    if (eq < 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
      throw usage(`--${name} takes KEY=VALUE (a variable name, then =), got '${pair}'.`);
    if (LAB_SET_ENV.includes(key)) throw usage(`--${name} ${key}: the lab sets ${key} itself.`);
    env[key] = pair.slice(eq + 1);
  }
  return env;
}

function path(name: string, raw: string | undefined, fallback: string): string {
  if (raw === undefined) return fallback;
  if (!raw.startsWith('/') || /\s/.test(raw))
    throw usage(`--${name} must be a path starting with /, without spaces, got '${raw}'.`);
  return raw;
}

function port(raw: string | undefined): number {
  if (raw === undefined) return APP_CONTAINER_PORT;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  const { min, max } = APP_PORT_RANGE;
  if (!(value >= min && value <= max))
    throw usage(`--app-port must be between ${min} and ${max} (a TCP port), got '${raw}'.`);
  return value;
}

/** An image reference as Docker reads it: no spaces, no scheme. */
function imageRef(name: string, raw: string): string {
  const ref = raw.trim();
  if (ref === '' || /\s|:\/\//.test(ref))
    throw usage(
      `--${name} must be an image reference such as my-app:1.4 or registry.example/app@sha256:…, got '${raw}'.`,
    );
  return ref;
}

function buildDir(raw: string): string {
  const dir = resolve(raw);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw usage(`--app-build ${raw}: no such directory.`);
  if (!existsSync(join(dir, 'Dockerfile'))) throw usage(`--app-build ${raw}: the directory has no Dockerfile.`);
  return dir;
}

/** Your app's options, or null when the run is the sample app's; every conflict is one line. */
export function parseAppOptions(v: AppFlags): AppOptions | null {
  const given = v['app-image'] !== undefined || v['app-build'] !== undefined;
  if (!given) {
    const stray = APP_ONLY_FLAGS.find((f) => v[f] !== undefined);
    if (stray) throw usage(`--${stray} applies to your own app: add --app-image <image> or --app-build <dir>.`);
    return null;
  }
  if (v['app-image'] !== undefined && v['app-build'] !== undefined)
    throw usage('--app-image and --app-build exclude each other: name an image, or a directory to build one from.');
  const sampleFlag = SAMPLE_ONLY_FLAGS.find((f) => v[f] !== undefined);
  if (sampleFlag)
    throw usage(`--${sampleFlag} sets the sample app's runs; with your app, use --method, --path and --lb.`);
  if (v.runtime === 'local')
    throw usage('Your app runs as a container: --runtime local cannot run it (use docker, or leave --runtime out).');
  const lb = (v.lb ?? DEFAULT_LB) as LbName;
  if (!(LB_NAMES as readonly string[]).includes(lb))
    throw usage(`--lb must be one of ${LB_NAMES.join(', ')}, got '${v.lb}'.`);
  if (v['retry-policy'] !== undefined && lb !== 'nginx')
    throw usage(`--retry-policy is nginx's, and your app is behind ${lb}.`);
  if (v['haproxy-reuse'] !== undefined && lb !== 'haproxy')
    throw usage(`--haproxy-reuse is HAProxy's, and your app is behind ${lb}.`);
  const method = (v.method ?? 'GET').toUpperCase();
  if (!(APP_METHODS as readonly string[]).includes(method))
    throw usage(`--method must be one of ${APP_METHODS.join(', ')}, got '${v.method}'.`);
  const env = parseEnv('app-env', v['app-env'] ?? []);
  const compareEnv = parseEnv('compare-env', v['compare-env'] ?? []);
  const hasCompare = v['compare-image'] !== undefined || v['compare-env'] !== undefined;
  return {
    image: v['app-image'] === undefined ? null : imageRef('app-image', v['app-image']),
    buildDir: v['app-build'] === undefined ? null : buildDir(v['app-build']),
    port: port(v['app-port']),
    healthPath: path('health', v.health, '/'),
    env,
    path: path('path', v.path, '/'),
    method: method as AppMethod,
    compare: hasCompare
      ? {
          image: v['compare-image'] === undefined ? null : imageRef('compare-image', v['compare-image']),
          env: { ...env, ...compareEnv },
        }
      : null,
    lb,
    lbIdleTimeoutMs:
      v['lb-idle-timeout'] === undefined
        ? LB.upstreamKeepaliveTimeoutMs
        : parseDurationMs('lb-idle-timeout', v['lb-idle-timeout'], LB_IDLE_TIMEOUT_RANGE),
    startTimeoutMs:
      v['app-start-timeout'] === undefined
        ? DEFAULT_APP_START_TIMEOUT_MS
        : parseDurationMs('app-start-timeout', v['app-start-timeout'], APP_START_TIMEOUT_RANGE),
    preload: v['no-preload'] !== true,
  };
}
