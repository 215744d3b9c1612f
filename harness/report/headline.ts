// The first line a run prints: the outcome in one word, then each variant's
// count at the boundary, e.g.
//   REPRODUCED  default 6 × 502 / 96   fixed 0 / 96 at default's close (≤ 3.1 %), 0 / 30 at the LB's 60 s (≤ 9.5 %)
// The words carry the meaning; colour only underlines them, and only on a
// terminal that wants it (NO_COLOR, a pipe or a file get plain text).
import { styleText } from 'node:util';
import { type Summary, type VariantSummary } from '../results/schema.js';
import { VERDICT_WORDS, TONE_OF, type VerdictTone } from '../model/verdict.js';
import { percent, proportion } from '../model/stats.js';

/** One piece of the headline and the style it gets on a colour terminal. */
export interface HeadlinePart {
  text: string;
  style: 'good' | 'bad' | 'warn' | 'plain' | 'bold';
}

/** The run's verdict word, as summary.json has it (analysis/verdict.ts decides it once), in the tone it has there. */
export function outcomeWord(summary: Summary): HeadlinePart {
  return { text: summary.verdict.word, style: summary.verdict.tone };
}

/** The headline as parts: the outcome word, then a count per variant (or per outcome for a matrix). */
export function headlineParts(summary: Summary): HeadlinePart[] {
  const parts: HeadlinePart[] = [outcomeWord(summary)];
  // Your app: its verdict line (the word is already first), then the comparison's word.
  if (summary.yourApp && summary.complete) {
    const [yours, ...others] = summary.yourApp;
    parts.push({ text: `${yours.variant}: ${yours.line.slice(yours.verdict.length + 2)}`, style: 'plain' });
    for (const a of others) parts.push({ text: `${a.variant}: ${a.verdict}`, style: TONE_OF[a.verdict] });
    return parts;
  }
  // A matrix (or your app's unfinished run): how many cells ended on each word, the words the cells' own verdicts have;
  // in a run that did not finish they are what it saw so far, no answer, and drawn so.
  if (summary.scenario.kind === 'matrix') {
    const soFar = summary.complete ? '' : 'so far: ';
    const counted = VERDICT_WORDS.flatMap((word) => {
      const n = summary.cells.filter((c) => c.verdict.word === word).length;
      return n > 0 ? [{ text: `${n} ${word}`, style: summary.complete ? TONE_OF[word] : 'warn' }] : [];
    });
    if (counted.length > 0) counted[0] = { ...counted[0], text: `${soFar}${counted[0].text}` };
    return [...parts, ...counted];
  }
  for (const v of Object.values(summary.variants)) {
    const r = v.boundaryRate502;
    // A fix shown safe beside the aim variant and also tested at the LB's own timeout names both boundaries.
    const atLb = v.name === summary.aimVariant ? null : v.lbBoundary;
    // Burst requests can fail too: said when they did, so the counts never contradict the word.
    const outside = Math.max(0, v.rate502.failures - r.failures - (atLb?.failures ?? 0));
    const also = outside > 0 ? ` (+${outside} outside the boundary)` : '';
    // A zero states both bounds: per request, and per aimed cycle (failures cluster by cycle).
    const cycles = v.boundaryCycles;
    const bound =
      r.trials > 0
        ? ` (≤ ${percent(r.high)}${cycles.cycles > 0 ? `, ≤ ${percent(cycles.rate.high, 0)} per cycle` : ''})`
        : '';
    const close = atLb ? ` at ${summary.aimVariant}'s close` : '';
    const counted =
      r.failures > 0
        ? `${v.name} ${r.failures} × 502 / ${r.trials}${close}`
        : `${v.name} 0 / ${r.trials}${close}${bound}`;
    // A fix without a failure that the run never took to the LB's own timeout says so: at the aim variant's close alone
    // it cannot fail.
    const untested =
      v.name !== summary.aimVariant && atLb === null && r.failures === 0
        ? `, not tested at the LB's ${summary.scenario.lb.upstreamKeepaliveTimeoutMs / 1000} s`
        : '';
    const lbText = atLb ? `, ${lbBoundaryText(atLb, summary.scenario.lb.upstreamKeepaliveTimeoutMs)}` : untested;
    parts.push({ text: `${counted}${lbText}${also}`, style: variantTone(summary, v.name) });
  }
  return parts;
}

/** "0 / 30 at the LB's 60 s (≤ 9.5 %)": the requests that reused connections idle just under the LB's timeout. */
function lbBoundaryText(b: NonNullable<VariantSummary['lbBoundary']>, lbTimeoutMs: number): string {
  const where = `at the LB's ${lbTimeoutMs / 1000} s`;
  if (b.failures > 0) return `${b.failures} failed / ${b.boundary} ${where}`;
  return b.boundary > 0
    ? `0 / ${b.boundary} ${where} (≤ ${percent(proportion(0, b.boundary).high)})`
    : `0 / 0 ${where} (no idle connection reused)`;
}

/** A variant's tone: the worst of its cells' verdicts (bad, then warn, then good), as summary.json has them. */
function variantTone(summary: Summary, variant: string): VerdictTone {
  const tones = summary.cells.filter((c) => c.variant === variant).map((c) => c.verdict.tone);
  return tones.includes('bad') ? 'bad' : tones.includes('warn') || tones.length === 0 ? 'warn' : 'good';
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
  styleText(STYLES[style], text, { validateStream: false });

/**
 * Whether a stream wants colour: a terminal that has it, and NO_COLOR unset (hasColors reads NO_COLOR, FORCE_COLOR and
 * TERM).
 */
export function wantsColour(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && typeof stream.hasColors === 'function' && stream.hasColors() && !process.env.NO_COLOR;
}

/** The headline as one line, coloured when `colour` is true: the outcome word, two spaces, the counts three apart. */
export function headlineText(summary: Summary, colour: boolean): string {
  const [word, ...counts] = headlineParts(summary).map((p) =>
    colour && p.style !== 'plain' ? styled(p.style, p.text) : p.text,
  );
  return [word, counts.join('   ')].join('  ').trimEnd();
}
