/**
 * Berth's concept knowledge base: short articles that diagnostics and hovers link to.
 *
 * Each article is a markdown file in ./concepts with a fixed front matter block. esbuild bundles `.md` files as
 * text (and the test loader does the same), so this module stays pure: no file system access, no directory
 * scanning. Adding an article means adding its import and its entry in SOURCES below.
 */

export { CONCEPT_DOCS_BASE, conceptUrl } from './links';

import apiGatewayLambda from './concepts/api-gateway-lambda.md';
import awsBatch from './concepts/aws-batch.md';
import awslogs from './concepts/awslogs.md';
import cloudformationIntrinsics from './concepts/cloudformation-intrinsics.md';
import containerHealthChecks from './concepts/container-health-checks.md';
import containersVsVms from './concepts/containers-vs-vms.md';
import cpuArchitecture from './concepts/cpu-architecture.md';
import deploymentCircuitBreaker from './concepts/deployment-circuit-breaker.md';
import describeVsRegister from './concepts/describe-vs-register.md';
import dockerfileBestPractices from './concepts/dockerfile-best-practices.md';
import dynamicPortMapping from './concepts/dynamic-port-mapping.md';
import ecsEksFargate from './concepts/ecs-eks-fargate.md';
import ecsLaunchTypes from './concepts/ecs-launch-types.md';
import elbTypesAndListeners from './concepts/elb-types-and-listeners.md';
import ephemeralStorage from './concepts/ephemeral-storage.md';
import essentialContainers from './concepts/essential-containers.md';
import fargatePlatformVersions from './concepts/fargate-platform-versions.md';
import fargateTaskSize from './concepts/fargate-task-size.md';
import imageTagsAndDigests from './concepts/image-tags-and-digests.md';
import imagesAndEcr from './concepts/images-and-ecr.md';
import jsonConfigFiles from './concepts/json-config-files.md';
import lambda from './concepts/lambda.md';
import lambdaContainerImages from './concepts/lambda-container-images.md';
import lambdaRuntimes from './concepts/lambda-runtimes.md';
import lambdaVsBatch from './concepts/lambda-vs-batch.md';
import networkModes from './concepts/network-modes.md';
import placementGroups from './concepts/placement-groups.md';
import s3CloudfrontOac from './concepts/s3-cloudfront-oac.md';
import s3WebsiteVsRestEndpoints from './concepts/s3-website-vs-rest-endpoints.md';
import secretsManagement from './concepts/secrets-management.md';
import serverless from './concepts/serverless.md';
import serviceDiscovery from './concepts/service-discovery.md';
import sqsLambdaVisibilityTimeout from './concepts/sqs-lambda-visibility-timeout.md';
import stopSignals from './concepts/stop-signals.md';
import targetTypes from './concepts/target-types.md';
import taskDefinitionTaskService from './concepts/task-definition-task-service.md';
import taskRoleVsExecutionRole from './concepts/task-role-vs-execution-role.md';

/** Article sources keyed by concept id. The key must equal the `id` in the article's front matter. */
const SOURCES = {
  'api-gateway-lambda': apiGatewayLambda,
  'aws-batch': awsBatch,
  'awslogs': awslogs,
  'cloudformation-intrinsics': cloudformationIntrinsics,
  'container-health-checks': containerHealthChecks,
  'containers-vs-vms': containersVsVms,
  'cpu-architecture': cpuArchitecture,
  'deployment-circuit-breaker': deploymentCircuitBreaker,
  'describe-vs-register': describeVsRegister,
  'dockerfile-best-practices': dockerfileBestPractices,
  'dynamic-port-mapping': dynamicPortMapping,
  'ecs-eks-fargate': ecsEksFargate,
  'ecs-launch-types': ecsLaunchTypes,
  'elb-types-and-listeners': elbTypesAndListeners,
  'ephemeral-storage': ephemeralStorage,
  'essential-containers': essentialContainers,
  'fargate-platform-versions': fargatePlatformVersions,
  'fargate-task-size': fargateTaskSize,
  'image-tags-and-digests': imageTagsAndDigests,
  'images-and-ecr': imagesAndEcr,
  'json-config-files': jsonConfigFiles,
  'lambda': lambda,
  'lambda-container-images': lambdaContainerImages,
  'lambda-runtimes': lambdaRuntimes,
  'lambda-vs-batch': lambdaVsBatch,
  'network-modes': networkModes,
  'placement-groups': placementGroups,
  's3-cloudfront-oac': s3CloudfrontOac,
  's3-website-vs-rest-endpoints': s3WebsiteVsRestEndpoints,
  'secrets-management': secretsManagement,
  'serverless': serverless,
  'service-discovery': serviceDiscovery,
  'sqs-lambda-visibility-timeout': sqsLambdaVisibilityTimeout,
  'stop-signals': stopSignals,
  'target-types': targetTypes,
  'task-definition-task-service': taskDefinitionTaskService,
  'task-role-vs-execution-role': taskRoleVsExecutionRole,
} as const satisfies Record<string, string>;

export type ConceptId = keyof typeof SOURCES;

export interface Concept {
  readonly id: string;
  readonly title: string;
  readonly topic: string;
  /** Two plain-text sentences, usable on their own in a hover. */
  readonly summary: string;
  /** A page of the AWS documentation. */
  readonly awsDocs: string;
  /** Ids of related concepts. */
  readonly related: readonly string[];
  /** The markdown after the front matter. */
  readonly body: string;
}

const REQUIRED_FIELDS = ['id', 'title', 'topic', 'summary', 'awsDocs', 'related'] as const;

/**
 * Parses one article. The front matter is a fixed, flat shape (`key: value` lines and `related: [a, b]`), so a
 * tiny parser suffices. Throws on a malformed article; the unit tests make sure none ships.
 */
export function parseConcept(text: string): Concept {
  const normalized = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(normalized);
  if (!match) {
    throw new Error('Concept article has no front matter block');
  }
  const fields = new Map<string, string>();
  for (const line of match[1].split('\n')) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      throw new Error(`Malformed front matter line: ${line}`);
    }
    const key = line.slice(0, colon).trim();
    if (fields.has(key)) {
      throw new Error(`Duplicate front matter key: ${key}`);
    }
    fields.set(key, line.slice(colon + 1).trim());
  }
  for (const key of REQUIRED_FIELDS) {
    if (!fields.get(key)) {
      throw new Error(`Concept article ${fields.get('id') ?? '(no id)'} lacks front matter field "${key}"`);
    }
  }
  const related = fields.get('related')!;
  if (!related.startsWith('[') || !related.endsWith(']')) {
    throw new Error(`"related" must be a [list] in concept ${fields.get('id')}`);
  }
  return {
    id: fields.get('id')!,
    title: fields.get('title')!,
    topic: fields.get('topic')!,
    summary: fields.get('summary')!,
    awsDocs: fields.get('awsDocs')!,
    related: related
      .slice(1, -1)
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    body: normalized.slice(match[0].length).replace(/^\n+/, '').trimEnd() + '\n',
  };
}

let registry: Map<string, Concept> | undefined;

function concepts(): Map<string, Concept> {
  if (!registry) {
    const map = new Map<string, Concept>();
    for (const [key, text] of Object.entries(SOURCES)) {
      const concept = parseConcept(text);
      if (concept.id !== key) {
        throw new Error(`Concept registered as "${key}" declares id "${concept.id}"`);
      }
      map.set(key, concept);
    }
    registry = map;
  }
  return registry;
}

export function getConcept(id: string): Concept | undefined {
  return concepts().get(id);
}

/** All concepts, sorted by topic and then by title. */
export function allConcepts(): Concept[] {
  return [...concepts().values()].sort(
    (a, b) => compare(a.topic, b.topic) || compare(a.title, b.title) || compare(a.id, b.id),
  );
}

/** The full article for display: a `#` title, the body, and a link to the AWS documentation. */
export function conceptMarkdown(id: string): string | undefined {
  const concept = getConcept(id);
  if (!concept) return undefined;
  return `# ${concept.title}\n\n${concept.body.trimEnd()}\n\n[AWS documentation](${concept.awsDocs})\n`;
}

function compare(a: string, b: string): number {
  return a.localeCompare(b, 'en');
}
