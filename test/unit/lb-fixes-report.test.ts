// The LB-side fixes' tables and answer (report.md and docs/lb-fixes.md): each
// fix grouped by its cells' verdict words, its price and evidence as the cells
// carry them, the baseline first.
import t from 'tap';
import { lbFixAnswer, lbFixRepeatsTable, lbFixSection, lbFixTable } from '../../harness/report/lb-fixes.js';
import type { Summary } from '../../harness/results/schema.js';

type Cell = Summary['cells'][number];

/** A cell with only what the tables read; the rest of a real cell is not looked at. */
function cell(variant: string, lbFix: string, method: string, word: string, over: Partial<Cell> = {}): Cell {
  return {
    variant,
    lb: variant.startsWith('haproxy') ? 'haproxy' : 'nginx',
    lbFix,
    method,
    verdict: { word, tone: 'good', reasons: [], evidence: null, text: word },
    counts: { masked: 0, aimed: 40, boundary: 32 } as Cell['counts'],
    boundaryFailureRate: { failures: 0, trials: 32, rate: 0, low: 0, high: 0.09, method: 'exact-one-sided' },
    clientSaw: 'no failure',
    connectionsPer1000: 500,
    addedLatencyMs: lbFix === 'none' ? null : { median: 0.4, p99: -1.25 },
    duplicates: 0,
    ...over,
  } as unknown as Cell;
}

const summary = {
  cells: [
    cell('lbfix-keepalive-timeout-4s', 'keepalive-timeout-4s', 'POST', 'SAFE'),
    cell('lbfix-keepalive-timeout-4s', 'keepalive-timeout-4s', 'GET', 'SAFE'),
    cell('node24-standalone-default', 'none', 'POST', 'REPRODUCED', {
      boundaryFailureRate: { failures: 8, trials: 32, rate: 0.25, low: 0.13, high: 0.42, method: 'wilson' },
      clientSaw: '8 × 502',
    }),
    cell('node24-standalone-default', 'none', 'GET', 'REPRODUCED'),
    cell('lbfix-retry-non-idempotent', 'retry-non-idempotent', 'POST', 'MASKED', {
      counts: { masked: 7, aimed: 40, boundary: 32 } as Cell['counts'],
      duplicates: 2,
    }),
    cell('lbfix-retry-non-idempotent', 'retry-non-idempotent', 'GET', 'MASKED', {
      counts: { masked: 5, aimed: 40, boundary: 32 } as Cell['counts'],
    }),
    cell('lbfix-keepalive-timeout-5900ms', 'keepalive-timeout-5900ms', 'POST', 'REPRODUCED'),
    cell('lbfix-keepalive-timeout-5900ms', 'keepalive-timeout-5900ms', 'GET', 'SAFE'),
  ],
} as unknown as Summary;

t.test(
  'the answer groups each fix by its verdicts: SAFE everywhere, MASKED (a replay), or the race left',
  async (t) => {
    t.equal(
      lbFixAnswer([summary]),
      [
        '**nginx**',
        '',
        '- Safe for POST and GET:',
        '  - keepalive-timeout-4s (SAFE)',
        '- Hides the race by replaying the request (not safe for a request that must not run twice):',
        '  - retry-non-idempotent (MASKED) — retried 7 POST and 5 GET; answered twice: 2',
        '- Leaves the race there:',
        '  - keepalive-timeout-5900ms (REPRODUCED (POST), SAFE (GET))',
      ].join('\n'),
    );
  },
);

t.test("a table per LB: the baseline first, each method's verdict and evidence, then the price", async (t) => {
  const rows = lbFixTable(summary, 'nginx').split('\n');
  t.equal(rows.length, 2 + 4, 'header, rule, and the four apps');
  t.match(
    rows[2],
    /^\| none: the LB as the lab sets it \| REPRODUCED 8 \/ 40 aimed: 20\.0 % \(10\.5 %–34\.8 %\) 502 \|/,
  );
  t.match(rows[2], /\| 500\.0 \| — · — \| 0 · 0 \|$/, 'a baseline has no added latency');
  t.match(rows[3], /^\| keepalive-timeout-4s: upstream keepalive_timeout 4 s: .*SAFE 0 \/ 40 aimed: ≤ 7\.2 %/);
  t.match(rows[3], /\| \+0\.4 \/ −1\.3 · \+0\.4 \/ −1\.3 \|/, 'median / p99 per method, signed');
  t.match(rows[4], /\| 2 · 0 \|$/, 'answered twice, POST · GET');
  t.same(lbFixTable(summary, 'haproxy').split('\n').length, 2, 'an LB without cells: the header only');
});

t.test("report.md's section: only for a run with an LB-side fix", async (t) => {
  t.match(lbFixSection(summary).join('\n'), /^## LB-side fixes\n\n\*\*nginx\*\*[\s\S]*\n### nginx\n\n\| Setting \|/);
  const plain = { cells: summary.cells.filter((c) => c.lbFix === 'none') } as unknown as Summary;
  t.same(lbFixSection(plain), []);
});

t.test(
  'across repeated runs: SAFE only when every run says so, and the failures summed with their interval',
  async (t) => {
    // The second run: the 5.9 s fix raced once in 32 POSTs; the rest as in the first.
    const second = {
      cells: summary.cells.map((c) =>
        c.variant === 'lbfix-keepalive-timeout-5900ms' && c.method === 'GET'
          ? {
              ...c,
              verdict: { ...c.verdict, word: 'REPRODUCED' },
              boundaryFailureRate: {
                failures: 1,
                trials: 32,
                rate: 1 / 32,
                low: 0.0055,
                high: 0.157,
                method: 'wilson',
              },
            }
          : c,
      ),
    } as unknown as Summary;
    const answer = lbFixAnswer([summary, second]);
    t.match(answer, /- Safe for POST and GET in every run:\n {2}- keepalive-timeout-4s \(SAFE in all 2 runs\)\n/);
    t.match(answer, /retry-non-idempotent \(MASKED in all 2 runs\) — retried 14 POST and 10 GET; answered twice: 4/);
    t.match(
      answer,
      /- Leaves the race there \(in at least one run\):\n {2}- keepalive-timeout-5900ms \(in 2 runs: REPRODUCED \(POST\), SAFE \(GET\) · REPRODUCED\)/,
    );
    const rows = lbFixRepeatsTable([summary, second]).split('\n');
    t.match(rows[0], /Verdicts, run by run \(2 runs\)/);
    // 0 + 0 failures in 40 + 40 aimed GETs, and 0 + 1 for the 5.9 s fix's: the sums' rate, not either run's.
    t.match(
      rows.find((r) => r.includes('keepalive-timeout-4s')),
      /\| 0 \/ 80: ≤ 3\.7 % \| 0 \/ 80: ≤ 3\.7 % \|$/,
    );
    t.match(
      rows.find((r) => r.includes('keepalive-timeout-5900ms')),
      /\| 0 \/ 80: ≤ 3\.7 % \| 1 \/ 80: 1\.3 % \(0\.2 %–6\.7 %\) \|$/,
    );
    t.match(
      rows.find((r) => r.includes('| none |')),
      /REPRODUCED · REPRODUCED \| 16 \/ 80: 20\.0 % \(12\.7 %–30\.0 %\)/,
    );
  },
);

t.test('a run with no answer for a fix (INCONCLUSIVE) files it as no answer, never as leaving the race', async (t) => {
  const short = {
    cells: summary.cells.map((c) =>
      c.variant === 'lbfix-keepalive-timeout-4s' ? { ...c, verdict: { ...c.verdict, word: 'INCONCLUSIVE' } } : c,
    ),
  } as unknown as Summary;
  const answer = lbFixAnswer([summary, short]);
  t.match(
    answer,
    /\n- No answer yet \(a run found too little to say\):\n {2}- keepalive-timeout-4s \(in 2 runs: SAFE · INCONCLUSIVE\)$/,
  );
  t.notMatch(answer, /Leaves the race there[^-]*- keepalive-timeout-4s/);
  t.notMatch(lbFixAnswer([summary]), /No answer yet/, 'the group shows only when a fix is in it');
});
