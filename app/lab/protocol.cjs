'use strict';
// The wire protocol between the app's connection accounting (this directory)
// and the harness (harness/model/protocol.ts reads this file): the response headers
// that tag each request with its upstream socket, and the JSON lines the app
// prints about its sockets. Change a name here and both sides follow; the
// contract test (test/integration/protocol-contract.test.ts) runs the real
// preload and parses what it prints with the harness's parser.
//
// Times are the app's CLOCK_MONOTONIC milliseconds (process.hrtime), rounded
// to the µs. The harness never assumes that clock is its own: it estimates the
// offset between the two (harness/traffic/app-clock.ts), so the app may run in
// Docker Desktop's VM or on another host.

/** Header names, lower case (HTTP/1.1 headers are case-insensitive; Node and nginx lower-case them). */
const HEADERS = /** @type {const} */ ({
  /** Harness → LB → app: the harness's id for one request, logged by the LB. */
  requestId: 'x-lab-request-id',
  /** App → harness: which of the app's sockets served the request (1, 2, …). */
  socketId: 'x-lab-socket-id',
  /** App → harness: the nth request on that socket. */
  socketRequest: 'x-lab-socket-request',
  /** App → harness: when the app started handling the request, on its clock. */
  requestStartMonoMs: 'x-lab-request-start-mono-ms',
  /**
   * Harness → app: finish the response no earlier than this instant, on the
   * app's clock. A burst's responses then finish together, and the LB's idle
   * connections to the app go idle (and later close) together. An instant
   * already past, or more than 2 s ahead (a confused clock), is not waited for.
   * Only the lab's harness sends it; the app is a lab app on loopback.
   */
  holdUntilMonoMs: 'x-lab-hold-until-mono-ms',
  /**
   * Harness → LB: which of the LB's upstream pools for the app carries the
   * request (1, 2, …; absent: the app's own). Each pool is an upstream of its
   * own with its own idle connections, so a matrix's long-gap cycles run side
   * by side instead of one after another. The LB routes on it; the app ignores it.
   */
  pool: 'x-lab-pool',
});

/** Every record is one JSON object on its own line of the app's stdout, its kind under this key. */
const KIND_KEY = 'lab';

/** The record kinds and, for each, every field it carries (the kind key included). */
const RECORDS = /** @type {const} */ ({
  /** Printed once when the preload has loaded: the app is instrumented. */
  'accounting-ready': ['lab', 'variant', 'pid', 'node'],
  /**
   * One per finished response: the socket's idle time starts at endMonoMs;
   * requestId is the request's HEADERS.requestId (null without one), so a
   * request the app answered twice (an LB's replay) shows.
   */
  'response-finished': ['lab', 'socketId', 'request', 'method', 'status', 'endMonoMs', 'requestId'],
  /** One per closed socket: who closed it, after how long idle, under which server timeouts. */
  'socket-closed': [
    'lab',
    'variant',
    'pid',
    'socketId',
    'remote',
    'requests',
    'acceptedAtMonoMs',
    'lastResponseEndMonoMs',
    'closedAtMonoMs',
    'keepAliveTimerAtMonoMs',
    'keepAliveTimerDueMonoMs',
    'idleMs',
    'closedBy',
    'reason',
    'keepAliveTimeoutMs',
    'headersTimeoutMs',
  ],
});

/**
 * Fields a kind gained after its first release. A record from an older
 * preload lacks them (a user's image may load its own, older copy first, and
 * that copy then prints every record): the harness reads them as null.
 */
const ADDED_FIELDS = /** @type {const} */ ({
  'socket-closed': ['keepAliveTimerDueMonoMs'],
  'response-finished': ['requestId'],
});

/** Who closed a socket: the app (its keep-alive timer or another server-side close), the peer's FIN, or a reset. */
const CLOSED_BY = /** @type {const} */ (['app', 'peer', 'reset']);

/**
 * Test-only: milliseconds the app adds to every clock value it reports, so the
 * tests can give it a clock that is not the harness's (as Docker Desktop's VM
 * does) on a machine where the two are shared. The harness passes its own
 * value of this variable on to the apps.
 */
const APP_CLOCK_OFFSET_ENV = 'LAB_APP_CLOCK_OFFSET_MS';

module.exports = { HEADERS, KIND_KEY, RECORDS, ADDED_FIELDS, CLOSED_BY, APP_CLOCK_OFFSET_ENV };
