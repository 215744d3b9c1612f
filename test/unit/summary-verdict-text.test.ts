// analysis/verdict-text.ts: the counts stated beside the verdict's word. The
// expected lines are written out by hand; the bounds are 1 − 0.05^(1/n) for a
// zero in n (13.91 % in 20, 25.9 % in 10, 9.5 % in 30) and Wilson's interval
// for 3 in 20 (5.2 %–36.0 %).
import t from 'tap';
import {
  cellWordCounts,
  closedByText,
  describeLbBoundary,
  describeVariant,
  share,
  verdictText,
} from '../../harness/analysis/verdict-text.js';
import { proportion } from '../../harness/model/stats.js';
import type { ClosedByTally, VariantSummary } from '../../harness/records/summary-schema.js';
import { verdictOf, type VerdictWord } from '../../harness/model/verdict.js';

/** A variant summary with only what the text reads set to something telling. */
function variantSummary(overrides: Partial<VariantSummary> = {}): VariantSummary {
  return {
    name: 'default',
    description: '',
    nodeLine: '24',
    serverMode: 'standalone',
    fix: 'default',
    lane: 'short',
    configured: { keepAliveTimeoutMs: null, headersTimeoutMs: null },
    measured: {
      probeIdleCloseMs: null,
      probeWatchedMs: 0,
      probeAdvertisedKeepAlive: null,
      serverKeepAliveTimeoutMs: null,
      serverHeadersTimeoutMs: null,
      appCloseDelayMedianMs: null,
    },
    requests: { total: 0, byStatus: {}, clientErrors: 0, byMethod: {}, boundary: 0 },
    rate502: proportion(0, 0),
    boundaryRate502: proportion(0, 0),
    boundaryCycles: { cycles: 0, hitting: 0, rate: proportion(0, 0) },
    firstHit: null,
    closedBy: closedBy(),
    nginx: { access502: 0, accessTotal: 0 },
    lbBoundary: null,
    ...overrides,
  };
}

function closedBy(t: Partial<ClosedByTally> = {}): ClosedByTally {
  return { app: 0, lb: 0, lbAtShutdown: 0, reset: 0, open: 0, total: 0, ...t };
}

const defaultVariant = variantSummary({
  boundaryRate502: proportion(3, 20),
  rate502: proportion(4, 50),
  boundaryCycles: { cycles: 5, hitting: 3, rate: proportion(3, 5) },
  closedBy: closedBy({ app: 8, lb: 3, lbAtShutdown: 2, reset: 1 }),
});
const fixedVariant = variantSummary({
  name: 'fixed',
  fix: 'article',
  boundaryRate502: proportion(0, 20),
  rate502: proportion(0, 60),
  boundaryCycles: { cycles: 10, hitting: 0, rate: proportion(0, 10) },
  lbBoundary: { aimed: 32, boundary: 30, failures: 0, idleGapMs: 59_530 },
  closedBy: closedBy({ lb: 5, lbAtShutdown: 5 }),
});

const DEFAULT_LINE =
  'default: 3 × 502 in 20 (15.0 %, 95 % CI 5.2 %–36.0 %) at the close boundary (4 × 502 in 50 in all)';
const FIXED_LINE =
  "fixed: 0 in 20 (95 % upper bound 13.91 %) at the close boundary, 10 aimed cycles (95 % upper bound 25.9 % per cycle), 0 in 30 at the LB's 60 s (reusing connections idle 59.53 s, 95 % upper bound 9.5 %; 32 aimed) (0 × 502 in 60 in all)";
const CLOSED_LINE =
  'app closed 80 % of idle upstream connections in default (8/10), LB closed 100 % in fixed (5/5, at shutdown)';

t.test('share: a percentage rounded down, n/a of nothing', async (t) => {
  t.equal(share(1, 3), '33 %');
  t.equal(share(199, 200), '99 %', 'never 100 % before it is');
  t.equal(share(2, 2), '100 %');
  t.equal(share(0, 0), 'n/a');
});

t.test("describeLbBoundary: the requests aimed under the LB's timeout", async (t) => {
  t.equal(describeLbBoundary(null, 60_000), '');
  t.equal(
    describeLbBoundary({ aimed: 32, boundary: 30, failures: 2, idleGapMs: null }, 60_000),
    ", 2 failed in 30 at the LB's 60 s (no idle connection reused; 32 aimed)",
  );
  t.equal(
    describeLbBoundary({ aimed: 3, boundary: 0, failures: 0, idleGapMs: null }, 12_000),
    ", 0 in 0 at the LB's 12 s (no idle connection reused; 3 aimed)",
    'no bound on nothing',
  );
});

t.test('describeVariant: the boundary rate, its bound per cycle, the LB boundary, all requests', async (t) => {
  t.equal(describeVariant(defaultVariant, 60_000, true), DEFAULT_LINE, 'failures: no per-cycle bound');
  t.equal(describeVariant(fixedVariant, 60_000, false), FIXED_LINE);
  t.equal(
    describeVariant({ ...fixedVariant, lbBoundary: null }, 60_000, false),
    "fixed: 0 in 20 (95 % upper bound 13.91 %) at the close boundary, 10 aimed cycles (95 % upper bound 25.9 % per cycle), not tested at the LB's 60 s (0 × 502 in 60 in all)",
    "a fix never taken to the LB's timeout says so",
  );
  t.equal(
    describeVariant({ ...fixedVariant, lbBoundary: null }, 60_000, true),
    'fixed: 0 in 20 (95 % upper bound 13.91 %) at the close boundary, 10 aimed cycles (95 % upper bound 25.9 % per cycle) (0 × 502 in 60 in all)',
    'the aim variant is tested at its own close',
  );
});

t.test("closedByText: the app's share in the aim variant, the LB's in the others", async (t) => {
  const variants = {
    default: defaultVariant,
    fixed: fixedVariant,
    other: variantSummary({ name: 'other', closedBy: closedBy({ app: 1, lb: 6, lbAtShutdown: 2, reset: 1 }) }),
    idle: variantSummary({ name: 'idle' }),
  };
  t.equal(
    closedByText(variants, ['default', 'fixed', 'other', 'idle'], 'default'),
    `${CLOSED_LINE}, LB closed 75 % in other (6/8, 2 at shutdown), LB closed n/a in idle (0/0)`,
  );
});

t.test("cellWordCounts: cells by word, in the words' own order", async (t) => {
  const cells = (['MASKED', 'REPRODUCED', 'SAFE', 'REPRODUCED'] as VerdictWord[]).map((w) => ({
    verdict: verdictOf(w, ''),
  }));
  t.equal(cellWordCounts(cells), '2 REPRODUCED, 1 SAFE, 1 MASKED');
  t.equal(cellWordCounts([]), '');
});

t.test('verdictText: per kind of run, and so far for a failed one', async (t) => {
  const base = {
    kind: 'classic' as const,
    lbTimeoutMs: 60_000,
    failure: null,
    aim: 'default',
    names: ['default', 'fixed'],
    variants: { default: defaultVariant, fixed: fixedVariant },
    cells: (['REPRODUCED', 'SAFE'] as VerdictWord[]).map((w) => ({ verdict: verdictOf(w, '') })),
    yourApp: null,
  };
  t.equal(verdictText(base), `${DEFAULT_LINE}; ${FIXED_LINE}; ${CLOSED_LINE}`, 'talk-sized: each variant, then closes');
  t.equal(verdictText({ ...base, kind: 'matrix' }), '2 cells: 1 REPRODUCED, 1 SAFE');
  t.equal(
    verdictText({
      ...base,
      yourApp: [
        { variant: 'yours', line: 'UNSAFE: …' },
        { variant: 'compared', line: 'SAFE: …' },
      ],
    }),
    'yours: UNSAFE: …; compared: SAFE: …',
    "your app's lines, whatever the kind",
  );
  t.equal(
    verdictText({ ...base, kind: 'matrix', failure: { phase: 'traffic', message: 'nginx exited' } }),
    'the run failed during traffic: nginx exited; so far: 2 cells: 1 REPRODUCED, 1 SAFE',
  );
});
