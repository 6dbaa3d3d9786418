import type { DocumentKind } from '../kinds/detect';
import { conditionalResourceAt } from '../model/template';
import type { Node, Pair, Span } from '../parse/tree';
import type { LineIndex } from '../text/lineIndex';
import { formatMessage } from './defineRule';
import ruleError from './internal/rule-error';
import type { Finding, RelatedLocation, Rule, RuleOwning, RunInput, Target } from './types';
import type { RuleSetting, Severity } from '../config/severity';

/** The severity a rule runs at under the user's settings, or 'off'. */
export function effectiveSetting(rule: Rule, settings: Readonly<Record<string, RuleSetting>> | undefined): RuleSetting {
  const configured = settings?.[rule.id];
  if (configured) return configured;
  return rule.docs.enabledByDefault === false ? 'off' : rule.severity;
}

/** Whether a rule checks a kind of document: a Terraform plan gets every rule that checks Terraform. */
export function appliesTo(rule: Rule, kind: DocumentKind): boolean {
  return rule.kinds.includes(kind) || (kind === 'terraform-plan' && rule.kinds.includes('terraform'));
}

/** Runs each applicable rule in isolation: a rule that throws becomes one internal-error finding. */
export function runRules(rules: readonly Rule[], input: RunInput, settings?: Readonly<Record<string, RuleSetting>>): Finding[] {
  const findings: Finding[] = [];
  // What every rule's context shares, made once per run: a Dockerfile edit runs ~30 rules, and making these per
  // rule (the input spread, two closures) was ~10 % of the server's CPU per edit on a 10-instruction file.
  const shared = {
    ...input,
    ruleOwning: ruleOwnership(rules),
    documentOf: (target: Target) => ownerOf(input, target) ?? input.uri,
    editable: (target: Target) => (ownerOf(input, target) ?? input.uri) === input.uri && !originOf(target),
  };
  for (const rule of rules) {
    if (!appliesTo(rule, input.kind)) continue;
    const setting = effectiveSetting(rule, settings);
    if (setting === 'off') continue;
    const configured = settings?.[rule.id] !== undefined;
    try {
      rule.check({
        ...shared,
        report: (report) => {
          const owner = ownerOf(input, report.at);
          // A model that spans documents (a Terraform module): the finding belongs to the document that owns its node.
          if (owner !== undefined && owner !== input.uri) return;
          let severity: Severity = configured ? (setting as Severity) : (report.severity ?? (setting as Severity));
          const template = rule.messages[report.messageId];
          let message = formatMessage(template, report.data);
          const origin = originOf(report.at);
          const related = (report.related ?? []).map((r): RelatedLocation => {
            const uri = r.uri ?? ownerOf(input, r.at);
            return uri && uri !== input.uri ? { uri, span: spanOf(r.at), message: r.message } : { span: spanOf(r.at), message: r.message };
          });
          // A resource under a Condition exists only while the condition holds, which Berth can rarely know: the
          // template deploys as written whenever it is false, so what AWS would reject is a warning, said so.
          const conditional = severity === 'error' && input.model.template && !rule.unconditional && !report.unconditional ? conditionalResourceAt(input.model.template, spanOf(report.at)) : undefined;
          if (conditional) {
            const { resource, condition } = conditional;
            if (!configured) severity = 'warning';
            message += ` ${resource.logicalId} is created only when its condition ${condition.value} holds, which Berth cannot tell; while it does not, the template deploys as written${configured ? '' : ', so this is a warning'}.`;
            related.push({ span: condition.node.span, message: `${resource.logicalId} exists only when ${condition.value} holds` });
          }
          if (origin && !(origin.here && origin.uri === input.uri)) related.unshift({ ...(origin.uri !== input.uri ? { uri: origin.uri } : {}), span: origin.span, message: 'The value is set here' });
          findings.push({
            ruleId: rule.id,
            messageId: report.messageId,
            severity,
            message,
            span: spanOf(report.at),
            docsUrl: rule.docsUrl,
            concept: rule.docs.concept,
            // A value written elsewhere (a Terraform variable's default) is not fixed by rewriting its use.
            fix: origin ? undefined : report.fix,
            related,
            ...(conditional && !configured ? { condition: conditional.condition.value } : {}),
          });
        },
      });
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      findings.push({
        ruleId: ruleError.id,
        messageId: 'ruleCrashed',
        severity: ruleError.severity,
        message: formatMessage(ruleError.messages.ruleCrashed, { rule: rule.id, error: err.message }),
        span: { start: 0, end: Math.min(input.text.length, firstLineEnd(input.text)) },
        docsUrl: ruleError.docsUrl,
        related: [],
        internalError: `${rule.id}: ${err.stack ?? err.message}`,
      });
    }
  }
  return findings;
}

/**
 * Which of these rules owns the value at a path (rule.owns), whatever the settings: turning the owner off turns the
 * check off, it does not hand it back to the schema rules. Built on first use (only the schema rules ask).
 */
export function ruleOwnership(rules: readonly Rule[]): RuleOwning {
  let byScope: Map<string, { readonly segments: readonly string[]; readonly owner: string }[]> | undefined;
  return (scope, path) => {
    if (!byScope) {
      byScope = new Map();
      for (const rule of rules) {
        for (const owned of rule.owns ?? []) {
          const key = 'kind' in owned ? owned.kind : owned.resourceType;
          byScope.set(key, [...(byScope.get(key) ?? []), { segments: owned.path.split('.'), owner: rule.id }]);
        }
      }
    }
    const match = byScope.get(scope)?.find(({ segments }) => segments.length === path.length && segments.every((s, i) => s === '*' || s === String(path[i])));
    return match?.owner;
  };
}

/** A front-end rule's finding as its front end reports it, before it is placed in a file. */
export interface FrontEndFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly docsUrl: string;
}

/**
 * The finding a front end makes for a front-end rule (defineFrontEndRule): its message filled in, at its severity
 * under the user's settings when they are given; undefined when the settings turn the rule off.
 */
export function frontEndFinding<M extends string>(
  rule: Rule<M>,
  messageId: M,
  data: Readonly<Record<string, string | number>>,
  settings?: Readonly<Record<string, RuleSetting>>,
): FrontEndFinding | undefined {
  const setting = effectiveSetting(rule, settings);
  if (setting === 'off') return undefined;
  return { ruleId: rule.id, severity: setting, message: formatMessage(rule.messages[messageId], data), docsUrl: rule.docsUrl };
}

/** The node or pair a target stands for, when it is one. */
function targetNode(target: Target): Node | Pair | undefined {
  if ('known' in target) return target.node;
  if ('kind' in target) return target;
  return undefined;
}

function ownerOf(input: RunInput, target: Target): string | undefined {
  const node = input.model.owners && targetNode(target);
  return node ? input.model.owners!.get(node) : undefined;
}

/**
 * Where a value shown at its use is written (a Terraform variable's default, a local); `here` when it is computed
 * in place (a template of known parts), which no text edit of the use can fix either.
 */
function originOf(target: Target): { uri: string; span: Span; here: boolean } | undefined {
  const node = targetNode(target);
  const scalar = node?.kind === 'pair' ? node.value : node;
  if (scalar?.kind !== 'scalar' || !scalar.origin) return undefined;
  const { uri, span } = scalar.origin;
  return { uri, span, here: span.start === scalar.span.start && span.end === scalar.span.end };
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
