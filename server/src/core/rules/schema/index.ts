import type { Rule } from '../types';
import validApiInput from './valid-api-input';

export const SCHEMA_RULES: readonly Rule[] = [validApiInput];
