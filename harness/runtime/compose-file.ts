// The Compose file of one run, rendered from its scenario: one app service per
// variant (variants on the same Node line share one image), and one service
// per LB (nginx, HAProxy, Caddy) in front of its own variants. JSON, which Compose reads as YAML; saved with the results, so
// `docker compose -f <run>/compose.json up` brings the same stack back.
import { join } from 'node:path';
import { lbsOf } from '../lb/drivers.js';
import { APP_CONTAINER_PORT, type LbName, type NodeLine, type Scenario, type Variant } from '../scenarios.js';
import type { BaseImages } from './base-images.js';
import { PROJECT_DIR } from './compose.js';
import { appClockEnv } from '../clock.js';

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
      ? { build: { context: join(PROJECT_DIR, 'app'), args: { NODE_IMAGE: images.build, RUNTIME_NODE_IMAGE: images.nodeByLine[v.nodeLine] } } }
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

/** The Compose file as an object; configPath(lb) is the rendered configuration of an LB on the host. */
export function renderComposeFile(scenario: Scenario, images: BaseImages, configPath: (lb: LbName) => string) {
  const services: Record<string, unknown> = {};
  const built = new Set<NodeLine>();
  for (const v of scenario.variants) {
    services[v.service] = appService(v, images, !built.has(v.nodeLine));
    built.add(v.nodeLine);
  }
  for (const { driver, variants } of lbsOf(scenario)) {
    services[lbService(driver.name)] = {
      build: { context: join(PROJECT_DIR, driver.buildDir), args: { [driver.baseImageArg]: images[driver.name] } },
      image: driver.image,
      restart: 'no',
      stop_grace_period: '5s',
      volumes: [`${configPath(driver.name)}:${driver.configInContainer}:ro`],
      ports: variants.map((v) => `127.0.0.1:${v.lbPort}:${v.lbPort}`),
      healthcheck: lbHealthcheck(driver.healthcheck(variants[0].lbPort)),
      depends_on: Object.fromEntries(variants.map((v) => [v.service, { condition: 'service_healthy' }])),
    };
  }
  return { services };
}
