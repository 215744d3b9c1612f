// What the LBs' own logs say, beside the harness's count: every 502 the
// harness counted must be in an access log and the reverse (the cross-check),
// and how much each LB logged. Pure.
import type { Summary } from '../records/summary-schema.js';
import type { RequestRecord } from '../records/request-records.js';
import type { AccessLogEntry } from '../lb/access-log.js';
import { lbsOf } from '../lb/drivers.js';
import type { LbName, Scenario, VariantName } from '../scenarios/scenarios.js';

/** A variant whose 502s the harness and the access log count differently, and the request ids each side lacks. */
export type Mismatch = Summary['nginx']['mismatches'][number];

/**
 * The variants on which the harness's 502s and the access log's disagree, in count or request by request. Without
 * the access log (a failed run could not read it) there is nothing to cross-check: none.
 */
export function accessLogMismatches(
  records: readonly RequestRecord[],
  accessLog: readonly AccessLogEntry[] | null,
  variants: readonly VariantName[],
): Mismatch[] {
  if (accessLog === null) return [];
  return variants
    .map((variant): Mismatch => {
      const harness = records.filter((r) => r.variant === variant && r.status === 502).map((r) => r.requestId);
      const logged = accessLog.filter((e) => e.variant === variant && e.status === 502).map((e) => e.request_id);
      const loggedSet = new Set(logged);
      const harnessSet = new Set(harness);
      return {
        variant,
        harness502: harness.length,
        accessLog502: logged.length,
        missingInAccessLog: harness.filter((id) => !loggedSet.has(id)),
        missingInHarness: logged.filter((id) => !harnessSet.has(id)),
      };
    })
    .filter((m) => m.harness502 !== m.accessLog502 || m.missingInAccessLog.length > 0 || m.missingInHarness.length > 0);
}

/** Each LB of the run: its version, the requests its access log has, the error lines it wrote. */
export function lbLogCounts(
  scenario: Scenario,
  versions: Record<string, string>,
  accessLog: readonly AccessLogEntry[] | null,
  /** Per LB, its error log (SummaryInput.lbErrorLogs); an LB whose log was not read counts none. */
  lbErrorLogs: Partial<Record<LbName, string>>,
): Summary['lbs'] {
  return Object.fromEntries(
    lbsOf(scenario).map(({ driver }) => [
      driver.name,
      {
        version: versions[driver.name] ?? null,
        accessEntries: (accessLog ?? []).filter((e) => e.lb === driver.name).length,
        errorLines: driver.countErrors(lbErrorLogs[driver.name] ?? ''),
      },
    ]),
  );
}
