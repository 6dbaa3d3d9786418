import type { Rule } from '../types';

export const BATCH_RULES: readonly Rule[] = [];
