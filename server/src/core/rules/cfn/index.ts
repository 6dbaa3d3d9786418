import type { Rule } from '../types';

export const CFN_RULES: readonly Rule[] = [];
