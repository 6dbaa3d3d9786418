import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getValue, nodeAt } from '../../../server/src/core/parse/tree';
import { referenceGraph, type Reference } from '../../../server/src/core/template/graph';
import { at, templateOf } from './helpers';

const yaml = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env:
    Type: String
    Default: prod
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsNotProd: !Not [{ Condition: IsProd }]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Condition: IsProd
    Properties:
      BucketName: !Sub '\${AWS::StackName}-\${Env}-site'
  Dist:
    Type: AWS::CloudFront::Distribution
    DependsOn: [Bucket, Policy]
    Properties:
      DistributionConfig:
        Origins:
          - Id: s3
            DomainName: !GetAtt Bucket.RegionalDomainName
          - Id: other
            DomainName: !Sub
              - '\${Name}.s3.\${AWS::Region}.amazonaws.com'
              - Name: !Ref Bucket
          - Id: lit
            DomainName: !Sub '\${!Literal}-\${Missing.Attr}'
        Comment: !If [IsProd, !GetAtt [Bucket, Arn], !Ref AWS::NoValue]
  Policy:
    Type: AWS::S3::BucketPolicy
    DependsOn: Ghost
    Properties:
      Bucket: !Ref Bucket
Outputs:
  Url:
    Condition: IsProd
    Value: !Join ['', ['https://', !GetAtt Dist.DomainName]]
`;

describe('reference graph', () => {
  const t = templateOf(yaml);
  const g = referenceGraph(t, yaml);

  it('is cached per template', () => {
    assert.equal(referenceGraph(t), g);
  });

  it('collects Ref, GetAtt (both forms), Sub, DependsOn and Condition from resources, with name spans', () => {
    const fromDist = g.referencesFrom('Dist').map((r) => `${r.kind} ${r.target}${r.attribute ? `.${r.attribute}` : ''} ${r.targetKind} "${at(yaml, r.span)}"${r.conditional ? ' if' : ''}`);
    assert.deepEqual(fromDist, [
      'DependsOn Bucket resource "Bucket"',
      'DependsOn Policy resource "Policy"',
      'GetAtt Bucket.RegionalDomainName resource "Bucket"',
      'Ref Bucket resource "Bucket"',
      'Sub AWS::Region pseudo "AWS::Region"',
      'Sub Missing.Attr missing "Missing"',
      'Condition IsProd condition "IsProd"',
      'GetAtt Bucket.Arn resource "Bucket" if',
      'Ref AWS::NoValue pseudo "AWS::NoValue" if',
    ]);
  });

  it('skips Sub variables declared in its map and ${!Literal}', () => {
    assert.ok(!g.references.some((r) => r.target === 'Name' || r.target.startsWith('!') || r.target === 'Literal'));
  });

  it('sets the attribute span of GetAtt', () => {
    const getAtt = g.referencesFrom('Dist').find((r) => r.kind === 'GetAtt')!;
    assert.equal(at(yaml, getAtt.attributeSpan!), 'RegionalDomainName');
    const sub = g.referencesFrom('Dist').find((r) => r.target === 'Missing')!;
    assert.equal(at(yaml, sub.attributeSpan!), 'Attr');
  });

  it('collects from parameters in Sub, from conditions and outputs', () => {
    assert.deepEqual(
      g.referencesTo('Env').map((r) => `${r.section}:${r.from} ${r.kind}`),
      ['Resources:Bucket Sub', 'Conditions:IsProd Ref'],
    );
    assert.deepEqual(
      g.referencesTo('IsProd').map((r) => `${r.section}:${r.from}`),
      ['Resources:Bucket', 'Resources:Dist', 'Outputs:Url', 'Conditions:IsNotProd'],
    );
    assert.deepEqual(g.referencesFrom('Url').map((r) => `${r.kind} ${r.target}`), ['Condition IsProd', 'GetAtt Dist']);
  });

  it('marks missing targets', () => {
    assert.deepEqual(
      g.references.filter((r) => r.targetKind === 'missing').map((r) => `${r.kind} ${r.target}`),
      ['Sub Missing', 'DependsOn Ghost'],
    );
    assert.equal(g.closed, true);
  });

  it('resolves the resource a value points at', () => {
    const origins = nodeAt(t.resourcesById.get('Dist')!.properties!.node, ['DistributionConfig', 'Origins']).node;
    const domain = (i: number) => nodeAt(origins, [i, 'DomainName']).node;
    const first = g.resolveResourceRef(domain(0));
    assert.equal(first?.resource.logicalId, 'Bucket');
    assert.equal(first?.via, 'GetAtt');
    assert.equal(first?.attribute, 'RegionalDomainName');
    const second = g.resolveResourceRef(domain(1));
    assert.equal(second?.resource.logicalId, 'Bucket');
    assert.equal(second?.via, 'Sub');
    assert.equal(g.resolveResourceRef(domain(2)), undefined);
    const output = getValue(t.outputs.get('Url')!.value, 'Value');
    assert.equal(g.resolveResourceRef(output)?.resource.logicalId, 'Dist');
    assert.equal(g.resolveResourceRef(undefined), undefined);
  });

  it('finds the reference at an offset', () => {
    const offset = yaml.indexOf('Bucket.RegionalDomainName') + 3;
    assert.equal(g.referenceAt(offset)?.target, 'Bucket');
  });
});

describe('reference graph: JSON long forms', () => {
  const json = `{
  "Resources": {
    "Bucket": { "Type": "AWS::S3::Bucket" },
    "Dist": {
      "Type": "AWS::CloudFront::Distribution",
      "Properties": {
        "A": { "Fn::GetAtt": ["Bucket", "DomainName"] },
        "B": { "Fn::GetAtt": "Bucket.Arn" },
        "C": { "Ref": "Nope" },
        "D": { "Fn::Sub": "arn:\${AWS::Partition}:s3:::\${Bucket}/*" }
      }
    }
  }
}`;
  const g = referenceGraph(templateOf(json), json);
  it('reads the long forms with spans inside the quotes', () => {
    assert.deepEqual(
      g.references.map((r) => `${r.kind} ${r.target}${r.attribute ? `.${r.attribute}` : ''} ${r.targetKind} "${at(json, r.span)}"`),
      [
        'GetAtt Bucket.DomainName resource "Bucket"',
        'GetAtt Bucket.Arn resource "Bucket"',
        'Ref Nope missing "Nope"',
        'Sub AWS::Partition pseudo "AWS::Partition"',
        'Sub Bucket resource "Bucket"',
      ],
    );
    const getAtt = g.references[0]!;
    assert.equal(at(json, getAtt.attributeSpan!), 'DomainName');
  });
});

describe('reference graph: SAM', () => {
  const sam = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Environment:
      Variables:
        TABLE: !Ref Table
        QUEUE: !GetAtt Queue.Arn
Resources:
  Table:
    Type: AWS::Serverless::SimpleTable
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      AutoPublishAlias: live
      Events:
        Get:
          Type: Api
          Properties: { Path: /, Method: get }
Outputs:
  Role:
    Value: !GetAtt FnRole.Arn
  Api:
    Value: !Sub 'https://\${ServerlessRestApi}.execute-api.\${AWS::Region}.amazonaws.com/Prod/'
  Alias:
    Value: !Ref Fn.Alias
`;
  const g = referenceGraph(templateOf(sam), sam);
  it('reads references from Globals', () => {
    assert.deepEqual(g.references.filter((r) => r.section === 'Globals').map((r) => `${r.from} ${r.kind} ${r.target} ${r.targetKind}`), [
      'Function Ref Table resource',
      'Function GetAtt Queue missing',
    ]);
  });
  it('treats resources SAM generates as implicit, not missing', () => {
    assert.deepEqual(g.references.filter((r) => r.section === 'Outputs').map((r) => `${r.target}${r.samProperty ? ` [${r.samProperty}]` : ''}${r.attribute ? `.${r.attribute}` : ''} ${r.targetKind}`), [
      'FnRole.Arn implicit',
      'ServerlessRestApi implicit',
      'AWS::Region pseudo',
      'Fn [Alias] implicit',
    ]);
  });
});

describe('reference graph: SAM referenceable properties', () => {
  const sam = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      AutoPublishAlias: live
      EventInvokeConfig:
        DestinationConfig:
          OnFailure:
            Type: SQS
  Plain:
    Type: AWS::Serverless::Function
  MyApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
  Http:
    Type: AWS::Serverless::HttpApi
  Bucket:
    Type: AWS::S3::Bucket
Outputs:
  A: { Value: !Ref Fn.Alias }
  B: { Value: !GetAtt Fn.Alias.Name }
  C: { Value: !GetAtt [Fn.Version, Version] }
  D: { Value: !Sub '\${Fn.Alias}-\${Fn.Alias.Name}' }
  E: { Value: !GetAtt Fn.DestinationQueue.Arn }
  F: { Value: !Ref MyApi.Stage }
  G: { Value: !Ref MyApi.UsagePlanKey }
  H: { Value: !Ref Http.Stage }
  I: { Value: !Ref ServerlessRestApi.Deployment }
  J: { Value: !Ref MyApi.Nope }
  K: { Value: !Ref Http.Deployment }
  L: { Value: !Ref Plain.Alias }
  M: { Value: !Ref Bucket.Arn }
  N: { Value: !GetAtt Fn.Arn }
`;
  const g = referenceGraph(templateOf(sam), sam);
  const show = (r: Reference) =>
    `${r.kind} ${r.target}${r.samProperty ? ` [${r.samProperty} ${r.generatedType}]` : ''}${r.attribute ? `.${r.attribute}` : ''} ${r.targetKind} "${at(sam, r.span)}"${r.attributeSpan ? ` "${at(sam, r.attributeSpan)}"` : ''}${r.samRequires ? ` needs ${r.samRequires}` : ''}`;
  it('reads <LogicalId>.<Property> in Ref, GetAtt (both forms) and Sub as the resource SAM generates', () => {
    assert.deepEqual(g.references.map(show), [
      'Ref Fn [Alias AWS::Lambda::Alias] implicit "Fn"',
      'GetAtt Fn [Alias AWS::Lambda::Alias].Name implicit "Fn" "Name"',
      'GetAtt Fn [Version AWS::Lambda::Version].Version implicit "Fn" "Version"',
      'Sub Fn [Alias AWS::Lambda::Alias] implicit "Fn"',
      'Sub Fn [Alias AWS::Lambda::Alias].Name implicit "Fn" "Name"',
      'GetAtt Fn [DestinationQueue AWS::SQS::Queue].Arn implicit "Fn" "Arn"',
      'Ref MyApi [Stage AWS::ApiGateway::Stage] implicit "MyApi"',
      'Ref MyApi [UsagePlanKey AWS::ApiGateway::UsagePlanKey] implicit "MyApi"',
      'Ref Http [Stage AWS::ApiGatewayV2::Stage] implicit "Http"',
      'Ref ServerlessRestApi [Deployment AWS::ApiGateway::Deployment] implicit "ServerlessRestApi"',
      'Ref MyApi.Nope missing "MyApi.Nope"',
      'Ref Http.Deployment missing "Http.Deployment"',
      'Ref Plain [Alias AWS::Lambda::Alias] missing "Plain" needs AutoPublishAlias',
      'Ref Bucket.Arn missing "Bucket.Arn"',
      'GetAtt Fn.Arn resource "Fn" "Arn"',
    ]);
  });
  it('resolves a SAM property reference to its resource, with the property', () => {
    const node = g.references[0]!.node;
    const ref = g.resolveResourceRef(node);
    assert.equal(ref?.resource.logicalId, 'Fn');
    assert.equal(ref?.samProperty, 'Alias');
  });
  it('takes AutoPublishAlias from Globals', () => {
    const t = `Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    AutoPublishAlias: live\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\nOutputs:\n  A:\n    Value: !Ref Fn.Version\n`;
    assert.equal(referenceGraph(templateOf(t)).references[0]!.targetKind, 'implicit');
  });
  it('applies SAM naming to a template with Serverless types and no Transform line, not to one with another transform', () => {
    const body = `Resources:\n  Api:\n    Type: AWS::Serverless::Api\nOutputs:\n  A:\n    Value: !Ref Api.Stage\n  B:\n    Value: !GetAtt ApiRole.Arn\n`;
    assert.deepEqual(referenceGraph(templateOf(body)).references.map((r) => r.targetKind), ['implicit', 'implicit']);
    const other = `Transform: AWS::LanguageExtensions\n${body}`;
    assert.deepEqual(referenceGraph(templateOf(other)).references.map((r) => r.targetKind), ['missing', 'missing']);
    const plain = `Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\nOutputs:\n  A:\n    Value: !Ref Api.Stage\n`;
    assert.deepEqual(referenceGraph(templateOf(plain)).references.map((r) => `${r.target} ${r.targetKind}`), ['Api.Stage missing']);
  });
});

describe('reference graph: SAM embedded connectors and expansion', () => {
  const sam = `Transform: AWS::Serverless-2016-10-31
Resources:
  MyQueue:
    Type: AWS::SQS::Queue
    Connectors:
      MyConnector:
        Properties:
          Destination:
            Type: AWS::Lambda::Function
            Arn: !GetAtt MyFunction.Arn
          Permissions: [Write]
  MyFunction:
    Type: AWS::Serverless::Function
    DependsOn: [MyQueueMyConnector, MyQueueMyConnectorPolicy, MyQueueOther, MyQueueMyConnector.Policy]
    Properties:
      Environment:
        Variables:
          Q: !Ref MyQueue
  Mapping:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: !Ref MyFunction
`;
  const g = referenceGraph(templateOf(sam), sam);
  it('knows the connectors SAM creates from a Connectors attribute, and their resources', () => {
    assert.deepEqual(g.referencesFrom('MyFunction').filter((r) => r.kind === 'DependsOn').map((r) => `${r.target} ${r.targetKind}`), [
      'MyQueueMyConnector implicit',
      'MyQueueMyConnectorPolicy implicit',
      'MyQueueOther missing',
      'MyQueueMyConnector.Policy missing',
    ]);
  });
  it('marks the edges SAM expands: inside Serverless resources (not their DependsOn) and Connectors', () => {
    assert.deepEqual(g.references.map((r) => `${r.from} ${r.kind} ${r.target}${r.samExpanded ? ' expanded' : ''}`), [
      'MyQueue GetAtt MyFunction expanded',
      'MyFunction DependsOn MyQueueMyConnector',
      'MyFunction DependsOn MyQueueMyConnectorPolicy',
      'MyFunction DependsOn MyQueueOther',
      'MyFunction DependsOn MyQueueMyConnector.Policy',
      'MyFunction Ref MyQueue expanded',
      'Mapping Ref MyFunction',
    ]);
  });
  it('has no connector names without the SAM transform', () => {
    const t = sam.replace('Transform: AWS::Serverless-2016-10-31\n', '').replace(/  MyFunction:\n    Type: AWS::Serverless::Function/, '  MyFunction:\n    Type: AWS::Lambda::Function');
    assert.equal(referenceGraph(templateOf(t)).references.find((r) => r.target === 'MyQueueMyConnector')?.targetKind, 'missing');
  });
});

describe('reference graph: macros', () => {
  it('is open when another transform may add resources', () => {
    const t = `Transform: [AWS::Serverless-2016-10-31, MyMacro]\nResources:\n  A:\n    Type: X\n    Properties:\n      B: !Ref Gen\n`;
    assert.equal(referenceGraph(templateOf(t)).closed, false);
  });
  it('is open with Fn::ForEach', () => {
    const t = `Transform: AWS::LanguageExtensions\nResources:\n  Fn::ForEach::Topics:\n    - Name\n    - [a, b]\n    - Topic\${Name}:\n        Type: AWS::SNS::Topic\n`;
    assert.equal(referenceGraph(templateOf(t)).closed, false);
  });
  it('is open for a rain template (its modules add resources; Rain:: directives replace values)', () => {
    const t = `Resources:\n  Network:\n    Type: !Rain::Module ./vpc.yml\n  Server:\n    Type: AWS::EC2::Instance\n    Properties:\n      SubnetId: !GetAtt NetworkPublicSubnet1.SubnetId\n`;
    assert.equal(referenceGraph(templateOf(t), t).closed, false);
    const embed = `{"Resources": {"F": {"Type": "AWS::Lambda::Function", "Properties": {"Code": {"ZipFile": {"Rain::Embed": "handler.py"}}}}}}`;
    assert.equal(referenceGraph(templateOf(embed), embed).closed, false);
    const plain = `Resources:\n  Rain:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: Rain::nothing\n`;
    assert.equal(referenceGraph(templateOf(plain), plain).closed, true, 'a resource named Rain, or the text in a value, is not a directive');
  });
  it('a plain template is closed, and Ref with a dot is not split outside SAM', () => {
    const t = `Resources:\n  A:\n    Type: X\n    Properties:\n      B: !Ref A.B\n`;
    const g = referenceGraph(templateOf(t));
    assert.equal(g.closed, true);
    assert.equal(g.references[0]!.target, 'A.B');
    assert.equal(g.references[0]!.targetKind, 'missing');
  });
});
