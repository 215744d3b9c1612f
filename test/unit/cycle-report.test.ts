// What each cycle leaves behind (harness/traffic/cycle-report.ts): its
// CycleRecord, and the progress line it prints as it ends.
import t from 'tap';
import { cellsByName, matrixScenario } from '../../harness/scenarios/matrix.js';
import { defaultScenario } from '../../harness/scenarios/scenarios.js';
import { EMPTY_REPLY } from '../../harness/records/request-records.js';
import type { CycleRecord } from '../../harness/records/summary-schema.js';
import {
  count502,
  countFailed,
  cycleLine,
  cycleRecordOf,
  longGapLine,
  plannedCount,
  type CycleFacts,
} from '../../harness/traffic/cycle-report.js';
import { LB_502, request } from '../helpers/traffic-records.js';

const VARIANTS = defaultScenario().variants;

t.test("count502: a variant's 502s, in one cycle or in all", async (t) => {
  const records = [
    request({ cycle: 1, ...LB_502 }),
    request({ cycle: 2, ...LB_502 }),
    request({ cycle: 2, phase: 'burst', ...LB_502 }),
    request({ cycle: 2, status: 503 }),
    request({ cycle: 2, variant: 'fixed', ...LB_502 }),
  ];
  t.equal(count502(records, 'default'), 3);
  t.equal(count502(records, 'default', 2), 2, "the burst's too");
  t.equal(count502(records, 'default', 3), 0);
  t.equal(count502(records, 'fixed'), 1);
});

t.test('countFailed: every failure the client saw; the app answering 5xx itself is none', async (t) => {
  const records = [
    request({ ...LB_502 }),
    request({ ...LB_502, status: 504 }),
    request({ status: null, error: 'ECONNRESET', upstreamSocketId: null }),
    request({ status: 502, upstreamSocketId: 4 }),
    request(),
    request({ variant: 'fixed', ...LB_502 }),
  ];
  t.equal(countFailed(records, 'default'), 3);
  t.equal(countFailed(records, 'fixed'), 1);
});

t.test("a cycle's record: its facts, the idle gaps its sends achieved, its 502s", async (t) => {
  const facts: CycleFacts = {
    cycle: 2,
    lane: 'short',
    kind: 'aimed',
    aimVariant: 'default',
    closeDelayMs: 6_001,
    plan: { centerOffsetMs: -1, sendOffsetsMs: [-3, -1, 1], tailSends: 0, intendedGapMs: 6_000 },
    oneWayLatencyMs: { default: 0.8, fixed: null },
    appClockOffsetMs: { default: 5_000, fixed: null },
    boundaryMs: { default: 6_001, fixed: 6_001 },
  };
  const sent = [
    request({ cycle: 2, achievedIdleMs: 6_000.5 }),
    request({ cycle: 2, achievedIdleMs: 6_001.5 }),
    request({ cycle: 2, ...LB_502 }),
    request({ cycle: 2, variant: 'fixed', achievedIdleMs: 6_002 }),
  ];
  const all = [request({ cycle: 1, ...LB_502 }), request({ cycle: 2, phase: 'burst', ...LB_502 }), ...sent];
  const record = cycleRecordOf(facts, VARIANTS, sent, all);
  const expected: CycleRecord = {
    cycle: 2,
    lane: 'short',
    kind: 'aimed',
    aimVariant: 'default',
    closeDelayMs: 6_001,
    centerOffsetMs: -1,
    intendedGapMs: 6_000,
    achievedGapMs: { default: 6_001, fixed: 6_002 },
    oneWayLatencyMs: { default: 0.8, fixed: null },
    appClockOffsetMs: { default: 5_000, fixed: null },
    boundaryMs: { default: 6_001, fixed: 6_001 },
    sendsPerVariant: 3,
    count502: { default: 2, fixed: 0 },
  };
  t.same(record, expected);
  t.same(Object.keys(record), Object.keys(expected), "in summary.json's order");
  t.same(
    cycleRecordOf(facts, VARIANTS, [request({ cycle: 2 })], []).achievedGapMs,
    { default: null, fixed: null },
    'no reused connection: no achieved gap',
  );
});

t.test("an aimed cycle's planned count: --cycles ('+' past it), or --long-cycles", async (t) => {
  const options = { cycles: 3, longCycles: 10 };
  t.equal(plannedCount('short', 3, options), 3);
  t.equal(plannedCount('short', 4, options), '3+', 'past --cycles: still waiting for a hit');
  t.equal(plannedCount('long', 4, options), 10);
});

/** A short-lane cycle of the talk-sized run; override what the line shows. */
const cycle = (over: Partial<CycleRecord> = {}): CycleRecord => ({
  cycle: 2,
  lane: 'short',
  kind: 'aimed',
  aimVariant: 'default',
  closeDelayMs: 6_001,
  centerOffsetMs: 0,
  intendedGapMs: 6_001,
  achievedGapMs: {},
  oneWayLatencyMs: {},
  boundaryMs: {},
  sendsPerVariant: 8,
  count502: {},
  ...over,
});

t.test("the talk-sized run's line: the gap in ms, each variant's 502s and requests so far", async (t) => {
  const all = [
    request({ cycle: 1, ...LB_502 }),
    request({ cycle: 2, ...LB_502 }),
    request({ status: null, error: 'ECONNRESET', upstreamSocketId: null }),
    request(),
    request({ variant: 'fixed' }),
  ];
  t.equal(
    cycleLine(cycle(), { of: 3 }, 'classic', VARIANTS, all),
    'cycle  2/3 gap 6001.0 ms · default: 2 × 502 / 4 req · fixed: 0 × 502 / 1 req',
  );
  t.equal(
    cycleLine(cycle({ cycle: 14, intendedGapMs: 5_996 }), { ab: 'naive' }, 'classic', VARIANTS, []),
    'cycle 14 (A/B naive) gap 5996.0 ms · default: 0 × 502 / 0 req · fixed: 0 × 502 / 0 req',
  );
  t.equal(
    cycleLine(cycle({ cycle: 4, kind: 'long-gap', intendedGapMs: 59_000 }), { of: 'long' }, 'classic', VARIANTS, []),
    'cycle  4/long gap 59.0 s · default: 0 × 502 / 0 req · fixed: 0 × 502 / 0 req',
  );
});

t.test("a matrix's line: its lane, every failure the client saw, a long lane's gap in seconds", async (t) => {
  const s = matrixScenario(cellsByName(['haproxy-node24-standalone-default']));
  const name = s.variants[0].name;
  const all = [
    request({ variant: name, status: null, error: EMPTY_REPLY, upstreamSocketId: null }),
    request({ variant: name, ...LB_502 }),
    request({ variant: name }),
  ];
  t.equal(
    cycleLine(cycle({ intendedGapMs: 6_001.25 }), { of: '3+' }, 'matrix', s.variants, all),
    `short cycle  2/3+ gap 6001.3 ms · ${name}: 2 failed / 3 req`,
  );
  t.equal(
    cycleLine(cycle({ lane: 'long', cycle: 1, intendedGapMs: 59_600 }), { of: 10 }, 'matrix', s.variants, []),
    `long cycle  1/10 gap 59.6 s · ${name}: 0 failed / 0 req`,
  );
});

t.test("the line before a --full long gap: the gap and the LB's timeout, in seconds", async (t) => {
  t.equal(longGapLine(61_000, 60_000), "long gap: 61.0 s idle, around the LB's 60 s");
});
