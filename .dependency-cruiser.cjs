// Import rules of the monorepo (docs/architecture.md, "Layers and import rules").
// `npm run deps` checks them; scripts/test.sh runs it right after the lint step, so a broken rule
// fails the test command.
const SERVER = '^apps/server/src/';
const MODULES = `${SERVER}modules/`;

const FOREIGN_TEST = { path: '^(apps|packages)/[^/]+/test/', pathNot: '^$1/$2/test/' };

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-module-cycles',
      comment:
        'Server modules (apps/server/src/modules/<name>/) form no cycle: if A imports B, nothing in B imports A, directly or ' +
        'through other modules. Checked on folders, so a pair of modules is caught even when no single file cycles.',
      severity: 'error',
      scope: 'folder',
      from: { path: `${MODULES}[^/]+` },
      to: { path: `${MODULES}[^/]+`, circular: true },
    },
    {
      name: 'no-circular',
      comment: 'No file-level import cycle anywhere (apps, packages, e2e).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'tables-are-ground',
      comment: 'Drizzle tables (src/db/tables/) are the ground layer: they import only other tables and libraries.',
      severity: 'error',
      from: { path: `${SERVER}db/tables/` },
      to: { path: `^apps/`, pathNot: `${SERVER}db/tables/` },
    },
    {
      name: 'infrastructure-below-modules',
      comment:
        'The server infrastructure (db/, http/, mail/, config/, jobs/, media-tools/) sits below the domain modules and ' +
        'the composition root (app.ts, main.ts, cli.ts, platform.ts, media-node-process.ts): it never imports them.',
      severity: 'error',
      from: { path: `${SERVER}(db|http|mail|config|jobs|media-tools)/` },
      to: { path: `${SERVER}(modules/|app\\.ts|main\\.ts|cli\\.ts|platform\\.ts|media-node-process\\.ts)` },
    },
    {
      name: 'modules-below-composition-root',
      comment: 'Domain modules never import the composition root (app.ts, main.ts, cli.ts, platform.ts, media-node-process.ts).',
      severity: 'error',
      from: { path: MODULES },
      to: { path: `${SERVER}(app\\.ts|main\\.ts|cli\\.ts|platform\\.ts|media-node-process\\.ts)` },
    },
    {
      name: 'packages-never-import-apps',
      comment:
        'Shared packages (packages/*) never import an app (apps/*) or the e2e suite. The one exception is packages/testkit, ' +
        'the test-only workspace that builds the real server for tests and benchmarks (rule testkit-only-in-tests keeps it out of production code).',
      severity: 'error',
      from: { path: '^packages/', pathNot: '^packages/testkit/' },
      to: { path: '^(apps|e2e)/' },
    },
    {
      name: 'testkit-only-in-tests',
      comment: 'Production code (apps/*/src, packages/* but the testkit) never imports the testkit; tests, e2e and bench may.',
      severity: 'error',
      from: { path: '^(apps/[^/]+/src|packages/(?!testkit/)[^/]+/src)/', pathNot: '\\.(test|fuzz\\.test)\\.tsx?$' },
      to: { path: '^packages/testkit/' },
    },
    {
      name: 'no-foreign-test-imports',
      comment: "A workspace never imports another workspace's test/ folder (test helpers that are shared belong in a package).",
      severity: 'error',
      from: { path: '^(apps|packages)/([^/]+)/' },
      to: FOREIGN_TEST,
    },
    {
      name: 'server-never-imports-media-internals',
      comment:
        'Server code never reaches into packages/media internals: beside @vigia/contracts and @vigia/secrets it may use ' +
        "only the media package's public entry (@vigia/media → packages/media/src/index.ts), as the camera self-test does.",
      severity: 'error',
      from: { path: '^apps/server/src/' },
      to: { path: '^packages/media/', pathNot: '^packages/media/src/index\\.ts$' },
    },
    {
      name: 'media-node-never-imports-server-modules',
      comment:
        'The media node never imports server domain modules. For now it may use the server db barrel ' +
        '(apps/server/src/db/schema.ts and the tables) for table names, and the db client/gateway.',
      severity: 'error',
      from: { path: '^apps/media-node/src/' },
      to: { path: '^apps/server/src/(modules|http|mail|jobs|app\\.ts|main\\.ts|cli\\.ts|platform\\.ts)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|build|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
