/**
 * The sections of a SAM template's `Globals` and the properties each may set: what the SAM transform accepts.
 * Anything else makes the transform reject the template ("'Globals' section is invalid. '…' is not a supported
 * property of 'Function'" / "'…' is not supported").
 *
 * Sources (checked 2026-11-23):
 * - AWS SAM's transform, `Globals.supported_properties` in samtranslator/plugins/globals/globals.py at 1.110.0
 *   (commit 7000d0a3b0e5e0d9fca014ce135850718aad1290, the commit schemas/cfn/sam.json is generated from;
 *   Apache-2.0): https://github.com/aws/serverless-application-model/blob/7000d0a3b0e5e0d9fca014ce135850718aad1290/samtranslator/plugins/globals/globals.py
 *   It accepts more Function properties than sam.schema.json's Globals definition (which sam.json's
 *   `globalProperties` come from): AutoPublishAliasAllProperties, CodeSigningConfigArn, FileSystemConfigs,
 *   FunctionUrlConfig.
 * - The SAM documentation's list:
 *   https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy-globals.html
 *   Some translations of that page already name sections newer than 1.110.0 (MicrovmImage, NetworkConnector,
 *   WebFunction): they count as known sections, with properties not checked.
 */

export const SAM_GLOBALS_SOURCE = 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy-globals.html';

/** Section name → the properties it may set; `undefined`: a known section whose properties are not checked. */
export const SAM_GLOBALS: Readonly<Record<string, readonly string[] | undefined>> = {
  Function: [
    'Handler',
    'Runtime',
    'CodeUri',
    'DeadLetterQueue',
    'Description',
    'MemorySize',
    'Timeout',
    'VpcConfig',
    'Environment',
    'Tags',
    'PropagateTags',
    'Tracing',
    'KmsKeyArn',
    'AutoPublishAlias',
    'AutoPublishAliasAllProperties',
    'Layers',
    'DeploymentPreference',
    'RolePath',
    'PermissionsBoundary',
    'ReservedConcurrentExecutions',
    'ProvisionedConcurrencyConfig',
    'AssumeRolePolicyDocument',
    'EventInvokeConfig',
    'FileSystemConfigs',
    'CodeSigningConfigArn',
    'Architectures',
    'SnapStart',
    'EphemeralStorage',
    'FunctionUrlConfig',
    'RuntimeManagementConfig',
    'LoggingConfig',
    'RecursiveLoop',
    'SourceKMSKeyArn',
    'TenancyConfig',
    'DurableConfig',
    'CapacityProviderConfig',
    'FunctionScalingConfig',
    'PublishToLatestPublished',
    'VersionDeletionPolicy',
  ],
  Api: [
    'Auth',
    'Name',
    'DefinitionUri',
    'CacheClusterEnabled',
    'CacheClusterSize',
    'MergeDefinitions',
    'Variables',
    'EndpointConfiguration',
    'MethodSettings',
    'BinaryMediaTypes',
    'MinimumCompressionSize',
    'Cors',
    'GatewayResponses',
    'AccessLogSetting',
    'CanarySetting',
    'TracingEnabled',
    'OpenApiVersion',
    'Domain',
    'AlwaysDeploy',
    'PropagateTags',
    'SecurityPolicy',
    'EndpointAccessMode',
  ],
  HttpApi: ['Auth', 'AccessLogSettings', 'StageVariables', 'Tags', 'CorsConfiguration', 'DefaultRouteSettings', 'Domain', 'RouteSettings', 'FailOnWarnings', 'PropagateTags'],
  // Sections of the SAM types Berth has no property data for: known, their properties not checked.
  SimpleTable: undefined,
  StateMachine: undefined,
  LayerVersion: undefined,
  CapacityProvider: undefined,
  WebSocketApi: undefined,
  MicrovmImage: undefined,
  NetworkConnector: undefined,
  WebFunction: undefined,
};
