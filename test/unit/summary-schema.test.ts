// The JSON Schemas of summary.json and requests.ndjson: the committed files are
// what the code generates; what the lab writes validates against them (with
// ajv, as a third party reads them); what is malformed is refused with a path;
// `$schema` leads to the file from wherever a summary is written; and the cells'
// boundary cycles count what they say.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AccessLogEntry } from '../../harness/lb/access-log.js';
import { proportion } from '../../harness/model/stats.js';
import { buildSummary, type SummaryInput } from '../../harness/analysis/summarize.js';
import { cellBoundaryCyclesOf } from '../../harness/analysis/cell-summary.js';
import { parseLabArgs } from '../../harness/cli/options.js';
import {
  readSummary,
  SCHEMA_VERSION,
  validateSummary,
  type CycleRecord,
  type Summary,
} from '../../harness/results/schema.js';
import {
  REQUEST_RECORD_SCHEMA_PATH,
  requestRecordSchemaRefFrom,
  schemaFiles,
  schemaRefFrom,
  SUMMARY_SCHEMA_PATH,
} from '../../harness/results/schema-files.js';
import { schemaProblems } from '../../harness/results/schema-problems.js';
import { toNdjson } from '../../harness/records/writer.js';
import { defaultScenario } from '../../harness/scenarios/scenarios.js';
import { TrafficEngine, type TrafficResult } from '../../harness/traffic/engine.js';
import { RequestRecordSchema, type RequestRecord, EMPTY_REPLY } from '../../harness/records/request-records.js';
import { requestRecordFileProblems, summaryFileProblems } from '../helpers/json-schema.js';
import { SimulatedLab } from '../helpers/simulated-lab.js';
import { DEFAULT_SUMMARY_SCHEMA_REF } from '../../harness/records/summary-schema.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CLOSE_DELAY_MS = 6_001;

/** A talk-sized run of the real engine against the simulated LB and apps: its traffic and the apps' accounts. */
async function simulatedRun(): Promise<{ traffic: TrafficResult; lab: SimulatedLab }> {
  const lab = new SimulatedLab({ apps: { default: { closeDelayMs: CLOSE_DELAY_MS }, fixed: { closeDelayMs: null } } });
  const engine = new TrafficEngine({
    scenario: defaultScenario(),
    options: parseLabArgs(['--cycles', '4', '--max-cycles', '8']),
    probedCloseMs: { default: CLOSE_DELAY_MS, fixed: null },
    apps: lab.events,
    io: lab,
    signal: new AbortController().signal,
    progress: () => {},
  });
  return { traffic: await engine.run(), lab };
}

/** The summary the lab would build from that run: every access-log line in place, nothing failed. */
function summaryInput(traffic: TrafficResult, lab: SimulatedLab): SummaryInput {
  const access = (r: RequestRecord): AccessLogEntry => ({
    lb: 'nginx',
    time_s: 1,
    variant: r.variant,
    request_method: r.method,
    status: r.status ?? 499,
    request_id: r.requestId,
    upstream_socket_id: '',
    retries: 0,
  });
  return {
    runId: 'schema-test',
    startedAt: new Date(0),
    finishedAt: new Date(120_000),
    interrupted: false,
    failure: null,
    runtime: 'local',
    runStartMonoMs: 0,
    trafficStartMonoMs: 1_000_000,
    trafficEndMonoMs: lab.nowMs,
    injectedAppClockOffsetMs: 0,
    options: { ...parseLabArgs(['--cycles', '4']), minBoundaryRequests: 4 },
    versions: { node: '24.21.0', next: '16.4.6', nginx: '1.22.1', kernel: 'k' },
    scenario: defaultScenario(),
    probes: {
      default: {
        closedBy: 'app',
        closeKind: 'fin',
        idleCloseMs: 6001.2,
        watchedMs: 6001.2,
        advertisedKeepAlive: 'timeout=5',
        status: 200,
      },
    },
    traffic,
    appCloses: { default: lab.events.get('default')!.closes, fixed: lab.events.get('fixed')!.closes },
    appResponseEnds: { default: lab.events.get('default')!.ends, fixed: lab.events.get('fixed')!.ends },
    accessLog: traffic.records.filter((r) => r.status !== null).map(access),
    lbErrorLogs: {},
  };
}

/** A summary as it reaches a reader: through JSON. */
const asRead = (s: Summary): Summary => JSON.parse(JSON.stringify(s));

t.test('the committed schema files are what the code generates (npm run schema rewrites them)', async (t) => {
  for (const { path, text } of schemaFiles()) {
    t.equal(readFileSync(path, 'utf8'), text, `${path.slice(root.length)} is up to date; if not, run npm run schema`);
  }
  const summarySchema = JSON.parse(readFileSync(SUMMARY_SCHEMA_PATH, 'utf8'));
  t.match(summarySchema, {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:keepalive-lab:summary:v${SCHEMA_VERSION}`,
    title: String,
  });
  t.equal(
    Object.keys(summarySchema.properties)[0],
    '$schema',
    "a summary's own $schema is a field the schema knows, listed first",
  );
  t.ok(summarySchema.required.includes('$schema'));
  t.match(JSON.parse(readFileSync(REQUEST_RECORD_SCHEMA_PATH, 'utf8')), {
    $id: 'urn:keepalive-lab:request-record',
    additionalProperties: false,
  });
});

t.test('a summary the code builds from a simulated run validates against the committed file', async (t) => {
  const { traffic, lab } = await simulatedRun();
  const summary = asRead(buildSummary(summaryInput(traffic, lab)));
  t.same(summaryFileProblems(summary), [], 'ajv: valid');
  t.same(validateSummary(summary), [], 'validateSummary: valid');
  t.equal(Object.keys(summary)[0], '$schema', '$schema is the first key');
  t.equal(summary.$schema, DEFAULT_SUMMARY_SCHEMA_REF);
  t.same(readSummary(summary), { summary, problems: [] }, 'a v6 summary reads as it is');

  const failedEarly = asRead(
    buildSummary({
      ...summaryInput(traffic, lab),
      traffic: null,
      probes: {},
      appCloses: {},
      accessLog: null,
      versions: {},
      failure: { phase: 'bring-up', message: 'no images' },
    }),
  );
  t.same(summaryFileProblems(failedEarly), [], 'a run that failed before traffic: valid too (its nulls are allowed)');
  t.same(validateSummary(failedEarly), []);
  t.same(
    failedEarly.cells.map((c) => c.boundaryCycles?.cycles),
    [0, 0, 0, 0],
    'no traffic: no aimed cycles',
  );

  const matrix = asRead(
    buildSummary({ ...summaryInput(traffic, lab), scenario: { ...defaultScenario(), kind: 'matrix' } }),
  );
  t.same(summaryFileProblems(matrix), [], 'a matrix summary: valid');
});

t.test('older summaries, upgraded by readSummary, validate against the committed file', async (t) => {
  const { traffic, lab } = await simulatedRun();
  const v6 = asRead(buildSummary(summaryInput(traffic, lab)));
  // Old summaries are loose JSON here: each version is the one after it without the fields it added.
  type Loose = Record<string, unknown>;
  const strip = (o: object, ...keys: string[]): Loose =>
    Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
  const stripEach = (list: readonly object[], ...keys: string[]): Loose[] => list.map((o) => strip(o, ...keys));
  const stripValues = (record: Record<string, object>, ...keys: string[]): Record<string, Loose> =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, strip(v, ...keys)]));
  const v5 = {
    ...strip(v6, '$schema'),
    schemaVersion: 5,
    options: strip(v6.options, 'baseline'),
    cells: stripEach(v6.cells, 'boundaryCycles'),
  };
  // Early v5 runs came before the bench: no naivePairs.
  const v5early = { ...v5, options: strip(v5.options, 'naivePairs') };
  const v4 = {
    ...v5,
    schemaVersion: 4,
    options: strip(v5.options, 'naivePairs'),
    variants: stripValues(v6.variants, 'boundaryCycles'),
    raceWindow: strip(v6.raceWindow, 'model'),
    schedule: {
      ...strip(v6.schedule, 'appClocks', 'injectedAppClockOffsetMs'),
      cycles: stripEach(v6.schedule.cycles, 'appClockOffsetMs'),
    },
  };
  // v3: no lbs, no HAProxy, cells without the other symptoms; its options kept --list-scenarios and matrix cells had no
  // LB.
  const v3 = {
    ...strip(v4, 'lbs'),
    schemaVersion: 3,
    scenario: strip(v6.scenario, 'haproxyReuse'),
    options: {
      ...strip(v4.options, 'haproxyReuse'),
      listScenarios: false,
      cells: [{ nodeLine: '24', serverMode: 'standalone', fix: 'default' }],
    },
    cells: v6.cells.map((c) => ({
      ...strip(c, 'boundaryCycles', 'clientSaw', 'maskedLatencyMs', 'boundaryFailureRate'),
      counts: strip(c.counts, 'status503', 'status504', 'emptyReply', 'reset'),
    })),
  };
  const v2 = {
    ...strip(v3, 'cells'),
    schemaVersion: 2,
    scenario: strip(v3.scenario, 'kind'),
    options: strip(v3.options, 'cells', 'longCycles', 'listScenarios'),
    variants: stripValues(v4.variants, 'nodeLine', 'serverMode', 'fix', 'lane'),
    schedule: { ...v4.schedule, cycles: stripEach(v4.schedule.cycles, 'lane', 'boundaryMs') },
  };
  const v1 = { ...strip(v2, 'complete', 'failure'), schemaVersion: 1 };
  // The very first v1 summaries (32a7307) had no lbAtShutdown in closedBy.
  const v1first = {
    ...v1,
    variants: Object.fromEntries(
      Object.entries(v2.variants).map(([k, v]) => [
        k,
        { ...v, closedBy: strip(v6.variants[k].closedBy, 'lbAtShutdown') },
      ]),
    ),
  };
  t.equal(
    readSummary(v1first).summary?.variants.default.closedBy.lbAtShutdown,
    0,
    'the first v1: no close at shutdown counted',
  );
  for (const [name, old] of Object.entries({ v5, v5early, v4, v3, v2, v1, v1first })) {
    const read = readSummary(old);
    t.same(read.problems, [], `${name} reads`);
    t.same(summaryFileProblems(read.summary), [], `${name}, upgraded: valid against the committed file`);
    t.equal(read.summary?.$schema, DEFAULT_SUMMARY_SCHEMA_REF, `${name}: the $schema of results/<run-id>/`);
    t.equal(Object.keys(read.summary ?? {})[0], '$schema', `${name}: $schema first`);
    t.ok(
      read.summary?.cells.every((c) => c.boundaryCycles === null),
      `${name}: cells never counted cycles per method`,
    );
  }
  t.same(
    readSummary(v3).summary?.options.cells,
    [{ lb: 'nginx', nodeLine: '24', serverMode: 'standalone', fix: 'default' }],
    'v3 matrix cells were behind nginx',
  );
  t.equal(readSummary(v3).summary?.options.haproxyReuse, 'safe');
});

t.test('a malformed summary is refused, with the path of what is wrong', async (t) => {
  const { traffic, lab } = await simulatedRun();
  const good = asRead(buildSummary(summaryInput(traffic, lab)));
  const cases: Array<{ why: string; summary: unknown; ours: string; ajv: RegExp }> = [
    {
      why: 'an unknown outcome',
      summary: { ...good, cells: [{ ...good.cells[0], outcome: 'fine' }] },
      ours: 'cells[0].outcome is "fine", expected one of reproduced, safe, masked, inconclusive',
      ajv: /^\/cells\/0\/outcome /m,
    },
    {
      why: 'no $schema',
      summary: { ...good, $schema: undefined },
      ours: '$schema missing',
      ajv: /^\/ must have required property '\$schema'/m,
    },
    {
      why: 'a field of no version',
      summary: { ...good, variants: { ...good.variants, default: { ...good.variants.default, boundaryCycle: 1 } } },
      ours: 'variants.default.boundaryCycle is an unknown field',
      ajv: /^\/variants\/default must NOT have additional properties \(boundaryCycle\)/m,
    },
    {
      why: 'a negative count',
      summary: {
        ...good,
        cells: good.cells.map((c, i) =>
          i === 1 ? { ...c, boundaryCycles: { ...c.boundaryCycles!, hitting: -1 } } : c,
        ),
      },
      ours: 'cells[1].boundaryCycles.hitting is -1, expected a whole number ≥ 0',
      ajv: /^\/cells\/1\/boundaryCycles\/hitting must be >= 0/m,
    },
    {
      why: 'a failure without its phase',
      summary: { ...good, complete: false, failure: { message: 'x' } },
      ours: 'failure.phase missing',
      ajv: /^\/failure /m,
    },
    {
      why: 'an older version, not upgraded',
      summary: { ...good, schemaVersion: 5 },
      ours: `schemaVersion is 5, expected ${SCHEMA_VERSION}`,
      ajv: /^\/schemaVersion must be equal to constant/m,
    },
    {
      why: 'a null where an object belongs',
      summary: { ...good, schedule: { ...good.schedule, appClocks: null } },
      ours: 'schedule.appClocks is null, expected an object',
      ajv: /^\/schedule\/appClocks must be object/m,
    },
  ];
  for (const c of cases) {
    const summary = JSON.parse(JSON.stringify(c.summary));
    t.ok(validateSummary(summary).includes(c.ours), `${c.why}: ${c.ours}`);
    t.match(summaryFileProblems(summary).join('\n'), c.ajv, `${c.why}: ajv refuses it too`);
  }
  t.same(
    validateSummary({ ...good, complete: false }),
    ['an incomplete run without failure', `an incomplete run whose verdict is ${good.verdict.word}, not INCOMPLETE`],
    'what the schema cannot say is still checked',
  );
  t.same(
    validateSummary({ ...good, verdict: { ...good.verdict, tone: good.verdict.tone === 'good' ? 'bad' : 'good' } })
      .length,
    1,
    'a word drawn in a tone not its own is refused',
  );
  t.same(
    validateSummary({ ...good, versions: { node: '24.21.0' } }),
    ['versions.kernel missing', 'versions.nginx missing'],
    'a complete run knows its versions',
  );
  t.same(validateSummary([]), ['not an object']);
});

t.test(
  'request records as the engine writes them validate against the committed file; a malformed one does not',
  async (t) => {
    const { traffic } = await simulatedRun();
    const lines = toNdjson(traffic.records).trimEnd().split('\n');
    t.ok(lines.length > 50, `${lines.length} lines`);
    const phases = new Set<string>();
    for (const line of lines) {
      const record = JSON.parse(line);
      phases.add(record.phase);
      const problems = requestRecordFileProblems(record);
      if (problems.length > 0) t.fail(`${record.requestId}: ${problems.join('; ')}`);
    }
    t.same([...phases].sort(), ['aimed', 'burst', 'calibration'], 'every phase of a lab run seen');
    const record = JSON.parse(lines[0]);
    t.same(requestRecordFileProblems({ ...record, phase: 'warmup' }).length > 0, true, 'an unknown phase is refused');
    t.match(requestRecordFileProblems({ ...record, extra: 1 }), [/^\/ must NOT have additional properties \(extra\)/]);
    t.same(schemaProblems(RequestRecordSchema, { ...record, status: '502' }), [
      'status is "502", expected a whole number or null',
    ]);
    t.same(schemaProblems(RequestRecordSchema, { ...record, status: undefined }), ['status missing']);
  },
);

t.test('$schema: the committed file, relative to wherever a summary is written', async (t) => {
  t.equal(
    schemaRefFrom(join(root, 'results', '20261128-025712Z-docker')),
    DEFAULT_SUMMARY_SCHEMA_REF,
    'results/<run-id>/: the default',
  );
  t.equal(schemaRefFrom(root), 'schemas/summary.schema.json');
  t.equal(requestRecordSchemaRefFrom(join(root, 'results', 'x')), '../../schemas/request-record.schema.json');
  for (const dir of [tmpdir(), join(root, 'a', 'b', 'c'), root, '/']) {
    const ref = schemaRefFrom(dir);
    t.notMatch(ref, /\\/, 'forward slashes: a URI reference');
    t.equal(resolve(dir, ref), SUMMARY_SCHEMA_PATH, `from ${dir}: ${ref}`);
  }
  t.equal(
    schemaRefFrom('results/x'),
    schemaRefFrom(resolve('results/x')),
    'a relative directory is taken from the working directory',
  );
});

t.test(
  "cells' boundary cycles: the variant's aimed cycles, and those where an aimed request of the cell's method showed a symptom",
  async (t) => {
    const cycle = (n: number, kind: CycleRecord['kind'], count502: Record<string, number>): CycleRecord => ({
      cycle: n,
      lane: 'short',
      kind,
      aimVariant: 'default',
      closeDelayMs: 6001,
      centerOffsetMs: 0,
      intendedGapMs: 6001,
      achievedGapMs: {},
      oneWayLatencyMs: {},
      boundaryMs: {},
      sendsPerVariant: 8,
      count502,
    });
    const cycles = [
      cycle(1, 'aimed', { default: 1, fixed: 0 }),
      cycle(2, 'aimed', { default: 0, fixed: 0 }),
      cycle(3, 'aimed', { default: 0, fixed: 0 }),
      cycle(4, 'naive', { default: 1, fixed: 0 }),
      cycle(5, 'aimed', { other: 0 }),
    ];
    let n = 0;
    const req = (
      cycle: number,
      method: string,
      phase: RequestRecord['phase'],
      status: number | null,
      error: string | null = null,
      variant = 'default',
    ): RequestRecord => ({
      requestId: `r${n++}`,
      variant,
      method,
      cycle,
      phase,
      idleGapMs: 6001,
      offsetMs: 0,
      startMonoMs: 0,
      latencyMs: 1,
      status,
      error,
      upstreamSocketId: null,
      upstreamSocketRequest: null,
      appStartMonoMs: null,
      achievedIdleMs: null,
    });
    const records = [
      req(1, 'POST', 'aimed', 502),
      req(1, 'POST', 'aimed', 502), // a second hit in the same cycle: still one cycle
      req(1, 'GET', 'aimed', 200),
      req(2, 'GET', 'aimed', null, EMPTY_REPLY), // HAProxy's answer to the race
      req(2, 'POST', 'aimed', null, 'timeout'), // the harness's own failure: no symptom
      req(3, 'POST', 'burst', 502), // a burst is not aimed
      req(3, 'POST', 'aimed', 504),
      req(4, 'POST', 'naive', 502), // the bench's naive cycle is not an aimed one
      req(5, 'POST', 'aimed', 502, null, 'other'), // another variant's cycle and request
    ];
    t.same(
      cellBoundaryCyclesOf(cycles, records, 'default', 'POST'),
      { cycles: 3, hitting: 2, rate: proportion(2, 3) },
      'POST: cycles 1 (two 502s) and 3 (a 504)',
    );
    t.same(
      cellBoundaryCyclesOf(cycles, records, 'default', 'GET'),
      { cycles: 3, hitting: 1, rate: proportion(1, 3) },
      'GET: cycle 2 (an empty reply)',
    );
    t.match(cellBoundaryCyclesOf(cycles, records, 'fixed', 'POST'), {
      cycles: 3,
      hitting: 0,
      rate: { method: 'exact-one-sided' },
    });
    t.match(
      cellBoundaryCyclesOf([], records, 'default', 'POST'),
      { cycles: 0, hitting: 0, rate: { method: 'none' } },
      'no traffic: no cycles',
    );

    const { traffic, lab } = await simulatedRun();
    const summary = buildSummary(summaryInput(traffic, lab));
    for (const c of summary.cells) {
      const variant = summary.variants[c.variant].boundaryCycles;
      t.equal(c.boundaryCycles?.cycles, variant.cycles, `${c.name}: its variant's aimed cycles`);
      t.ok(c.boundaryCycles!.hitting <= variant.cycles);
    }
    const [post, get, fixedPost, fixedGet] = summary.cells;
    const hitCycles = (method: string) =>
      new Set(
        traffic.records
          .filter((r) => r.variant === 'default' && r.method === method && r.phase === 'aimed' && r.status === 502)
          .map((r) => r.cycle),
      ).size;
    t.ok(hitCycles('POST') + hitCycles('GET') > 0, 'the simulated run hit');
    t.equal(post.boundaryCycles?.hitting, hitCycles('POST'), 'default POST: the cycles its aimed POSTs hit');
    t.equal(get.boundaryCycles?.hitting, hitCycles('GET'));
    t.ok(
      post.boundaryCycles!.hitting + get.boundaryCycles!.hitting >= summary.variants.default.boundaryCycles.hitting,
      'together the methods cover every hitting cycle of the variant',
    );
    t.same([fixedPost.boundaryCycles?.hitting, fixedGet.boundaryCycles?.hitting], [0, 0], 'fixed: none');
  },
);
