// Makes `import text from './file.md'` yield the file's text as the default export
// (the test-time counterpart of esbuild's `loader: { '.md': 'text' }`).
// Usage: node --import ./scripts/md-loader.mjs --import tsx --test <files>
import { register, createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

// ESM imports: a module-customization hook.
register(
  'data:text/javascript,' +
    encodeURIComponent(`
export async function load(url, context, nextLoad) {
  if (url.endsWith('.md')) {
    const { readFileSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const text = readFileSync(fileURLToPath(url), 'utf8');
    return { format: 'module', shortCircuit: true, source: 'export default ' + JSON.stringify(text) + ';' };
  }
  return nextLoad(url, context);
}
`),
);

// CommonJS require (tsx compiles .ts files in non-"type: module" packages to CJS).
const require = createRequire(import.meta.url);
const Module = require('node:module');
Module._extensions['.md'] = (module, filename) => {
  module.exports = { __esModule: true, default: readFileSync(filename, 'utf8') };
};
