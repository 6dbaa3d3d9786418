/**
 * Loads tree-sitter and its Terraform grammar (two WASM files) once, the first time a `.tf` file is seen, and hands
 * the parser to the core. A session that never opens Terraform never loads either. The bundles carry the WASM
 * files beside them in dist/ (esbuild.mjs copies them); from source they come from node_modules.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Parser } from 'web-tree-sitter';
import { formatOf } from '../core/kinds/detect';
import { hclParser, useHclParser } from '../core/parse/hclParser';

export const HCL_WASM_FILES = {
  runtime: { file: 'web-tree-sitter.wasm', module: 'web-tree-sitter/web-tree-sitter.wasm' },
  grammar: { file: 'tree-sitter-terraform.wasm', module: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm' },
} as const;

let loading: Promise<Parser> | undefined;
let failed = false;

/** Where the grammar is: never asked for, loading, loaded, or failed to load (the last error is kept until a retry). */
export function hclGrammarState(): 'not-loaded' | 'loading' | 'loaded' | 'failed' {
  return hclParser() ? 'loaded' : loading ? 'loading' : failed ? 'failed' : 'not-loaded';
}

/** The HCL parser, loaded on the first call; later calls share it. */
export function loadHclParser(): Promise<Parser> {
  const ready = hclParser();
  if (ready) return Promise.resolve(ready);
  loading ??= load().then(
    (parser) => {
      failed = false;
      return parser;
    },
    (error: unknown) => {
      loading = undefined;
      failed = true;
      throw error;
    },
  );
  return loading;
}

/** Loads the parser when one of these files is written in HCL (`.tf`, `.tofu`, `.tfvars`); otherwise does nothing. */
export async function loadHclParserFor(paths: Iterable<string>): Promise<void> {
  for (const path of paths) {
    if (formatOf(path) === 'hcl') {
      await loadHclParser();
      return;
    }
  }
}

async function load(): Promise<Parser> {
  // Required here, not imported at the top: a JSON/YAML session never evaluates tree-sitter's JS.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const treeSitter = require('web-tree-sitter') as typeof import('web-tree-sitter');
  await treeSitter.Parser.init({ wasmBinary: readWasm(HCL_WASM_FILES.runtime) });
  const language = await treeSitter.Language.load(readWasm(HCL_WASM_FILES.grammar));
  const parser = new treeSitter.Parser();
  parser.setLanguage(language);
  useHclParser(parser);
  return parser;
}

function readWasm(wasm: { file: string; module: string }): Uint8Array {
  const bundled = path.join(__dirname, wasm.file);
  return readFileSync(existsSync(bundled) ? bundled : require.resolve(wasm.module));
}
