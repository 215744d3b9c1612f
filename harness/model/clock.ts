// The harness's clock: CLOCK_MONOTONIC in milliseconds. The apps report times
// on their own clocks; traffic/app-clock.ts estimates how the two line up.
import { EXIT } from './exit-codes.js';
import { LabError } from './errors.js';
import { APP_CLOCK_OFFSET_ENV } from './protocol.js';

export const monoMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Milliseconds to the microsecond: enough for a race a few ms wide, short in JSON. */
export const roundMs = (ms: number): number => Math.round(ms * 1000) / 1000;

/**
 * The test-only shift of the apps' clocks (LAB_APP_CLOCK_OFFSET_MS in the
 * harness's environment), passed on to every app it starts; 0 when unset.
 */
export function injectedAppClockOffsetMs(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[APP_CLOCK_OFFSET_ENV]?.trim() ?? '';
  if (text === '') return 0;
  const ms = Number(text);
  if (!Number.isFinite(ms)) {
    throw new LabError(
      `${APP_CLOCK_OFFSET_ENV} must be a number of milliseconds, got '${text}'.`,
      "Unset it: it only shifts the apps' clocks for tests.",
      EXIT.badInput,
    );
  }
  return ms;
}

/** The apps' share of it: the variable, set only when a test shifts their clocks. */
export function appClockEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const ms = injectedAppClockOffsetMs(env);
  return ms === 0 ? {} : { [APP_CLOCK_OFFSET_ENV]: String(ms) };
}
