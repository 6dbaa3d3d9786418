import type { Rule } from '../types';
import noDeprecatedRuntime from './no-deprecated-runtime';
import noReservedEnvironmentVariable from './no-reserved-environment-variable';
import validEnvironmentSize from './valid-environment-size';
import validEphemeralStorage from './valid-ephemeral-storage';
import validLayerCount from './valid-layer-count';
import validMemorySize from './valid-memory-size';
import validTimeout from './valid-timeout';

export const LAMBDA_RULES: readonly Rule[] = [
  validMemorySize,
  validTimeout,
  validEphemeralStorage,
  validEnvironmentSize,
  noReservedEnvironmentVariable,
  validLayerCount,
  noDeprecatedRuntime,
];
