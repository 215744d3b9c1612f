// `npm run render-nginx`: rewrites nginx/generated/*.conf, the configs that
// docker-compose.yml mounts, after a change to the templates or scenarios.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DOCKER_LAYOUT, generatedConfigPath, lbSettings, renderNginxConfig } from '../lb/nginx-config.js';
import { RETRY_POLICIES, type RetryPolicy } from '../scenarios/scenarios.js';
import { LAB_SLOT, SLOT_ENV } from '../scenarios/slot.js';
import { EXIT } from '../model/exit-codes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// The committed files are slot 0's (the ports docker-compose.yml publishes): another slot's would be wrong for users.
if (LAB_SLOT.slot !== 0) {
  console.error(`render-nginx: ${SLOT_ENV} is ${LAB_SLOT.slot}; the committed configs are slot 0's. Unset it.`);
  process.exit(EXIT.badInput);
}
for (const policy of Object.keys(RETRY_POLICIES) as RetryPolicy[]) {
  const path = generatedConfigPath(policy);
  writeFileSync(root + path, renderNginxConfig(lbSettings(policy), DOCKER_LAYOUT));
  console.log(`wrote ${path}`);
}
