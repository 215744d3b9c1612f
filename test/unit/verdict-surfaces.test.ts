// One verdict, true everywhere: every committed run and a made-up run for each
// word are rendered on every surface (headline, verdict line, report.md,
// report.html, the live page's 'done' event, your app's line), and each must
// say the word summary.json has, in its tone. The expected words of the
// made-up runs are written here from what each run is, not taken from the code.
import { readdirSync } from 'node:fs';
import t, { type Test } from 'tap';
import { loadSummary } from '../../harness/compare/load.js';
import { headlineParts, headlineText } from '../../harness/report/headline.js';
import { doneEventOf } from '../../harness/live/lab-events.js';
import { compareSummaries } from '../../harness/compare/compare.js';
import { formatComparison } from '../../harness/compare/format.js';
import { TONE_OF, VERDICT_WORDS, type VerdictWord } from '../../harness/model/verdict.js';
import { reportMarkdown, verdictLine } from '../../harness/report/markdown.js';
import { reportHtml } from '../../harness/report/html/page.js';
import type { Summary } from '../../harness/results/schema.js';
import { syntheticRun } from '../helpers/synthetic-run.js';

/** Every surface's word and tone for one summary. */
function surfaces(s: Summary): Array<{ surface: string; word: string | null; tone?: string | null }> {
  const html = reportHtml({
    summary: s,
    dir: 'results/x',
    writtenSchemaVersion: s.schemaVersion,
    charts: [],
    missing: [],
  });
  const element = /<p class="verdict [^"]*" data-role="verdict" data-word="([^"]+)" data-tone="([^"]+)">([^<]*)</.exec(
    html,
  );
  const done = doneEventOf(s, 'results/x');
  // npm run compare, the run against itself: each side's word on its first lines.
  const compared = formatComparison(compareSummaries(s, s), {
    baseline: { file: 'a', schemaVersion: 8 },
    current: { file: 'b', schemaVersion: 8 },
  });
  const side = (label: string) => new RegExp(`^${label}: +([A-Z][A-Z ]*[A-Z])  `, 'm').exec(compared)?.[1] ?? null;
  const [first] = headlineParts(s);
  return [
    { surface: 'headline', word: headlineText(s, false).split('  ')[0], tone: first.style },
    { surface: 'verdict line', word: verdictLine(s).split(':')[0] },
    { surface: 'report.md', word: /\*\*([A-Z ]+):/.exec(reportMarkdown(s))?.[1] ?? null },
    { surface: 'report.html data-word', word: element?.[1] ?? null, tone: element?.[2] ?? null },
    { surface: 'report.html text', word: element?.[3].split(':')[0] ?? null },
    { surface: 'report.html title', word: /<title>([^·]+) ·/.exec(html)?.[1].trim() ?? null },
    { surface: 'live page (done event)', word: done.verdict.word, tone: done.verdict.tone },
    { surface: 'live page headline', word: done.headline.split('  ')[0] },
    { surface: 'live page verdict line', word: done.verdictLine.split(':')[0] },
    { surface: 'compare (baseline)', word: side('baseline') },
    { surface: 'compare (current)', word: side('current') },
    ...(s.yourApp ? [{ surface: "your app's line", word: s.yourApp[0].line.split(':')[0] }] : []),
  ];
}

function assertEverywhere(t: Test, s: Summary, label: string): void {
  t.ok(VERDICT_WORDS.includes(s.verdict.word), `${label}: ${s.verdict.word} is a verdict word`);
  t.equal(s.verdict.tone, TONE_OF[s.verdict.word], `${label}: its tone is its word's`);
  for (const { surface, word, tone } of surfaces(s)) {
    t.equal(word, s.verdict.word, `${label}: ${surface} says ${s.verdict.word}`);
    if (tone !== undefined) t.equal(tone, s.verdict.tone, `${label}: ${surface} is drawn ${s.verdict.tone}`);
  }
}

t.test('every committed run says one word on every surface', async (t) => {
  const dirs = readdirSync('test/fixtures/runs');
  t.ok(dirs.length >= 5, 'the committed runs are there');
  for (const dir of dirs) {
    const { summary } = loadSummary(`test/fixtures/runs/${dir}/summary.json`);
    assertEverywhere(t, summary, dir);
    for (const c of summary.cells)
      t.equal(c.verdict.tone, TONE_OF[c.verdict.word], `${dir} ${c.name}: a cell's tone is its word's`);
  }
});

/** Made-up runs, one a word, and the word each must get: what the run is, said by hand. */
const CASES: Array<{ word: VerdictWord; what: string; run: Parameters<typeof syntheticRun>[0] }> = [
  { word: 'REPRODUCED', what: "the race's 502 at an app close on default, the fix held", run: {} },
  { word: 'FIX FAILED', what: 'the fixed app got the race too', run: { fixed: 'race-502' } },
  { word: 'NOT REPRODUCED', what: 'default answered everything', run: { default: 'ok' } },
  { word: 'INCONCLUSIVE', what: 'a 502 far from any app close is not the race', run: { default: 'untied-502' } },
  { word: 'INCOMPLETE', what: 'interrupted', run: { interrupted: true } },
  {
    word: 'MASKED',
    what: "the LB retried default's requests at its closes: no failure reached the client",
    run: { default: 'masked' },
  },
  {
    word: 'SAFE',
    what: 'the fixed app alone, every boundary request answered, above the evidence floor',
    run: { fixedAlone: true },
  },
  { word: 'UNSAFE', what: "your app behind the LB, the race's 502 at its closes", run: { yourApp: true } },
  {
    word: 'INCONCLUSIVE',
    what: 'your app with 502s far from any of its closes',
    run: { yourApp: true, default: 'untied-502' },
  },
  { word: 'INCOMPLETE', what: 'your app, interrupted', run: { yourApp: true, interrupted: true } },
];

for (const c of CASES) {
  t.test(`${c.word}: ${c.what}`, async (t) => {
    const s = syntheticRun(c.run);
    t.equal(s.verdict.word, c.word);
    assertEverywhere(t, s, c.word);
  });
}

t.test("the app's own 503 is counted apart and never makes the race", async (t) => {
  const s = syntheticRun({ default: 'app-503' });
  t.equal(s.verdict.word, 'NOT REPRODUCED', 'Node defaults that only answered their own 503s did not show the race');
  const post = s.cells.find((c) => c.name === 'default-post')!;
  t.equal(post.counts.appErrors, 4, "one 503 of the app's a cycle");
  t.equal(post.counts.status503, 0, 'not a gateway status of the LB');
  t.equal(post.outcome, 'safe');
  const fixed = syntheticRun({ fixed: 'app-503' });
  t.equal(fixed.verdict.word, 'REPRODUCED', "the fixed app's own 503s do not fail the fix");
  t.equal(fixed.cells.find((c) => c.name === 'fixed-post')!.verdict.word, 'SAFE');
});

t.test('a SAFE states its bound per aimed cycle as well as per request', async (t) => {
  const s = syntheticRun();
  const fixed = s.cells.find((c) => c.name === 'fixed-post')!;
  t.equal(fixed.verdict.word, 'SAFE');
  // 0 in 24 boundary requests: 1 − 0.05^(1/24) = 11.7 %; 0 in 4 cycles: 1 − 0.05^(1/4) = 52.7 % (the exact one-sided
  // bound).
  t.match(
    fixed.verdict.evidence,
    /0 failures in 24 boundary requests \(≤ 11\.7 % per request\), 4 aimed cycles \(≤ 52\.7 % per cycle\), one-sided 95 %/,
  );
  t.match(
    s.verdict.text,
    /fixed: 0 in 48 \(95 % upper bound 6\.05 %\) at the close boundary, 4 aimed cycles \(95 % upper bound 52\.7 % per cycle\)/,
  );
});

t.test('below the evidence floor no cell is SAFE', async (t) => {
  const twoCycles = syntheticRun({ cycles: 2 });
  t.equal(
    twoCycles.cells.find((c) => c.name === 'fixed-post')!.verdict.word,
    'INCONCLUSIVE',
    '2 aimed cycles are below the floor of 3',
  );
  t.equal(twoCycles.verdict.word, 'INCONCLUSIVE');
  const few = syntheticRun({ perCycle: 1 });
  t.match(few.cells.find((c) => c.name === 'fixed-get')!.verdict.reasons.join(), /boundary requests/);
});

t.test('report.html draws a bad verdict bad, whatever else the run did', async (t) => {
  for (const run of [{}, { fixed: 'race-502' as const }]) {
    const html = reportHtml({ summary: syntheticRun(run), dir: 'r', writtenSchemaVersion: 8, charts: [], missing: [] });
    t.match(html, /data-tone="bad"/);
    t.notMatch(html, /class="verdict [^"]*(ok|good)/);
  }
});

t.test(
  "your app that closes before the LB with nothing failed: no SAFE anywhere, its cell's word included",
  async (t) => {
    const s = syntheticRun({ yourApp: true, default: 'ok' });
    t.equal(s.verdict.word, 'INCONCLUSIVE');
    t.same(
      s.cells.map((c) => c.verdict.word),
      ['INCONCLUSIVE', 'INCONCLUSIVE'],
      "the cells say what the app's line says",
    );
    t.match(
      s.yourApp![0].line,
      /^INCONCLUSIVE: your app closes idle connections after 6\.0 s, before the LB's 60\.0 s: the race is there/,
    );
    t.notMatch(reportMarkdown(s), /\bSAFE\b/, 'report.md never says SAFE');
  },
);

t.test('a zero at the boundary beside failures elsewhere is stated as such, never as a bound', async (t) => {
  const { cellEvidence } = await import('../../harness/analysis/verdict.js');
  const cell = syntheticRun().cells.find((c) => c.name === 'fixed-post')!;
  t.equal(cellEvidence({ ...cell, clientSaw: '2 × 502' }), '0 of 24 boundary requests failed; 2 × 502 outside them');
});
