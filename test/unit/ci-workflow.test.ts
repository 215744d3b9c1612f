// The example GitHub Actions workflow users copy: its lab command must parse
// with today's flags, and it must keep results/ whether the lab passed or not.
import { readFileSync } from 'node:fs';
import t from 'tap';
import { parseLabArgs } from '../../harness/cli/options.js';

const workflow = readFileSync(new URL('../../.github/workflows/keepalive-lab.yml', import.meta.url), 'utf8');

t.test('the example workflow runs the lab with flags the lab accepts', async (t) => {
  const line = workflow.split('\n').find((l) => /^\s*run: npm run -s lab -- /.test(l));
  t.ok(line, 'it runs npm run lab');
  const args = line!
    .replace(/^\s*run: npm run -s lab -- /, '')
    .replace(/\s*>.*$/, '')
    .split(/\s+/);
  const options = parseLabArgs(args);
  t.equal(options.assert, true, '--assert: the exit code fails the job');
  t.equal(options.json, true);
  t.equal(options.out, 'keepalive-lab-summary.json', '--out keeps the summary as a file');
});

t.test('the example workflow runs on ubuntu-latest and keeps results/ as an artifact, pass or fail', async (t) => {
  t.match(workflow, /runs-on: ubuntu-latest/);
  t.match(workflow, /if: always\(\)\n\s+uses: actions\/upload-artifact@v\d+/);
  t.match(workflow, /path: \|\n\s+results\/\n\s+keepalive-lab-summary\.json/);
});
