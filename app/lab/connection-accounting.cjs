'use strict';
// Connection accounting, loaded with `node --require` in front of any server
// (Next's standalone server.js or the custom server) without touching its code.
//
// For every accepted socket it answers the one question the keep-alive race
// turns on: who closed the connection, after how long idle. It also tags every
// response so a client (the harness) can tell which upstream socket served it.
//
// Output on stdout, one JSON line per record of ./protocol.cjs (the contract
// with the harness): `response-finished` per response (the socket's idle time
// starts there; it names the request's id, so a replayed request shows twice)
// and `socket-closed` per socket. Times are this process's
// CLOCK_MONOTONIC milliseconds (process.hrtime); the harness estimates how they
// line up with its own clock.
// Loaded once per process, however many --require name it: a user's image that
// already loads it (the sample app's does) and NODE_OPTIONS's copy must not
// count every socket twice. (A CommonJS module may return at its top level.)
const LOADED = Symbol.for('keepalive-lab.connection-accounting');
if (globalThis[LOADED]) return;
globalThis[LOADED] = true;

const dc = require('node:diagnostics_channel');
const { HEADERS, KIND_KEY, RECORDS, APP_CLOCK_OFFSET_ENV } = require('./protocol.cjs');

const VARIANT = process.env.LAB_VARIANT || null;
// Test-only shift of every reported time (protocol.cjs); 0 unless a test sets it.
const CLOCK_OFFSET_MS = Number(process.env[APP_CLOCK_OFFSET_ENV] || 0);
if (!Number.isFinite(CLOCK_OFFSET_MS))
  throw new Error(
    `${APP_CLOCK_OFFSET_ENV} must be a number of milliseconds, got '${process.env[APP_CLOCK_OFFSET_ENV]}'`,
  );
const monoMs = () => Number(process.hrtime.bigint()) / 1e6 + CLOCK_OFFSET_MS;
const round = (ms) => (ms === null ? null : Math.round(ms * 1000) / 1000);

/** Prints one record: exactly the protocol's fields for its kind, in its order. */
function emit(kind, values) {
  const record = {};
  for (const field of RECORDS[kind]) record[field] = field === KIND_KEY ? kind : values[field];
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

/** @type {WeakMap<import('node:net').Socket, ReturnType<typeof newSocketInfo>>} */
const sockets = new WeakMap();
let lastSocketId = 0;

function newSocketInfo(socket) {
  return {
    socketId: ++lastSocketId,
    remote: `${socket.remoteAddress}:${socket.remotePort}`,
    acceptedAtMonoMs: monoMs(),
    requests: 0,
    lastResponseEndMonoMs: null,
    keepAliveTimerFired: false,
    keepAliveTimerAtMonoMs: null,
    // The socket's timer as last armed (http.Server arms it after each response: keepAliveTimeout + its buffer).
    timerArmedAtMonoMs: null,
    timerArmedMs: null,
    keepAliveTimerDueMonoMs: null,
    closedBy: null, // 'app' | 'peer' | 'reset'
    reason: null,
  };
}

// Decided at the first close action, whichever side it came from.
function settleCloser(socket, info, err) {
  if (info.closedBy) return;
  if (err) {
    info.closedBy = err.code === 'ECONNRESET' || err.code === 'EPIPE' ? 'reset' : 'app';
    info.reason = err.code || err.message;
  } else if (socket.readableEnded) {
    info.closedBy = 'peer';
    info.reason = 'fin';
  } else {
    info.closedBy = 'app';
    info.reason = info.keepAliveTimerFired ? 'keep-alive-timeout' : 'server-close';
  }
}

dc.subscribe('net.server.socket', ({ socket }) => {
  const info = newSocketInfo(socket);
  sockets.set(socket, info);

  // Prepended so they run before http.Server's own listeners, which close the
  // socket synchronously (its idle timer destroys it; a peer FIN ends it).
  // The timer's instant is the close's real one: the 'close' event follows it
  // only once the app's event loop is free, milliseconds later while it renders.
  socket.prependListener('timeout', () => {
    info.keepAliveTimerFired = true;
    info.keepAliveTimerAtMonoMs = monoMs();
    if (info.timerArmedAtMonoMs !== null) info.keepAliveTimerDueMonoMs = info.timerArmedAtMonoMs + info.timerArmedMs;
  });
  // When the timer was due, to set against when it fired: a timer fires only in
  // the event loop's timers phase, which comes before the loop next polls its
  // sockets. The difference is how long the app read nothing; a request that
  // reached the socket meanwhile lies unread when the timer closes it (a reset).
  const setSocketTimeout = socket.setTimeout;
  socket.setTimeout = function setTimeoutAndRecord(msecs) {
    const ms = Math.trunc(Number(msecs));
    info.timerArmedAtMonoMs = ms > 0 ? monoMs() : null;
    info.timerArmedMs = ms > 0 ? ms : null;
    return setSocketTimeout.apply(this, arguments);
  };
  socket.prependListener('end', () => settleCloser(socket, info));

  const destroy = socket.destroy;
  socket.destroy = function destroyAndRecord(err) {
    settleCloser(socket, info, err);
    return destroy.apply(this, arguments);
  };
  const end = socket.end;
  socket.end = function endAndRecord() {
    settleCloser(socket, info);
    return end.apply(this, arguments);
  };

  socket.once('close', () => {
    const closedAtMonoMs = monoMs();
    const idleSince = info.lastResponseEndMonoMs ?? info.acceptedAtMonoMs;
    const server = socket.server || {};
    emit('socket-closed', {
      variant: VARIANT,
      pid: process.pid,
      socketId: info.socketId,
      remote: info.remote,
      requests: info.requests,
      acceptedAtMonoMs: round(info.acceptedAtMonoMs),
      lastResponseEndMonoMs: round(info.lastResponseEndMonoMs),
      closedAtMonoMs: round(closedAtMonoMs),
      keepAliveTimerAtMonoMs: round(info.keepAliveTimerAtMonoMs),
      keepAliveTimerDueMonoMs: round(info.keepAliveTimerDueMonoMs),
      idleMs: round(closedAtMonoMs - idleSince),
      closedBy: info.closedBy ?? 'app',
      reason: info.reason ?? 'unknown',
      keepAliveTimeoutMs: server.keepAliveTimeout ?? null,
      headersTimeoutMs: server.headersTimeout ?? null,
    });
  });
});

/**
 * The app serves a burst's requests one at a time, so their responses finish,
 * and their connections go idle, tens of milliseconds apart (a page render
 * takes that long); a keep-alive timer then closes one connection at a time.
 * Held until one instant, they finish within a fraction of a millisecond of
 * each other, and close together: requests aimed at that instant meet a whole
 * cluster of closes instead of one. The responses held to one instant share
 * one timer, which wakes shortly before it; a spin does the rest (timers are
 * only as precise as a millisecond), then they end back to back.
 */
const HOLD_WAKE_EARLY_MS = 2;
/** A hold further ahead than this is a confused clock, not a burst: the response goes at once. */
const HOLD_MAX_MS = 2_000;
/** Per hold instant, the ends waiting for it. */
const held = new Map();

function releaseHeld(untilMonoMs) {
  const ends = held.get(untilMonoMs) ?? [];
  held.delete(untilMonoMs);
  while (monoMs() < untilMonoMs) {
    // spin: about HOLD_WAKE_EARLY_MS, 1 ms more when the millisecond timer fires early
  }
  for (const end of ends) end();
}

/**
 * Only the first end() is held; the wrapper stays in place (another wrapper
 * installed later keeps working) and a second call while held is a no-op, as
 * on an ended response. A response whose socket went away meanwhile is not ended.
 */
function holdResponseUntil(response, untilMonoMs) {
  const end = response.end;
  let heldAlready = false;
  response.end = function endWhenHeld(...args) {
    if (heldAlready) return response;
    const waitMs = untilMonoMs - monoMs();
    if (!(waitMs > 0 && waitMs <= HOLD_MAX_MS)) return end.apply(response, args);
    heldAlready = true;
    if (!held.has(untilMonoMs)) {
      held.set(untilMonoMs, []);
      setTimeout(releaseHeld, Math.max(0, waitMs - HOLD_WAKE_EARLY_MS), untilMonoMs);
    }
    held.get(untilMonoMs).push(() => {
      if (!response.destroyed && !response.writableEnded) end.apply(response, args);
    });
    return response;
  };
}

dc.subscribe('http.server.request.start', ({ request, response, socket }) => {
  const info = sockets.get(socket);
  if (!info) return;
  info.requests += 1;
  const holdHeader = request.headers[HEADERS.holdUntilMonoMs];
  // (An app clock may be negative: a test shifts it.)
  if (typeof holdHeader === 'string' && holdHeader.trim() !== '' && Number.isFinite(Number(holdHeader)))
    holdResponseUntil(response, Number(holdHeader));
  response.setHeader(HEADERS.socketId, String(info.socketId));
  response.setHeader(HEADERS.socketRequest, String(info.requests));
  response.setHeader(HEADERS.requestStartMonoMs, String(round(monoMs())));
});

/** The harness's id for a request (its header), or null: a request the harness did not send (a probe's, a user's). */
function requestIdOf(request) {
  const id = request.headers[HEADERS.requestId];
  return typeof id === 'string' ? id : null;
}

dc.subscribe('http.server.response.finish', ({ request, response, socket }) => {
  const info = sockets.get(socket);
  if (!info) return;
  info.lastResponseEndMonoMs = monoMs();
  emit('response-finished', {
    socketId: info.socketId,
    request: info.requests,
    method: request.method,
    status: response.statusCode,
    endMonoMs: round(info.lastResponseEndMonoMs),
    requestId: requestIdOf(request),
  });
});

emit('accounting-ready', { variant: VARIANT, pid: process.pid, node: process.version });
