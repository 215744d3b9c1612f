// The scenario of a run with your app: the variant 'yours' (and 'compared'
// beside it) behind one LB whose idle timeout you set, each driven at its own
// boundary like a matrix cell (your app's close, or the LB's if that comes first).
import { BUILT_APP_IMAGE } from '../runtime/compose-file.js';
import {
  appUnderTestVariant,
  withLongPools,
  COMPARED_APP_VARIANT,
  LB,
  YOUR_APP_VARIANT,
  type HaproxyReuse,
  type RetryPolicy,
  type Scenario,
  type Variant,
} from '../scenarios/scenarios.js';
import type { AppOptions } from '../scenarios/run-options.js';

/**
 * The LB's client connections outlive a cycle's idle gap by this much: HAProxy gives an idle upstream connection only
 * to a reused client connection.
 */
const CLIENT_KEEPALIVE_PAST_GAP_MS = 5_000;

export function yourAppScenario(app: AppOptions, retryPolicy: RetryPolicy, haproxyReuse: HaproxyReuse): Scenario {
  const lb = {
    ...LB,
    upstreamKeepaliveTimeoutMs: app.lbIdleTimeoutMs,
    clientKeepaliveTimeoutMs: Math.max(LB.clientKeepaliveTimeoutMs, app.lbIdleTimeoutMs + CLIENT_KEEPALIVE_PAST_GAP_MS),
  };
  const image = app.image ?? BUILT_APP_IMAGE;
  const base = {
    buildDir: app.buildDir,
    containerPort: app.port,
    healthPath: app.healthPath,
    startTimeoutMs: app.startTimeoutMs,
    trafficPath: app.path,
    preload: app.preload,
  };
  const variants: Variant[] = [
    withLongPools(appUnderTestVariant(YOUR_APP_VARIANT, 0, { ...base, image, env: app.env }, app.lb)),
  ];
  if (app.compare !== null) {
    const compareImage = app.compare.image ?? image;
    variants.push(
      withLongPools(
        appUnderTestVariant(
          COMPARED_APP_VARIANT,
          1,
          {
            ...base,
            image: compareImage,
            buildDir: compareImage === image ? app.buildDir : null,
            env: app.compare.env,
          },
          app.lb,
        ),
      ),
    );
  }
  return { retryPolicy, haproxyReuse, lb, variants, kind: 'matrix' };
}

/** The images a run must find (or pull) before it starts: those given by name, not built. */
export function imagesToFind(scenario: Scenario): string[] {
  return [...new Set(scenario.variants.flatMap((v) => (v.app && v.app.buildDir === null ? [v.app.image] : [])))];
}
