// Finds and runs Docker Compose: v2 (`docker compose`) where users have it, v1
// (`docker-compose` 1.29) where Debian ships it. Callers never see which.
import { execa, ExecaError } from 'execa';
import { fileURLToPath } from 'node:url';
import { LabError } from '../model/errors.js';
import { COMPOSE_PROJECT } from '../scenarios/scenarios.js';

export const PROJECT_DIR = fileURLToPath(new URL('../../', import.meta.url));

export interface ComposeCommand {
  file: string;
  prefix: string[];
  version: string;
}

let found: Promise<ComposeCommand> | undefined;

async function tryVersion(file: string, prefix: string[]): Promise<ComposeCommand | undefined> {
  try {
    const { stdout } = await execa(file, [...prefix, 'version', '--short'], { timeout: 15_000 });
    return { file, prefix, version: stdout.trim() };
  } catch {
    return undefined;
  }
}

export function findCompose(): Promise<ComposeCommand> {
  found ??= (async () => {
    const compose = (await tryVersion('docker', ['compose'])) ?? (await tryVersion('docker-compose', []));
    if (!compose) {
      throw new LabError(
        'Docker Compose was not found (neither `docker compose` nor `docker-compose`).',
        'Install the Compose plugin (v2) or docker-compose 1.29, or use --runtime local.',
      );
    }
    return compose;
  })();
  return found;
}

export interface ComposeRunOptions {
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Called with each line of output, for progress on long steps. */
  onLine?: (line: string) => void;
  /** Stops the command (Ctrl-C during a build, say). */
  signal?: AbortSignal;
}

/** Runs `compose -p <COMPOSE_PROJECT> <args>` (keepalive-lab in slot 0) in the project directory. */
export async function compose(args: string[], options: ComposeRunOptions = {}): Promise<string> {
  const cmd = await findCompose();
  const fullArgs = [...cmd.prefix, '-p', COMPOSE_PROJECT, ...args];
  const child = execa(cmd.file, fullArgs, {
    cwd: PROJECT_DIR,
    env: options.env,
    timeout: options.timeoutMs ?? 15 * 60_000,
    all: true,
    // Its own process group: a Ctrl-C in the terminal is the lab's to handle
    // (cancelSignal stops a running build or up; teardown's down must finish).
    detached: true,
    stdin: 'ignore',
    cancelSignal: options.signal,
  });
  const { onLine } = options;
  if (onLine) {
    child.all?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split(/\r?\n/)) if (line.trim()) onLine(line);
    });
  }
  try {
    const result = await child;
    return result.all ?? '';
  } catch (err) {
    if (err instanceof ExecaError) {
      const tail = String(err.all ?? '')
        .trim()
        .split('\n')
        .slice(-15)
        .join('\n');
      throw new LabError(
        `\`${[cmd.file, ...fullArgs].join(' ')}\` ${err.isCanceled ? 'was interrupted' : `failed (${err.timedOut ? 'timed out' : `exit ${err.exitCode}`})`}:\n${tail}`,
      );
    }
    throw err;
  }
}
