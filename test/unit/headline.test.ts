// The terminal headline: the outcome in words first, the counts after; colour
// only where a terminal wants it.
import { stripVTControlCharacters } from 'node:util';
import t from 'tap';
import { loadSummary } from '../../harness/compare/load.js';
import { headlineText, wantsColour } from '../../harness/report/headline.js';
import { syntheticRun } from '../helpers/synthetic-run.js';

const classic = () => loadSummary('test/fixtures/runs/20261128-042022Z-docker/summary.json').summary;
const ESC = '\u001b[';

t.test('the talk-sized run: outcome word, then each variant at the boundary', async (t) => {
  t.equal(
    headlineText(classic(), false),
    "REPRODUCED  default 33 × 502 / 56   fixed 0 / 175 (≤ 1.7 %, ≤ 35 % per cycle), not tested at the LB's 60 s",
  );
});

t.test('colour underlines the words, never replaces them', async (t) => {
  const coloured = headlineText(classic(), true);
  t.ok(coloured.includes(ESC), 'styled');
  // Without its escape codes it is the plain headline, word for word.
  t.equal(stripVTControlCharacters(coloured), headlineText(classic(), false));
});

t.test("a matrix counts its cells by their verdicts' words; an incomplete run says so first", async (t) => {
  const matrix = loadSummary('test/fixtures/runs/20261127-224243Z-docker-summary-only/summary.json').summary;
  // That run: Node's defaults behind nginx showed the race (POST 502, GET too with the retry policy of the time), every
  // fix held.
  t.equal(headlineText(matrix, false), 'REPRODUCED  14 REPRODUCED   16 SAFE');
  t.match(headlineText(syntheticRun({ interrupted: true }), false), /^INCOMPLETE {2}default/);
});

t.test('no colour in a pipe, or with NO_COLOR', async (t) => {
  const tty = { isTTY: true, hasColors: () => true } as unknown as NodeJS.WriteStream;
  const pipe = { isTTY: false } as unknown as NodeJS.WriteStream;
  const saved = process.env.NO_COLOR;
  delete process.env.NO_COLOR;
  t.equal(wantsColour(tty), true);
  t.equal(wantsColour(pipe), false);
  process.env.NO_COLOR = '1';
  t.equal(wantsColour(tty), false);
  if (saved === undefined) delete process.env.NO_COLOR;
  else process.env.NO_COLOR = saved;
});

t.test('the word names the finding that matters: a failed fix outweighs the bug showing', async (t) => {
  t.match(
    headlineText(syntheticRun({ fixed: 'race-502' }), false),
    /^FIX FAILED {2}default 4 × 502 \/ 48 {3}fixed 4 × 502 \/ 48$/,
  );
  t.match(headlineText(syntheticRun({ default: 'ok' }), false), /^NOT REPRODUCED {2}/);
});
