// `npm run schema`: rewrites schemas/*.schema.json, the JSON Schemas of
// summary.json and of a requests.ndjson line, after a change to
// harness/records/summary-schema.ts or harness/records/request-records.ts.
// test/unit/summary-schema.test.ts fails until they are rewritten.
import { mkdirSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { schemaFiles, SCHEMAS_DIR } from '../results/schema-files.js';

mkdirSync(SCHEMAS_DIR, { recursive: true });
for (const { path, text } of schemaFiles()) {
  writeFileSync(path, text);
  console.log(`wrote ${relative(process.cwd(), path)}`);
}
