'use strict';
// Entry point of the app in every variant: picks the server mode and applies
// the variant's timeouts. Expects to sit in lab/ beside Next's standalone
// server.js (that is how the image and the local runtime lay it out).
const path = require('node:path');
const dc = require('node:diagnostics_channel');
const { readServerSettings } = require('./server-settings.cjs');

let settings;
try {
  settings = readServerSettings();
} catch (err) {
  console.error(`keepalive-lab app: ${err.message}`);
  process.exit(2);
}

const appDir = path.join(__dirname, '..');

// As PID 1 in a container Node gets no default signal handling, and `docker stop`
// would wait out its grace period; the lab tears stacks down often.
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => process.exit(0));

/**
 * Next's standalone server.js and `next start` take keepAliveTimeout and nothing
 * for headersTimeout. So that a fix is the whole fix in those modes too, the
 * headers timeout is set on Node's server object from outside, at its first
 * connection (Node reads it on each periodic connection check).
 */
function applyHeadersTimeoutFromOutside(headersTimeoutMs) {
  if (headersTimeoutMs === undefined) return;
  dc.subscribe('net.server.socket', ({ socket }) => {
    if (socket.server) socket.server.headersTimeout = headersTimeoutMs;
  });
}

if (settings.serverMode === 'custom') {
  require('./custom-server.cjs')
    .startCustomServer({ ...settings, dir: appDir })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
} else if (settings.serverMode === 'next-start') {
  // `next start`, the way most users run Next in production: the full build and
  // node_modules (not the standalone trace), in a directory of their own. Next's
  // CLI runs in this process, so the accounting preload sees its server.
  const nextStartDir = process.env.LAB_NEXT_START_DIR || path.join(appDir, 'next-start');
  applyHeadersTimeoutFromOutside(settings.headersTimeoutMs);
  const timeoutArgs =
    settings.keepAliveTimeoutMs === undefined ? [] : ['--keepAliveTimeout', String(settings.keepAliveTimeoutMs)];
  const nextBin = path.join(nextStartDir, 'node_modules', 'next', 'dist', 'bin', 'next');
  process.chdir(nextStartDir);
  process.argv = [
    process.argv[0],
    nextBin,
    'start',
    nextStartDir,
    '--port',
    String(settings.port),
    '--hostname',
    settings.hostname,
    ...timeoutArgs,
  ];
  require(nextBin);
} else {
  // Next's standalone server.js reads KEEP_ALIVE_TIMEOUT (ms).
  if (settings.keepAliveTimeoutMs !== undefined) {
    process.env.KEEP_ALIVE_TIMEOUT = String(settings.keepAliveTimeoutMs);
  }
  applyHeadersTimeoutFromOutside(settings.headersTimeoutMs);
  require(path.join(appDir, 'server.js'));
}
