// What the harness needs from a running lab, whatever runs it (Docker Compose
// or local processes): start it, know when it serves, read its logs, notice a
// component that died, stop it. A phase never asks which runtime it has.
import type { LbName, NodeLine, Variant } from '../scenarios/scenarios.js';

/**
 * One LB's configuration as the stack runs it, and the file a run directory keeps it in (Docker mounts it from there).
 */
export interface LbConfig {
  lb: LbName;
  file: string;
  text: string;
}

/** The key of versions() that holds the Node release a line's apps really run: 'node24'. */
export const nodeVersionKey = (line: NodeLine) => `node${line}`;

export interface LogStreams {
  stdout: string;
  stderr: string;
}

export interface Stack {
  /** The configuration of each LB this stack runs, rendered from the scenario (saved with the results). */
  readonly lbConfigs: readonly LbConfig[];
  /** Builds what is needed and starts every component. */
  up(): Promise<void>;
  /** Resolves once every component reports healthy; rejects with the reason otherwise, or when aborted. */
  ready(timeoutMs: number, signal?: AbortSignal): Promise<void>;
  /** Rejects with a LabError naming the component when one is no longer running (or the runtime stopped answering). */
  checkRunning(): Promise<void>;
  /** URL of the LB in front of a variant, on loopback. */
  lbUrl(variant: Variant): string;
  /** Loopback port that reaches the app directly, bypassing the LB. */
  appPort(variant: Variant): number;
  /** The app's output (connection accounting lines are on stdout). */
  appLogs(variant: Variant): Promise<LogStreams>;
  /** An LB's access log (stdout) and error log (stderr). */
  lbLogs(lb: LbName): Promise<LogStreams>;
  /** Calls onLine with each new line the app prints from now on; returns a stop function. */
  followApp(variant: Variant, onLine: (line: string) => void): Promise<() => void>;
  /** Stops every LB gracefully, so each closes its idle upstream connections itself. */
  stopLb(): Promise<void>;
  /**
   * Versions of what runs the stack (each LB's under its name) and of the app (node, next, and nodeVersionKey(line) per
   * Node line), for the results.
   */
  versions(): Promise<Record<string, string>>;
  /** Leaves the stack running after the lab (the LB started again); returns how to stop it. */
  keep(): Promise<string>;
  /** Stops and removes everything the stack started. Safe to call twice. */
  down(): Promise<void>;
}
