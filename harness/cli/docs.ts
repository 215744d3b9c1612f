// `npm run docs`: rewrites every generated block of README.md and docs/*.md,
// and the pictures drawn from committed runs, from the code and the data under
// docs/measurements/ they come from. `--check` writes nothing and exits 1
// naming each file that differs (a test runs the same check).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withGeneratedBlocks } from '../docs/blocks.js';
import { DOC_IMAGES } from '../docs/images.js';
import { docBlocks } from '../docs/registry.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The docs with generated blocks: README.md and every page under docs/. */
export function docFiles(root: string): string[] {
  const pages = readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`);
  return ['README.md', ...pages];
}

/** Each generated file (a doc or a picture) and what `npm run docs` would write into it. */
export function generatedFiles(root: string): Map<string, string> {
  const blocks = docBlocks(root);
  const out = new Map<string, string>();
  for (const file of docFiles(root)) {
    out.set(file, withGeneratedBlocks(readFileSync(join(root, file), 'utf8'), blocks, file));
  }
  for (const [file, draw] of Object.entries(DOC_IMAGES)) out.set(file, draw(root));
  return out;
}

/** The files whose content differs from what they would be generated as. */
export function staleFiles(root: string): string[] {
  return [...generatedFiles(root)].flatMap(([file, text]) => {
    const path = join(root, file);
    return existsSync(path) && readFileSync(path, 'utf8') === text ? [] : [file];
  });
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const check = process.argv.includes('--check');
  try {
    const stale = staleFiles(ROOT);
    if (check) {
      for (const f of stale) console.error(`${f}: differs from what npm run docs writes`);
      process.exitCode = stale.length === 0 ? 0 : 1;
    } else {
      for (const [f, text] of generatedFiles(ROOT)) {
        if (!stale.includes(f)) continue;
        mkdirSync(dirname(join(ROOT, f)), { recursive: true });
        writeFileSync(join(ROOT, f), text);
      }
      console.log(stale.length === 0 ? 'docs: up to date' : `docs: rewrote ${stale.join(', ')}`);
    }
  } catch (err) {
    console.error(`keepalive-lab docs: ${(err as Error).message}`);
    process.exitCode = 1;
  }
}
