// Counts that must add up, over every committed run and the made-up ones; and
// each invariant shown to catch the miscount it is there for.
import { readdirSync, readFileSync } from 'node:fs';
import t from 'tap';
import { DISTINCT_SOCKET_TALLY_SINCE, invariantProblems } from '../../harness/analysis/invariants.js';
import { loadSummary } from '../../harness/compare/load.js';
import { syntheticRun } from '../helpers/synthetic-run.js';

const fixtures = readdirSync('test/fixtures/runs').map((dir) => {
  const file = `test/fixtures/runs/${dir}/summary.json`;
  const written = (JSON.parse(readFileSync(file, 'utf8')) as { schemaVersion: number }).schemaVersion;
  return { dir, written, summary: loadSummary(file).summary };
});

t.test('every committed run adds up', async (t) => {
  for (const { dir, written, summary } of fixtures)
    t.same(invariantProblems({ ...summary, schemaVersion: written }), [], dir);
});

t.test(
  "a v7 your-app run counted a socket's two close records twice: the invariant that v8 keeps catches it",
  async (t) => {
    const { summary } = fixtures.find((f) => f.dir === '20261128-084831Z-docker-your-app-summary-only')!;
    // As written (v7): "app 150 · LB 2" of 76 sockets, the miscount issue 23 names.
    t.same(summary.variants.yours.closedBy.total, 76);
    t.match(invariantProblems({ ...summary, schemaVersion: DISTINCT_SOCKET_TALLY_SINCE }), [
      /^yours: closes by app 150 \+ LB 2 \+ reset 0 exceed the 76 upstream sockets$/,
    ]);
  },
);

t.test('each invariant catches its miscount, and the verdict then has no answer', async (t) => {
  const s = syntheticRun();
  t.same(invariantProblems(s), [], 'a made-up run adds up');
  const post = s.cells[0];
  const broken = (counts: Partial<typeof post.counts>) =>
    invariantProblems({ ...s, cells: [{ ...post, counts: { ...post.counts, ...counts } }] });
  t.match(broken({ aimed: post.counts.requests + 1 }), [/aimed requests of/]);
  t.match(broken({ boundary: (post.counts.aimed ?? 0) + 1 }), [/boundary requests of .* aimed/, /a failure rate over/]);
  t.match(broken({ appErrors: post.counts.requests }), [/failures and .* app errors in/]);
  t.match(broken({ emptyReply: 1 }), [/dropped connections but 0 client-side errors/]);
  t.match(broken({ untied: 99 }), [/untied failures of/]);
  const mismatch = {
    variant: 'default',
    harness502: 4,
    accessLog502: 3,
    missingInAccessLog: ['x'],
    missingInHarness: [],
  };
  t.match(invariantProblems({ ...s, nginx: { ...s.nginx, mismatches: [mismatch] } }), [
    /the harness counted 4 × 502, the LB's access log 3/,
  ]);
});
