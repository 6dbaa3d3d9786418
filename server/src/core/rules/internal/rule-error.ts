import { defineFrontEndRule } from '../defineRule';

/** Reported by the rule engine (rules/engine.ts) in place of a rule that threw; the other rules still run. */
export default defineFrontEndRule({
  id: 'internal/rule-error',
  severity: 'info',
  docs: { summary: 'Report a rule that failed on a file (a bug in Berth)' },
  messages: {
    ruleCrashed: "Berth's rule {rule} failed on this file ({error}). Other rules still ran. This is a bug in Berth; please report it.",
  },
});
