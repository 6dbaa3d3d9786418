/**
 * The properties every input must satisfy (issue 11, §1). `checkInput` throws an Error naming the broken
 * property; the fuzz tests and `npm run fuzz` both call it.
 */
import { analyze, prepare, type Analysis } from '../../server/src/core/analyze';
import { completionsAt } from '../../server/src/core/features/completion';
import { hoverAt } from '../../server/src/core/features/hover';
import { terraformTokens } from '../../server/src/core/features/terraformTokens';
import ruleError from '../../server/src/core/rules/internal/rule-error';
import { RULES } from '../../server/src/core/rules/index';
import type { Finding, Rule } from '../../server/src/core/rules/types';
import type { TextEdit } from '../../server/src/core/fix/types';
import type { Span } from '../../server/src/core/parse/tree';
import type { FuzzInput } from './generators';

export const TIME_LIMIT_MS = 2000;
const NOW = new Date('2025-06-01T00:00:00Z');
const REGISTERED = new Set(RULES.map((r) => r.id));
/** Every rule on, including the ones that ship disabled, so they are fuzzed too. */
export const ALL_RULES_ON = { rules: Object.fromEntries(RULES.map((r) => [r.id, r.severity])) };

/** Placeholders the rule's message leaves unfilled (a report without the data its message names). */
let incomplete: string | undefined;
/** The registered rules, each wrapped so that a report missing a message id or a placeholder is caught. */
const CHECKED_RULES: readonly Rule[] = RULES.map((rule) => ({
  ...rule,
  check(ctx) {
    rule.check({
      ...ctx,
      report(report) {
        const template = (rule.messages as Record<string, string>)[report.messageId];
        if (template === undefined) incomplete ??= `${rule.id}: unknown messageId ${report.messageId}`;
        for (const [, name] of (template ?? '').matchAll(/\{(\w+)\}/g)) {
          if (!report.data || !(name! in report.data) || report.data[name!] === undefined) incomplete ??= `${rule.id}/${report.messageId}: no value for {${name}}`;
        }
        ctx.report(report);
      },
    });
  },
}));

export class PropertyFailure extends Error {
  constructor(
    readonly property: string,
    detail: string,
  ) {
    super(`${property}: ${detail}`);
  }
}

function spanInside(span: Span, length: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;
}

/** Applies one fix's edits; they must lie inside the text and must not overlap (LSP forbids it). */
export function applyFix(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  let lastStart = Infinity;
  for (const edit of sorted) {
    if (edit.span.end > lastStart) throw new PropertyFailure('fix edits do not overlap', JSON.stringify(edits.map((e) => e.span)));
    out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
    lastStart = edit.span.start;
  }
  return out;
}

const SYNTAX = new Set(['syntax', 'too-deep', 'alias-limit']);

function syntaxProblem(uri: string, text: string): string | undefined {
  const doc = prepare({ uri, text });
  return doc.problems.find((p) => SYNTAX.has(p.code))?.message;
}

function strip(findings: readonly Finding[]): string {
  return JSON.stringify(findings);
}

export interface CheckResult {
  readonly analysis: Analysis;
  readonly ms: number;
}

/**
 * analyze() does not throw and ends within 2 s; spans lie inside the document; the same input gives the same
 * findings; every rule id is registered and no rule crashed; every fix yields text that still parses; hover
 * and completion at a few offsets do not throw.
 */
export function checkInput(input: FuzzInput, options: { probes?: number } = {}): CheckResult {
  const { uri, text } = input;
  const run = (): { analysis: Analysis; ms: number } => {
    // CPU time of this process: the bound must hold on a machine busy with other work, where wall time does not.
    const started = process.cpuUsage();
    let analysis: Analysis;
    try {
      incomplete = undefined;
      analysis = analyze({ uri, text }, { settings: ALL_RULES_ON, now: NOW, rules: CHECKED_RULES });
    } catch (error) {
      throw new PropertyFailure('analyze() never throws', (error as Error).stack ?? String(error));
    }
    if (incomplete) throw new PropertyFailure('messages are complete', incomplete);
    const cpu = process.cpuUsage(started);
    return { analysis, ms: (cpu.user + cpu.system) / 1000 };
  };
  const first = run();
  if (first.ms > TIME_LIMIT_MS) throw new PropertyFailure('analysis within 2 s', `took ${first.ms.toFixed(0)} ms of CPU`);
  const { findings } = first.analysis;

  for (const f of findings) {
    if (f.ruleId === ruleError.id) throw new PropertyFailure('no rule crashes', f.internalError ?? f.message);
    if (!REGISTERED.has(f.ruleId)) throw new PropertyFailure('rule ids are registered', f.ruleId);
    if (!spanInside(f.span, text.length)) throw new PropertyFailure('spans inside the document', `${f.ruleId} ${JSON.stringify(f.span)} in ${text.length} characters`);
    for (const r of f.related) {
      if (!r.uri && !spanInside(r.span, text.length)) throw new PropertyFailure('spans inside the document', `${f.ruleId} related ${JSON.stringify(r.span)} in ${text.length}`);
    }
    if (typeof f.message !== 'string' || f.message.trim().length === 0) throw new PropertyFailure('messages are complete', `${f.ruleId}: empty message`);
  }

  const second = run();
  if (strip(second.analysis.findings) !== strip(findings)) {
    throw new PropertyFailure('deterministic', `first ${strip(findings).slice(0, 400)} second ${strip(second.analysis.findings).slice(0, 400)}`);
  }

  const before = first.analysis.document.format === 'dockerfile' ? undefined : syntaxProblem(uri, text);
  for (const f of findings) {
    if (!f.fix) continue;
    for (const e of f.fix.edits) {
      if (!spanInside(e.span, text.length)) throw new PropertyFailure('fix edits inside the document', `${f.ruleId} ${JSON.stringify(e.span)} in ${text.length}`);
    }
    let fixed: string;
    try {
      fixed = applyFix(text, f.fix.edits);
    } catch (error) {
      if (error instanceof PropertyFailure) throw new PropertyFailure(error.property, `${f.ruleId} "${f.fix.title}": ${error.message}`);
      throw error;
    }
    if (first.analysis.document.format === 'dockerfile') {
      try {
        analyze({ uri, text: fixed }, { settings: ALL_RULES_ON, now: NOW });
      } catch (error) {
        throw new PropertyFailure('fixed text analyses', `${f.ruleId} "${f.fix.title}": ${(error as Error).message}`);
      }
      continue;
    }
    const after = syntaxProblem(uri, fixed);
    if (!before && after) throw new PropertyFailure('fixes keep the text parseable', `${f.ruleId} "${f.fix.title}" → ${after}\n--- fixed text ---\n${fixed.slice(0, 1500)}`);
  }

  const probes = options.probes ?? 3;
  const doc = first.analysis.document;
  for (let i = 0; i < probes; i++) {
    const offset = Math.floor(((i + 0.5) / probes) * (text.length + 1));
    try {
      hoverAt(doc, offset);
      completionsAt(doc, offset);
    } catch (error) {
      throw new PropertyFailure('hover and completion never throw', `at ${offset}: ${(error as Error).stack ?? error}`);
    }
  }
  if (doc.format === 'hcl') checkTerraformTokens(text);
  return first;
}

/** Terraform colouring never throws, and its tokens are in order, inside the text, never overlapping. */
function checkTerraformTokens(text: string): void {
  let tokens: ReturnType<typeof terraformTokens>;
  try {
    tokens = terraformTokens(text);
  } catch (error) {
    throw new PropertyFailure('Terraform colouring never throws', (error as Error).stack ?? String(error));
  }
  let end = 0;
  for (const token of tokens ?? []) {
    if (token.start < end || token.end <= token.start || token.end > text.length) {
      throw new PropertyFailure('Terraform tokens in order, inside the text', `${token.type} ${JSON.stringify({ start: token.start, end: token.end })} after ${end} in ${text.length}`);
    }
    end = token.end;
  }
}
