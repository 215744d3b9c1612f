// What `npm run lab -- --list-scenarios` prints: the cells' names, the default
// matrix's marked, narrowed by --only when given (cli/options.ts selects them).
import { ALL_APP_CELLS, appCellName, DEFAULT_MATRIX, type AppCell } from '../scenarios/matrix.js';

/** The names of `cells` (every cell when null), one a line, then how many of the catalogue they are. */
export function scenarioListing(cells: readonly AppCell[] | null): string {
  const inDefault = new Set(DEFAULT_MATRIX.map(appCellName));
  const listed = (cells ?? ALL_APP_CELLS).map(appCellName);
  const count = cells === null ? `${ALL_APP_CELLS.length} cells` : `${listed.length} of ${ALL_APP_CELLS.length} cells`;
  return [
    ...listed.map((name) => `${inDefault.has(name) ? '*' : ' '} ${name}`),
    '',
    `${count}; * in the default matrix (--matrix); run any with --scenario <name,…>`,
  ].join('\n');
}
