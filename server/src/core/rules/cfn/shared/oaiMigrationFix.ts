/**
 * The fix of cfn/prefer-origin-access-control: the OAI → OAC migration in one deploy without 403s, as AWS's
 * migration guide orders it: the bucket policy first grants cloudfront.amazonaws.com beside the OAI (and the
 * distribution is made to depend on the policy, so the policy is updated before the origin switches), then the
 * origin signs with a new or existing OAC. The OAI statement and resource stay for a later deploy. Pure.
 */
import { appendItem, blockIndent, Fn, insertPairAfter, insertResourceBefore, type Layout, layoutOf, Obj, RawPair, replaceValue, replaceWithString, uniqueLogicalId } from '../../../fix/structuredEdits';
import type { Fix, TextEdit } from '../../../fix/types';
import type { S3Origin } from '../../../model/cloudfront';
import type { Resource } from '../../../model/template';
import { asArray, asObject, getPair, getValue, toPlain, type ArrayNode, type Node, type ObjectNode } from '../../../parse/tree';
import { referenceGraph, type ReferenceGraph } from '../../../template/graph';
import type { RuleContext, RunInput } from '../../types';
import { migrationTitle, MIGRATION_SID, oacResource } from './oacFix';
import { terraformOaiMigration } from './terraformWebFixes';

export function oaiMigrationFix(ctx: RuleContext<string>, origin: S3Origin): Fix | undefined {
  if (!origin.bucket || origin.endpoint !== 'rest' || !origin.oai) return undefined;
  return origin.distribution.shape === 'cfn' ? templateMigration(ctx, origin) : terraformOaiMigration(ctx, origin);
}

const OAI_PRINCIPAL = 'CloudFront Origin Access Identity';
const SERVICE = 'cloudfront.amazonaws.com';
/** Every distribution of this account: needs no reference to the distribution, so the policy can go first. */
const ACCOUNT_DISTRIBUTIONS = 'arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/*';

/**
 * In a template (YAML or JSON): the distribution gets `DependsOn` the policy, so CloudFormation updates the policy
 * before it switches the origin. Offered only when every piece is certain: the bucket and its one bucket policy are in
 * this template, the policy's Statement is a literal list, and the OAI's statement is found.
 */
function templateMigration(input: RunInput, origin: S3Origin): Fix | undefined {
  const { text } = input;
  const template = input.model.template;
  const cloudfront = input.model.cloudfront;
  const bucket = origin.bucket!;
  const dist = origin.distribution.cfn;
  const oai = origin.oai!;
  if (!template || !cloudfront || !dist) return undefined;
  const layout = layoutOf(text, dist);
  if (!layout) return undefined;
  const graph = referenceGraph(template, text);

  if (bucket.policies.length !== 1) return undefined;
  const policy = bucket.policies[0]!.cfn;
  if (!policy || policy.condition) return undefined;
  const statementList = asArray(getValue(asObject(policy.properties?.value('PolicyDocument')), 'Statement'));
  if (!statementList) return undefined;
  const statements = statementList.items.flatMap((s) => (s.kind === 'object' ? [s] : []));
  const oaiStatement = statements.find((s) => grantsOai(graph, s, oai.value));
  if (!oaiStatement) return undefined;

  const edits: TextEdit[] = [];
  const existing = statements.some((s) => grantsDistribution(graph, s, dist));
  const policyFirst = !cloudfront.refersTo(policy.logicalId, dist.logicalId);
  if (!existing) {
    // The new grant must be in place before the origin switches; without that ordering there would be 403s.
    if (!policyFirst) return undefined;
    const statement = cloudFrontStatement(text, oaiStatement, uniqueSid(statements));
    const edit = statement && appendItem(text, layout, statementList, statement);
    if (!edit) return undefined;
    edits.push(edit);
  }
  if (policyFirst) {
    const dependsOn = dependOn(text, layout, dist, policy.logicalId);
    if (dependsOn === undefined) return undefined;
    edits.push(...dependsOn);
  }

  const reused = cloudfront.originAccessControls.find((oac) => oac.signsS3Requests);
  const oacId = reused?.logicalId ?? uniqueLogicalId(template, `${bucket.logicalId}OriginAccessControl`);
  if (!reused) {
    const resource = insertResourceBefore(text, layout, dist, oacId, oacResource(bucket.logicalId));
    if (!resource) return undefined;
    edits.push(resource);
  }
  const emptyOac = origin.raw.pair('OriginAccessControlId');
  const setOac = emptyOac ? replaceValue(layout, emptyOac.value, Fn.getAtt(oacId, 'Id')) : insertPairAfter(text, layout, origin.domain, 'OriginAccessControlId', Fn.getAtt(oacId, 'Id'));
  if (!setOac) return undefined;
  edits.push(setOac, replaceWithString(layout, oai.value, ''));

  return { title: migrationTitle(origin, reused ? oacId : undefined), edits };
}

/** The new statement: the OAI statement's Action and Resource, for cloudfront.amazonaws.com of this account. */
function cloudFrontStatement(text: string, oaiStatement: ObjectNode, sid: string): Obj | undefined {
  const copied: RawPair[] = [];
  for (const key of ['Action', 'Resource']) {
    const pair = getPair(oaiStatement, key);
    if (!pair) return undefined;
    const raw = text.slice(pair.span.start, pair.span.end);
    const at = blockIndent(text, pair.keySpan.start);
    if (raw.includes('\n') && !at.block) return undefined;
    copied.push(new RawPair(raw, at.indent));
  }
  return new Obj([
    ['Sid', sid],
    ['Effect', 'Allow'],
    ['Principal', new Obj([['Service', SERVICE]])],
    ...copied,
    ['Condition', new Obj([['ArnLike', new Obj([['AWS:SourceArn', Fn.sub(ACCOUNT_DISTRIBUTIONS)]])]])],
  ]);
}

export function uniqueSid(statements: readonly ObjectNode[]): string {
  const taken = new Set(statements.map((s) => toPlain(getValue(s, 'Sid'))));
  let sid = MIGRATION_SID;
  for (let i = 2; taken.has(sid); i++) sid = `${MIGRATION_SID}${i}`;
  return sid;
}

/**
 * Whether an Allow statement grants the OAI an origin names (`origin-access-identity/cloudfront/${Oai}` or a
 * literal id): Principal AWS `arn:…:iam::cloudfront:user/CloudFront Origin Access Identity ${Oai}` (Sub, Join or
 * literal) or CanonicalUser `!GetAtt Oai.S3CanonicalUserId`.
 */
function grantsOai(graph: ReferenceGraph, statement: ObjectNode, originOai: Node): boolean {
  if (!isAllow(statement) || getPair(statement, 'NotPrincipal') || getPair(statement, 'NotAction') || getPair(statement, 'NotResource')) return false;
  const target = graph.resolveResourceRef(originOai)?.resource;
  const oaiResource = target?.type?.known && target.type.value === 'AWS::CloudFront::CloudFrontOriginAccessIdentity' ? target : undefined;
  const literal = originOai.kind === 'scalar' ? /^origin-access-identity\/cloudfront\/([A-Z0-9]+)$/.exec(String(originOai.value))?.[1] : undefined;
  if (!oaiResource && !literal) return false;
  const principal = getValue(statement, 'Principal');
  const listed = (key: string) => {
    const value = getValue(principal, key);
    return asArray(value)?.items ?? (value ? [value] : []);
  };
  const aws = listed('AWS').some((node) => {
    if (node.kind === 'scalar') {
      return literal !== undefined && /^arn:aws[\w-]*:iam::cloudfront:user\/CloudFront Origin Access Identity ([A-Z0-9]+)$/.exec(String(node.value))?.[1] === literal;
    }
    const ref = graph.resolveResourceRef(node);
    return oaiResource !== undefined && ref?.resource === oaiResource && ref.attribute === undefined && JSON.stringify(toPlain(node)).includes(OAI_PRINCIPAL);
  });
  const canonical = listed('CanonicalUser').some((node) => {
    const ref = graph.resolveResourceRef(node);
    return oaiResource !== undefined && ref?.resource === oaiResource && ref.via === 'GetAtt' && ref.attribute === 'S3CanonicalUserId';
  });
  return aws || canonical;
}

/**
 * Whether an Allow statement already grants cloudfront.amazonaws.com for this distribution: AWS:SourceArn given
 * by a reference to it, or the account-wide ARN this fix writes.
 */
function grantsDistribution(graph: ReferenceGraph, statement: ObjectNode, dist: Resource): boolean {
  if (!isAllow(statement)) return false;
  const service = getValue(getValue(statement, 'Principal'), 'Service');
  const services = asArray(service)?.items ?? (service ? [service] : []);
  if (!services.some((s) => s.kind === 'scalar' && s.value === SERVICE)) return false;
  return (asObject(getValue(statement, 'Condition'))?.pairs ?? []).some((operator) =>
    (asObject(operator.value)?.pairs ?? []).some((p) => {
      if (p.key.toLowerCase() !== 'aws:sourcearn') return false;
      const values = asArray(p.value)?.items ?? [p.value];
      return values.some((v) => graph.resolveResourceRef(v)?.resource === dist || JSON.stringify(toPlain(v)) === JSON.stringify({ 'Fn::Sub': ACCOUNT_DISTRIBUTIONS }));
    }),
  );
}

function isAllow(statement: ObjectNode): boolean {
  const effect = getValue(statement, 'Effect');
  return effect?.kind === 'scalar' && effect.value === 'Allow';
}

/** Edits that make the distribution depend on the policy (none when it already does); undefined when they cannot. */
function dependOn(text: string, layout: Layout, dist: Resource, policyId: string): TextEdit[] | undefined {
  const pair = dist.node ? getPair(dist.node, 'DependsOn') : undefined;
  if (!pair) {
    const type = dist.node ? getPair(dist.node, 'Type') : undefined;
    const edit = type && insertPairAfter(text, layout, type, 'DependsOn', policyId);
    return edit ? [edit] : undefined;
  }
  const value = pair.value;
  if (value.kind === 'scalar' && typeof value.value === 'string') {
    return value.value === policyId ? [] : [replaceValue(layout, value, [value.value, policyId])];
  }
  const list: ArrayNode | undefined = asArray(value);
  if (!list || !list.items.every((i) => i.kind === 'scalar' && typeof i.value === 'string')) return undefined;
  if (list.items.some((i) => i.kind === 'scalar' && i.value === policyId)) return [];
  if (list.items.length === 0) return [replaceValue(layout, list, [policyId])];
  const edit = appendItem(text, layout, list, policyId);
  return edit ? [edit] : undefined;
}
