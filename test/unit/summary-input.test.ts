// analysis/summary-input.ts: the readings of a run's input that more than one
// part of the summary shares. Expected values written out from the input.
import t from 'tap';
import { boundaryContextOf } from '../../harness/lb/boundary-context.js';
import {
  appCloseContextOf,
  noTraffic,
  sendToAppMs,
  trafficEndOnAppClock,
} from '../../harness/analysis/summary-input.js';
import { defaultScenario } from '../../harness/scenarios/scenarios.js';
import { appClose, variant } from '../helpers/summary-records.js';

const clock = (offsetMs: number, sendToAppMs: number) => ({
  offsetMs,
  uncertaintyMs: 0.1,
  sendToAppMs,
  samples: 5,
  consistent: true,
});

t.test('noTraffic: a run that sent nothing measured nothing; its first variant is the aim', async (t) => {
  const scenario = defaultScenario({ variants: [variant(), variant({ name: 'fixed', lbPort: 8402 })] });
  t.same(noTraffic(scenario), {
    records: [],
    cycles: [],
    aimVariant: 'default',
    closeDelayMs: 0,
    oneWayLatencyMs: { default: null, fixed: null },
    appClocks: { default: null, fixed: null },
    boundaryMs: {},
    lanes: {},
  });
});

t.test("the app's clock: where a send lands on it, when the traffic ended on it; 0 when never estimated", async (t) => {
  const traffic = { appClocks: { default: clock(-3, 2.5), fixed: null } };
  t.equal(sendToAppMs(traffic, 'default'), 2.5);
  t.equal(sendToAppMs(traffic, 'fixed'), 0);
  t.equal(sendToAppMs(traffic, 'other'), 0);
  t.equal(trafficEndOnAppClock({ trafficEndMonoMs: 100_000 }, traffic, 'default'), 99_997);
  t.equal(trafficEndOnAppClock({ trafficEndMonoMs: 100_000 }, traffic, 'fixed'), 100_000);
});

t.test("the boundary rule's context: the app's own closes, and whether the LB replays the method unseen", async (t) => {
  const input = {
    appCloses: {
      default: [
        // Its timer's instant, not the 'close' event 20 ms later.
        appClose({ keepAliveTimerAtMonoMs: 10_000, closedAtMonoMs: 10_020 }),
        appClose({ closedBy: 'peer', closedAtMonoMs: 11_000 }),
        appClose({ keepAliveTimerAtMonoMs: null, closedAtMonoMs: 12_000 }),
      ],
    },
  };
  const app = appCloseContextOf(input, { appClocks: { default: clock(0, 2.5) } }, variant());
  t.same(app, { appCloseInstants: [10_000, 12_000], sendToAppMs: 2.5 });
  t.same(appCloseContextOf(input, { appClocks: {} }, variant({ name: 'fixed' })), {
    appCloseInstants: [],
    sendToAppMs: 0,
  });
  const scenario = defaultScenario();
  t.same(boundaryContextOf(scenario, variant({ lb: 'caddy' }), 'GET', app), {
    replaysUnseen: true,
    lbFixed: false,
    ...app,
  });
  t.equal(
    boundaryContextOf(scenario, variant({ lbFix: 'keepalive-timeout-4s' }), 'POST', app).lbFixed,
    true,
    'an LB-side fix in front: answered aimed requests count',
  );
  t.equal(boundaryContextOf(scenario, variant({ lb: 'caddy' }), 'POST', app).replaysUnseen, false);
  t.equal(boundaryContextOf(scenario, variant(), 'GET', app).replaysUnseen, false, 'nginx logs its retries');
});
