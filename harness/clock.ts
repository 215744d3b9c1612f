// The lab's one clock: CLOCK_MONOTONIC in milliseconds, which a Linux host and
// its containers share, so the harness can line its sends up with the app's events.
export const monoMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Milliseconds to the microsecond: enough for a race a few ms wide, short in JSON. */
export const roundMs = (ms: number): number => Math.round(ms * 1000) / 1000;
