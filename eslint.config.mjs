// typescript-eslint flat config. The architecture's invariants are lint rules (see ARCHITECTURE.md):
// the core does no I/O and knows no LSP; only server/src/lsp knows LSP; only client/ imports `vscode`;
// the AWS SDK, the deploy engine and the MCP SDK are loaded lazily, never imported statically outside server/src/deploy
// and server/src/mcp; dockerfile-language-service is used by one feature module only, and never through its entry
// point (which brings a Docker Hub client). `require()`, `import()` and `import('…')` types are held to the same
// rules in the core. Which core folder may import which is test/meta/layers.test.ts's business.
import tseslint from 'typescript-eslint';

const p = (group, message) => ({ group, message, allowTypeImports: true });
const VSCODE = p(['vscode'], 'Only client/ imports the vscode API.');
const LSP = p(['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-*'], 'Only server/src/lsp knows LSP.');
const FS = p(['node:fs', 'fs', 'fs/*', 'node:fs/*'], 'server/src/core does no I/O: read files at the edge (CLI, server) and pass text in.');
const PROC = p(['node:child_process', 'child_process'], 'server/src/core does no I/O: no processes.');
const NET = p(['node:net', 'net', 'node:http', 'http', 'node:https', 'https'], 'server/src/core does no I/O: no network.');
const AWS = p(['@aws-sdk/*'], 'Only server/src/deploy uses the AWS SDK; it is loaded on the first deploy.');
const MCP = p(['@modelcontextprotocol/*', 'zod', 'zod/*', '**/mcp/main', '**/mcp/server'], 'Only server/src/mcp uses the MCP SDK; `berth mcp` requires dist/mcp.js on that command only.');
const DEPLOY = p(
  ['**/deploy/engine', '**/deploy/aws', '**/deploy/runner', '**/deploy/main', '**/deploy/run', '**/deploy/steps/*', '**/deploy/history', '**/deploy/firstDeploy', '**/deploy/loadTarget'],
  'Load the deploy engine lazily (require dist/deploy.js), never statically.',
);
const DOCKERFILE_SERVICE_MODULE = 'server/src/core/features/dockerfileGeneric.ts';
const DOCKERFILE_SERVICE = { ...p(['dockerfile-language-service', 'dockerfile-language-service/*'], `Only ${DOCKERFILE_SERVICE_MODULE} uses dockerfile-language-service.`), allowTypeImports: false };
const DOCKERFILE_SERVICE_ENTRY = p(['dockerfile-language-service', '!dockerfile-language-service/*'], 'Import the pieces of dockerfile-language-service that do no I/O (lib/*): its entry point brings a Docker Hub client.');
/** The core knows no LSP, not even its types. */
const LSP_IN_CORE = { ...LSP, allowTypeImports: false };

const restrict = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

/**
 * `no-restricted-imports` sees only import declarations; these selectors hold `require('x')`, `import('x')` and
 * `typeof import('x')` to the same module lists in the core (esquery regexes: no `/` inside them).
 */
const CORE_DYNAMIC_MODULES = [
  ['^(node:)?(fs|child_process|net|http|https)($|\\W)', 'server/src/core does no I/O: read files at the edge (CLI, server) and pass text in.'],
  ['^vscode($|-languageserver)', 'The core knows neither the vscode API nor LSP.'],
  ['^@aws-sdk\\W', 'Only server/src/deploy uses the AWS SDK; it is loaded on the first deploy.'],
  ['deploy\\W(engine|aws|runner|main)$', 'Load the deploy engine lazily (require dist/deploy.js), never statically.'],
  ['^(@modelcontextprotocol\\W|zod($|\\W))|mcp\\W(main|server)$', MCP.message],
  ['^dockerfile-language-service$', DOCKERFILE_SERVICE_ENTRY.message],
];
const dynamicLoads = (modules) =>
  modules.flatMap(([regex, message]) => [
    { selector: `CallExpression[callee.name='require'][arguments.0.value=/${regex}/]`, message },
    { selector: `ImportExpression[source.value=/${regex}/]`, message },
    { selector: `TSImportType[argument.literal.value=/${regex}/]`, message },
  ]);
const DOCKERFILE_SERVICE_LOAD = ['^dockerfile-language-service', DOCKERFILE_SERVICE.message];

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'out/**', 'test/fixtures/**', 'test/e2e/workspace/**', 'test-results/**', 'bench/out/**', '**/*.d.ts', 'client/node_modules/**', 'server/node_modules/**'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      ...restrict(VSCODE, LSP_IN_CORE, FS, PROC, NET, AWS, DEPLOY, MCP, DOCKERFILE_SERVICE),
      'no-restricted-syntax': ['error', ...dynamicLoads([...CORE_DYNAMIC_MODULES, DOCKERFILE_SERVICE_LOAD])],
    },
  },
  {
    files: [DOCKERFILE_SERVICE_MODULE],
    rules: {
      ...restrict(VSCODE, LSP_IN_CORE, FS, PROC, NET, AWS, DEPLOY, MCP, DOCKERFILE_SERVICE_ENTRY),
      'no-restricted-syntax': ['error', ...dynamicLoads(CORE_DYNAMIC_MODULES)],
    },
  },
  { files: ['server/src/lsp/**/*.ts'], rules: { ...restrict(VSCODE, AWS, DEPLOY, MCP, DOCKERFILE_SERVICE), 'no-restricted-syntax': ['error', ...dynamicLoads([DOCKERFILE_SERVICE_LOAD])] } },
  {
    files: ['server/src/cli/**/*.ts', 'server/src/io/**/*.ts'],
    rules: { ...restrict(VSCODE, LSP, AWS, DEPLOY, MCP, DOCKERFILE_SERVICE), 'no-restricted-syntax': ['error', ...dynamicLoads([DOCKERFILE_SERVICE_LOAD])] },
  },
  { files: ['server/src/deploy/**/*.ts'], rules: { ...restrict(VSCODE, LSP, MCP, DOCKERFILE_SERVICE), 'no-restricted-syntax': ['error', ...dynamicLoads([DOCKERFILE_SERVICE_LOAD])] } },
  { files: ['server/src/mcp/**/*.ts'], rules: { ...restrict(VSCODE, LSP, AWS, DEPLOY, DOCKERFILE_SERVICE), 'no-restricted-syntax': ['error', ...dynamicLoads([DOCKERFILE_SERVICE_LOAD])] } },
  { files: ['server/src/action/**/*.ts'], rules: { ...restrict(VSCODE, LSP, AWS, DEPLOY, MCP, DOCKERFILE_SERVICE), 'no-restricted-syntax': ['error', ...dynamicLoads([DOCKERFILE_SERVICE_LOAD])] } },
  { files: ['client/src/**/*.ts'], rules: { ...restrict(LSP, AWS, DEPLOY, MCP, DOCKERFILE_SERVICE), 'no-restricted-syntax': ['error', ...dynamicLoads([DOCKERFILE_SERVICE_LOAD])] } },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
