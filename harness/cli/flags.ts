// A command's flags as one table: parseArgs reads their types from it, --help
// is rendered from it, and a number's range is checked against the same entry
// the help prints it from, so the two cannot disagree.
import { LabError } from '../model/errors.js';
import { EXIT } from '../model/exit-codes.js';

/** The bounds of a whole number (or, with unit 'ms', of a duration in milliseconds) a flag takes. */
export interface FlagRange {
  readonly min: number;
  readonly max: number;
  /** A duration: --help prints it in seconds ('1 s to 4000 s'). */
  readonly unit?: 'ms';
}

/** One flag: how parseArgs reads it, what --help says of it, and for a number, its range. */
export interface FlagSpec {
  readonly type: 'boolean' | 'string';
  readonly short?: string;
  readonly multiple?: true;
  /** The value's placeholder in --help, e.g. '<n>'. */
  readonly arg?: string;
  /** How --help names it when that is not `--name <arg>` (e.g. '--assert safe', a flag the parser spells otherwise). */
  readonly label?: string;
  /** Its --help lines, the first beside the flag; `{range}` stands for the range ('1–500', '1 s to 4000 s'). */
  readonly help: readonly string[];
  readonly range?: FlagRange;
  /** --help starts a group here: a blank line, then this heading unless it is empty. */
  readonly group?: string;
}

export type FlagTable = Readonly<Record<string, FlagSpec>>;

/** The names of a table's flags that carry a range. */
export type RangedFlag<T extends FlagTable> = {
  [K in keyof T & string]: T[K] extends { range: FlagRange } ? K : never;
}[keyof T & string];

/** What node:util parseArgs reads of a table: each flag's type, short form and whether it repeats. */
export type ParseArgsOptionsOf<T extends FlagTable> = {
  [K in keyof T]: Pick<T[K], Extract<keyof T[K], 'type' | 'short' | 'multiple'>>;
};

/** The table as node:util parseArgs' `options`. */
export function parseArgsOptions<T extends FlagTable>(table: T): ParseArgsOptionsOf<T> {
  const options: Record<string, Pick<FlagSpec, 'type' | 'short' | 'multiple'>> = {};
  for (const [name, { type, short, multiple }] of Object.entries(table)) {
    options[name] = { type, ...(short === undefined ? {} : { short }), ...(multiple ? { multiple } : {}) };
  }
  return options as ParseArgsOptionsOf<T>;
}

/** A range as --help prints it. */
export function rangeText({ min, max, unit }: FlagRange): string {
  return unit === 'ms' ? `${min / 1000} s to ${max / 1000} s` : `${min}–${max}`;
}

/**
 * The table's flags as --help lists them: each name (padded to `width` columns after a two-space indent) with its
 * first line beside it, the rest of its lines indented under it. A group starts with a blank line and its heading.
 */
export function flagsHelp(table: FlagTable, width: number): string {
  const lines: string[] = [];
  for (const [name, spec] of Object.entries(table)) {
    if (spec.group !== undefined) lines.push('', ...(spec.group === '' ? [] : [spec.group]));
    const label =
      spec.label ??
      `${spec.short === undefined ? '' : `-${spec.short}, `}--${name}${spec.arg === undefined ? '' : ` ${spec.arg}`}`;
    const range = spec.range === undefined ? null : rangeText(spec.range);
    const text = spec.help.map((line) => (range === null ? line : line.replaceAll('{range}', range)));
    lines.push(
      `  ${label.padEnd(width - 1)} ${text[0]}`,
      ...text.slice(1).map((line) => `${' '.repeat(width + 2)}${line}`),
    );
  }
  return lines.join('\n');
}

/** A bad flag: one line, a pointer to the command's --help, exit 2. */
export function usage(message: string, command = 'lab'): LabError {
  return new LabError(message, `See npm run ${command} -- --help.`, EXIT.badInput);
}

/** A whole number between min and max; undefined when the flag is not given. */
export function integer(name: string, raw: string, min: number, max: number, command?: string): number;
export function integer(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
  command?: string,
): number | undefined;
export function integer(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
  command = 'lab',
): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw)) throw usage(`--${name} must be a whole number, got '${raw}'.`, command);
  const value = Number(raw);
  if (value < min || value > max) throw usage(`--${name} must be between ${min} and ${max}, got ${value}.`, command);
  return value;
}

/** A whole-number flag checked against its table entry's range (the one --help prints). */
export function rangedInteger<T extends FlagTable>(
  table: T,
  name: RangedFlag<T>,
  raw: string,
  command?: string,
): number;
export function rangedInteger<T extends FlagTable>(
  table: T,
  name: RangedFlag<T>,
  raw: string | undefined,
  command?: string,
): number | undefined;
export function rangedInteger<T extends FlagTable>(
  table: T,
  name: RangedFlag<T>,
  raw: string | undefined,
  command = 'lab',
): number | undefined {
  const { range } = table[name];
  if (range === undefined) throw new Error(`--${name} has no range in its flag table`);
  return integer(name, raw, range.min, range.max, command);
}

/** One of the allowed words; undefined when the flag is not given. */
export function oneOf<T extends string>(
  name: string,
  raw: string | undefined,
  allowed: readonly T[],
  command = 'lab',
): T | undefined {
  if (raw === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw usage(`--${name} must be one of ${allowed.join(', ')}, got '${raw}'.`, command);
  }
  return raw as T;
}
