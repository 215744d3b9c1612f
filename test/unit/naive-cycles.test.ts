// npm run bench's A/B (harness/traffic/naive-cycles.ts): pairs of one aimed
// and one naive cycle, and what the naive client does: no held burst, the
// probe's close + a sweep step after its burst's last answer, all at once.
import t from 'tap';
import { parseLabArgs } from '../../harness/cli/options.js';
import { defaultScenario } from '../../harness/scenarios/scenarios.js';
import type { RequestRecord } from '../../harness/records/request-records.js';
import { AimPolicy } from '../../harness/traffic/aim-policy.js';
import type { CyclePosition } from '../../harness/traffic/cycle-report.js';
import { CycleSteps } from '../../harness/traffic/cycle-steps.js';
import { Estimates } from '../../harness/traffic/estimates.js';
import type { CyclePlan } from '../../harness/traffic/gap-scheduler.js';
import { lastAnswer, naiveComparison, naivePairsOf, type NaiveLane } from '../../harness/traffic/naive-cycles.js';
import { appEvents, request, ScriptedIo } from '../helpers/traffic-records.js';

t.test('only the talk-sized short lane runs the A/B, as many pairs as the bench asks', async (t) => {
  t.equal(naivePairsOf('classic', 'short', 3), 3);
  t.equal(naivePairsOf('classic', 'short'), 0, 'a lab run: none');
  t.equal(naivePairsOf('classic', 'long', 3), 0);
  t.equal(naivePairsOf('matrix', 'short', 3), 0);
});

t.test("the burst's last answer: when the client got it, per variant and cycle", async (t) => {
  const burst = (over: Partial<RequestRecord>) => request({ phase: 'burst', cycle: 7, ...over });
  const records = [
    burst({ startMonoMs: 1_000, latencyMs: 3 }),
    burst({ startMonoMs: 1_000.2, latencyMs: 4.5 }),
    burst({ startMonoMs: 1_001, latencyMs: null, status: null, error: 'ECONNRESET' }),
    burst({ startMonoMs: 2_000, latencyMs: 1, cycle: 6 }),
    burst({ startMonoMs: 3_000, latencyMs: 1, variant: 'fixed' }),
    request({ cycle: 7, startMonoMs: 9_000, latencyMs: 1 }),
  ];
  t.equal(lastAnswer(records, 'default', 7), 1_004.7);
  t.equal(lastAnswer(records, 'fixed', 7), 3_001);
  t.equal(lastAnswer(records, 'default', 8), null, 'no burst answered');
});

/** The talk-sized run's short lane after 5 cycles of its own; its aimed cycles only logged. */
function lane(signal = new AbortController().signal) {
  const io = new ScriptedIo();
  const scenario = defaultScenario();
  const variants = scenario.variants;
  const apps = new Map([
    ['default', appEvents()],
    ['fixed', appEvents()],
  ]);
  const probedCloseMs = { default: 6_001, fixed: null };
  const options = parseLabArgs(['--cycles', '1']);
  const estimates = new Estimates({ variants, probedCloseMs, apps, lbTimeoutMs: 60_000 });
  const policy = new AimPolicy({ scenario, variants, lane: 'short', options, estimates, apps });
  const sendsPerCycle = policy.sendsPerCycle.bind(policy);
  const steps = new CycleSteps({
    scenario,
    variants,
    methods: options.methods,
    apps,
    io,
    signal,
    estimates,
    sendsPerCycle,
  });
  const log: string[] = [];
  const ended: Array<{ cycle: number; plan: CyclePlan; sent: readonly RequestRecord[]; position: CyclePosition }> = [];
  let checks = 0;
  const naive: NaiveLane = {
    variants,
    steps,
    estimates,
    policy,
    probedCloseMs,
    signal,
    cyclesSoFar: () => 5 + log.length,
    aimedCycle: async (cycle) => {
      log.push(`aimed ${cycle}`);
    },
    endCycle: (cycle, kind, plan, sent, position) => {
      log.push(`${kind} ${cycle}`);
      ended.push({ cycle, plan, sent, position });
    },
    checkStillRunning: async () => {
      checks++;
    },
  };
  return { naive, io, log, ended, checks: () => checks };
}

t.test('pairs of one aimed and one naive cycle, the order swapped every pair', async (t) => {
  const l = lane();
  await naiveComparison(l.naive, 3);
  t.same(l.log, ['aimed 6', 'naive 7', 'naive 8', 'aimed 9', 'aimed 10', 'naive 11'], "numbered after the lane's 5");
  t.equal(l.checks(), 6, 'the stack checked after every cycle');
  t.same(
    l.ended.map((e) => [e.plan.centerOffsetMs, e.plan.intendedGapMs]),
    [
      [0, 6_001],
      [5, 6_006],
      [-5, 5_996],
    ],
    "the probe's close, then 5 ms either side: one sweep step per naive cycle",
  );
  t.ok(
    l.ended.every((e) => 'ab' in e.position && e.position.ab === 'naive'),
    "reported as the A/B's naive side",
  );
  t.same(l.ended[0].plan.sendOffsetsMs, [0, 0, 0, 0, 0, 0, 0, 0], "the aim variant's C sends, all at once");
});

t.test("the naive client: no held burst; its batch all at once, the gap after its burst's last answer", async (t) => {
  const l = lane();
  await naiveComparison(l.naive, 1);
  const [naive] = l.ended;
  t.equal(naive.cycle, 7);
  t.same(
    l.io.bursts.map((b) => [b.cycle, b.variant, b.holdUntilAppMs]),
    [
      [7, 'default', undefined],
      [7, 'fixed', undefined],
    ],
    'its bursts hold nothing',
  );
  // Both bursts went out at 1000; the slowest answer came back 5 ms later: the batch goes at 1005 + 6001.
  const batch = (variant: string) => l.io.sends.filter((s) => s.requestId.startsWith(`c7-${variant}-naive-`));
  t.equal(batch('default').length, 8);
  t.equal(batch('fixed').length, 25, 'the safe variant sends its own 25');
  t.ok(
    [...batch('default'), ...batch('fixed')].every((s) => s.atMonoMs === 7_006),
    'every send at 7006 ms',
  );
  t.ok(
    naive.sent.every((r) => r.phase === 'naive' && r.idleGapMs === 6_001 && r.offsetMs === 0),
    'naive requests: their own phase, the gap they were sent at',
  );
  t.equal(naive.sent.length, 33);
});

t.test('an interrupt ends the A/B after the cycle under way', async (t) => {
  const stop = new AbortController();
  const l = lane(stop.signal);
  l.naive.aimedCycle = async (cycle) => {
    l.log.push(`aimed ${cycle}`);
    stop.abort();
  };
  await naiveComparison(l.naive, 3);
  t.same(l.log, ['aimed 6']);
  t.equal(l.checks(), 1);
});
