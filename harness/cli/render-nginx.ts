// `npm run render-nginx`: rewrites nginx/generated/*.conf, the configs that
// docker-compose.yml mounts, after a change to the templates or scenarios.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DOCKER_LAYOUT, generatedConfigPath, lbSettings, renderNginxConfig } from '../lb/nginx-config.js';
import { RETRY_POLICIES, type RetryPolicy } from '../scenarios/scenarios.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
for (const policy of Object.keys(RETRY_POLICIES) as RetryPolicy[]) {
  const path = generatedConfigPath(policy);
  writeFileSync(root + path, renderNginxConfig(lbSettings(policy), DOCKER_LAYOUT));
  console.log(`wrote ${path}`);
}
