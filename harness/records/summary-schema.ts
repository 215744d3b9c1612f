// The JSON Schema of summary.json, written with TypeBox: the one source of the
// summary's shape. The TypeScript types are derived from it (Static), the
// committed schemas/summary.schema.json is generated from it (npm run schema),
// and validateSummary checks against it. Version history and upgrades:
// schema.ts.
//
// Which way each type goes:
// - schema → type: Summary and every part only the summary has (CycleRecord,
//   VariantSummary, CellSummary, RaceWindow, RaceModel, ClosedByTally, the
//   boundary cycles).
// - type → schema, checked: types that belong to the code that makes them and
//   that the summary embeds (Proportion, AppClockEstimate, ErrorLogCounts, the
//   options, AppCell). Their schemas mirror them here, and a two-way type
//   equality below fails `npm run typecheck` when either side drifts.
// - constants → schema: enumerations (phases, outcomes, runtimes, methods,
//   LBs, Node lines, server modes, fixes) come from the const arrays the code
//   already uses, so a new value reaches the schema on its own.
// One line of requests.ndjson goes schema → type too: RequestRecordSchema in
// records/request-records.ts, where the record has always been defined.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { Proportion } from '../model/stats.js';
import type { AppCell } from '../scenarios/matrix.js';
import type { ShardOptions } from '../scenarios/shard.js';
import { LB_FIX_NAMES } from '../scenarios/lb-fixes.js';
import {
  FIX_NAMES,
  HAPROXY_REUSE_MODES,
  LB_NAMES,
  NODE_LINES,
  RETRY_POLICIES,
  SERVER_MODES,
  type RetryPolicy,
} from '../scenarios/scenarios.js';
import { Nullable, OneOf, type Assert, type Equal } from './schema-kit.js';
import { APP_VERDICT_WORDS, VERDICT_TONES, VERDICT_WORDS, type Verdict } from '../model/verdict.js';
import { METHODS, RUNTIME_CHOICES, type LabOptions, RUNTIMES } from '../scenarios/run-options.js';

/**
 * `$schema` of a summary written in results/<run-id>/, the lab's own place for them (and where every summary before v6
 * was written).
 */
export const DEFAULT_SUMMARY_SCHEMA_REF = '../../schemas/summary.schema.json';

export const SCHEMA_VERSION = 11;

/** The phases of a run, in order; a failed run names the one it failed in. */
export const LAB_PHASES = ['preflight', 'bring-up', 'probe', 'traffic', 'collect', 'results'] as const;
export type LabPhase = (typeof LAB_PHASES)[number];

/** What a cell shows, from what the client got, the LB's log and who closed each upstream connection. */
export const CELL_OUTCOMES = ['reproduced', 'safe', 'masked', 'inconclusive'] as const;
export type CellOutcome = (typeof CELL_OUTCOMES)[number];

/** A count: requests, cycles, sockets, log lines. */
const Count = (description?: string) => Type.Integer({ minimum: 0, ...(description ? { description } : {}) });
const Lane = (description: string) => OneOf(['short', 'long'] as const, { description });
const Spread = (description: string) =>
  Nullable(
    Type.Object({ min: Type.Number(), median: Type.Number(), max: Type.Number() }, { additionalProperties: false }),
    { description },
  );
const SpreadCount = (description: string) =>
  Nullable(
    Type.Object(
      { min: Type.Number(), median: Type.Number(), max: Type.Number(), count: Count() },
      { additionalProperties: false },
    ),
    { description },
  );
/** Keyed by variant name (VariantName is a string: 'default', 'fixed' or a matrix cell's name). */
const PerVariant = <T extends TSchema>(value: T, description?: string) =>
  Type.Record(Type.String(), value, description ? { description } : {});

// ---- Mirrored: the TypeScript type is the source, the schema follows it (checked at the end of this file).

/** Mirrors model/stats.ts Proportion. */
export const ProportionSchema = Type.Object(
  {
    failures: Count(),
    trials: Count(),
    rate: Type.Number({ minimum: 0, maximum: 1 }),
    low: Type.Number({
      minimum: 0,
      maximum: 1,
      description: '95 % interval: Wilson score; for zero failures, [0, exact one-sided 95 % upper bound].',
    }),
    high: Type.Number({ minimum: 0, maximum: 1 }),
    method: OneOf(['wilson', 'exact-one-sided', 'none'] as const, {
      description: "'none': no trials, the interval is [0, 1].",
    }),
  },
  { additionalProperties: false, description: 'A rate with its 95 % interval (model/stats.ts).' },
);

/** How an app's clock lines up with the harness's (traffic/app-clock.ts estimates it). */
export interface AppClockEstimate {
  /** App clock − harness clock. */
  offsetMs: number;
  /** The offset is within ± this of offsetMs (half the width of the bounds the samples agree on). */
  uncertaintyMs: number;
  /** On the app's clock, how long after its send a request reaches the app at the fastest: offset + one-way latency. */
  sendToAppMs: number;
  /** Exchanges the estimate rests on. */
  samples: number;
  /** False when the samples' bounds disagreed (a clock drifted): the estimate is the fastest exchanges' alone. */
  consistent: boolean;
}

export const AppClockEstimateSchema = Type.Object(
  {
    offsetMs: Type.Number({ description: 'App clock − harness clock.' }),
    uncertaintyMs: Type.Number({
      minimum: 0,
      description: 'The offset is within ± this of offsetMs (half the width of the bounds the samples agree on).',
    }),
    sendToAppMs: Type.Number({
      description:
        "On the app's clock, how long after its send a request reaches the app at the fastest: offset + one-way latency.",
    }),
    samples: Count('Exchanges the estimate rests on.'),
    consistent: Type.Boolean({
      description:
        "False when the samples' bounds disagreed (a clock drifted): the estimate is the fastest exchanges' alone.",
    }),
  },
  {
    additionalProperties: false,
    description: "How an app's clock lines up with the harness's (traffic/app-clock.ts).",
  },
);

/** The race's lines in nginx's error log, by kind (lb/nginx-log.ts counts them). */
export interface ErrorLogCounts {
  prematurelyClosed: number;
  connectionReset: number;
  brokenPipe: number;
  other: number;
}

export const ErrorLogCountsSchema = Type.Object(
  { prematurelyClosed: Count(), connectionReset: Count(), brokenPipe: Count(), other: Count() },
  { additionalProperties: false, description: "nginx's error-log lines of level error and above, by what they say." },
);

/** Mirrors model/verdict.ts Verdict. */
export const VerdictSchema = Type.Object(
  {
    word: OneOf(VERDICT_WORDS, {
      description: 'v8: the verdict, one word (README: what each means); every surface prints this word.',
    }),
    tone: OneOf(VERDICT_TONES, {
      description:
        "v8: 'bad' the app is exposed to the race, 'good' shown safe, 'warn' no answer yet; every surface draws this tone.",
    }),
    reasons: Type.Array(Type.String(), { description: 'v8: why this word, one sentence each.' }),
    evidence: Type.String({
      description:
        'v8: the counts the word rests on; a zero-failure answer states its bound per request and per aimed cycle (one-sided 95 %).',
    }),
  },
  {
    additionalProperties: false,
    description: 'A verdict, computed once (analysis/verdict.ts) and rendered by every surface.',
  },
);

/** Mirrors scenarios/matrix.ts AppCell. */
export const AppCellSchema = Type.Object(
  {
    lb: OneOf(LB_NAMES),
    nodeLine: OneOf(NODE_LINES),
    serverMode: OneOf(SERVER_MODES),
    fix: OneOf(FIX_NAMES),
    lbFix: Type.Optional(OneOf(LB_FIX_NAMES, { description: 'v10: a fix on the LB side; absent: none.' })),
  },
  {
    additionalProperties: false,
    description: 'One app of a matrix run: its LB, Node line, server mode and fix (and v10: the LB-side fix).',
  },
);

/** Mirrors scenarios/shard.ts ShardOptions. */
export const ShardOptionsSchema = Type.Object(
  {
    index: Type.Integer({ minimum: 1, description: 'This shard, 1 ≤ index ≤ count.' }),
    count: Type.Integer({ minimum: 1, description: 'The shards the matrix was split into.' }),
    matrixCells: Type.Array(AppCellSchema, {
      description:
        'Every app cell of the matrix before it was split, in its order: npm run merge joins only shards of the same matrix.',
    }),
  },
  { additionalProperties: false, description: 'v9: one part of a matrix run (--shard i/n; scenarios/shard.ts).' },
);

/**
 * LabOptions a summary leaves out: where results go (--results-dir, --out), the
 * flags that only print (--help, --version, --list-scenarios) and the live page
 * (--live, --live-port): none changes what is measured. Your app's options
 * (`app`) are kept as `yourApp`, with the names of its environment variables
 * and never their values.
 */
export const OPTIONS_NOT_KEPT = [
  'resultsDir',
  'out',
  'help',
  'version',
  'listScenarios',
  'live',
  'livePort',
  'app',
] as const satisfies ReadonlyArray<keyof LabOptions>;

/** Mirrors scenarios/run-options.ts LabOptions, less OPTIONS_NOT_KEPT. */
export const SummaryOptionsSchema = Type.Object(
  {
    mode: OneOf(['quick', 'full'] as const),
    cycles: Count('Cycles to run; without a 502 on the default variant by then, the lab goes on to maxCycles.'),
    maxCycles: Count('Without a 502 yet, the lab keeps cycling up to this bound.'),
    concurrency: Count('Concurrent requests per burst, per variant.'),
    methods: Type.Array(OneOf(METHODS)),
    runtime: OneOf(RUNTIME_CHOICES, {
      description: "--runtime as given ('auto' included); the top-level runtime is the one that ran.",
    }),
    retryPolicy: OneOf(Object.keys(RETRY_POLICIES) as RetryPolicy[]),
    haproxyReuse: OneOf(HAPROXY_REUSE_MODES, {
      description: "HAProxy's http-reuse, for the matrix's HAProxy cells (v4; 'safe' in older summaries).",
    }),
    serverMode: OneOf(SERVER_MODES),
    cells: Nullable(Type.Array(AppCellSchema), {
      description: 'The matrix apps run (--matrix, --only, --scenario); null for the talk-sized default/fixed run.',
    }),
    shard: Nullable(ShardOptionsSchema, {
      description:
        'v9: --shard i/n: this run is one part of a matrix (cells holds its part); null for a whole run (and before v9).',
    }),
    longCycles: Count(
      "Cycles with idle gaps at the LB's timeout, for matrix cells whose boundary is there (0 before v3).",
    ),
    keep: Type.Boolean(),
    json: Type.Boolean(),
    assert: Type.Boolean(),
    assertSafe: Type.Boolean({ description: '--assert safe: your app must be shown safe (v7; false before).' }),
    minBoundaryRequests: Count('--assert needs at least this many boundary requests on the fixed variant.'),
    naivePairs: Count(
      'npm run bench only: pairs of one aimed and one naive cycle after the first 502; 0 in a lab run (and before v5).',
    ),
    baseline: Nullable(Type.String(), {
      description:
        '--baseline: the summary.json (or run directory) the run was compared with; null for none (and before v6).',
    }),
  },
  {
    additionalProperties: false,
    description:
      'The options the run was made with (where results go, --help, --version, --list-scenarios and the live page left out).',
  },
);

/** A run's options as its summary keeps them: OPTIONS_NOT_KEPT left out. */
export function summaryOptionsOf(options: LabOptions): SummaryOptions {
  const notKept: readonly string[] = OPTIONS_NOT_KEPT;
  // The equality check at the end of this file makes sure what is left is exactly SummaryOptions.
  return Object.fromEntries(Object.entries(options).filter(([key]) => !notKept.includes(key))) as SummaryOptions;
}

// ---- The summary's own parts: the schema is the source, the types derive from it.

/** The close counts of a variant's LB upstream sockets, by who closed them. */
export const ClosedByTallySchema = Type.Object(
  {
    app: Count('LB upstream sockets the app closed (its keep-alive timer, or another server-side close).'),
    lb: Count(
      'Closed by the LB: its FIN (its own idle timeout, or its shutdown), or a reset once the traffic ended (HAProxy stopping).',
    ),
    lbAtShutdown: Count('Of those, closed when the LB was stopped at the end of the run.'),
    reset: Count('Reset while the traffic ran.'),
    open: Count("Still open when the app's account was read."),
    total: Count('Sockets that served a request through the LB.'),
  },
  { additionalProperties: false, description: "Who closed the LB's upstream sockets that served a request." },
);

/** Aimed cycles, and those in which a symptom showed: the honest unit, since 502s cluster by cycle. */
export const BoundaryCyclesSchema = Type.Object(
  {
    cycles: Count('Aimed cycles.'),
    hitting: Count('Of those, the cycles with at least one hit.'),
    rate: ProportionSchema,
  },
  {
    additionalProperties: false,
    description:
      "Aimed cycles and those that hit, with the rate's interval: 502s cluster by cycle, so this is the honest unit.",
  },
);

/** The requests aimed just under the LB's own idle timeout, where a fix that outlives the LB is tested. */
export const LbBoundarySchema = Type.Object(
  {
    aimed: Count(
      "Requests aimed at an idle gap just under the LB's timeout: the talk-sized run's LB-boundary lane (its own pool), and --full's gap a second under it.",
    ),
    boundary: Count(
      'Of those, the ones that met the race (a failure) or reused an idle upstream connection: the ones that tested it.',
    ),
    failures: Count('Of those, the failures the client saw (502, 503, 504, empty reply, reset).'),
    idleGapMs: Nullable(Type.Number(), {
      description:
        "The median idle time, on the app's clock, of the upstream connections they reused; null when none did.",
    }),
  },
  {
    additionalProperties: false,
    description: "v8: requests aimed just under the LB's idle timeout (records/boundary.ts aimedAtLbBoundary).",
  },
);
export type LbBoundary = Static<typeof LbBoundarySchema>;

/** One traffic cycle as the engine ran it. */
export const CycleRecordSchema = Type.Object(
  {
    cycle: Count(),
    lane: Lane("'short': apps that close well before the LB; 'long': boundary at the LB's timeout (matrix runs)."),
    kind: OneOf(['aimed', 'long-gap', 'naive'] as const, {
      description: "'naive': npm run bench's comparison, sent by the harness's clock alone at a swept idle gap.",
    }),
    aimVariant: Type.String(),
    closeDelayMs: Type.Number(),
    centerOffsetMs: Type.Number(),
    intendedGapMs: Type.Number(),
    achievedGapMs: PerVariant(
      Nullable(Type.Number()),
      'Per variant: the idle gap measured on the app for requests that reused a socket (median).',
    ),
    oneWayLatencyMs: PerVariant(Nullable(Type.Number())),
    appClockOffsetMs: Type.Optional(
      PerVariant(
        Nullable(Type.Number()),
        "v5: per variant, its app's clock − the harness's, as estimated after this cycle.",
      ),
    ),
    boundaryMs: PerVariant(
      Type.Number(),
      'Per variant: the idle gap (app clock) its boundary requests were aimed at, before the center offset.',
    ),
    sendsPerVariant: Count(
      "The aim variant's planned sends (C); the talk-sized run's safe variants send more (traffic/aim-policy.ts, SAFE_VARIANT_SENDS_PER_CYCLE), and an app aimed one connection per pool sends one a pool.",
    ),
    count502: PerVariant(Count(), "Per variant, every 502 of the cycle, its burst's included."),
  },
  { additionalProperties: false, description: 'One traffic cycle as the engine ran it.' },
);
export type CycleRecord = Static<typeof CycleRecordSchema>;

/** One app variant: what it is, what was measured straight at it, and what the client got through the LB. */
export const VariantSummarySchema = Type.Object(
  {
    name: Type.String(),
    description: Type.String(),
    nodeLine: Type.String({ description: 'What the variant is in the matrix (v3).' }),
    serverMode: Type.String(),
    fix: Type.String(),
    lane: Lane('The lane that drove it.'),
    configured: Type.Object(
      { keepAliveTimeoutMs: Nullable(Type.Number()), headersTimeoutMs: Nullable(Type.Number()) },
      { additionalProperties: false, description: "As configured; null = Node's default." },
    ),
    measured: Type.Object(
      {
        probeIdleCloseMs: Nullable(Type.Number(), {
          description:
            'Raw-socket probe straight at the app: idle ms until it closed, the median over its sockets (older runs watched one); null if still open.',
        }),
        probeWatchedMs: Type.Number(),
        probeAdvertisedKeepAlive: Nullable(Type.String()),
        serverKeepAliveTimeoutMs: Nullable(Type.Number(), {
          description: "The app's own figures, from its socket-closed records.",
        }),
        serverHeadersTimeoutMs: Nullable(Type.Number()),
        appCloseDelayMedianMs: Nullable(Type.Number()),
      },
      { additionalProperties: false },
    ),
    requests: Type.Object(
      {
        total: Count(),
        byStatus: Type.Record(Type.String(), Count(), {
          description: 'Requests by HTTP status (client-side errors have none).',
        }),
        clientErrors: Count(),
        byMethod: Type.Record(
          Type.String(),
          Type.Object({ total: Count(), count502: Count() }, { additionalProperties: false }),
        ),
        boundary: Count(
          'v8: the aimed requests that tested the close boundary (met the race, or reused an idle upstream connection), by the rule cells count theirs; before v8, every aimed request.',
        ),
      },
      { additionalProperties: false },
    ),
    rate502: ProportionSchema,
    boundaryRate502: ProportionSchema,
    boundaryCycles: BoundaryCyclesSchema,
    firstHit: Nullable(Type.Object({ cycle: Count(), elapsedMs: Type.Number() }, { additionalProperties: false }), {
      description: 'The first 502: its cycle, and when, from the start of the run.',
    }),
    closedBy: ClosedByTallySchema,
    nginx: Type.Object(
      { access502: Count(), accessTotal: Count() },
      { additionalProperties: false, description: "The variant's lines in its LB's access log." },
    ),
    lbBoundary: Nullable(LbBoundarySchema, {
      description:
        "v8: the variant at the LB's own idle timeout, apart from the counts above (which are its boundary's); null when no request of it was aimed there (Node's defaults, a matrix, a run too short for the LB-boundary lane, older summaries).",
    }),
  },
  {
    additionalProperties: false,
    description:
      'One app variant: what it is, what was measured straight at it, and what the client got through the LB.',
  },
);
export type VariantSummary = Static<typeof VariantSummarySchema>;

/** Aimed requests by how they ended, each as its arrival at the app − the close it met (ms). */
export const RaceModelSchema = Type.Object(
  {
    hitsMs: SpreadCount(
      "Hits: estimated arrival − the app's close it met (one whose unread stretch holds it, else the nearest).",
    ),
    servedBeforeCloseMs: SpreadCount(
      "Served on a reused connection: the app's stamp − when that socket would have closed (negative: early).",
    ),
    servedAfterCloseMs: SpreadCount(
      "Served on a new connection: the app's stamp − its last close before (positive: late).",
    ),
    windowMs: Nullable(
      Type.Object({ from: Type.Number(), to: Type.Number(), width: Type.Number() }, { additionalProperties: false }),
      {
        description:
          "Where requests were lost, relative to the app's close: from the earliest hit, or the longest event-loop delay at a close a hit met (the timer fired that late, the socket unread meanwhile), whichever is earlier, to the latest hit, the close itself always inside. Holds every hit; width ≥ 0; null without a hit. (Before v8: from the latest early served arrival to the earliest late one, negative where they overlapped.)",
      },
    ),
  },
  {
    additionalProperties: false,
    description:
      'v5: aimed requests by how they ended, each as its arrival at the app − the close it met (ms); analysis/race-model.ts.',
  },
);
export type RaceModel = Static<typeof RaceModelSchema>;

/** Where the aim variant's aimed requests landed relative to the close they were aimed at. */
export const RaceWindowSchema = Type.Object(
  {
    hits: Count(),
    plannedOffsetMs: Spread('Planned arrival of the hits relative to the predicted close (ms).'),
    arrivalMinusAppCloseMs: Spread("Estimated arrival at the app minus the app's close of the nearest socket (ms)."),
    byOffsetMs: Type.Record(
      Type.String(),
      Type.Object({ sent: Count(), hit: Count() }, { additionalProperties: false }),
      {
        description: 'Aimed requests by planned offset from the predicted close (ms, rounded).',
      },
    ),
    model: Type.Optional(RaceModelSchema),
  },
  {
    additionalProperties: false,
    description: "Where the aim variant's aimed requests landed relative to the close they were aimed at.",
  },
);
export type RaceWindow = Static<typeof RaceWindowSchema>;

/** One app variant × one request method: the row of the matrix table downstream tools read. */
export const CellSummarySchema = Type.Object(
  {
    name: Type.String({ description: '`<variant>-<method>`, e.g. node24-standalone-default-post.' }),
    variant: Type.String(),
    lb: Type.String({ description: 'The LB in front (nginx, haproxy, caddy).' }),
    lbVersion: Nullable(Type.String()),
    retryPolicy: Type.String(),
    node: Nullable(Type.String(), {
      description: "The Node release measured in the app's container (or process); null when never read.",
    }),
    nodeLine: Type.String(),
    serverMode: Type.String(),
    fix: Type.String(),
    lbFix: Type.String({
      description:
        "v10: the fix on the LB's side in front of the app (scenarios/lb-fixes.ts), 'none' for the LB as the lab sets it (and in older summaries).",
    }),
    keepAliveTimeoutMs: Nullable(Type.Number(), { description: "Configured; null = Node's default." }),
    headersTimeoutMs: Nullable(Type.Number()),
    method: Type.String(),
    lane: Lane("'short': apps that close well before the LB; 'long': boundary at the LB's timeout."),
    boundaryMs: Nullable(Type.Number(), {
      description: 'The idle gap its boundary requests were aimed at (app clock); null when traffic never ran.',
    }),
    outcome: OneOf(CELL_OUTCOMES),
    reason: Type.String({ description: 'Why, in one sentence.' }),
    verdict: VerdictSchema,
    counts: Type.Object(
      {
        requests: Count(),
        aimed: Nullable(Count(), { description: 'Requests aimed at the boundary; null in summaries older than v3.' }),
        boundary: Nullable(Count(), {
          description:
            'Of those, the ones that met the race (a failure) or reused an idle upstream connection: the ones that tested it.',
        }),
        status502: Count(),
        status503: Count('v4: the other gateway statuses.'),
        status504: Count(),
        clientErrors: Count('Requests without any status (includes emptyReply and reset).'),
        emptyReply: Count(
          "v4: the LB closed the client's connection without a response (HAProxy's answer to the race).",
        ),
        reset: Count('v4: the connection was reset under the request.'),
        masked: Count('Requests the LB retried on another connection without a 502 to the client (its access log).'),
        appErrors: Count(
          "v8: 5xx responses the app itself answered (they carry its x-lab-socket-id stamp): the app's own errors, never the race; 0 before v8.",
        ),
        untied: Count(
          "v8: of the failures counted above, those not tied to an idle close of the app (none arrived at one, and the LB's log names none): they make a cell inconclusive, never reproduced; 0 before v8.",
        ),
      },
      { additionalProperties: false },
    ),
    clientSaw: Type.String({
      description: "v4: what the client saw, in words: '3 × 502', '2 × empty reply', 'no failure'.",
    }),
    maskedLatencyMs: Nullable(
      Type.Object({ median: Type.Number(), max: Type.Number() }, { additionalProperties: false }),
      {
        description:
          "v4: the client's latency of the requests the LB retried (the price of masking); null when none was.",
      },
    ),
    boundaryRate502: Nullable(ProportionSchema),
    boundaryFailureRate: Nullable(ProportionSchema, {
      description:
        'v4: every failure the client saw (502/503/504, empty reply, reset) among the boundary requests; in v3 and before, the 502s.',
    }),
    boundaryCycles: Nullable(BoundaryCyclesSchema, {
      description:
        "v6: the aimed cycles of the cell's variant, and those in which an aimed request of this method showed a client symptom (502/503/504, empty reply, reset); null in older summaries.",
    }),
    appIdleCloseMs: Nullable(Type.Number(), {
      description: "The app's idle close measured straight at it (probe); null when it outlived the probe.",
    }),
    effectiveCloseMs: Nullable(Type.Number(), {
      description: 'Behind the LB: median idle time at which upstream connections closed during traffic.',
    }),
    effectiveCloseBy: Nullable(OneOf(['app', 'lb'] as const), { description: 'Who closed most of them.' }),
    closedBy: ClosedByTallySchema,
    connectionsPer1000: Nullable(Type.Number({ minimum: 0 }), {
      description:
        "v10: the upstream connections the app accepted per 1,000 requests of this cell's variant it answered (its connection accounting); null without the preload, and in older summaries.",
    }),
    addedLatencyMs: Nullable(
      Type.Object({ median: Type.Number(), p99: Type.Number() }, { additionalProperties: false }),
      {
        description:
          "v10: the client's latency of the cell's price-round requests the app answered (phase 'price': one at a time after an idle gap, at the run's end) minus that of its baseline's (the same app and method behind the same LB without an LB-side fix, in the same run), median and p99 (nearest rank); null for a baseline, without one in the run, and in older summaries.",
      },
    ),
    duplicates: Nullable(Count(), {
      description:
        "v10: requests of the cell's method the app answered more than once (the same request id served twice: a retry that replayed it); null without the preload's request ids, and in older summaries.",
    }),
    lbLogAppCloses: Nullable(Count(), {
      description:
        "v11: lines of the LB's error log, at this cell's LB port and of its method, that say the app closed or reset the upstream connection under a request (nginx: 'upstream prematurely closed connection', 'Connection reset by peer', 'Broken pipe'; Caddy: reverse_proxy's 'EOF', 'connection reset by peer', 'broken pipe'): who closed, where the client side cannot see it. Null behind an LB that writes no such line (HAProxy), for a run that could not read the LB's log, and in older summaries.",
    }),
    firstHit: Nullable(
      Type.Object({ cycle: Count(), afterTrafficStartMs: Type.Number() }, { additionalProperties: false }),
      {
        description:
          'The first failure: its cycle (in its lane) and when, counted from the start of traffic (not of the run, which includes building).',
      },
    ),
  },
  {
    additionalProperties: false,
    description: 'One app variant × one request method: the row of the matrix table downstream tools read.',
  },
);
export type CellSummary = Static<typeof CellSummarySchema>;

/** summary.json: the stable, versioned record of one run. */
/** v7: a user's app the run put behind the LB (--app-image, --app-build), and the answer for it. */
export const AppUnderTestSummarySchema = Type.Object(
  {
    variant: Type.String({ description: "'yours', or 'compared' beside it." }),
    image: Type.Object(
      {
        ref: Type.String({ description: 'As named (--app-image), or the tag --app-build built.' }),
        id: Nullable(Type.String(), {
          description: "The image's ID (sha256 of its configuration); null if Docker did not know it.",
        }),
        repoDigests: Type.Array(Type.String(), {
          description: 'Registry digests (name@sha256:…), for an image from a registry.',
        }),
      },
      { additionalProperties: false },
    ),
    buildDir: Nullable(Type.String(), { description: '--app-build: the directory built; null for --app-image.' }),
    containerPort: Count('--app-port: where it listens in its container.'),
    healthPath: Type.String(),
    trafficPath: Type.String({ description: '--path: what every request asked.' }),
    method: Type.String({ description: '--method: the method of every request.' }),
    envKeys: Type.Array(Type.String(), { description: 'The names of the --app-env variables (never their values).' }),
    measurement: OneOf(['preload', 'client-side'] as const, {
      description:
        "'preload': a Node app, the connection accounting loaded (who closed what, the app's clock); 'client-side': the raw-socket probe, client-side aim and the LB's log.",
    }),
    node: Nullable(Type.String(), { description: 'The Node release the preload reported; null without it.' }),
    appIdleCloseMs: Nullable(Type.Number(), {
      description:
        "The idle close measured straight at the app (raw socket); null when it kept the socket open past the LB's timeout.",
    }),
    advertisedKeepAlive: Nullable(Type.String(), { description: 'Its Keep-Alive response header, if any.' }),
    lbIdleTimeoutMs: Type.Number({ description: '--lb-idle-timeout.' }),
    verdict: OneOf(APP_VERDICT_WORDS, {
      description:
        "Your app's word: its cell's verdict mapped by model/verdict.ts APP_WORD_OF; INCOMPLETE (v8) for a run that did not finish (INCONCLUSIVE before).",
    }),
    line: Type.String({ description: 'The verdict as the lab printed it.' }),
  },
  { additionalProperties: false },
);
export type AppUnderTestSummary = Static<typeof AppUnderTestSummarySchema>;

export const SummarySchema = Type.Object(
  {
    $schema: Type.String({
      description:
        "v6: where this file's JSON Schema is, relative to the file (schemas/summary.schema.json of the lab that wrote it), for editors and validators.",
    }),
    schemaVersion: Type.Literal(SCHEMA_VERSION),
    runId: Type.String(),
    startedAt: Type.String({ description: 'ISO 8601, UTC.' }),
    finishedAt: Type.String(),
    wallTimeMs: Type.Number(),
    complete: Type.Boolean({
      description: 'False when the run ended early (a fault, an interrupt): the counts cover only what ran.',
    }),
    failure: Nullable(
      Type.Object({ phase: OneOf(LAB_PHASES), message: Type.String() }, { additionalProperties: false }),
      {
        description: 'Why and where an incomplete run ended; null for a complete (or interrupted) one.',
      },
    ),
    interrupted: Type.Boolean(),
    runtime: OneOf(RUNTIMES),
    mode: OneOf(['quick', 'full'] as const),
    options: SummaryOptionsSchema,
    versions: Type.Record(Type.String(), Type.String(), {
      description: "Versions of what ran: node, kernel, each LB, the apps' Node releases.",
    }),
    scenario: Type.Object(
      {
        kind: Type.Optional(
          OneOf(['classic', 'matrix'] as const, {
            description: "'classic' (default/fixed, one schedule) or 'matrix' (v3; absent before).",
          }),
        ),
        retryPolicy: Type.String(),
        haproxyReuse: Type.Optional(
          Type.String({ description: "v4: HAProxy's http-reuse (absent in older summaries)." }),
        ),
        serverMode: Type.String({ description: 'The server modes of the variants, comma-separated.' }),
        lb: Type.Record(Type.String(), Type.Number(), { description: "The LB's timings (scenarios.ts LB)." }),
      },
      { additionalProperties: false },
    ),
    variants: PerVariant(VariantSummarySchema),
    cells: Type.Array(CellSummarySchema),
    aimVariant: Type.String(),
    raceWindow: RaceWindowSchema,
    schedule: Type.Object(
      {
        closeDelayMs: Nullable(Type.Number(), {
          description: "The app's close delay the aiming used last; null when traffic never started.",
        }),
        oneWayLatencyMs: PerVariant(
          Nullable(Type.Number()),
          "Estimated: the send-to-app delay less the app clock's offset.",
        ),
        appClocks: PerVariant(
          Nullable(AppClockEstimateSchema),
          "v5: per variant, how its app's clock lines up with the harness's (null: never measured; empty before v5).",
        ),
        injectedAppClockOffsetMs: Type.Number({
          description:
            "v5: the test-only shift given to the apps' clocks (LAB_APP_CLOCK_OFFSET_MS); 0 in real runs and before v5.",
        }),
        cycles: Type.Array(CycleRecordSchema),
      },
      { additionalProperties: false },
    ),
    lbs: Type.Record(
      Type.String(),
      Type.Object(
        { version: Nullable(Type.String()), accessEntries: Count(), errorLines: Count() },
        { additionalProperties: false },
      ),
      {
        description: 'v4: each LB of the run: its version, the requests its access log has, the error lines it wrote.',
      },
    ),
    nginx: Type.Object(
      {
        errorLog: ErrorLogCountsSchema,
        mismatches: Type.Array(
          Type.Object(
            {
              variant: Type.String(),
              harness502: Count(),
              accessLog502: Count(),
              missingInAccessLog: Type.Array(Type.String()),
              missingInHarness: Type.Array(Type.String()),
            },
            { additionalProperties: false },
          ),
          { description: 'Every 502 the harness counted must be in the access log, and the reverse.' },
        ),
      },
      { additionalProperties: false },
    ),
    yourApp: Nullable(Type.Array(AppUnderTestSummarySchema), {
      description: "v7: the user's apps of the run (yours, then compared); null for the sample app (and before v7).",
    }),
    verdict: Type.Object(
      {
        ok: Type.Boolean({
          description: 'The run came to the answer it exists to give (analysis/verdict.ts verdictOk).',
        }),
        text: Type.String({ description: 'The counts behind the verdict, per variant or cell, in one paragraph.' }),
        ...VerdictSchema.properties,
      },
      {
        additionalProperties: false,
        description:
          "v8: word, tone, reasons and evidence beside ok and text: the run's verdict, rendered as it is by every surface.",
      },
    ),
    assertion: Type.Object(
      { requested: Type.Boolean(), passed: Type.Boolean(), reasons: Type.Array(Type.String()) },
      { additionalProperties: false },
    ),
  },
  {
    title: 'keepalive-lab summary.json',
    description:
      'The stable, versioned record of one run of the keep-alive lab: reports and baseline comparisons are rebuilt from it (and requests.ndjson). Older versions are read by upgrading them (harness/results/schema.ts readSummary); this schema is the current version.',
    additionalProperties: false,
  },
);
/** summary.json, as this version of the lab writes it (and readSummary returns any readable version). */
export type Summary = Static<typeof SummarySchema>;

export type ClosedByTally = Static<typeof ClosedByTallySchema>;
/** The options a run was made with, as the summary keeps them. */
export type SummaryOptions = Static<typeof SummaryOptionsSchema>;
export type BoundaryCycles = Static<typeof BoundaryCyclesSchema>;

// ---- The mirrored types, checked both ways. A failure here means one side changed:
// change the other to match (for LabOptions: add the new field to SummaryOptionsSchema,
// with a default for older summaries in schema.ts, or to OPTIONS_NOT_KEPT if a summary
// should not keep it), then run `npm run schema`.
type _ProportionMatches = Assert<Equal<Static<typeof ProportionSchema>, Proportion>>;
type _AppClockEstimateMatches = Assert<Equal<Static<typeof AppClockEstimateSchema>, AppClockEstimate>>;
type _ErrorLogCountsMatches = Assert<Equal<Static<typeof ErrorLogCountsSchema>, ErrorLogCounts>>;
type _AppCellMatches = Assert<Equal<Static<typeof AppCellSchema>, AppCell>>;
type _ShardOptionsMatch = Assert<Equal<Static<typeof ShardOptionsSchema>, ShardOptions>>;
type _VerdictMatches = Assert<Equal<Static<typeof VerdictSchema>, Verdict>>;
type _SummaryOptionsMatch = Assert<Equal<SummaryOptions, Omit<LabOptions, (typeof OPTIONS_NOT_KEPT)[number]>>>;
