// A run's options as data: what `npm run lab` (cli/options.ts), `npm run bench`
// and the tests ask a run for. Nothing here parses a flag; every layer below
// the CLI reads its options from here.
import {
  DEFAULT_HAPROXY_REUSE,
  type HaproxyReuse,
  type LbName,
  type RetryPolicy,
  type ServerMode,
} from './scenarios.js';
import type { AppCell } from './matrix.js';
import type { ShardOptions } from './shard.js';

/** What runs the stack: Docker Compose, or the system's LBs (nginx, HAProxy, Caddy) and the apps as local processes. */
export type Runtime = 'docker' | 'local';
export const RUNTIMES: readonly Runtime[] = ['docker', 'local'];

/** The methods a run with your app may send (one per run). */
export const APP_METHODS = ['GET', 'POST'] as const;
export type AppMethod = (typeof APP_METHODS)[number];

export interface AppOptions {
  /** --app-image; null with --app-build. */
  image: string | null;
  /** --app-build, absolute; null with --app-image. */
  buildDir: string | null;
  /** --app-port: where the app listens in its container. */
  port: number;
  /** --health */
  healthPath: string;
  /** --app-env, in order (a key given twice keeps its last value). */
  env: Record<string, string>;
  /** --path */
  path: string;
  /** --method */
  method: AppMethod;
  /** --compare-image / --compare-env: a second variant beside yours; null for none. */
  compare: { image: string | null; env: Record<string, string> } | null;
  /** --lb */
  lb: LbName;
  /** --lb-idle-timeout, in ms. */
  lbIdleTimeoutMs: number;
  /** --app-start-timeout, in ms: how long the app may take to answer --health once its container runs. */
  startTimeoutMs: number;
  /** False with --no-preload: a Node app run without the lab's preload, measured from the client side. */
  preload: boolean;
}

export const METHODS = ['POST', 'GET'] as const;
export type Method = (typeof METHODS)[number];
/** --runtime: one of the runtimes, or auto (Docker when it answers, else local). */
export type RuntimeChoice = Runtime | 'auto';
export const RUNTIME_CHOICES: readonly RuntimeChoice[] = [...RUNTIMES, 'auto'];

export interface LabOptions {
  mode: 'quick' | 'full';
  /** Cycles to run; without a 502 on the default variant by then, the lab goes on to maxCycles. */
  cycles: number;
  /** Without a 502 yet, the lab keeps cycling up to this bound. */
  maxCycles: number;
  /** Concurrent requests per burst, per variant. */
  concurrency: number;
  methods: Method[];
  runtime: RuntimeChoice;
  retryPolicy: RetryPolicy;
  /** HAProxy's http-reuse, for the matrix's HAProxy cells. */
  haproxyReuse: HaproxyReuse;
  serverMode: ServerMode;
  /** The matrix apps to run (--matrix, --only, --scenario); null for the talk-sized default/fixed run. */
  cells: AppCell[] | null;
  /** --shard i/n: this run is one part of the matrix (cells holds its part); null for a whole run. */
  shard: ShardOptions | null;
  /** Cycles with idle gaps at the LB's timeout, for matrix cells whose boundary is there. */
  longCycles: number;
  keep: boolean;
  json: boolean;
  assert: boolean;
  /** --assert safe: your app (--app-image, --app-build) must be shown safe. */
  assertSafe: boolean;
  /** Your own app behind the lab's LB (--app-image, --app-build and the flags around them); null for the sample app. */
  app: AppOptions | null;
  /** --assert needs at least this many boundary requests on the fixed variant. */
  minBoundaryRequests: number;
  /**
   * npm run bench only: after the first 502, this many pairs of one aimed and
   * one naive cycle (the client-side sweep the lab is measured against); 0 in a lab run.
   */
  naivePairs: number;
  /** --baseline: a summary.json (or run directory) this run is compared with at the end; null for none. */
  baseline: string | null;
  /** --out: also write the summary JSON to this file; null for none. */
  out: string | null;
  /** --live: serve a page on 127.0.0.1 that follows the run (harness/live/). */
  live: boolean;
  /** --live-port: the live page's port; null for any free one. */
  livePort: number | null;
  resultsDir: string;
  help: boolean;
  version: boolean;
  listScenarios: boolean;
}

export const DEFAULT_OPTIONS: LabOptions = {
  mode: 'quick',
  cycles: 12,
  maxCycles: 36,
  concurrency: 8,
  methods: ['POST', 'GET'],
  runtime: 'auto',
  retryPolicy: 'alb',
  haproxyReuse: DEFAULT_HAPROXY_REUSE,
  serverMode: 'standalone',
  cells: null,
  shard: null,
  longCycles: 24,
  keep: false,
  json: false,
  assert: false,
  assertSafe: false,
  app: null,
  minBoundaryRequests: 40,
  naivePairs: 0,
  baseline: null,
  out: null,
  live: false,
  livePort: null,
  resultsDir: 'results',
  help: false,
  version: false,
  listScenarios: false,
};
