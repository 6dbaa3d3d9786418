/**
 * Lints many files: every file is read and indexed first, then each is linted against that index, so cross-file
 * rules see exactly what they see in the editor. The steps are pipeline.ts's; many files go to two threads
 * (parallel.ts), with the same findings in the same order.
 */
import type { AnalyzeSettings, PreparedDocument } from '../core/analyze';
import type { Rule } from '../core/rules/types';
import type { Target } from '../io/files';
import { lintInParallel } from './parallel';
import { cliError, indexDocument, lintPrepared, newIndex, prepareTarget, type CliFinding, type DeployTargetsOf, type LintRun } from './pipeline';

export type { CliFinding, DeployTargetsOf, LintRun } from './pipeline';

export interface LintOptions {
  /** The rules to run (tests); default every registered rule. */
  readonly rules?: readonly Rule[];
  /** The configuration's deploy targets: they link Dockerfiles to task definitions in the index. */
  readonly deploy?: DeployTargetsOf;
}

export function lintTargets(targets: readonly Target[], settings: AnalyzeSettings, options: LintOptions = {}): LintRun {
  const { rules, deploy } = options;
  if (!rules) {
    const parallel = lintInParallel(targets, settings, deploy);
    if (parallel) return parallel;
  }
  const perTarget: CliFinding[][] = targets.map(() => []);
  const internalErrors: string[] = [];
  const index = newIndex(deploy);
  const prepared: { target: Target; doc: PreparedDocument; findings: CliFinding[] }[] = [];
  let filesChecked = 0;

  for (const [i, target] of targets.entries()) {
    const findings = perTarget[i]!;
    const step = prepareTarget(target, settings, internalErrors);
    findings.push(...step.findings);
    if (step.checked) filesChecked++;
    if (!step.doc) continue;
    try {
      indexDocument(index, step.doc);
    } catch (error) {
      findings.push(cliError(target, error, internalErrors));
      continue;
    }
    if (step.doc.kind) prepared.push({ target, doc: step.doc, findings });
  }

  for (const { target, doc, findings } of prepared) findings.push(...lintPrepared(target, doc, index, settings, internalErrors, rules));
  return { findings: perTarget.flat(), filesChecked, internalErrors };
}
