/**
 * Fargate task sizes.
 * Sources: the ECS task-size table,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_size (32 vCPU: 60, 120 or
 * 244 GB, Linux only, platform 1.4.0 or later), the RegisterTaskDefinition `memory` documentation (ECS API model,
 * which lists sizes up to 16 vCPU as of AWS SDK client-ecs 3.1178.0), and the Batch ResourceRequirement documentation
 * (Batch API model, AWS SDK client-batch 3.1138.0: VCPU 0.25–32 with the same memory lists, 32 vCPU included);
 * cross-checked with cfn-lint's fargate_cpu_memory.json (MIT-0; 32 vCPU added by aws-cloudformation/cfn-lint#4668) and
 * pulumi/pulumi-awsx#2053. Checked 2026-12-07. `npm run facts:check` compares this table with the Batch model's list.
 */
export interface FargateSize {
  /** CPU units (1024 = 1 vCPU). */
  readonly cpu: number;
  /** Allowed task memory in MiB. */
  readonly memory: readonly number[];
  /** Linux platform version these sizes need, when not every version has them. */
  readonly minLinuxPlatformVersion?: string;
  /** Fargate offers this size to Linux tasks only (no Windows). */
  readonly linuxOnly?: boolean;
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let m = from; m <= to; m += step) out.push(m);
  return out;
}

export const FARGATE_SIZES: readonly FargateSize[] = [
  { cpu: 256, memory: [512, 1024, 2048] },
  { cpu: 512, memory: range(1024, 4096, 1024) },
  { cpu: 1024, memory: range(2048, 8192, 1024) },
  { cpu: 2048, memory: range(4096, 16384, 1024) },
  { cpu: 4096, memory: range(8192, 30720, 1024) },
  { cpu: 8192, memory: range(16384, 61440, 4096), minLinuxPlatformVersion: '1.4.0' },
  { cpu: 16384, memory: range(32768, 122880, 8192), minLinuxPlatformVersion: '1.4.0' },
  // Three sizes only: 60, 120 and 244 GB.
  { cpu: 32768, memory: [61440, 122880, 249856], minLinuxPlatformVersion: '1.4.0', linuxOnly: true },
];

/** ECS counts CPU in units of 1/1024 vCPU (RegisterTaskDefinition `cpu`, same source). */
export const CPU_UNITS_PER_VCPU = 1024;
/** Memory is given in MiB; a "GB" value means GiB (RegisterTaskDefinition `memory`, same source). */
export const MIB_PER_GIB = 1024;

/** CPU units as vCPUs (1024 → 1, 256 → 0.25). */
export function vcpuOf(cpuUnits: number): number {
  return cpuUnits / CPU_UNITS_PER_VCPU;
}

/** The smallest task size that needs a newer Linux platform version (8 vCPU). */
export const FARGATE_LARGE_TASK_MIN_CPU = Math.min(...FARGATE_SIZES.filter((s) => s.minLinuxPlatformVersion).map((s) => s.cpu));

/** Windows containers on Fargate need at least 1 vCPU. Same source. */
export const FARGATE_WINDOWS_MIN_CPU = 1024;

export const FARGATE_SIZES_SOURCE = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size';

export function fargateSize(cpu: number): FargateSize | undefined {
  return FARGATE_SIZES.find((s) => s.cpu === cpu);
}

/** "1 vCPU", "0.25 vcpu", "1024" or 1024 → CPU units; undefined when unreadable. */
export function parseCpuUnits(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] ? Math.round(n * CPU_UNITS_PER_VCPU) : n;
}

/** "2 GB", "2GB", "512" or 512 → MiB; undefined when unreadable. */
export function parseMemoryMiB(value: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(gb|mb|mib|gib)?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]?.toLowerCase();
  return unit === 'gb' || unit === 'gib' ? Math.round(n * MIB_PER_GIB) : n;
}

/** The allowed memory closest to the given one (ties go up). */
export function nearestMemory(size: FargateSize, memory: number): number {
  let best = size.memory[0]!;
  for (const m of size.memory) {
    if (Math.abs(m - memory) < Math.abs(best - memory) || (Math.abs(m - memory) === Math.abs(best - memory) && m > best)) best = m;
  }
  return best;
}

export function describeMemoryChoices(size: FargateSize): string {
  const m = size.memory;
  const steps = new Set(m.slice(1).map((v, i) => v - m[i]!));
  if (m.length <= 3 || steps.size > 1) return m.join(', ') + ' MiB';
  const step = m[1]! - m[0]!;
  return `${m[0]}–${m[m.length - 1]} MiB in steps of ${step}`;
}
