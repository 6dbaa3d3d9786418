import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getValue, nodeAt } from '../../../server/src/core/parse/tree';
import { referenceGraph } from '../../../server/src/core/template/graph';
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
    assert.deepEqual(g.references.filter((r) => r.section === 'Outputs').map((r) => `${r.target}${r.attribute ? `.${r.attribute}` : ''} ${r.targetKind}`), [
      'FnRole.Arn implicit',
      'ServerlessRestApi implicit',
      'AWS::Region pseudo',
      'Fn.Alias resource',
    ]);
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
  it('a plain template is closed, and Ref with a dot is not split outside SAM', () => {
    const t = `Resources:\n  A:\n    Type: X\n    Properties:\n      B: !Ref A.B\n`;
    const g = referenceGraph(templateOf(t));
    assert.equal(g.closed, true);
    assert.equal(g.references[0]!.target, 'A.B');
    assert.equal(g.references[0]!.targetKind, 'missing');
  });
});
