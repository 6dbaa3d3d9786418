/**
 * ECS Express Mode services (CreateExpressGatewayService / UpdateExpressGatewayService input,
 * AWS::ECS::ExpressGatewayService, and Terraform's aws_ecs_express_gateway_service). An Express service runs Fargate tasks of a task definition ECS writes from the
 * service's own settings (cpu, memory, roles, the primary container), so the model gives each service that task as a
 * `TaskDefinition`: the task definition rules that judge what Express lets a user set read it like any other.
 */
import type { ObjectNode } from '../parse/tree';
import { buildContainer, type ContainerDefinition, type Origin, type TaskDefinition } from './ecs';
import { ObjView, type KeyStyle, type Located, type NameMap } from './located';

export interface ExpressService extends Origin {
  readonly raw: ObjView;
  readonly serviceName?: Located<string>;
  readonly infrastructureRoleArn?: Located<string>;
  readonly healthCheckPath?: Located<string>;
  /** A task definition of the user's own, instead of the settings ECS would write one from. */
  readonly taskDefinitionArn?: Located<string>;
  readonly primaryContainer?: ObjView;
  /**
   * The task ECS runs for the service, written from its settings: Fargate, awsvpc, Linux, one container (the
   * primary container, which ECS names Main). Absent when the service names its own task definition.
   */
  readonly task?: TaskDefinition;
}

/** The operation that creates an Express service's task definition, for messages. */
export const EXPRESS_OPERATION = 'CreateExpressGatewayService';
/** The name ECS gives the primary container (and requires of a task definition given by taskDefinitionArn). */
export const EXPRESS_CONTAINER_NAME = 'Main';

/** `names`: Terraform's argument names that are not the snake_case of the API's (facts/terraform.ts). */
export function buildExpressService(node: ObjectNode, origin: Origin, names?: NameMap): ExpressService {
  const style: KeyStyle = origin.shape === 'cfn' ? 'pascal' : origin.shape === 'terraform' ? 'snake' : 'camel';
  const v = new ObjView(node, style, names);
  const primary = v.obj('primaryContainer');
  const taskDefinitionArn = v.str('taskDefinitionArn');
  return {
    ...origin,
    raw: v,
    serviceName: v.str('serviceName'),
    infrastructureRoleArn: v.str('infrastructureRoleArn'),
    healthCheckPath: v.str('healthCheckPath'),
    taskDefinitionArn,
    primaryContainer: primary,
    task: taskDefinitionArn ? undefined : expressTask(v, primary, origin),
  };
}

/** What ECS registers for the service: its own settings at the task level, the primary container as the one container. */
function expressTask(v: ObjView, primary: ObjView | undefined, origin: Origin): TaskDefinition {
  // Settings Express fixes rather than reads: stated where the service is, so nothing reports on them.
  const fixed = (value: string): Located<string> => ({ known: true, value, node: v.node });
  return {
    ...origin,
    raw: v,
    operation: EXPRESS_OPERATION,
    networkMode: fixed('awsvpc'),
    requiresCompatibilities: [fixed('FARGATE')],
    cpu: v.str('cpu'),
    memory: v.str('memory'),
    executionRoleArn: v.str('executionRoleArn'),
    taskRoleArn: v.str('taskRoleArn'),
    cpuArchitecture: v.str('cpuArchitecture'),
    operatingSystemFamily: fixed('LINUX'),
    volumes: [],
    containers: primary ? [primaryContainer(primary, v)] : [],
    containersPair: v.pair('primaryContainer'),
  };
}

/** The primary container as a container definition: the settings Express has, under their container names. */
function primaryContainer(primary: ObjView, service: ObjView): ContainerDefinition {
  const container = buildContainer(primary);
  const port = primary.num('containerPort');
  return {
    ...container,
    name: { known: true, value: EXPRESS_CONTAINER_NAME, node: service.pair('primaryContainer')?.value ?? primary.node },
    portMappings: port ? [{ raw: primary, containerPort: port }] : [],
    // Express writes the awslogs configuration itself (awsLogsConfiguration names only the group and prefix).
    logDriver: undefined,
    logConfiguration: undefined,
  };
}
