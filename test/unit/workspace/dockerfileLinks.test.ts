import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepare, toIndexed } from '../../../server/src/core/analyze';
import { dockerfilesNamedBy, linkedTargets } from '../../../server/src/core/workspace/dockerfileLinks';
import { resolveUri } from '../../../server/src/core/workspace/references';
import { WorkspaceIndex } from '../../../server/src/core/workspace/index';

function workspace(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [path, text] of Object.entries(files)) {
    const doc = toIndexed(prepare({ uri: `file:///w/${path}`, text }));
    if (doc) index.set(doc);
  }
  return index;
}

const SAM = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Architectures: [arm64]
Resources:
  Hello:
    Type: AWS::Serverless::Function
    Properties:
      PackageType: Image
      ImageConfig:
        Command: ["app.handler"]
    Metadata:
      DockerContext: ./hello
      Dockerfile: Dockerfile.lambda
  Zip:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: python3.12
      CodeUri: ./hello
`;

const TASK = '{"family": "web", "runtimePlatform": {"cpuArchitecture": "ARM64"}, "containerDefinitions": [{"name": "web", "image": "x:1", "portMappings": [{"containerPort": 8080}], "stopTimeout": 60}]}';

describe('resolveUri', () => {
  it('normalises . and ..', () => {
    assert.equal(resolveUri('file:///w/a/', './b/../c/Dockerfile'), 'file:///w/a/c/Dockerfile');
    assert.equal(resolveUri('file:///w/a/', '../Dockerfile'), 'file:///w/Dockerfile');
  });
});

describe('linkedTargets', () => {
  it('links a SAM image function through Metadata, with Globals architectures and ImageConfig', () => {
    const ws = workspace({ 'template.yaml': SAM, 'hello/Dockerfile.lambda': 'FROM public.ecr.aws/lambda/python:3.12\n' });
    const links = linkedTargets('file:///w/hello/Dockerfile.lambda', ws);
    assert.equal(links.length, 1);
    const link = links[0]!;
    assert.equal(link.kind, 'lambda');
    if (link.kind !== 'lambda') return;
    assert.equal(link.logicalId, 'Hello');
    assert.deepEqual(link.architectures.map((a) => (a.known ? a.value : '?')), ['arm64']);
    assert.deepEqual(link.imageCommand.map((a) => (a.known ? a.value : '?')), ['app.handler']);
    assert.equal(link.uri, 'file:///w/template.yaml');
  });

  it('applies Globals as SAM does: a function that ignores Globals.Function Architectures has none from there', () => {
    const text = SAM.replace('      PackageType: Image\n', '      PackageType: Image\n').replace('    Metadata:\n      DockerContext: ./hello', '    IgnoreGlobals: [Architectures]\n    Metadata:\n      DockerContext: ./hello');
    assert.notEqual(text, SAM);
    const ws = workspace({ 'template.yaml': text, 'hello/Dockerfile.lambda': 'FROM public.ecr.aws/lambda/python:3.12\n' });
    const link = linkedTargets('file:///w/hello/Dockerfile.lambda', ws)[0]!;
    assert.equal(link.kind, 'lambda');
    if (link.kind !== 'lambda') return;
    assert.deepEqual(link.architectures, []);
  });

  it('does not link other Dockerfiles or Zip functions', () => {
    const ws = workspace({ 'template.yaml': SAM, 'hello/Dockerfile': 'FROM alpine:3\n' });
    assert.deepEqual(linkedTargets('file:///w/hello/Dockerfile', ws), []);
  });

  it('links the single-container task definition next to the only Dockerfile', () => {
    const ws = workspace({ 'svc/task.json': TASK, 'svc/Dockerfile': 'FROM node:20\n' });
    const links = linkedTargets('file:///w/svc/Dockerfile', ws);
    assert.equal(links.length, 1);
    const link = links[0]!;
    assert.equal(link.kind, 'ecs');
    if (link.kind !== 'ecs') return;
    assert.equal(link.cpuArchitecture?.known && link.cpuArchitecture.value, 'ARM64');
    assert.deepEqual(link.portMappings.map((p) => p.containerPort?.known && p.containerPort.value), [8080]);
    assert.equal(link.stopTimeout?.known && link.stopTimeout.value, 60);
    assert.equal(link.hasHealthCheck, false);
  });

  it('stays silent when the folder has two Dockerfiles or the task has two containers', () => {
    const two = workspace({ 'svc/task.json': TASK, 'svc/Dockerfile': 'FROM node:20\n', 'svc/worker.Dockerfile': 'FROM node:20\n' });
    assert.deepEqual(linkedTargets('file:///w/svc/Dockerfile', two), []);
    const sidecar = workspace({
      'svc/task.json': '{"family": "web", "containerDefinitions": [{"name": "a", "image": "x:1"}, {"name": "b", "image": "y:1"}]}',
      'svc/Dockerfile': 'FROM node:20\n',
    });
    assert.deepEqual(linkedTargets('file:///w/svc/Dockerfile', sidecar), []);
  });

  it('lists the Dockerfiles a template names, for re-checking them when it changes', () => {
    const ws = workspace({ 'template.yaml': SAM });
    assert.deepEqual(dockerfilesNamedBy(ws.get('file:///w/template.yaml')!), ['file:///w/hello/Dockerfile.lambda']);
  });

  it('accepts extra link sources', () => {
    const ws = workspace({ 'svc/Dockerfile': 'FROM node:20\n' });
    const links = linkedTargets('file:///w/svc/Dockerfile', ws, [() => [{ kind: 'lambda', uri: 'x', logicalId: 'F', span: { start: 0, end: 1 } as never, architectures: [], imageCommand: [], via: 'template-metadata' }]]);
    assert.equal(links.length, 1);
  });
});
