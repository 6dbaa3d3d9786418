import type { Parser } from 'web-tree-sitter';

/**
 * The tree-sitter parser for Terraform's HCL. Loading its WASM is I/O, so an edge (the CLI, the server, a test
 * helper) loads it once, the first time a `.tf` file is seen, and hands it over here; the core only parses.
 */
let parser: Parser | undefined;

export function useHclParser(loaded: Parser): void {
  parser = loaded;
}

export function hclParser(): Parser | undefined {
  return parser;
}
