// The measurements the docs quote, committed under docs/measurements/: each
// folder one kind of run, with the machine it ran on (machine.json, written by
// scripts/measure.ts when the run was kept). The docs' tables are rendered from
// these files and nothing else.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSummary } from '../compare/load.js';
import { readBenchResult, type BenchResult } from '../bench/metrics.js';
import type { Summary } from '../results/schema.js';
import { readJsonLines } from '../model/json-lines.js';
import { CLIENT_WINDOW_FILES, type ClientWindowTrialRecord } from './client-window-table.js';
import { WIRE_CAPTURE_FILES, type CaptureRow } from './wire-capture-table.js';

/** Where the measurements live, from the repository's root. */
export const MEASUREMENTS_DIR = 'docs/measurements';

/** The machine a measurement ran on, as scripts/measure.ts recorded it. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  kernel: string;
  /** When the measurement was kept (ISO). */
  recordedAt: string;
  /**
   * The 1-, 5- and 15-minute load averages when it was kept, right after
   * the run: how busy the machine was, the lab's own processes included.
   * Missing in measurements kept before it was recorded.
   */
  loadAverage?: [number, number, number];
}

/** A command timed by scripts/measure.ts: what ran, from which state, and how long it took. */
export interface Timing {
  /** What the docs call it, e.g. `npm ci && npm run lab`. */
  command: string;
  /** cold: no image or build of the lab's own on the machine (base images there); warm: everything built. */
  condition: 'cold' | 'warm';
  wallMs: number;
  exitCode: number;
  /** What was removed just before a cold start (scripts/measure.ts makeCold); empty for a warm one. */
  removedBefore: string[];
  startedAt: string;
  machine: Machine;
}

export function machineOf(root: string, what: string): Machine {
  return readJson<Machine>(join(root, MEASUREMENTS_DIR, what, 'machine.json'));
}

/** "2 cores (…), 24 GiB, Linux 6.18, load average 2.1 over the last 15 min": the machine in a caption. */
export function describeMachine(m: Machine): string {
  const load =
    m.loadAverage === undefined
      ? ''
      : `, load average ${m.loadAverage[2].toFixed(1)} over the 15 min before it was kept (the lab's own processes included)`;
  return `${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Linux ${m.kernel}${load}`;
}

/** Whether a lab run is kept under docs/measurements/<what>/. */
export function isMeasured(root: string, what: string): boolean {
  return existsSync(join(root, MEASUREMENTS_DIR, what, 'summary.json'));
}

/** A kept lab run's summary (read as the current schema, any version). */
export function measuredSummary(root: string, what: string): Summary {
  return loadSummary(join(root, MEASUREMENTS_DIR, what, 'summary.json')).summary;
}

/** Every bench kept under bench/ (bench-<id>.json), oldest first, with its machine (machine-bench-<id>.json). */
export function measuredBenches(root: string): Array<{ bench: BenchResult; machine: Machine }> {
  const dir = join(root, MEASUREMENTS_DIR, 'bench');
  return jsonFilesIn(dir, /^bench-.*\.json$/).map((f) => ({
    bench: readBenchResult(readJson<unknown>(join(dir, f)), f),
    machine: readJson<Machine>(join(dir, `machine-${f}`)),
  }));
}

/** Every timing kept under timings/, in file-name order. */
export function measuredTimings(root: string): Timing[] {
  const dir = join(root, MEASUREMENTS_DIR, 'timings');
  return jsonFilesIn(dir, /\.json$/).map((f) => readJson<Timing>(join(dir, f)));
}

function jsonFilesIn(dir: string, name: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => name.test(f))
    .sort();
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** One JSON-lines file a name, read from docs/measurements/<folder>/<name>.ndjson, in the names' order. */
function measuredJsonLines<T>(root: string, folder: string, names: readonly string[]): T[][] {
  return names.map(
    (name) => readJsonLines(readFileSync(join(root, MEASUREMENTS_DIR, folder, `${name}.ndjson`), 'utf8')) as T[],
  );
}

/** The bridge captures' rows (scripts/bridge-capture/analyze.py), a list per WIRE_CAPTURE_FILES entry. */
export function measuredWireCaptures(root: string): CaptureRow[][] {
  return measuredJsonLines<CaptureRow>(root, 'bridge-capture', WIRE_CAPTURE_FILES);
}

/** The client-window experiment's trials (scripts/client-window-experiment.ts), a list per file, in table order. */
export function measuredClientWindows(root: string): ClientWindowTrialRecord[][] {
  return measuredJsonLines<ClientWindowTrialRecord>(root, 'client-window', CLIENT_WINDOW_FILES);
}
