// Keeping a measurement for the docs: the data `npm run docs` renders its
// tables from, with the machine it was measured on.
//
//   npx tsx scripts/measure.ts keep <run-dir> <what>        a lab run → docs/measurements/<what>/
//   npx tsx scripts/measure.ts keep-bench <bench.json>      a bench  → docs/measurements/bench/
//   npx tsx scripts/measure.ts time <name> <cold|warm> <label> -- <command…>
//                                                           a command, timed → docs/measurements/timings/<name>.json
//   npx tsx scripts/measure.ts screenshot <run-dir> <png>   report.html's first screen (1920 × 1080, Chromium)
//
// A run keeps its summary.json and what the docs' pictures are drawn from (the
// requests, the aim variant's app log, the LB's access log), nothing else.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { writeReport } from '../harness/report/html/build.js';
import { MEASUREMENTS_DIR, type Machine, type Timing } from '../harness/docs/measurements.js';

function machineNow(): Machine {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    recordedAt: new Date().toISOString(),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) as [number, number, number],
  };
}

const writeJson = (path: string, value: unknown) => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

function keepRun(runDir: string, what: string): void {
  const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8')) as { aimVariant: string };
  const dest = join(MEASUREMENTS_DIR, what);
  mkdirSync(dest, { recursive: true });
  // The summary's $schema is relative to where it sits: two levels deeper here than in results/<run>/.
  const text = readFileSync(join(runDir, 'summary.json'), 'utf8').replace(
    /"\$schema": "[^"]*"/,
    '"$schema": "../../../schemas/summary.schema.json"',
  );
  writeFileSync(join(dest, 'summary.json'), text);
  // Every request (the per-cycle failures of any kind: HAProxy's are empty replies, not 502s); for a talk-sized run
  // also what its hit timeline is drawn from (the aim variant's app log, the LB's access log).
  // The LB-side fixes' docs read their summary alone (every figure of their tables is a cell's); their 40 cycles of
  // 32 requests per app would add 9 MB of requests nothing reads.
  // So do the example servers' and your app's runs (their tables' every figure is a summary's).
  const summaryAlone = ['lb-fixes', 'example-', 'your-app-'].some((prefix) => what.startsWith(prefix));
  const files = summaryAlone
    ? []
    : what.startsWith('matrix')
      ? ['requests.ndjson']
      : ['requests.ndjson', `app-${summary.aimVariant}.log`, 'nginx-access.log'];
  for (const file of files) {
    if (existsSync(join(runDir, file))) copyFileSync(join(runDir, file), join(dest, file));
  }
  writeJson(join(dest, 'machine.json'), machineNow());
  console.log(`kept ${runDir} as ${dest}`);
}

function keepBench(benchJson: string): void {
  const dest = join(MEASUREMENTS_DIR, 'bench');
  mkdirSync(dest, { recursive: true });
  copyFileSync(benchJson, join(dest, basename(benchJson)));
  // One machine file per bench: benches kept on different days, or under different load, differ in it.
  writeJson(join(dest, `machine-${basename(benchJson)}`), machineNow());
  console.log(`kept ${benchJson} in ${dest}`);
}

/**
 * A cold start, made here so the timing's claim holds: no node_modules (the
 * repository's and the app's), no npm cache, no image or build cache of the
 * lab's own. The base images stay: on a machine with a registry they are
 * pulls, here air-gapped substitutes (scripts/build-airgap-images.sh).
 */
function makeCold(): string[] {
  const sh = (cmd: string) =>
    spawnSync('bash', ['-c', cmd], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  rmSync('node_modules', { recursive: true, force: true });
  rmSync('app/node_modules', { recursive: true, force: true });
  rmSync('app/.next', { recursive: true, force: true });
  sh('npm cache clean --force');
  const images = sh("docker images --format '{{.Repository}}:{{.Tag}}'")
    .stdout.split('\n')
    .filter((i) => i.startsWith('keepalive-lab/') && !/-base:/.test(i));
  if (images.length > 0) sh(`docker rmi -f ${images.join(' ')}`);
  sh('docker image prune -f && docker builder prune -af');
  return [
    'node_modules, app/node_modules, app/.next',
    'the npm cache',
    `the lab's images (${images.join(', ') || 'none'}) and Docker's build cache`,
  ];
}

function time(name: string, condition: string, label: string, command: string[]): void {
  if (condition !== 'cold' && condition !== 'warm') throw new Error(`condition must be cold or warm, not ${condition}`);
  const removed = condition === 'cold' ? makeCold() : [];
  const startedAt = new Date().toISOString();
  const start = performance.now();
  const run = spawnSync(command[0], command.slice(1), { stdio: 'inherit' });
  const timing: Timing = {
    command: label,
    condition,
    wallMs: Math.round(performance.now() - start),
    exitCode: run.status ?? 1,
    removedBefore: removed,
    startedAt,
    machine: machineNow(),
  };
  // MEASURE_INTO: another checkout's docs/measurements, for a command timed in a clone that must not see its timing.
  const dest = join(process.env.MEASURE_INTO ?? MEASUREMENTS_DIR, 'timings');
  mkdirSync(dest, { recursive: true });
  writeJson(join(dest, `${name}.json`), timing);
  console.log(`${label} (${condition}): ${(timing.wallMs / 1000).toFixed(1)} s, exit ${timing.exitCode}`);
}

/** The first screen a reader of report.html sees, for the README: the run's report drawn anew in a scratch copy. */
async function screenshot(runDir: string, png: string): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'keepalive-lab-screenshot-'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    cpSync(runDir, scratch, { recursive: true });
    const { reportPath } = writeReport(scratch);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`file://${resolve(reportPath)}`);
    await page.screenshot({ path: png });
    console.log(`wrote ${png}`);
  } finally {
    await browser.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

const [verb, ...args] = process.argv.slice(2);
const usage =
  'usage: measure.ts keep <run-dir> <what> | keep-bench <bench.json> | time <name> <cold|warm> <label> -- <command…> | screenshot <run-dir> <png>';
try {
  if (verb === 'keep' && args.length === 2) keepRun(args[0], args[1]);
  else if (verb === 'keep-bench' && args.length === 1) keepBench(args[0]);
  else if (verb === 'screenshot' && args.length === 2) await screenshot(args[0], args[1]);
  else if (verb === 'time' && args[3] === '--' && args.length > 4) time(args[0], args[1], args[2], args.slice(4));
  else throw new Error(usage);
} catch (err) {
  console.error(`measure: ${(err as Error).message}`);
  process.exitCode = 2;
}
