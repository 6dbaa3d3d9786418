// Builds dist/client.js, dist/server.js and dist/cli.js: CJS for Node, `vscode` external, source maps.
// `--release` minifies. Markdown (concept articles, rule docs) is bundled as text.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { tsImport } from 'tsx/esm/api';
import { generateValidators, INDEX as PRECOMPILED_VALIDATORS } from './scripts/generate-validators.mjs';

const release = process.argv.includes('--release');
const watch = process.argv.includes('--watch');

// The rule list, the rule-docs table and the concept table (git-ignored), from the files in the source tree.
const codegen = await tsImport('./scripts/codegen.ts', import.meta.url);
codegen.writeRegistries();

// The API validators, precompiled as ajv standalone code (git-ignored; rewritten only when a schema or
// ajv changes), are bundled in place of server/src/core/schema/compiled.ts, which compiles at run time.
generateValidators();
const precompiledValidators = {
  name: 'berth-precompiled-validators',
  setup(build) {
    build.onResolve({ filter: /^\.\/compiled$/ }, (args) =>
      args.importer.endsWith(path.join('core', 'schema', 'registry.ts')) && existsSync(PRECOMPILED_VALIDATORS)
        ? { path: PRECOMPILED_VALIDATORS }
        : undefined,
    );
  },
};

// web-tree-sitter's loader evaluates JavaScript that a grammar's WASM may carry (EM_ASM / EM_JS sections of a side
// module). The Terraform grammar carries none, and the server runs no code made from strings (SECURITY.md): both
// places throw instead, so a grammar that needed them would fail to load, loudly. An upgrade that moves them fails
// the build here.
const noCodeFromGrammars = {
  name: 'berth-no-code-from-grammars',
  setup(build) {
    build.onLoad({ filter: /[\\/]web-tree-sitter[\\/]web-tree-sitter\.c?js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const sites = source.split('eval(func)').length - 1;
      if (sites !== 2) throw new Error(`${args.path}: expected 2 eval(func) sites (EM_ASM, EM_JS), found ${sites}; review the loader before bundling it`);
      const refuse = '(() => { throw new Error("This grammar carries JavaScript (EM_ASM/EM_JS), which Berth does not run."); })()';
      return { contents: source.replaceAll('eval(func)', refuse), loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: release,
  logLevel: 'warning',
  loader: { '.md': 'text' },
  external: ['vscode'],
  legalComments: 'none',
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  plugins: [precompiledValidators, noCodeFromGrammars],
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js' },
  // The .berthrc.yaml reader and the `yaml` parser: required by the client when it first reads a config file.
  { entryPoints: ['client/src/deploy/configReader.ts'], outfile: 'dist/berthrc.js' },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  // `berth`: a small launcher that runs the CLI bundle with V8's code cache (server/src/cli/launch.ts).
  { entryPoints: ['server/src/cli/launch.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js' },
  // The deploy engine and the AWS SDK: required at run time by the CLI and the server on the first deploy only.
  { entryPoints: ['server/src/deploy/main.ts'], outfile: 'dist/deploy.js' },
  // The MCP server and its SDK: required by the CLI for `berth mcp` only.
  { entryPoints: ['server/src/mcp/main.ts'], outfile: 'dist/mcp.js' },
  // The GitHub Action's entry (action.yml runs it).
  { entryPoints: ['server/src/action/main.ts'], outfile: 'dist/action.js' },
];

// The walkthrough's pages ship inside dist/ (the .vsix carries only dist/, schemas/, snippets/, syntaxes/).
cpSync('client/walkthrough', 'dist/walkthrough', { recursive: true });
// tree-sitter and its Terraform grammar: read by server/src/io/hclGrammar.ts from beside the bundle.
const requireFromServer = createRequire(path.resolve('server/package.json'));
for (const wasm of ['web-tree-sitter/web-tree-sitter.wasm', '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm']) {
  cpSync(requireFromServer.resolve(wasm), path.join('dist', path.basename(wasm)));
}

if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context({ ...common, ...b });
    await ctx.watch();
  }
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
  for (const b of builds) asciiOnly(b.outfile);
}

/**
 * esbuild escapes non-ASCII characters in code but copies some comments verbatim; one such character makes
 * V8 hold the whole bundle source as UTF-16 (twice the memory). Escaping is harmless in comments.
 */
function asciiOnly(file) {
  const code = readFileSync(file, 'utf8');
  if (!/[^\x00-\x7f]/.test(code)) return;
  writeFileSync(file, code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
