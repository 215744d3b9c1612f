// Faults mid-run on the local runtime (real nginx, real app processes): a
// component killed during traffic, the runtime going away (injected), results
// that cannot be written. Each must end with one clear line, the documented
// exit code, what was measured written with summary.json marked incomplete,
// and nothing left running.
// First: this file's own ports and Compose project (test/helpers/slot.ts).
import '../helpers/slot.js';
import t, { type Test } from 'tap';
import Docker from 'dockerode';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../../harness/model/exit-codes.js';
import { runLab } from '../../harness/lab/lab.js';
import { parseLabArgs } from '../../harness/cli/options.js';
import { portFree } from '../../harness/runtime/preflight.js';
import { readSummary, type Summary } from '../../harness/results/schema.js';
import { STANDALONE_DIR } from '../../harness/runtime/app-build.js';
import { createStack } from '../../harness/runtime/create-stack.js';
import { DockerStack } from '../../harness/runtime/docker-stack.js';
import type { Stack } from '../../harness/runtime/stack.js';
import { defaultScenario, VARIANTS } from '../../harness/scenarios/scenarios.js';
import { startLab } from '../helpers/lab-process.js';
import { nginxOrSkip } from '../helpers/require.js';
import { VERDICT_WORDS } from '../../harness/model/verdict.js';
import { SLOT_ENV } from '../../harness/scenarios/slot.js';
import { localWorkDirPrefix } from '../../harness/runtime/local-stack.js';

// Node's own timeouts: the first cycle starts about 20 s in (build check, 9 s probe, 6 s idle).
const LOCAL_RUN = ['--runtime', 'local', '--cycles', '6', '--max-cycles', '6'];
const KILL_LIMIT_MS = 180_000;

/**
 * Processes whose command line contains `needle`, or (Next renames its process: no command line to go by) whose
 * environment holds `envNeedle` and this file's slot (another test file may run a local lab beside it).
 */
function pidsOf(needle: string | null, envNeedle?: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (needle !== null && !cmdline.includes(needle)) continue;
      if (envNeedle) {
        const environ = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
        if (!environ.includes(envNeedle) || !environ.includes(`${SLOT_ENV}=${process.env[SLOT_ENV]}`)) continue;
      }
      pids.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

/**
 * This file's local app processes: they run in this checkout's standalone build (apps in containers run elsewhere),
 * in its slot (another file's local apps may run beside them).
 */
const appPids = (variant?: string) =>
  pidsOf(null, variant ? `LAB_VARIANT=${variant}` : `${SLOT_ENV}=${process.env[SLOT_ENV]}`).filter((pid) => {
    try {
      return readlinkSync(`/proc/${pid}/cwd`) === STANDALONE_DIR.replace(/\/$/, '');
    } catch {
      return false;
    }
  });

async function allPortsFree(): Promise<boolean> {
  for (const v of VARIANTS) if (!(await portFree(v.lbPort)) || !(await portFree(v.appPort))) return false;
  return true;
}

function incompleteSummary(t: Test, runDir: string | undefined): Summary | null {
  const path = runDir && join(runDir, 'summary.json');
  if (!path || !existsSync(path)) {
    t.fail(`no summary.json in ${runDir}`);
    return null;
  }
  const read = readSummary(JSON.parse(readFileSync(path, 'utf8')));
  t.same(read.problems, [], 'summary.json is a valid summary');
  t.equal(read.summary?.complete, false, 'marked incomplete');
  return read.summary;
}

t.test('faults on the local runtime', async (t) => {
  if (!(await nginxOrSkip(t))) return;
  const resultsDir = mkdtempSync(join(tmpdir(), 'keepalive-lab-faults-'));
  t.teardown(() => rmSync(resultsDir, { recursive: true, force: true }));

  for (const [component, find] of [
    ['app-default', () => appPids('default')],
    ['nginx', () => pidsOf(localWorkDirPrefix()).filter((pid) => readlinkSync(`/proc/${pid}/exe`).includes('nginx'))],
  ] as const) {
    t.test(
      `${component} killed during traffic: exit ${EXIT.couldNotRun}, one line naming it, partial results, nothing left`,
      async (t) => {
        const lab = startLab([...LOCAL_RUN, '--results-dir', resultsDir], { hardLimitMs: KILL_LIMIT_MS });
        t.ok(await lab.waitFor(/cycle +1\//), 'traffic started');
        const pids = find();
        t.ok(pids.length > 0, `${component} found (pids ${pids.join(', ')})`);
        for (const pid of pids) process.kill(pid, 'SIGKILL');
        const code = await lab.exited;
        t.equal(code, EXIT.couldNotRun, `exit ${EXIT.couldNotRun}`);
        const lines = lab
          .stderr()
          .split('\n')
          .filter((l) => l.startsWith('keepalive-lab:'));
        t.equal(lines.length, 1, 'one line for the cause');
        t.match(
          lines[0],
          new RegExp(`^keepalive-lab: ${component} \\(pid \\d+\\) exited during the run \\(signal SIGKILL\\)\\.$`),
        );
        t.match(lab.stderr(), /hint: Something outside the lab stopped it/);
        t.notMatch(lab.stderr(), /\n\s+at /, 'no stack trace');
        const summary = incompleteSummary(t, lab.runDir());
        t.equal(summary?.failure?.phase, 'traffic');
        t.match(summary?.failure?.message, component);
        t.ok((summary?.variants.default.requests.total ?? 0) > 0, 'the requests before the fault are kept');
        t.ok(
          existsSync(join(lab.runDir()!, 'requests.ndjson')) && existsSync(join(lab.runDir()!, 'app-fixed.log')),
          'requests and logs saved',
        );
        t.ok(await allPortsFree(), 'every port free');
        t.same([...appPids(), ...pidsOf(localWorkDirPrefix())], [], 'no app or nginx process left');
      },
    );
  }

  t.test('the runtime stops answering mid-run (injected): exit 1 path, partial results, nothing left', async (t) => {
    // What DockerStack.checkRunning throws when the daemon's socket has gone.
    const gone = await new DockerStack({ docker: new Docker({ socketPath: join(resultsDir, 'no-daemon.sock') }) })
      .checkRunning()
      .then(
        () => new Error('checkRunning passed without a daemon'),
        (err: Error) => err,
      );
    t.match(
      gone,
      { message: /^The Docker daemon stopped answering during the run/, exitCode: EXIT.couldNotRun },
      'the real error for a missing daemon',
    );
    let checks = 0;
    const failing = (...args: Parameters<typeof createStack>): Stack => {
      const stack = createStack(...args);
      stack.checkRunning = async () => {
        if (++checks === 2) throw gone;
      };
      return stack;
    };
    const scenario = defaultScenario({
      variants: VARIANTS.map((v) => (v.name === 'default' ? { ...v, keepAliveTimeoutMs: 1_000 } : v)),
    });
    // --out too: a CI job that failed still finds its summary where it asked for it.
    const out = join(resultsDir, 'ci-summary.json');
    const options = { ...parseLabArgs(LOCAL_RUN), resultsDir, out };
    const progress: string[] = [];
    await t.rejects(
      runLab(
        options,
        { progress: (l) => progress.push(l), signal: new AbortController().signal },
        { scenario, createStack: failing },
      ),
      { message: gone.message },
    );
    const runDir = /results in (\S+)/.exec(progress.join('\n'))?.[1];
    const summary = incompleteSummary(t, runDir);
    t.equal(summary?.failure?.phase, 'traffic');
    t.same(
      { ...JSON.parse(readFileSync(out, 'utf8')), $schema: summary?.$schema },
      summary,
      "--out has the failed run's summary",
    );
    t.equal(summary?.schedule.cycles.length, 2, 'the two cycles before the fault');
    t.ok(await allPortsFree(), 'torn down: every port free');
  });

  t.test('a results directory under a file: exit 2 at the flags, before anything starts', async (t) => {
    const file = join(resultsDir, 'a-file');
    writeFileSync(file, 'x');
    const lab = startLab([...LOCAL_RUN, '--results-dir', join(file, 'sub')]);
    t.equal(await lab.exited, EXIT.badInput);
    t.match(lab.stderr(), /keepalive-lab: --results-dir .*a-file\/sub: .*a-file is a file, not a directory\./);
    t.ok(await allPortsFree());
  });

  t.test('a results directory that cannot be made: exit 1 before anything starts', async (t) => {
    // sysfs refuses mkdir even to root (EPERM): the flag check passes (a directory), the run's own creation fails.
    const lab = startLab([...LOCAL_RUN, '--results-dir', '/sys/keepalive-lab-results']);
    t.equal(await lab.exited, EXIT.couldNotRun);
    t.match(lab.stderr(), /keepalive-lab: Cannot create the results directory \/sys\/keepalive-lab-results: /);
    t.match(lab.stderr(), /hint: Choose a writable directory with --results-dir/);
    t.ok(await allPortsFree());
  });

  t.test(
    "--out on a full disk: the run's own results stay complete, the copy's failure is one line and exit 1",
    async (t) => {
      if (process.getuid?.() !== 0) {
        t.plan(0, 'needs root to mount a small tmpfs (CI runs as root)');
        return;
      }
      const tiny = join(resultsDir, 'tiny-out');
      mkdirSync(tiny);
      // 4 KiB: no room for a summary (about 20 KB).
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4k', 'tmpfs', tiny]);
      t.teardown(() => execFileSync('umount', [tiny]));
      const lab = startLab(
        [
          '--runtime',
          'local',
          '--cycles',
          '1',
          '--max-cycles',
          '1',
          '--results-dir',
          resultsDir,
          '--out',
          join(tiny, 'summary.json'),
        ],
        { hardLimitMs: KILL_LIMIT_MS },
      );
      t.equal(await lab.exited, EXIT.couldNotRun);
      t.match(
        lab.stderr(),
        /keepalive-lab: --out: Could not write \S+summary\.json: no space left on the device \(ENOSPC\)\.\n {2}hint: Give --out a writable place; the run's own results are complete\./,
      );
      t.notMatch(lab.stderr(), /\n\s+at /, 'no stack trace');
      const runDir = lab.runDir()!;
      const read = readSummary(JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')));
      t.equal(read.summary?.complete, true, "the run's summary.json is complete");
      t.ok(existsSync(join(runDir, 'report.html')), 'and its report written');
      t.match(lab.stdout(), new RegExp(`^(${VERDICT_WORDS.join('|')}) {2}`), 'the headline printed, whatever its word');
      t.same(readdirSync(tiny), [], 'no partial copy left');
      t.ok(await allPortsFree());
    },
  );

  t.test('disk full while writing results: exit 1, no half-written file, nothing left', async (t) => {
    if (process.getuid?.() !== 0) {
      t.plan(0, 'needs root to mount a small tmpfs (CI runs as root)');
      return;
    }
    const full = join(resultsDir, 'full');
    mkdirSync(full);
    // 16 KiB: room for the run directory and nginx.conf, not for the logs of a run.
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', full]);
    t.teardown(() => execFileSync('umount', [full]));
    const lab = startLab(['--runtime', 'local', '--cycles', '1', '--max-cycles', '1', '--results-dir', full], {
      hardLimitMs: KILL_LIMIT_MS,
    });
    t.equal(await lab.exited, EXIT.couldNotRun);
    t.match(lab.stderr(), /keepalive-lab: Could not write \S+: no space left on the device \(ENOSPC\)\./);
    t.notMatch(lab.stderr(), /\n\s+at /, 'no stack trace');
    const runDir = lab.runDir()!;
    const left = readdirSync(runDir);
    t.notOk(
      left.some((f) => f.endsWith('.tmp')),
      `no temporary file left (${left.join(', ')})`,
    );
    if (left.includes('summary.json'))
      t.doesNotThrow(() => JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')), 'any summary.json is whole');
    t.ok(await allPortsFree());
  });
});
