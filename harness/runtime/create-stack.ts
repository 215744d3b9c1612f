// The one place that knows which class runs which runtime.
import type { Scenario } from '../scenarios/scenarios.js';
import { DockerStack } from './docker-stack.js';
import { LocalStack } from './local-stack.js';
import type { Stack } from './stack.js';
import type { Runtime } from '../scenarios/run-options.js';

export interface StackSettings {
  scenario: Scenario;
  /**
   * The run's results directory. The Docker runtime writes its compose.json and each LB's configuration there (under
   * the driver's file name: nginx.conf, haproxy.cfg, Caddyfile) and mounts them from it; the local runtime works in a
   * temporary directory of its own.
   */
  runDir: string;
  onProgress: (line: string) => void;
  signal: AbortSignal;
}

export function createStack(runtime: Runtime, s: StackSettings): Stack {
  if (runtime === 'docker') {
    return new DockerStack({ scenario: s.scenario, workDir: s.runDir, onProgress: s.onProgress, signal: s.signal });
  }
  return new LocalStack({ scenario: s.scenario, onProgress: s.onProgress });
}
