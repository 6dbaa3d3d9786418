import type { Rule } from '../types';

export const LAMBDA_RULES: readonly Rule[] = [];
