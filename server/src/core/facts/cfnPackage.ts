/**
 * Properties that `aws cloudformation package` (and `sam package` / `sam deploy`) rewrite: written as a local
 * path in the template a user edits, they become an S3 location before CloudFormation sees them. A string
 * there is therefore not an error, whatever type the deployed property has.
 *
 * Source: AWS CLI reference, `aws cloudformation package`, list of supported resources and properties:
 * https://docs.aws.amazon.com/cli/latest/reference/cloudformation/package.html (checked 2026-11-23).
 * Only the types Berth's schemas cover are listed.
 */
export const PACKAGEABLE_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  'AWS::Lambda::Function': ['Code'],
  'AWS::Lambda::LayerVersion': ['Content'],
  'AWS::Serverless::Function': ['CodeUri'],
  'AWS::Serverless::Api': ['DefinitionUri'],
  'AWS::Serverless::HttpApi': ['DefinitionUri'],
  'AWS::Serverless::LayerVersion': ['ContentUri'],
  'AWS::Serverless::StateMachine': ['DefinitionUri'],
  'AWS::Serverless::Application': ['Location'],
  'AWS::ApiGateway::RestApi': ['BodyS3Location'],
  'AWS::CloudFormation::Stack': ['TemplateURL'],
};

/** Whether a string value of this top-level property is a local path that packaging replaces. */
export function isPackageableProperty(resourceType: string, property: string): boolean {
  return PACKAGEABLE_PROPERTIES[resourceType]?.includes(property) ?? false;
}
