/**
 * SAM "referenceable properties": `!Ref MyApi.Stage`, `!GetAtt MyFunction.Alias.Name`, `${MyFunction.Alias}`.
 * The SAM transform rewrites `<LogicalId>.<Property>` to the resource it generates for that property, so these
 * names are valid only on a resource of the matching SAM type (and only under the SAM transform). Any other
 * `<LogicalId>.<Property>` is left as written, and CloudFormation then rejects it as an unknown logical id.
 *
 * Source (checked 2026-11-23): `referable_properties` of SamFunction, SamApi, SamHttpApi and SamWebSocketApi in
 * samtranslator/model/sam_resources.py of AWS SAM's transform, serverless-application-model 1.110.0
 * (commit 7000d0a3b0e5e0d9fca014ce135850718aad1290, Apache-2.0):
 * https://github.com/aws/serverless-application-model/blob/7000d0a3b0e5e0d9fca014ce135850718aad1290/samtranslator/model/sam_resources.py
 * Documented in "Referencing generated CloudFormation resources":
 * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-generated-resources.html
 */
export const SAM_REFERENCES_SOURCE =
  'https://github.com/aws/serverless-application-model/blob/7000d0a3b0e5e0d9fca014ce135850718aad1290/samtranslator/model/sam_resources.py';

/** SAM type → referable property → the CloudFormation type of the resource it names. */
export const SAM_REFERABLE_PROPERTIES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'AWS::Serverless::Function': {
    Alias: 'AWS::Lambda::Alias',
    Version: 'AWS::Lambda::Version',
    // The SQS queue / SNS topic SAM creates for an EventInvokeConfig destination of Type SQS/SNS without Destination.
    DestinationTopic: 'AWS::SNS::Topic',
    DestinationQueue: 'AWS::SQS::Queue',
  },
  'AWS::Serverless::Api': {
    Stage: 'AWS::ApiGateway::Stage',
    Deployment: 'AWS::ApiGateway::Deployment',
    DomainName: 'AWS::ApiGateway::DomainName',
    DomainNameV2: 'AWS::ApiGateway::DomainNameV2',
    UsagePlan: 'AWS::ApiGateway::UsagePlan',
    UsagePlanKey: 'AWS::ApiGateway::UsagePlanKey',
    ApiKey: 'AWS::ApiGateway::ApiKey',
  },
  'AWS::Serverless::HttpApi': {
    Stage: 'AWS::ApiGatewayV2::Stage',
    DomainName: 'AWS::ApiGatewayV2::DomainName',
  },
  'AWS::Serverless::WebSocketApi': {
    Stage: 'AWS::ApiGatewayV2::Stage',
    DomainName: 'AWS::ApiGatewayV2::DomainName',
  },
};

/**
 * Referable properties that exist only when a property of the resource (or of its Globals section) is set:
 * SamFunction creates the Lambda version and alias only with AutoPublishAlias (`_construct_version` /
 * `_construct_alias` in the same file); without it SAM leaves `MyFunction.Alias` unresolved.
 */
export const SAM_REFERABLE_REQUIRES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'AWS::Serverless::Function': { Alias: 'AutoPublishAlias', Version: 'AutoPublishAlias' },
};

/** The implicit APIs (ServerlessRestApi, ServerlessHttpApi) SAM creates, by the SAM type their properties follow. */
export const SAM_IMPLICIT_API_TYPES: Readonly<Record<string, string>> = {
  ServerlessRestApi: 'AWS::Serverless::Api',
  ServerlessHttpApi: 'AWS::Serverless::HttpApi',
};

/** The referable properties of a SAM type, or undefined for a type without any. */
export function samReferableProperties(type: string): Readonly<Record<string, string>> | undefined {
  return Object.prototype.hasOwnProperty.call(SAM_REFERABLE_PROPERTIES, type) ? SAM_REFERABLE_PROPERTIES[type] : undefined;
}
