// The LAB_* variables the committed docker-compose.yml (the stack for users)
// reads, derived from the scenarios: test/unit/scenarios.test.ts holds its
// defaults to them. The harness runs its own rendered file (compose-file.ts).
import { generatedConfigPath } from '../lb/nginx-config.js';
import { BASE_IMAGES, defaultScenario, type Scenario } from '../scenarios/scenarios.js';

const optionalMs = (ms: number | undefined) => (ms === undefined ? '' : String(ms));

/** nginxConf: path of the rendered config to mount; the committed one for the policy by default. */
export function composeVariables(scenario: Scenario = defaultScenario(), nginxConf?: string): Record<string, string> {
  const env: Record<string, string> = {
    LAB_SERVER_MODE: scenario.variants[0].serverMode,
    LAB_NGINX_CONF: nginxConf ?? `./${generatedConfigPath(scenario.retryPolicy)}`,
  };
  for (const v of scenario.variants) {
    const key = v.name.toUpperCase();
    env[`LAB_LB_${key}_PORT`] = String(v.lbPort);
    if (v.lbBoundaryPort !== undefined) env[`LAB_LB_${key}_BOUNDARY_PORT`] = String(v.lbBoundaryPort);
    env[`LAB_APP_${key}_PORT`] = String(v.appPort);
    env[`LAB_${key}_KEEP_ALIVE_TIMEOUT_MS`] = optionalMs(v.keepAliveTimeoutMs);
    env[`LAB_${key}_HEADERS_TIMEOUT_MS`] = optionalMs(v.headersTimeoutMs);
  }
  return env;
}

/** Image defaults; not passed by the harness, so .env can swap them on air-gapped machines. */
export function composeImageDefaults(): Record<string, string> {
  return { LAB_NODE_IMAGE: BASE_IMAGES.node, LAB_NGINX_IMAGE: BASE_IMAGES.nginx };
}
