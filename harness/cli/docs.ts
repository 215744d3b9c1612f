// `npm run docs`: rewrites the README's generated blocks from the code and data
// they come from, so no table there is pasted by hand. A block sits between
// `<!-- name: … -->` and `<!-- /name -->`; a unit test fails while the README
// differs from what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { verdictTableMarkdown } from '../model/verdict.js';

/** Each generated block of the README: its marker name and what goes in it. */
export const README_BLOCKS: Record<string, () => string> = {
  'verdict-words': verdictTableMarkdown,
};

/** The README with every generated block rewritten; throws when a block's markers are missing. */
export function withGeneratedBlocks(readme: string): string {
  let out = readme;
  for (const [name, render] of Object.entries(README_BLOCKS)) {
    const block = new RegExp(`(<!-- ${name}:[^>]*-->\\n)[\\s\\S]*?(\\n<!-- /${name} -->)`);
    if (!block.test(out))
      throw new Error(`README.md has no generated block '${name}' (<!-- ${name}: … --> … <!-- /${name} -->)`);
    out = out.replace(block, (_m, open: string, close: string) => `${open}${render()}${close}`);
  }
  return out;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const path = new URL('../../README.md', import.meta.url);
  const before = readFileSync(path, 'utf8');
  const after = withGeneratedBlocks(before);
  if (after !== before) writeFileSync(path, after);
  console.log(after === before ? 'README.md: up to date' : 'README.md: generated blocks rewritten');
}
