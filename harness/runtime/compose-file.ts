// The Compose file of one run, rendered from its scenario: one app service per variant (variants on the same Node line
// share one image), and one service per LB (nginx, HAProxy, Caddy) in front of its own variants. JSON, which Compose
// reads as YAML; saved with the results, so `docker compose -f <run>/compose.json up` brings the same stack back.
import { join } from 'node:path';
import { lbsOf } from '../lb/drivers.js';
import {
  APP_CONTAINER_PORT,
  lbPortsOf,
  type AppUnderTest,
  type LbName,
  type NodeLine,
  type Scenario,
  type Variant,
} from '../scenarios/scenarios.js';
import type { BaseImages } from './base-images.js';
import { PROJECT_DIR } from './compose.js';
import { appClockEnv } from '../model/clock.js';
import { SLOT_SUFFIX } from '../scenarios/slot.js';

export const COMPOSE_FILE = 'compose.json';
/** An LB's Compose service is named after it: nginx, haproxy, caddy. */
export const lbService = (lb: LbName) => lb;
/** nginx's service, the talk-sized run's only LB. */
export const LB_SERVICE = lbService('nginx');

export const appImage = (line: NodeLine) => `keepalive-lab/app:node${line}`;

/** An LB is healthy when it answers /lb-health itself (the apps' health checks are in their image). */
function lbHealthcheck(test: string[]) {
  return { test, interval: '2s', timeout: '2s', retries: 10, start_period: '5s' };
}

function appService(v: Variant, images: BaseImages, builds: boolean) {
  return {
    // One service per line builds the image; the others run it (parallel builds
    // of one tag collide in Compose v2).
    ...(builds
      ? {
          build: {
            context: join(PROJECT_DIR, 'app'),
            args: { NODE_IMAGE: images.build, RUNTIME_NODE_IMAGE: images.nodeByLine[v.nodeLine] },
          },
        }
      : {}),
    image: appImage(v.nodeLine),
    restart: 'no',
    stop_grace_period: '5s',
    environment: {
      LAB_VARIANT: v.name,
      LAB_SERVER_MODE: v.serverMode,
      // Empty = Node's default.
      LAB_KEEP_ALIVE_TIMEOUT_MS: v.keepAliveTimeoutMs?.toString() ?? '',
      LAB_HEADERS_TIMEOUT_MS: v.headersTimeoutMs?.toString() ?? '',
      ...appClockEnv(),
    },
    // Loopback only: the lab is never reachable from the network.
    ports: [`127.0.0.1:${v.appPort}:${APP_CONTAINER_PORT}`],
  };
}

/** Where the connection-accounting preload is mounted, read-only, in a user's app container. */
export const PRELOAD_MOUNT_DIR = '/opt/keepalive-lab';
export const PRELOAD_FILE = 'connection-accounting.cjs';
/** The tag --app-build's image is built under; a slot of its own (scenarios/slot.ts) builds its own. */
export const BUILT_APP_IMAGE = `keepalive-lab/yours:build${SLOT_SUFFIX}`;

/**
 * NODE_OPTIONS for a user's app: theirs (from --app-env, else the image's own),
 * then the preload. A Node app loads it and prints its ready line; any other
 * app ignores the variable.
 */
export function nodeOptionsWithPreload(userNodeOptions: string | undefined): string {
  return [userNodeOptions?.trim(), `--require ${PRELOAD_MOUNT_DIR}/${PRELOAD_FILE}`].filter(Boolean).join(' ');
}

/**
 * The variable of the Compose process that carries one of a user's app's
 * variables: compose.json (saved with the results) names it, and Compose
 * substitutes its value when it runs, so no value is ever written to a file.
 */
export function appEnvRef(v: Pick<Variant, 'service'>, key: string): string {
  return `KEEPALIVE_LAB_${v.service.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}__${key}`;
}

/** The variables a user's app gets: its own (--app-env), then NODE_OPTIONS with the preload. */
export function appEnvValues(app: AppUnderTest, imageNodeOptions: string | undefined): Record<string, string> {
  // --no-preload: the app's environment as given, its image's NODE_OPTIONS untouched.
  if (!app.preload) return { ...app.env };
  return { ...app.env, NODE_OPTIONS: nodeOptionsWithPreload(app.env.NODE_OPTIONS ?? imageNodeOptions) };
}

/**
 * A user's app as they ship it: their image (or their Dockerfile built), their
 * environment, no privileges, its port on loopback only. Its readiness is the
 * lab's to check (--health from the host): the image may have no health check.
 */
function appUnderTestService(v: Variant, app: AppUnderTest, builds: boolean) {
  const keys = Object.keys(appEnvValues(app, undefined));
  return {
    ...(app.buildDir !== null && builds ? { build: { context: app.buildDir } } : {}),
    image: app.image,
    restart: 'no',
    stop_grace_period: '5s',
    cap_drop: ['ALL'],
    security_opt: ['no-new-privileges:true'],
    environment: {
      // '$' would start a substitution: the reference is all that is written.
      ...Object.fromEntries(keys.map((key) => [key, `\${${appEnvRef(v, key)}}`])),
      LAB_VARIANT: v.name,
      ...appClockEnv(),
    },
    volumes: app.preload ? [`${join(PROJECT_DIR, 'app', 'lab')}:${PRELOAD_MOUNT_DIR}:ro`] : [],
    ports: [`127.0.0.1:${v.appPort}:${app.containerPort}`],
  };
}

/**
 * The Compose file as an object; configPath(lb) is the rendered configuration
 * of an LB on the host.
 */
export function renderComposeFile(scenario: Scenario, images: BaseImages, configPath: (lb: LbName) => string) {
  const services: Record<string, unknown> = {};
  const built = new Set<string>();
  for (const v of scenario.variants) {
    // One service builds each image; the others run it.
    const imageKey = v.app ? v.app.image : v.nodeLine;
    services[v.service] = v.app
      ? appUnderTestService(v, v.app, !built.has(imageKey))
      : appService(v, images, !built.has(imageKey));
    built.add(imageKey);
  }
  for (const { driver, variants } of lbsOf(scenario)) {
    services[lbService(driver.name)] = {
      build: { context: join(PROJECT_DIR, driver.buildDir), args: { [driver.baseImageArg]: images[driver.name] } },
      image: driver.image,
      restart: 'no',
      stop_grace_period: '5s',
      volumes: [`${configPath(driver.name)}:${driver.configInContainer}:ro`],
      // Each variant's port, and its LB-boundary pool's (the talk-sized run's fixed app).
      ports: variants.flatMap(lbPortsOf).map((port) => `127.0.0.1:${port}:${port}`),
      healthcheck: lbHealthcheck(driver.healthcheck(variants[0].lbPort)),
      // A user's image may have no health check: the lab checks its app from the host (DockerStack.ready).
      depends_on: Object.fromEntries(
        variants.map((v) => [v.service, { condition: v.app ? 'service_started' : 'service_healthy' }]),
      ),
    };
  }
  return { services };
}
