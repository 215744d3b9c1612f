// The scenario matrix: which (Node line, server mode, fix) apps a run puts
// behind the LB. Data only: the full cross product, the default selection worth
// running, the names users ask for cells by, and the filters of --only.
import { LabError } from '../model/errors.js';
import { EXIT } from '../model/exit-codes.js';
import {
  DEFAULT_HAPROXY_REUSE,
  DEFAULT_LB,
  DEFAULT_NODE_LINE,
  DEFAULT_RETRY_POLICY,
  FIX_NAMES,
  LB,
  LB_NAMES,
  makeVariant,
  withLongPools,
  MAX_VARIANTS,
  NODE_LINES,
  SERVER_MODES,
  type FixName,
  type HaproxyReuse,
  type LbName,
  type LbTimings,
  type NodeLine,
  type RetryPolicy,
  type Scenario,
  type ServerMode,
} from './scenarios.js';
import { LB_FIX_NAMES, LB_FIXES, lbFixesFor, NO_LB_FIX, type LbFixName } from './lb-fixes.js';

/** One app of the matrix behind one LB; crossed with the request methods it makes the result cells. */
export interface AppCell {
  lb: LbName;
  nodeLine: NodeLine;
  serverMode: ServerMode;
  fix: FixName;
  /** A fix on the LB's side (scenarios/lb-fixes.ts); absent: none, the LB as the lab sets it. */
  lbFix?: LbFixName;
}

/** A cell's LB-side fix, 'none' when it has none. */
export const lbFixOfCell = (c: AppCell): LbFixName => c.lbFix ?? NO_LB_FIX;

/**
 * 'node24-next-start-too-short' behind nginx, 'haproxy-node24-standalone-default'
 * behind another LB, 'haproxy-lbfix-pool-purge-1s' for an LB-side fix: what
 * users type after --scenario and read in the table.
 * nginx's names carry no prefix, so the names of earlier results still mean the same cells.
 */
export function appCellName(c: AppCell): string {
  const lb = c.lb === DEFAULT_LB ? '' : `${c.lb}-`;
  const lbFix = lbFixOfCell(c);
  // An LB-side fix's app is always LB_FIX_MATRIX's (Node 24 standalone, Node's defaults): its name is the fix's. Names
  // become the apps' host names in Docker, one DNS label each (≤ 63 characters, test/unit/matrix.test.ts).
  if (lbFix !== NO_LB_FIX) return `${lb}lbfix-${lbFix}`;
  return `${lb}node${c.nodeLine}-${c.serverMode}-${c.fix}`;
}

/**
 * The LB-side fixes' cells: each fix in front of the app as it ships (Node
 * 24 standalone, Node's defaults), and beside them, per LB, that app behind
 * the LB as the lab sets it (the unsafe baseline, a cell of the default
 * matrix too). `--matrix --only lbfix=…` runs from these.
 */
export const LB_FIX_MATRIX: readonly AppCell[] = LB_NAMES.flatMap((lb) => {
  const app = { lb, nodeLine: DEFAULT_NODE_LINE, serverMode: 'standalone' as const, fix: 'default' as const };
  const fixes = (Object.keys(LB_FIXES) as Array<keyof typeof LB_FIXES>).filter((n) => LB_FIXES[n].lb === lb);
  return [app, ...fixes.map((lbFix) => ({ ...app, lbFix }))];
});

/**
 * Every combination of the app's axes behind each LB (180 apps), then the
 * LB-side fixes' cells; any of them can be asked for by name.
 */
export const ALL_APP_CELLS: readonly AppCell[] = [
  ...LB_NAMES.flatMap((lb) =>
    NODE_LINES.flatMap((nodeLine) =>
      SERVER_MODES.flatMap((serverMode) => FIX_NAMES.map((fix) => ({ lb, nodeLine, serverMode, fix }))),
    ),
  ),
  ...LB_FIX_MATRIX.filter((c) => c.lbFix !== undefined),
];

/**
 * The default matrix: every axis value covered, the interactions that matter
 * crossed. Each Node line with its defaults and the fix (did a line change
 * anything?); each server mode with its defaults and the fix (does the way the
 * timeout reaches Node matter?); each fix value on the default line; all behind
 * nginx. Then every other LB with the default line's defaults and the fix (what
 * does the client see behind it, and does the fix hold there too?).
 */
export const DEFAULT_MATRIX: readonly AppCell[] = [
  ...NODE_LINES.flatMap((nodeLine) =>
    (['default', 'article'] as const).map((fix) => ({
      lb: DEFAULT_LB,
      nodeLine,
      serverMode: 'standalone' as const,
      fix,
    })),
  ),
  ...(['next-start', 'custom'] as const).flatMap((serverMode) =>
    (['default', 'article'] as const).map((fix) => ({ lb: DEFAULT_LB, nodeLine: DEFAULT_NODE_LINE, serverMode, fix })),
  ),
  ...(['keepalive-only', 'too-short', 'node-65s'] as const).map((fix) => ({
    lb: DEFAULT_LB,
    nodeLine: DEFAULT_NODE_LINE,
    serverMode: 'standalone' as const,
    fix,
  })),
  ...LB_NAMES.filter((lb) => lb !== DEFAULT_LB).flatMap((lb) =>
    (['default', 'article'] as const).map((fix) => ({
      lb,
      nodeLine: DEFAULT_NODE_LINE,
      serverMode: 'standalone' as const,
      fix,
    })),
  ),
];

/** --only lbfix=all: every LB-side fix. */
export const ALL_LB_FIXES = 'all';

/** The axes --only filters on, and the values each accepts. */
export const FILTER_AXES = {
  lb: { values: LB_NAMES, of: (c: AppCell) => c.lb },
  node: { values: NODE_LINES, of: (c: AppCell) => c.nodeLine },
  mode: { values: SERVER_MODES, of: (c: AppCell) => c.serverMode },
  fix: { values: FIX_NAMES, of: (c: AppCell) => c.fix },
  lbfix: { values: LB_FIX_NAMES, of: lbFixOfCell },
} as const;
export type FilterAxis = keyof typeof FILTER_AXES;
/** Per axis, the values a cell may have; an axis not named lets every value through. */
export type MatrixFilter = Partial<Record<FilterAxis, string[]>>;

function badInput(message: string, hint: string): LabError {
  return new LabError(message, hint, EXIT.badInput);
}

/** `node=24,mode=next-start` (a key given twice means either value: node=22,node=24). */
export function parseMatrixFilter(raw: string): MatrixFilter {
  const filter: MatrixFilter = {};
  const axes = Object.keys(FILTER_AXES).join(', ');
  for (const part of raw.split(',').map((p) => p.trim())) {
    const match = /^(\w+)=(.+)$/.exec(part);
    if (!match)
      throw badInput(
        `--only wants axis=value pairs separated by commas, got '${part}'.`,
        `Axes: ${axes}; e.g. --only node=24,mode=next-start.`,
      );
    const [, axis, value] = match;
    if (!Object.hasOwn(FILTER_AXES, axis)) throw badInput(`--only: unknown axis '${axis}'.`, `Axes: ${axes}.`);
    // lbfix=all: every LB-side fix, each beside its LB unfixed.
    if (axis === 'lbfix' && value === ALL_LB_FIXES) {
      (filter.lbfix ??= []).push(...LB_FIX_NAMES.filter((n) => n !== NO_LB_FIX));
      continue;
    }
    const allowed: readonly string[] = FILTER_AXES[axis as FilterAxis].values;
    if (!allowed.includes(value)) {
      const hint =
        axis === 'lb'
          ? 'The lab runs the LBs it can verify here; Envoy and Traefik have no Debian package yet.'
          : 'See npm run lab -- --help.';
      const values = axis === 'lbfix' ? [...allowed, ALL_LB_FIXES] : allowed;
      throw badInput(`--only: ${axis} must be one of ${values.join(', ')}, got '${value}'.`, hint);
    }
    (filter[axis as FilterAxis] ??= []).push(value);
  }
  return filter;
}

export function matchesFilter(cell: AppCell, filter: MatrixFilter): boolean {
  return (Object.keys(FILTER_AXES) as FilterAxis[]).every((axis) => {
    const wanted = filter[axis];
    return wanted === undefined || wanted.includes(FILTER_AXES[axis].of(cell));
  });
}

/**
 * The default matrix narrowed by a filter; an empty result is a user mistake, said as one. A filter on lbfix
 * narrows the LB-side fixes' cells instead (LB_FIX_MATRIX): each fix named, with its LB's baseline beside it.
 */
export function selectCells(filter: MatrixFilter, from: readonly AppCell[] = DEFAULT_MATRIX): AppCell[] {
  const cells = filter.lbfix === undefined ? from.filter((c) => matchesFilter(c, filter)) : lbFixCells(filter);
  if (cells.length === 0 && filter.lbfix !== undefined) {
    const byLb = LB_NAMES.map((lb) => `${lb}: ${lbFixesFor(lb).join(', ')}`).join('; ');
    throw badInput(
      `No LB-side fix matches --only ${filterText(filter)}.`,
      `Each fix is one LB's, in front of Node ${DEFAULT_NODE_LINE} standalone with Node's defaults (lb, node, mode and fix narrow them only so): ${byLb}.`,
    );
  }
  if (cells.length === 0) {
    throw badInput(
      'No cell of the default matrix matches --only.',
      `Ask for any cell by name instead, e.g. --scenario ${appCellName({ lb: 'haproxy', nodeLine: '22', serverMode: 'custom', fix: 'too-short' })}; the names are listed by --list-scenarios.`,
    );
  }
  return cells;
}

/** A filter as --only takes it: 'lbfix=keepalive-4s,lb=nginx'. */
function filterText(filter: MatrixFilter): string {
  return Object.entries(filter)
    .flatMap(([axis, values]) => (values ?? []).map((v) => `${axis}=${v}`))
    .join(',');
}

/** The LB-side fixes' cells a filter names, each LB's baseline (lbfix=none) beside its fixes. */
function lbFixCells(filter: MatrixFilter): AppCell[] {
  const wanted = filter.lbfix ?? [];
  const others = { ...filter, lbfix: undefined };
  const fixed = LB_FIX_MATRIX.filter((c) => c.lbFix !== undefined && wanted.includes(c.lbFix));
  const baselineLbs = new Set([...fixed.map((c) => c.lb), ...(wanted.includes(NO_LB_FIX) ? LB_NAMES : [])]);
  return LB_FIX_MATRIX.filter(
    (c) => matchesFilter(c, others) && (c.lbFix === undefined ? baselineLbs.has(c.lb) : wanted.includes(c.lbFix)),
  );
}

/** Cells by name (--scenario a,b); an unknown name gets the nearest suggestions. */
export function cellsByName(names: readonly string[]): AppCell[] {
  const cells: AppCell[] = [];
  for (const name of names) {
    const cell = ALL_APP_CELLS.find((c) => appCellName(c) === name);
    if (!cell) {
      const near = ALL_APP_CELLS.map(appCellName)
        .filter((n) => n.split('-')[0] === name.split('-')[0])
        .slice(0, 3);
      throw badInput(
        `--scenario: no cell named '${name}'.`,
        `Names look like ${near.length > 0 ? near.join(', ') : appCellName(DEFAULT_MATRIX[0])}; --list-scenarios lists them all.`,
      );
    }
    if (cells.includes(cell)) throw badInput(`--scenario names ${name} twice.`, 'Name each cell once.');
    cells.push(cell);
  }
  return cells;
}

/** A matrix run's scenario: one app service per cell, each on its own LB port (of its LB) and app port. */
export function matrixScenario(
  cells: readonly AppCell[],
  retryPolicy: RetryPolicy = DEFAULT_RETRY_POLICY,
  lb: LbTimings = LB,
  haproxyReuse: HaproxyReuse = DEFAULT_HAPROXY_REUSE,
): Scenario {
  if (cells.length > MAX_VARIANTS)
    throw badInput(
      `A run holds at most ${MAX_VARIANTS} apps; ${cells.length} were asked for.`,
      'Narrow it with --only.',
    );
  return {
    retryPolicy,
    haproxyReuse,
    lb,
    kind: 'matrix',
    // Every app gets the long lane's pools: which apps run there is known only once the probe has measured them.
    variants: cells.map((c, i) => withLongPools(makeVariant(appCellName(c), i, c, lb))),
  };
}
