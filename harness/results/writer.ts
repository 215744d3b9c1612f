// results/<run-id>/: every run gets a directory of its own, never reused.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LabError } from '../errors.js';

export function newRunId(runtime: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');
  return `${stamp}-${runtime}`;
}

/** Creates the run directory; a name already taken gets a suffix instead of being overwritten. */
export function createRunDir(resultsDir: string, runId: string): { dir: string; runId: string } {
  const base = resolve(resultsDir);
  try {
    mkdirSync(base, { recursive: true });
  } catch (err) {
    throw new LabError(`Cannot create the results directory ${base}: ${(err as Error).message}`);
  }
  for (let n = 0; n < 100; n++) {
    const id = n === 0 ? runId : `${runId}-${n + 1}`;
    const dir = join(base, id);
    try {
      mkdirSync(dir);
      return { dir, runId: id };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new LabError(`Cannot create ${dir}: ${(err as Error).message}`);
      }
    }
  }
  throw new LabError(`Too many runs named ${runId} in ${base}.`);
}

export function writeRunFile(dir: string, name: string, content: string): void {
  writeFileSync(join(dir, name), content);
}

export function toNdjson(rows: readonly unknown[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length > 0 ? '\n' : '');
}
