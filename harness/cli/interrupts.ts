// One interrupt, one clean stop. A signal sent to the lab's process group can
// reach the lab's process more than once. Under the tsx CLI (`tsx harness/cli/lab.ts`),
// tsx's parent process relays a group SIGINT to the lab again 30 ms later
// whenever the lab's report of it reaches the parent before the parent starts
// waiting for it (measured: the second at +32 and +36 ms, in 2 of 8 quick runs
// interrupted at 45 s), and SIGKILLs the lab if it does not answer that relay
// within 30 ms;
// so `npm run lab` and `npm run bench` start node with tsx as a loader only
// (package.json). Echoes remain elsewhere: npm forwards the signal to its script's
// shell, which is node itself where that shell execs its last command, and a
// supervisor may signal both the group and the process. Taking an echo as
// "again to force" exits without teardown and leaves the stack running: only a
// second interrupt sent on purpose, later, may force.
import { monoMs } from '../model/clock.js';

/**
 * A second SIGINT/SIGTERM this soon after the first is the same interrupt
 * delivered again (tsx's relay: 30 ms plus the event loops' lag). A person who
 * reads "again to force" and presses again takes longer than this; the margin
 * above 30 ms absorbs a lab whose event loop is busy when the first arrives.
 */
export const DUPLICATE_SIGNAL_WINDOW_MS = 1_000;

/** The signals that stop the lab: Ctrl-C, and a supervisor's or CI runner's stop. */
export const INTERRUPT_SIGNALS = ['SIGINT', 'SIGTERM'] as const satisfies readonly NodeJS.Signals[];

/** What one more signal means: the first stops the run, its echo is ignored, a later one forces an exit. */
export type InterruptAction = 'stop' | 'duplicate' | 'force';

/** The rule itself: firstAtMs is when the first signal was heard (null: none yet), on the monotonic clock. */
export function interruptAction(
  firstAtMs: number | null,
  nowMs: number,
  windowMs = DUPLICATE_SIGNAL_WINDOW_MS,
): InterruptAction {
  if (firstAtMs === null) return 'stop';
  return nowMs - firstAtMs < windowMs ? 'duplicate' : 'force';
}

/** What the lab does on a stop and on a force. */
export interface InterruptHandlers {
  /** The first interrupt: abort the run (teardown and partial results follow). */
  stop: (signal: NodeJS.Signals) => void;
  /** A later, deliberate one: exit now, without teardown. */
  force: (signal: NodeJS.Signals) => void;
}

/** Where signals come from (process; an EventEmitter in tests). */
export interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

/** Listens for SIGINT and SIGTERM by the rule above; returns a function that stops listening. */
export function onInterrupts(
  handlers: InterruptHandlers,
  {
    source = process,
    nowMs = monoMs,
    windowMs = DUPLICATE_SIGNAL_WINDOW_MS,
  }: { source?: SignalSource; nowMs?: () => number; windowMs?: number } = {},
): () => void {
  let firstAtMs: number | null = null;
  const listener = (signal: NodeJS.Signals) => {
    const now = nowMs();
    const action = interruptAction(firstAtMs, now, windowMs);
    if (action === 'stop') {
      firstAtMs = now;
      handlers.stop(signal);
    } else if (action === 'force') {
      handlers.force(signal);
    }
  };
  for (const signal of INTERRUPT_SIGNALS) source.on(signal, listener);
  return () => {
    for (const signal of INTERRUPT_SIGNALS) source.off(signal, listener);
  };
}
