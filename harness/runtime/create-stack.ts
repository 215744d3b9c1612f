// The one place that knows which class runs which runtime.
import { join } from 'node:path';
import type { Scenario } from '../scenarios.js';
import { DockerStack } from './docker-stack.js';
import { LocalStack } from './local-stack.js';
import type { Runtime, Stack } from './stack.js';

export interface StackSettings {
  scenario: Scenario;
  /** The run's results directory: the LB configuration is saved there as nginx.conf (and Docker mounts that file). */
  runDir: string;
  onProgress: (line: string) => void;
  signal: AbortSignal;
}

/** The file in a run directory that holds the LB configuration the stack runs. */
export const LB_CONFIG_FILE = 'nginx.conf';

export function createStack(runtime: Runtime, s: StackSettings): Stack {
  if (runtime === 'docker') {
    return new DockerStack({ scenario: s.scenario, nginxConfPath: join(s.runDir, LB_CONFIG_FILE), onProgress: s.onProgress, signal: s.signal });
  }
  return new LocalStack({ scenario: s.scenario, onProgress: s.onProgress });
}
