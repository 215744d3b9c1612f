// The settings two compared runs may differ in, and which of them move a
// failure rate. Pure.
//
// A difference in a rate-moving setting makes the runs not comparable: any
// change of a rate, or of a verdict, may be the setting's doing, so compare
// gives no regression or change on them, only the settings that differ.
// Settings that only change the sample size, or that a regression check
// exists to catch (a new Node or nginx release), are noted and compared.
import type { Summary } from '../results/schema.js';

/** A setting of a run, as compare reads it from a summary. */
export interface Setting {
  name: string;
  /** Its value in a run, as printed. */
  of: (s: Summary) => string;
  /**
   * Whether a difference moves a rate of rows behind these LBs; false: the
   * difference is only noted (it changes how much was measured, not what).
   */
  movesRate: false | ((lbs: ReadonlySet<string>) => boolean);
}

const always = () => true;

/** Every setting compare looks at, rate-moving first. */
export const SETTINGS: readonly Setting[] = [
  // nginx's retry policy: 'nginx' replays a failed GET on a fresh connection, so a GET row's 502s vanish (nginx only).
  { name: 'retry policy', of: (s) => s.scenario.retryPolicy, movesRate: (lbs) => lbs.has('nginx') },
  // The engine alternates the methods inside one cycle's batch: with one method fewer, each cell sends twice as many
  // requests at the same close instant, and a variant pools a different mix (GET may be retried, POST never is).
  { name: 'methods', of: (s) => s.options.methods.join('+'), movesRate: always },
  // Requests per cycle: how much of a batch lands on a closing connection, and so how often a cycle has a failure.
  { name: 'concurrency', of: (s) => String(s.options.concurrency), movesRate: always },
  // The app's server (standalone, next start, custom) sets its idle close, and so the race's window.
  { name: 'server mode', of: (s) => s.scenario.serverMode, movesRate: always },
  // 'always' lets HAProxy send a first request on an idle connection: the race HAProxy otherwise avoids (HAProxy rows
  // only).
  { name: 'HAProxy http-reuse', of: (s) => s.scenario.haproxyReuse ?? 'safe', movesRate: (lbs) => lbs.has('haproxy') },
  // Docker's network and the local runtime's loopback (and its system nginx) give the race a different window.
  { name: 'runtime', of: (s) => s.runtime, movesRate: always },
  // Shorter than the app's idle close, the LB closes first and there is no race at all.
  {
    name: "the LB's upstream keep-alive (ms)",
    of: (s) => String(s.scenario.lb.upstreamKeepaliveTimeoutMs),
    movesRate: always,
  },
  // More cycles (or a longer --max-cycles) is a larger sample of the same rate: the detectable change says what it
  // buys.
  { name: 'cycles', of: (s) => String(s.options.cycles), movesRate: false },
  // --full adds long-gap cycles after the aimed ones; the rates compared count aimed cycles only.
  { name: 'mode', of: (s) => s.mode, movesRate: false },
];

/** A setting that differs between the runs, in words. */
const differs = (name: string, a: string, b: string) => `${name}: ${a} in the baseline, ${b} now`;

/** The rate-moving settings that differ, and the other differences (versions included), each in words. */
export function settingDifferences(
  baseline: Summary,
  current: Summary,
  lbs: ReadonlySet<string>,
): { movingRates: string[]; noted: string[] } {
  const movingRates: string[] = [];
  const noted: string[] = [];
  for (const { name, of, movesRate } of SETTINGS) {
    const a = of(baseline);
    const b = of(current);
    if (a === b) continue;
    (movesRate !== false && movesRate(lbs) ? movingRates : noted).push(differs(name, a, b));
  }
  // A new release is what a regression check is for: compared, and named.
  for (const key of ['node', 'nginx'] as const) {
    const a = baseline.versions[key];
    const b = current.versions[key];
    if (a !== undefined && b !== undefined && a !== b) noted.push(differs(key, a, b));
  }
  return { movingRates, noted };
}
