// The README's generated blocks are what `npm run docs` writes from their source: a table edited by hand, or a
// source changed without `npm run docs`, fails here.
import { readFileSync } from 'node:fs';
import t from 'tap';
import { README_BLOCKS, withGeneratedBlocks } from '../../harness/cli/docs.js';
import { VERDICT_WORDS } from '../../harness/model/verdict.js';

const readme = readFileSync('README.md', 'utf8');

t.test('every generated block of the README is as npm run docs writes it', async (t) => {
  t.equal(withGeneratedBlocks(readme), readme, 'run `npm run docs` and commit README.md');
});

t.test('the verdict table has a row for every word, and a hand edit is caught', async (t) => {
  for (const word of VERDICT_WORDS) t.match(readme, new RegExp(`^\\| ${word} \\| (good|bad|warn) \\| `, 'm'), word);
  const edited = readme.replace('| SAFE | good |', '| SAFE | bad |');
  t.not(withGeneratedBlocks(edited), edited, 'an edited row is rewritten');
  t.throws(() => withGeneratedBlocks('no markers'), /no generated block 'verdict-words'/);
  t.same(Object.keys(README_BLOCKS), ['verdict-words']);
});

t.test("the README's UNSAFE example line is the committed your-app run's, as the lab reads it today", async (t) => {
  const { loadSummary } = await import('../../harness/compare/load.js');
  const { summary } = loadSummary('test/fixtures/runs/20261128-084831Z-docker-your-app-summary-only/summary.json');
  const line = summary.yourApp![0].line;
  t.ok(readme.includes(`\n${line}\n`), line);
});
