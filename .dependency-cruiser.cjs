// The harness's layers, lowest first (docs/architecture.md draws them). A file
// may import its own folder and the folders below it, never one above: each
// layer gets one rule, named for it, that forbids the folders above.
// `npm run deps` checks every import; CI runs it.
const LAYERS = [
  ['model'],
  ['scenarios'],
  ['records'],
  ['lb'],
  ['runtime'],
  ['traffic'],
  ['analysis'],
  ['results'],
  ['report'],
  // Side by side: neither may import the other (a rule below says so).
  ['live', 'compare'],
  ['lab'],
  ['bench'],
  ['docs'],
  ['cli'],
];

const folder = (name) => `^harness/${name}/`;
const anyOf = (names) => `^harness/(${names.join('|')})/`;

const layerRules = LAYERS.flatMap((layer, i) => {
  const above = LAYERS.slice(i + 1).flat();
  return above.length === 0
    ? []
    : layer.map((name) => ({
        name: `${name}-not-above`,
        comment: `harness/${name}/ is below ${above.join(', ')}: it may not import them (docs/architecture.md).`,
        severity: 'error',
        from: { path: folder(name) },
        to: { path: anyOf(above) },
      }));
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'live-compare-side-by-side',
      comment: 'live/ and compare/ are one layer, side by side: neither imports the other.',
      severity: 'error',
      from: { path: anyOf(['live', 'compare']) },
      to: { path: anyOf(['live', 'compare']), pathNot: '^harness/$1/' },
    },
    {
      name: 'harness-folders-are-layers',
      comment:
        'Every harness folder is a layer of the order above (docs/architecture.md): a new one gets its place first.',
      severity: 'error',
      from: { path: `^harness/(?!(${LAYERS.flat().join('|')})/)[^/]+/` },
      to: {},
    },
    {
      name: 'harness-in-layers',
      comment: 'Every harness file sits in a layer folder (no loose files in harness/).',
      severity: 'error',
      from: { path: '^harness/[^/]+\\.ts$' },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'No import cycle between files.',
      severity: 'error',
      from: { path: '^harness/' },
      to: { circular: true },
    },
    {
      name: 'harness-not-tests',
      comment: 'The harness never imports a test or its helpers.',
      severity: 'error',
      from: { path: '^harness/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.cjs', '.json'] },
  },
};
