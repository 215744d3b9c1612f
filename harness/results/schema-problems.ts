// A value checked against a TypeBox schema, its problems said one per line:
// where (cells[0].outcome, as a reader of the JSON would write it) and what
// was expected, e.g. `cells[0].outcome is "fine", expected one of reproduced,
// safe, masked, inconclusive`.
import type { TSchema } from '@sinclair/typebox';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { Value } from '@sinclair/typebox/value';

/** Enough problems to see what is wrong; a summary of another shape altogether would list hundreds. */
const MAX_PROBLEMS = 50;

/** `/cells/0/outcome` → `cells[0].outcome`; a key that is not a plain name is quoted: `variants["a.b"]`. */
export function readablePath(pointer: string): string {
  const keys = pointer
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  return keys
    .map((k, i) =>
      /^\d+$/.test(k) ? `[${k}]` : /^[\w$-]+$/.test(k) ? `${i === 0 ? '' : '.'}${k}` : `[${JSON.stringify(k)}]`,
    )
    .join('');
}

/** A value as a problem line shows it: short, and unambiguous about its type. */
function shown(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  // JSON says nothing of a symbol or a function (it gives undefined): those are shown as String writes them.
  const text = typeof value === 'symbol' || typeof value === 'function' ? String(value) : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** What a schema accepts, in words. */
function expected(schema: TSchema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.anyOf)) {
    const options = schema.anyOf as TSchema[];
    if (options.every((o) => typeof o.const === 'string'))
      return `one of ${options.map((o) => String(o.const)).join(', ')}`;
    return options.map(expected).join(' or ');
  }
  const range = [
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : '',
    schema.maximum !== undefined ? `≤ ${schema.maximum}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  switch (schema.type) {
    case 'integer':
      return `a whole number${range ? ` ${range}` : ''}`;
    case 'number':
      return `a number${range ? ` ${range}` : ''}`;
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'null';
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    default:
      return 'something else';
  }
}

/**
 * The errors to report for one: a union (`X | null`) that got an object or an
 * array is reported from inside its one variant of that kind, so a broken
 * `failure` says which of its fields is wrong rather than "expected an object or null".
 */
function* explained(error: ValueError): Generator<ValueError> {
  if (error.type === ValueErrorType.Union && typeof error.value === 'object' && error.value !== null) {
    const kind = Array.isArray(error.value) ? 'array' : 'object';
    const variants = (error.schema.anyOf as TSchema[]).map((s, i) => ({ s, i })).filter(({ s }) => s.type === kind);
    if (variants.length === 1) {
      for (const inner of error.errors[variants[0].i]) yield* explained(inner);
      return;
    }
  }
  yield error;
}

function line(error: ValueError): string {
  const path = readablePath(error.path);
  if (path === '') return `the value is ${shown(error.value)}, expected ${expected(error.schema)}`;
  if (error.type === ValueErrorType.ObjectRequiredProperty || error.value === undefined) return `${path} missing`;
  if (error.type === ValueErrorType.ObjectAdditionalProperties) return `${path} is an unknown field`;
  return `${path} is ${shown(error.value)}, expected ${expected(error.schema)}`;
}

/**
 * Every way `value` departs from `schema`, one line each (the first per path; at most MAX_PROBLEMS, the last line
 * saying how many more).
 */
export function schemaProblems(schema: TSchema, value: unknown): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  let more = 0;
  for (const error of Value.Errors(schema, value)) {
    for (const e of explained(error)) {
      // TypeBox reports a missing required field twice (missing, then wrong type): the first says it.
      if (seen.has(e.path)) continue;
      seen.add(e.path);
      if (problems.length < MAX_PROBLEMS) problems.push(line(e));
      else more++;
    }
  }
  if (more > 0) problems.push(`and ${more} more`);
  return problems;
}
