// compare: what two real runs come to (a talk-sized v5 run, a v3 matrix, two
// v7 runs of your app, as the lab wrote them), edited where a test needs
// another outcome. Edits are made to the file as written and read back through
// readSummary, so every verdict word is the one the lab's own rule
// (analysis/verdict.ts) gives the edited counts: compare renders words, and
// these tests never pick one for it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { proportion } from '../../harness/model/stats.js';
import { compareSummaries } from '../../harness/compare/compare.js';
import { detectableChange } from '../../harness/compare/power.js';
import { formatComparison } from '../../harness/compare/format.js';
import { loadSummary } from '../../harness/compare/load.js';
import { LabError } from '../../harness/model/errors.js';
import { EXIT } from '../../harness/model/exit-codes.js';
import { readSummary, type Summary } from '../../harness/results/schema.js';
import { DEFAULT_OPTIONS } from '../../harness/scenarios/run-options.js';

const CLASSIC = 'test/fixtures/runs/20261128-042022Z-docker/summary.json';
const MATRIX = 'test/fixtures/runs/20261127-224243Z-docker-summary-only/summary.json';
const YOURS_A = 'test/fixtures/runs/20261128-084831Z-docker-your-app-summary-only/summary.json';
const YOURS_B = 'test/fixtures/runs/20261128-085126Z-docker-your-app-summary-only/summary.json';
const classic = () => loadSummary(CLASSIC).summary;
const files = { baseline: { file: 'a', schemaVersion: 5 }, current: { file: 'b', schemaVersion: 5 } };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a summary file as written, before it is read
type Raw = any;

/**
 * The summary in `file` with `edit` applied to what was written, read as the lab reads it (verdicts recomputed by its
 * rule).
 */
function edited(file: string, edit: (raw: Raw) => void): Summary {
  const raw: Raw = JSON.parse(readFileSync(file, 'utf8'));
  edit(raw);
  const read = readSummary(raw);
  if (read.summary === null) throw new Error(`the edit broke the summary: ${read.problems.join('; ')}`);
  return read.summary;
}

/**
 * A talk-sized variant with `failures` 502s at the boundary in `hitting` of
 * `cycles` aimed cycles (boundary trials kept), shared by its cells (POST the
 * odd one), each classified as the lab does such counts: reproduced with a
 * 502, safe without.
 */
function with502s(variant: string, failures: number, hitting: number, cycles?: number) {
  return (raw: Raw) => {
    const v = raw.variants[variant];
    const n = cycles ?? v.boundaryCycles.cycles;
    v.rate502 = proportion(failures, v.rate502.trials);
    v.boundaryRate502 = proportion(failures, v.boundaryRate502.trials);
    v.boundaryCycles = { cycles: n, hitting, rate: proportion(hitting, n) };
    for (const cell of raw.cells.filter((c: Raw) => c.variant === variant)) {
      const mine = cell.method === 'POST' ? Math.ceil(failures / 2) : Math.floor(failures / 2);
      cell.outcome = mine > 0 ? 'reproduced' : 'safe';
      cell.reason = mine > 0 ? `${mine} × 502` : `no failure in ${cell.counts.boundary} boundary requests`;
      cell.counts.status502 = mine;
      cell.boundaryRate502 = proportion(mine, cell.counts.boundary);
      cell.boundaryFailureRate = proportion(mine, cell.counts.boundary);
    }
  };
}

const both =
  (...edits: Array<(raw: Raw) => void>) =>
  (raw: Raw) =>
    edits.forEach((e) => e(raw));
const statuses = (c: ReturnType<typeof compareSummaries>) => c.rows.map((r) => [r.name, r.status]);

t.test('a clean REPRODUCED run against itself: ok, exit 0, with both verdict words on every row', async (t) => {
  const c = compareSummaries(classic(), classic());
  t.match(c, {
    status: 'ok',
    exitCode: EXIT.ok,
    passed: true,
    reasons: [],
    baseline: { verdict: { word: 'REPRODUCED' } },
    current: { verdict: { word: 'REPRODUCED' } },
  });
  t.same(
    c.rows.map((r) => [r.name, r.expected, r.change?.unit, r.change?.difference, r.status, r.why]),
    [
      ['default', 'race', 'cycles', 0, 'ok', 'REPRODUCED in both'],
      ['fixed', 'safe', 'cycles', 0, 'ok', 'SAFE in both'],
    ],
  );
  t.same(
    c.rows[0].current?.verdicts.map((v) => [v.cell, v.word, v.tone]),
    [
      ['default-post', 'REPRODUCED', 'bad'],
      ['default-get', 'REPRODUCED', 'bad'],
    ],
    "a variant's words are its cells'",
  );
  const text = formatComparison(c, files);
  t.match(text, /^baseline: REPRODUCED {2}20261128-042022Z-docker/);
  t.match(text, /\ndefault +default +racy +REPRODUCED +REPRODUCED +33\/56, 6\/7 cycles/);
  t.match(text, /NO REGRESSION \(exit 0\)/);
});

t.test(
  'each row states the smallest change its sample could detect, in the direction that would be worse',
  async (t) => {
    const c = compareSummaries(classic(), classic());
    const [def, fixed] = c.rows;
    // 7 aimed cycles a side, each row at 97.5 %: a fix that must be safe is only caught failing in more than half its
    // cycles.
    t.equal(fixed.detectable?.unit, 'cycles');
    t.ok(fixed.detectable!.up! > 0.5 && fixed.detectable!.up! < 0.6, String(fixed.detectable!.up));
    t.equal(fixed.detectable!.down, null, 'nothing below 0 %');
    t.ok(def.detectable!.down! > 0.7, "Node's defaults at 6 of 7 cycles: only a drop of over 70 points shows");
    const text = formatComparison(c, files);
    t.match(text, /detectable \(80 %\)/);
    t.match(text, /\nfixed .* \+54 % +ok\n/);
    t.match(text, /\ndefault .* −73 % +ok\n/);
    t.match(text, /"ok" means no larger change, not no change/);
  },
);

t.test('a fix that held and fails now is a regression: exit 99, its words on its row', async (t) => {
  const c = compareSummaries(classic(), edited(CLASSIC, with502s('fixed', 1, 1)));
  t.match(c, { status: 'regression', exitCode: 99, passed: false, current: { verdict: { word: 'FIX FAILED' } } });
  t.same(statuses(c), [
    ['default', 'ok'],
    ['fixed', 'regression'],
  ]);
  t.equal(
    c.rows[1].why,
    'SAFE → FIX FAILED (fixed-post), SAFE (fixed-get)',
    'each word with its cell when they differ',
  );
  t.equal(
    c.rows[1].change?.significant,
    false,
    'caught by its verdict, although 1 of 7 cycles against 0 is within chance',
  );
  t.match(c.reasons, [/^the run's verdict: REPRODUCED → FIX FAILED$/, /^fixed: SAFE → FIX FAILED/]);
  t.match(
    formatComparison(c, files),
    /\nfixed .*REGRESSION\n[\s\S]*REGRESSION \(exit 99\): worse than the baseline \(2\):\n {2}- the run's verdict/,
  );
});

t.test('a run that fails as its baseline did is still failing, not a regression: exit 100', async (t) => {
  const failed = edited(CLASSIC, with502s('fixed', 2, 1));
  const c = compareSummaries(failed, failed);
  t.match(c, { status: 'still failing', exitCode: EXIT.stillFailing, passed: false });
  t.same(statuses(c), [
    ['default', 'ok'],
    ['fixed', 'still failing'],
  ]);
  t.same(c.reasons, ["the run's verdict: FIX FAILED in both", 'fixed: FIX FAILED in both']);
  t.match(
    formatComparison(c, files),
    /STILL FAILING \(exit 100\): the current run fails as its baseline did; nothing got worse/,
  );
});

t.test('a failed fix that holds now is improved: exit 0', async (t) => {
  const c = compareSummaries(edited(CLASSIC, with502s('fixed', 2, 1)), classic());
  t.match(c, { status: 'ok', exitCode: 0 });
  t.same(statuses(c), [
    ['default', 'ok'],
    ['fixed', 'improved'],
  ]);
  t.match(formatComparison(c, files), /improved \(1\):\n {2}- fixed: FIX FAILED → SAFE\n/);
});

t.test("Node's defaults no longer showing the race is a regression, with the rate that moved", async (t) => {
  const c = compareSummaries(classic(), edited(CLASSIC, with502s('default', 0, 0)));
  t.match(c, { status: 'regression', exitCode: 99, current: { verdict: { word: 'NOT REPRODUCED' } } });
  t.match(c.rows[0], {
    status: 'regression',
    why: /^REPRODUCED → NOT REPRODUCED; its failure rate per aimed cycle moved down by 86 %/,
  });
});

t.test(
  "a rate beyond chance: worse (Node's defaults showing the race less) is a regression; the other way it changed, exit 0",
  async (t) => {
    const rare = edited(CLASSIC, with502s('default', 3, 3, 30));
    const often = edited(CLASSIC, with502s('default', 20, 20, 30));
    const down = compareSummaries(often, rare);
    t.match(down, { status: 'regression', exitCode: 99, family: { rows: 2, rowLevel: 0.975 } });
    t.match(down.rows[0], {
      status: 'regression',
      why: /^REPRODUCED in both; its failure rate per aimed cycle moved down by 57 % \(97\.5 % interval −74 % … −29 %\)/,
    });
    const up = compareSummaries(rare, often);
    t.match(up, { status: 'ok', exitCode: 0 });
    t.equal(up.rows[0].status, 'changed');
    t.match(
      formatComparison(up, files),
      /changed, neither better nor worse \(1\):\n {2}- default: REPRODUCED in both; its failure rate per aimed cycle moved up by 57 %/,
    );
    const within = compareSummaries(
      edited(CLASSIC, with502s('default', 2, 2)),
      edited(CLASSIC, with502s('default', 5, 4)),
    );
    t.same(
      statuses(within),
      [
        ['default', 'ok'],
        ['fixed', 'ok'],
      ],
      '2 of 7 → 4 of 7 cycles: within chance with 7 cycles',
    );
  },
);

t.test(
  'a matrix compares per cell; v3 cells by boundary request, and it says so; a too-short fix is a finding',
  async (t) => {
    const m = loadSummary(MATRIX);
    t.equal(m.schemaVersion, 3, 'the file as written');
    const c = compareSummaries(m.summary, m.summary);
    t.match(c, { status: 'ok', exitCode: 0 });
    t.same(
      c.rows.map((r) => r.name),
      m.summary.cells.map((cell) => cell.name),
    );
    t.ok(c.rows.every((r) => r.kind === 'cell' && r.change?.unit === 'requests' && r.status === 'ok'));
    t.equal(c.family.rows, m.summary.cells.length, 'Bonferroni over every cell compared');
    t.match(c.notes, [/compared by boundary request, since a summary older than v6/]);
    const tooShort = c.rows.find((r) => r.name === 'node24-standalone-too-short-post')!;
    t.match(
      tooShort,
      { expected: null, why: 'REPRODUCED in both' },
      'a too-short fix is a finding either way, never a regression',
    );
  },
);

t.test('rows without a baseline say so, not ok; nor are their rates compared', async (t) => {
  const fewer = edited(MATRIX, (raw) => {
    raw.cells = raw.cells.filter((c: Raw) => c.name.startsWith('node20-'));
  });
  const c = compareSummaries(fewer, loadSummary(MATRIX).summary);
  const withStatus = (s: string) => c.rows.filter((r) => r.status === s);
  t.equal(withStatus('ok').length, 4);
  t.equal(withStatus('no baseline').length, 26);
  t.ok(
    withStatus('no baseline').every(
      (r) => r.change === null && r.detectable === null && /now; not in the baseline$/.test(r.why),
    ),
  );
  t.equal(c.family.rows, 4, 'only shared rows count in the correction');
  const back = compareSummaries(loadSummary(MATRIX).summary, fewer);
  t.equal(back.rows.filter((r) => r.status === 'baseline only').length, 26);
  t.match(formatComparison(c, files), /\nnode22-standalone-default-post .* no baseline\n/);
});

t.test(
  "a GET of Node's defaults that missed the race beside its POST that showed it fails nothing, as in the run's own verdict",
  async (t) => {
    const missed = edited(MATRIX, (raw) => {
      const get = raw.cells.find((c: Raw) => c.name === 'node20-standalone-default-get');
      Object.assign(get, { outcome: 'safe', reason: 'no failure in 63 boundary requests' });
      get.counts.status502 = 0;
      get.boundaryRate502 = proportion(0, get.boundaryRate502.trials);
    });
    t.equal(missed.verdict.word, 'REPRODUCED', "the run's own rule: the app showed the race in POST");
    const c = compareSummaries(loadSummary(MATRIX).summary, missed);
    t.match(c, { status: 'ok', exitCode: 0 });
    t.match(
      c.rows.find((r) => r.name === 'node20-standalone-default-get'),
      { status: 'changed', why: 'REPRODUCED → NOT REPRODUCED' },
    );
  },
);

t.test("a cell that shows the race without a 502 (HAProxy's empty replies) is no regression", async (t) => {
  const m = edited(MATRIX, (raw) => {
    const cell = raw.cells.find((c: Raw) => c.fix === 'default');
    Object.assign(cell, { lb: 'haproxy', outcome: 'reproduced', reason: '5 × empty reply' });
    // A dropped connection is a client-side error too: the counts must add up (analysis/invariants.ts).
    cell.counts = { ...cell.counts, status502: 0, emptyReply: 5, clientErrors: 5 };
  });
  t.equal(m.verdict.word, 'REPRODUCED', 'the edit is a run the lab could have written');
  const c = compareSummaries(m, m);
  t.match(c, { status: 'ok', exitCode: 0 });
  t.match(c.rows[0], {
    expected: 'race',
    lb: 'haproxy',
    current: { failures: 5, outcome: 'reproduced', verdicts: [{ word: 'REPRODUCED' }] },
    status: 'ok',
  });
});

t.test('your app: two UNSAFE runs are still failing (exit 100), and UNSAFE is printed', async (t) => {
  const a = loadSummary(YOURS_A);
  const b = loadSummary(YOURS_B);
  t.equal(a.schemaVersion, 7);
  const c = compareSummaries(a.summary, b.summary);
  t.match(c, {
    status: 'still failing',
    exitCode: EXIT.stillFailing,
    baseline: { verdict: { word: 'UNSAFE' } },
    current: { verdict: { word: 'UNSAFE' } },
  });
  t.match(c.rows, [
    { name: 'yours-get', fix: 'yours', expected: 'safe', status: 'still failing', why: 'REPRODUCED in both' },
  ]);
  const text = formatComparison(c, files);
  t.match(text, /^baseline: UNSAFE {2}20261128-084831Z-docker/);
  t.match(text, /\ncurrent: {2}UNSAFE {2}20261128-085126Z-docker/);
  t.notMatch(text, /NO REGRESSION/);
  t.match(
    text,
    /STILL FAILING \(exit 100\)[^\n]*\n {2}- the run's verdict: UNSAFE in both\n {2}- yours-get: REPRODUCED in both/,
  );
});

t.test('your app made SAFE is improved (exit 0); SAFE and then UNSAFE is a regression (exit 99)', async (t) => {
  const safe = edited(YOURS_B, (raw) => {
    const cell = raw.cells[0];
    Object.assign(cell, { outcome: 'safe', reason: 'no failure' });
    cell.counts = { ...cell.counts, status502: 0 };
    cell.boundaryFailureRate = proportion(0, cell.boundaryFailureRate.trials);
    cell.boundaryRate502 = proportion(0, cell.boundaryRate502.trials);
    cell.boundaryCycles = { ...cell.boundaryCycles, hitting: 0, rate: proportion(0, cell.boundaryCycles.cycles) };
    Object.assign(raw.yourApp[0], { verdict: 'SAFE', line: 'SAFE: no failure' });
  });
  t.equal(safe.verdict.word, 'SAFE');
  const fixed = compareSummaries(loadSummary(YOURS_A).summary, safe);
  t.match(fixed, { status: 'ok', exitCode: 0, rows: [{ status: 'improved', why: 'REPRODUCED → SAFE' }] });
  t.match(formatComparison(fixed, files), /NO REGRESSION \(exit 0\): your app is SAFE now/);
  const broke = compareSummaries(safe, loadSummary(YOURS_A).summary);
  t.match(broke, {
    status: 'regression',
    exitCode: 99,
    reasons: ["the run's verdict: SAFE → UNSAFE", 'yours-get: SAFE → REPRODUCED'],
  });
});

t.test('an interrupted run, even against itself, is incomplete (exit 101): no rate or verdict compared', async (t) => {
  const interrupted = edited(CLASSIC, (raw) => Object.assign(raw, { complete: false, interrupted: true }));
  t.equal(interrupted.verdict.word, 'INCOMPLETE');
  const c = compareSummaries(interrupted, interrupted);
  t.match(c, { status: 'incomplete', exitCode: EXIT.incomplete, passed: false, family: { rows: 0 } });
  t.same(statuses(c), [
    ['default', 'incomplete'],
    ['fixed', 'incomplete'],
  ]);
  t.ok(c.rows.every((r) => r.change === null && r.detectable === null));
  t.match(c.reasons, [/^the baseline did not finish \(the run was interrupted\)/, /^the current run did not finish/]);
  t.match(formatComparison(c, files), /INCOMPLETE \(exit 101\): nothing is concluded from a run that did not finish/);
  t.equal(compareSummaries(classic(), interrupted).status, 'incomplete', 'against a clean baseline too');
});

t.test(
  'runs whose settings move a rate are not comparable (exit 102), the settings named; cycles and releases only noted',
  async (t) => {
    const retried = edited(CLASSIC, (raw) => {
      raw.scenario.retryPolicy = 'nginx';
      raw.options.retryPolicy = 'nginx';
    });
    const c = compareSummaries(classic(), retried);
    t.match(c, {
      status: 'not comparable',
      exitCode: EXIT.notComparable,
      reasons: ['retry policy: alb in the baseline, nginx now'],
      family: { rows: 0 },
    });
    t.ok(c.rows.every((r) => r.status === 'not comparable' && r.change === null));
    t.match(
      formatComparison(c, files),
      /NOT COMPARABLE \(exit 102\): the runs differ in what moves a failure rate[^\n]*\n {2}- retry policy: alb in the baseline, nginx now/,
    );
    const concurrency = compareSummaries(
      classic(),
      edited(CLASSIC, (raw) => (raw.options.concurrency = 16)),
    );
    t.same(concurrency.reasons, ['concurrency: 8 in the baseline, 16 now']);
    const longer = compareSummaries(
      classic(),
      edited(CLASSIC, (raw) => {
        raw.options.cycles = 12;
        raw.versions.node = 'v99.0.0';
        raw.scenario.haproxyReuse = 'always';
      }),
    );
    t.match(
      longer,
      { status: 'ok', exitCode: 0 },
      "a larger sample, a new release and HAProxy's setting (no row behind HAProxy) move no rate here",
    );
    t.same(longer.notes, [
      'HAProxy http-reuse: safe in the baseline, always now',
      'cycles: 1 in the baseline, 12 now',
      'node: 24.21.0 in the baseline, v99.0.0 now',
    ]);
  },
);

t.test('your app behind another LB is not comparable: its cell has the same name', async (t) => {
  const caddy = edited(YOURS_B, (raw) => (raw.cells[0].lb = 'caddy'));
  const c = compareSummaries(loadSummary(YOURS_A).summary, caddy);
  t.match(c, { status: 'not comparable', reasons: ['yours-get: behind nginx in the baseline, caddy now'] });
});

t.test("a run's own verdict failing without any row (harness and LB log disagree) is a regression", async (t) => {
  const mismatch = edited(
    CLASSIC,
    (raw) =>
      (raw.nginx.mismatches = [
        {
          variant: 'default',
          harness502: 33,
          accessLog502: 32,
          missingInAccessLog: ['c1-default-0'],
          missingInHarness: [],
        },
      ]),
  );
  t.equal(mismatch.verdict.word, 'INCONCLUSIVE');
  const c = compareSummaries(classic(), mismatch);
  t.match(c, { status: 'regression', exitCode: 99, reasons: ["the run's verdict: REPRODUCED → INCONCLUSIVE"] });
  t.same(statuses(c), [
    ['default', 'ok'],
    ['fixed', 'ok'],
  ]);
});

t.test('runs with nothing in common cannot be compared: exit 2', async (t) => {
  t.throws(() => compareSummaries(classic(), loadSummary(MATRIX).summary), {
    message: /share no variant or cell/,
    exitCode: 2,
  });
});

t.test('files that cannot be compared: one line each, exit 2', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'compare-'));
  writeFileSync(join(dir, 'broken.json'), '{"schemaVersion": 5, ');
  writeFileSync(join(dir, 'future.json'), '{"schemaVersion": 99}');
  for (const [path, message] of [
    [join(dir, 'missing'), /no such file or directory/],
    [dir, /no summary\.json in that directory/],
    [join(dir, 'broken.json'), /is not JSON/],
    [join(dir, 'future.json'), /schemaVersion 99 is not one this lab reads/],
  ] as const) {
    try {
      loadSummary(path);
      t.fail(`${path} accepted`);
    } catch (err) {
      t.type(err, LabError);
      t.equal((err as LabError).exitCode, 2);
      t.match((err as LabError).message, message);
      t.notMatch((err as LabError).message, /\n/, 'one line');
    }
  }
});

t.test('npm run compare: each answer its own exit code', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'compare-cli-'));
  const write = (name: string, edit: (raw: Raw) => void) => {
    const raw: Raw = JSON.parse(readFileSync(CLASSIC, 'utf8'));
    edit(raw);
    writeFileSync(join(dir, name), JSON.stringify(raw));
    return join(dir, name);
  };
  const regressed = write('regressed.json', with502s('fixed', 2, 1));
  const interrupted = write('interrupted.json', (raw) => Object.assign(raw, { complete: false, interrupted: true }));
  const retried = write(
    'retried.json',
    both(
      (raw) => (raw.scenario.retryPolicy = 'nginx'),
      (raw) => (raw.options.retryPolicy = 'nginx'),
    ),
  );
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import=tsx', 'harness/cli/compare.ts', ...args], { encoding: 'utf8' });
  for (const [baseline, current, code, said] of [
    [CLASSIC, CLASSIC, 0, /NO REGRESSION \(exit 0\)/],
    [
      CLASSIC,
      regressed,
      99,
      /REGRESSION \(exit 99\)[^\n]*\n {2}- the run's verdict: REPRODUCED → FIX FAILED\n {2}- fixed: SAFE → FIX FAILED/,
    ],
    [regressed, regressed, 100, /STILL FAILING \(exit 100\)/],
    [YOURS_A, YOURS_B, 100, /^baseline: UNSAFE/],
    [interrupted, interrupted, 101, /INCOMPLETE \(exit 101\)/],
    [CLASSIC, retried, 102, /NOT COMPARABLE \(exit 102\)/],
  ] as const) {
    const out = run(baseline, current);
    t.equal(out.status, code, `${baseline} ${current}: ${out.stderr}`);
    t.match(out.stdout, said);
  }
  const json = JSON.parse(
    execFileSync(process.execPath, ['--import=tsx', 'harness/cli/compare.ts', CLASSIC, CLASSIC, '--json'], {
      encoding: 'utf8',
    }),
  );
  t.match(json, {
    status: 'ok',
    exitCode: 0,
    passed: true,
    files: { baseline: { schemaVersion: 5 } },
    rows: [{ name: 'default', status: 'ok', current: { verdicts: [{ word: 'REPRODUCED' }] } }, { name: 'fixed' }],
  });
  const help = run('--help');
  t.match(
    help.stdout,
    /Exit codes: 0 .* 99 a regression,\n +100 still failing .*\n +101 incomplete .* 102 not comparable/,
  );
  const missing = run(CLASSIC);
  t.equal(missing.status, 2);
  t.match(missing.stderr, /compare needs two runs/);
  t.notMatch(missing.stderr, /at .*\.ts:\d+/, 'no stack trace');
});

t.test(
  "docs/compare.md's example is what compare prints for the committed runs, and its detectable change the code's",
  async (t) => {
    const readme = readFileSync('docs/compare.md', 'utf8');
    const example = /\n\$ npm run compare -- (\S+) (\S+)\n([\s\S]*?)\n```/.exec(readme);
    t.ok(example, 'an example in docs/compare.md');
    const [, a, b, printed] = example!;
    const [baseline, current] = [loadSummary(a), loadSummary(b)];
    const c = compareSummaries(baseline.summary, current.summary);
    const shown = {
      baseline: { file: baseline.file, schemaVersion: baseline.schemaVersion },
      current: { file: current.file, schemaVersion: current.schemaVersion },
    };
    t.equal(printed, formatComparison(c, shown));
    const defaultCycles = DEFAULT_OPTIONS.cycles;
    const up = detectableChange(0, defaultCycles, defaultCycles, 0.05)!.up!;
    t.match(
      readme,
      `With\nthe default ${defaultCycles} cycles a side and one row, a row whose baseline failed in none\nof its cycles would have to fail in ${Math.round(up * 100)} % of its cycles`,
    );
  },
);

t.test(
  'npm run lab -- --baseline: a bad file exits 2 before anything runs; so does --out into a missing directory',
  async (t) => {
    const resultsDir = mkdtempSync(join(tmpdir(), 'baseline-'));
    const lab = (...args: string[]) =>
      spawnSync(process.execPath, ['--import=tsx', 'harness/cli/lab.ts', '--results-dir', resultsDir, ...args], {
        encoding: 'utf8',
        timeout: 60_000,
      });
    const missing = lab('--baseline', join(resultsDir, 'nope.json'));
    t.equal(missing.status, 2);
    t.match(missing.stderr, /^keepalive-lab: .*nope\.json: no such file or directory\.\n {2}hint: /);
    const notSummary = lab('--baseline', 'package.json');
    t.equal(notSummary.status, 2);
    t.match(notSummary.stderr, /package\.json is not a summary this lab can compare/);
    const incompatible = lab('--baseline', MATRIX);
    t.equal(incompatible.status, 2, 'a matrix baseline for a talk-sized run: nothing in common, said before the run');
    t.match(
      incompatible.stderr,
      /share no variant or cell \(node20-standalone-default-post, .* and 26 more against default, fixed\)/,
    );
    const out = lab('--out', join(resultsDir, 'no-such-dir', 'summary.json'));
    t.equal(out.status, 2);
    t.match(out.stderr, /--out .*: the directory .*no-such-dir does not exist/);
    const outDir = lab('--out', tmpdir());
    t.equal(outDir.status, 2);
    t.match(outDir.stderr, /--out .* is a directory; give a file name/);
    t.same(readdirSync(resultsDir), [], 'no run was started');
  },
);

t.test(
  'LB-side fixes: a row names its fix and what the fix must show; a run compared with itself changes nothing',
  async (t) => {
    const { summary } = loadSummary('docs/measurements/lb-fixes');
    const c = compareSummaries(summary, summary);
    const row = (name: string) => c.rows.find((r) => r.name === name)!;
    t.equal(row('lbfix-keepalive-timeout-4s-post').fix, 'lbfix keepalive-timeout-4s');
    t.equal(row('lbfix-keepalive-timeout-4s-post').expected, 'safe', 'a 4 s idle timeout must hold');
    t.equal(row('lbfix-keepalive-timeout-5900ms-post').expected, null, 'too close to call: a finding either way');
    t.equal(row('node24-standalone-default-post').fix, 'default', 'the baseline: the app as it ships');
    t.ok(
      c.rows.every((r) => r.status !== 'regression'),
      'no row is a regression of itself',
    );
  },
);
