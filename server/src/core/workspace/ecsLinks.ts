/**
 * Links between ECS objects across documents: the task definition a service runs, the services that run a
 * task definition, the target group a load balancer entry names. They read the workspace view, so they live
 * here rather than in the model.
 */
import type { DocumentModel } from '../model/document';
import type { LoadBalancerEntry, Service, TaskDefinition } from '../model/ecs';
import { targetGroupNamed, type TargetGroup } from '../model/elb';
import type { ObjectNode, Pair } from '../parse/tree';
import type { WorkspaceView } from './index';
import { parseTaskDefinitionReference } from './references';

/** A model object and the document it is in (absent uri: the document being checked). */
export interface Linked<T> {
  readonly item: T;
  readonly uri?: string;
}

/**
 * The task definition a service runs: in a template, the resource its TaskDefinition Refs; otherwise the
 * workspace's API task definitions of that family (and revision, when both sides give one). Undefined unless
 * exactly one candidate is known: rules stay silent rather than guess.
 */
export function taskDefinitionOfService(service: Service, model: DocumentModel, workspace: WorkspaceView): Linked<TaskDefinition> | undefined {
  if (service.taskDefinitionRef !== undefined) {
    const td = model.taskDefinitions.find((t) => t.logicalId === service.taskDefinitionRef);
    return td ? { item: td } : undefined;
  }
  if (!service.taskDefinition?.known) return undefined;
  const ref = parseTaskDefinitionReference(service.taskDefinition.value);
  if (!ref) return undefined;
  const candidates = workspace.taskDefinitionsByFamily(ref.family).filter(({ taskDefinition }) => {
    if (ref.revision === undefined) return true;
    const revision = taskDefinition.raw.num('revision');
    return !revision?.known || revision.value === ref.revision;
  });
  if (candidates.length !== 1) return undefined;
  return { item: candidates[0]!.taskDefinition, uri: candidates[0]!.doc.uri };
}

/** Services that run this task definition: Ref'ing it in the same template, or naming its family in other files. */
export function servicesOfTaskDefinition(td: TaskDefinition, model: DocumentModel, workspace: WorkspaceView): Linked<Service>[] {
  const out: Linked<Service>[] = [];
  if (td.logicalId !== undefined) {
    for (const service of model.services) if (service.taskDefinitionRef === td.logicalId) out.push({ item: service });
  }
  if (td.shape === 'api' && td.family?.known) {
    for (const { doc, service } of workspace.servicesForFamily(td.family.value)) out.push({ item: service, uri: doc.uri });
  }
  return out;
}

/** The target group a load balancer entry names by reference in the same template or Terraform module. */
export function targetGroupOf(entry: LoadBalancerEntry, model: DocumentModel): TargetGroup | undefined {
  return targetGroupNamed(model.elb, entry.targetGroupRef);
}

/** Where to report about a service as a whole: its logical id in a template (Terraform: its name label), else serviceName (or taskDefinition). */
export function serviceAnchor(service: Service, model: DocumentModel): Pair | ObjectNode {
  const resource = service.logicalId !== undefined ? model.template?.resourcesById.get(service.logicalId) : undefined;
  return resource?.pair ?? service.resourcePair ?? service.raw.pair('serviceName') ?? service.raw.pair('taskDefinition') ?? service.raw.node;
}
