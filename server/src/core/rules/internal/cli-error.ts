import { defineFrontEndRule } from '../defineRule';

/** Reported by `berth lint` itself (cli/lint.ts) when it fails on a file; the run then exits 2. */
export default defineFrontEndRule({
  id: 'internal/cli-error',
  severity: 'error',
  docs: { summary: 'Report a file on which berth lint itself failed (a bug in Berth)' },
  messages: {
    cliFailed: 'Berth failed on this file ({error}). This is a bug in Berth; please report it.',
  },
});
