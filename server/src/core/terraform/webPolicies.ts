/**
 * Bucket policy statements as Terraform writes them, for the S3 model (model/s3.ts): IAM JSON inside jsonencode(),
 * a heredoc or a string (the shared JSON reader), or the `statement` blocks of a data "aws_iam_policy_document".
 * What Berth cannot read (a policy from a variable without a value, override documents) gives no statements, so
 * it is never a finding.
 */
import { SOURCE_SCOPING_KEYS } from '../facts/s3';
import { isCloudFrontService, jsonStatements, type PolicyStatement } from '../model/s3';
import { asArray, asObject, getPair, getValue, type Node, type ObjectNode, type Pair } from '../parse/tree';
import { hasDynamicBlock, type ResolvedResource } from './resources';
import { ObjView } from '../model/located';

/** The statements of a `policy` argument: JSON (jsonencode, heredoc, string) or a policy document's blocks. */
export function policyStatements(r: ResolvedResource, pair: Pair, documents: ReadonlyMap<string, ResolvedResource>, document: (node: Node) => string | undefined): { statements: PolicyStatement[]; document?: ResolvedResource } {
  const address = document(pair.value);
  if (address) {
    const doc = documents.get(address);
    return doc ? { statements: documentStatements(doc.body), document: doc } : { statements: [] };
  }
  const json = r.json(pair);
  if (!json) return { statements: [] };
  // jsonencode() leaves the HCL object in place; JSON in a string or heredoc is parsed into JSON nodes.
  const syntax = pair.value.kind === 'object' ? 'jsonencode' : 'json';
  return { statements: jsonStatements(json, syntax) };
}

/** The `statement` blocks of a data "aws_iam_policy_document" (none when override documents may replace them). */
export function documentStatements(body: ObjectNode): PolicyStatement[] {
  if (getPair(body, 'override_policy_documents') || getPair(body, 'override_json')) return [];
  return blocks(body, 'statement').map(documentStatement);
}

function documentStatement(node: ObjectNode): PolicyStatement {
  const effect = getPair(node, 'effect')?.value;
  let everyone: PolicyStatement['everyone'];
  let cloudFrontService: Node | undefined;
  for (const principals of node.pairs.filter((p) => p.key === 'principals')) {
    const type = getValue(principals.value, 'type');
    const identifiers = listed(getValue(principals.value, 'identifiers'));
    const typeName = type?.kind === 'scalar' ? type.value : undefined;
    if ((typeName === '*' || typeName === 'AWS') && identifiers.some((i) => i.kind === 'scalar' && i.value === '*')) {
      everyone ??= { at: principals, written: `principals { type = "${String(typeName)}", identifiers = ["*"] }` };
    }
    if (typeName === 'Service') cloudFrontService ??= identifiers.find(isCloudFrontService);
  }
  const conditions = blocks(node, 'condition');
  const dynamicCondition = hasDynamicBlock(new ObjView(node, 'snake'), 'condition');
  return {
    node,
    syntax: 'policy-document',
    // A policy document's statement allows when `effect` is omitted.
    allow: effect === undefined || (effect.kind === 'scalar' && effect.value === 'Allow'),
    everyone,
    cloudFrontService,
    hasCondition: conditions.length > 0 || dynamicCondition,
    sourceScoped:
      dynamicCondition ||
      conditions.some((c) => {
        const variable = getPair(c, 'variable')?.value;
        return variable?.kind !== 'scalar' || typeof variable.value !== 'string' || SOURCE_SCOPING_KEYS.has(variable.value.toLowerCase());
      }),
  };
}

function blocks(body: ObjectNode, key: string): ObjectNode[] {
  return body.pairs.filter((p) => p.key === key).flatMap((p) => (p.value.kind === 'array' ? p.value.items : [p.value])).flatMap((n) => asObject(n) ?? []);
}

function listed(node: Node | undefined): Node[] {
  return asArray(node)?.items ?? (node ? [node] : []);
}
