import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prepare, toIndexed } from '../../../server/src/core/analyze';
import { ecsDefinitionAt } from '../../../server/src/core/features/ecsNavigation';
import { WorkspaceIndex } from '../../../server/src/core/workspace/index';

const taskText = `{
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "nginx:1.27", "dependsOn": [{ "containerName": "db", "condition": "START" }], "links": ["db:database"] },
    { "name": "db", "image": "postgres:16" }
  ]
}`;
const serviceText = `{
  "serviceName": "web-svc",
  "taskDefinition": "web:3",
  "loadBalancers": [{ "targetGroupArn": "tg", "containerName": "app", "containerPort": 80 }]
}`;
const templateText = `Resources:
  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref TaskDef
      LoadBalancers:
        - TargetGroupArn: !Ref TG
          ContainerName: app
          ContainerPort: 80
`;

function setup() {
  const workspace = new WorkspaceIndex();
  const task = prepare({ uri: 'file:///w/task.json', text: taskText });
  const service = prepare({ uri: 'file:///w/service.json', text: serviceText });
  const template = prepare({ uri: 'file:///w/template.yaml', text: templateText });
  for (const doc of [task, service, template]) workspace.set(toIndexed(doc)!);
  return { workspace, task, service, template };
}

/** The offset of the n-th occurrence of `needle` in text, plus `delta`. */
function at(text: string, needle: string, delta = 1, nth = 1): number {
  let index = -1;
  for (let i = 0; i < nth; i++) index = text.indexOf(needle, index + 1);
  assert.notEqual(index, -1, `${needle} not found`);
  return index + delta;
}

function slice(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

describe('ecsDefinitionAt', () => {
  it('service taskDefinition → the task definition file, at its family', () => {
    const { workspace, service } = setup();
    const target = ecsDefinitionAt(service, at(serviceText, '"web:3"'), workspace);
    assert.equal(target?.uri, 'file:///w/task.json');
    assert.equal(slice(taskText, target!.span), '"web"');
  });

  it('service loadBalancers containerName → the container name in the task definition file', () => {
    const { workspace, service } = setup();
    const target = ecsDefinitionAt(service, at(serviceText, '"app"'), workspace);
    assert.equal(target?.uri, 'file:///w/task.json');
    assert.equal(target!.span.start, at(taskText, '"app"', 0));
    assert.equal(slice(taskText, target!.span), '"app"');
  });

  it('dependsOn and links → the container in the same file', () => {
    const { workspace, task } = setup();
    const fromDependsOn = ecsDefinitionAt(task, at(taskText, '"db"'), workspace);
    assert.deepEqual(fromDependsOn, { uri: 'file:///w/task.json', span: { start: at(taskText, '"db"', 0, 2), end: at(taskText, '"db"', 4, 2) } });
    const fromLink = ecsDefinitionAt(task, at(taskText, '"db:database"'), workspace);
    assert.equal(fromLink?.span.start, at(taskText, '"db"', 0, 2));
  });

  it('template: TaskDefinition !Ref → the resource; ContainerName → the container', () => {
    const { workspace, template } = setup();
    const toTask = ecsDefinitionAt(template, at(templateText, '!Ref TaskDef', 6), workspace);
    assert.equal(toTask?.uri, 'file:///w/template.yaml');
    assert.equal(slice(templateText, toTask!.span), 'TaskDef');
    assert.equal(toTask!.span.start, at(templateText, 'TaskDef:', 0));
    const toContainer = ecsDefinitionAt(template, at(templateText, 'ContainerName: app', 16), workspace);
    assert.equal(toContainer!.span.start, at(templateText, 'Name: app', 6));
  });

  it('nothing elsewhere, and nothing when the task definition is unknown', () => {
    const { workspace, service } = setup();
    assert.equal(ecsDefinitionAt(service, at(serviceText, '"web-svc"'), workspace), undefined);
    const lonely = prepare({ uri: 'file:///x/service.json', text: serviceText.replace('web:3', 'other') });
    assert.equal(ecsDefinitionAt(lonely, at(lonely.text, '"other"'), workspace), undefined);
    assert.equal(ecsDefinitionAt(service, at(serviceText, '"containerPort": 80', 17), workspace), undefined);
  });
});
