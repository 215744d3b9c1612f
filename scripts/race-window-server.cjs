'use strict';
// The app of scripts/race-window-experiment.ts: a plain Node http.Server, run
// with the lab's preload in front (`node --require app/lab/connection-accounting.cjs`).
// GET /busy/<ms> holds the event loop for <ms> inside the request's own I/O
// callback, as a page render does; anything else answers at once.
// Prints {"listening":port} once it accepts connections.
const http = require('node:http');

const server = http.createServer((req, res) => {
  const busy = /^\/busy\/(\d+)$/.exec(req.url ?? '');
  if (busy) {
    const until = performance.now() + Number(busy[1]);
    while (performance.now() < until) {
      // spin: nothing else in this process runs meanwhile, no socket is read
    }
  }
  req.resume();
  res.setHeader('content-type', 'text/plain');
  res.end('ok\n');
});
server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT_MS ?? 1000);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ listening: server.address().port })}\n`);
});
process.once('SIGTERM', () => process.exit(0));
