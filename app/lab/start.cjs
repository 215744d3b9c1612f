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

if (settings.serverMode === 'custom') {
  require('./custom-server.cjs')
    .startCustomServer({ ...settings, dir: appDir })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
} else {
  // Next's standalone server.js reads KEEP_ALIVE_TIMEOUT (ms) and nothing for
  // headersTimeout. So that the fixed variant is the article's whole fix in this
  // mode too, the headers timeout is set on Node's server object from outside, at
  // its first connection (Node reads it on each periodic connection check).
  if (settings.keepAliveTimeoutMs !== undefined) {
    process.env.KEEP_ALIVE_TIMEOUT = String(settings.keepAliveTimeoutMs);
  }
  if (settings.headersTimeoutMs !== undefined) {
    const applyHeadersTimeout = ({ socket }) => {
      if (socket.server) socket.server.headersTimeout = settings.headersTimeoutMs;
    };
    dc.subscribe('net.server.socket', applyHeadersTimeout);
  }
  require(path.join(appDir, 'server.js'));
}
