// The Compose file of one run, rendered from its scenario: one app service per
// variant (variants on the same Node line share one image), nginx in front of
// them all. JSON, which Compose reads as YAML; saved with the results, so
// `docker compose -f <run>/compose.json up` brings the same stack back.
import { join } from 'node:path';
import { APP_CONTAINER_PORT, type NodeLine, type Scenario, type Variant } from '../scenarios.js';
import type { BaseImages } from './base-images.js';
import { PROJECT_DIR } from './compose.js';

export const COMPOSE_FILE = 'compose.json';
export const LB_SERVICE = 'nginx';
/** The LB's image; the app's is per Node line (appImage). */
export const LB_IMAGE = 'keepalive-lab/nginx:local';
const LB_CONFIG_IN_CONTAINER = '/etc/nginx/nginx.conf';

export const appImage = (line: NodeLine) => `keepalive-lab/app:node${line}`;

/** The LB is healthy when it answers /lb-health itself (the apps' health checks are in their image). */
function lbHealthcheck(port: number) {
  return {
    test: ['CMD', 'curl', '-fsS', '-o', '/dev/null', `http://127.0.0.1:${port}/lb-health`],
    interval: '2s',
    timeout: '2s',
    retries: 10,
    start_period: '5s',
  };
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
    },
    // Loopback only: the lab is never reachable from the network.
    ports: [`127.0.0.1:${v.appPort}:${APP_CONTAINER_PORT}`],
  };
}

/** The Compose file as an object; nginxConfPath is the rendered LB config on the host. */
export function renderComposeFile(scenario: Scenario, images: BaseImages, nginxConfPath: string) {
  const services: Record<string, unknown> = {};
  const built = new Set<NodeLine>();
  for (const v of scenario.variants) {
    services[v.service] = appService(v, images, !built.has(v.nodeLine));
    built.add(v.nodeLine);
  }
  services[LB_SERVICE] = {
    build: { context: join(PROJECT_DIR, 'nginx'), args: { NGINX_IMAGE: images.nginx } },
    image: LB_IMAGE,
    restart: 'no',
    stop_grace_period: '5s',
    volumes: [`${nginxConfPath}:${LB_CONFIG_IN_CONTAINER}:ro`],
    ports: scenario.variants.map((v) => `127.0.0.1:${v.lbPort}:${v.lbPort}`),
    healthcheck: lbHealthcheck(scenario.variants[0].lbPort),
    depends_on: Object.fromEntries(scenario.variants.map((v) => [v.service, { condition: 'service_healthy' }])),
  };
  return { services };
}
