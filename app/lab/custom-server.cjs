'use strict';
// The article's custom server: Node's http.createServer in front of Next's
// request handler, with the keep-alive and headers timeouts set on the server.
const http = require('node:http');
const path = require('node:path');

async function startCustomServer({ dir, port, hostname, keepAliveTimeoutMs, headersTimeoutMs }) {
  process.env.NODE_ENV = 'production';
  process.chdir(dir);
  // Standalone output has no next.config; Next's own server.js passes the build's
  // config the same way.
  const { config } = require(path.join(dir, '.next', 'required-server-files.json'));
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);

  const next = require('next');
  const app = next({ dev: false, dir, hostname, port, conf: config });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = http.createServer((req, res) => handle(req, res));
  if (keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = keepAliveTimeoutMs;
  if (headersTimeoutMs !== undefined) server.headersTimeout = headersTimeoutMs;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, resolve);
  });
  console.log(
    `keepalive-lab custom server on http://${hostname}:${port} ` +
      `(keepAliveTimeout ${server.keepAliveTimeout} ms, headersTimeout ${server.headersTimeout} ms)`,
  );
  return server;
}

module.exports = { startCustomServer };
