// The docs' generated blocks and pictures are what `npm run docs` writes from
// the committed measurements: a number edited by hand, or data changed without
// `npm run docs`, fails here. The tables are also read against the raw JSON
// they come from (parsed here, not through the lab's readers).
import { readFileSync } from 'node:fs';
import t from 'tap';
import { blockNamesIn, withGeneratedBlocks } from '../../harness/docs/blocks.js';
import { docBlocks } from '../../harness/docs/registry.js';
import { docFiles, generatedFiles, staleFiles } from '../../harness/cli/docs.js';
import { VERDICT_WORDS } from '../../harness/model/verdict.js';

const root = process.cwd();
const read = (file: string) => readFileSync(file, 'utf8');
const blocks = docBlocks(root);

/** The text between a block's markers in whichever doc holds it. */
function blockText(name: string): string {
  for (const file of docFiles(root)) {
    const m = new RegExp(`<!-- ${name}: [^>]*-->\\n([\\s\\S]*?)\\n<!-- /${name} -->`).exec(read(file));
    if (m) return m[1];
  }
  throw new Error(`no doc holds block ${name}`);
}

t.test('every doc and picture is as npm run docs writes it, and every block could be written', async (t) => {
  const { files, problems } = generatedFiles(root);
  t.same(problems, [], 'every block has its data');
  t.same(staleFiles(root, files), [], 'run `npm run docs` and commit what it rewrote');
});

t.test('the README points at the screenshot of the committed talk-sized run, 1920 × 1080', async (t) => {
  const png = readFileSync('docs/images/report.png');
  t.equal(png.subarray(1, 4).toString(), 'PNG');
  t.same([png.readUInt32BE(16), png.readUInt32BE(20)], [1920, 1080], 'the first screen at 1920 × 1080');
  const raw = JSON.parse(read('docs/measurements/talk/summary.json')) as { runId: string };
  t.match(blockText('report-screenshot'), raw.runId);
});

t.test('every generator has its block in a doc, once', async (t) => {
  const named = docFiles(root).flatMap((f) => blockNamesIn(read(f)));
  for (const name of Object.keys(blocks)) t.equal(named.filter((n) => n === name).length, 1, name);
});

t.test('a number edited by hand is rewritten; a block with no generator or no end is an error', async (t) => {
  const file = docFiles(root).find((f) => blockNamesIn(read(f)).includes('matrix-nginx'))!;
  const doc = read(file);
  const edited = doc.replace(/(<!-- matrix-nginx:[\s\S]*?\| )(\d+)( \/ )/, (_m, a: string, n: string, b: string) => {
    return `${a}${Number(n) + 1}${b}`;
  });
  t.not(edited, doc, 'the edit changed a count');
  t.equal(withGeneratedBlocks(edited, blocks, file), doc, 'npm run docs puts the measured count back');
  t.throws(
    () => withGeneratedBlocks('<!-- made-up: x -->\n|1|\n<!-- /made-up -->', blocks, 'x.md'),
    /x\.md: no generator for block 'made-up'/,
  );
  t.throws(() => withGeneratedBlocks('<!-- matrix-nginx: x -->\n|1|\n', blocks, 'y.md'), /no closing/);
});

t.test('the verdict table has a row for every word', async (t) => {
  const table = blockText('verdict-words');
  for (const word of VERDICT_WORDS) t.match(table, new RegExp(`^\\| ${word} \\| (good|bad|warn) \\| `, 'm'), word);
});

interface RawCell {
  name: string;
  variant: string;
  lb: string;
  method: string;
  counts: { aimed: number; boundary: number };
  verdict: { word: string };
}

t.test("the matrix tables hold each committed cell's counts and word", async (t) => {
  const raw = JSON.parse(read('docs/measurements/matrix/summary.json')) as { cells: RawCell[]; runId: string };
  t.ok(raw.cells.length >= 30, 'the default matrix');
  for (const cell of raw.cells) {
    const table = blockText(cell.lb === 'nginx' ? 'matrix-nginx' : 'matrix-other-lbs');
    const row = table.split('\n').find((l) => l.startsWith(`| \`${cell.variant}\` |`));
    t.ok(row, `${cell.variant} has a row`);
    // The row's last four columns: POST's counts, GET's, the idle closes, the two verdict words.
    const columns = row!.split(' | ');
    const at = cell.method === 'POST' ? 0 : 1;
    const counts = columns.slice(-4, -2)[at];
    t.match(counts, new RegExp(`^\\d+ / ${cell.counts.boundary} \\(${cell.counts.aimed}\\)`), `${cell.name} counts`);
    t.equal(columns.at(-1)!.replace(/ \|$/, '').split(' / ')[at], cell.verdict.word, `${cell.name} verdict`);
  }
  t.match(blockText('matrix-outcomes'), raw.runId);
});

t.test("the bench table holds each committed bench's pooled A/B", async (t) => {
  const { readdirSync } = await import('node:fs');
  const files = readdirSync('docs/measurements/bench').filter((f) => /^bench-.*\.json$/.test(f));
  t.ok(files.length >= 2, 'an idle and a busy bench');
  const table = blockText('bench-table');
  for (const f of files) {
    const b = JSON.parse(read(`docs/measurements/bench/${f}`)) as {
      benchId: string;
      cpuLoad?: number;
      cpuLoadProcesses?: number;
      runs: Array<{ firstHitCycle?: number | null; cyclesToFirstHit?: number | null }>;
      pooled: { aimed: { failures: number; trials: number }; naive: { failures: number; trials: number } };
    };
    const row = table.split('\n').find((l) => l.includes(b.benchId));
    t.ok(row, b.benchId);
    t.match(
      row!,
      `| ${b.pooled.aimed.failures}/${b.pooled.aimed.trials} | ${b.pooled.naive.failures}/${b.pooled.naive.trials} |`,
    );
    // Counted here from the file's own runs (v1 and v2 named it cyclesToFirstHit): the table's distribution must agree.
    const inFirst = b.runs.filter((r) => (r.firstHitCycle ?? r.cyclesToFirstHit) === 1).length;
    t.match(row!, `| cycle 1 in ${inFirst} of ${b.runs.length}`, `${b.benchId}: runs hit in cycle 1`);
    const cpuLoad = b.cpuLoad ?? b.cpuLoadProcesses;
    t.ok(row!.startsWith(cpuLoad === 0 ? '| none' : `| \`--cpu-load ${cpuLoad}\``), `${b.benchId}: its CPU load`);
    const runsColumn = table.split('\n')[0].split(' | ').indexOf('runs');
    t.equal(row!.split(' | ')[runsColumn], String(b.runs.length), `${b.benchId}: its runs`);
  }
});

t.test("the README's sample output is the committed talk-sized run's headline", async (t) => {
  const raw = JSON.parse(read('docs/measurements/talk/summary.json')) as { verdict: { word: string }; runId: string };
  const sample = blockText('talk-headline');
  t.match(sample, new RegExp(`^\`\`\`\\n${raw.verdict.word} `), 'the headline starts with the run’s word');
  t.match(sample, raw.runId);
});
