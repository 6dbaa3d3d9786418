import { MAX_TARGET_GROUPS_PER_SERVICE } from '../../facts/ecs';
import { hasCompatibility } from '../../model/ecs';
import { taskDefinitionOfService } from '../../workspace/ecsLinks';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/valid-service-compatibility',
  kinds: ['ecs-service', 'cloudformation', 'terraform'],
  severity: 'error',
  docs: {
    summary: 'Require a service\'s launch type, scheduling strategy and target groups to be ones ECS accepts',
    concept: 'ecs-launch-types',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html',
  },
  messages: {
    notFargateCompatible:
      'The service uses {launchType} FARGATE, but its task definition {taskDefinition} does not list FARGATE in {compatibilities}, so ECS rejects the service. Add FARGATE to {compatibilities} (with awsvpc, cpu and memory), or use {launchType} EC2.',
    daemonOnFargate: 'The DAEMON scheduling strategy places one task on each container instance, and Fargate has no instances, so ECS rejects DAEMON with {launchType} FARGATE. Use REPLICA, or EC2.',
    launchTypeWithCapacityProviders:
      'This service sets both {launchType} and {strategy}; CreateService takes one or the other ("If a capacityProviderStrategy is specified, the launchType parameter must be omitted"), and Terraform rejects the pair as conflicting. Remove {launchType} to use the capacity providers, or remove {strategy}.',
    tooManyTargetGroups: 'This service has {count} load balancer entries; ECS allows at most {max} target groups per service. Remove some entries, or split the service.',
  },
  check(ctx) {
    for (const service of ctx.model.services) {
      const fargate = service.launchType?.known && service.launchType.value === 'FARGATE';
      const launchType = service.launchType?.pair?.key ?? service.raw.key('launchType');
      if (fargate && service.launchType) {
        const linked = taskDefinitionOfService(service, ctx.model, ctx.workspace);
        const td = linked?.item;
        const compatNode = td?.raw.value('requiresCompatibilities');
        const readable = !compatNode || (compatNode.kind === 'array' && td!.requiresCompatibilities.every((c) => c.known));
        if (td && readable && !hasCompatibility(td, 'FARGATE')) {
          const name = td.family?.known ? td.family.value : td.logicalId ?? '';
          ctx.report({
            at: service.launchType,
            messageId: 'notFargateCompatible',
            data: { taskDefinition: name, launchType, compatibilities: td.raw.key('requiresCompatibilities') },
            related: [{ at: td.raw.pair('requiresCompatibilities') ?? td.raw.node, uri: linked!.uri, message: 'The task definition\'s compatibilities' }],
          });
        }
      }
      const strategy = service.schedulingStrategy;
      if (fargate && strategy?.known && strategy.value === 'DAEMON') ctx.report({ at: strategy, messageId: 'daemonOnFargate', data: { launchType } });
      const strategyPair = service.capacityProviderStrategyPair;
      if (service.launchType?.known && strategyPair && service.capacityProviders.length > 0) {
        ctx.report({
          at: service.launchType,
          messageId: 'launchTypeWithCapacityProviders',
          data: { launchType, strategy: strategyPair.key },
          related: [{ at: strategyPair, message: 'The capacity provider strategy' }],
        });
      }
      const lbPair = service.loadBalancersPair;
      if (lbPair && service.loadBalancers.length > MAX_TARGET_GROUPS_PER_SERVICE) {
        ctx.report({ at: lbPair, messageId: 'tooManyTargetGroups', data: { count: service.loadBalancers.length, max: MAX_TARGET_GROUPS_PER_SERVICE } });
      }
    }
  },
});
