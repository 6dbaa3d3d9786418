import { EPHEMERAL_STORAGE_GIB } from '../../facts/ecs';
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'ecs/valid-ephemeral-storage',
  kinds: ['ecs-task-definition', 'cloudformation', 'terraform'],
  severity: 'error',
  owns: [
    { kind: 'ecs-task-definition', path: 'ephemeralStorage.sizeInGiB' },
    { resourceType: 'AWS::ECS::TaskDefinition', path: 'EphemeralStorage.SizeInGiB' },
  ],
  docs: {
    summary: `Require ephemeralStorage.sizeInGiB within ${EPHEMERAL_STORAGE_GIB.min}–${EPHEMERAL_STORAGE_GIB.max}`,
    concept: 'ephemeral-storage',
    reference: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html',
  },
  messages: {
    outOfRange:
      '{path} must be between {min} and {max} GiB; RegisterTaskDefinition rejects {size}. For the default {default} GiB, remove {storage}; otherwise choose a size within the range.',
  },
  check(ctx) {
    for (const td of ctx.model.taskDefinitions) {
      const size = td.ephemeralStorageGiB;
      if (!size?.known) continue;
      const { min, max, default: byDefault } = EPHEMERAL_STORAGE_GIB;
      if (size.value < min || size.value > max || !Number.isInteger(size.value)) {
        const storage = td.raw.key('ephemeralStorage');
        ctx.report({ at: size, messageId: 'outOfRange', data: { min, max, default: byDefault, size: size.value, storage, path: `${storage}.${size.pair?.key ?? 'sizeInGiB'}` } });
      }
    }
  },
});
