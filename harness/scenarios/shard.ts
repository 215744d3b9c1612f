// --shard i/n: a matrix run's app cells split over n machines (CI jobs), and
// the record a shard's summary keeps so `npm run merge` can join the shards and
// check they came from one matrix. Data and pure functions only.
//
// How the cells are dealt: round-robin over a canonical order, not a hash of
// the cell's name. A hash is stable too, but over 19 apps and 4 shards it
// leaves shards lopsided (or empty), and it cannot see lanes. The canonical
// order is ALL_APP_CELLS' (every combination of the axes, fixed by the axes'
// own order), so neither the order of the flags nor the order --only or the
// default matrix lists its cells moves a cell to another shard; only a change
// of the cells asked for does, and merge refuses shards of different matrices.
// The long-lane cells (every fix but Node's defaults: the LB's timeout, and 450 ms per app and cycle)
// are dealt first, then the short-lane ones continuing from the next shard:
// each shard's count of long cells, and of all cells, differs from another's
// by at most one. The long lane sets a shard's wall time, and a shard's apps
// share one machine: spreading the long-lane apps spreads the load that makes
// a busy machine answer late (docs/matrix.md, the busy run).
import { LabError } from '../model/errors.js';
import { EXIT } from '../model/exit-codes.js';
import { ALL_APP_CELLS, appCellName, type AppCell } from './matrix.js';

/** The most shards a matrix may be split into: more than the default matrix has apps would leave shards empty. */
export const MAX_SHARDS = 64;

/** A matrix run's part: shard `index` of `count` (1-based), and the whole matrix's cells it was dealt from. */
export interface ShardOptions {
  /** 1 ≤ index ≤ count. */
  index: number;
  count: number;
  /** Every app cell of the matrix before it was split, in its own order (what merge checks the shards share). */
  matrixCells: AppCell[];
}

function usage(message: string): LabError {
  return new LabError(message, 'See npm run lab -- --help.', EXIT.badInput);
}

/** `2/3` as index 2 of 3; anything else (0/2, 3/2, x, 1/0) is one line, exit 2. */
export function parseShard(raw: string): { index: number; count: number } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  if (!match) throw usage(`--shard wants i/n (this machine's part of n, e.g. 2/3), got '${raw}'.`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS) throw usage(`--shard ${raw}: n must be between 1 and ${MAX_SHARDS}.`);
  if (index < 1 || index > count) throw usage(`--shard ${raw}: i must be between 1 and ${count}.`);
  return { index, count };
}

/** A cell's place in the canonical order (ALL_APP_CELLS). */
function canonicalIndex(cell: AppCell): number {
  const name = appCellName(cell);
  return ALL_APP_CELLS.findIndex((c) => appCellName(c) === name);
}

/** The cells in the canonical order (ALL_APP_CELLS'), whatever order they were asked in. */
export function canonicalCells(cells: readonly AppCell[]): AppCell[] {
  return [...cells].sort((a, b) => canonicalIndex(a) - canonicalIndex(b));
}

/**
 * Whether a cell runs in the long lane: every fix but Node's defaults closes too near the LB's timeout (or after it)
 * for the short lane's cycles (docs/matrix.md, How it runs). A prediction for dealing only: the probe decides the lane.
 */
export function expectedLongLane(cell: AppCell): boolean {
  return cell.fix !== 'default';
}

/**
 * Shard `index` of `count` (1-based): the long-lane cells dealt round-robin in the canonical order, then the short-lane
 * ones continuing from the next shard (see the top of this file). Every cell is in exactly one shard; the shard's cells
 * keep the order they were given in (the matrix's own, which is the order a whole run would list them in).
 */
export function shardCells(cells: readonly AppCell[], index: number, count: number): AppCell[] {
  const ordered = canonicalCells(cells);
  const dealt = [...ordered.filter(expectedLongLane), ...ordered.filter((c) => !expectedLongLane(c))];
  const mine = new Set(dealt.filter((_, i) => i % count === index - 1).map(appCellName));
  return cells.filter((c) => mine.has(appCellName(c)));
}

/**
 * `--shard i/n` over a matrix's cells: the shard's cells and the record its summary keeps (the whole matrix's cells in
 * its own order, which merge gives the joined run); a shard without a cell is exit 2.
 */
export function selectShard(
  cells: readonly AppCell[],
  shard: { index: number; count: number },
): { cells: AppCell[]; shard: ShardOptions } {
  const mine = shardCells(cells, shard.index, shard.count);
  if (mine.length === 0)
    throw usage(
      `--shard ${shard.index}/${shard.count} selects no cell: the matrix asked for has ${cells.length} app${cells.length === 1 ? '' : 's'}; use at most ${cells.length} shards.`,
    );
  return { cells: mine, shard: { ...shard, matrixCells: [...cells] } };
}
