import type { Severity } from '../config/severity';
import type { Fix } from '../fix/types';
import type { DocumentKind } from '../kinds/detect';
import type { Located } from '../model/located';
import type { DocumentModel } from '../model/document';
import type { Node, Pair, ParseProblem, Span } from '../parse/tree';
import type { LineIndex } from '../text/lineIndex';
import type { WorkspaceView } from '../workspace/index';

export interface RelatedLocation {
  /** Another document; absent means the same one. */
  readonly uri?: string;
  readonly span: Span;
  readonly message: string;
}

export interface Finding {
  /**
   * Another document than the one linted, where the finding is shown instead: a Terraform plan's finding moved to
   * the `.tf` file that declares its resource (terraform/planSource.ts); `span` is then in that document.
   */
  readonly uri?: string;
  readonly ruleId: string;
  readonly messageId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly docsUrl: string;
  readonly concept?: string;
  readonly fix?: Fix;
  readonly related: readonly RelatedLocation[];
  /**
   * The condition of the resource the finding lies in (CloudFormation `Condition:`), when an error became a warning
   * because the resource exists only while that condition holds.
   */
  readonly condition?: string;
  /** Set only on internal-error findings: the stack, for the server's log, never shown to the user. */
  readonly internalError?: string;
}

/** What a finding points at: a node (its value span), a pair (its key span), a model value, or a span. */
export type Target = Node | Pair | Located<unknown> | Span;

export interface Report<M extends string> {
  readonly at: Target;
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly fix?: Fix;
  readonly related?: readonly { readonly at: Target; readonly message: string; readonly uri?: string }[];
  /** For rules whose severity depends on the case (e.g. runtime lifecycle); user settings still win. */
  readonly severity?: Severity;
  /** This finding is rejected whatever the template's conditions say (see RuleDefinition.unconditional). */
  readonly unconditional?: boolean;
}

/** What a rule reads: one prepared document and the workspace around it. */
export interface RunInput {
  readonly uri: string;
  readonly text: string;
  readonly kind: DocumentKind;
  readonly model: DocumentModel;
  readonly lines: LineIndex;
  readonly parseProblems: readonly ParseProblem[];
  readonly workspace: WorkspaceView;
  /** Today, injectable in tests (runtime lifecycle dates). */
  readonly now: Date;
}

/** The id of the rule that owns the value at a path (see OwnedValue); `scope` is an API kind or a resource type. */
export type RuleOwning = (scope: string, path: readonly (string | number)[]) => string | undefined;

export interface RuleContext<M extends string> extends RunInput {
  /** For the schema rules: which running rule owns a value, whose range and allowed values they then leave alone. */
  readonly ruleOwning: RuleOwning;
  report(report: Report<M>): void;
  /**
   * The document a node or pair is written in: this one, or (Terraform) another file of the module or a JSON file
   * it reads. A fix may edit only this document, and a finding lands only where its node is written.
   */
  documentOf(target: Target): string;
  /** True when a fix may rewrite the target: written in this document, and not a value set elsewhere (a variable's default). */
  editable(target: Target): boolean;
}

/**
 * A value a rule judges in full (its range or its allowed values), so that the schema rules (schema/valid-api-input,
 * cfn/valid-resource-properties) leave those checks to it and judge only the value's type: one finding per value
 * (cfn-lint: never report the same value twice). `path` is dotted; `*` stands for any list item or map key.
 */
export type OwnedValue =
  /** In API input (a register or create request, JSON), from the document root. */
  | { readonly kind: DocumentKind; readonly path: string }
  /** In a resource of this type (CloudFormation or SAM, e.g. AWS::Lambda::Function), below its Properties. */
  | { readonly resourceType: string; readonly path: string };


export interface RuleDocs {
  /** "Require …", "Disallow …", "Prefer …". */
  readonly summary: string;
  /** Id of the concept article this rule belongs to. */
  readonly concept?: string;
  /** The page that backs the rule: AWS documentation, or Docker's, a package manager's, … (cfn-lint's source_url). */
  readonly reference?: string;
  /** Rules users mostly turn off (e.g. version pinning) ship disabled. */
  readonly enabledByDefault?: boolean;
  /**
   * Part of the generic Dockerfile features (berth.dockerfile.genericFeatures): runs only when the
   * settings turn them on (AnalyzeSettings.genericFeatures), since another extension may report the same.
   */
  readonly genericFeature?: boolean;
}

export interface RuleDefinition<M extends string> {
  readonly id: string;
  /** The document kinds it checks; none for a front-end rule. */
  readonly kinds: readonly DocumentKind[];
  /** The severity of its findings: the most severe, when the case decides (see `severities`). */
  readonly severity: Severity;
  /**
   * Every severity its findings can have, when the case decides (a report's own `severity`; e.g. a runtime's
   * lifecycle date): `severity` and the lesser ones. The README, the SARIF output and the rule tests read it.
   */
  readonly severities?: readonly Severity[];
  readonly docs: RuleDocs;
  readonly messages: Readonly<Record<M, string>>;
  /**
   * Set on front-end rules (defineFrontEndRule): findings that a front end or the engine makes itself, about input it
   * could not hand to the rules (a file that cannot be read, Berth failing on a file). They have no kinds and no check.
   */
  readonly frontEnd?: boolean;
  /** The values it judges in full, in every shape the schema rules read (see OwnedValue). */
  readonly owns?: readonly OwnedValue[];
  /**
   * What it reports is rejected whatever a template's conditions say (the text does not parse, a reference names
   * nothing, a type needs a transform): an error on a resource under a `Condition` stays an error (rules/engine.ts).
   */
  readonly unconditional?: boolean;
  check(ctx: RuleContext<M>): void;
}

export interface Rule<M extends string = string> extends RuleDefinition<M> {
  readonly docsUrl: string;
}
