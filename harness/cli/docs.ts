// `npm run docs`: rewrites every generated block of README.md and docs/*.md,
// and the pictures drawn from committed runs, from the code and the data under
// docs/measurements/ they come from (how to keep a measurement there:
// docs/measurements/README.md). `--check` writes nothing and exits 1 naming
// each file that differs (a unit test runs the same check). A block whose data
// is missing is left as it is and named; the others are still written.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDoc } from '../docs/blocks.js';
import { DOC_IMAGES } from '../docs/images.js';
import { docBlocks } from '../docs/registry.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const HELP = `Usage: npm run docs [-- --check]

Rewrites the generated blocks of README.md and docs/*.md (<!-- name: … --> … <!-- /name -->) and the
pictures under docs/images/ from the measurements committed under docs/measurements/.

  --check     write nothing; exit 1 naming each file that differs from what it would write
  -h, --help  this text`;

/** The docs with generated blocks: README.md and every page under docs/. */
export function docFiles(root: string): string[] {
  const pages = readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`);
  return ['README.md', ...pages];
}

/** Each generated file (a doc or a picture) and what `npm run docs` would write into it, and what it could not. */
export function generatedFiles(root: string): { files: Map<string, string>; problems: string[] } {
  const blocks = docBlocks(root);
  const files = new Map<string, string>();
  const problems: string[] = [];
  for (const file of docFiles(root)) {
    const generated = generateDoc(readFileSync(join(root, file), 'utf8'), blocks, file);
    files.set(file, generated.text);
    problems.push(...generated.problems);
  }
  for (const [file, draw] of Object.entries(DOC_IMAGES)) {
    try {
      files.set(file, draw(root));
    } catch (err) {
      problems.push(`${file}: ${(err as Error).message}`);
    }
  }
  return { files, problems };
}

/** The files whose content differs from what they would be generated as. */
export function staleFiles(root: string, files = generatedFiles(root).files): string[] {
  return [...files].flatMap(([file, text]) => {
    const path = join(root, file);
    return existsSync(path) && readFileSync(path, 'utf8') === text ? [] : [file];
  });
}

function main(args: string[]): number {
  if (args.includes('-h') || args.includes('--help')) {
    console.log(HELP);
    return 0;
  }
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`keepalive-lab docs: unknown argument ${unknown[0]} (npm run docs [-- --check])`);
    return 2;
  }
  const { files, problems } = generatedFiles(ROOT);
  const stale = staleFiles(ROOT, files);
  for (const p of problems) console.error(`keepalive-lab docs: ${p}`);
  if (args.includes('--check')) {
    for (const f of stale) console.error(`${f}: differs from what npm run docs writes`);
    return stale.length === 0 && problems.length === 0 ? 0 : 1;
  }
  for (const f of stale) {
    mkdirSync(dirname(join(ROOT, f)), { recursive: true });
    writeFileSync(join(ROOT, f), files.get(f) ?? '');
  }
  console.log(stale.length === 0 ? 'docs: up to date' : `docs: rewrote ${stale.join(', ')}`);
  return problems.length === 0 ? 0 : 1;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) process.exitCode = main(process.argv.slice(2));
