// What `npm run lab -- --list-scenarios` prints: the cells' names, the default
// matrix's marked, narrowed by --only when given (cli/options.ts selects them).
import { ALL_APP_CELLS, appCellName, DEFAULT_MATRIX, LB_FIX_MATRIX, type AppCell } from '../scenarios/matrix.js';

/**
 * The names of `cells` (every cell when null), one a line, then how many of the catalogue they are; narrowed by --only
 * (which lists from the whole catalogue), how many of them `--matrix` with the same --only runs: the marked ones only.
 */
export function scenarioListing(cells: readonly AppCell[] | null): string {
  const inDefault = new Set(DEFAULT_MATRIX.map(appCellName));
  const listed = (cells ?? ALL_APP_CELLS).map(appCellName);
  // --only lbfix=… lists LB-side fixes' cells with their baselines, all of which --matrix runs (selectCells).
  const lbFixMatrix = new Set(LB_FIX_MATRIX.map(appCellName));
  const lbFixes = cells !== null && listed.every((name) => lbFixMatrix.has(name));
  const marked = lbFixes ? listed.length : listed.filter((name) => inDefault.has(name)).length;
  const runs =
    marked === listed.length
      ? `all ${marked}`
      : marked === 0
        ? 'none of them'
        : `only the ${marked} marked *, not all ${listed.length}`;
  const footer =
    cells === null
      ? [`${ALL_APP_CELLS.length} cells; * in the default matrix (--matrix); run any with --scenario <name,…>`]
      : [
          `${listed.length} of ${ALL_APP_CELLS.length} cells; * in the default matrix; run any with --scenario <name,…>`,
          `--matrix with the same --only runs ${runs}.`,
        ];
  // With --matrix --shard i/n the cells listed are that part's (cli/options.ts narrows them first).
  const shards = '--matrix --shard i/n runs part i of n of these (one per machine); npm run merge joins the parts.';
  return [...listed.map((name) => `${inDefault.has(name) ? '*' : ' '} ${name}`), '', shards, ...footer].join('\n');
}
