// `npm run lab|bench|compare|report -- --help`: rendered from the flag tables
// (cli/flags.ts), grouped by purpose, within 100 columns, and the lab's naming
// the other commands.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { HELP, LAB_FLAGS } from '../../harness/cli/options.js';
import { BENCH_FLAGS, BENCH_HELP } from '../../harness/cli/bench-options.js';
import { flagsHelp, type FlagTable } from '../../harness/cli/flags.js';

/** Columns a line takes in a terminal: every character here is one column wide ('–', '×', '…', '≥'). */
const columns = (line: string) => [...line].length;

/**
 * The help's flag groups: a heading (a line at column 0 ending in ':'), then its flag lines (two spaces, a dash) and
 * their continuation lines, up to a blank line. Each flag line gives the flag as it is typed (`--cycles`, `-h, --help`
 * → `--help`, `--assert safe`), read from the label column (`width` wide).
 */
function groupsOf(help: string, width: number): Array<{ heading: string; flags: string[] }> {
  const groups: Array<{ heading: string; flags: string[] }> = [];
  let current: { heading: string; flags: string[] } | null = null;
  for (const line of help.split('\n')) {
    if (line === '') current = null;
    else if (/^\S.*:$/.test(line)) groups.push((current = { heading: line, flags: [] }));
    else if (/^ {2}-/.test(line)) {
      const label = line
        .slice(2, width + 1)
        .trim()
        .replace(/^-\w, /, '');
      const flag = label === '--assert safe' ? label : label.split(' ')[0];
      if (current === null) throw new Error(`a flag outside any group: ${line}`);
      current.flags.push(flag);
    }
  }
  // Headings without flags (e.g. 'Other commands:') are not flag groups.
  return groups.filter((g) => g.flags.length > 0);
}

/** A flag as typed: --name, or its label when the parser spells it otherwise. */
const typed = (table: FlagTable) => Object.entries(table).map(([name, spec]) => spec.label ?? `--${name}`);

/**
 * A command's --help as a user sees it: compare and report run their main on import, so they are run, as npm run
 * runs them.
 */
function helpOf(command: 'compare' | 'report'): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', `harness/cli/${command}.ts`, '--help'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`npm run ${command} -- --help: exit ${run.status}: ${run.stderr}`);
  return run.stdout;
}
const COMPARE_HELP = helpOf('compare');
const REPORT_HELP = helpOf('report');

for (const [command, help] of [
  ['lab', HELP],
  ['bench', BENCH_HELP],
  ['compare', COMPARE_HELP],
  ['report', REPORT_HELP],
] as const) {
  t.test(`npm run ${command} -- --help: every line within 100 columns`, async (t) => {
    const long = help.split('\n').filter((line) => columns(line) > 100);
    t.same(long, [], 'no line over 100 columns');
    t.ok(
      help.split('\n').some((line) => columns(line) > 80),
      'the check sees real lines',
    );
  });
}

t.test('npm run lab -- --help: the groups in order, every flag in exactly one', async (t) => {
  const groups = groupsOf(HELP, 24);
  const headings = groups.map((g) => g.heading);
  const expected = [/^Run\b/, /^Matrix\b/, /^Your own app\b/, /^Outputs\b/, /^CI\b/, /^Version and help:/];
  t.equal(headings.length, expected.length, `the groups: ${headings.join(' | ')}`);
  expected.forEach((pattern, i) => t.match(headings[i], pattern, `group ${i + 1}`));
  const flags = typed(LAB_FLAGS);
  for (const flag of flags) {
    const in_ = groups.filter((g) => g.flags.includes(flag)).map((g) => g.heading);
    t.equal(in_.length, 1, `${flag} is in exactly one group (${in_.join(' | ')})`);
  }
  t.equal(
    groups.reduce((n, g) => n + g.flags.length, 0),
    flags.length,
    'no flag listed twice, none that is not in the table',
  );
  // Where a flag sits is part of what the grouping means: spot checks a reader would make.
  const groupOf = (flag: string) => groups.find((g) => g.flags.includes(flag))?.heading ?? '';
  t.match(groupOf('--cycles'), /^Run/);
  t.match(groupOf('--only'), /^Matrix/);
  t.match(groupOf('--list-scenarios'), /^Matrix/);
  t.match(groupOf('--app-image'), /^Your own app/);
  t.match(groupOf('--results-dir'), /^Outputs/);
  t.match(groupOf('--json'), /^Outputs/);
  t.match(groupOf('--assert'), /^CI/);
  t.match(groupOf('--assert safe'), /^CI/);
  t.match(groupOf('--baseline'), /^CI/);
});

t.test('npm run bench -- --help: grouped the same way, every flag in exactly one group', async (t) => {
  const groups = groupsOf(BENCH_HELP, 20);
  t.same(
    groups.map((g) => g.heading),
    ['Runs:', 'Outputs:', 'Help:'],
  );
  for (const flag of typed(BENCH_FLAGS)) {
    t.equal(groups.filter((g) => g.flags.includes(flag)).length, 1, `${flag} in one group`);
  }
});

t.test('npm run report -- --help: rendered from its flag table, grouped', async (t) => {
  const groups = groupsOf(REPORT_HELP, 16);
  t.same(groups, [
    { heading: 'Outputs:', flags: ['--png'] },
    { heading: 'Help:', flags: ['--help'] },
  ]);
  t.match(REPORT_HELP, /^Usage: npm run report -- <run-dir \| summary\.json> \[--png\]$/m);
});

t.test('npm run lab -- --help names the other commands, one line each saying what it does', async (t) => {
  for (const command of ['compare', 'report', 'bench']) {
    const lines = HELP.split('\n').filter((line) => line.includes(`npm run ${command} --`));
    t.equal(lines.length, 1, `npm run ${command}: one line`);
    t.match(lines[0], new RegExp(`^ {2}npm run ${command} -- .*\\S {2,}\\w.{10,}$`), `${lines[0]}: says what it does`);
  }
});

t.test('a flag whose group is not listed, or a group without flags, is a bug, not a silent omission', async (t) => {
  const table = {
    one: { type: 'boolean', group: 'a', help: ['one'] },
    two: { type: 'boolean', group: 'b', help: ['two'] },
  } as const satisfies FlagTable;
  t.throws(() => flagsHelp(table, { a: 'A:' }, 10), /--two's group 'b' is not in the groups/);
  t.throws(() => flagsHelp(table, { a: 'A:', b: 'B:', c: 'C:' }, 10), /'c' has no flag/);
  t.equal(
    flagsHelp(table, { b: 'B:', a: 'A:' }, 10),
    'B:\n  --two     two\n\nA:\n  --one     one',
    "the groups' order",
  );
});
