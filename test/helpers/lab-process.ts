// Runs `npm run lab` as a user would (the CLI, in a process group of its own)
// and lets a test wait for a line of its progress, act mid-run, and read the end.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface LabProcess {
  child: ChildProcess;
  stderr: () => string;
  stdout: () => string;
  /** Resolves when stderr matches (true), or false once the lab exited without it. */
  waitFor: (pattern: RegExp) => Promise<boolean>;
  /** The exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** The run directory the lab announced, if it did. */
  runDir: () => string | undefined;
}

/**
 * Starts the lab's CLI (viaNpm: through `npm run lab`, with npm and its script's
 * shell in the group, as a CI runner starts it); it is SIGKILLed after
 * hardLimitMs whatever happens (a test must never hang).
 */
export function startLab(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; hardLimitMs?: number; viaNpm?: boolean } = {},
): LabProcess {
  const [command, commandArgs] = options.viaNpm
    ? ['npm', ['run', '-s', 'lab', '--', ...args]]
    : [process.execPath, ['--import=tsx', 'harness/cli/lab.ts', ...args]];
  const child = spawn(command, commandArgs, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, ...options.env },
  });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const watched = watchOutput(child, child.stderr, options.hardLimitMs ?? 300_000);
  const stderr = watched.text;
  const { waitFor, exited } = watched;
  return { child, stderr, stdout: () => stdout, waitFor, exited, runDir: () => /results in (\S+)/.exec(stderr())?.[1] };
}

/**
 * Follows one output stream of a child in a process group of its own: its text
 * so far, a wait for a pattern in it (false once the child exited without it),
 * and its exit; the whole group is SIGKILLed after hardLimitMs (a test must never hang).
 */
export function watchOutput(child: ChildProcess, stream: NodeJS.ReadableStream, hardLimitMs: number) {
  let text = '';
  const waiters: Array<() => void> = [];
  stream.on('data', (d) => {
    text += d;
    waiters.splice(0).forEach((w) => w());
  });
  // The whole group: the lab's own children (nginx, apps, compose) lead groups of their own and are torn down by it.
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), hardLimitMs);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      waiters.splice(0).forEach((w) => w());
      resolve(code);
    }),
  );
  const waitFor = async (pattern: RegExp): Promise<boolean> => {
    for (;;) {
      if (pattern.test(text)) return true;
      if (child.exitCode !== null || child.signalCode !== null) return false;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { text: () => text, waitFor, exited };
}
