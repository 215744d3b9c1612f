'use strict';
// The app's whole configuration surface, read from the environment so that one
// image serves every variant. Unset or empty timeouts mean "Node's default".
// The same names as harness/scenarios/scenarios.ts SERVER_MODES (test/unit/scenarios.test.ts).
const SERVER_MODES = ['standalone', 'next-start', 'custom'];

function readMs(env, name) {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a whole number of milliseconds, got '${raw}'`);
  return Number(raw);
}

function readServerSettings(env = process.env) {
  const serverMode = env.LAB_SERVER_MODE || 'standalone';
  if (!SERVER_MODES.includes(serverMode)) {
    throw new Error(`LAB_SERVER_MODE must be one of ${SERVER_MODES.join(', ')}, got '${serverMode}'`);
  }
  return {
    serverMode,
    variant: env.LAB_VARIANT || null,
    port: Number(env.PORT || 3000),
    hostname: env.HOSTNAME || '0.0.0.0',
    keepAliveTimeoutMs: readMs(env, 'LAB_KEEP_ALIVE_TIMEOUT_MS'),
    headersTimeoutMs: readMs(env, 'LAB_HEADERS_TIMEOUT_MS'),
  };
}

module.exports = { readServerSettings, SERVER_MODES };
