// The traffic engine against a simulated LB and apps (test/helpers/simulated-lab.ts):
// calibration and the clock check, aiming at the densest cluster, adaptation
// after hits and misses, the stopping rules, faults, and the records it keeps.
import t from 'tap';
import { LabError } from '../../harness/errors.js';
import { parseLabArgs } from '../../harness/options.js';
import { defaultScenario, type VariantName } from '../../harness/scenarios.js';
import { TrafficEngine, type EngineInput } from '../../harness/traffic/engine.js';
import { densestCluster } from '../../harness/traffic/gap-scheduler.js';
import { SimulatedLab, type SimulationSettings } from '../helpers/simulated-lab.js';

const CLOSE_DELAY_MS = 6_001;
const DEFAULT_APPS: SimulationSettings['apps'] = { default: { closeDelayMs: CLOSE_DELAY_MS }, fixed: { closeDelayMs: null } };

function engine(lab: SimulatedLab, flags: string[] = ['--cycles', '3', '--max-cycles', '8'], over: Partial<EngineInput> = {}) {
  const progress: string[] = [];
  const options = parseLabArgs(flags);
  const e = new TrafficEngine({
    scenario: defaultScenario(),
    options,
    probedCloseMs: { default: CLOSE_DELAY_MS, fixed: null },
    apps: lab.events,
    io: lab,
    signal: new AbortController().signal,
    progress: (l) => progress.push(l),
    ...over,
  });
  return { e, progress };
}

t.test('reproduces: 502s on default, none on fixed, a record for every request', async (t) => {
  const lab = new SimulatedLab({ apps: DEFAULT_APPS });
  const { e, progress } = engine(lab);
  const r = await e.run();
  const count = (v: VariantName) => r.records.filter((x) => x.variant === v && x.status === 502).length;
  t.ok(count('default') > 0, `default: ${count('default')} × 502`);
  t.equal(count('fixed'), 0, 'fixed: none');
  t.equal(r.cycles.length, 3, 'stops at --cycles once default has hit');
  // 3 calibration requests per variant, then a burst and an aimed batch of 8 per variant per cycle.
  t.equal(r.records.length, 2 * 3 + 3 * 2 * (8 + 8));
  for (const x of r.records.filter((x) => x.phase === 'aimed')) {
    t.ok(x.offsetMs !== null && x.idleGapMs !== null && Math.abs(x.idleGapMs - CLOSE_DELAY_MS) < 10, `${x.requestId}: gap ${x.idleGapMs}, offset ${x.offsetMs}`);
  }
  t.same(r.cycles.map((c) => c.count502.default), r.cycles.map((c) => r.records.filter((x) => x.cycle === c.cycle && x.variant === 'default' && x.status === 502).length), 'cycle counts match the records');
  t.equal(r.aimVariant, 'default');
  t.same(r.oneWayLatencyMs, { default: 1, fixed: 1 }, 'one-way latency from the app clock');
  t.ok(lab.closed, 'connections closed at the end');
  t.match(progress.join('\n'), /cycle  1\/3 gap 6001\.0 ms · default: \d+ × 502/);
});

t.test('aims the batch at the densest cluster of idle starts, minus the one-way latency', async (t) => {
  const lab = new SimulatedLab({ apps: DEFAULT_APPS, latencyMs: 1.5 });
  const { e } = engine(lab, ['--cycles', '1', '--max-cycles', '1']);
  await e.run();
  const batch = lab.sends.filter((s) => s.requestId.startsWith('c1-default-aimed'));
  t.equal(batch.length, 8);
  // The burst's 8 responses are the last to end before the batch.
  const firstSend = Math.min(...batch.map((s) => s.atMonoMs));
  const burstEnds = [...lab.events.get('default')!.ends.values()].filter((end) => end < firstSend).sort((x, y) => x - y).slice(-8);
  const anchor = densestCluster(burstEnds, 2)!;
  const center = batch.reduce((sum, s) => sum + s.atMonoMs, 0) / batch.length;
  t.ok(Math.abs(center - (anchor + CLOSE_DELAY_MS - 1.5)) < 0.01, `batch centre ${center.toFixed(3)} = cluster ${anchor.toFixed(3)} + ${CLOSE_DELAY_MS} − 1.5`);
  const spread = Math.max(...batch.map((s) => s.atMonoMs)) - Math.min(...batch.map((s) => s.atMonoMs));
  t.ok(Math.abs(spread - 4) < 0.01, `sends spread over ±2 ms (${spread.toFixed(3)} ms)`);
});

t.test("without the app's response-end events, the start headers stand in (start + 1 ms)", async (t) => {
  const lab = new SimulatedLab({ apps: DEFAULT_APPS, reportsResponseEnds: false });
  const { e } = engine(lab, ['--cycles', '1', '--max-cycles', '1']);
  const r = await e.run();
  const batch = lab.sends.filter((s) => s.requestId.startsWith('c1-default-aimed'));
  const starts = r.records.filter((x) => x.cycle === 1 && x.phase === 'burst' && x.variant === 'default').map((x) => x.appStartMonoMs! + 1).sort((a, b) => a - b);
  const center = batch.reduce((sum, s) => sum + s.atMonoMs, 0) / batch.length;
  t.ok(Math.abs(center - (densestCluster(starts, 2)! + CLOSE_DELAY_MS - 1)) < 0.01, `batch centre from the start headers (${center.toFixed(3)})`);
});

t.test('an app clock that is not the harness clock is refused (Docker Desktop)', async (t) => {
  const lab = new SimulatedLab({ apps: { default: { closeDelayMs: CLOSE_DELAY_MS, clockOffsetMs: 5_000 }, fixed: { closeDelayMs: null, clockOffsetMs: 5_000 } } });
  const { e } = engine(lab);
  await t.rejects(e.run(), { message: /The app's clock and the harness's disagree \(one-way latency measured as 5001\.0 ms\)/, hint: /Linux host/ });
  t.ok(lab.closed, 'connections closed after the failure');
});

t.test("the app's measured close delay replaces the probe's; hits re-centre the aim, misses sweep", async (t) => {
  const lab = new SimulatedLab({ apps: DEFAULT_APPS, raceWindowMs: 1 });
  const { e } = engine(lab, ['--cycles', '6', '--max-cycles', '6'], { probedCloseMs: { default: CLOSE_DELAY_MS + 3, fixed: null } });
  const r = await e.run();
  t.equal(r.cycles[0].intendedGapMs, CLOSE_DELAY_MS + 3, 'cycle 1 aims at the probe');
  t.equal(r.cycles[1].closeDelayMs, CLOSE_DELAY_MS, "then at the app's own account of its closes");
  for (let i = 1; i < r.cycles.length; i++) {
    const prev = r.cycles[i - 1];
    const hits = r.records.filter((x) => x.cycle === prev.cycle && x.variant === 'default' && x.status === 502 && x.phase === 'aimed').map((x) => x.offsetMs!);
    if (hits.length > 0) {
      const mean = hits.reduce((a, b) => a + b, 0) / hits.length;
      t.ok(Math.abs(r.cycles[i].centerOffsetMs - mean) < 0.01, `cycle ${i + 1} re-centred on cycle ${i}'s hits (${mean.toFixed(2)} ms)`);
    } else {
      t.not(r.cycles[i].centerOffsetMs, prev.centerOffsetMs, `cycle ${i + 1}: a miss moves the centre`);
    }
  }
  t.ok(r.cycles.every((c) => Math.abs(c.centerOffsetMs) <= 10), 'the centre stays within ±10 ms');
  const hitCycles = r.cycles.filter((c) => c.count502.default > 0).length;
  t.ok(hitCycles > 0 && hitCycles < r.cycles.length, `both cases were exercised (${hitCycles} of ${r.cycles.length} cycles hit)`);
});

t.test('without a 502, the engine goes on to --max-cycles, and says so', async (t) => {
  const lab = new SimulatedLab({ apps: DEFAULT_APPS, raceWindowMs: -1 });
  const { e, progress } = engine(lab, ['--cycles', '2', '--max-cycles', '5']);
  const r = await e.run();
  t.equal(r.cycles.length, 5);
  t.match(progress.join('\n'), /no 502 on default after 2 cycles yet: continuing up to 5/);
  t.match(progress.join('\n'), /cycle  5\/2\+ /, 'cycles past --cycles are marked');
});

t.test('an abort stops after the cycle under way and keeps what was measured', async (t) => {
  const lab = new SimulatedLab({ apps: DEFAULT_APPS });
  const controller = new AbortController();
  const { e } = engine(lab, ['--cycles', '10', '--max-cycles', '10'], {
    signal: controller.signal,
    progress: (l) => {
      if (/cycle +2\//.test(l)) controller.abort();
    },
  });
  const r = await e.run();
  t.equal(r.cycles.length, 2);
  t.ok(r.records.length > 0 && lab.closed);
});

t.test('a component that dies mid-run ends the run with its error; what ran is kept', async (t) => {
  const lab = new SimulatedLab({ apps: DEFAULT_APPS });
  let checks = 0;
  const died = new LabError("The container of 'app-default' stopped during the run (exited, exit code 137, killed).");
  const { e } = engine(lab, ['--cycles', '5', '--max-cycles', '8'], {
    checkStillRunning: async () => {
      if (++checks === 2) throw died;
    },
  });
  await t.rejects(e.run(), died);
  t.equal(e.result().cycles.length, 2, 'two cycles ran');
  t.ok(e.result().records.some((x) => x.cycle === 2));
  t.ok(lab.closed);
});

t.test('--full: one idle gap just under and one just over the LB timeout', async (t) => {
  const lab = new SimulatedLab({ apps: DEFAULT_APPS });
  const { e } = engine(lab, ['--full', '--cycles', '1', '--max-cycles', '1']);
  const r = await e.run();
  t.same(r.cycles.map((c) => [c.kind, c.intendedGapMs]), [['aimed', CLOSE_DELAY_MS], ['long-gap', 59_000], ['long-gap', 61_000]]);
  const long = r.records.filter((x) => x.phase === 'long-gap' && x.variant === 'fixed');
  t.ok(long.length === 16 && long.every((x) => x.status === 200), 'fixed answers after 59 s and 61 s idle');
});

t.test('no variant closes: nothing to aim at', async (t) => {
  const lab = new SimulatedLab({ apps: DEFAULT_APPS });
  t.throws(() => engine(lab, undefined, { probedCloseMs: { default: null, fixed: null } }), /No variant closed its idle sockets/);
});
