import { effectiveNetworkMode, networkModeAnchor } from '../../model/ecs';
import { serviceAnchor, taskDefinitionOfService } from '../../workspace/ecsLinks';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/require-service-network-configuration',
  kinds: ['ecs-service', 'cloudformation', 'terraform'],
  severity: 'error',
  docs: {
    summary: 'Require networkConfiguration.awsvpcConfiguration with subnets for services of awsvpc tasks',
    concept: 'network-modes',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html#ECS-CreateService-request-networkConfiguration',
  },
  messages: {
    missingNetworkConfiguration:
      'This service runs task definition {taskDefinition}, which uses the awsvpc network mode, so each task needs its own network interface: CreateService rejects it without {path}. Add {path} with {subnets} (and {securityGroups}).',
    missingSubnets: '{path} has no {subnets}, and CreateService needs at least one subnet to place the tasks\' network interfaces. Add {subnets}.',
  },
  check(ctx) {
    for (const service of ctx.model.services) {
      const linked = taskDefinitionOfService(service, ctx.model, ctx.workspace);
      if (!linked || effectiveNetworkMode(linked.item) !== 'awsvpc') continue;
      const related = [{ at: networkModeAnchor(linked.item), uri: linked.uri, message: 'The task definition uses awsvpc here' }];
      const network = service.networkConfigurationPair;
      if (network && network.value.kind !== 'object' && network.value.kind !== 'array') continue; // an intrinsic or expression
      const awsvpc = service.awsvpcPair;
      const keys = { path: service.awsvpcPath, subnets: service.raw.key('subnets'), securityGroups: service.raw.key('securityGroups') };
      if (!awsvpc) {
        const td = linked.item.family?.known ? linked.item.family.value : linked.item.logicalId ?? 'this task definition';
        ctx.report({ at: network ?? serviceAnchor(service, ctx.model), messageId: 'missingNetworkConfiguration', data: { taskDefinition: td, ...keys }, related });
      } else if (service.awsvpcConfiguration && !service.awsvpcConfiguration.has('subnets')) {
        ctx.report({ at: awsvpc, messageId: 'missingSubnets', data: keys, related });
      }
    }
  },
});
