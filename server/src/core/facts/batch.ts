/**
 * AWS Batch job definition limits.
 * Source: AWS Batch API reference, RegisterJobDefinition (botocore batch/2016-08-10/service-2.json):
 * https://docs.aws.amazon.com/batch/latest/APIReference/API_RegisterJobDefinition.html,
 * https://docs.aws.amazon.com/batch/latest/APIReference/API_JobTimeout.html,
 * https://docs.aws.amazon.com/batch/latest/APIReference/API_RetryStrategy.html,
 * https://docs.aws.amazon.com/batch/latest/APIReference/API_ResourceRequirement.html. Checked 2026-11-23; the Fargate
 * VCPU/MEMORY table against AWS SDK client-batch 3.1138.0 on 2026-12-07 (32 vCPU: 61440, 122880 or 249856 MiB).
 */
import { FARGATE_SIZES, type FargateSize } from './fargate';

export const BATCH_LIMITS = {
  /** timeout.attemptDurationSeconds minimum. */
  attemptDurationMin: 60,
  /** retryStrategy.attempts range. */
  attemptsMin: 1,
  attemptsMax: 10,
} as const;

/**
 * Resource requirements of a job that runs on EC2: whole vCPUs, at least one, and at least 4 MiB of memory (the
 * ResourceRequirement.value documentation: "For jobs that are running on Amazon EC2 resources, you must specify at
 * least one vCPU"; "You must specify at least 4 MiB of memory for a job"). A VCPU written with a fraction ("1.0")
 * is rejected: "Value 1.0 for type VCPU in resourceRequirement is not valid. Please provide a numeric value."
 * (a RegisterJobDefinition ClientException quoted in kestra-io/plugin-aws#504). Checked 2026-12-07; npm run
 * facts:check reads both minimums from the AWS SDK client-batch model.
 */
export const BATCH_EC2_LIMITS = {
  vcpuMin: 1,
  memoryMinMiB: 4,
} as const;

export const BATCH_RESOURCE_TYPES: readonly string[] = ['GPU', 'VCPU', 'MEMORY'];

/**
 * Where a job definition's jobs may run (platformCapabilities; none written means EC2). MANAGED_INSTANCES: ECS
 * Managed Instances, judged like EC2 by the Batch rules (only FARGATE has its own table). Source: the Batch API
 * model, PlatformCapability (AWS SDK client-batch 3.1138.0, checked 2026-12-07 by npm run facts:check).
 */
export const BATCH_PLATFORM_CAPABILITIES: readonly string[] = ['EC2', 'FARGATE', 'MANAGED_INSTANCES'];

/**
 * Batch on Fargate takes VCPU as a vCPU count ("0.25", "1", …) and MEMORY in MiB. The allowed pairs are the
 * Fargate task sizes of facts/fargate.ts (the ResourceRequirement.value documentation lists the same table),
 * converted from CPU units (1024 per vCPU).
 */
export function fargateSizeForVcpu(vcpu: number): FargateSize | undefined {
  return FARGATE_SIZES.find((s) => s.cpu === Math.round(vcpu * 1024) && Math.abs(s.cpu / 1024 - vcpu) < 1e-9);
}

export function fargateVcpuChoices(): string {
  return FARGATE_SIZES.map((s) => String(s.cpu / 1024)).join(', ');
}
