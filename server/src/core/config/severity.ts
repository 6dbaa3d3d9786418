/**
 * The severity vocabulary: what a finding carries, and what a user may set a rule to (`.berthrc.yaml`
 * `rules:`, the editor's `berth.rules`, `--rule` on the command line). `error` only where AWS or the builder
 * rejects the input; `warning` works but hurts; `info` advises.
 */
export type Severity = 'error' | 'warning' | 'info';
export type RuleSetting = Severity | 'off';
