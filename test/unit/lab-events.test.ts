// The lab's event stream (harness/live/lab-events.ts): counts by summary.json's
// definitions, each variant's first 502 announced once, and a listener that
// throws never reaching the run.
import t from 'tap';
import { countsOf, LabEventSink, type LabEvent } from '../../harness/live/lab-events.js';
import type { Phase, RequestRecord } from '../../harness/records/request-records.js';
import { aimedCycle } from '../helpers/cycle-record.js';

const request = (
  variant: string,
  cycle: number,
  phase: Phase,
  status: number | null,
  startMonoMs = 0,
): RequestRecord => ({
  requestId: `${variant}-${cycle}-${phase}-${startMonoMs}`,
  variant,
  method: 'GET',
  cycle,
  phase,
  idleGapMs: null,
  offsetMs: null,
  startMonoMs,
  latencyMs: 1,
  status,
  error: status === null ? 'ECONNRESET' : null,
  upstreamSocketId: null,
  upstreamSocketRequest: null,
  appStartMonoMs: null,
  achievedIdleMs: null,
});

const cycle = aimedCycle;

t.test('counts: every request sent, its 502s, every failure (a reset too), those aimed at the boundary', async (t) => {
  const records = [
    request('default', 0, 'calibration', 200),
    request('default', 1, 'burst', 200),
    request('default', 1, 'aimed', 502),
    request('default', 1, 'aimed', null),
    request('fixed', 1, 'aimed', 200),
    request('other', 1, 'aimed', 502),
  ];
  t.same(countsOf(records, ['default', 'fixed']), {
    default: { sent: 4, count502: 1, failed: 2, boundary: 2 },
    fixed: { sent: 1, count502: 0, failed: 0, boundary: 1 },
  });
});

t.test("a cycle, then each variant's first 502 once, timed from the start of traffic", async (t) => {
  const events: LabEvent[] = [];
  const sink = new LabEventSink(
    (e) => events.push(e),
    () => t.fail('no warning'),
  );
  const records = [request('default', 1, 'aimed', 200, 1_000)];
  sink.cycle(cycle(1, { default: 0, fixed: 0 }), () => records, 500);
  records.push(request('default', 2, 'aimed', 502, 2_750.4), request('default', 2, 'aimed', 502, 2_760));
  sink.cycle(cycle(2, { default: 2, fixed: 0 }), () => records, 500);
  records.push(request('default', 3, 'aimed', 502, 4_000));
  sink.cycle(cycle(3, { default: 1, fixed: 0 }), () => records, 500);
  t.same(
    events.map((e) => e.type),
    ['cycle', 'cycle', 'first-502', 'cycle'],
  );
  t.same(events[2], { type: 'first-502', variant: 'default', cycle: 2, afterTrafficStartMs: 2_250 });
  t.same((events[3] as Extract<LabEvent, { type: 'cycle' }>).counts.default, {
    sent: 4,
    count502: 3,
    failed: 3,
    boundary: 4,
  });
});

t.test('nobody listening: the records are never read', async (t) => {
  const sink = new LabEventSink(undefined, () => {});
  sink.emit({ type: 'phase', phase: 'probe' });
  sink.cycle(cycle(1, { default: 0 }), () => t.fail('read') as never, 0);
  t.pass();
});

t.test('a listener that throws is dropped, said once, and the run goes on', async (t) => {
  const warnings: string[] = [];
  let calls = 0;
  const sink = new LabEventSink(
    () => {
      calls++;
      throw new Error('the page is gone');
    },
    (line) => warnings.push(line),
  );
  t.doesNotThrow(() => {
    sink.emit({ type: 'phase', phase: 'probe' });
    sink.emit({ type: 'phase', phase: 'traffic' });
    sink.cycle(cycle(1, { default: 1 }), () => [request('default', 1, 'aimed', 502)], 0);
  });
  t.equal(calls, 1, 'not called again');
  t.equal(warnings.length, 1);
  t.match(warnings[0], /a lab event listener failed \(the page is gone\); the run goes on without it/);
});
