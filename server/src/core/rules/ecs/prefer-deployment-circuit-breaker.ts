import { ROLLING_STRATEGY } from '../../facts/ecs';
import { serviceAnchor } from '../../workspace/ecsLinks';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/prefer-deployment-circuit-breaker',
  kinds: ['ecs-service', 'cloudformation', 'terraform'],
  severity: 'info',
  docs: {
    summary: 'Prefer the deployment circuit breaker with rollback for rolling deployments',
    concept: 'deployment-circuit-breaker',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html',
  },
  messages: {
    noCircuitBreaker:
      'This service has no deployment circuit breaker: a deployment whose tasks never become healthy keeps retrying for hours instead of failing. Add {path} with enable and rollback set to true.',
    noRollback:
      'The deployment circuit breaker is not set to enable and roll back: a failed deployment stays failed instead of returning to the last working task definition. Set enable and rollback to true.',
  },
  check(ctx) {
    for (const service of ctx.model.services) {
      const controller = service.deploymentControllerType;
      if (controller && (!controller.known || controller.value !== 'ECS')) continue; // only rolling deployments have it
      // Blue/green, linear and canary deployments roll back through bake time, alarms and lifecycle hooks.
      const strategy = service.deploymentStrategy;
      if (strategy && (!strategy.known || strategy.value !== ROLLING_STRATEGY)) continue;
      const breaker = service.circuitBreaker;
      if (!breaker) {
        if (service.circuitBreakerPair) continue; // given by an intrinsic or an expression
        ctx.report({ at: serviceAnchor(service, ctx.model), messageId: 'noCircuitBreaker', data: { path: service.circuitBreakerPath } });
        continue;
      }
      const enable = breaker.bool('enable');
      const rollback = breaker.bool('rollback');
      if ((enable && !enable.known) || (rollback && !rollback.known)) continue;
      if (enable?.value !== true || rollback?.value !== true) {
        ctx.report({ at: service.circuitBreakerPair ?? breaker.node, messageId: 'noRollback' });
      }
    }
  },
});
