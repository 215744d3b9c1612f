// `npm run lab -- --list-scenarios`: every cell's name, the default matrix's
// marked; --only narrows the list and it says how many of how many it shows.
import t from 'tap';
import { parseLabArgs } from '../../harness/cli/options.js';
import { scenarioListing } from '../../harness/cli/list-scenarios.js';

/** What --list-scenarios prints for these flags. */
const listing = (...flags: string[]) => scenarioListing(parseLabArgs(['--list-scenarios', ...flags]).cells);
/** The names it lists, and which of them are marked as the default matrix's. */
function namesOf(text: string): { names: string[]; marked: string[] } {
  const rows = text.split('\n').filter((line) => /^[* ] \S+$/.test(line));
  return { names: rows.map((r) => r.slice(2)), marked: rows.filter((r) => r.startsWith('*')).map((r) => r.slice(2)) };
}

t.test(
  'without --only: all 190 cells (3 LBs × 4 Node lines × 3 modes × 5 fixes, and 10 LB-side fixes), the 19 of the default marked',
  async (t) => {
    const text = listing();
    const { names, marked } = namesOf(text);
    t.equal(names.length, 190);
    t.equal(new Set(names).size, 190, 'each once');
    t.equal(marked.length, 19);
    t.match(text, /\n190 cells; \* in the default matrix \(--matrix\); run any with --scenario <name,…>$/);
  },
);

t.test('--only lb=haproxy: just the HAProxy cells, and how many of how many', async (t) => {
  const text = listing('--only', 'lb=haproxy');
  const { names, marked } = namesOf(text);
  t.equal(names.length, 65, '4 Node lines × 3 modes × 5 fixes, and its 5 LB-side fixes');
  t.ok(
    names.every((n) => n.startsWith('haproxy-')),
    'every name is a HAProxy cell',
  );
  t.same(marked, ['haproxy-node24-standalone-default', 'haproxy-node24-standalone-article']);
  t.match(text, /\n65 of 190 cells; \* in the default matrix/);
});

t.test('--only lists from the whole catalogue; the footer says how many of them --matrix --only runs', async (t) => {
  for (const only of ['lb=caddy', 'lb=haproxy', 'node=22']) {
    const text = listing('--only', only);
    const { names, marked } = namesOf(text);
    // What the run itself would take: the options the lab parses for --matrix --only.
    const run = (() => {
      try {
        return parseLabArgs(['--matrix', '--only', only]).cells ?? [];
      } catch {
        return [];
      }
    })();
    t.equal(marked.length, run.length, `--only ${only}: the marked cells are as many as the run's`);
    const footer = text.split('\n').at(-1) ?? '';
    t.ok(names.length > run.length, `--only ${only}: more listed (${names.length}) than a matrix runs`);
    t.equal(
      footer,
      run.length === 0
        ? '--matrix with the same --only runs none of them.'
        : `--matrix with the same --only runs only the ${run.length} marked *, not all ${names.length}.`,
      `--only ${only}`,
    );
  }
  const text = listing('--matrix', '--only', 'lb=haproxy');
  t.match(
    text,
    /\n2 of 190 cells; \* in the default matrix; run any with --scenario <name,…>\n--matrix with the same --only runs all 2\.$/,
  );
});

t.test('--only lbfix=…: each fix named, beside its LB unfixed, all of which --matrix runs', async (t) => {
  const text = listing('--only', 'lbfix=pool-purge-1s,lbfix=keepalive-timeout-4s');
  t.same(namesOf(text).names, [
    'node24-standalone-default',
    'lbfix-keepalive-timeout-4s',
    'haproxy-node24-standalone-default',
    'haproxy-lbfix-pool-purge-1s',
  ]);
  t.match(text, /\n--matrix with the same --only runs all 4\.$/);
  const run = parseLabArgs(['--matrix', '--only', 'lbfix=pool-purge-1s,lbfix=keepalive-timeout-4s']).cells ?? [];
  t.same(
    run.map((c) => c.lbFix ?? 'none'),
    ['none', 'keepalive-timeout-4s', 'none', 'pool-purge-1s'],
  );
  const all = parseLabArgs(['--matrix', '--only', 'lbfix=all']).cells ?? [];
  t.equal(all.length, 13, 'lbfix=all: the 10 fixes and their 3 LBs unfixed');
  t.throws(() => parseLabArgs(['--matrix', '--only', 'lbfix=keepalive-4s,lb=nginx']), {
    message: /^No LB-side fix matches --only lbfix=keepalive-4s,lb=nginx\.$/,
    hint: /caddy: keepalive-4s, lb-try-duration-5s\.$/,
  });
  t.throws(() => parseLabArgs(['--matrix', '--only', 'lbfix=keepalive-timeout-9s']), {
    message: /lbfix must be one of none, keepalive-timeout-4s/,
  });
});

t.test('--only with several axes and values narrows on each', async (t) => {
  const { names } = namesOf(listing('--only', 'node=22,mode=custom,fix=too-short,fix=article'));
  t.same(names, [
    'node22-custom-article',
    'node22-custom-too-short',
    'haproxy-node22-custom-article',
    'haproxy-node22-custom-too-short',
    'caddy-node22-custom-article',
    'caddy-node22-custom-too-short',
  ]);
});

t.test(
  'with --matrix, --only narrows the default matrix, as the run would; none left is exit 2 as for a run',
  async (t) => {
    const { names } = namesOf(listing('--matrix', '--only', 'lb=haproxy'));
    t.same(names, ['haproxy-node24-standalone-default', 'haproxy-node24-standalone-article']);
    for (const argv of [
      ['--list-scenarios', '--matrix', '--only', 'lb=haproxy,fix=too-short'],
      ['--matrix', '--only', 'lb=haproxy,fix=too-short'],
    ]) {
      t.throws(
        () => parseLabArgs(argv),
        { message: 'No cell of the default matrix matches --only.', exitCode: 2 },
        argv.join(' '),
      );
    }
  },
);

t.test('a bad --only is refused as for a run; --only without --matrix or --list-scenarios still is', async (t) => {
  t.throws(() => parseLabArgs(['--list-scenarios', '--only', 'lb=envoy']), {
    message: "--only: lb must be one of nginx, haproxy, caddy, got 'envoy'.",
    exitCode: 2,
  });
  t.throws(() => parseLabArgs(['--only', 'lb=haproxy']), {
    message: '--only narrows --matrix or --list-scenarios; add --matrix.',
    exitCode: 2,
  });
});
