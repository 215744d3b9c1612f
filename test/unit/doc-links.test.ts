// The docs' links hold: in README.md and docs/**/*.md every relative link and image resolves to a file in the
// repository, and every #anchor (on the same page or another) is a heading there, slugged as GitHub does. The
// README stays the front door: 200 lines at most.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import t from 'tap';

const README_MAX_LINES = 200;

/** A heading's anchor as GitHub makes it (github-slugger): lowercase, punctuation but - and _ dropped, space → -. */
function githubSlug(headingText: string): string {
  const rendered = headingText
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '') // an image adds nothing
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // a link adds its text
    .replace(/<[^>]+>/g, '') // tags
    .replace(/[`*]/g, '') // code and emphasis marks
    .trim();
  return rendered
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The text with fenced code blocks blanked (line numbers kept): neither their links nor their "# lines" count. */
function withoutFences(markdown: string): string[] {
  let fence: string | null = null;
  return markdown.split('\n').map((line) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && marker) {
      fence = marker[0];
      return '';
    }
    if (fence !== null) {
      if (marker?.startsWith(fence)) fence = null;
      return '';
    }
    return line;
  });
}

/** Every anchor a page has: its headings' slugs (a repeated one gets -1, -2, …) and explicit id/name anchors. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const occurrences = new Map<string, number>();
  for (const line of withoutFences(markdown)) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (heading) {
      const base = githubSlug(heading[1]);
      let slug = base;
      while (anchors.has(slug)) {
        const n = (occurrences.get(base) ?? 0) + 1;
        occurrences.set(base, n);
        slug = `${base}-${n}`;
      }
      anchors.add(slug);
    }
    for (const m of line.matchAll(/<a\s[^>]*(?:id|name)="([^"]+)"/g)) anchors.add(m[1]);
  }
  return anchors;
}

interface Link {
  line: number;
  target: string;
}

/** The links and images of a page outside code: inline `[..](target)`, reference definitions, HTML href/src. */
function linksOf(markdown: string): Link[] {
  const links: Link[] = [];
  withoutFences(markdown).forEach((raw, i) => {
    const line = raw.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length)); // a code span is no link
    const found = [
      ...line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g),
      ...line.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/g),
      ...line.matchAll(/\s(?:href|src)="([^"]+)"/g),
    ];
    for (const m of found) links.push({ line: i + 1, target: m[1] });
  });
  return links;
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** What is wrong with one page's links, one line per broken link ("file:line: target: why"); none when all hold. */
function linkProblems(root: string, file: string): string[] {
  const page = readFileSync(join(root, file), 'utf8');
  const problems: string[] = [];
  for (const { line, target } of linksOf(page)) {
    if (EXTERNAL.test(target)) continue;
    const at = `${file}:${line}: ${target}`;
    const hash = target.indexOf('#');
    const path = decodeURIComponent(hash === -1 ? target : target.slice(0, hash));
    const anchor = hash === -1 ? null : decodeURIComponent(target.slice(hash + 1));
    const absolute = path === '' ? join(root, file) : resolve(root, dirname(file), path);
    const inRepo = relative(root, absolute);
    if (inRepo.startsWith(`..${sep}`) || inRepo === '..') {
      problems.push(`${at}: outside the repository`);
      continue;
    }
    if (!existsSync(absolute)) {
      problems.push(`${at}: no such file`);
      continue;
    }
    if (anchor === null) continue;
    if (absolute.endsWith('.md') && statSync(absolute).isFile()) {
      if (!anchorsOf(readFileSync(absolute, 'utf8')).has(anchor)) problems.push(`${at}: no heading #${anchor} there`);
    } else if (!/^L\d+(?:-L\d+)?$/.test(anchor)) {
      problems.push(`${at}: #${anchor} in a file that has no headings`);
    }
  }
  return problems;
}

/** README.md and every .md under docs/, relative to the root. */
function docFiles(root: string): string[] {
  const docs = readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f))
    .sort();
  return ['README.md', ...docs];
}

function lineCount(text: string): number {
  const newlines = text.match(/\n/g)?.length ?? 0;
  return newlines + (text === '' || text.endsWith('\n') ? 0 : 1);
}

t.test('every relative link, image and anchor in README.md and docs/ resolves', async (t) => {
  const files = docFiles('.');
  t.ok(files.length > 10, `the README and a page per topic (${files.join(', ')})`);
  for (const file of files) t.same(linkProblems('.', file), [], file);
});

t.test('README.md is the front door: at most 200 lines', async (t) => {
  const lines = lineCount(readFileSync('README.md', 'utf8'));
  t.ok(lines <= README_MAX_LINES, `README.md has ${lines} lines`);
});

t.test('headings slug as GitHub slugs them', async (t) => {
  // Anchors as github.com makes them for these headings.
  t.equal(
    githubSlug('Comparing runs: `npm run compare` and `--baseline`'),
    'comparing-runs-npm-run-compare-and---baseline',
  );
  t.equal(githubSlug('report.html, the charts, and the live page'), 'reporthtml-the-charts-and-the-live-page');
  t.equal(githubSlug('Air-gapped machines (no container registry)'), 'air-gapped-machines-no-container-registry');
  t.equal(githubSlug('The live page (`--live`)'), 'the-live-page---live');
  t.equal(githubSlug('What’s new — v2 ≥ 1 × 2'), 'whats-new--v2--1--2');
  t.equal(githubSlug('snake_case and Émigré'), 'snake_case-and-émigré');
  t.equal(githubSlug('See [the matrix](matrix.md) **now**'), 'see-the-matrix-now');
  t.same(
    [...anchorsOf('# Exit codes\n## Exit codes\n```\n# not a heading\n```\n### Exit codes\n## Exit codes-1 x\n')],
    ['exit-codes', 'exit-codes-1', 'exit-codes-2', 'exit-codes-1-x'],
  );
});

t.test('a broken link, a missing image and an anchor that does not exist are each caught', async (t) => {
  const root = t.testdir({
    'README.md': [
      '# Front door',
      '',
      'Fine: [a topic](docs/topic.md), [its part](docs/topic.md#the-part), [twice](docs/topic.md#the-part-1),',
      '[here](#front-door), ![a picture](docs/images/there.svg), [a folder](docs/), <https://example.com>,',
      '[out](https://example.com/x.md#nothing), `[in code](nowhere.md)`.',
      '',
      'Broken: [gone](docs/gone.md), [no such part](docs/topic.md#no-such-part), [here](#nowhere),',
      '![missing](docs/images/missing.png), [escape](../outside.md), [code anchor](docs/images/there.svg#top).',
      '',
      '```',
      '[in a fence](fenced.md)',
      '```',
      '',
      '[ref]: docs/missing-ref.md',
      '',
    ].join('\n'),
    docs: {
      'topic.md': '# Topic\n\n## The part\n\n## The part\n\nBack to [the README](../README.md#front-door).\n',
      images: { 'there.svg': '<svg/>' },
    },
  });
  t.same(linkProblems(root, 'README.md'), [
    'README.md:7: docs/gone.md: no such file',
    'README.md:7: docs/topic.md#no-such-part: no heading #no-such-part there',
    'README.md:7: #nowhere: no heading #nowhere there',
    'README.md:8: docs/images/missing.png: no such file',
    'README.md:8: ../outside.md: outside the repository',
    'README.md:8: docs/images/there.svg#top: #top in a file that has no headings',
    'README.md:14: docs/missing-ref.md: no such file',
  ]);
  t.same(linkProblems(root, join('docs', 'topic.md')), [], 'a link up to the README and its anchor hold');
  t.same(docFiles(root), ['README.md', join('docs', 'topic.md')]);
});

t.test('the line count is what wc -l says', async (t) => {
  t.equal(lineCount('a\nb\n'), 2);
  t.equal(lineCount('a\nb'), 2);
  t.equal(lineCount(''), 0);
});
