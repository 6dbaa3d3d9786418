/**
 * Go-to-definition data for ECS: from a service's taskDefinition to the task definition, and from a container
 * name (service loadBalancers, dependsOn, links, volumesFrom) to that container. Pure: the LSP layer maps spans.
 */
import type { PreparedDocument } from '../analyze';
import { containerNamed, type TaskDefinition } from '../model/ecs';
import { taskDefinitionOfService } from '../workspace/ecsLinks';
import type { Located } from '../model/located';
import type { Span } from '../parse/tree';
import type { WorkspaceView } from '../workspace/index';

export interface DefinitionTarget {
  readonly uri: string;
  readonly span: Span;
}

export function ecsDefinitionAt(doc: PreparedDocument, offset: number, workspace: WorkspaceView): DefinitionTarget | undefined {
  const model = doc.model;
  if (!model) return undefined;
  for (const service of model.services) {
    const tdNode = service.raw.value('taskDefinition');
    const onTaskDefinition = tdNode && contains(tdNode.span, offset);
    const entry = service.loadBalancers.find((lb) => lb.containerName && contains(lb.containerName.node.span, offset));
    if (!onTaskDefinition && !entry) continue;
    const linked = taskDefinitionOfService(service, model, workspace);
    if (!linked) return undefined;
    const uri = linked.uri ?? doc.uri;
    if (onTaskDefinition) return { uri, span: taskDefinitionSpan(linked.item, doc, linked.uri === undefined) };
    return containerTarget(linked.item, entry!.containerName, uri);
  }
  for (const td of model.taskDefinitions) {
    for (const container of td.containers) {
      const refs: (Located<string> | undefined)[] = [
        ...container.dependsOn.map((d) => d.containerName),
        ...container.links,
        ...container.volumesFrom.map((v) => v.sourceContainer),
      ];
      const ref = refs.find((r) => r && contains(r.node.span, offset));
      if (ref) return containerTarget(td, ref, doc.uri, ref.known ? ref.value.split(':')[0] : undefined);
    }
  }
  return undefined;
}

function containerTarget(td: TaskDefinition, ref: Located<string> | undefined, uri: string, name = ref?.known ? ref.value : undefined): DefinitionTarget | undefined {
  const container = name === undefined ? undefined : containerNamed(td, name);
  return container?.name ? { uri, span: container.name.node.span } : undefined;
}

/** The resource's logical id in the same template; else the family value; else the object's start. */
function taskDefinitionSpan(td: TaskDefinition, doc: PreparedDocument, sameDocument: boolean): Span {
  if (sameDocument && td.logicalId !== undefined) {
    const resource = doc.model?.template?.resourcesById.get(td.logicalId);
    if (resource) return resource.pair.keySpan;
  }
  if (td.family) return td.family.node.span;
  return { start: td.raw.node.span.start, end: td.raw.node.span.start };
}

function contains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}
