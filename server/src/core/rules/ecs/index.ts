import type { Rule } from '../types';
import fargateValidCpuMemory from './fargate-valid-cpu-memory';
import noStaticHostPortBehindLoadBalancer from './no-static-host-port-behind-load-balancer';
import requireEssentialContainer from './require-essential-container';

export const ECS_RULES: readonly Rule[] = [fargateValidCpuMemory, requireEssentialContainer, noStaticHostPortBehindLoadBalancer];
