import type { Rule } from '../types';
import fargateValidCpuMemory from './fargate-valid-cpu-memory';
import requireEssentialContainer from './require-essential-container';

export const ECS_RULES: readonly Rule[] = [fargateValidCpuMemory, requireEssentialContainer];
