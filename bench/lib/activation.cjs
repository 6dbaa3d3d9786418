// One activation probe, in its own process: loads a bundle with a no-op `vscode` stub and, if it is an
// extension, calls activate(). Prints JSON: { loadMs, activateCallMs }. VS Code's own work is not in it.
// Usage: node bench/lib/activation.cjs <bundle.js>
const Module = require('node:module');
const path = require('node:path');

const [file] = process.argv.slice(2);

/** Any property, call or `new` gives another stub; not a thenable, so `await stub` ends at once. */
function stub() {
  return new Proxy(function () {}, {
    get(_target, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* () {};
      return stub();
    },
    apply: () => stub(),
    construct: () => stub(),
  });
}

const vscode = stub();
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

const start = process.hrtime.bigint();
const loaded = require(path.resolve(file));
const afterLoad = process.hrtime.bigint();
let activateCallMs = 0;
if (typeof loaded.activate === 'function') {
  // activate() runs synchronously up to its first await (the language client's start); that part is timed.
  loaded.activate(stub()).catch(() => undefined);
  activateCallMs = Number(process.hrtime.bigint() - afterLoad) / 1e6;
}
console.log(JSON.stringify({ loadMs: Number(afterLoad - start) / 1e6, activateCallMs }));
process.exit(0);
