import type { Rule } from '../types';

export const DOCKERFILE_RULES: readonly Rule[] = [];
