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
 * opening marker included (it says where the block comes from). A block with
 * no renderer, or with no closing marker, is an error that names it.
 */
export function withGeneratedBlocks(doc: string, blocks: Readonly<Record<string, DocBlock>>, file: string): string {
  let out = doc;
  for (const name of blockNamesIn(doc)) {
    const block = blocks[name];
    if (!block) throw new Error(`${file}: no generator for block '${name}' (harness/docs/registry.ts lists them)`);
    const re = new RegExp(`<!-- ${name}: [^>]*-->\\n[\\s\\S]*?\\n<!-- /${name} -->`);
    if (!re.test(out)) throw new Error(`${file}: block '${name}' has no closing <!-- /${name} -->`);
    const opening = `<!-- ${name}: generated from ${block.source} by npm run docs; do not edit by hand -->`;
    out = out.replace(re, () => `${opening}\n${block.render()}\n<!-- /${name} -->`);
  }
  return out;
}
