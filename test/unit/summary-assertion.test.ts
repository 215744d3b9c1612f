// analysis/assertion.ts: what --assert and --assert safe ask of a run, and
// the reasons it fails them, in their order. Expected reasons written out.
import t from 'tap';
import {
  assertionOf,
  matrixReasons,
  yourAppReasons,
  type AssertedCell,
  type AssertionInput,
} from '../../harness/analysis/assertion.js';
import type { VerdictWord } from '../../harness/model/verdict.js';

function cell(
  name: string,
  fix: string,
  outcome: AssertedCell['outcome'],
  word: VerdictWord,
  lb: AssertedCell['lb'] = 'nginx',
): AssertedCell {
  return {
    name,
    variant: name.replace(/-(post|get)$/, ''),
    fix,
    lbFix: 'none',
    lb,
    outcome,
    reason: `${name}'s reason`,
    verdict: { word },
  };
}

const FAILED_FIX = cell('n-article-post', 'article', 'reproduced', 'FIX FAILED');

t.test("matrixReasons: fixes that must hold did, and Node's defaults still show the race", async (t) => {
  t.same(
    matrixReasons([
      FAILED_FIX,
      cell('n-article-get', 'article', 'safe', 'SAFE'),
      // Its GET showed the race: the app still shows it, its POST's safe is no reason.
      cell('n-default-post', 'default', 'safe', 'NOT REPRODUCED'),
      cell('n-default-get', 'default', 'reproduced', 'REPRODUCED'),
      cell('m-default-post', 'default', 'inconclusive', 'INCONCLUSIVE'),
      // No expectation: behind HAProxy outliving its setting is no pass; too-short either way; your app apart.
      cell('h-article-post', 'article', 'reproduced', 'INCONCLUSIVE', 'haproxy'),
      cell('n-too-short-post', 'too-short', 'reproduced', 'REPRODUCED'),
      cell('yours-post', 'yours', 'reproduced', 'REPRODUCED'),
    ]),
    [
      "n-article-post (fix article) is reproduced: n-article-post's reason",
      "m-default-post no longer shows the race (inconclusive: m-default-post's reason)",
    ],
  );
  t.same(matrixReasons([]), []);
});

t.test('yourAppReasons: your app, not the comparison, must be SAFE', async (t) => {
  t.same(
    yourAppReasons([
      { variant: 'yours', verdict: 'UNSAFE', line: 'UNSAFE: it closes first' },
      { variant: 'compared', verdict: 'UNSAFE', line: 'UNSAFE: so does this' },
    ]),
    ['yours is UNSAFE: UNSAFE: it closes first'],
  );
  t.same(yourAppReasons([{ variant: 'yours', verdict: 'SAFE', line: 'SAFE' }]), []);
});

const CLASSIC: AssertionInput = {
  kind: 'classic',
  assert: true,
  assertSafe: false,
  complete: true,
  interrupted: false,
  failure: null,
  cells: [],
  yourApp: null,
  verdict: { word: 'REPRODUCED', reasons: [] },
  mismatches: 0,
};

t.test('assertionOf: the talk-sized run must be REPRODUCED, complete, its counts agreeing', async (t) => {
  t.same(assertionOf(CLASSIC), { requested: true, passed: true, reasons: [] });
  t.same(assertionOf({ ...CLASSIC, assert: false }), { requested: false, passed: true, reasons: [] });
  t.same(
    assertionOf({ ...CLASSIC, verdict: { word: 'FIX FAILED', reasons: ['fixed-post: 1 × 502'] } }).reasons,
    ['fixed-post: 1 × 502'],
    "the verdict's own reasons",
  );
  t.same(
    assertionOf({ ...CLASSIC, verdict: { word: 'MASKED', reasons: [] } }),
    { requested: true, passed: false, reasons: ['the verdict is MASKED'] },
    'a word without reasons: the word',
  );
  t.same(
    assertionOf({
      ...CLASSIC,
      complete: false,
      interrupted: true,
      verdict: { word: 'INCOMPLETE', reasons: ['x'] },
      mismatches: 1,
    }).reasons,
    ['the run was interrupted', 'harness and nginx access log disagree on 502s'],
    "an unfinished run: why, not its verdict's reasons",
  );
  t.same(
    assertionOf({
      ...CLASSIC,
      complete: false,
      failure: { phase: 'collect' },
      verdict: { word: 'INCOMPLETE', reasons: [] },
    }).reasons,
    ['the run failed during collect'],
  );
});

t.test('assertionOf: a matrix asks its expectations; --assert safe asks your app', async (t) => {
  const matrix: AssertionInput = {
    ...CLASSIC,
    kind: 'matrix',
    assert: false,
    assertSafe: true,
    complete: false,
    failure: { phase: 'traffic' },
    cells: [FAILED_FIX],
    yourApp: [{ variant: 'yours', verdict: 'INCONCLUSIVE', line: 'INCONCLUSIVE: too few' }],
    verdict: { word: 'INCOMPLETE', reasons: [] },
    mismatches: 2,
  };
  t.same(assertionOf(matrix), {
    requested: true,
    passed: false,
    reasons: [
      "n-article-post (fix article) is reproduced: n-article-post's reason",
      'yours is INCONCLUSIVE: INCONCLUSIVE: too few',
      'the run failed during traffic',
      'harness and nginx access log disagree on 502s',
    ],
  });
  t.same(
    assertionOf({ ...matrix, assertSafe: false, complete: true, failure: null, mismatches: 0, cells: [] }),
    { requested: false, passed: true, reasons: [] },
    'a matrix is never asked for REPRODUCED; your app only with --assert safe',
  );
});
