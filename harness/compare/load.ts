// Reading a summary to compare: a run directory or a summary.json, of any
// version this lab reads. A wrong path or a file that is not a summary is the
// user's to fix: one line, exit 2.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LabError, messageOf } from '../model/errors.js';
import { EXIT } from '../model/exit-codes.js';
import { readSummary, type Summary } from '../results/schema.js';

/** What a problem with a compared file tells the user to do. */
const HINT = 'Give a run directory (results/<run-id>) or its summary.json.';

/** How many of a summary's problems the error names (the rest are usually the same cause). */
const PROBLEMS_SHOWN = 3;

/** The summary at `path` (a run directory or a summary.json file), upgraded to the current schema. */
export function loadSummary(path: string): { summary: Summary; file: string; schemaVersion: number } {
  let file = path;
  try {
    if (statSync(path).isDirectory()) file = join(path, 'summary.json');
  } catch {
    throw new LabError(`${path}: no such file or directory.`, HINT, EXIT.badInput);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new LabError(
      `${file}: cannot read it (${code === 'ENOENT' ? 'no summary.json in that directory' : (code ?? messageOf(err))}).`,
      HINT,
      EXIT.badInput,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // One line: the parser's message can quote the file, newlines and all.
    const reason = messageOf(err).replace(/\s+/g, ' ').trim();
    throw new LabError(`${file} is not JSON (${reason}).`, HINT, EXIT.badInput);
  }
  const read = readSummary(value);
  if (read.summary === null) {
    const more = read.problems.length > PROBLEMS_SHOWN ? `; and ${read.problems.length - PROBLEMS_SHOWN} more` : '';
    throw new LabError(
      `${file} is not a summary this lab can compare: ${read.problems.slice(0, PROBLEMS_SHOWN).join('; ')}${more}.`,
      HINT,
      EXIT.badInput,
    );
  }
  return { summary: read.summary, file, schemaVersion: (value as { schemaVersion: number }).schemaVersion };
}
