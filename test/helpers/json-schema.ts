// The committed JSON Schema files, as a third party reads them: compiled by
// ajv (draft 2020-12), not by TypeBox, so a test of a file is a test of what
// editors and other tools will enforce.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { REQUEST_RECORD_SCHEMA_PATH, SUMMARY_SCHEMA_PATH } from '../../harness/results/schema-files.js';

// strict: a keyword ajv does not know, or a type it cannot check, fails the compile instead of passing unseen.
const ajv = new Ajv2020({ allErrors: true, strict: true });

/**
 * A validator for one committed schema file: the value's problems as `<JSON pointer> <message>` lines, empty when
 * valid.
 */
function validatorOf(path: string): (value: unknown) => string[] {
  const validate = ajv.compile(JSON.parse(readFileSync(path, 'utf8')));
  return (value) =>
    validate(value)
      ? []
      : (validate.errors ?? []).map(
          (e) =>
            `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
        );
}

/** Problems of a summary against schemas/summary.schema.json. */
export const summaryFileProblems = validatorOf(SUMMARY_SCHEMA_PATH);
/** Problems of one requests.ndjson line against schemas/request-record.schema.json. */
export const requestRecordFileProblems = validatorOf(REQUEST_RECORD_SCHEMA_PATH);
