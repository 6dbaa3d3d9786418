/** dist/berthrc.js (esbuild.mjs), which targets.ts requires on first use: the core's one .berthrc.yaml reader. */
export { readBerthrc } from '../../../server/src/core/config/berthrc';
export { formatProblem } from '../../../server/src/core/config/problems';
