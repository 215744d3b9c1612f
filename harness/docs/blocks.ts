// The docs' generated blocks: a table or a sample a script can write again from
// the code or the committed data it comes from, so no figure in the docs is
// pasted by hand. A block sits in any doc (README.md, docs/*.md) between
// `<!-- name: … -->` and `<!-- /name -->`; `npm run docs` rewrites every one,
// and a unit test fails while a doc differs from what it writes.

/** One block: its text, and where it comes from (said in its opening marker). */
export interface DocBlock {
  source: string;
  render: () => string;
}

const OPEN = /<!-- ([a-z0-9-]+): [^>]*-->\n/g;

/** The names of the blocks a doc holds, in order. */
export function blockNamesIn(doc: string): string[] {
  return [...doc.matchAll(OPEN)].map((m) => m[1]);
}

/**
 * The doc with each of its blocks rewritten by the renderer of that name, the
 * opening marker included (it says where the block comes from), and what went
 * wrong, per block: a block with no renderer, no closing marker, or a renderer
 * that failed (its data missing) is left as it was and named, and the others
 * are still written.
 */
export function generateDoc(
  doc: string,
  blocks: Readonly<Record<string, DocBlock>>,
  file: string,
): { text: string; problems: string[] } {
  let text = doc;
  const problems: string[] = [];
  for (const name of blockNamesIn(doc)) {
    const block = blocks[name];
    if (!block) {
      problems.push(`${file}: no generator for block '${name}' (harness/docs/registry.ts lists them)`);
      continue;
    }
    const re = new RegExp(`<!-- ${name}: [^>]*-->\\n(?:[\\s\\S]*?\\n)?<!-- /${name} -->`);
    if (!re.test(text)) {
      problems.push(`${file}: block '${name}' has no closing <!-- /${name} -->`);
      continue;
    }
    let body: string;
    try {
      body = block.render();
    } catch (err) {
      problems.push(`${file}: block '${name}' (from ${block.source}): ${(err as Error).message}`);
      continue;
    }
    const opening = `<!-- ${name}: generated from ${block.source} by npm run docs; do not edit by hand -->`;
    text = text.replace(re, () => `${opening}\n${body}\n<!-- /${name} -->`);
  }
  return { text, problems };
}

/** generateDoc's text, or its first problem thrown. */
export function withGeneratedBlocks(doc: string, blocks: Readonly<Record<string, DocBlock>>, file: string): string {
  const { text, problems } = generateDoc(doc, blocks, file);
  if (problems.length > 0) throw new Error(problems[0]);
  return text;
}
