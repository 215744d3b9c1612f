// The bench builds its lab runs' options as data (bench/ sits below the CLI):
// they must be what the lab's own flags give for a one-cycle run.
import t from 'tap';
import { benchLabOptions } from '../../harness/bench/bench.js';
import { DEFAULT_BENCH_OPTIONS } from '../../harness/bench/options.js';
import { parseLabArgs } from '../../harness/cli/options.js';
import { DEFAULT_OPTIONS } from '../../harness/scenarios/run-options.js';

t.test("a bench run's lab options are the lab's flags for one cycle, with the bench's pairs", async (t) => {
  for (const runtime of ['docker', 'local', 'auto'] as const) {
    const fromFlags = {
      ...parseLabArgs([
        '--cycles',
        '1',
        '--max-cycles',
        String(DEFAULT_OPTIONS.maxCycles),
        '--runtime',
        runtime,
        '--results-dir',
        'out/bench',
      ]),
      naivePairs: 3,
    };
    t.same(
      benchLabOptions({ ...DEFAULT_BENCH_OPTIONS, runtime, resultsDir: 'out/bench', pairs: 3 }),
      fromFlags,
      runtime,
    );
  }
});
