// The committed JSON Schema files (schemas/*.schema.json): where they are, how
// a result file points at them, and their text as the code generates it.
// `npm run schema` writes them; test/unit/summary-schema.test.ts fails when the
// committed ones differ from what this module generates.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TSchema } from '@sinclair/typebox';
import { RequestRecordSchema } from '../records/request-records.js';
import { SCHEMA_VERSION, SummarySchema } from '../records/summary-schema.js';

/** The JSON Schema dialect of the files: what TypeBox emits is valid in it (const, anyOf, patternProperties). */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** The directory of the committed schema files, at the repository's root. */
export const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));
/** The absolute path of the committed summary.json schema. */
export const SUMMARY_SCHEMA_PATH = resolve(SCHEMAS_DIR, 'summary.schema.json');
/** The absolute path of the committed schema of one requests.ndjson line. */
export const REQUEST_RECORD_SCHEMA_PATH = resolve(SCHEMAS_DIR, 'request-record.schema.json');

/**
 * How a file in `dir` refers to a schema file: its path relative to `dir`, with
 * forward slashes (a URI reference, which editors resolve against the file);
 * a file:// URL when no relative path leads there (another drive on Windows).
 */
function refFrom(dir: string, schemaPath: string): string {
  const path = relative(resolve(dir), schemaPath);
  if (isAbsolute(path)) return pathToFileURL(schemaPath).href;
  return path.split(sep).join('/');
}

/**
 * The `$schema` of a summary written in `dir` (any directory: results/<run-id>, --out's): the committed summary schema,
 * relative to it.
 */
export function schemaRefFrom(dir: string): string {
  return refFrom(dir, SUMMARY_SCHEMA_PATH);
}

/**
 * The committed request-record schema, relative to `dir` (for a requests.ndjson there, which has no place for a
 * `$schema` of its own).
 */
export function requestRecordSchemaRefFrom(dir: string): string {
  return refFrom(dir, REQUEST_RECORD_SCHEMA_PATH);
}

/**
 * Keywords first in this order, so a reader sees what a schema is before its details; properties keep the code's order.
 */
const KEYWORD_ORDER = [
  '$schema',
  '$id',
  'title',
  'description',
  'type',
  'const',
  'anyOf',
  'required',
  'properties',
  'patternProperties',
  'additionalProperties',
  'items',
];

/** The schema as JSON with its keywords in KEYWORD_ORDER (TypeBox puts the options first), recursively. */
function ordered(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(ordered);
  if (typeof schema !== 'object' || schema === null) return schema;
  const entries = Object.entries(schema);
  const rank = (k: string) => (KEYWORD_ORDER.includes(k) ? KEYWORD_ORDER.indexOf(k) : KEYWORD_ORDER.length);
  const sorted = [...entries].sort(([a], [b]) => rank(a) - rank(b));
  return Object.fromEntries(
    sorted.map(([k, v]) => [
      k,
      // Under properties and patternProperties the keys are field names (or patterns): keep them, order their schemas.
      k === 'properties' || k === 'patternProperties'
        ? Object.fromEntries(Object.entries(v as object).map(([name, s]) => [name, ordered(s)]))
        : ordered(v),
    ]),
  );
}

/** A schema as a committed document: the dialect, an `$id` (a URN: there is no published URL) and the schema. */
function document(id: string, schema: TSchema): string {
  return `${JSON.stringify(ordered({ $schema: JSON_SCHEMA_DIALECT, $id: id, ...schema }), null, 2)}\n`;
}

/** Each committed schema file and the text the code generates for it. */
export function schemaFiles(): Array<{ path: string; text: string }> {
  return [
    { path: SUMMARY_SCHEMA_PATH, text: document(`urn:keepalive-lab:summary:v${SCHEMA_VERSION}`, SummarySchema) },
    { path: REQUEST_RECORD_SCHEMA_PATH, text: document('urn:keepalive-lab:request-record', RequestRecordSchema) },
  ];
}
