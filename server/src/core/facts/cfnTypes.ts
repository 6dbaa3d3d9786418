/**
 * Every CloudFormation resource type of the compute services Berth checks (ECS, Lambda, Batch), and what Berth does
 * with it: `modelled` (rules read it through the model), `schema` (its properties are in schemas/cfn/resources.json:
 * property checks, hovers, completion), `not-checked` (accepted as written: an open world). A type AWS adds to these
 * services fails `npm run facts:check` until it is listed here. Source: @aws-cdk/aws-service-spec 0.1.216 (the
 * CloudFormation resource provider schemas), checked 2026-12-07.
 */
export type CfnTypeCoverage = 'modelled' | 'schema' | 'not-checked';

export const CFN_COMPUTE_TYPES: Readonly<Record<string, CfnTypeCoverage>> = {
  'AWS::ECS::TaskDefinition': 'modelled',
  'AWS::ECS::Service': 'modelled',
  'AWS::ECS::Cluster': 'schema',
  'AWS::ECS::ExpressGatewayService': 'schema',
  'AWS::ECS::CapacityProvider': 'not-checked',
  'AWS::ECS::ClusterCapacityProviderAssociations': 'not-checked',
  'AWS::ECS::Daemon': 'not-checked',
  'AWS::ECS::DaemonTaskDefinition': 'not-checked',
  'AWS::ECS::PrimaryTaskSet': 'not-checked',
  'AWS::ECS::TaskSet': 'not-checked',
  'AWS::Lambda::Function': 'modelled',
  'AWS::Lambda::EventSourceMapping': 'schema',
  'AWS::Lambda::Url': 'schema',
  'AWS::Lambda::Permission': 'schema',
  'AWS::Lambda::Alias': 'not-checked',
  'AWS::Lambda::CapacityProvider': 'not-checked',
  'AWS::Lambda::CodeSigningConfig': 'not-checked',
  'AWS::Lambda::EventInvokeConfig': 'not-checked',
  'AWS::Lambda::LayerVersion': 'not-checked',
  'AWS::Lambda::LayerVersionPermission': 'not-checked',
  'AWS::Lambda::MicrovmImage': 'not-checked',
  'AWS::Lambda::NetworkConnector': 'not-checked',
  'AWS::Lambda::ResourcePolicy': 'not-checked',
  'AWS::Lambda::Version': 'not-checked',
  'AWS::Batch::JobDefinition': 'modelled',
  'AWS::Batch::JobQueue': 'schema',
  'AWS::Batch::ComputeEnvironment': 'schema',
  'AWS::Batch::ConsumableResource': 'not-checked',
  'AWS::Batch::QuotaShare': 'not-checked',
  'AWS::Batch::SchedulingPolicy': 'not-checked',
  'AWS::Batch::ServiceEnvironment': 'not-checked',
};
