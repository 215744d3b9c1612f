// A run directory read back for the report: summary.json (any readable
// version) is required; everything else is optional, and what is missing is
// said, so a page drawn from a partial run states which charts it could not draw.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AccessLogEntry } from '../../lb/access-log.js';
import { responseEnds, socketClosedRecords } from '../../records/app-records.js';
import { readJsonLines } from '../../model/json-lines.js';
import { LabError } from '../../model/errors.js';
import { EXIT } from '../../model/exit-codes.js';
import { LB_DRIVERS } from '../../lb/drivers.js';
import type { SocketClosedRecord } from '../../model/protocol.js';
import { readSummary, type Summary } from '../../results/schema.js';
import { LB_NAMES, LB_PORT_BASE, type LbName, type Variant } from '../../scenarios/scenarios.js';
import type { RequestRecord } from '../../records/request-records.js';

/** One app's accounting, from app-<variant>.log. */
export interface AppAccount {
  closes: SocketClosedRecord[];
  /** When the app finished each response, on its clock, by `socketId/request`. */
  responseEnds: Map<string, number>;
}

/** What the report draws from. */
export interface RunFiles {
  dir: string;
  summary: Summary;
  /** The schema version summary.json was written in (the summary itself is read as the current one). */
  writtenSchemaVersion: number;
  /** requests.ndjson; null when the file is missing. */
  records: RequestRecord[] | null;
  /** Per variant its app's accounting; null for a variant whose log is missing. */
  apps: Record<string, AppAccount | null>;
  /** Every LB access log found, read into entries; null when none was. */
  access: AccessLogEntry[] | null;
  /** Files the report would have used and did not find, in words, for the page. */
  missing: string[];
}

/** A file's text, or null when it is not there. */
function readOptional(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

/** summary.json, read as the current version; a missing or unreadable one is the user's to fix (exit 2). */
export function readRunSummary(dirOrSummary: string): Summary {
  return readRunSummaryFile(runPathsOf(dirOrSummary).summaryPath).summary;
}

/**
 * Where a run's files are, from what the user gave: its directory (summary.json in it) or a summary file itself (the
 * run's other files, and the report, beside it). A path that is neither is one line, exit 2.
 */
export function runPathsOf(dirOrSummary: string): { dir: string; summaryPath: string } {
  const path = resolve(dirOrSummary);
  // One line each, the way out included: these are all a user sees.
  if (!existsSync(path))
    throw new LabError(
      `No run directory or summary at ${dirOrSummary} (give results/<run-id> or its summary.json).`,
      undefined,
      EXIT.badInput,
    );
  if (!statSync(path).isDirectory()) return { dir: dirname(path), summaryPath: path };
  const summaryPath = join(path, 'summary.json');
  if (!existsSync(summaryPath))
    throw new LabError(
      `${dirOrSummary} has no summary.json: not a run directory, or its run never wrote one.`,
      undefined,
      EXIT.badInput,
    );
  return { dir: path, summaryPath };
}

/** A summary file read as the current version, and the version it was written in. */
function readRunSummaryFile(path: string): { summary: Summary; writtenSchemaVersion: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new LabError(`${path} is not valid JSON: damaged, or not the lab's.`, undefined, EXIT.badInput);
  }
  const read = readSummary(parsed);
  if (read.summary === null) {
    throw new LabError(
      `${path} is not a summary this lab can read (from a newer lab, or edited?): ${read.problems.slice(0, 3).join('; ')}.`,
      undefined,
      EXIT.badInput,
    );
  }
  return { summary: read.summary, writtenSchemaVersion: (parsed as { schemaVersion: number }).schemaVersion };
}

/** Lines of requests.ndjson that are request records (a torn last line is skipped). */
export function parseRequestRecords(text: string): RequestRecord[] {
  return readJsonLines(text).filter((o): o is RequestRecord => {
    const r = o as Partial<RequestRecord>;
    return typeof r.requestId === 'string' && typeof r.variant === 'string' && typeof r.startMonoMs === 'number';
  });
}

/**
 * The variants as the access-log parsers need them: Caddy names a request's
 * variant by its LB port, and the nth variant of a run listens on
 * LB_PORT_BASE + n + 1 (scenarios.ts, makeVariant), in the summary's order.
 */
export function variantsForLogs(summary: Summary): Variant[] {
  return Object.keys(summary.variants).map((name, n) => ({ name, lbPort: LB_PORT_BASE + n + 1 }) as Variant);
}

/**
 * An app's accounting from its log. Logs written before the preload recorded
 * its timer's instant have socket-closed lines without keepAliveTimerAtMonoMs,
 * which the protocol's reader (rightly, for a live run) refuses: read back,
 * they are given it as null (not recorded), the way readSummary upgrades an old summary.
 */
export function appAccountOf(log: string): AppAccount {
  const upgraded = readJsonLines(log)
    .map((o) =>
      (o as { lab?: unknown }).lab === 'socket-closed' && !('keepAliveTimerAtMonoMs' in o)
        ? { ...o, keepAliveTimerAtMonoMs: null }
        : o,
    )
    .map((o) => JSON.stringify(o))
    .join('\n');
  return { closes: socketClosedRecords(upgraded), responseEnds: responseEnds(upgraded) };
}

/** Every run file the report reads, from the run's directory or its summary file; only the summary is required. */
export function readRunFiles(dirOrSummary: string): RunFiles {
  const { dir, summaryPath } = runPathsOf(dirOrSummary);
  const { summary, writtenSchemaVersion } = readRunSummaryFile(summaryPath);
  const missing: string[] = [];

  const requestsText = readOptional(join(dir, 'requests.ndjson'));
  if (requestsText === null) missing.push('requests.ndjson (the requests sent): no hit timeline');
  const records = requestsText === null ? null : parseRequestRecords(requestsText);

  const apps: RunFiles['apps'] = {};
  for (const name of Object.keys(summary.variants)) {
    const log = readOptional(join(dir, `app-${name}.log`));
    // Only the aim variant's accounting feeds a chart (the hit timeline): another's absence costs nothing to say.
    if (log === null && name === summary.aimVariant)
      missing.push(`app-${name}.log (the aim variant's connection accounting): no hit timeline`);
    apps[name] = log === null ? null : appAccountOf(log);
  }

  const lbs = Object.keys(summary.lbs).filter((lb): lb is LbName => (LB_NAMES as readonly string[]).includes(lb));
  let access: AccessLogEntry[] | null = null;
  for (const lb of lbs) {
    const text = readOptional(join(dir, `${lb}-access.log`));
    if (text === null) {
      missing.push(`${lb}-access.log (${lb}'s access log): the hit timeline cannot quote the LB's log line`);
      continue;
    }
    access = [...(access ?? []), ...LB_DRIVERS[lb].parseAccessLog(text, variantsForLogs(summary))];
  }
  return { dir, summary, writtenSchemaVersion, records, apps, access, missing };
}
