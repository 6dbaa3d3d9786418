import { ADVANCED_CONFIGURATION_REQUIRED, STRATEGY_SETTINGS, TRAFFIC_SHIFTING_STRATEGIES } from '../../facts/ecs';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/valid-deployment-strategy',
  kinds: ['ecs-service', 'cloudformation', 'terraform'],
  severity: 'error',
  docs: {
    summary: 'Require the settings ECS needs for blue/green, linear and canary deployments',
    concept: 'deployment-circuit-breaker',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/blue-green-deployment-implementation.html',
  },
  messages: {
    needsEcsController:
      'The {strategy} deployment strategy is ECS\'s own traffic shifting, so it needs the ECS deployment controller; this service uses {controller}, and ECS rejects the combination. Remove deploymentController (or set its type to ECS), or drop the strategy.',
    missingAdvancedConfiguration:
      'A {strategy} deployment shifts traffic between two target groups, so this load balancer needs {advanced} with {settings}; ECS rejects the service without it.',
    missingAdvancedSetting:
      '{advanced} lacks {setting}: a {strategy} deployment needs the alternate target group, the production listener rule (or NLB listener) and the role ECS uses to shift traffic.',
    settingForOtherStrategy: '{setting} applies only to the {owner} strategy, and this service deploys with {strategy}, so ECS rejects it. Set strategy to {owner}, or remove {setting}.',
    lambdaHookWithoutTarget: 'This lifecycle hook invokes a Lambda function (targetType AWS_LAMBDA, the default) but names none: add hookTargetArn, or set targetType to PAUSE.',
  },
  check(ctx) {
    for (const service of ctx.model.services) {
      const config = service.deploymentConfiguration;
      const written = service.deploymentStrategy;
      if (written && !written.known) continue;
      const strategy = written?.value ?? 'ROLLING';
      const shifting = TRAFFIC_SHIFTING_STRATEGIES.includes(strategy);
      const controller = service.deploymentControllerType;
      if (shifting && written && controller?.known && controller.value !== 'ECS') {
        ctx.report({ at: written, messageId: 'needsEcsController', data: { strategy, controller: controller.value }, related: [{ at: controller, message: 'The deployment controller' }] });
      }
      if (shifting) {
        for (const lb of service.loadBalancers) {
          if (!lb.raw.has('targetGroupArn')) continue; // a Classic Load Balancer entry has no target groups to shift
          const advanced = lb.raw.obj('advancedConfiguration');
          if (!advanced) {
            const settings = ADVANCED_CONFIGURATION_REQUIRED.map((setting) => lb.raw.key(setting));
            const data = { strategy, advanced: lb.raw.key('advancedConfiguration'), settings: `${settings.slice(0, -1).join(', ')} and ${settings[settings.length - 1]}` };
            if (!lb.raw.has('advancedConfiguration')) ctx.report({ at: lb.raw.pair('targetGroupArn') ?? lb.raw.node, messageId: 'missingAdvancedConfiguration', data });
            continue;
          }
          for (const setting of ADVANCED_CONFIGURATION_REQUIRED) {
            if (!advanced.has(setting)) ctx.report({ at: lb.raw.pair('advancedConfiguration') ?? advanced.node, messageId: 'missingAdvancedSetting', data: { setting: advanced.key(setting), strategy, advanced: lb.raw.key('advancedConfiguration') } });
          }
        }
      }
      for (const [setting, owner] of Object.entries(STRATEGY_SETTINGS)) {
        const pair = config?.pair(setting);
        if (pair && owner !== strategy) ctx.report({ at: pair, messageId: 'settingForOtherStrategy', data: { setting: pair.key, owner, strategy } });
      }
      for (const hook of config?.objects('lifecycleHooks') ?? []) {
        const type = hook.str('targetType');
        if (type && (!type.known || type.value !== 'AWS_LAMBDA')) continue;
        if (!hook.has('hookTargetArn')) ctx.report({ at: hook.node, messageId: 'lambdaHookWithoutTarget' });
      }
    }
  },
});
