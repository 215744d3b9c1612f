// A default-matrix run's summary (19 apps, 38 cells, nginx, HAProxy and Caddy)
// for the report's slide tests, until a real one is committed: the 30-cell
// nginx matrix kept as a fixture (15 apps, real counts), with the four apps
// the default matrix puts behind HAProxy and Caddy added as copies of its
// node24 standalone apps (their cells, their cycle counts, their LB named).
// Its verdict and counts are the fixture's plus the copies': only the report's
// layout is tested with it, never a rule.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readSummary, type Summary } from '../../harness/results/schema.js';
import { appCellName, DEFAULT_MATRIX } from '../../harness/scenarios/matrix.js';

const THIRTY_CELLS = fileURLToPath(
  new URL('../fixtures/runs/20261127-224243Z-docker-summary-only/summary.json', import.meta.url),
);

/** A copy of `from` named `to` behind `lb`: its variant, its cells and its counts in every cycle it ran. */
function copyApp(s: Summary, from: string, to: string, lb: string, lbVersion: string): Summary {
  return {
    ...s,
    variants: { ...s.variants, [to]: { ...s.variants[from], name: to } },
    cells: [
      ...s.cells,
      ...s.cells
        .filter((c) => c.variant === from)
        .map((c) => ({ ...c, name: c.name.replace(from, to), variant: to, lb, lbVersion })),
    ],
    schedule: {
      ...s.schedule,
      cycles: s.schedule.cycles.map((c) =>
        from in c.count502 ? { ...c, count502: { ...c.count502, [to]: c.count502[from] } } : c,
      ),
    },
  };
}

/** The default matrix's 19 apps in its order, with real counts. */
export function defaultMatrixSummary(): Summary {
  const read = readSummary(JSON.parse(readFileSync(THIRTY_CELLS, 'utf8')));
  if (read.summary === null) throw new Error(`fixture unreadable: ${read.problems.join('; ')}`);
  let s = read.summary;
  const versions: Record<string, string> = { haproxy: '2.6.12', caddy: '2.6.2' };
  for (const cell of DEFAULT_MATRIX.filter((c) => c.lb !== 'nginx')) {
    const to = appCellName(cell);
    s = copyApp(s, appCellName({ ...cell, lb: 'nginx' }), to, cell.lb, versions[cell.lb]);
  }
  s = {
    ...s,
    versions: { ...s.versions, haproxy: versions.haproxy, caddy: versions.caddy },
    lbs: {
      ...s.lbs,
      haproxy: { ...s.lbs.nginx, version: versions.haproxy },
      caddy: { ...s.lbs.nginx, version: versions.caddy },
    },
  };
  // In the default matrix's order (the summary keeps its run's order).
  const order = DEFAULT_MATRIX.map(appCellName);
  const missing = order.filter((n) => !(n in s.variants));
  if (missing.length > 0) throw new Error(`not in the fixture: ${missing.join(', ')}`);
  return {
    ...s,
    variants: Object.fromEntries(order.map((n) => [n, s.variants[n]])),
    cells: order.flatMap((n) => s.cells.filter((c) => c.variant === n)),
  };
}
