// The example servers under examples/: real non-Node HTTP servers as their
// users run them, each with its own default idle keep-alive timeout and the fix
// its docs give. One list for the image builds' names, the tests that put them
// behind the LB, the measurements the docs keep and the docs' table.

/** One example server: its directory, how it listens, its default idle close and its fix. */
export interface ExampleServer {
  /** examples/<dir>; its image is keepalive-lab/example-<dir> (scripts/build-example-images.sh). */
  dir: string;
  /** What runs, as the docs name it. */
  server: string;
  /** The port it listens on in its container (--app-port). */
  port: number;
  /** Its idle keep-alive timeout when nothing is set, and the setting that holds it. */
  defaultIdle: string;
  /** The fix its docs give, as an environment variable the example's image reads (--app-env / --compare-env). */
  fixEnv: { key: string; value: string };
  /** The fix as its docs write it. */
  fixSays: string;
  /** Where its docs (for Jetty, its maintainers on jetty-users) say so. */
  docs: string;
}

export const EXAMPLE_SERVERS: readonly ExampleServer[] = [
  {
    dir: 'python-gunicorn',
    server: 'gunicorn 20.1, threaded worker (gthread)',
    port: 8000,
    defaultIdle: '2 s (`--keep-alive`), checked once a second: closed 2–3 s after a response',
    fixEnv: { key: 'GUNICORN_CMD_ARGS', value: '--keep-alive 75' },
    fixSays: '`--keep-alive 75`',
    docs: 'https://docs.gunicorn.org/en/20.1.0/settings.html#keepalive',
  },
  {
    dir: 'python-uvicorn',
    server: 'uvicorn 0.17 (asyncio, h11)',
    port: 8000,
    defaultIdle: '5 s (`--timeout-keep-alive`)',
    fixEnv: { key: 'UVICORN_TIMEOUT_KEEP_ALIVE', value: '75' },
    fixSays: '`--timeout-keep-alive 75`',
    docs: 'https://www.uvicorn.org/settings/#timeouts',
  },
  {
    dir: 'go-nethttp',
    server: 'Go 1.19 net/http',
    port: 8080,
    defaultIdle: '`ReadTimeout` (5 s here) while `IdleTimeout` is 0',
    fixEnv: { key: 'IDLE_TIMEOUT', value: '75s' },
    fixSays: '`IdleTimeout: 75 * time.Second`',
    docs: 'https://pkg.go.dev/net/http#Server',
  },
  {
    dir: 'jvm-jetty',
    server: 'Jetty 9.4 (Debian jetty9)',
    port: 8080,
    defaultIdle: '30 s (`jetty.http.idleTimeout`)',
    fixEnv: { key: 'JETTY_IDLE_TIMEOUT_MS', value: '75000' },
    fixSays: '`jetty.http.idleTimeout=75000`',
    docs: 'https://www.eclipse.org/lists/jetty-users/msg08005.html',
  },
];

/** The image scripts/build-example-images.sh builds for an example. */
export const exampleImage = (example: ExampleServer) => `keepalive-lab/example-${example.dir}`;

/**
 * The flags that put an example behind the lab's LB, its default and its fix side by side: `yours` as shipped
 * and the fix compared beside it, or the fix as `yours` (what --assert safe asks about) and the default beside it
 * (its variable set empty, which each example's image reads as unset).
 */
export function exampleLabArgs(example: ExampleServer, yours: 'default' | 'fix'): string[] {
  const { key, value } = example.fixEnv;
  const image = ['--app-image', exampleImage(example), '--app-port', String(example.port)];
  return yours === 'default'
    ? [...image, '--compare-env', `${key}=${value}`]
    : [...image, '--app-env', `${key}=${value}`, '--compare-env', `${key}=`];
}
