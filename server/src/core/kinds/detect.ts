import { asArray, asObject, getPair, getValue, scalarString, type Node } from '../parse/tree';

export const DOCUMENT_KINDS = [
  'ecs-task-definition',
  'ecs-container-definitions',
  'ecs-service',
  'ecs-express-service',
  'batch-job-definition',
  'lambda-function',
  'cloudformation',
  'serverless-framework',
  'dockerfile',
  'terraform',
  'terraform-plan',
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type TextFormat = 'json' | 'yaml' | 'dockerfile' | 'hcl';

/**
 * The file's format from its name (and the editor's language id, when there is one). CloudFormation's own extension,
 * `.template`, is JSON or YAML, which only the content tells: JSON when `text` starts with `{` or `[`, else YAML
 * (also without `text`, as a YAML parser reads JSON too).
 */
export function formatOf(uri: string, languageId?: string, text?: string): TextFormat | undefined {
  if (languageId === 'dockerfile') return 'dockerfile';
  if (languageId !== undefined && TERRAFORM_LANGUAGE_IDS.has(languageId)) return 'hcl';
  if (languageId === 'hcl') return isTerraformName(baseName(uri)) ? 'hcl' : undefined;
  if (languageId === 'json' || languageId === 'jsonc') return 'json';
  if (languageId === 'yaml') return 'yaml';
  const name = baseName(uri);
  if (isDockerfileName(name)) return 'dockerfile';
  if (/\.(tf|tofu|tfvars)$/i.test(name)) return 'hcl';
  if (isJsonTemplateName(name)) return 'json';
  if (isCfnTemplateName(name)) return text !== undefined && /^\uFEFF?\s*[{[]/.test(text) ? 'json' : 'yaml';
  if (/\.(json|jsonc)$/i.test(name)) return 'json';
  if (/\.(ya?ml)$/i.test(name)) return 'yaml';
  return undefined;
}

/** `stack.template`: the extension CloudFormation's own samples and the console use, for JSON and YAML alike. */
export function isCfnTemplateName(name: string): boolean {
  return /\.template$/i.test(name);
}

export function isDockerfileName(name: string): boolean {
  return /^(Dockerfile|Containerfile)(\..+)?$/i.test(name) || /\.(Dockerfile|Containerfile)$/i.test(name);
}

/**
 * The editor language ids of Terraform files: HashiCorp's extension (and Berth's own contribution) use
 * `terraform`/`terraform-vars`, the OpenTofu extension `opentofu`/`opentofu-vars` (for `.tf` and `.tofu` alike).
 */
export const TERRAFORM_LANGUAGE_IDS: ReadonlySet<string> = new Set(['terraform', 'terraform-vars', 'opentofu', 'opentofu-vars']);

/**
 * Terraform's own files: `.tf`, `.tfvars`, and their JSON forms `.tf.json`, `.tfvars.json`; OpenTofu's `.tofu` and
 * `.tofu.json`, which OpenTofu reads instead of the `.tf` file of the same name (terraform/moduleFiles.ts).
 */
export function isTerraformName(name: string): boolean {
  return /\.(tf|tofu|tfvars)(\.json)?$/i.test(name);
}

/** A JSON template Terraform fills with templatefile(): `containers.json.tpl`, `task.json.tftpl`. */
export function isJsonTemplateName(name: string): boolean {
  return /\.json\.(tpl|tftpl)$/i.test(name);
}

/** A `.tfvars` file holds variable values only. */
export function isTerraformVarsName(name: string): boolean {
  return /\.tfvars(\.json)?$/i.test(name);
}

export function baseName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return decodeURIComponent(path.slice(slash + 1));
}

/**
 * A cheap look at the raw text: which kinds could this be? Most JSON/YAML in a workspace
 * (package.json, tsconfig, Kubernetes, workflows) fails every test here and is never parsed.
 */
export function candidateKinds(text: string): DocumentKind[] {
  const out: DocumentKind[] = [];
  // `terraform show -json <planfile>`: JSON with both version keys (container definitions inside are strings).
  if (/"format_version"\s*:/.test(text) && /"terraform_version"\s*:/.test(text)) out.push('terraform-plan');
  if (/["']?containerDefinitions["']?\s*:/.test(text)) out.push('ecs-task-definition');
  // The container definitions Terraform reads with file()/templatefile(): a bare JSON array of them.
  if (/^\uFEFF?\s*\[/.test(text) && /"image"\s*:/.test(text)) out.push('ecs-container-definitions');
  if (/["']?taskDefinition["']?\s*:/.test(text)) out.push('ecs-service');
  if (/["']?(primaryContainer|infrastructureRoleArn)["']?\s*:/.test(text)) out.push('ecs-express-service');
  if (/["']?jobDefinitionName["']?\s*:/.test(text)) out.push('batch-job-definition');
  if (/["']?FunctionName["']?\s*:/.test(text)) out.push('lambda-function');
  if (/AWS::|AWSTemplateFormatVersion/.test(text) && /["']?Resources["']?\s*:/.test(text)) out.push('cloudformation');
  if (/^["']?service["']?\s*:/m.test(text) || /["']service["']\s*:/.test(text)) {
    if (/["']?provider["']?\s*:/.test(text)) out.push('serverless-framework');
  }
  return out;
}

/** Confirms a kind on the parsed root. Content decides; the file name is only a hint for ties. */
export function detectKind(root: Node | undefined, candidates: readonly DocumentKind[], fileName = ''): DocumentKind | undefined {
  if (candidates.includes('terraform-plan') && looksLikeTerraformPlan(root)) return 'terraform-plan';
  if (candidates.includes('ecs-container-definitions') && looksLikeContainerDefinitions(root)) return 'ecs-container-definitions';
  const obj = asObject(root);
  if (!obj) return undefined;
  const has = (key: string): boolean => getPair(obj, key) !== undefined;

  if (candidates.includes('cloudformation') && looksLikeTemplate(obj)) return 'cloudformation';

  // A value of the wrong type does not hide the kind: the distinctive key with one more key of the kind is enough,
  // and the schema rule then reports the types.
  if (candidates.includes('ecs-task-definition')) {
    if (asArray(getValue(obj, 'containerDefinitions')) || (has('containerDefinitions') && TASK_KEYS.some(has))) return 'ecs-task-definition';
    const wrapped = asObject(getValue(obj, 'taskDefinition'));
    if (wrapped && asArray(getValue(wrapped, 'containerDefinitions'))) return 'ecs-task-definition';
  }
  // create-service names the service in serviceName, update-service in service; run-task and start-task have neither.
  if (candidates.includes('ecs-service') && scalarString(getValue(obj, 'taskDefinition')) !== undefined) {
    if (has('serviceName') || has('service')) return 'ecs-service';
  }
  // create-express-gateway-service input names its infrastructure role; update input its service by ARN, with a
  // primary container or task definition to change.
  if (candidates.includes('ecs-express-service') && !has('containerDefinitions') && !has('taskDefinition')) {
    if (has('infrastructureRoleArn') && EXPRESS_KEYS.some(has)) return 'ecs-express-service';
    if (has('primaryContainer') && (has('serviceArn') || has('serviceName') || has('executionRoleArn'))) return 'ecs-express-service';
  }
  if (candidates.includes('batch-job-definition') && has('jobDefinitionName')) {
    const jobKeys = ['type', 'containerProperties', 'nodeProperties', 'ecsProperties', 'eksProperties', 'platformCapabilities', 'retryStrategy', 'timeout'];
    if (jobKeys.some(has)) return 'batch-job-definition';
  }
  if (candidates.includes('lambda-function') && has('FunctionName')) {
    const fnKeys = ['Runtime', 'Handler', 'Role', 'Code', 'PackageType', 'MemorySize', 'Timeout', 'Environment', 'Layers', 'ImageConfig', 'Architectures', 'EphemeralStorage', 'VpcConfig', 'SnapStart', 'TracingConfig', 'DeadLetterConfig', 'KMSKeyArn', 'LoggingConfig', 'Description', 'FileSystemConfigs', 'RevisionId'];
    if (fnKeys.some(has)) return 'lambda-function';
  }
  if (candidates.includes('serverless-framework')) {
    // `service: name` (or the v1 form `service: { name }`), and an AWS provider: `provider: { name: aws }` or `provider: aws`.
    const service = getValue(obj, 'service');
    const serviceName = scalarString(service) ?? scalarString(getValue(service, 'name'));
    const provider = getValue(obj, 'provider');
    const providerName = scalarString(provider) ?? scalarString(getValue(provider, 'name'));
    if (serviceName !== undefined && (provider?.kind === 'object' || providerName !== undefined)) {
      if (providerName === 'aws') return 'serverless-framework';
      if (providerName === undefined && /^serverless\.(ya?ml|json)$/i.test(fileName)) return 'serverless-framework';
    }
  }
  return undefined;
}

/** Keys of RegisterTaskDefinition input besides containerDefinitions (botocore ecs RegisterTaskDefinitionRequest). */
const TASK_KEYS = ['family', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'volumes', 'requiresCompatibilities', 'cpu', 'memory', 'runtimePlatform', 'placementConstraints', 'ephemeralStorage', 'pidMode', 'ipcMode', 'proxyConfiguration', 'inferenceAccelerators', 'tags'];

/** Keys of CreateExpressGatewayService input besides infrastructureRoleArn (botocore ecs CreateExpressGatewayServiceRequest). */
const EXPRESS_KEYS = ['primaryContainer', 'executionRoleArn', 'taskDefinitionArn', 'serviceName', 'healthCheckPath', 'scalingTarget', 'cpu', 'memory', 'cpuArchitecture', 'networkConfiguration', 'taskRoleArn', 'cluster'];

/** An array of objects that name an image, each with only container-definition-like keys at the top. */
function looksLikeContainerDefinitions(root: Node | undefined): boolean {
  const list = asArray(root);
  if (!list || list.items.length === 0) return false;
  return list.items.every((item) => item.kind === 'object') && list.items.some((item) => getPair(item, 'image') !== undefined && getPair(item, 'name') !== undefined);
}

/** The JSON of `terraform show -json <planfile>`: its versions, and the planned values or the changes. */
function looksLikeTerraformPlan(root: Node | undefined): boolean {
  const obj = asObject(root);
  if (!obj || scalarString(getValue(obj, 'format_version')) === undefined || scalarString(getValue(obj, 'terraform_version')) === undefined) return false;
  return asObject(getValue(obj, 'planned_values')) !== undefined || asArray(getValue(obj, 'resource_changes')) !== undefined;
}

function looksLikeTemplate(obj: Node): boolean {
  const resources = asObject(getValue(obj, 'Resources'));
  if (!resources) return false;
  if (getPair(obj, 'AWSTemplateFormatVersion')) return true;
  return resources.pairs.some((pair) => {
    const type = scalarString(getValue(pair.value, 'Type'));
    return type !== undefined && /^(AWS|Alexa)::|^Custom::/.test(type);
  });
}
