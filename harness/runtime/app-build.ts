// Builds the sample app on this host for the local runtime (the Docker runtime
// builds it in its image): npm ci once, `next build` when a source is newer than
// the build, then lays lab/ and the static files beside the standalone server.
import { execa } from 'execa';
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LabError } from '../model/errors.js';
import { PROJECT_DIR } from './compose.js';

export const APP_DIR = join(PROJECT_DIR, 'app');
export const STANDALONE_DIR = join(APP_DIR, '.next', 'standalone');
const BUILD_INPUTS = ['src', 'lab', 'next.config.mjs', 'package-lock.json', 'tsconfig.json'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function buildIsStale(): boolean {
  const server = join(STANDALONE_DIR, 'server.js');
  if (!existsSync(server)) return true;
  const builtAt = statSync(server).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(join(APP_DIR, input)) > builtAt);
}

async function run(cmd: string, args: string[], onLine: (line: string) => void) {
  const child = execa(cmd, args, {
    cwd: APP_DIR,
    env: { NEXT_TELEMETRY_DISABLED: '1' },
    all: true,
    timeout: 15 * 60_000,
    reject: false,
  });
  child.all?.on('data', (d: Buffer) => d.toString().split('\n').filter(Boolean).forEach(onLine));
  const result = await child;
  if (result.exitCode !== 0) {
    const tail = String(result.all ?? '')
      .trim()
      .split('\n')
      .slice(-15)
      .join('\n');
    throw new LabError(`\`${cmd} ${args.join(' ')}\` in app/ failed (exit ${result.exitCode}):\n${tail}`);
  }
}

export async function ensureAppBuilt(onProgress: (line: string) => void): Promise<void> {
  if (!existsSync(join(APP_DIR, 'node_modules', 'next'))) {
    onProgress('installing the app dependencies (npm ci in app/)');
    await run('npm', ['ci', '--no-audit', '--no-fund'], onProgress);
  }
  if (buildIsStale()) {
    onProgress('building the app (next build)');
    await run('npm', ['run', 'build'], onProgress);
  }
  // What the Docker image's runner stage copies, laid out the same way.
  cpSync(join(APP_DIR, '.next', 'static'), join(STANDALONE_DIR, '.next', 'static'), { recursive: true });
  cpSync(join(APP_DIR, 'lab'), join(STANDALONE_DIR, 'lab'), { recursive: true });
}
