// What the harness needs from a running lab, whatever runs it (Docker Compose
// or local processes): start it, know when it serves, read its logs, stop it.
import type { Variant } from '../scenarios.js';

export interface LogStreams {
  stdout: string;
  stderr: string;
}

export interface Stack {
  readonly runtime: 'docker' | 'local';
  /** Builds what is needed and starts every component. */
  up(): Promise<void>;
  /** Resolves once every component reports healthy; rejects with the reason otherwise, or when aborted. */
  ready(timeoutMs: number, signal?: AbortSignal): Promise<void>;
  /** URL of the LB in front of a variant, on loopback. */
  lbUrl(variant: Variant): string;
  /** Loopback port that reaches the app directly, bypassing the LB. */
  appPort(variant: Variant): number;
  /** The app's output (connection accounting lines are on stdout). */
  appLogs(variant: Variant): Promise<LogStreams>;
  /** nginx's access log (stdout) and error log (stderr). */
  lbLogs(): Promise<LogStreams>;
  /** Calls onLine with each new line the app prints from now on; returns a stop function. */
  followApp(variant: Variant, onLine: (line: string) => void): Promise<() => void>;
  /** Stops the LB gracefully, so it closes its idle upstream connections itself. */
  stopLb(): Promise<void>;
  /** Versions of what runs the stack, for the results. */
  versions(): Promise<Record<string, string>>;
  /** Stops and removes everything the stack started. Safe to call twice. */
  down(): Promise<void>;
}
