// The first line a run prints: the outcome in one word, then each variant's
// count at the boundary, e.g.
//   REPRODUCED  default 6 × 502 / 96   fixed 0 / 96 (≤ 3.1 %)
// The words carry the meaning; colour only underlines them, and only on a
// terminal that wants it (NO_COLOR, a pipe or a file get plain text).
import { styleText } from 'node:util';
import { CELL_OUTCOMES, type AppUnderTestSummary, type CellOutcome, type Summary } from './results/schema.js';
import { percent } from './analysis/stats.js';

/** One piece of the headline and the style it gets on a colour terminal. */
export interface HeadlinePart {
  text: string;
  style: 'good' | 'bad' | 'warn' | 'plain' | 'bold';
}

/**
 * The outcome word: what the run showed, readable without colour. The
 * talk-sized run has two findings, and the word names the one that matters:
 * the fix failing outweighs the bug showing.
 */
export function outcomeWord(summary: Summary): HeadlinePart {
  if (!summary.complete) return { text: 'INCOMPLETE', style: 'warn' };
  const yours = summary.yourApp?.[0];
  if (yours) return { text: yours.verdict, style: VERDICT_STYLE[yours.verdict] };
  if (summary.scenario.kind === 'matrix') return { text: 'MATRIX', style: summary.verdict.ok ? 'bold' : 'warn' };
  const fixFailed = Object.values(summary.variants).some((v) => v.name !== summary.aimVariant && v.rate502.failures > 0);
  if (fixFailed) return { text: 'FIX FAILED', style: 'bad' };
  return summary.variants[summary.aimVariant]?.rate502.failures ? { text: 'REPRODUCED', style: 'bad' } : { text: 'NOT REPRODUCED', style: 'warn' };
}

const OUTCOME_STYLE: Record<CellOutcome, HeadlinePart['style']> = { reproduced: 'bad', masked: 'warn', safe: 'good', inconclusive: 'warn' };
const VERDICT_STYLE: Record<AppUnderTestSummary['verdict'], HeadlinePart['style']> = { UNSAFE: 'bad', SAFE: 'good', INCONCLUSIVE: 'warn' };

/** The headline as parts: the outcome word, then a count per variant (or per outcome for a matrix). */
export function headlineParts(summary: Summary): HeadlinePart[] {
  const parts: HeadlinePart[] = [outcomeWord(summary)];
  // Your app: its verdict line (the word is already first), then the comparison's word.
  if (summary.yourApp && summary.complete) {
    const [yours, ...others] = summary.yourApp;
    parts.push({ text: `${yours.variant}: ${yours.line.slice(yours.verdict.length + 2)}`, style: 'plain' });
    for (const a of others) parts.push({ text: `${a.variant}: ${a.verdict}`, style: VERDICT_STYLE[a.verdict] });
    return parts;
  }
  if (summary.scenario.kind === 'matrix') {
    for (const outcome of CELL_OUTCOMES) {
      const n = summary.cells.filter((c) => c.outcome === outcome).length;
      if (n > 0) parts.push({ text: `${n} ${outcome}`, style: OUTCOME_STYLE[outcome] });
    }
    return parts;
  }
  for (const v of Object.values(summary.variants)) {
    const r = v.boundaryRate502;
    // Burst requests can fail too: said when they did, so the counts never contradict the word.
    const outside = v.rate502.failures - r.failures;
    const also = outside > 0 ? ` (+${outside} outside the boundary)` : '';
    parts.push(
      r.failures > 0
        ? { text: `${v.name} ${r.failures} × 502 / ${r.trials}${also}`, style: 'bad' }
        : { text: `${v.name} 0 / ${r.trials}${r.trials > 0 ? ` (≤ ${percent(r.high)})` : ''}${also}`, style: outside > 0 ? 'bad' : 'good' },
    );
  }
  return parts;
}

const STYLES: Record<Exclude<HeadlinePart['style'], 'plain'>, Parameters<typeof styleText>[0]> = {
  good: ['bold', 'green'],
  bad: ['bold', 'red'],
  warn: ['bold', 'yellow'],
  bold: 'bold',
};

/**
 * styleText with the decision already made (wantsColour): Node 20.18+/22.8+
 * would otherwise check process.stdout itself and drop the colour under a
 * test runner; older Node takes no options and always styles. Arrays of
 * formats need Node 20.13 (engines).
 */
const styled = (style: Exclude<HeadlinePart['style'], 'plain'>, text: string): string =>
  (styleText as (format: Parameters<typeof styleText>[0], text: string, options?: { validateStream?: boolean }) => string)(STYLES[style], text, { validateStream: false });

/** Whether a stream wants colour: a terminal that has it, and NO_COLOR unset (hasColors reads NO_COLOR, FORCE_COLOR and TERM). */
export function wantsColour(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && typeof stream.hasColors === 'function' && stream.hasColors() && !process.env.NO_COLOR;
}

/** The headline as one line, coloured when `colour` is true: the outcome word, two spaces, the counts three apart. */
export function headlineText(summary: Summary, colour: boolean): string {
  const [word, ...counts] = headlineParts(summary).map((p) => (colour && p.style !== 'plain' ? styled(p.style, p.text) : p.text));
  return [word, counts.join('   ')].join('  ').trimEnd();
}
