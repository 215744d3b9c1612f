// Where a lane aims and how long it cycles (harness/traffic/aim-policy.ts):
// the aim variant, each variant's boundary, sends per cycle, the anchor in a
// burst's idle starts, and when a short lane stops.
import t from 'tap';
import { LabError } from '../../harness/model/errors.js';
import { parseLabArgs } from '../../harness/cli/options.js';
import { cellsByName, matrixScenario } from '../../harness/scenarios/matrix.js';
import { defaultScenario, type Scenario, type Variant, type VariantName } from '../../harness/scenarios/scenarios.js';
import { AimPolicy, type AimOptions, type LaneKind } from '../../harness/traffic/aim-policy.js';
import { Estimates } from '../../harness/traffic/estimates.js';
import type { AppEvents } from '../../harness/traffic/traffic-io.js';
import { appClose, appEvents, LB_502, lbClose, request } from '../helpers/traffic-records.js';

const LB_MS = 60_000;

interface Setup {
  scenario?: Scenario;
  variants?: readonly Variant[];
  lane?: LaneKind;
  flags?: string[];
  options?: Partial<AimOptions>;
  probedCloseMs?: Record<VariantName, number | null>;
  apps?: Record<VariantName, AppEvents>;
}

function policy(s: Setup = {}): { policy: AimPolicy; estimates: Estimates } {
  const scenario = s.scenario ?? defaultScenario();
  const variants = s.variants ?? scenario.variants;
  const apps = new Map(variants.map((v) => [v.name, s.apps?.[v.name] ?? appEvents()]));
  const probedCloseMs = s.probedCloseMs ?? { default: 6_001, fixed: null };
  const estimates = new Estimates({
    variants,
    probedCloseMs,
    apps,
    lbTimeoutMs: scenario.lb.upstreamKeepaliveTimeoutMs,
  });
  const options = { ...parseLabArgs(s.flags ?? ['--cycles', '3', '--max-cycles', '8']), ...s.options };
  return {
    policy: new AimPolicy({ scenario, variants, lane: s.lane ?? 'short', options, estimates, apps }),
    estimates,
  };
}

/** A matrix of the named cells, behind the LB's default 60 s. */
const matrix = (...cells: string[]) => matrixScenario(cellsByName(cells));

t.test('the aim variant is the one that closes first; its close is the close delay', async (t) => {
  const { policy: p } = policy({ probedCloseMs: { default: 6_001, fixed: 4_000 } });
  t.equal(p.aim.name, 'fixed');
  t.equal(p.closeDelayMs, 4_000);
  const { policy: one } = policy();
  t.equal(one.aim.name, 'default', 'the only variant that closed');
  t.equal(one.closeDelayMs, 6_001);
});

t.test('no variant closes: a short lane has nothing to aim at; a long lane aims at the LB', async (t) => {
  t.throws(() => policy({ probedCloseMs: { default: null, fixed: null } }), LabError);
  const { policy: long } = policy({ lane: 'long', probedCloseMs: { default: null, fixed: null } });
  t.equal(long.aim.name, 'default', 'its first variant');
  t.equal(long.closeDelayMs, LB_MS, "the LB's timeout");
});

t.test("the talk-sized run aims every variant at the aim variant's close", async (t) => {
  const { policy: p } = policy();
  const [def, fixed] = defaultScenario().variants;
  t.equal(p.boundaryMs(def, []), 6_001);
  t.equal(p.boundaryMs(fixed, []), 6_001, 'the fix shown safe where the default fails');
});

t.test('a matrix app that closes before the LB (or within 50 ms after it) is aimed at its own close', async (t) => {
  const s = matrix('node24-standalone-default', 'node24-standalone-too-short', 'node24-standalone-article');
  const [def, tooShort, article] = s.variants;
  const { policy: p } = policy({
    scenario: s,
    probedCloseMs: { [def.name]: 6_002, [tooShort.name]: 60_050, [article.name]: 60_051 },
  });
  t.equal(p.boundaryMs(def, []), 6_002);
  t.equal(p.boundaryMs(tooShort, []), 60_050, '50 ms after the LB: its own close still');
  t.equal(p.boundaryMs(article, []), 59_500, "51 ms after: 500 ms before the LB's timeout, its close not learned");
});

t.test("an app that outlives the LB is aimed 200 ms before the LB's close as learned", async (t) => {
  const s = matrix('node24-standalone-article');
  // Without pools of its own: the long lane's cycles one after another, each leaving connections for the LB to close.
  const article = { ...s.variants[0], longPools: undefined };
  const closes = () => appEvents([lbClose(1, 0, 59_760), lbClose(2, 0, 59_800), lbClose(3, 0, 59_840)]);
  const { policy: p } = policy({
    scenario: { ...s, variants: [article] },
    lane: 'long',
    probedCloseMs: { [article.name]: null },
    apps: { [article.name]: closes() },
  });
  const records = [1, 2, 3].map((socket) => request({ variant: article.name, upstreamSocketId: socket }));
  t.equal(p.boundaryMs(article, []), 59_500, 'before any of the LB closes is tied to its requests');
  t.equal(p.boundaryMs(article, records), 59_600, 'the LB closed them after 59.8 s');
  // With pools (a pooled lane): its held bursts' connections close early, and the LB closes none it could learn from.
  const [pooled] = s.variants;
  const { policy: q } = policy({
    scenario: s,
    lane: 'long',
    probedCloseMs: { [pooled.name]: null },
    apps: { [pooled.name]: closes() },
  });
  t.equal(
    q.boundaryMs(pooled, records),
    59_500,
    "a pooled lane keeps the wide lead, whatever the calibration's closes say",
  );
});

t.test('behind HAProxy (no per-connection idle timeout), an app is aimed at its own close, however late', async (t) => {
  const s = matrix('haproxy-node24-standalone-article');
  const [article] = s.variants;
  t.equal(policy({ scenario: s, probedCloseMs: { [article.name]: 62_000 } }).policy.boundaryMs(article, []), 62_000);
  const unknown = policy({ scenario: s, lane: 'long', probedCloseMs: { [article.name]: null } }).policy;
  t.equal(unknown.boundaryMs(article, []), 59_500, "never seen to close: the LB's timeout, less the unknown lead");
});

t.test(
  "sends per cycle: C; the talk-sized run's safe variants 25; a pooled long lane a pool's cache, 32",
  async (t) => {
    const [def, fixed] = defaultScenario().variants;
    const { policy: p } = policy();
    t.equal(p.sendsPerCycle(def), 8, 'the aim variant: C');
    t.equal(p.sendsPerCycle(fixed), 25, 'a safe variant beside it');
    t.equal(policy({ options: { concurrency: 40 } }).policy.sendsPerCycle(fixed), 40, 'never fewer than C');

    const s = matrix('node24-standalone-default', 'node24-standalone-article');
    const both = { [s.variants[0].name]: 6_001, [s.variants[1].name]: 6_002 };
    const m = policy({ scenario: s, probedCloseMs: both }).policy;
    t.same(
      s.variants.map((v) => m.sendsPerCycle(v)),
      [8, 8],
      'a matrix: C each',
    );

    const app = {
      image: 'mine',
      buildDir: null,
      containerPort: 3000,
      healthPath: '/',
      startTimeoutMs: 1,
      trafficPath: '/',
    };
    const yours: Variant = { ...s.variants[0], name: 'yours', app: { ...app, env: {}, preload: true } };
    const lanes = (lane: LaneKind) =>
      policy({ scenario: { ...s, variants: [yours] }, lane, probedCloseMs: { yours: null } }).policy.sendsPerCycle(
        yours,
      );
    t.equal(lanes('long'), 32, "your app driven at the LB, through pools of its own: a pool's cache (32) a cycle");
    const withoutPools: Variant = { ...yours, longPools: undefined };
    t.equal(
      policy({
        scenario: { ...s, variants: [withoutPools] },
        lane: 'long',
        probedCloseMs: { yours: null },
      }).policy.sendsPerCycle(withoutPools),
      8,
      'an app without pools of its own: C, as many as the LB caches beside the others',
    );
    t.throws(() => lanes('short'), LabError, 'your app never closing cannot be in a short lane');
    t.equal(
      policy({ scenario: { ...s, variants: [yours] }, probedCloseMs: { yours: 6_000 } }).policy.sendsPerCycle(yours),
      8,
      'your app that closes early: C',
    );
  },
);

t.test("spreadFor: a variant's own count of sends over the same span, evenly", async (t) => {
  const [def, fixed] = defaultScenario().variants;
  const { policy: p } = policy();
  const planned = [-2, -1.429, -0.857, -0.286, 0.286, 0.857, 1.429, 2];
  t.equal(p.spreadFor(def, planned), planned, 'as many as planned: the plan itself');
  t.same(
    p.spreadFor(fixed, [-3, 3]),
    [
      -3, -2.75, -2.5, -2.25, -2, -1.75, -1.5, -1.25, -1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2,
      2.25, 2.5, 2.75, 3,
    ],
    '25 over ±3 ms, 0.25 ms apart',
  );
  t.same(p.spreadFor(fixed, [1, 1]).slice(0, 3), [1, 1, 1], 'no span: all at its centre');
});

t.test("anchors: the mean of each variant's densest cluster of idle starts (2 ms wide)", async (t) => {
  const { policy: p } = policy();
  const anchors = p.anchors(
    new Map([
      ['default', [1_000, 1_000.5, 1_001, 1_010]],
      ['fixed', []],
    ]),
  );
  t.same(
    [...anchors],
    [
      ['default', 1_000.5],
      ['fixed', null],
    ],
  );
  t.same(
    [...p.anchors(new Map())],
    [
      ['default', null],
      ['fixed', null],
    ],
    'a variant without idle starts: nowhere to aim',
  );
});

t.test('a short lane runs --cycles, then on to --max-cycles until the aim variant has a 502', async (t) => {
  const { policy: p } = policy();
  t.equal(p.lastCycle, 8);
  const hit = [request({ cycle: 2, ...LB_502 })];
  t.same(p.afterCycle(2, hit), { stop: false, continuing: null }, 'a hit before --cycles: on to --cycles');
  t.same(p.afterCycle(3, hit), { stop: true, continuing: null }, 'a hit by --cycles: done');
  t.same(p.afterCycle(1, []), { stop: false, continuing: null });
  t.same(p.afterCycle(3, [request()]), {
    stop: false,
    continuing: 'no 502 on default after 3 cycles yet: continuing up to 8',
  });
  t.same(p.afterCycle(4, []), { stop: false, continuing: null }, 'said once, at --cycles');
  t.same(p.afterCycle(5, hit), { stop: true, continuing: null }, 'the first 502 past --cycles ends it');
  t.same(
    p.afterCycle(3, [request({ variant: 'fixed', ...LB_502 })]),
    { stop: false, continuing: 'no 502 on default after 3 cycles yet: continuing up to 8' },
    "only the aim variant's 502 counts",
  );
});

t.test('a long lane runs all its --long-cycles', async (t) => {
  const s = matrix('node24-standalone-article');
  const { policy: p } = policy({
    scenario: s,
    lane: 'long',
    probedCloseMs: { [s.variants[0].name]: null },
    flags: ['--scenario', s.variants[0].name, '--long-cycles', '4'],
  });
  t.equal(p.lastCycle, 4);
  t.same(p.afterCycle(4, []), { stop: false, continuing: null });
});

t.test('a matrix short lane waits for a failure on every method of every app that closes first', async (t) => {
  const s = matrix('node24-standalone-default', 'node24-standalone-article');
  const [def, article] = s.variants;
  const { policy: p } = policy({
    scenario: s,
    probedCloseMs: { [def.name]: 6_001, [article.name]: null },
    flags: ['--scenario', `${def.name},${article.name}`, '--cycles', '2', '--max-cycles', '6'],
  });
  t.same(p.awaitingHits([]), [`${def.name} POST`, `${def.name} GET`], 'the app that never closed is no cell');
  const postFailed = request({ variant: def.name, method: 'POST', status: null, error: 'ECONNRESET' });
  t.same(p.awaitingHits([postFailed]), [`${def.name} GET`], 'a reset is a failure too');
  t.same(p.awaitingHits([postFailed, request({ variant: def.name, method: 'GET', ...LB_502 })]), []);
  t.same(p.afterCycle(2, [postFailed]), {
    stop: false,
    continuing: `no failure (or, where the LB retries or an LB-side fix is in front, too few boundary requests) on ${def.name} GET after 2 cycles yet: continuing up to 6`,
  });
});

t.test('a method the LB retries (Caddy, GET) waits for enough boundary requests instead of a failure', async (t) => {
  const s = matrix('caddy-node24-standalone-default');
  const [caddy] = s.variants;
  const setup = (closes = [appClose(9, 3_900, 6_000)]) =>
    policy({
      scenario: s,
      probedCloseMs: { [caddy.name]: 6_001 },
      apps: { [caddy.name]: appEvents(closes) },
      flags: ['--scenario', caddy.name],
      options: { methods: ['POST', 'GET'], minBoundaryRequests: 4 },
    }).policy;
  const postFailed = request({ variant: caddy.name, method: 'POST', ...LB_502 });
  const get = (over = {}) => request({ variant: caddy.name, method: 'GET', ...over });
  const p = setup();
  t.same(p.awaitingHits([postFailed]), [`${caddy.name} GET (boundary requests)`], '4 over 2 methods: 2 per cell');
  t.same(p.awaitingHits([postFailed, get({ upstreamSocketRequest: 2 })]), [`${caddy.name} GET (boundary requests)`]);
  t.same(
    p.awaitingHits([postFailed, get({ upstreamSocketRequest: 2 }), get({ upstreamSocketRequest: 3 })]),
    [],
    'two GETs that reused an idle connection',
  );
  // A GET on a new connection that reached the app (send-to-app 0: no clock yet) as it closed one: Caddy's replay.
  const atClose = get({ startMonoMs: 9_950 });
  t.same(p.awaitingHits([postFailed, get({ upstreamSocketRequest: 2 }), atClose]), [], 'one sent as the app closed');
  t.same(
    setup([]).awaitingHits([postFailed, get({ upstreamSocketRequest: 2 }), atClose]),
    [`${caddy.name} GET (boundary requests)`],
    'without that close it tested nothing',
  );
  t.same(
    p.awaitingHits([postFailed, get({ upstreamSocketRequest: 2 }), get({ upstreamSocketRequest: 2, phase: 'burst' })]),
    [`${caddy.name} GET (boundary requests)`],
    "a burst's request is no boundary request",
  );
});

t.test(
  'an LB-side fix waits for its boundary requests, not a failure; its run sends a full LB pool a cycle',
  async (t) => {
    const s = matrix('node24-standalone-default', 'lbfix-keepalive-timeout-4s');
    const [baseline, fixed] = s.variants;
    const p = policy({
      scenario: s,
      probedCloseMs: { [baseline.name]: 6_001, [fixed.name]: 6_001 },
      flags: ['--scenario', `${baseline.name},${fixed.name}`],
      options: { methods: ['POST'], minBoundaryRequests: 2 },
    }).policy;
    t.equal(p.sendsPerCycle(fixed), 32, "the fix's app: the LB's pool of 32");
    t.equal(p.sendsPerCycle(baseline), 32, 'its baseline beside it: the same traffic');
    t.equal(policy().policy.sendsPerCycle(defaultScenario().variants[0]), 8, 'a run without LB-side fixes: C');
    const baselineHit = request({ variant: baseline.name, ...LB_502 });
    // New connections, answered at the app's close: the LB closed the idle ones first.
    const fresh = (i: number) => request({ variant: fixed.name, requestId: `f${i}`, upstreamSocketRequest: 1 });
    t.same(p.awaitingHits([baselineHit]), [`${fixed.name} POST (boundary requests)`], 'no failure is awaited of it');
    t.same(p.awaitingHits([baselineHit, fresh(1)]), [`${fixed.name} POST (boundary requests)`]);
    t.same(p.awaitingHits([baselineHit, fresh(1), fresh(2)]), [], 'two answered at the close: enough');
    t.same(
      p.awaitingHits([baselineHit, fresh(1), request({ variant: fixed.name, phase: 'burst' })]),
      [`${fixed.name} POST (boundary requests)`],
      "a burst's request tested nothing",
    );
    t.same(p.awaitingHits([fresh(1), fresh(2)]), [`${baseline.name} POST`], 'the baseline still awaits its failure');
    t.equal(p.priceGapMs, 5_001, "price rounds: idle 1 s under the apps' close (6 001 ms), over the fix's 4 s");
    t.equal(policy().policy.priceGapMs, null, 'a run without LB-side fixes has no price rounds');
    t.equal(policy({ scenario: s, lane: 'long' }).policy.priceGapMs, null, 'nor a long lane');
  },
);

t.test("--full, in the talk-sized run: one idle gap a second either side of the LB's timeout", async (t) => {
  t.same(policy({ flags: ['--full'] }).policy.longGapsMs, [59_000, 61_000]);
  t.same(policy().policy.longGapsMs, [], '--quick: none');
  const s = matrix('node24-standalone-default');
  const m = policy({ scenario: s, probedCloseMs: { [s.variants[0].name]: 6_001 }, flags: ['--full'] }).policy;
  t.same(m.longGapsMs, [], 'a matrix: none (its long lane tests the LB boundary)');
});

t.test("a pooled batch takes one offset of the plan's core each: the late-wake tail is left out", async (t) => {
  const s = matrix('node24-standalone-article');
  const [article] = s.variants;
  const p = policy({ scenario: s, lane: 'long', probedCloseMs: { [article.name]: null } }).policy;
  const plan = [-2, -1, 0, 1, 2, 4, 7, 10];
  const pools = [1, 2, 3, 4, 5, 6, 7, 8].map((pool) => p.poolOffsets({ ...article, pool }, plan, 3));
  t.same(
    pools.map((offsets) => offsets[0]),
    [-2, -1, 0, 1, 2, -2, -1, 0],
    'pools 6–8 start over at the core, none at +4, +7 or +10 ms',
  );
  t.ok(
    pools.every((offsets) => offsets.length === 32 && offsets.every((o) => o === offsets[0])),
    "each pool's 32 at one instant",
  );
  t.same(p.poolOffsets({ ...article, pool: 6 }, plan, 0), Array(32).fill(4), 'without a tail, the whole plan');
});

t.test("a safe variant's 25 sends spread over the plan's core, not its late-wake tail", async (t) => {
  const [, fixed] = defaultScenario().variants;
  const spread = policy().policy.spreadFor(fixed, [-2, -1, 0, 1, 2, 4, 7, 10], 3);
  t.equal(spread.length, 25);
  t.same([Math.min(...spread), Math.max(...spread)], [-2, 2]);
});
