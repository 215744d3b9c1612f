// analysis/your-app-summary.ts: a user's app as summary.json's yourApp keeps
// it, its word its first method's cell's. Expected fields written out.
import t from 'tap';
import { incompleteOf, yourAppSummaries, type AppCell } from '../../harness/analysis/your-app-summary.js';
import { DEFAULT_OPTIONS } from '../../harness/scenarios/run-options.js';
import type { AppUnderTest } from '../../harness/scenarios/scenarios.js';
import { proportion } from '../../harness/model/stats.js';
import { verdictOf, type VerdictWord } from '../../harness/model/verdict.js';
import { summaryInput, variant } from '../helpers/summary-records.js';

const APP: AppUnderTest = {
  image: 'my-app:ci',
  buildDir: null,
  preload: true,
  containerPort: 8080,
  healthPath: '/health',
  startTimeoutMs: 1,
  trafficPath: '/api',
  env: { A: '1', B: '2' },
};

function cell(method: string, word: VerdictWord, reasons: string[]): AppCell {
  return {
    variant: 'yours',
    method,
    lb: 'nginx',
    lbLogAppCloses: null,
    outcome: 'inconclusive',
    reason: "the cell's reason",
    clientSaw: 'no failure',
    counts: {
      requests: 3,
      aimed: 3,
      boundary: 3,
      status502: 0,
      status503: 0,
      status504: 0,
      emptyReply: 0,
      reset: 0,
      clientErrors: 0,
      masked: 0,
      appErrors: 0,
      untied: 0,
    },
    closedBy: { app: 0, lb: 0, lbAtShutdown: 0, reset: 0, open: 0, total: 0 },
    boundaryRate502: proportion(0, 3),
    boundaryFailureRate: proportion(0, 3),
    boundaryCycles: { cycles: 1, hitting: 0, rate: proportion(0, 1) },
    verdict: verdictOf(word, '', reasons),
  };
}

const CELLS = [cell('POST', 'SAFE', []), cell('GET', 'INCONCLUSIVE', ['only 3 boundary requests'])];
const yours = variant({ name: 'yours', app: APP });
const probe = {
  closedBy: 'app' as const,
  closeKind: 'fin' as const,
  idleCloseMs: 5_000,
  watchedMs: 5_000,
  advertisedKeepAlive: 'timeout=5',
  status: 200,
};

t.test('incompleteOf: why the counts are not final', async (t) => {
  t.equal(incompleteOf({ interrupted: true, failure: { phase: 'traffic', message: 'x' } }), 'interrupted');
  t.equal(incompleteOf({ interrupted: false, failure: { phase: 'traffic', message: 'x' } }), 'failed during traffic');
  t.equal(incompleteOf({ interrupted: false, failure: null }), null);
});

t.test("yourAppSummaries: what ran, how it was measured, and its first method's word", async (t) => {
  t.equal(yourAppSummaries(summaryInput(), CELLS), null, 'the sample app');
  const input = summaryInput(
    {
      options: { ...DEFAULT_OPTIONS, methods: ['GET', 'POST'] },
      probes: { yours: probe },
      yourApp: { images: {}, preloadNode: { yours: null } },
    },
    [yours],
  );
  t.same(yourAppSummaries(input, CELLS), [
    {
      variant: 'yours',
      image: { ref: 'my-app:ci', id: null, repoDigests: [] },
      buildDir: null,
      containerPort: 8080,
      healthPath: '/health',
      trafficPath: '/api',
      method: 'GET',
      envKeys: ['A', 'B'],
      measurement: 'client-side',
      node: null,
      appIdleCloseMs: 5_000,
      advertisedKeepAlive: 'timeout=5',
      lbIdleTimeoutMs: 60_000,
      verdict: 'INCONCLUSIVE',
      line: 'INCONCLUSIVE: only 3 boundary requests (measured from the client side: who closed each connection is not seen)',
    },
  ]);
  const image = { ref: 'my-app:ci', id: 'sha256:1', repoDigests: ['my-app@sha256:2'] };
  t.match(
    yourAppSummaries(
      {
        ...input,
        interrupted: true,
        probes: {},
        yourApp: { images: { yours: image }, preloadNode: { yours: 'v22.3.0' } },
      },
      CELLS,
    ),
    [
      {
        image,
        measurement: 'preload',
        node: 'v22.3.0',
        appIdleCloseMs: null,
        advertisedKeepAlive: null,
        verdict: 'INCOMPLETE',
        line: 'INCOMPLETE: the run did not finish (interrupted)',
      },
    ],
    'interrupted, with the preload: INCOMPLETE whatever its cell says',
  );
  t.throws(() => yourAppSummaries(input, CELLS.slice(0, 1)), /no cell yours × GET/, 'its cell is missing: a bug');
});
