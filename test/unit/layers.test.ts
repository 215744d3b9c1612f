// The layers are enforced, not just drawn: dependency-cruiser with the lab's
// own rules (.dependency-cruiser.cjs) runs on a small tree with a file in each
// layer that imports the layer below it and one that imports the layer above.
// Every import down the documented order (docs/architecture.md) passes; every
// import up it fails, named by its rule, and the run exits non-zero — what CI
// (npm run deps) does to a change that breaks a layer.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const depcruise = join(root, 'node_modules', '.bin', 'depcruise');
const config = join(root, '.dependency-cruiser.cjs');

/** The order as docs/architecture.md writes it, lowest first; peers share a rank ("live, compare"). */
function documentedOrder(): string[][] {
  const line = /^Order: (.+)$/m.exec(readFileSync(join(root, 'docs/architecture.md'), 'utf8'));
  if (!line) throw new Error('docs/architecture.md has no "Order:" line');
  return line[1].split(' → ').map((rank) => rank.split(', '));
}

/** A tree with harness/<from>/to-<to>.ts importing harness/<to>/b.ts for each pair; its directory. */
function treeOf(pairs: ReadonlyArray<readonly [string, string]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'keepalive-lab-layers-'));
  for (const [from, to] of pairs) {
    for (const folder of [from, to]) {
      mkdirSync(join(dir, 'harness', folder), { recursive: true });
      writeFileSync(join(dir, 'harness', folder, 'b.ts'), 'export const b = 1;\n');
    }
    writeFileSync(join(dir, 'harness', from, `to-${to}.ts`), `export { b } from '../${to}/b.js';\n`);
  }
  writeFileSync(join(dir, 'tsconfig.json'), readFileSync(join(root, 'tsconfig.json')));
  return dir;
}

const cruise = (cwd: string, outputType: 'json' | 'err') =>
  spawnSync(depcruise, ['harness', '--config', config, '--output-type', outputType], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });

t.test('an import down the layers passes; one up them fails with its rule', async (t) => {
  const order = documentedOrder();
  t.same(order[0], ['model'], 'model is the lowest layer');
  t.same(order.at(-1), ['cli'], 'cli is the highest');
  // Each layer against the next: enough to pin the order (each rule forbids every layer above, not only the next).
  const down = order.slice(1).map((rank, i) => [rank[0], order[i][0]] as const);
  const up = down.map(([high, low]) => [low, high] as const);
  const sideways = [['live', 'compare'] as const, ['compare', 'live'] as const];
  // compare, live's peer, against the layers around it too; and a folder that is no layer.
  const peer = [['lab', 'compare'] as const, ['compare', 'report'] as const, ['compare', 'lab'] as const];
  const dir = treeOf([...down, ...up, ['model', 'cli'], ...sideways, ...peer, ['util', 'model']]);
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));

  const { summary } = JSON.parse(cruise(dir, 'json').stdout) as {
    summary: { violations: Array<{ from: string; rule: { name: string } }> };
  };
  const ruleOf = (from: string, to: string) =>
    summary.violations.filter((v) => v.from === `harness/${from}/to-${to}.ts`).map((v) => v.rule.name);
  for (const [high, low] of down) t.same(ruleOf(high, low), [], `${high} may import ${low}`);
  for (const [low, high] of up) t.same(ruleOf(low, high), [`${low}-not-above`], `${low} may not import ${high}`);
  t.same(ruleOf('model', 'cli'), ['model-not-above'], 'nor anything further up');
  for (const [a, b] of sideways) t.same(ruleOf(a, b), ['live-compare-side-by-side'], `${a} and ${b}: side by side`);
  t.same(ruleOf('lab', 'compare'), [], 'lab may import compare');
  t.same(ruleOf('compare', 'report'), [], 'compare may import report');
  t.same(ruleOf('compare', 'lab'), ['compare-not-above'], 'compare may not import lab');
  t.same(ruleOf('util', 'model'), ['harness-folders-are-layers'], 'a folder that is no layer fails');
  t.equal(summary.violations.length, up.length + 1 + sideways.length + 2, 'no other violation');

  const err = cruise(dir, 'err');
  t.not(err.status, 0, 'npm run deps exits non-zero');
  t.match(err.stdout, /error model-not-above: harness\/model\/to-cli\.ts → harness\/cli\/b\.ts/, 'naming the rule');
});

t.test('the harness as it is keeps every rule', async (t) => {
  const run = cruise(root, 'err');
  t.equal(run.status, 0, run.stdout.trim().split('\n').slice(-3).join(' | '));
});
