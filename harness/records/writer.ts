// results/<run-id>/: every run gets a directory of its own, never reused. Every
// file is written atomically (a temporary file, then a rename), so a crash or a
// full disk never leaves a half-written file that looks complete.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LabError } from '../model/errors.js';

/** A UTC timestamp that sorts and names files: 20261128-025712Z. */
export function timestampId(now = new Date()): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
    .replace('T', '-');
}

export function newRunId(runtime: string, now = new Date()): string {
  return `${timestampId(now)}-${runtime}`;
}

/** What a file-system error means to someone choosing where results go. */
function explain(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOSPC':
      return 'no space left on the device (ENOSPC)';
    case 'EROFS':
      return 'the file system is read-only (EROFS)';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${e.code})`;
    case 'ENOTDIR':
      return 'a part of the path is a file, not a directory (ENOTDIR)';
    default:
      return e.message;
  }
}

const RESULTS_HINT = 'Choose a writable directory with --results-dir, or free some space.';

/** Creates the run directory; a name already taken gets a suffix instead of being overwritten. */
export function createRunDir(resultsDir: string, runId: string): { dir: string; runId: string } {
  const base = resolve(resultsDir);
  try {
    mkdirSync(base, { recursive: true });
  } catch (err) {
    throw new LabError(`Cannot create the results directory ${base}: ${explain(err)}.`, RESULTS_HINT);
  }
  for (let n = 0; n < 100; n++) {
    const id = n === 0 ? runId : `${runId}-${n + 1}`;
    const dir = join(base, id);
    try {
      mkdirSync(dir);
      return { dir, runId: id };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new LabError(`Cannot write results in ${base}: ${explain(err)}.`, RESULTS_HINT);
      }
    }
  }
  throw new LabError(`Too many runs named ${runId} in ${base}.`);
}

/** Writes one file of a run atomically; a failure is a LabError naming the file and the cause. */
export function writeRunFile(dir: string, name: string, content: string): void {
  const target = join(dir, name);
  const temporary = join(dir, `.${name}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } catch (err) {
    rmSync(temporary, { force: true });
    throw new LabError(`Could not write ${target}: ${explain(err)}.`, RESULTS_HINT);
  }
}

export function toNdjson(rows: readonly unknown[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length > 0 ? '\n' : '');
}
