/**
 * The walk behind the reference graph: every Ref, GetAtt, Sub `${…}`, DependsOn and Condition reference in a
 * template's resources, outputs, conditions and SAM Globals, each with the span of the name it uses, and whether the
 * template is closed (no macro or pre-processor that may add resources).
 */
import type { IntrinsicNode, Node, ScalarNode, Span } from '../parse/tree';
import { asArray } from '../parse/tree';
import type { Template } from '../model/template';
import { SAM_TRANSFORM } from '../model/template';
import { isPseudoParameter, type UnclassifiedReference } from './referenceTargets';
import type { Reference, SourceSection } from './referenceTypes';

/** rain (aws-cloudformation/rain) directives, as a YAML tag or a key. */
const PREPROCESSOR_DIRECTIVE = /(?:!|["'\s{]|^)Rain::[A-Z]/m;

/**
 * The references of a template, classified as they are found. `text` (the document) lets references inside Sub
 * strings get their exact spans; without it they get the span of the whole string.
 */
export function walkReferences(template: Template, text: string | undefined, classify: (ref: UnclassifiedReference) => Reference, sam: boolean): { references: Reference[]; closed: boolean } {
  const references: Reference[] = [];
  const state: State = { text, classify, references, closed: true };

  for (const resource of template.resources) {
    const body = resource.node;
    if (!body) continue;
    const serverless = !!resource.type?.known && resource.type.value.startsWith('AWS::Serverless::');
    for (const pair of body.pairs) {
      if (pair.key === 'Type') continue;
      if (pair.key === 'DependsOn') {
        const items = asArray(pair.value)?.items ?? [pair.value];
        for (const item of items) {
          if (item.kind === 'scalar' && typeof item.value === 'string') {
            push(state, { kind: 'DependsOn', section: 'Resources', from: resource.logicalId, target: item.value, span: nameSpan(item, text), node: item, conditional: false, samExpanded: false });
          }
        }
        continue;
      }
      if (pair.key === 'Condition') {
        if (pair.value.kind === 'scalar' && typeof pair.value.value === 'string') {
          push(state, { kind: 'Condition', section: 'Resources', from: resource.logicalId, target: pair.value.value, span: nameSpan(pair.value, text), node: pair.value, conditional: false, samExpanded: false });
        }
        continue;
      }
      const samExpanded = serverless || (sam && pair.key === 'Connectors');
      visit(state, pair.value, { section: 'Resources', from: resource.logicalId, conditional: false, inConditions: false, locals: EMPTY, samExpanded });
    }
  }
  for (const [id, pair] of template.outputs) {
    const body = pair.value;
    if (body.kind === 'object') {
      for (const p of body.pairs) {
        if (p.key === 'Condition' && p.value.kind === 'scalar' && typeof p.value.value === 'string') {
          push(state, { kind: 'Condition', section: 'Outputs', from: id, target: p.value.value, span: nameSpan(p.value, text), node: p.value, conditional: false, samExpanded: false });
        } else {
          visit(state, p.value, { section: 'Outputs', from: id, conditional: false, inConditions: false, locals: EMPTY, samExpanded: false });
        }
      }
    }
  }
  for (const [id, pair] of template.conditions) {
    visit(state, pair.value, { section: 'Conditions', from: id, conditional: false, inConditions: true, locals: EMPTY, samExpanded: false });
  }
  for (const pair of template.globals?.pairs ?? []) {
    visit(state, pair.value, { section: 'Globals', from: pair.key, conditional: false, inConditions: false, locals: EMPTY, samExpanded: false });
  }

  if (template.transforms.some((t) => t !== SAM_TRANSFORM)) state.closed = false;
  // A template for a pre-processor (rain's `!Rain::Module`, `Rain::Embed`, …) is not CloudFormation yet: the
  // tool adds resources and replaces values before CloudFormation sees it.
  if (text !== undefined && PREPROCESSOR_DIRECTIVE.test(text)) state.closed = false;
  return { references, closed: state.closed };
}

interface State {
  readonly text: string | undefined;
  readonly classify: (ref: UnclassifiedReference) => Reference;
  readonly references: Reference[];
  closed: boolean;
}

interface Scope {
  readonly section: SourceSection;
  readonly from: string;
  readonly conditional: boolean;
  readonly inConditions: boolean;
  /** Fn::Sub variable names, which shadow template names. */
  readonly locals: ReadonlySet<string>;
  readonly samExpanded: boolean;
}

const EMPTY: ReadonlySet<string> = new Set();

function push(state: State, ref: UnclassifiedReference): void {
  state.references.push(state.classify(ref));
}

function visit(state: State, node: Node, scope: Scope): void {
  switch (node.kind) {
    case 'scalar':
      return;
    case 'array':
      for (const item of node.items) visit(state, item, scope);
      return;
    case 'object':
      // `{ Condition: Name }` inside the Conditions section (Fn::And/Or/Not operands) names a condition.
      if (scope.inConditions && node.pairs.length === 1 && node.pairs[0]!.key === 'Condition') {
        const value = node.pairs[0]!.value;
        if (value.kind === 'scalar' && typeof value.value === 'string') {
          push(state, { kind: 'Condition', section: scope.section, from: scope.from, target: value.value, span: nameSpan(value, state.text), node: value, conditional: scope.conditional, samExpanded: scope.samExpanded });
          return;
        }
      }
      for (const pair of node.pairs) {
        if (pair.key === 'Fn::ForEach' || pair.key.startsWith('Fn::ForEach::')) state.closed = false;
        visit(state, pair.value, scope);
      }
      return;
    case 'intrinsic':
      visitIntrinsic(state, node, scope);
  }
}

function visitIntrinsic(state: State, node: IntrinsicNode, scope: Scope): void {
  const arg = node.argument;
  switch (node.name) {
    case 'Ref': {
      if (arg.kind === 'scalar' && typeof arg.value === 'string') {
        if (scope.locals.has(arg.value)) return;
        push(state, { kind: 'Ref', section: scope.section, from: scope.from, target: arg.value, span: nameSpan(arg, state.text), node, conditional: scope.conditional, samExpanded: scope.samExpanded });
      } else {
        visit(state, arg, scope);
      }
      return;
    }
    case 'Condition': {
      if (arg.kind === 'scalar' && typeof arg.value === 'string') {
        push(state, { kind: 'Condition', section: scope.section, from: scope.from, target: arg.value, span: nameSpan(arg, state.text), node: arg, conditional: scope.conditional, samExpanded: scope.samExpanded });
      }
      return;
    }
    case 'Fn::GetAtt': {
      if (arg.kind === 'scalar' && typeof arg.value === 'string') {
        const dot = arg.value.indexOf('.');
        const target = dot === -1 ? arg.value : arg.value.slice(0, dot);
        const attribute = dot === -1 ? undefined : arg.value.slice(dot + 1);
        const full = nameSpan(arg, state.text);
        const span = { start: full.start, end: Math.min(full.end, full.start + target.length) };
        const attributeSpan = attribute !== undefined ? { start: span.end + 1, end: Math.min(full.end, span.end + 1 + attribute.length) } : undefined;
        push(state, { kind: 'GetAtt', section: scope.section, from: scope.from, target, attribute, span, attributeSpan, node, conditional: scope.conditional, samExpanded: scope.samExpanded });
        return;
      }
      const items = asArray(arg)?.items ?? [];
      const [first, second] = items;
      if (first?.kind === 'scalar' && typeof first.value === 'string') {
        const attribute = second?.kind === 'scalar' && typeof second.value === 'string' ? second.value : undefined;
        push(state, {
          kind: 'GetAtt',
          section: scope.section,
          from: scope.from,
          target: first.value,
          attribute,
          span: nameSpan(first, state.text),
          attributeSpan: attribute !== undefined && second ? nameSpan(second, state.text) : undefined,
          node,
          conditional: scope.conditional,
          samExpanded: scope.samExpanded,
        });
      }
      for (const item of items.slice(1)) if (item.kind !== 'scalar') visit(state, item, scope);
      return;
    }
    case 'Fn::Sub': {
      let template: Node | undefined = arg;
      let locals = scope.locals;
      const items = asArray(arg)?.items;
      if (items) {
        template = items[0];
        const vars = items[1];
        if (vars?.kind === 'object') {
          locals = new Set([...scope.locals, ...vars.pairs.map((p) => p.key)]);
          for (const p of vars.pairs) visit(state, p.value, scope);
        } else if (vars) {
          visit(state, vars, scope);
        }
      }
      if (template?.kind === 'scalar' && typeof template.value === 'string') {
        for (const variable of subVariables(template, state.text)) {
          if (locals.has(variable.name)) continue;
          const dot = variable.name.indexOf('.');
          const isPseudo = isPseudoParameter(variable.name);
          const target = dot === -1 || isPseudo ? variable.name : variable.name.slice(0, dot);
          const attribute = dot === -1 || isPseudo ? undefined : variable.name.slice(dot + 1);
          const span = variable.exact ? { start: variable.span.start, end: variable.span.start + target.length } : variable.span;
          const attributeSpan = attribute !== undefined && variable.exact ? { start: span.end + 1, end: variable.span.end } : undefined;
          push(state, { kind: 'Sub', section: scope.section, from: scope.from, target, attribute, span, attributeSpan, node, conditional: scope.conditional, samExpanded: scope.samExpanded });
        }
      } else if (template) {
        visit(state, template, scope);
      }
      return;
    }
    case 'Fn::If': {
      const items = asArray(arg)?.items ?? [];
      const [cond, ...branches] = items;
      if (cond?.kind === 'scalar' && typeof cond.value === 'string') {
        push(state, { kind: 'Condition', section: scope.section, from: scope.from, target: cond.value, span: nameSpan(cond, state.text), node: cond, conditional: scope.conditional, samExpanded: scope.samExpanded });
      }
      for (const branch of branches) visit(state, branch, { ...scope, conditional: true });
      return;
    }
    case 'Fn::ForEach':
    case 'Fn::Transform':
      state.closed = false;
      visit(state, arg, scope);
      return;
    default:
      visit(state, arg, scope);
  }
}

/** The span of a scalar's text without its quotes. */
export function nameSpan(node: ScalarNode | Node, text: string | undefined): Span {
  if (!text) return node.span;
  const raw = text.slice(node.span.start, node.span.end);
  if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0]) {
    return { start: node.span.start + 1, end: node.span.end - 1 };
  }
  return node.span;
}

export interface SubVariable {
  readonly name: string;
  readonly span: Span;
  /** False when the span is the whole string (the raw text could not be matched to the value). */
  readonly exact: boolean;
}

const SUB_VAR = /\$\{([^}]*)\}/g;

/** The `${Name}` variables of a Sub string, `${!Literal}` skipped, with their spans inside the source. */
export function subVariables(node: ScalarNode, text: string | undefined): SubVariable[] {
  const value = String(node.value ?? '');
  const names = [...value.matchAll(SUB_VAR)].map((m) => m[1]!).filter((n) => !n.startsWith('!')).map((n) => n.trim());
  if (names.length === 0) return [];
  if (text) {
    const raw = text.slice(node.span.start, node.span.end);
    const found = [...raw.matchAll(SUB_VAR)].filter((m) => !m[1]!.startsWith('!'));
    if (found.length === names.length && found.every((m, i) => m[1]!.trim() === names[i])) {
      return found.map((m) => {
        const lead = m[1]!.length - m[1]!.trimStart().length;
        const start = node.span.start + m.index! + 2 + lead;
        return { name: m[1]!.trim(), span: { start, end: start + m[1]!.trim().length }, exact: true };
      });
    }
  }
  return names.map((name) => ({ name, span: node.span, exact: false }));
}
