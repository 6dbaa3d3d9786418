import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/prefer-health-check-grace-period',
  kinds: ['ecs-service', 'cloudformation', 'terraform'],
  severity: 'info',
  docs: {
    summary: 'Prefer healthCheckGracePeriodSeconds on services behind a load balancer',
    concept: 'container-health-checks',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html#ECS-CreateService-request-healthCheckGracePeriodSeconds',
  },
  messages: {
    noGracePeriod:
      'This service is behind a load balancer but sets no {key}, so load balancer health checks count from the moment a task starts; an app that starts slowly is killed before it is ready. Set {key} to a little more than its start-up time.',
  },
  check(ctx) {
    for (const service of ctx.model.services) {
      const lb = service.loadBalancersPair;
      if (lb && service.loadBalancers.length > 0 && !service.raw.has('healthCheckGracePeriodSeconds')) ctx.report({ at: lb, messageId: 'noGracePeriod', data: { key: service.raw.key('healthCheckGracePeriodSeconds') } });
    }
  },
});
