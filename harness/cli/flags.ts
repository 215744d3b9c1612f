// A command's flags as one table: parseArgs reads their types from it, --help
// is rendered from it, and a number's range is checked against the same entry
// the help prints it from, so the two cannot disagree.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LabError } from '../model/errors.js';
import { EXIT } from '../model/exit-codes.js';

/** The bounds of a whole number (or, with unit 'ms', of a duration in milliseconds) a flag takes. */
export interface FlagRange {
  readonly min: number;
  readonly max: number;
  /** A duration: --help prints it in seconds ('1 s to 4000 s'). */
  readonly unit?: 'ms';
}

/** One flag: how parseArgs reads it, what --help says of it (in which group), and for a number, its range. */
export interface FlagSpec<G extends string = string> {
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
  /** The --help group it is listed under: a key of the command's FlagGroups. */
  readonly group: G;
}

export type FlagTable<G extends string = string> = Readonly<Record<string, FlagSpec<G>>>;

/** A command's --help groups, in the order --help prints them: each key's heading ('' for none). */
export type FlagGroups = Readonly<Record<string, string>>;

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

/** How --help names a flag: `-h, --help`, `--cycles <n>`, or its own label. */
function flagLabel(name: string, spec: FlagSpec): string {
  return (
    spec.label ??
    `${spec.short === undefined ? '' : `-${spec.short}, `}--${name}${spec.arg === undefined ? '' : ` ${spec.arg}`}`
  );
}

/**
 * The table's flags as --help lists them, group by group in the order of `groups`: a group's heading (unless empty),
 * then its flags in the table's order, each name (padded to `width` columns after a two-space indent) with its first
 * line beside it, the rest of its lines indented under it; a blank line between groups.
 */
export function flagsHelp(table: FlagTable, groups: FlagGroups, width: number): string {
  for (const [name, spec] of Object.entries(table)) {
    if (!Object.hasOwn(groups, spec.group)) throw new Error(`--${name}'s group '${spec.group}' is not in the groups`);
  }
  const sections = Object.entries(groups).map(([group, heading]) => {
    const flags = Object.entries(table).filter(([, spec]) => spec.group === group);
    if (flags.length === 0) throw new Error(`the --help group '${group}' has no flag`);
    const lines = heading === '' ? [] : [heading];
    for (const [name, spec] of flags) {
      const range = spec.range === undefined ? null : rangeText(spec.range);
      const text = spec.help.map((line) => (range === null ? line : line.replaceAll('{range}', range)));
      lines.push(
        `  ${flagLabel(name, spec).padEnd(width - 1)} ${text[0]}`,
        ...text.slice(1).map((line) => `${' '.repeat(width + 2)}${line}`),
      );
    }
    return lines.join('\n');
  });
  return sections.join('\n\n');
}

/** Help's widest line: a terminal of 100 columns shows every line whole. */
export const HELP_COLUMNS = 100;

/**
 * Words (a list joined from data, whose length the help's author cannot see) as lines of at most `columns`, each line
 * `indent` spaces in.
 */
export function wrapWords(text: string, indent: number, columns = HELP_COLUMNS): string {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const last = lines.length - 1;
    if (last >= 0 && [...`${lines[last]} ${word}`].length <= columns) lines[last] += ` ${word}`;
    else lines.push(`${' '.repeat(indent)}${word}`);
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

/**
 * parseArgs reads `--cycles -3` as a flag followed by another flag; a value-taking flag followed by a negative number
 * takes it as its value (`--cycles=-3`), so the range check can say what is wrong with it.
 */
export function joinNegativeValues(table: FlagTable, argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : null;
    const takesValue = name !== null && Object.hasOwn(table, name) && table[name].type === 'string';
    if (takesValue && /^-\d/.test(argv[i + 1] ?? '')) {
      out.push(`${argv[i]}=${argv[i + 1]}`);
      i++;
    } else {
      out.push(argv[i]);
    }
  }
  return out;
}

/** The edit distance between two words, a swap of neighbours counting as one edit (`--cylces` is one from --cycles). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** A flag as the user would type it: `--cycles`, or its label (`--assert safe`). */
function typedForm(table: FlagTable, name: string): string {
  return table[name].label ?? `--${name}`;
}

/**
 * The table's flags nearest a word that is none of them (dashes and case ignored): those a few edits away (about one
 * per three letters), or, failing that, those it begins (`--max` → --max-cycles); at most three, best first.
 */
export function nearestFlags(table: FlagTable, typed: string): string[] {
  const word = typed.replace(/^-+/, '').toLowerCase();
  if (word === '') return [];
  const allowed = Math.max(1, Math.floor(word.length / 3));
  const scored = Object.keys(table)
    .map((name) => ({ name, distance: editDistance(word, name) }))
    .filter(({ distance }) => distance <= allowed)
    .sort((a, b) => a.distance - b.distance);
  const near =
    scored.length > 0
      ? scored.filter(({ distance }) => distance === scored[0].distance).map(({ name }) => name)
      : word.length >= 3
        ? Object.keys(table).filter((name) => name.startsWith(word))
        : [];
  return near.slice(0, 3).map((name) => typedForm(table, name));
}

/** ' did you mean --a, --b or --c?' for the nearest flags, or nothing. */
function didYouMean(near: readonly string[]): string {
  if (near.length === 0) return '';
  const list = near.length === 1 ? near[0] : `${near.slice(0, -1).join(', ')} or ${near[near.length - 1]}`;
  return `; did you mean ${list}?`;
}

/**
 * The arguments checked against the table before parseArgs reads them strictly, each mistake said in one line of the
 * house's words (parseArgs' own text — "Option '--cycles <value>' argument missing" — never reaches the user): a flag
 * not in the table (with the nearest ones), a value missing or a flag where the value should be, a value given to a
 * flag that takes none, an argument that is no flag (unless the command takes arguments: `positionals`).
 */
export function checkArgs(
  table: FlagTable,
  args: readonly string[],
  command = 'lab',
  { positionals = false }: { positionals?: boolean } = {},
): void {
  const { tokens } = parseArgs({
    args: [...args],
    options: parseArgsOptions(table),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind === 'positional' && !positionals) {
      const near = nearestFlags(table, token.value);
      throw usage(
        `unexpected argument '${token.value}'${near.length > 0 ? didYouMean(near) : `: npm run ${command} takes flags only.`}`,
        command,
      );
    }
    if (token.kind !== 'option') continue;
    if (!Object.hasOwn(table, token.name)) {
      // `-cycles` (one dash) reaches parseArgs as the letters -c -y …: name the word as typed.
      const raw = args[token.index];
      const typed = /^-[^-]/.test(raw) ? raw.split('=')[0] : token.rawName;
      const near = nearestFlags(table, typed);
      throw usage(`unknown flag ${typed}${near.length > 0 ? didYouMean(near) : '.'}`, command);
    }
    const spec = table[token.name];
    const flag = typedForm(table, token.name);
    if (spec.type === 'boolean' && token.value !== undefined)
      throw usage(`${flag} takes no value, got '${token.value}'.`, command);
    if (spec.type === 'string') {
      const wanted = spec.arg === undefined ? 'a value' : `a value (${spec.arg})`;
      if (token.value === undefined) throw usage(`${flag} needs ${wanted}.`, command);
      // `--out --json`: parseArgs would take the next flag as the value (a value that starts with - goes after =).
      if (!token.inlineValue && token.value.startsWith('-'))
        throw usage(`${flag} needs ${wanted}, got the flag ${token.value}.`, command);
    }
  }
}

/** The arguments read by the table: checked (checkArgs, one line a mistake), then parsed strictly, with tokens. */
export function readArgs<T extends FlagTable>(
  table: T,
  args: readonly string[],
  command = 'lab',
  { positionals = false }: { positionals?: boolean } = {},
) {
  const joined = joinNegativeValues(table, args);
  checkArgs(table, joined, command, { positionals });
  // checkArgs refuses everything strict parsing refuses: an error here is a bug (a stack trace), not the user's.
  return parseArgs({
    args: joined,
    options: parseArgsOptions(table),
    strict: true,
    allowPositionals: positionals,
    tokens: true,
  });
}

/**
 * A directory flag (--results-dir): the path, or its nearest existing parent, must not be a file; found now, before a
 * run of minutes starts (a missing directory is fine: the run creates it).
 */
export function directoryPath(name: string, raw: string, command = 'lab'): string {
  const full = resolve(raw);
  for (let path = full; ; path = dirname(path)) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (err) {
      const { code } = err as NodeJS.ErrnoException;
      // Not there yet (or under a file, ENOTDIR): look at its parent.
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(path) !== path) continue;
      // Unreadable (EACCES …): the run's own check says why when it creates the directory.
      return raw;
    }
    if (isDirectory) return raw;
    throw usage(
      path === full
        ? `--${name} ${raw} is a file, not a directory.`
        : `--${name} ${raw}: ${path} is a file, not a directory.`,
      command,
    );
  }
}
