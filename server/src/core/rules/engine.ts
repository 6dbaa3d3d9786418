import type { DocumentKind } from '../kinds/detect';
import type { DocumentModel } from '../model/document';
import type { ParseProblem, Span } from '../parse/tree';
import type { LineIndex } from '../text/lineIndex';
import type { WorkspaceView } from '../workspace/index';
import { docsUrlFor, formatMessage } from './defineRule';
import type { Finding, RelatedLocation, Rule, RuleSetting, Severity, Target } from './types';

export const INTERNAL_ERROR_ID = 'internal/rule-error';

/**
 * Findings that the front ends make themselves, about files they could not hand to the core
 * (documented beside the rules, configurable like them).
 */
export const FRONT_END_FINDING_IDS: ReadonlySet<string> = new Set(['parse/unreadable-file', 'internal/cli-error']);

export interface RunInput {
  readonly uri: string;
  readonly text: string;
  readonly kind: DocumentKind;
  readonly model: DocumentModel;
  readonly lines: LineIndex;
  readonly parseProblems: readonly ParseProblem[];
  readonly workspace: WorkspaceView;
  readonly now: Date;
}

/** The severity a rule runs at under the user's settings, or 'off'. */
export function effectiveSetting(rule: Rule, settings: Readonly<Record<string, RuleSetting>> | undefined): RuleSetting {
  const configured = settings?.[rule.id];
  if (configured) return configured;
  return rule.docs.enabledByDefault === false ? 'off' : rule.severity;
}

/** Runs each applicable rule in isolation: a rule that throws becomes one internal-error finding. */
export function runRules(rules: readonly Rule[], input: RunInput, settings?: Readonly<Record<string, RuleSetting>>): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.kinds.includes(input.kind)) continue;
    const setting = effectiveSetting(rule, settings);
    if (setting === 'off') continue;
    const configured = settings?.[rule.id] !== undefined;
    try {
      rule.check({
        ...input,
        report: (report) => {
          const severity: Severity = configured ? (setting as Severity) : (report.severity ?? (setting as Severity));
          const template = rule.messages[report.messageId];
          findings.push({
            ruleId: rule.id,
            messageId: report.messageId,
            severity,
            message: formatMessage(template, report.data),
            span: spanOf(report.at),
            docsUrl: rule.docsUrl,
            concept: rule.docs.concept,
            fix: report.fix,
            related: (report.related ?? []).map(
              (r): RelatedLocation => (r.uri ? { uri: r.uri, span: spanOf(r.at), message: r.message } : { span: spanOf(r.at), message: r.message }),
            ),
          });
        },
      });
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      findings.push({
        ruleId: INTERNAL_ERROR_ID,
        messageId: 'ruleCrashed',
        severity: 'info',
        message: `Berth's rule ${rule.id} failed on this file (${err.message}). Other rules still ran. This is a bug in Berth; please report it.`,
        span: { start: 0, end: Math.min(input.text.length, firstLineEnd(input.text)) },
        docsUrl: docsUrlFor(INTERNAL_ERROR_ID),
        related: [],
        internalError: `${rule.id}: ${err.stack ?? err.message}`,
      });
    }
  }
  return findings;
}

export function spanOf(target: Target): Span {
  if ('known' in target) return target.node.span;
  if ('kind' in target) return target.kind === 'pair' ? target.keySpan : target.span;
  return target;
}

function firstLineEnd(text: string): number {
  const nl = text.search(/\r?\n/);
  return nl === -1 ? text.length : nl;
}

/**
 * `# berth-ignore <rule-id> [<rule-id> …]` on the line before a finding suppresses it (YAML and Dockerfiles).
 * JSON has no comments; JSON files use the config file instead.
 */
export function applySuppressions(findings: Finding[], text: string, lines: LineIndex): Finding[] {
  if (!text.includes('berth-ignore')) return findings;
  const suppressed = new Map<number, Set<string>>();
  const pattern = /^[ \t]*#[ \t]*berth-ignore[ \t]+([^\r\n]+)/gm;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const line = lines.positionAt(match.index).line;
    const ids = match[1]!.split(/[\s,]+/).filter(Boolean);
    suppressed.set(line + 1, new Set(ids));
  }
  return findings.filter((f) => {
    const ids = suppressed.get(lines.positionAt(f.span.start).line);
    return !(ids && (ids.has(f.ruleId) || ids.has('*')));
  });
}
