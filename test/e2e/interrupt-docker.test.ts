// One interrupt, one clean stop, on Docker, through `npm run lab` as users and
// CI runners start it: a SIGINT to the whole process group without a terminal
// (and its echo 32 ms later, as tsx's CLI relays it), and a Ctrl-C typed in a
// pseudo-terminal. Each must end with exit 130, no container of the project
// left, and the run's summary.json marked interrupted.
// First: this file's own ports and Compose project (test/helpers/slot.ts).
import '../helpers/slot.js';
import t, { type Test } from 'tap';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT } from '../../harness/model/exit-codes.js';
import { projectResources } from '../../harness/runtime/docker-stack.js';
import { startLab, watchOutput } from '../helpers/lab-process.js';
import { dockerOrSkip } from '../helpers/require.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** A warm quick run reaches traffic in about 20 s and tears down in about 10; a cold build takes a minute more. */
const RUN_LIMIT_MS = 240_000;
/** The first progress line of the traffic phase: the earliest point the interrupt is "during traffic". */
const TRAFFIC_STARTED = /traffic: bursts of/;
/** tsx's CLI relays a group SIGINT to the lab again this long after it (measured 32 ms). */
const RELAY_ECHO_MS = 32;

/**
 * The exit status a shell or CI runner reports: npm's script shell (dash)
 * re-raises the SIGINT it was sent once the lab has exited, and npm then dies
 * of it too, so node sees "killed by SIGINT" where a shell says 130.
 */
const shellStatus = (code: number | null, signal: NodeJS.Signals | null) =>
  code ?? (signal ? 128 + constants.signals[signal] : null);

/** exit 130, nothing of the project left in Docker, and a summary.json marked interrupted. */
async function assertCleanStop(
  t: Test,
  status: number | null,
  runDir: string | undefined,
  output: string,
): Promise<void> {
  const tail = output.trim().split('\n').slice(-4).join(' | ');
  t.equal(status, EXIT.interrupted, `exit ${EXIT.interrupted} (tail: ${tail})`);
  t.equal(output.match(/stopping; tearing down/g)?.length ?? 0, 1, 'one stop, announced once');
  t.notMatch(output, /exiting without teardown/, 'never forced');
  t.same(
    await projectResources(),
    { containers: [], networks: [], volumes: [] },
    'no container, network or volume of the project left',
  );
  const summaryFile = runDir && join(runDir, 'summary.json');
  t.ok(summaryFile && existsSync(summaryFile), `summary.json in ${runDir}`);
  if (!summaryFile || !existsSync(summaryFile)) return;
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as { interrupted?: unknown; complete?: unknown };
  t.equal(summary.interrupted, true, 'marked interrupted');
  t.equal(summary.complete, false, 'and incomplete');
}

/** `npm run lab` in a pseudo-terminal (util-linux `script`): what a person's terminal runs, Ctrl-C included. */
function startLabInTerminal(args: string[], hardLimitMs: number) {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = ['npm', 'run', '-s', 'lab', '--', ...args].map(quote).join(' ');
  // -e: script exits with the status of what it ran, as a shell reports it; the pty merges stdout and stderr.
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
    detached: true,
  });
  // Closing the terminal (killing script) hangs up everything in it.
  const { text: output, waitFor, exited } = watchOutput(child, child.stdout, hardLimitMs);
  // ^C typed at the terminal: its line discipline sends SIGINT to the foreground process group.
  const ctrlC = () => child.stdin.write('\x03');
  return { output, waitFor, ctrlC, exited, runDir: () => /results in (\S+)/.exec(output())?.[1] };
}

t.test('interrupting npm run lab -- --quick on Docker', async (t) => {
  if (!(await dockerOrSkip(t))) return;
  const resultsDir = mkdtempSync(join(tmpdir(), 'keepalive-lab-interrupt-'));
  t.teardown(() => rmSync(resultsDir, { recursive: true, force: true }));
  const args = ['--quick', '--runtime', 'docker', '--results-dir', resultsDir];

  t.test(
    'SIGINT to the process group, no terminal (setsid, as a CI runner sends it), echoed 32 ms later',
    async (t) => {
      const started = Date.now();
      // detached: a session of its own, so no controlling terminal, and npm leads the group.
      const lab = startLab(args, { viaNpm: true, hardLimitMs: RUN_LIMIT_MS });
      if (!(await lab.waitFor(TRAFFIC_STARTED)))
        return t.fail(`the lab ended before traffic: ${lab.stderr().trim().split('\n').slice(-3).join(' | ')}`);
      const interruptedAtS = (Date.now() - started) / 1000;
      process.kill(-lab.child.pid!, 'SIGINT');
      // The same interrupt again, as tsx's CLI relays it when it loses its own race: not a second one.
      setTimeout(() => {
        try {
          process.kill(-lab.child.pid!, 'SIGINT');
        } catch {
          // The group is gone already: nothing to echo to.
        }
      }, RELAY_ECHO_MS);
      const code = await lab.exited;
      t.comment(
        `interrupted at ${interruptedAtS.toFixed(0)} s; exited ${((Date.now() - started) / 1000 - interruptedAtS).toFixed(1)} s later`,
      );
      await assertCleanStop(t, shellStatus(code, lab.child.signalCode), lab.runDir(), lab.stderr());
    },
  );

  t.test('Ctrl-C in a pseudo-terminal', async (t) => {
    const started = Date.now();
    const lab = startLabInTerminal(args, RUN_LIMIT_MS);
    if (!(await lab.waitFor(TRAFFIC_STARTED)))
      return t.fail(`the lab ended before traffic: ${lab.output().trim().split('\n').slice(-3).join(' | ')}`);
    const interruptedAtS = (Date.now() - started) / 1000;
    lab.ctrlC();
    const code = await lab.exited;
    t.comment(
      `interrupted at ${interruptedAtS.toFixed(0)} s; exited ${((Date.now() - started) / 1000 - interruptedAtS).toFixed(1)} s later`,
    );
    await assertCleanStop(t, code, lab.runDir(), lab.output());
  });
});
