// What schemas/summary.schema.json covers, said and checked: it validates the
// summaries this lab writes (schema v11, SCHEMA_VERSION); older summaries, like
// the committed fixtures of v3, v5 and v7 and the measurements of v8 to v10, are read by readSummary (upgraded to
// the current version) but are not valid against the schema as they are.
// And every committed summary.json's $schema leads to that schema file.
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSummary, SUMMARY_SCHEMA_PATH } from '../../harness/results/schema.js';
import { SCHEMA_VERSION } from '../../harness/records/summary-schema.js';
import { summaryFileProblems } from '../helpers/json-schema.js';
import { syntheticRun, type SyntheticRun } from '../helpers/synthetic-run.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Every summary.json git tracks (fixtures, and any committed measurement), repository-relative. */
const committed = execFileSync('git', ['ls-files', '*summary.json'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((line) => line !== '');
const parsed = (path: string): Record<string, unknown> => JSON.parse(readFileSync(resolve(root, path), 'utf8'));

/** The committed summaries older than the schema: read, never validated. A new old one is added here on purpose. */
const OLDER: Record<string, number> = {
  'docs/measurements/lb-fixes-repeat-2/summary.json': 10,
  'docs/measurements/lb-fixes-repeat-3/summary.json': 10,
  'docs/measurements/lb-fixes-repeat-4/summary.json': 10,
  'docs/measurements/lb-fixes/summary.json': 10,
  'docs/measurements/your-app-preload/summary.json': 10,
  'docs/measurements/matrix/summary.json': 9,
  'docs/measurements/matrix-busy/summary.json': 8,
  'docs/measurements/talk/summary.json': 8,
  'test/fixtures/runs/20261127-221646Z-docker/summary.json': 3,
  'test/fixtures/runs/20261127-224243Z-docker-summary-only/summary.json': 3,
  'test/fixtures/runs/20261128-042022Z-docker/summary.json': 5,
  'test/fixtures/runs/20261128-084831Z-docker-your-app-summary-only/summary.json': 7,
  'test/fixtures/runs/20261128-085126Z-docker-your-app-summary-only/summary.json': 7,
  'docs/measurements/your-app-600/summary.json': 9,
};

t.test('the schema is the current version: v11, and only v11', async (t) => {
  const schema = JSON.parse(readFileSync(SUMMARY_SCHEMA_PATH, 'utf8'));
  t.equal(SCHEMA_VERSION, 11, 'the lab writes v11 (the docs say so: change them with this)');
  t.equal(schema.$id, 'urn:keepalive-lab:summary:v11');
  t.same(schema.properties.schemaVersion, { type: 'number', const: 11 });
});

t.test('every kind of summary the lab writes validates against the committed schema', async (t) => {
  const runs: Record<string, SyntheticRun> = {
    'talk-sized, reproduced': {},
    'talk-sized, the fix failed': { fixed: 'race-502' },
    'talk-sized, interrupted': { interrupted: true },
    'a matrix (the fixed app alone)': { fixedAlone: true },
    'your app': { yourApp: true },
    'your app, interrupted': { yourApp: true, interrupted: true },
  };
  for (const [name, run] of Object.entries(runs)) {
    const summary = JSON.parse(JSON.stringify(syntheticRun(run)));
    t.equal(summary.schemaVersion, 11, `${name}: v11`);
    t.same(summaryFileProblems(summary), [], `${name}: valid (ajv, draft 2020-12)`);
  }
});

t.test('committed summaries older than v11: readSummary reads them; the schema does not validate them', async (t) => {
  const older = committed.filter((path) => parsed(path).schemaVersion !== SCHEMA_VERSION);
  t.same(
    Object.fromEntries(older.map((path) => [path, parsed(path).schemaVersion])),
    OLDER,
    'the committed older summaries and their versions',
  );
  for (const path of older) {
    const raw = parsed(path);
    t.ok(
      summaryFileProblems(raw).includes('/schemaVersion must be equal to constant'),
      `${path} (v${String(raw.schemaVersion)}): not valid as it is (the schema is v${SCHEMA_VERSION}'s)`,
    );
    const read = readSummary(raw);
    t.same(read.problems, [], `${path}: readSummary reads it`);
    t.equal(read.summary?.schemaVersion, SCHEMA_VERSION, `${path}: upgraded to v${SCHEMA_VERSION}`);
    t.same(summaryFileProblems(read.summary), [], `${path}: once read, valid`);
  }
  for (const path of committed.filter((p) => !older.includes(p))) {
    t.same(summaryFileProblems(parsed(path)), [], `${path} (v${SCHEMA_VERSION}): valid as it is`);
  }
});

t.test("every committed summary.json's $schema is a relative path to schemas/summary.schema.json", async (t) => {
  t.ok(committed.length >= Object.keys(OLDER).length, `${committed.length} committed summaries`);
  for (const path of committed) {
    const summary = parsed(path);
    const ref = summary.$schema;
    if (ref === undefined) {
      // v6 introduced $schema: a summary written before it has none, and is read all the same.
      t.ok(Number(summary.schemaVersion) < 6, `${path}: no $schema, a summary from before v6`);
      continue;
    }
    if (typeof ref !== 'string') {
      t.fail(`${path}: $schema is not a string`);
      continue;
    }
    t.notOk(isAbsolute(ref) || /^[a-z][a-z+.-]*:/i.test(ref), `${path}: ${ref} is a relative path, not a URL`);
    const target = resolve(root, dirname(path), ref);
    t.notOk(relative(root, target).startsWith('..'), `${path}: ${ref} stays inside the repository`);
    t.equal(target, SUMMARY_SCHEMA_PATH, `${path}: ${ref} is schemas/summary.schema.json`);
  }
});
