// Everything the lab knows about each LB, in one record per LB: how its
// configuration is rendered, run, validated, stopped and versioned, how its
// logs read, and how it reacts when a reused upstream connection dies under a
// request. Stacks, analysis and the traffic engine ask the driver rather than
// name an LB; the exceptions are nginx's own: its error-log counts by kind
// the summary keeps, and the log files it writes on the local runtime.
import { caddyRaceLogLines, countCaddyErrors, parseCaddyAccessLog } from './caddy-log.js';
import type { AccessLogEntry } from './access-log.js';
import { countHaproxyAlerts, parseHaproxyAccessLog } from './haproxy-log.js';
import { countErrorLines, parseAccessLog as parseNginxAccessLog, raceLogLines } from './nginx-log.js';
import type { RaceLogLine } from './race-lines.js';
import { isIdempotent, retryHides, type LbName, type Scenario, type Variant } from '../scenarios/scenarios.js';
import { DOCKER_ADDRESSES, LOCAL_ADDRESSES } from './addresses.js';
import { lbFixOf } from '../scenarios/lb-fixes.js';
import { parseCaddyVersion, renderCaddyConfig } from './caddy-config.js';
import { parseHaproxyVersion, renderHaproxyConfig } from './haproxy-config.js';
import { DOCKER_LAYOUT, lbSettings, localLayout, parseNginxVersion, renderNginxConfig } from './nginx-config.js';

/** Where a configuration is for: a container, or a local process writing into workDir. */
export type LbTarget = { runtime: 'docker' } | { runtime: 'local'; workDir: string };

export interface LbDriver {
  name: LbName;
  /** The file a run directory keeps its configuration in (Docker mounts it from there). */
  configFile: string;
  render(scenario: Scenario, variants: readonly Variant[], target: LbTarget): string;

  /** Local runtime: the binary's names to try, in order, and how to run, check and stop it. */
  binaries: readonly string[];
  installHint: string;
  runArgs(configPath: string, workDir: string): string[];
  /** Checks a configuration without serving it (nginx -t, haproxy -c, caddy validate). */
  validateArgs(configPath: string, workDir: string): string[];
  /** Environment of the local process beyond the lab's own (Caddy keeps its state under HOME). */
  env(workDir: string): Record<string, string>;
  /** The signal of a graceful stop, which closes idle upstream connections. */
  stopSignal: NodeJS.Signals;
  versionArgs: readonly string[];
  parseVersion(output: string): string;

  /**
   * Docker: the directory of its Dockerfile, the build argument naming its base image, the image built, where the
   * config is mounted.
   */
  buildDir: string;
  baseImageArg: string;
  image: string;
  configInContainer: string;
  /**
   * The container's health check: the LB answering /lb-health itself on one of its ports, with what both its official
   * and air-gapped images have.
   */
  healthcheck(port: number): string[];

  /** Its access log (stdout in Docker) as one entry per request it answered. */
  parseAccessLog(stdout: string, variants: readonly Variant[]): AccessLogEntry[];
  /** Its error lines (stderr) worth a look; none is expected in a clean run. */
  countErrors(stderr: string): number;
  /**
   * The error-log lines that say the app closed or reset an upstream connection under a request (the evidence of who
   * closed, for an app measured from the client side); null for an LB that writes none (HAProxy).
   */
  raceLogLines(stderr: string): RaceLogLine[] | null;
  /**
   * Whether it retries a request of this method on a new connection when a reused one dies under it: the race masked.
   * The variant's LB-side fix (Variant.lbFix) may make it retry where the lab's settings do not.
   */
  retries(scenario: Scenario, method: string, variant?: Pick<Variant, 'lbFix'>): boolean;
  /** The setting of this LB a run varies, as cells report it ('alb', 'http-reuse safe'). */
  policy(scenario: Scenario): string;
  /**
   * Whether a retry its access log shows in front of this variant can be the race's (nginx retries a failed reused
   * connection; HAProxy's retry-on conn-failure retries only failed connects, its retry-on empty-response the race).
   */
  loggedRetriesAreRace(variant: Pick<Variant, 'lbFix'>): boolean;
  /**
   * Whether the LB closes each idle upstream connection after its idle timeout
   * (nginx, Caddy), so an app that outlives that timeout outlives every idle
   * connection. HAProxy 2.6 has no such timeout: it purges idle server
   * connections every pool-purge-delay, a part at a time, with a reset
   * (measured: 8 idle connections with pool-purge-delay 12 s were reset at
   * 36, 48 and 60 s). Its apps are aimed at their own close, and a fix that
   * outlives the setting is a finding, not a pass.
   */
  idleTimeoutBoundsConnections: boolean;
  /** How it retries a request of this method without logging it (the masking shows nowhere); null when it does not. */
  silentRetry(scenario: Scenario, method: string, variant?: Pick<Variant, 'lbFix'>): string | null;
  /**
   * Whether the first request of a client connection can get an idle upstream connection (HAProxy's http-reuse safe:
   * no).
   */
  firstRequestReusesIdle(scenario: Scenario): boolean;
}

/** `curl` is in the nginx images (official and air-gapped). */
const curlHealth = (port: number) => ['CMD', 'curl', '-fsS', '-o', '/dev/null', `http://127.0.0.1:${port}/lb-health`];

export const LB_DRIVERS: Record<LbName, LbDriver> = {
  nginx: {
    name: 'nginx',
    configFile: 'nginx.conf',
    render: (scenario, variants, target) =>
      renderNginxConfig(
        lbSettings(scenario.retryPolicy, scenario.lb),
        target.runtime === 'docker' ? DOCKER_LAYOUT : localLayout(target.workDir),
        variants,
      ),
    binaries: ['nginx', '/usr/sbin/nginx'],
    installHint: 'apt-get install nginx-light',
    runArgs: (config, workDir) => [
      '-p',
      workDir,
      '-e',
      `${workDir}/nginx-startup.log`,
      '-c',
      config,
      '-g',
      'daemon off;',
    ],
    validateArgs: (config, workDir) => ['-t', '-q', '-p', workDir, '-e', `${workDir}/nginx-startup.log`, '-c', config],
    env: () => ({}),
    // nginx's graceful shutdown closes idle upstream connections.
    stopSignal: 'SIGQUIT',
    versionArgs: ['-v'],
    parseVersion: parseNginxVersion,
    buildDir: 'nginx',
    baseImageArg: 'NGINX_IMAGE',
    image: 'keepalive-lab/nginx:local',
    configInContainer: '/etc/nginx/nginx.conf',
    healthcheck: curlHealth,
    parseAccessLog: (stdout) => parseNginxAccessLog(stdout),
    countErrors: countErrorLines,
    raceLogLines,
    retries: (scenario, method, v) =>
      lbFixOf(v?.lbFix)?.proxyNextUpstream?.includes('non_idempotent') === true ||
      retryHides(scenario.retryPolicy, method),
    // nginx logs every upstream attempt ($upstream_status "502, 200").
    silentRetry: () => null,
    policy: (scenario) => scenario.retryPolicy,
    loggedRetriesAreRace: () => true,
    idleTimeoutBoundsConnections: true,
    firstRequestReusesIdle: () => true,
  },
  haproxy: {
    name: 'haproxy',
    configFile: 'haproxy.cfg',
    render: (scenario, variants, target) =>
      renderHaproxyConfig(
        scenario.lb,
        scenario.haproxyReuse,
        target.runtime === 'docker' ? DOCKER_ADDRESSES : LOCAL_ADDRESSES,
        variants,
      ),
    binaries: ['haproxy', '/usr/sbin/haproxy'],
    installHint: 'apt-get install haproxy',
    // -db: foreground, no daemon; its log goes to stdout (the config says so).
    runArgs: (config) => ['-db', '-f', config],
    validateArgs: (config) => ['-c', '-q', '-f', config],
    env: () => ({}),
    // Soft stop: finish the sessions, close the idle server connections.
    stopSignal: 'SIGUSR1',
    versionArgs: ['-v'],
    parseVersion: parseHaproxyVersion,
    buildDir: 'haproxy',
    baseImageArg: 'HAPROXY_IMAGE',
    image: 'keepalive-lab/haproxy:local',
    configInContainer: '/usr/local/etc/haproxy/haproxy.cfg',
    // The official image has bash but no curl; no `$` in it, which Compose would try to fill in.
    healthcheck: (port) => [
      'CMD',
      'bash',
      '-c',
      `exec 3<>/dev/tcp/127.0.0.1/${port} && printf 'GET /lb-health HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '`,
    ],
    parseAccessLog: (stdout) => parseHaproxyAccessLog(stdout),
    countErrors: countHaproxyAlerts,
    // It closes the client connection with no response and writes no line (docs/load-balancers.md).
    raceLogLines: () => null,
    // retry-on conn-failure: a reused connection that dies under a request is not retried, whatever the method; the
    // retry-on empty-response fix retries it (%rc in its log).
    retries: (_scenario, _method, v) => lbFixOf(v?.lbFix)?.retryOn?.includes('empty-response') === true,
    silentRetry: () => null,
    policy: (scenario) => `http-reuse ${scenario.haproxyReuse}`,
    loggedRetriesAreRace: (v) => lbFixOf(v.lbFix)?.retryOn?.includes('empty-response') === true,
    idleTimeoutBoundsConnections: false,
    firstRequestReusesIdle: (scenario) => scenario.haproxyReuse === 'always',
  },
  caddy: {
    name: 'caddy',
    configFile: 'Caddyfile',
    render: (scenario, variants, target) =>
      renderCaddyConfig(scenario.lb, target.runtime === 'docker' ? DOCKER_ADDRESSES : LOCAL_ADDRESSES, variants),
    binaries: ['caddy', '/usr/bin/caddy'],
    installHint: 'apt-get install caddy',
    runArgs: (config) => ['run', '--config', config, '--adapter', 'caddyfile'],
    validateArgs: (config) => ['validate', '--config', config, '--adapter', 'caddyfile'],
    // Caddy keeps state (certificates, autosaved config) under these; a run's own directory holds them.
    env: (workDir) => ({
      HOME: workDir,
      XDG_DATA_HOME: `${workDir}/caddy-data`,
      XDG_CONFIG_HOME: `${workDir}/caddy-config`,
    }),
    // SIGTERM: Caddy's graceful stop.
    stopSignal: 'SIGTERM',
    versionArgs: ['version'],
    parseVersion: parseCaddyVersion,
    buildDir: 'caddy',
    baseImageArg: 'CADDY_IMAGE',
    image: 'keepalive-lab/caddy:local',
    configInContainer: '/etc/caddy/Caddyfile',
    // busybox wget in the official (Alpine) image, Debian's in the air-gapped one.
    healthcheck: (port) => ['CMD', 'wget', '-q', '-O', '/dev/null', '-T', '2', `http://127.0.0.1:${port}/lb-health`],
    parseAccessLog: parseCaddyAccessLog,
    countErrors: countCaddyErrors,
    raceLogLines: caddyRaceLogLines,
    // Go's transport replays an idempotent request on a new connection when a reused one was closed under it.
    retries: (_scenario, method) => isIdempotent(method),
    silentRetry: (_scenario, method) =>
      isIdempotent(method)
        ? `Go's transport under Caddy replays a ${method} on a new connection when a reused one dies, and nothing logs it`
        : null,
    policy: () => 'default',
    loggedRetriesAreRace: () => true,
    idleTimeoutBoundsConnections: true,
    firstRequestReusesIdle: () => true,
  },
};

/** The LBs a scenario puts in front of its apps, in LB_NAMES order, each with its variants. */
export function lbsOf(scenario: Scenario): Array<{ driver: LbDriver; variants: Variant[] }> {
  return (Object.keys(LB_DRIVERS) as LbName[])
    .map((lb) => ({ driver: LB_DRIVERS[lb], variants: scenario.variants.filter((v) => v.lb === lb) }))
    .filter((l) => l.variants.length > 0);
}

/** Whether the LB in front of a variant hides the race from a request of this method (it retries it). */
export function lbRetries(scenario: Scenario, variant: Variant, method: string): boolean {
  return LB_DRIVERS[variant.lb].retries(scenario, method, variant);
}
