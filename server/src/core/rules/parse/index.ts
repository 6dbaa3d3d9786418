import type { Rule } from '../types';
import duplicateKey from './duplicate-key';
import invalidEncoding from './invalid-encoding';
import strictJson from './strict-json';
import syntaxError from './syntax-error';
import tooComplex from './too-complex';

export const PARSE_RULES: readonly Rule[] = [syntaxError, duplicateKey, strictJson, tooComplex, invalidEncoding];
