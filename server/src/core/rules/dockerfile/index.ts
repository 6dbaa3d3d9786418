import type { Rule } from '../types';
import noLatestTag from './no-latest-tag';
import noRootUser from './no-root-user';
import noSecretsInEnv from './no-secrets-in-env';

export const DOCKERFILE_RULES: readonly Rule[] = [noRootUser, noLatestTag, noSecretsInEnv];
