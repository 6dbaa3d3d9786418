/**
 * How AWS reads the sizes, ports, timeouts and counts Berth checks, and the forms a message offers when a value is
 * none of them. Sources: RegisterTaskDefinition `cpu` and `memory` ("an integer using CPU units (for example, 1024) or
 * as a string using vCPUs (for example, 1 vCPU or 1 vcpu)"; "an integer using MiB (for example, 1024) or as a string
 * using GB (for example, 1GB or 1 GB)"), Batch ResourceRequirement `value` (VCPU a vCPU count, "0.25" and up on Fargate; MEMORY in MiB;
 * GPU a whole number), and the Integer members of CreateFunction, RegisterTaskDefinition, CreateService and
 * RegisterJobDefinition (AWS SDK models, client-ecs 3.1164.0, checked 2026-12-07). CloudFormation reads "512" as the number 512
 * for an Integer property, Terraform converts "512" for a number argument; neither reads "abc" or "".
 */
import { parseCpuUnits, parseMemoryMiB } from './fargate';

export interface NumberForm {
  /** What the value should be, for "… is not {noun}". */
  readonly noun: string;
  /** The forms AWS accepts, for "Write {accepted}." */
  readonly accepted: string;
  /** The value read from its text; undefined when AWS cannot read it. Only for values AWS types as strings. */
  readonly parse?: (text: string) => number | undefined;
}

const decimal = (text: string): number | undefined => (/^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : undefined);
const whole = (text: string): number | undefined => (/^\s*\d+\s*$/.test(text) ? Number(text) : undefined);

export const NUMBER_FORMS = {
  taskCpu: { noun: 'a CPU size', accepted: 'CPU units as a whole number ("1024") or vCPUs ("1 vCPU", "0.25 vCPU")', parse: parseCpuUnits },
  taskMemory: { noun: 'a memory size', accepted: 'MiB as a whole number ("2048") or GB ("2 GB")', parse: parseMemoryMiB },
  batchVcpu: { noun: 'a number of vCPUs', accepted: 'a vCPU count ("1", "2"; "0.25" or "0.5" on Fargate)', parse: decimal },
  batchMemory: { noun: 'a memory size', accepted: 'a whole number of MiB ("2048")', parse: whole },
  batchGpu: { noun: 'a number of GPUs', accepted: 'a whole number of GPUs ("1")', parse: whole },
  cpuUnits: { noun: 'a number of CPU units', accepted: 'a whole number of CPU units (256 is 0.25 vCPU)' },
  memoryMiB: { noun: 'a memory size', accepted: 'a whole number of MiB (512)' },
  memoryMB: { noun: 'a memory size', accepted: 'a whole number of MB (from 128, e.g. 1024)' },
  storageGiB: { noun: 'a storage size', accepted: 'a whole number of GiB (21 to 200)' },
  storageMB: { noun: 'a storage size', accepted: 'a whole number of MB (512 to 10240)' },
  port: { noun: 'a port number', accepted: 'a whole number from 0 to 65535 (8080)' },
  seconds: { noun: 'a number of seconds', accepted: 'a whole number of seconds (30)' },
  count: { noun: 'a count', accepted: 'a whole number (1)' },
  vcpus: { noun: 'a number of vCPUs', accepted: 'a whole number of vCPUs (1)' },
} as const satisfies Record<string, NumberForm>;

export type NumberFormName = keyof typeof NUMBER_FORMS;
