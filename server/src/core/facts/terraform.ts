/** aws_lb (and its older name aws_alb): CloudFormation's Type and SubnetMappings. Same source as below. */
const LOAD_BALANCER_NAMES = { type: 'load_balancer_type', subnetMappings: 'subnet_mapping' } as const;

/**
 * How the Terraform AWS provider names what the AWS APIs name: per resource type, the arguments (and nested block
 * arguments) whose name is not the snake_case of the API's camelCase name. Everything else is its snake_case
 * (`networkMode` → `network_mode`). Source: the provider's resource docs,
 * https://registry.terraform.io/providers/hashicorp/aws/latest/docs (website/docs/r/*.html.markdown of
 * hashicorp/terraform-provider-aws at 0205d166, provider 6.x), checked 2026-12-07.
 */
export const TERRAFORM_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  aws_ecs_task_definition: {
    volumes: 'volume',
    sizeInGiB: 'size_in_gib',
    inferenceAccelerators: 'inference_accelerator',
    placementConstraints: 'placement_constraints',
  },
  aws_ecs_service: {
    serviceName: 'name',
    loadBalancers: 'load_balancer',
    loadBalancerName: 'elb_name',
    networkConfiguration: 'network_configuration',
    deploymentCircuitBreaker: 'deployment_circuit_breaker',
    capacityProviderStrategy: 'capacity_provider_strategy',
    placementStrategy: 'ordered_placement_strategy',
    serviceRegistries: 'service_registries',
  },
  aws_ecs_express_gateway_service: {
    // primary_container's blocks: `secret { name, value_from }` (the API's secrets).
    secrets: 'secret',
  },
  aws_lambda_function: {
    // Lambda's model reads PascalCase names; these are the ones whose snake_case differs.
    SubnetIds: 'subnet_ids',
    SecurityGroupIds: 'security_group_ids',
    KMSKeyArn: 'kms_key_arn',
    FileSystemConfigs: 'file_system_config',
    ReservedConcurrentExecutions: 'reserved_concurrent_executions',
  },
  aws_batch_job_definition: {
    jobDefinitionName: 'name',
    attemptDurationSeconds: 'attempt_duration_seconds',
  },
  // ELBv2 (aws_alb is the older name of aws_lb, and so on; the provider keeps both).
  aws_lb: LOAD_BALANCER_NAMES,
  aws_alb: LOAD_BALANCER_NAMES,
  // The Lambda links' resources: names as in CloudFormation (PascalCase), which their model reads.
  aws_sqs_queue: {
    QueueName: 'name',
    VisibilityTimeout: 'visibility_timeout_seconds',
  },
  aws_lambda_function_url: {
    AuthType: 'authorization_type',
  },
  aws_api_gateway_integration: {
    TimeoutInMillis: 'timeout_milliseconds',
  },
  aws_apigatewayv2_integration: {
    TimeoutInMillis: 'timeout_milliseconds',
  },
};

/**
 * Arguments whose value is a JSON document in the API's own shape (camelCase keys): written with jsonencode(),
 * a heredoc or a string, or read from a file with file()/templatefile(). Same source.
 */
export const TERRAFORM_JSON_ARGUMENTS: Readonly<Record<string, readonly string[]>> = {
  aws_ecs_task_definition: ['container_definitions'],
  aws_batch_job_definition: ['container_properties', 'node_properties', 'ecs_properties', 'eks_properties'],
  aws_s3_bucket_policy: ['policy'],
  // The legacy inline policy of a bucket (provider 3.x; still accepted).
  aws_s3_bucket: ['policy'],
};

/**
 * Arguments the provider places elsewhere than the API does (flattened or moved blocks), by resource type: the
 * argument's path (its block names, dotted) → the API path it documents. `valuesDiffer`: the provider takes
 * other values than the API's enum (`assign_public_ip = true` for ENABLED). Same source as above. Arguments not
 * listed here map name by name through TERRAFORM_NAMES and snake_case; the provider's own arguments with no API
 * counterpart (`force_new_deployment`, `skip_destroy`) map to nothing.
 */
export const TERRAFORM_ARGUMENT_PATHS: Readonly<Record<string, Readonly<Record<string, { readonly api: readonly string[]; readonly valuesDiffer?: true }>>>> = {
  aws_ecs_service: {
    network_configuration: { api: ['networkConfiguration', 'awsvpcConfiguration'] },
    'network_configuration.assign_public_ip': { api: ['networkConfiguration', 'awsvpcConfiguration', 'assignPublicIp'], valuesDiffer: true },
    deployment_circuit_breaker: { api: ['deploymentConfiguration', 'deploymentCircuitBreaker'] },
    deployment_maximum_percent: { api: ['deploymentConfiguration', 'maximumPercent'] },
    deployment_minimum_healthy_percent: { api: ['deploymentConfiguration', 'minimumHealthyPercent'] },
    alarms: { api: ['deploymentConfiguration', 'alarms'] },
    iam_role: { api: ['role'] },
  },
  aws_lambda_function: {
    image_uri: { api: ['Code', 'ImageUri'] },
    s3_bucket: { api: ['Code', 'S3Bucket'] },
    s3_key: { api: ['Code', 'S3Key'] },
    s3_object_version: { api: ['Code', 'S3ObjectVersion'] },
  },
};

/** The API (schema kind) each modelled resource type documents its arguments with. */
export const TERRAFORM_SCHEMA_KINDS: Readonly<Record<string, 'ecs-task-definition' | 'ecs-service' | 'ecs-express-service' | 'batch-job-definition' | 'lambda-function'>> = {
  aws_ecs_task_definition: 'ecs-task-definition',
  aws_ecs_service: 'ecs-service',
  aws_ecs_express_gateway_service: 'ecs-express-service',
  aws_batch_job_definition: 'batch-job-definition',
  aws_lambda_function: 'lambda-function',
};
