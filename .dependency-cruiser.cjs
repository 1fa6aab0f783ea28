/**
 * The layers, checked by `npm run lint:deps` (dependency-cruiser):
 *   app/  →  lib/<domain>/  →  lib/universal/ (the shared vocabulary, also bundled for the browser)
 * A rule broken here is a layer crossed: move the shared piece down, never the check.
 * Which folder uses which:  npx depcruise lib -T text --collapse '^(lib/[^/]+|node_modules/[^/]+)'
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'lib-not-to-app',
      comment: 'lib/ is what app/ builds on; an import the other way makes the layers a loop.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^app/' },
    },
    {
      name: 'no-folder-cycles-in-lib',
      comment:
        'Folders of lib/ form an order: a domain may use a lower one, never one that uses it back. ' +
        'Move the shared piece to a lower folder (lib/universal/ for words both sides need).',
      // Every folder is a node here (lib/requests and lib/requests/staff are two; a folder counts what
      // its subfolders import). A loop through a subfolder is caught as long as the subfolder imports
      // its parent folder, as each one in lib/ does.
      severity: 'error',
      scope: 'folder',
      from: { path: '^lib/' },
      to: { path: '^lib/', circular: true },
    },
    {
      name: 'no-file-cycles',
      comment: 'Two files that import each other load in an order that depends on who came first.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'deadlines-pure',
      comment: 'The deadline engine is pure arithmetic over rules: no database, no React, no Next.js.',
      severity: 'error',
      from: { path: '^lib/deadlines/' },
      to: {
        path: [
          '^lib/db[.]ts$',
          '^lib/db/',
          '^lib/generated/prisma/',
          '^node_modules/(@prisma|pg|react|react-dom|next|next-auth)/',
        ],
      },
    },
    {
      name: 'deadlines-only-on-universal',
      comment: 'Below lib/deadlines/ there is only lib/universal/: the engine never reaches into a domain.',
      severity: 'error',
      from: { path: '^lib/deadlines/' },
      to: { path: '^lib/', pathNot: '^lib/(deadlines|universal)/' },
    },
    {
      name: 'universal-is-the-bottom',
      comment: 'lib/universal/ is the bottom, and runs in the browser island too: nothing from lib/ or app/.',
      severity: 'error',
      from: { path: '^lib/universal/' },
      to: { path: '^(lib|app)/', pathNot: '^lib/universal/' },
    },
    {
      name: 'universal-without-node',
      comment: 'lib/universal/ runs in the browser island too: no Node.js built-ins.',
      severity: 'error',
      from: { path: '^lib/universal/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'worker-wiring-on-top',
      comment: 'lib/worker/ wires every domain to its jobs: nothing in lib/ may import it back.',
      severity: 'error',
      from: { path: '^lib/', pathNot: '^lib/worker/' },
      to: { path: '^lib/worker/' },
    },
    {
      name: 'next-auth-only-in-lib-auth',
      comment: 'lib/auth/ is the session side (next-auth); domain code checks roles with lib/permissions/.',
      severity: 'error',
      from: { path: '^lib/', pathNot: '^lib/auth/' },
      to: { path: '^node_modules/next-auth/' },
    },
    {
      name: 'session-only-for-app',
      comment: 'Domain code gets the staff member as an argument and checks it with lib/permissions/authorize.ts.',
      severity: 'error',
      from: { path: '^lib/', pathNot: '^lib/(auth|http)/' },
      to: { path: '^lib/auth/' },
    },
  ],
  options: {
    // Only lib/ is cruised and followed (app/ and emails/ appear as the targets of an import): the swc
    // parser dependency-cruiser falls back to beside TypeScript 7 reads no JSX, and they sit above lib/.
    doNotFollow: { path: ['^node_modules/', '^lib/generated/', '^app/', '^emails/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    parser: 'swc',
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
    // Folder-scoped rules need the folder metrics.
    metrics: true,
  },
};
