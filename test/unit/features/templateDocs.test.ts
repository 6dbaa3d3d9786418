/** Hover and completion in templates for the covered resource types, from the CloudFormation resource spec. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepare } from '../../../server/src/core/analyze';
import { completionsAt } from '../../../server/src/core/features/completion';
import { hoverAt } from '../../../server/src/core/features/hover';

const TEMPLATE = `Resources:
  Site:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: site
  Jobs:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 30
`;
const doc = prepare({ uri: 'file:///w/template.yaml', text: TEMPLATE });

describe('template hovers from the resource spec', () => {
  it('documents a property of a type the API schemas do not cover', () => {
    const hover = hoverAt(doc, TEMPLATE.indexOf('VisibilityTimeout') + 3)!;
    assert.match(hover.markdown, /^\*\*VisibilityTimeout\*\*\n\nThe length of time during which a message will be unavailable/);
    const start = TEMPLATE.indexOf('VisibilityTimeout');
    assert.deepEqual(hover.span, { start, end: start + 'VisibilityTimeout'.length });
  });

  it('documents the resource type on its Type value', () => {
    const hover = hoverAt(doc, TEMPLATE.indexOf('AWS::SQS::Queue') + 5)!;
    assert.match(hover.markdown, /^\*\*AWS::SQS::Queue\*\*\n\nThe `AWS::SQS::Queue` resource creates an Amazon SQS standard or FIFO queue/);
  });
});

describe('template completion from the resource spec', () => {
  it('offers the property names of a covered type, without those already written', () => {
    const text = TEMPLATE.replace('      BucketName: site\n', '      BucketName: site\n      Vers\n');
    const labels = completionsAt(prepare({ uri: 'file:///w/template.yaml', text }), text.indexOf('Vers') + 4).map((c) => c.label);
    assert.ok(labels.includes('VersioningConfiguration'), labels.join(', '));
    assert.ok(!labels.includes('BucketName'));
  });

  it('offers resource types on Type, replacing the whole token', () => {
    const text = TEMPLATE.replace('Type: AWS::SQS::Queue', 'Type: AWS::SQ');
    const offset = text.indexOf('AWS::SQ\n') + 'AWS::SQ'.length;
    const entries = completionsAt(prepare({ uri: 'file:///w/template.yaml', text }), offset);
    const queue = entries.find((e) => e.label === 'AWS::SQS::Queue');
    assert.ok(queue);
    assert.deepEqual(queue.span, { start: text.indexOf('AWS::SQ\n'), end: offset });
    assert.ok(entries.some((e) => e.label === 'AWS::Serverless::Function'));
  });
});

const SAM = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Tracing: Active
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
`;

describe('template hovers and completion for SAM types, from the SAM schema', () => {
  it('documents SAM-only properties', () => {
    const doc = prepare({ uri: 'file:///w/template.yaml', text: SAM });
    assert.match(hoverAt(doc, SAM.indexOf('Tracing') + 2)!.markdown, /^\*\*Tracing\*\*\n\nValues: `Active`, `PassThrough`, `Disabled`\n\n---\n\*\*AWS:\*\* The string that specifies the function's X-Ray tracing mode/);
    assert.match(hoverAt(doc, SAM.indexOf('StageName') + 2)!.markdown, /^\*\*StageName\*\*\n\nThe name of the stage, which API Gateway uses/);
  });

  it('offers the property names of a SAM API, and those of the object shape of a polymorphic property', () => {
    const top = `${SAM}      Defin`;
    const topLabels = completionsAt(prepare({ uri: 'file:///w/template.yaml', text: top }), top.length).map((c) => c.label);
    assert.ok(topLabels.includes('DefinitionUri'), topLabels.join(', '));
    assert.ok(topLabels.includes('Auth'));
    assert.ok(!topLabels.includes('StageName'), 'already written');
    // DefinitionUri is a path or a { Bucket, Key, Version } object: inside the object, its properties.
    const nested = `${SAM}      DefinitionUri:\n        Bucket: b\n        Ke`;
    const nestedLabels = completionsAt(prepare({ uri: 'file:///w/template.yaml', text: nested }), nested.length).map((c) => c.label);
    assert.deepEqual([...nestedLabels].sort(), ['Key', 'Version']);
  });
});
