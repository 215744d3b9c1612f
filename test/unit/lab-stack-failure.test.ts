// runLab's promise, "whatever happens, a summary": also when the stack cannot
// even be made (createStack throws). Nothing is started: the local runtime's
// preflight passes with a stand-in nginx on PATH, no Docker daemon to ask, and
// the scenario's ports moved to free ones; the failing createStack is injected.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import t from 'tap';
import { parseLabArgs } from '../../harness/cli/options.js';
import { runLab } from '../../harness/lab/lab.js';
import { LabError } from '../../harness/model/errors.js';
import type { LabEvent } from '../../harness/live/lab-events.js';
import { defaultScenario, type Scenario } from '../../harness/scenarios/scenarios.js';
import { freePort } from '../helpers/free-port.js';

/** The talk-sized scenario on ports the OS says are free (the lab's own may be another run's). */
async function scenarioOnFreePorts(): Promise<Scenario> {
  const scenario = defaultScenario();
  const variants = [];
  for (const v of scenario.variants) {
    const moved = { ...v, lbPort: await freePort(), appPort: await freePort() };
    variants.push(v.lbBoundaryPort === undefined ? moved : { ...moved, lbBoundaryPort: await freePort() });
  }
  return { ...scenario, variants };
}

t.test(
  'a stack that cannot be made: the summary is still written (incomplete, at bring-up), the run ends cleanly',
  async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'keepalive-lab-stack-failure-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    // The local runtime's preflight asks for an LB binary that runs, and pings Docker (here: a socket that is not).
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'nginx'), '#!/bin/sh\necho "nginx version: nginx/0.0.0 (stand-in)" >&2\n');
    chmodSync(join(bin, 'nginx'), 0o755);
    const saved = { PATH: process.env.PATH, DOCKER_HOST: process.env.DOCKER_HOST };
    process.env.PATH = `${bin}${delimiter}${process.env.PATH ?? ''}`;
    process.env.DOCKER_HOST = `unix://${join(dir, 'no-daemon.sock')}`;
    t.teardown(() => {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    });

    const resultsDir = join(dir, 'results');
    const out = join(dir, 'ci-summary.json');
    const options = { ...parseLabArgs(['--runtime', 'local']), resultsDir, out };
    const progress: string[] = [];
    const events: LabEvent[] = [];
    const cannotMake = new LabError('The stack could not be made (injected).');
    await t.rejects(
      runLab(
        options,
        { progress: (l) => progress.push(l), signal: new AbortController().signal, onEvent: (e) => events.push(e) },
        {
          scenario: await scenarioOnFreePorts(),
          createStack: () => {
            throw cannotMake;
          },
        },
      ),
      cannotMake,
      "the run ends with createStack's error",
    );

    const runDir = /results in (\S+)/.exec(progress.join('\n'))?.[1];
    t.ok(runDir !== undefined && existsSync(runDir), 'the run directory was made');
    if (runDir === undefined) return;
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8'));
    t.match(summary, {
      complete: false,
      failure: { phase: 'bring-up', message: 'The stack could not be made (injected).' },
    });
    t.equal(readFileSync(join(runDir, 'error.txt'), 'utf8'), 'The stack could not be made (injected).\n');
    t.ok(existsSync(join(runDir, 'report.md')), 'report.md too');
    t.same({ ...JSON.parse(readFileSync(out, 'utf8')), $schema: summary.$schema }, summary, '--out has the summary');
    t.match(progress.join('\n'), /partial results written \(summary\.json marked incomplete\)/);
    t.notMatch(progress.join('\n'), /could not read the logs|teardown failed/, 'no stack to ask, none to take down');
    t.match(
      events.filter((e) => e.type === 'phase' || e.type === 'failed'),
      [
        { type: 'phase', phase: 'preflight' },
        { type: 'phase', phase: 'bring-up' },
        { type: 'failed', phase: 'bring-up', interrupted: false },
      ],
      'listeners hear where it failed',
    );
  },
);
