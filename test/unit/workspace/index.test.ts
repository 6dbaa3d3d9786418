import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepare, toIndexed } from '../../../server/src/core/analyze';
import { parseTaskDefinitionReference, WorkspaceIndex } from '../../../server/src/core/workspace/index';

const taskDef = (family: string) => `{"family": "${family}", "containerDefinitions": [{"name": "app", "image": "x:1"}]}`;
const service = (family: string) => `{"serviceName": "s", "cluster": "c", "taskDefinition": "${family}"}`;

function indexed(uri: string, text: string) {
  const doc = toIndexed(prepare({ uri, text }));
  assert.ok(doc, `${uri} should be an AWS config`);
  return doc;
}

describe('workspace index', () => {
  it('finds task definitions by family and services by the family they reference', () => {
    const index = new WorkspaceIndex();
    index.set(indexed('file:///w/a/task.json', taskDef('web')));
    index.set(indexed('file:///w/b/service.json', service('web:7')));
    index.set(indexed('file:///w/c/other.json', taskDef('api')));
    assert.deepEqual(index.taskDefinitionsByFamily('web').map((x) => x.doc.uri), ['file:///w/a/task.json']);
    assert.deepEqual(index.servicesForFamily('web').map((x) => x.doc.uri), ['file:///w/b/service.json']);
    assert.deepEqual(index.servicesForFamily('api'), []);
  });

  it('reports the dependents of a change, and forgets a document incrementally', () => {
    const index = new WorkspaceIndex();
    index.set(indexed('file:///w/a/task.json', taskDef('web')));
    assert.deepEqual(index.set(indexed('file:///w/b/service.json', service('web'))), ['file:///w/a/task.json']);
    // Renaming the family moves the task definition away from the service: the service must re-check.
    assert.deepEqual(index.set(indexed('file:///w/a/task.json', taskDef('web2'))), ['file:///w/b/service.json']);
    assert.deepEqual(index.servicesForFamily('web2'), []);
    assert.deepEqual(index.delete('file:///w/b/service.json'), []);
    assert.equal(index.size, 1);
  });

  it('groups documents by folder (for Dockerfile links)', () => {
    const index = new WorkspaceIndex();
    index.set(indexed('file:///w/a/task.json', taskDef('web')));
    index.set(indexed('file:///w/a/Dockerfile', 'FROM node:20.18\n'));
    index.set(indexed('file:///w/b/task.json', taskDef('api')));
    assert.deepEqual(index.documentsInFolder('file:///w/a/').map((d) => d.uri).sort(), ['file:///w/a/Dockerfile', 'file:///w/a/task.json']);
  });

  it('makes a folder\'s Dockerfiles, not its other templates, the dependents of a template (only Dockerfiles read their folder)', () => {
    const index = new WorkspaceIndex();
    const template = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n';
    index.set(indexed('file:///w/a/one.yaml', template));
    assert.deepEqual(index.set(indexed('file:///w/a/two.yaml', template)), []);
    assert.deepEqual(index.set(indexed('file:///w/a/task.json', taskDef('web'))), []);
    assert.deepEqual(index.set(indexed('file:///w/a/Dockerfile', 'FROM node:20.18\n')).sort(), ['file:///w/a/one.yaml', 'file:///w/a/task.json', 'file:///w/a/two.yaml']);
    assert.deepEqual(index.set(indexed('file:///w/a/one.yaml', template)), ['file:///w/a/Dockerfile']);
    assert.deepEqual(index.set(indexed('file:///w/a/app.Dockerfile', 'FROM node:20.18\n')).sort(), ['file:///w/a/Dockerfile', 'file:///w/a/one.yaml', 'file:///w/a/task.json', 'file:///w/a/two.yaml']);
  });

  it('parses family, family:revision and ARNs', () => {
    assert.deepEqual(parseTaskDefinitionReference('web'), { family: 'web' });
    assert.deepEqual(parseTaskDefinitionReference('web:12'), { family: 'web', revision: 12 });
    assert.deepEqual(parseTaskDefinitionReference('arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3'), { family: 'web', revision: 3 });
    assert.equal(parseTaskDefinitionReference('arn:aws:iam::123456789012:role/x'), undefined);
    assert.equal(parseTaskDefinitionReference('not a family!'), undefined);
  });

  it('links a SAM template to the Dockerfile it names in another folder, both ways', () => {
    const index = new WorkspaceIndex();
    index.set(indexed('file:///w/app/Dockerfile', 'FROM public.ecr.aws/lambda/python:3.13\nCMD ["app.handler"]\n'));
    const template = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      PackageType: Image
    Metadata:
      DockerContext: ../app
      Dockerfile: Dockerfile
`;
    assert.deepEqual(index.set(indexed('file:///w/sam/template.yaml', template)), ['file:///w/app/Dockerfile']);
    assert.deepEqual(index.dependents('file:///w/app/Dockerfile'), ['file:///w/sam/template.yaml']);
    assert.deepEqual(index.delete('file:///w/sam/template.yaml'), ['file:///w/app/Dockerfile']);
    assert.deepEqual(index.dependents('file:///w/app/Dockerfile'), []);
  });
});
