// Behaviour kept through refactors: every committed run and a made-up run for
// each verdict rendered on every surface (summary.json as read, report.md, the
// headline, report.html, the live page's 'done' event, npm run compare), and
// the made-up runs' summaries built from their records, compared byte for byte
// with snapshots taken before the harness was split into layers. A change that
// means to change one of them regenerates them: TAP_SNAPSHOT=1 npx tap <this file>.
import { readdirSync } from 'node:fs';
import t from 'tap';
import { loadSummary } from '../../harness/compare/load.js';
import { headlineText } from '../../harness/report/headline.js';
import { doneEventOf } from '../../harness/live/lab-events.js';
import { compareSummaries } from '../../harness/compare/compare.js';
import { formatComparison } from '../../harness/compare/format.js';
import { reportMarkdown } from '../../harness/report/markdown.js';
import { reportHtml } from '../../harness/report/html/page.js';
import type { Summary } from '../../harness/results/schema.js';
import { syntheticRun, type SyntheticRun } from '../helpers/synthetic-run.js';

function surfaces(s: Summary): Record<string, string> {
  return {
    // $schema is where the run was written relative to this checkout's schemas/: not the lab's behaviour.
    'summary.json': `${JSON.stringify({ ...s, $schema: '(where this checkout keeps it)' }, null, 2)}\n`,
    'report.md': reportMarkdown(s),
    headline: headlineText(s, false),
    'report.html': reportHtml({
      summary: s,
      dir: 'results/x',
      writtenSchemaVersion: s.schemaVersion,
      charts: [],
      missing: [],
    }),
    'done event': JSON.stringify(doneEventOf(s, 'results/x'), null, 2),
    compare: formatComparison(compareSummaries(s, s), {
      baseline: { file: 'a', schemaVersion: 8 },
      current: { file: 'b', schemaVersion: 8 },
    }),
  };
}

t.test('committed runs', async (t) => {
  for (const dir of readdirSync('test/fixtures/runs').sort()) {
    const { summary } = loadSummary(`test/fixtures/runs/${dir}/summary.json`);
    for (const [surface, text] of Object.entries(surfaces(summary))) t.matchSnapshot(text, `${dir}: ${surface}`);
  }
});

const RUNS: Record<string, SyntheticRun> = {
  reproduced: {},
  'fix failed': { fixed: 'race-502' },
  'not reproduced': { default: 'ok' },
  'untied 502': { default: 'untied-502' },
  "the app's own 503": { default: 'app-503' },
  interrupted: { interrupted: true },
  masked: { default: 'masked' },
  'fixed alone': { fixedAlone: true },
  'your app': { yourApp: true },
  'your app, untied': { yourApp: true, default: 'untied-502' },
  'your app, interrupted': { yourApp: true, interrupted: true },
};

t.test('made-up runs, summarised from their records', async (t) => {
  for (const [name, run] of Object.entries(RUNS)) {
    for (const [surface, text] of Object.entries(surfaces(syntheticRun(run))))
      t.matchSnapshot(text, `${name}: ${surface}`);
  }
});
