/**
 * Lints many files: every file is read and indexed first, then each is linted against that index, so cross-file
 * rules see exactly what they see in the editor. The steps are pipeline.ts's; many files go to two threads
 * (parallel.ts), with the same findings in the same order. `lintWorkspace` is `berth lint` without the printing:
 * the one way to lint a workspace, which the deploy gate uses too.
 */
import type { AnalyzeSettings, PreparedDocument } from '../core/analyze';
import type { BerthConfig } from '../core/config/berthrc';
import type { Rule } from '../core/rules/types';
import { loadConfig, type LoadedConfig } from '../io/berthrc';
import { collectFiles, type Collected, type Target } from '../io/files';
import { loadHclParserFor } from '../io/hclGrammar';
import { planConfigurationFiles } from '../io/planContext';
import { fileUri } from '../io/uri';
import { lintInParallel } from './parallel';
import { cliError, indexDocument, lintPrepared, newIndex, prepareTarget, withoutRepeats, type CliFinding, type DeployTargetsOf, type LintRun } from './pipeline';

export type { CliFinding, DeployTargetsOf, LintRun } from './pipeline';

export interface LintOptions {
  /** The rules to run (tests); default every registered rule. */
  readonly rules?: readonly Rule[];
  /** The configuration's deploy targets: they link Dockerfiles to task definitions in the index. */
  readonly deploy?: DeployTargetsOf;
  /** Lint only these files (absolute paths); every target is still read and indexed for the cross-file rules. */
  readonly only?: ReadonlySet<string>;
}

export function lintTargets(targets: readonly Target[], settings: AnalyzeSettings, options: LintOptions = {}): LintRun {
  const { rules, deploy, only } = options;
  if (!rules && !only) {
    const parallel = lintInParallel(targets, settings, deploy);
    if (parallel) return parallel;
  }
  const perTarget: CliFinding[][] = targets.map(() => []);
  const internalErrors: string[] = [];
  const index = newIndex(deploy);
  const prepared: { target: Target; doc: PreparedDocument; findings: CliFinding[] }[] = [];
  let filesChecked = 0;

  for (const [i, target] of targets.entries()) {
    const wanted = only === undefined || only.has(target.absolute);
    // A file that is only context reports nothing of its own.
    const findings = wanted ? perTarget[i]! : [];
    const step = prepareTarget(target, settings, internalErrors);
    findings.push(...step.findings);
    if (step.checked && wanted) filesChecked++;
    if (!step.doc) continue;
    try {
      indexDocument(index, step.doc);
    } catch (error) {
      findings.push(cliError(target, error, wanted ? internalErrors : []));
      continue;
    }
    if (step.doc.kind && wanted) prepared.push({ target, doc: step.doc, findings });
  }

  for (const { target, doc, findings } of prepared) findings.push(...lintPrepared(target, doc, index, settings, internalErrors, rules));
  return { findings: withoutRepeats(perTarget.flat()), filesChecked, internalErrors };
}


/** What `berth lint` lints with: the file's rules and limits, and the generic Dockerfile features (a CI job has no Docker extension). */
export function lintSettingsOf(config: BerthConfig): AnalyzeSettings {
  return { rules: config.rules, limits: config.limits, genericFeatures: true };
}

export interface WorkspaceLintOptions {
  /** The folder linted, and where .berthrc.yaml is looked for (the CLI: its current folder). */
  readonly cwd: string;
  /** Paths and globs; default the whole folder. */
  readonly patterns?: readonly string[];
  /** This configuration file instead of the folder's .berthrc.yaml (--config). */
  readonly config?: string;
  /** Only these files' findings are wanted (absolute paths; read even when the patterns do not reach them). */
  readonly only?: readonly string[];
}

export type WorkspaceLint =
  | { readonly ok: false; readonly config: Extract<LoadedConfig, { ok: false }> }
  | {
      readonly ok: true;
      readonly config: Extract<LoadedConfig, { ok: true }>;
      readonly collected: Collected;
      /**
       * Reads, indexes and lints the files (a caller may stop before, e.g. on patterns that matched nothing).
       * Async only to load the Terraform grammar first when a file needs it.
       */
      lint(): Promise<LintRun>;
    };

/** The project's configuration, its files, one index, each file linted against it: `berth lint` without the printing. */
export function lintWorkspace(options: WorkspaceLintOptions): WorkspaceLint {
  const config = loadConfig(options.cwd, options.config);
  if (!config.ok) return { ok: false, config };
  const collect = (patterns: readonly string[]) => collectFiles(patterns, { cwd: options.cwd, excludeRoot: config.root, exclude: config.config.exclude });
  const collected = collect(options.patterns?.length ? options.patterns : ['.']);
  const targets = [...collected.targets];
  let only = options.only;
  if (only) {
    // A target's file outside the folder is read too (an excluded one is not, as with berth lint).
    const have = new Set(targets.map((t) => t.absolute));
    targets.push(...collect(only.filter((file) => !have.has(file))).targets);
  }
  // A plan's configuration is read too, so its findings can go to the .tf files; those files are only context.
  const configuration = planConfigurationFiles(targets.map((t) => t.absolute));
  if (configuration.length) {
    only ??= targets.map((t) => t.absolute);
    targets.push(...collect(configuration).targets);
  }
  const deploy = config.path ? { configUri: fileUri(config.path), targets: Object.values(config.targets) } : undefined;
  const lintOptions: LintOptions = { ...(deploy ? { deploy } : {}), ...(only ? { only: new Set(only) } : {}) };
  const lint = async (): Promise<LintRun> => {
    await loadHclParserFor(targets.map((t) => t.absolute));
    return lintTargets(targets, lintSettingsOf(config.config), lintOptions);
  };
  return { ok: true, config, collected, lint };
}
