// typescript-eslint flat config. The architecture's invariants are lint rules:
// the core does no I/O and knows no LSP; only client/ imports `vscode`.
import tseslint from 'typescript-eslint';

const ioAndLsp = {
  patterns: [
    { group: ['vscode', 'vscode-*'], message: 'server/src/core is a pure library: no editor or LSP imports (see ARCHITECTURE.md).' },
    { group: ['node:fs', 'fs', 'fs/*', 'node:fs/*'], message: 'server/src/core does no I/O: read files at the edge (CLI, server) and pass text in.' },
    { group: ['node:child_process', 'child_process'], message: 'server/src/core does no I/O: no processes.' },
    { group: ['node:net', 'net', 'node:http', 'http', 'node:https', 'https'], message: 'server/src/core does no I/O: no network.' },
    { group: ['@aws-sdk/*'], message: 'server/src/core never calls AWS; the deploy engine lives outside the core.' },
  ],
};

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
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/lsp/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...ioAndLsp.patterns.filter((p) => !p.group.includes('vscode')),
            { group: ['vscode'], message: 'Only client/ imports the vscode API.' },
            { group: ['vscode-languageserver', 'vscode-languageserver/*'], message: 'Only server/src/lsp knows LSP.' },
          ].filter((p) => p.group.includes('vscode') || p.group.includes('vscode-languageserver')),
        },
      ],
    },
  },
  {
    // Last, so it wins over the server-wide block above for core files.
    files: ['server/src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', ioAndLsp] },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
