import type { DocumentKind } from '../../kinds/detect';
import { NUMBER_FORMS, type NumberFormName } from '../../facts/numberForms';
import { requirement, jobContainers } from '../../model/batch';
import { tasksWithExpress } from '../../model/document';
import { keyOf, type Located } from '../../model/located';
import type { Node } from '../../parse/tree';
import { defineRule } from '../defineRule';

/**
 * The shapes whose schema rule already judges a value's type (schema/valid-api-input, cfn/valid-resource-properties):
 * there this rule reads only the values AWS types as strings (a task's cpu and memory, a Batch resource requirement),
 * whose content no schema describes. serverless.yml, Terraform and a bare container-definitions list have no schema
 * rule, so this rule reads every number there.
 */
const TYPE_CHECKED: ReadonlySet<DocumentKind> = new Set(['ecs-task-definition', 'ecs-express-service', 'ecs-service', 'batch-job-definition', 'lambda-function', 'cloudformation']);

/** A value Berth cannot know: a serverless variable, a CloudFormation dynamic reference, a Terraform template. */
const VARIABLE = /\$\{|\{\{resolve:/;

export default defineRule({
  id: 'schema/valid-number-format',
  kinds: ['ecs-task-definition', 'ecs-express-service', 'ecs-container-definitions', 'ecs-service', 'batch-job-definition', 'lambda-function', 'cloudformation', 'serverless-framework', 'terraform'],
  severity: 'error',
  docs: {
    summary: 'Require sizes, ports, timeouts and counts that AWS can read as numbers',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html',
  },
  messages: {
    unreadable: '{key} {value} is not {noun} that AWS can read, so the deployment is rejected. Write {accepted}.',
  },
  check(ctx) {
    const typeChecked = TYPE_CHECKED.has(ctx.kind);
    const reported = new Set<Node>();
    /** A value AWS types as a string: its text must parse in the form's own way. */
    const text = (value: Located<string> | undefined, form: NumberFormName, fallbackKey: string, { emptyIsUnset = false, prefix = '' } = {}) => {
      const parse = (NUMBER_FORMS[form] as { parse?: (t: string) => number | undefined }).parse;
      if (!value?.known || !parse || VARIABLE.test(value.value) || parse(value.value) !== undefined) return;
      if (emptyIsUnset && value.value.trim() === '') return;
      report(value, form, fallbackKey, prefix);
    };
    /** A value AWS types as a number: a literal the model could not read as one (an intrinsic or expression is unknown, not wrong). */
    const number = (value: Located<number> | undefined, form: NumberFormName, fallbackKey: string) => {
      if (typeChecked || !value || value.known || value.node.kind !== 'scalar') return;
      const literal = value.node.value;
      if (typeof literal === 'string' ? VARIABLE.test(literal) : typeof literal !== 'boolean') return;
      report(value, form, fallbackKey);
    };
    const report = (value: Located<unknown>, form: NumberFormName, fallbackKey: string, prefix = '') => {
      if (reported.has(value.node)) return;
      reported.add(value.node);
      const literal = value.node.kind === 'scalar' ? value.node.value : undefined;
      const { noun, accepted } = NUMBER_FORMS[form];
      ctx.report({ at: value, messageId: 'unreadable', data: { key: prefix + keyOf(value, fallbackKey), value: JSON.stringify(literal), noun, accepted } });
    };

    for (const td of tasksWithExpress(ctx.model)) {
      // Terraform's provider sends no cpu or memory when the argument is "" (unset), so only other text is wrong there.
      const emptyIsUnset = ctx.kind === 'terraform';
      text(td.cpu, 'taskCpu', 'cpu', { emptyIsUnset });
      text(td.memory, 'taskMemory', 'memory', { emptyIsUnset });
      number(td.ephemeralStorageGiB, 'storageGiB', 'sizeInGiB');
      for (const container of td.containers) {
        number(container.cpu, 'cpuUnits', 'cpu');
        number(container.memory, 'memoryMiB', 'memory');
        number(container.memoryReservation, 'memoryMiB', 'memoryReservation');
        for (const mapping of container.portMappings) {
          number(mapping.containerPort, 'port', 'containerPort');
          number(mapping.hostPort, 'port', 'hostPort');
        }
      }
    }
    for (const service of ctx.model.services) {
      number(service.desiredCount, 'count', 'desiredCount');
      number(service.healthCheckGracePeriodSeconds, 'seconds', 'healthCheckGracePeriodSeconds');
      for (const lb of service.loadBalancers) number(lb.containerPort, 'port', 'containerPort');
    }
    for (const fn of ctx.model.lambdaFunctions) {
      number(fn.memorySize, 'memoryMB', 'MemorySize');
      number(fn.timeout, 'seconds', 'Timeout');
      number(fn.ephemeralStorageSize, 'storageMB', 'Size');
      number(fn.reservedConcurrency, 'count', 'ReservedConcurrentExecutions');
    }
    for (const job of ctx.model.jobDefinitions) {
      number(job.retryAttempts, 'count', 'attempts');
      number(job.attemptDurationSeconds, 'seconds', 'attemptDurationSeconds');
      number(job.nodeProperties?.numNodes, 'count', 'numNodes');
      number(job.nodeProperties?.mainNode, 'count', 'mainNode');
      for (const container of jobContainers(job)) {
        number(container.vcpus, 'vcpus', 'vcpus');
        number(container.memory, 'memoryMiB', 'memory');
        text(requirement(container, 'VCPU')?.value, 'batchVcpu', 'value', { prefix: 'VCPU ' });
        text(requirement(container, 'MEMORY')?.value, 'batchMemory', 'value', { prefix: 'MEMORY ' });
        text(requirement(container, 'GPU')?.value, 'batchGpu', 'value', { prefix: 'GPU ' });
      }
    }
  },
});
