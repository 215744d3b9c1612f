// A user's apps of the run (--app-image, --app-build), each as summary.json's
// yourApp keeps it: what was run and how it was measured, and its verdict,
// which is its first method's cell's (analysis/your-app-verdict.ts). Pure.
import { measurementOf } from '../model/measurement.js';
import type { AppUnderTestSummary, CellSummary } from '../records/summary-schema.js';
import type { AppUnderTest, Variant } from '../scenarios/scenarios.js';
import { appVerdict, type VerdictInput } from './your-app-verdict.js';
import type { SummaryInput } from './summary-input.js';

/** A variant that is a user's app. */
type AppVariant = Variant & { app: AppUnderTest };

/** What an app's summary reads of its cells: which is its, and what its verdict rests on. */
export type AppCell = VerdictInput['cell'] & Pick<CellSummary, 'variant'>;

/** Why the run's counts are not final ('interrupted', 'failed during traffic'); null for a run that finished. */
export function incompleteOf(input: Pick<SummaryInput, 'interrupted' | 'failure'>): string | null {
  if (input.interrupted) return 'interrupted';
  return input.failure ? `failed during ${input.failure.phase}` : null;
}

function yourAppSummary(input: SummaryInput, cells: readonly AppCell[], v: AppVariant): AppUnderTestSummary {
  const { app } = v;
  const method = input.options.methods[0];
  const cell = cells.find((c) => c.variant === v.name && c.method === method);
  if (cell === undefined) throw new Error(`no cell ${v.name} × ${method} to take your app's verdict from`);
  const probe = input.probes[v.name];
  const node = input.yourApp?.preloadNode[v.name] ?? null;
  const measurement = measurementOf(true, node);
  const { verdict, line } = appVerdict({
    cell,
    appIdleCloseMs: probe?.idleCloseMs ?? null,
    lbIdleTimeoutMs: input.scenario.lb.upstreamKeepaliveTimeoutMs,
    measurement,
    incomplete: incompleteOf(input),
  });
  return {
    variant: v.name,
    image: input.yourApp?.images[v.name] ?? { ref: app.image, id: null, repoDigests: [] },
    buildDir: app.buildDir,
    containerPort: app.containerPort,
    healthPath: app.healthPath,
    trafficPath: app.trafficPath,
    method,
    envKeys: Object.keys(app.env),
    measurement,
    node,
    appIdleCloseMs: probe?.idleCloseMs ?? null,
    advertisedKeepAlive: probe?.advertisedKeepAlive ?? null,
    lbIdleTimeoutMs: input.scenario.lb.upstreamKeepaliveTimeoutMs,
    verdict,
    line,
  };
}

/** Each user's app of the run with its verdict; null for the sample app. */
export function yourAppSummaries(input: SummaryInput, cells: readonly AppCell[]): AppUnderTestSummary[] | null {
  const apps = input.scenario.variants.filter((v): v is AppVariant => Boolean(v.app));
  if (apps.length === 0) return null;
  return apps.map((v) => yourAppSummary(input, cells, v));
}
