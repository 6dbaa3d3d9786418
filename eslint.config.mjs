// typescript-eslint flat config. The architecture's invariants are lint rules (see ARCHITECTURE.md):
// the core does no I/O and knows no LSP; only server/src/lsp knows LSP; only client/ imports `vscode`;
// the AWS SDK, the deploy engine and the MCP SDK are loaded lazily, never imported statically outside server/src/deploy and server/src/mcp.
import tseslint from 'typescript-eslint';

const p = (group, message) => ({ group, message, allowTypeImports: true });
const VSCODE = p(['vscode'], 'Only client/ imports the vscode API.');
const LSP = p(['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-*'], 'Only server/src/lsp knows LSP.');
const FS = p(['node:fs', 'fs', 'fs/*', 'node:fs/*'], 'server/src/core does no I/O: read files at the edge (CLI, server) and pass text in.');
const PROC = p(['node:child_process', 'child_process'], 'server/src/core does no I/O: no processes.');
const NET = p(['node:net', 'net', 'node:http', 'http', 'node:https', 'https'], 'server/src/core does no I/O: no network.');
const AWS = p(['@aws-sdk/*'], 'Only server/src/deploy uses the AWS SDK; it is loaded on the first deploy.');
const MCP = p(['@modelcontextprotocol/*', 'zod', 'zod/*', '**/mcp/main', '**/mcp/server'], 'Only server/src/mcp uses the MCP SDK; `berth mcp` requires dist/mcp.js on that command only.');
const DEPLOY = p(['**/deploy/engine', '**/deploy/aws', '**/deploy/runner', '**/deploy/main'], 'Load the deploy engine lazily (require dist/deploy.js), never statically.');

const restrict = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

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
  { files: ['server/src/core/**/*.ts'], rules: restrict(VSCODE, LSP, FS, PROC, NET, AWS, DEPLOY, MCP) },
  { files: ['server/src/lsp/**/*.ts'], rules: restrict(VSCODE, AWS, DEPLOY, MCP) },
  { files: ['server/src/cli/**/*.ts', 'server/src/node/**/*.ts', 'server/src/io/**/*.ts'], rules: restrict(VSCODE, LSP, AWS, DEPLOY, MCP) },
  { files: ['server/src/deploy/**/*.ts'], rules: restrict(VSCODE, LSP, MCP) },
  { files: ['server/src/mcp/**/*.ts'], rules: restrict(VSCODE, LSP, AWS, DEPLOY) },
  { files: ['client/src/**/*.ts'], rules: restrict(LSP, AWS, DEPLOY, MCP) },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
